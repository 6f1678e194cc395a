"""Closing a failed run outlasts a database that is briefly away, gives up in bounded time, and hands back its leases."""

from __future__ import annotations

import time
from datetime import timedelta

import psycopg2
import pytest

from pipeline import stages
from pipeline.feeds import load_feeds
from pipeline.store import articles, db, runs
from pipeline.store.feeds import sync_feeds
from tests.conftest import make_settings


def _rows(url: str, sql: str) -> list[tuple]:
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchall()


@pytest.fixture
def leasing_run(database_url, seed_web, tmp_path) -> int:
    """A run (its feed items polled) that holds a lease on every page, as a run dying in fetch_articles does."""
    feeds = seed_web.write_feeds_yaml(tmp_path / "feeds.yaml")
    with db.connection(database_url) as conn:
        db.migrate(conn)
        sync_feeds(conn, load_feeds(feeds))
    stages.poll_feeds(make_settings(database_url, feeds, None))
    with db.connection(database_url) as conn:
        run_id = runs.start_run(conn, "test")
        assert articles.claim_items(conn, 100, timedelta(seconds=900), run_id)
    return run_id


def test_a_failed_run_is_closed_once_the_database_is_back(database_url, leasing_run, monkeypatch):
    real, refused = runs.connection, []

    def away_at_first(url):  # the server is still restarting for the first attempts
        if len(refused) < 3:
            refused.append(url)
            raise psycopg2.OperationalError("connection refused: the database system is starting up")
        return real(url)

    monkeypatch.setattr(runs, "connection", away_at_first)
    started = time.monotonic()
    assert runs.end_run(database_url, leasing_run, psycopg2.OperationalError("server closed the connection\nmore"))
    assert len(refused) == 3 and time.monotonic() - started < 10

    assert _rows(database_url, f"SELECT status, error FROM runs WHERE id = {leasing_run}") == \
        [("failed", "server closed the connection")]
    assert _rows(database_url, "SELECT count(*) FROM feed_items WHERE lease_until IS NOT NULL")[0][0] == 0


def test_closing_gives_up_in_bounded_time_when_the_database_stays_away(database_url, leasing_run, caplog):
    from localdev.mailsink import _free_port

    unreachable = f"postgresql://monitor@127.0.0.1:{_free_port('127.0.0.1')}/news"
    started = time.monotonic()
    assert not runs.end_run(unreachable, leasing_run, "database connection lost", wait_seconds=1.5)
    assert 1.5 <= time.monotonic() - started < 10
    assert any("could not close run" in record.getMessage() for record in caplog.records)
    # Untouched: the next run's close_stale_runs (or the leases' expiry) is what is left.
    assert _rows(database_url, f"SELECT status FROM runs WHERE id = {leasing_run}") == [("running",)]


def test_a_refusal_is_not_waited_on(database_url):
    """A reachable database that refuses the update (here: no runs table) is not retried for the whole wait."""
    started = time.monotonic()
    assert not runs.end_run(database_url, 1, "boom", wait_seconds=30)
    assert time.monotonic() - started < 5
