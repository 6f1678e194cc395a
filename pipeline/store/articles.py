"""Pages and articles: feed items leased for fetching, and articles stored idempotently (near-duplicates linked)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import psycopg2

from pipeline.dedup import NEAR_DUPLICATE_BITS, bands, distance, simhash
from pipeline.store.db import Conn

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
