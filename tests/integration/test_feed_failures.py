"""A broken, slow or non-XML feed is recorded and counted; the other feeds of the run land in full."""

from __future__ import annotations

import time

import psycopg2
import pytest

from localdev.sampleweb import SampleWeb
from pipeline import stages
from pipeline.feeds import load_feeds
from pipeline.store import db
from pipeline.store.feeds import sync_feeds
from tests.conftest import make_settings, unrelated_pages


def _slow(handler):
    time.sleep(3)
    return 200, {"Content-Type": "application/rss+xml"}, b"<rss version='2.0'><channel></channel></rss>"


def _error(handler):
    return 500, {"Content-Type": "text/plain"}, b"internal error"


def _not_xml(handler):
    return 200, {"Content-Type": "text/html"}, b"<html><body><p>Our feeds have moved.</p></body></html>"


def _gone(handler):
    return 410, {"Content-Type": "text/plain"}, b"gone"


def _bomb(handler):
    entities = "".join(f'<!ENTITY e{i} "&e{i - 1};&e{i - 1};&e{i - 1};&e{i - 1};">' for i in range(1, 12))
    body = f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY e0 "ha">{entities}]><rss><channel><title>&e11;</title></channel></rss>'
    return 200, {"Content-Type": "application/rss+xml"}, body.encode()


@pytest.fixture
def misbehaving_web(tmp_path):
    with SampleWeb(unrelated_pages()) as web:
        web.routes.update({"/feeds/slow.xml": _slow, "/feeds/error.xml": _error, "/feeds/moved.xml": _not_xml,
                           "/feeds/gone.xml": _gone, "/feeds/bomb.xml": _bomb})
        feeds = tmp_path / "feeds.yaml"
        web.write_feeds_yaml(feeds)
        with feeds.open("a") as out:
            for name in ("slow", "error", "moved", "gone", "bomb"):
                out.write(f"  - name: {name}\n    url: {web.base_url}/feeds/{name}.xml\n    outlet: Broken {name}\n")
        yield web, feeds


def _prepare(database_url, feeds):
    with db.connection(database_url) as conn:
        db.migrate(conn)
        sync_feeds(conn, load_feeds(feeds))


@pytest.mark.parametrize("parse_on_workers", [False, True], ids=["parsed-here", "parsed-on-workers"])
def test_failing_feeds_are_recorded_and_the_good_feed_lands(database_url, misbehaving_web, monkeypatch, parse_on_workers):
    web, feeds = misbehaving_web
    _prepare(database_url, feeds)
    # A big poll parses feed XML on worker processes: the same outcomes, errors included, must come back.
    monkeypatch.setenv("MONITOR_PROCESSES", "2")
    monkeypatch.setattr(stages, "PARALLEL_MIN_FEEDS", 1 if parse_on_workers else 10**9)
    settings = make_settings(database_url, feeds, None, read_timeout=1.0)

    counts = stages.poll_feeds(settings)

    assert counts["feeds_polled"] == 6
    assert counts["feeds_failed"] == 5
    assert counts["new_items"] == 3
    with psycopg2.connect(database_url) as conn, conn.cursor() as cur:
        cur.execute("SELECT name, health, consecutive_failures, last_error, enabled FROM feed_health ORDER BY name")
        health = {row[0]: row[1:] for row in cur.fetchall()}
        cur.execute("SELECT kind, count(*) FROM events WHERE stage = 'poll' GROUP BY kind")
        events = dict(cur.fetchall())
    assert health["sample-news"][0] == "ok"
    assert "timeout" in health["slow"][2] and health["slow"][1] == 1
    assert "HTTP 500" in health["error"][2]
    assert "not-a-feed" in health["moved"][2]
    assert "hostile-xml" in health["bomb"][2]
    assert health["gone"][0] == "disabled" and health["gone"][3] is False
    assert events == {"timeout": 1, "http-status": 2, "not-a-feed": 1, "hostile-xml": 1}


def test_failing_feed_backs_off_and_is_not_polled_again_until_due(database_url, misbehaving_web):
    web, feeds = misbehaving_web
    _prepare(database_url, feeds)
    settings = make_settings(database_url, feeds, None, read_timeout=1.0)
    stages.poll_feeds(settings)
    web.requests.clear()

    again = stages.poll_feeds(settings)

    assert again["feeds_deferred"] == 5 and again["feeds_polled"] == 1
    assert not any(path.startswith(("/feeds/error", "/feeds/slow", "/feeds/gone")) for path in web.requests)


def test_unchanged_feed_is_detected_by_body_hash_and_adds_nothing(database_url, misbehaving_web):
    web, feeds = misbehaving_web
    _prepare(database_url, feeds)
    settings = make_settings(database_url, feeds, None, read_timeout=1.0)
    stages.poll_feeds(settings)
    again = stages.poll_feeds(settings)
    assert again["feeds_unchanged"] == 1 and again["new_items"] == 0


def test_without_the_opt_in_loopback_feeds_get_zero_requests(database_url, misbehaving_web):
    web, feeds = misbehaving_web
    _prepare(database_url, feeds)
    settings = make_settings(database_url, feeds, None).with_fetch(allow_private_hosts=False)

    counts = stages.poll_feeds(settings)

    assert counts["feeds_failed"] == 6
    assert web.requests == []
    with psycopg2.connect(database_url) as conn, conn.cursor() as cur:
        cur.execute("SELECT DISTINCT kind FROM events")
        assert cur.fetchall() == [("refused-address",)]
