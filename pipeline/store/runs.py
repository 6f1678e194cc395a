"""The run log operators read: runs (opened, counted, closed, stale ones failed), their leases, and events."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

import psycopg2

from pipeline.store.db import Conn, connection

log = logging.getLogger(__name__)

STALE_RUN = timedelta(hours=2)  # twice the DAG's run timeout: a run silent this long has died


def start_run(conn: Conn, source: str) -> int:
    """Record the start of a run and return its id."""
    with conn.cursor() as cur:
        close_stale_runs(conn, STALE_RUN)
        cur.execute("INSERT INTO runs (source, heartbeat_at) VALUES (%s, now()) RETURNING id", (source,))
        run_id = cur.fetchone()[0]
    conn.commit()
    return run_id


def close_stale_runs(conn: Conn, silent_for: timedelta) -> int:
    """Close as failed the runs still 'running' that no stage has reported for `silent_for` (their process died)."""
    with conn.cursor() as cur:
        cur.execute(
            """UPDATE runs SET status = 'failed', finished_at = now(),
                 error = 'stopped without closing: no stage reported since ' || to_char(COALESCE(heartbeat_at, started_at), 'YYYY-MM-DD HH24:MI:SS UTC')
               WHERE status = 'running' AND COALESCE(heartbeat_at, started_at) <= now() - %s
               RETURNING id""",
            (silent_for,),
        )
        closed = [row[0] for row in cur.fetchall()]
    conn.commit()
    for run_id in closed:
        release_run_leases(conn, run_id)
    return len(closed)


def add_run_counts(conn: Conn, run_id: int, counts: dict[str, int], finished: bool = False) -> None:
    """Merge stage counts into a run's record (adding to counts already there)."""
    with conn.cursor() as cur:
        cur.execute("SELECT counts FROM runs WHERE id = %s FOR UPDATE", (run_id,))
        row = cur.fetchone()
        merged = dict(row[0]) if row else {}
        for key, value in counts.items():
            merged[key] = merged.get(key, 0) + value
        cur.execute(
            """UPDATE runs SET counts = %s, finished_at = CASE WHEN %s THEN now() ELSE finished_at END,
                 -- a stage that reports is alive: a run failed by an earlier try of a retried task goes on
                 status = CASE WHEN %s THEN 'finished' ELSE 'running' END, heartbeat_at = now()
               WHERE id = %s""",
            (json.dumps(merged), finished, finished, run_id),
        )
    conn.commit()


def error_line(error: BaseException | str) -> str:
    """The first line of an error's message (its type when the message is empty), for runs, events and stderr."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def end_run(database_url: str, run_id: int, error: BaseException | str | None = None) -> bool:
    """Close a run as finished, or as failed with a one-line reason; False when the database cannot be reached.

    Opens its own connection: the stage's own may be the thing that broke.
    """
    message = None if error is None else error_line(error)[:500]
    try:
        with connection(database_url) as conn, conn.cursor() as cur:
            cur.execute(
                """UPDATE runs SET status = %s, error = %s, finished_at = COALESCE(finished_at, now())
                   WHERE id = %s AND status = 'running'""",
                ("finished" if error is None else "failed", message, run_id),
            )
            conn.commit()
            if error is not None:
                release_run_leases(conn, run_id)
        return True
    except psycopg2.Error:
        log.warning("could not close run %s (database unreachable)", run_id)
        return False


def release_run_leases(conn: Conn, run_id: int) -> None:
    """Hand back at once every lease a failed run holds (its attempts stay counted), instead of at expiry."""
    with conn.cursor() as cur:
        cur.execute("UPDATE feeds SET lease_until = NULL WHERE leased_by = %s AND lease_until IS NOT NULL", (run_id,))
        cur.execute("UPDATE feed_items SET lease_until = NULL WHERE leased_by = %s AND lease_until IS NOT NULL", (run_id,))
        cur.execute("""UPDATE articles SET analysis_lease_until = NULL
                       WHERE analysis_leased_by = %s AND analysis_lease_until IS NOT NULL""", (run_id,))
    conn.commit()


def record_event(conn: Conn, run_id: int | None, stage: str, subject: str, kind: str, message: str) -> None:
    """Log a failure (feed, page, email) where operators can query it; commits on its own."""
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO events (run_id, stage, subject, kind, message) VALUES (%s, %s, %s, %s, %s)",
            (run_id, stage, subject[:2000], kind, message[:4000]),
        )
    conn.commit()
    log.warning("%s %s: %s (%s)", stage, subject, message, kind)
