"""A page that never stops dripping, a page that kills runs, and two runs at once: none of them stops ingestion."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import timedelta

import psycopg2
import pytest

from localdev.sampleweb import Page, SampleWeb, render_feed
from pipeline import stages
from pipeline.feeds import load_feeds
from pipeline.store import articles, db
from pipeline.store.feeds import sync_feeds
from tests.conftest import ROOT, make_settings, seed_page, unrelated_pages

TEXT = "\n\n".join(
    f"Paragraph {i}: Russian and Turkish officials met again in Ankara to discuss the situation in the Idlib "
    "de-escalation zone, the ministry said in a statement released on Wednesday evening." for i in range(6)
)


HUNG_UP: list[str] = []  # drips the client walked away from, before the server's own two minutes were up


def _endless_drip(handler):
    """Headers at once, then a byte every 0.2 s for as long as the client listens (at most 120 s)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    try:
        for _ in range(600):
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(0.2)
    except OSError:
        HUNG_UP.append(handler.path)  # the client hung up: what the deadline is for
    raise ConnectionAbortedError


def _rows(url: str, sql: str, *args) -> list[tuple]:
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute(sql, args or None)
        return cur.fetchall()


@pytest.fixture
def dripping_web(tmp_path):
    """One feed: first a page that drips forever, then a good article."""
    good = Page("good", "Good story", "Outlet", "2020-06-01T10:00:00+00:00", TEXT)
    server = SampleWeb([good]).start()

    def feed(handler):
        drip = f"<item><title>drip</title><link>{server.base_url}/articles/drip.html</link></item>"
        xml = render_feed("news", [good], server.base_url).replace("<item>", drip + "<item>", 1)
        return 200, {"Content-Type": "application/rss+xml"}, xml.encode()

    server.routes["/feeds/news.xml"] = feed
    server.routes["/articles/drip.html"] = _endless_drip
    yield server, server.write_feeds_yaml(tmp_path / "feeds.yaml")
    server.stop()


def _prepared(database_url, feeds, **fetch):
    with db.connection(database_url) as conn:
        db.migrate(conn)
        sync_feeds(conn, load_feeds(feeds))
    return make_settings(database_url, feeds, None, **fetch)


def test_a_page_that_never_stops_dripping_holds_nothing_back(database_url, dripping_web):
    server, feeds = dripping_web
    settings = _prepared(database_url, feeds, response_deadline=3.0)
    stages.poll_feeds(settings)
    assert _rows(database_url, "SELECT min(id) FROM feed_items WHERE url LIKE '%drip%'")[0][0] == \
        _rows(database_url, "SELECT min(id) FROM feed_items")[0][0]  # the drip is first in line

    HUNG_UP.clear()
    counts = stages.fetch_articles(settings)

    for _ in range(50):  # the server notices the hang-up at its next write or two
        if HUNG_UP:
            break
        time.sleep(0.1)
    assert HUNG_UP == ["/articles/drip.html"]  # the deadline (3 s) ended it; before, the stage read all 120 s
    assert counts["pages_fetched"] == 1 and counts["pages_failed"] == 1
    assert [r[0] for r in _rows(database_url, "SELECT url FROM articles")] == [f"{server.base_url}/articles/good.html"]
    status, attempts, error = _rows(database_url, "SELECT status, attempts, last_error FROM feed_items WHERE url LIKE '%drip%'")[0]
    assert (status, attempts) == ("pending", 1) and "timeout" in error
    assert _rows(database_url, "SELECT kind FROM events WHERE stage = 'fetch'") == [("timeout",)]

    for _ in range(2):  # two more runs: the attempt limit ends it, with its reason
        stages.fetch_articles(settings)
    status, attempts, error = _rows(database_url, "SELECT status, attempts, last_error FROM feed_items WHERE url LIKE '%drip%'")[0]
    assert (status, attempts) == ("failed", 3) and "timeout" in error


def test_a_page_whose_fetch_never_finishes_reaches_its_attempt_limit(database_url, seed_web, tmp_path):
    feeds = seed_web.write_feeds_yaml(tmp_path / "feeds.yaml")
    settings = _prepared(database_url, feeds)
    stages.poll_feeds(settings)
    with db.connection(database_url) as conn:
        for _ in range(articles.MAX_ITEM_ATTEMPTS):  # three runs that took the pages and died before any result
            taken = articles.claim_items(conn, 100, timedelta(0))
        assert len(taken) == 4

    counts = stages.fetch_articles(settings)

    assert counts["pages_failed"] == 4 and counts["pages_fetched"] == 0
    states = _rows(database_url, "SELECT status, attempts, last_error FROM feed_items")
    assert all(s == "failed" and a == 3 and "gave up after 3 attempts" in e for s, a, e in states), states
    assert _rows(database_url, "SELECT count(*) FROM events WHERE kind = 'abandoned'")[0][0] == 4


def test_poison_charsets_fail_nothing_but_themselves(database_url, tmp_path):
    good = Page("good", "Good story", "Outlet", "2020-06-01T10:00:00+00:00", TEXT)
    server = SampleWeb([good]).start()
    poison = {"undefined": b'<meta charset="undefined">', "punycode": b'<meta charset="punycode">',
              "header": b""}
    links = "".join(f"<item><title>{n}</title><link>{server.base_url}/articles/{n}.html</link></item>" for n in poison)
    for name, meta in poison.items():
        charset = "; charset=punycode" if name == "header" else ""
        body = b"<html><head>" + meta + b"</head><body><article><p>" + TEXT.encode() + b" \xff\xfe</p></article></body></html>"
        server.routes[f"/articles/{name}.html"] = (lambda b, c: lambda h: (200, {"Content-Type": "text/html" + c}, b))(body, charset)
    xml = render_feed("news", [good], server.base_url).replace("<item>", links + "<item>", 1)
    server.routes["/feeds/news.xml"] = lambda h: (200, {"Content-Type": "application/rss+xml"}, xml.encode())
    try:
        settings = _prepared(database_url, server.write_feeds_yaml(tmp_path / "feeds.yaml"))
        stages.poll_feeds(settings)
        stages.fetch_articles(settings)
    finally:
        server.stop()
    states = dict(_rows(database_url, "SELECT split_part(url, '/articles/', 2), status FROM feed_items"))
    assert states["good.html"] == "fetched"
    assert all(state in ("fetched", "failed") for state in states.values()), states  # none left to crash the next run


def _run_once(database_url: str, feeds, smtp_port: int) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": database_url, "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(smtp_port),
           "ALERT_RECIPIENTS": "analyst@example.org", "MONITOR_PROCESSES": "0"}
    return subprocess.Popen([sys.executable, "-m", "pipeline", "run-once", "--feeds", str(feeds), "--allow-private-hosts"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_runs_at_once_split_the_work_and_both_succeed(database_url, mail_sink, tmp_path):
    pages = [seed_page(), *unrelated_pages()]
    server = SampleWeb(pages).start()
    original = server.respond

    def slow(handler):  # each page takes a moment, so the two runs overlap
        if handler.path.startswith("/articles/"):
            time.sleep(0.7)
        return original(handler)

    server.respond = slow
    try:
        feeds = server.write_feeds_yaml(tmp_path / "feeds.yaml")
        runs = [_run_once(database_url, feeds, mail_sink.port) for _ in range(2)]
        results = [run.communicate(timeout=300) for run in runs]
    finally:
        server.stop()

    for run, (_, err) in zip(runs, results):
        assert run.returncode == 0, err
        assert "Traceback" not in err, err
    article_requests = [p for p in server.requests if p.startswith("/articles/")]
    assert sorted(article_requests) == sorted(set(article_requests))  # every page fetched once, by one run or the other
    assert len(set(article_requests)) == len(pages)
    assert _rows(database_url, "SELECT count(*) FROM articles")[0][0] == len(pages)
    claims = _rows(database_url, "SELECT count(*) FROM claims")[0][0]
    assert claims >= 1
    assert _rows(database_url, "SELECT count(*), count(*) FILTER (WHERE status = 'sent') FROM alerts")[0] == (claims, claims)
    assert len(mail_sink.messages()) == claims
    assert _rows(database_url, "SELECT status, count(*) FROM runs GROUP BY 1") == [("finished", 2)]
