"""PostgreSQL connection, numbered migrations, and the run/event log operators read."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from typing import TypeAlias

import psycopg2
import psycopg2.extensions
import psycopg2.extras

log = logging.getLogger(__name__)

Conn: TypeAlias = psycopg2.extensions.connection  # every module's connection type

SQL_DIR = Path(__file__).with_name("sql")
MIGRATION_LOCK = 7_114_202  # advisory lock id: one migrator at a time
STALE_RUN = timedelta(hours=2)  # twice the DAG's run timeout: a run silent this long has died


def connect(database_url: str) -> psycopg2.extensions.connection:
    """Open a connection (autocommit off) with UTC timestamps."""
    conn = psycopg2.connect(database_url, connect_timeout=10, application_name="ceasefire-monitor")
    with conn.cursor() as cur:
        cur.execute("SET TIME ZONE 'UTC'")
    conn.commit()
    return conn


@contextmanager
def connection(database_url: str) -> Iterator[psycopg2.extensions.connection]:
    """A connection that is closed afterwards; uncommitted work is rolled back."""
    conn = connect(database_url)
    try:
        yield conn
    finally:
        close_quietly(conn)


def close_quietly(conn: psycopg2.extensions.connection) -> None:
    """Roll back and close; a connection the server already dropped is just closed.

    Never raises: on the way out of a failure, the failure is what the caller must see, not
    "connection already closed" from the clean-up.
    """
    if not conn.closed:
        try:
            conn.rollback()
        except psycopg2.Error:
            pass
    try:
        conn.close()
    except psycopg2.Error:
        pass


def migration_files() -> list[tuple[int, str, Path]]:
    """Migrations in order: files named NNN_name.sql under pipeline/sql."""
    found = []
    for path in sorted(SQL_DIR.glob("*.sql")):
        number, _, name = path.stem.partition("_")
        found.append((int(number), name, path))
    return found


def migrate(conn: psycopg2.extensions.connection) -> list[int]:
    """Apply the migrations not yet recorded in schema_migrations; return the versions applied."""
    applied: list[int] = []
    with conn.cursor() as cur:
        cur.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
        try:
            cur.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
            )
            conn.commit()
            cur.execute("SELECT version FROM schema_migrations")
            done = {row[0] for row in cur.fetchall()}
            for version, name, path in migration_files():
                if version in done:
                    continue
                cur.execute(path.read_text(encoding="utf-8"))
                cur.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, %s)", (version, name))
                conn.commit()
                applied.append(version)
                log.info("applied migration %03d_%s", version, name)
        except Exception:
            conn.rollback()
            raise
        finally:
            cur.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))
            conn.commit()
    return applied


def start_run(conn: psycopg2.extensions.connection, source: str) -> int:
    """Record the start of a run and return its id."""
    with conn.cursor() as cur:
        close_stale_runs(conn, STALE_RUN)
        cur.execute("INSERT INTO runs (source, heartbeat_at) VALUES (%s, now()) RETURNING id", (source,))
        run_id = cur.fetchone()[0]
    conn.commit()
    return run_id


def close_stale_runs(conn: psycopg2.extensions.connection, silent_for: timedelta) -> int:
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
    from pipeline.store import release_run_leases

    for run_id in closed:
        release_run_leases(conn, run_id)
    return len(closed)


def add_run_counts(conn: psycopg2.extensions.connection, run_id: int, counts: dict[str, int], finished: bool = False) -> None:
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
                from pipeline.store import release_run_leases

                release_run_leases(conn, run_id)
        return True
    except psycopg2.Error:
        log.warning("could not close run %s (database unreachable)", run_id)
        return False


def record_event(
    conn: psycopg2.extensions.connection, run_id: int | None, stage: str, subject: str, kind: str, message: str
) -> None:
    """Log a failure (feed, page, email) where operators can query it; commits on its own."""
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO events (run_id, stage, subject, kind, message) VALUES (%s, %s, %s, %s, %s)",
            (run_id, stage, subject[:2000], kind, message[:4000]),
        )
    conn.commit()
    log.warning("%s %s: %s (%s)", stage, subject, message, kind)
