"""PostgreSQL connection, numbered migrations, and the run/event log operators read."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg2
import psycopg2.extensions
import psycopg2.extras

log = logging.getLogger(__name__)

SQL_DIR = Path(__file__).with_name("sql")
MIGRATION_LOCK = 7_114_202  # advisory lock id: one migrator at a time


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
        conn.rollback()
        conn.close()


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
        cur.execute("INSERT INTO runs (source) VALUES (%s) RETURNING id", (source,))
        run_id = cur.fetchone()[0]
    conn.commit()
    return run_id


def add_run_counts(conn: psycopg2.extensions.connection, run_id: int, counts: dict[str, int], finished: bool = False) -> None:
    """Merge stage counts into a run's record (adding to counts already there)."""
    with conn.cursor() as cur:
        cur.execute("SELECT counts FROM runs WHERE id = %s FOR UPDATE", (run_id,))
        row = cur.fetchone()
        merged = dict(row[0]) if row else {}
        for key, value in counts.items():
            merged[key] = merged.get(key, 0) + value
        cur.execute(
            "UPDATE runs SET counts = %s, finished_at = CASE WHEN %s THEN now() ELSE finished_at END WHERE id = %s",
            (json.dumps(merged), finished, run_id),
        )
    conn.commit()


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
