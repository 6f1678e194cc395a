"""Idempotent writes for feeds, feed items and articles, keyed on natural keys."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import psycopg2.extensions
import psycopg2.extras

from pipeline.dedup import NEAR_DUPLICATE_BITS, bands, distance, simhash
from pipeline.feeds import FeedState, PollResult
from pipeline.models import Feed, FeedEntry

Conn = psycopg2.extensions.connection

DISABLE_AFTER_FAILURES = 10  # consecutive failed polls before a feed is switched off
BACKOFF_BASE = timedelta(minutes=15)
BACKOFF_MAX = timedelta(hours=24)
MAX_ITEM_ATTEMPTS = 3


@dataclass(frozen=True)
class PendingItem:
    """A feed item whose page is still to be fetched."""

    id: int
    url: str
    link: str
    feed_id: int
    outlet: str
    language: str
    title: str | None
    published_at: datetime | None


def sync_feeds(conn: Conn, feeds: Iterable[Feed]) -> dict[str, int]:
    """Upsert the configured feeds by name and return name -> id; feeds dropped from config are left as they are."""
    ids: dict[str, int] = {}
    with conn.cursor() as cur:
        for feed in feeds:
            cur.execute(
                """INSERT INTO feeds (name, url, outlet, language) VALUES (%s, %s, %s, %s)
                   ON CONFLICT (name) DO UPDATE SET
                     outlet = EXCLUDED.outlet, language = EXCLUDED.language,
                     -- a new URL is a new chance: clear the old failure record
                     enabled = CASE WHEN feeds.url <> EXCLUDED.url THEN true ELSE feeds.enabled END,
                     disabled_reason = CASE WHEN feeds.url <> EXCLUDED.url THEN NULL ELSE feeds.disabled_reason END,
                     consecutive_failures = CASE WHEN feeds.url <> EXCLUDED.url THEN 0 ELSE feeds.consecutive_failures END,
                     next_poll_at = CASE WHEN feeds.url <> EXCLUDED.url THEN NULL ELSE feeds.next_poll_at END,
                     url = EXCLUDED.url
                   RETURNING id""",
                (feed.name, feed.url, feed.outlet, feed.language),
            )
            ids[feed.name] = cur.fetchone()[0]
    conn.commit()
    return ids


def feeds_due(conn: Conn, names: Iterable[str], now: datetime) -> dict[str, tuple[int, FeedState]]:
    """Enabled feeds among `names` whose backoff has expired, with their conditional-GET state."""
    with conn.cursor() as cur:
        cur.execute(
            """SELECT name, id, etag, last_modified, body_hash FROM feeds
               WHERE name = ANY(%s) AND enabled AND (next_poll_at IS NULL OR next_poll_at <= %s)""",
            (list(names), now),
        )
        return {row[0]: (row[1], FeedState(row[2], row[3], row[4])) for row in cur.fetchall()}


def record_poll(conn: Conn, feed_id: int, result: PollResult, now: datetime) -> int:
    """Store a poll's outcome (health, validators, new items); return how many items were new."""
    new_items = 0
    with conn.cursor() as cur:
        if result.status == "failed":
            gone = result.http_status == 410
            cur.execute(
                """UPDATE feeds SET last_polled_at = %s, last_status = %s, last_error = %s,
                     consecutive_failures = consecutive_failures + 1 WHERE id = %s RETURNING consecutive_failures""",
                (now, result.http_status, result.error, feed_id),
            )
            failures = cur.fetchone()[0]
            delay = min(BACKOFF_BASE * (2 ** (failures - 1)), BACKOFF_MAX)
            disable = gone or failures >= DISABLE_AFTER_FAILURES
            reason = "HTTP 410 Gone" if gone else f"{failures} consecutive failures" if disable else None
            cur.execute(
                "UPDATE feeds SET next_poll_at = %s, enabled = NOT %s, disabled_reason = COALESCE(%s, disabled_reason) WHERE id = %s",
                (now + delay, disable, reason, feed_id),
            )
        else:
            new_items = insert_items(cur, feed_id, result.entries)
            cur.execute(
                """UPDATE feeds SET last_polled_at = %s, last_success_at = %s, last_status = %s, last_error = NULL,
                     consecutive_failures = 0, next_poll_at = NULL, etag = %s, last_modified = %s, body_hash = %s,
                     items_seen = items_seen + %s WHERE id = %s""",
                (now, now, result.http_status, result.etag, result.last_modified, result.body_hash, new_items, feed_id),
            )
    conn.commit()
    return new_items


_INSERT_ITEM = """INSERT INTO feed_items (url, link, feed_id, guid, title, published_at, updated_at)
           VALUES (%s, %s, %s, %s, %s, %s, %s)
           ON CONFLICT (url) DO UPDATE SET updated_at = EXCLUDED.updated_at, title = EXCLUDED.title,
             status = 'pending', attempts = 0, last_error = NULL
           WHERE EXCLUDED.updated_at > feed_items.updated_at"""


def insert_items(cur: psycopg2.extensions.cursor, feed_id: int, entries: Iterable[FeedEntry]) -> int:
    """insert_item for each entry in order; return how many were new or queued again.

    One lookup finds which URLs and GUIDs are already known; entries new on both counts are
    inserted together in one round trip, the others go through insert_item one by one.
    """
    entries = list(entries)
    if not entries:
        return 0
    cur.execute(
        "SELECT url, feed_id, guid FROM feed_items WHERE url = ANY(%s) OR (feed_id = %s AND guid = ANY(%s))",
        ([e.url for e in entries], feed_id, [e.guid for e in entries if e.guid]),
    )
    known_urls: set[str] = set()
    known_guids: set[str] = set()  # of this feed
    for url, owner, guid in cur.fetchall():
        known_urls.add(url)
        if owner == feed_id and guid:
            known_guids.add(guid)
    pending: list[bytes] = []
    count = 0
    for entry in entries:
        if entry.url not in known_urls and not (entry.guid and entry.guid in known_guids):
            pending.append(cur.mogrify(_INSERT_ITEM, (entry.url, entry.link or entry.url, feed_id, entry.guid, entry.title,
                                                      entry.published_at, entry.updated_at)))
            known_urls.add(entry.url)
            if entry.guid:
                known_guids.add(entry.guid)
            count += 1
            continue
        if pending:  # the entry's checks must see the inserts before it
            cur.execute(b";\n".join(pending))
            pending = []
        count += insert_item(cur, feed_id, entry)  # changes no URL or GUID set: known URL, or GUID seen elsewhere
    if pending:
        cur.execute(b";\n".join(pending))
    return count


def insert_item(cur: psycopg2.extensions.cursor, feed_id: int, entry: FeedEntry) -> int:
    """Insert a new feed item, or queue a known one again when the feed says it was updated; 1 if so."""
    if entry.guid:
        # The same GUID under another URL is the same story re-linked (tracking, AMP, moved slug).
        cur.execute("SELECT 1 FROM feed_items WHERE feed_id = %s AND guid = %s AND url <> %s", (feed_id, entry.guid, entry.url))
        if cur.fetchone():
            return 0
    cur.execute(
        _INSERT_ITEM,
        (entry.url, entry.link or entry.url, feed_id, entry.guid, entry.title, entry.published_at, entry.updated_at),
    )
    return cur.rowcount


def pending_items(conn: Conn, limit: int) -> list[PendingItem]:
    """Feed items still to be fetched, oldest first."""
    with conn.cursor() as cur:
        cur.execute(
            """SELECT i.id, i.url, i.link, i.feed_id, f.outlet, f.language, i.title, i.published_at
               FROM feed_items i JOIN feeds f ON f.id = i.feed_id
               WHERE i.status = 'pending' ORDER BY i.id LIMIT %s""",
            (limit,),
        )
        return [PendingItem(*row) for row in cur.fetchall()]


def mark_item_failed(conn: Conn, item_id: int, error: str, final: bool) -> None:
    """Count a failed fetch; after MAX_ITEM_ATTEMPTS (or a final error) the item stops being retried."""
    with conn.cursor() as cur:
        cur.execute(
            """UPDATE feed_items SET attempts = attempts + 1, last_error = %s,
                 status = CASE WHEN %s OR attempts + 1 >= %s THEN 'failed' ELSE 'pending' END WHERE id = %s""",
            (error[:2000], final, MAX_ITEM_ATTEMPTS, item_id),
        )
    conn.commit()


def _band_keys(fingerprint: int) -> list[int]:
    # Band position folded into the key so equal values in different bands do not match.
    return [index * 65536 + value for index, value in enumerate(bands(fingerprint))]


@dataclass(frozen=True)
class NewArticle:
    """A fetched, extracted page to store for its feed item."""

    item: PendingItem
    final_url: str
    title: str | None
    published_at: str | datetime | None
    language: str | None
    body_text: str
    digest: str  # body hash
    raw_html: bytes  # compressed
    fingerprint: int | None = None  # SimHash of body_text; computed here when not given


class _NewId:
    """The id of an article inserted by this batch, known once the batch allocates ids."""

    value: int | None = None


@dataclass(eq=False)
class _Row:
    """An article as the batch sees it: the database row with this batch's writes applied."""

    id: int | _NewId
    outlet: str
    story_id: int | _NewId | None
    simhash: int | None
    body_hash: str
    order: tuple[int, int]  # stored rows by id, then this batch's inserts in order (ids grow)
    locked: bool = False


def _id(value: int | _NewId | None) -> int | None:
    return value.value if isinstance(value, _NewId) else value


def upsert_articles(conn: Conn, articles: list[NewArticle]) -> list[tuple[int, bool]]:
    """Store articles and link their feed items, in order and in one transaction; return (id, needs_analysis) each.

    The same body again changes nothing. A new body at a known URL, or a near-duplicate body
    from the same outlet at another URL, is a correction: the row is updated, its revision
    counted and its analysis redone. A near-duplicate from another outlet is stored as that
    outlet's article and linked to the same story. Each article sees the ones before it in the
    batch exactly as if they had been stored one by one; the lookups are made once per batch
    and the writes sent in one round trip.
    """
    if not articles:
        return []
    prints = [a.fingerprint if a.fingerprint is not None else simhash(a.body_text) for a in articles]
    with conn.cursor() as cur:
        cur.execute(
            """SELECT url, id, outlet, story_id, simhash, body_hash FROM articles WHERE url = ANY(%s)
               ORDER BY id FOR UPDATE""",
            ([a.item.url for a in articles],),
        )
        rows: dict[int | _NewId, _Row] = {}
        by_url: dict[str, _Row] = {}
        for url, article_id, outlet, story, fingerprint, digest in cur.fetchall():
            by_url[url] = rows[article_id] = _Row(article_id, outlet, story, fingerprint, digest, (0, article_id), True)
        # Every article within NEAR_DUPLICATE_BITS of a fingerprint shares one of its bands (pigeonhole).
        keys = sorted({key for fingerprint in prints for key in _band_keys(fingerprint)})
        # With hundreds of keys the planner expects most of the table to match and scans all of it
        # (linear in the table: ~180 ms a batch at 50,000 articles); the band index (no pending list
        # since migration 004) finds the few rows in ~10 ms.
        cur.execute("SET LOCAL enable_seqscan = off")
        cur.execute("SELECT id, outlet, story_id, simhash, body_hash FROM articles WHERE sim_bands && %s", (keys,))
        candidates = cur.fetchall()
        cur.execute("RESET enable_seqscan")
        for article_id, outlet, story, fingerprint, digest in candidates:
            if article_id not in rows:
                rows[article_id] = _Row(article_id, outlet, story, fingerprint, digest, (0, article_id))
        # Rows by band key: an article is compared only with rows sharing one of its bands (exact, as above).
        by_band: dict[int, list[_Row]] = {}

        def index(row: _Row) -> None:
            for key in _band_keys(row.simhash):
                by_band.setdefault(key, []).append(row)

        for row in rows.values():
            if row.simhash is not None:
                index(row)

        writes: list[tuple[str, NewArticle, int, _Row]] = []
        results: list[tuple[_Row, bool]] = []
        for position, (article, fingerprint) in enumerate(zip(articles, prints)):
            item = article.item
            # Nearest first, stored rows before this batch's inserts on a tie.
            candidates = {id(row): row for key in _band_keys(fingerprint) for row in by_band.get(key, ())}
            close = [(d, row.order, row) for row in candidates.values()
                     if (d := distance(fingerprint, row.simhash)) <= NEAR_DUPLICATE_BITS]
            near = [row for _, _, row in sorted(close)]
            row = by_url.get(item.url)
            if row is None:
                row = next((n for n in near if n.outlet == item.outlet), None)
                if row is not None and not row.locked and not isinstance(row.id, _NewId):
                    cur.execute("SELECT body_hash FROM articles WHERE id = %s FOR UPDATE", (row.id,))
                    row.body_hash, row.locked = cur.fetchone()[0], True
            if row is None:
                row = _Row(_NewId(), item.outlet, None, fingerprint, article.digest, (1, position), True)
                row.story_id = next((n.story_id or n.id for n in near), row.id)
                by_url[item.url] = row
                index(row)
                writes.append(("insert", article, fingerprint, row))
                changed = True
            elif row.body_hash != article.digest:
                row.body_hash, row.simhash = article.digest, fingerprint
                index(row)  # under its new bands; entries under old ones are checked against the new SimHash
                writes.append(("update", article, fingerprint, row))
                changed = True
            else:
                changed = False
            writes.append(("link", article, fingerprint, row))
            results.append((row, changed))

        new_ids = [row.id for kind, _, _, row in writes if kind == "insert"]
        if new_ids:
            cur.execute("SELECT nextval(pg_get_serial_sequence('articles', 'id')) FROM generate_series(1, %s)",
                        (len(new_ids),))
            for new_id, value in zip(new_ids, sorted(r[0] for r in cur.fetchall())):
                new_id.value = value
        statements = []
        for kind, article, fingerprint, row in writes:
            if kind == "insert":
                item = article.item
                statements.append(cur.mogrify(
                    """INSERT INTO articles (id, url, final_url, outlet, title, published_at, language, body_text,
                         body_hash, raw_html, simhash, sim_bands, story_id)
                       VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)""",
                    (_id(row.id), item.url, article.final_url, item.outlet, article.title or item.title,
                     item.published_at or article.published_at, article.language or item.language, article.body_text,
                     article.digest, psycopg2.Binary(article.raw_html), fingerprint, _band_keys(fingerprint),
                     _id(row.story_id)),
                ))
            elif kind == "update":
                statements.append(cur.mogrify(
                    """UPDATE articles SET body_text = %s, body_hash = %s, raw_html = %s, title = COALESCE(%s, title),
                         simhash = %s, sim_bands = %s, fetched_at = now(), revision = revision + 1, analyzed_at = NULL, analyzer_version = NULL
                       WHERE id = %s""",
                    (article.body_text, article.digest, psycopg2.Binary(article.raw_html), article.title, fingerprint,
                     _band_keys(fingerprint), _id(row.id)),
                ))
            else:
                statements.append(cur.mogrify(
                    "UPDATE feed_items SET status = 'fetched', article_id = %s, attempts = attempts + 1 WHERE id = %s",
                    (_id(row.id), article.item.id),
                ))
        cur.execute(b";\n".join(statements))
    conn.commit()
    return [(_id(row.id), changed) for row, changed in results]


def utcnow() -> datetime:
    """The current time, UTC-aware."""
    return datetime.now(timezone.utc)
