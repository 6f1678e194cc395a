"""Idempotent writes for feeds, feed items and articles, keyed on natural keys."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import psycopg2.extensions
import psycopg2.extras

from pipeline.dedup import NEAR_DUPLICATE_BITS, bands, distance, simhash
from pipeline.feeds import FeedState, PollResult
from pipeline.models import Feed, FeedEntry
from pipeline.db import Conn


DISABLE_AFTER_FAILURES = 10  # consecutive failed polls before a feed is switched off
BACKOFF_BASE = timedelta(minutes=15)
BACKOFF_MAX = timedelta(hours=24)
MAX_ITEM_ATTEMPTS = 3
MAX_ANALYSIS_ATTEMPTS = 3  # analyses started (a crash counts) before an article is given up


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


def claim_due_feeds(conn: Conn, names: Iterable[str], now: datetime, lease: timedelta, run_id: int | None = None
                    ) -> dict[str, tuple[int, FeedState]]:
    """Lease the enabled feeds among `names` whose backoff has expired and that no other run holds.

    Returns them with their conditional-GET state; record_poll frees each lease. Feeds held by a
    concurrent run are skipped (SKIP LOCKED, then an unexpired lease), so two runs split the feeds.
    """
    with conn.cursor() as cur:
        cur.execute(
            """UPDATE feeds f SET lease_until = %(until)s, leased_by = %(run)s
               FROM (SELECT id FROM feeds
                     WHERE name = ANY(%(names)s) AND enabled AND (next_poll_at IS NULL OR next_poll_at <= %(now)s)
                       AND (lease_until IS NULL OR lease_until <= %(now)s)
                     FOR UPDATE SKIP LOCKED) due
               WHERE f.id = due.id
               RETURNING f.name, f.id, f.etag, f.last_modified, f.body_hash""",
            {"names": list(names), "now": now, "until": now + lease, "run": run_id},
        )
        claimed = {row[0]: (row[1], FeedState(row[2], row[3], row[4])) for row in cur.fetchall()}
    conn.commit()
    return claimed


def release_feeds(conn: Conn, feed_ids: Iterable[int]) -> None:
    """Free the leases of feeds this run took but did not poll (the stage ran out of time)."""
    with conn.cursor() as cur:
        cur.execute("UPDATE feeds SET lease_until = NULL WHERE id = ANY(%s)", (list(feed_ids),))
    conn.commit()


def record_poll(conn: Conn, feed_id: int, result: PollResult, now: datetime) -> int:
    """Store a poll's outcome (health, validators, new items); return how many items were new."""
    new_items = 0
    with conn.cursor() as cur:
        if result.status == "failed":
            gone = result.http_status == 410
            cur.execute(
                """UPDATE feeds SET last_polled_at = %s, last_status = %s, last_error = %s, lease_until = NULL,
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
                     lease_until = NULL, consecutive_failures = 0, next_poll_at = NULL, etag = %s, last_modified = %s, body_hash = %s,
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


def claim_items(conn: Conn, limit: int, lease: timedelta, run_id: int | None = None) -> list[PendingItem]:
    """Lease up to `limit` pending feed items, oldest first, counting the attempt now (before the fetch).

    Items another run holds are skipped, and so are items whose attempts are used up: the stage
    records those as failed with give_up_abandoned first.
    """
    with conn.cursor() as cur:
        cur.execute(
            """UPDATE feed_items i SET attempts = i.attempts + 1, lease_until = now() + %(lease)s, leased_by = %(run)s
               FROM (SELECT id FROM feed_items
                     WHERE status = 'pending' AND (lease_until IS NULL OR lease_until <= now())
                       AND attempts < %(max)s
                     ORDER BY id LIMIT %(limit)s FOR UPDATE SKIP LOCKED) picked, feeds f
               WHERE i.id = picked.id AND f.id = i.feed_id
               RETURNING i.id, i.url, i.link, i.feed_id, f.outlet, f.language, i.title, i.published_at""",
            {"lease": lease, "max": MAX_ITEM_ATTEMPTS, "limit": limit, "run": run_id},
        )
        items = sorted((PendingItem(*row) for row in cur.fetchall()), key=lambda item: item.id)
    conn.commit()
    return items


def give_up_abandoned(conn: Conn) -> list[tuple[int, str]]:
    """Mark failed the pending items whose every attempt was taken and never finished; return their (id, link)."""
    with conn.cursor() as cur:
        cur.execute(
            """UPDATE feed_items SET status = 'failed', lease_until = NULL,
                 last_error = 'gave up after ' || attempts || ' attempts: '
                   || COALESCE(last_error, 'no attempt finished (the page hung or crashed the run)')
               WHERE id IN (SELECT id FROM feed_items
                            WHERE status = 'pending' AND attempts >= %s AND (lease_until IS NULL OR lease_until <= now())
                            FOR UPDATE SKIP LOCKED)
               RETURNING id, link""",
            (MAX_ITEM_ATTEMPTS,),
        )
        rows = cur.fetchall()
    conn.commit()
    return rows


def release_items(conn: Conn, item_ids: Iterable[int]) -> None:
    """Hand back leased items this run did not get to (the stage ran out of time): the attempt is not counted."""
    with conn.cursor() as cur:
        cur.execute("UPDATE feed_items SET lease_until = NULL, attempts = attempts - 1 WHERE id = ANY(%s) AND status = 'pending'",
                    (list(item_ids),))
    conn.commit()


def mark_item_failed(conn: Conn, item_id: int, error: str, final: bool) -> None:
    """Record a failed fetch (its attempt was counted with the lease); after MAX_ITEM_ATTEMPTS or a final error it stops."""
    with conn.cursor() as cur:
        cur.execute(
            """UPDATE feed_items SET last_error = %s, lease_until = NULL,
                 status = CASE WHEN %s OR attempts >= %s THEN 'failed' ELSE 'pending' END WHERE id = %s""",
            (error[:2000], final, MAX_ITEM_ATTEMPTS, item_id),
        )
    conn.commit()


# Not analysed by this analyzer version. "< or >" rather than "<>": each side is an index range scan (migration 005).
_NOT_ANALYSED_BY = "(analyzer_version IS NULL OR analyzer_version < %(v)s OR analyzer_version > %(v)s)"


def claim_for_analysis(conn: Conn, version: str, limit: int, lease: timedelta, run_id: int | None = None) -> list[tuple]:
    """Lease up to `limit` articles not yet analysed by `version`, oldest first: (id, title, body_text, outlet, date).

    Articles another run holds are skipped; each lease counts an attempt, so an article whose
    analysis crashes a run every time is given up (give_up_analysis) instead of crashing every run.
    """
    with conn.cursor() as cur:
        cur.execute(
            f"""UPDATE articles a SET analysis_lease_until = now() + %(lease)s, analysis_leased_by = %(run)s,
                 analysis_attempts = a.analysis_attempts + 1
               FROM (SELECT id FROM articles
                     WHERE {_NOT_ANALYSED_BY}
                       AND (analysis_lease_until IS NULL OR analysis_lease_until <= now())
                       AND analysis_attempts < %(max)s
                     ORDER BY id LIMIT %(limit)s FOR UPDATE SKIP LOCKED) picked
               WHERE a.id = picked.id
               RETURNING a.id, a.title, a.body_text, a.outlet, to_char(a.published_at, 'YYYY-MM-DD')""",
            {"lease": lease, "v": version, "max": MAX_ANALYSIS_ATTEMPTS, "limit": limit, "run": run_id},
        )
        rows = sorted(cur.fetchall())
    conn.commit()
    return rows


def give_up_analysis(conn: Conn, version: str) -> list[int]:
    """Record as failed the articles whose every analysis attempt was taken and never finished; return their ids."""
    with conn.cursor() as cur:
        cur.execute(
            f"""UPDATE articles SET analyzed_at = now(), analyzer_version = %(v)s, is_relevant = NULL,
                 relevance_evidence = '["analysis failed: no attempt finished"]', analysis_lease_until = NULL,
                 analysis_attempts = 0  -- the next analyzer version tries again
               WHERE id IN (SELECT id FROM articles
                            WHERE {_NOT_ANALYSED_BY}
                              AND analysis_attempts >= %(max)s
                              AND (analysis_lease_until IS NULL OR analysis_lease_until <= now())
                            FOR UPDATE SKIP LOCKED)
               RETURNING id""",
            {"v": version, "max": MAX_ANALYSIS_ATTEMPTS},
        )
        ids = [row[0] for row in cur.fetchall()]
    conn.commit()
    return ids


def fail_analysis(conn: Conn, article_id: int, version: str, reason: str) -> None:
    """Record that analysing an article raised: not retried until the analyzer version changes."""
    with conn.cursor() as cur:
        cur.execute(
            """UPDATE articles SET analyzed_at = now(), analyzer_version = %s, is_relevant = NULL,
                 relevance_evidence = %s, analysis_lease_until = NULL, analysis_attempts = 0 WHERE id = %s""",
            (version, json.dumps([f"analysis failed: {reason}"]), article_id),
        )
    conn.commit()


def release_run_leases(conn: Conn, run_id: int) -> None:
    """Hand back at once every lease a failed run holds (its attempts stay counted), instead of at expiry."""
    with conn.cursor() as cur:
        cur.execute("UPDATE feeds SET lease_until = NULL WHERE leased_by = %s AND lease_until IS NOT NULL", (run_id,))
        cur.execute("UPDATE feed_items SET lease_until = NULL WHERE leased_by = %s AND lease_until IS NOT NULL", (run_id,))
        cur.execute("""UPDATE articles SET analysis_lease_until = NULL
                       WHERE analysis_leased_by = %s AND analysis_lease_until IS NOT NULL""", (run_id,))
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


def _stored_id(value: int | _NewId) -> int:
    found = _id(value)
    assert found is not None, "ids are allocated before the batch is written"
    return found


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
        # Another run may be storing the same URLs: one writer per URL at a time, locks taken in one
        # order (no deadlock), so the lookup below sees what the other committed (no UniqueViolation).
        cur.execute("SELECT count(pg_advisory_xact_lock(hashtext('article:' || u))) FROM unnest(%s::text[]) u",
                    (sorted({a.item.url for a in articles}),))
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
            if row.simhash is None:
                return
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
            row = by_url.get(item.url)  # type: ignore[assignment]  # None until one is found or made below
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

        new_ids = [row.id for kind, _, _, row in writes if kind == "insert" and isinstance(row.id, _NewId)]  # all inserts
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
                         simhash = %s, sim_bands = %s, fetched_at = now(), revision = revision + 1, analyzed_at = NULL, analyzer_version = NULL,
                         analysis_attempts = 0
                       WHERE id = %s""",
                    (article.body_text, article.digest, psycopg2.Binary(article.raw_html), article.title, fingerprint,
                     _band_keys(fingerprint), _id(row.id)),
                ))
            else:
                statements.append(cur.mogrify(
                    "UPDATE feed_items SET status = 'fetched', article_id = %s, lease_until = NULL WHERE id = %s",
                    (_id(row.id), article.item.id),
                ))
        cur.execute(b";\n".join(statements))
    conn.commit()
    return [(_stored_id(row.id), changed) for row, changed in results]


def utcnow() -> datetime:
    """The current time, UTC-aware."""
    return datetime.now(timezone.utc)
