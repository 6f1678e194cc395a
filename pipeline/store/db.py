"""PostgreSQL connections, the numbered migrations (in pipeline/sql) and the one deadlock retry."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeAlias

import psycopg2
import psycopg2.errors
import psycopg2.extensions

log = logging.getLogger(__name__)

Conn: TypeAlias = psycopg2.extensions.connection  # every module's connection type

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
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


def once_more_on_deadlock(conn: Conn, write, *args):
    """write(*args), tried again once when PostgreSQL breaks a deadlock with a concurrent run's transaction."""
    try:
        return write(*args)
    except psycopg2.errors.DeadlockDetected:
        conn.rollback()
        return write(*args)
