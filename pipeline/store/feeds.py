"""Feeds and their items: the configured feeds, poll leases, feed health and backoff, new items queued for fetching."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

import psycopg2.extensions

from pipeline.feeds import FeedState, PollResult
from pipeline.models import Feed, FeedEntry
from pipeline.store.db import Conn

DISABLE_AFTER_FAILURES = 10  # consecutive failed polls before a feed is switched off
BACKOFF_BASE = timedelta(minutes=15)
BACKOFF_MAX = timedelta(hours=24)


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
