"""Hostile or broken pages fail alone, with a recorded reason; the rest of the run lands."""

from __future__ import annotations

import gzip
import time

import psycopg2
import pytest

from localdev.sampleweb import Page, SampleWeb, render_feed, render_page
from pipeline import stages
from pipeline.feeds import load_feeds
from pipeline.store import db
from pipeline.store.feeds import sync_feeds

TEXT = "\n\n".join(
    f"Paragraph {i}: Russian and Turkish officials met again in Ankara to discuss the situation in the Idlib "
    "de-escalation zone, the ministry said in a statement released on Wednesday evening." for i in range(6)
)
# Distinct bodies: near-duplicates from one outlet would rightly be stored as one article.
OTHER = "\n\n".join(f"Item {i}: the caf\u00e9 owners of Aleppo reopened their terraces after a long winter of power cuts "
                    "and rising prices, and customers returned in numbers not seen for years." for i in range(5))
THIRD = "\n\n".join(f"Note {i}: farmers in Hama province began the wheat harvest early this year because of the heat, "
                    "and the agriculture directorate promised fuel for the combines within days." for i in range(5))
BAD = ["drip", "huge", "pdf", "bomb", "loop", "latin1", "arabic", "private", "missing", "empty", "robots"]


def _html(handler, charset="utf-8", text=TEXT):
    body = render_page(Page("x", "Caf\u00e9 talks \u0645\u0641\u0627\u0648\u0636\u0627\u062a" if charset == "windows-1256" else "Caf\u00e9 talks",
                            "Outlet", "2020-06-01", text)).replace('charset="utf-8"', f'charset="{charset}"')
    return 200, {"Content-Type": f"text/html; charset={charset}"}, body.encode(charset, errors="replace")


def _drip(handler):
    # Headers at once, then one byte every 0.5 s: only the total deadline stops it.
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    for _ in range(16):
        handler.wfile.write(b" ")
        handler.wfile.flush()
        time.sleep(0.5)
    raise ConnectionAbortedError


ROUTES = {
    "/articles/huge.html": lambda h: (200, {"Content-Type": "text/html"}, b"<html><body>" + b"<p>x</p>" * 7_000_000),
    "/articles/pdf.html": lambda h: (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 ..."),
    "/articles/bomb.html": lambda h: (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"},
                                      gzip.compress(b"<html>" + b"A" * 60_000_000)),
    "/articles/loop.html": lambda h: (302, {"Location": "/articles/loop.html?again=1"}, b""),
    "/articles/latin1.html": lambda h: _html(h, "iso-8859-1", OTHER),
    "/articles/arabic.html": lambda h: _html(h, "windows-1256", THIRD + "\n\n\u0642\u0627\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b"),
    "/articles/private.html": lambda h: (301, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),
    "/articles/empty.html": lambda h: (200, {"Content-Type": "text/html"}, b"<html><body><nav>Home</nav></body></html>"),
}


@pytest.fixture
def web(tmp_path):
    good = Page("good", "Good story", "Outlet", "2020-06-01T10:00:00+00:00", TEXT)
    server = SampleWeb([good]).start()
    links = [f"{server.base_url}/{'private' if name == 'robots' else 'articles'}/{name}.html" for name in BAD]

    def feed(handler):
        items = "".join(f"<item><title>{name}</title><link>{link}</link></item>" for name, link in zip(BAD, links))
        xml = render_feed("news", [good], server.base_url).replace("</channel>", items + "</channel>")
        return 200, {"Content-Type": "application/rss+xml"}, xml.encode()

    server.routes.update(ROUTES)
    server.routes["/articles/drip.html"] = _drip_route
    server.routes["/feeds/news.xml"] = feed
    path = server.write_feeds_yaml(tmp_path / "feeds.yaml")
    yield server, path
    server.stop()


def _drip_route(handler):
    _drip(handler)


def test_each_hostile_page_fails_alone_with_its_reason(database_url, web):
    server, feeds = web
    with db.connection(database_url) as conn:
        db.migrate(conn)
        sync_feeds(conn, load_feeds(feeds))
    from tests.conftest import make_settings

    settings = make_settings(database_url, feeds, None, read_timeout=2.0, response_deadline=4.0,
                             max_bytes=5_000_000, max_redirects=3)
    assert stages.poll_feeds(settings)["new_items"] == 12

    counts = stages.fetch_articles(settings)

    with psycopg2.connect(database_url) as conn, conn.cursor() as cur:
        cur.execute("SELECT regexp_replace(url, '^.*/', ''), status, last_error FROM feed_items")
        items = {row[0].split("?")[0].removesuffix(".html"): row[1:] for row in cur.fetchall()}
        cur.execute("SELECT split_part(url, '/articles/', 2), title, body_text FROM articles")
        articles = {row[0].removesuffix(".html"): row[1:] for row in cur.fetchall()}
    assert set(articles) == {"good", "latin1", "arabic"}
    assert counts["pages_fetched"] == 3 and counts["pages_failed"] == 9
    assert "Caf\u00e9 talks" in articles["latin1"][0]
    assert "\u0642\u0627\u0644" in articles["arabic"][1]
    expected = {"drip": "timeout", "huge": "too-large", "pdf": "content-type", "bomb": "too-large",
                "loop": "redirects", "private": "refused-address", "missing": "HTTP 404", "empty": "extraction",
                "robots": "robots.txt"}
    for name, reason in expected.items():
        status, error = items[name]
        assert reason in (error or ""), (name, error)
    assert items["pdf"][0] == "failed" and items["private"][0] == "failed"
    assert not any("/private/" in path for path in server.requests)  # robots.txt honoured: never requested
    assert items["drip"][0] == "pending"  # transient: retried next run, up to 3 attempts
