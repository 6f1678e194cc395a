"""One run-once over a hostile web on 127.0.0.1: prints its wall time and what it stored and sent.

Every good page of the demo's sample web is served beside pages and feeds that break naive
fetchers: a page and a feed that drip a byte at a time forever, charsets that crash decoders,
a gzip bomb, a page over the size cap, a redirect loop, a redirect to a metadata address,
a PDF, feeds with entity bombs after a long comment and in UTF-16, HTML served as a feed, a
NUL byte in a feed title. The figures: wall time of the run (the issue's target: under a
minute), good articles stored of those served, claims and emails (one each), and the failures
recorded per reason.

    .venv/bin/python bench/hostile_run.py            # embedded PostgreSQL in a temporary folder
    .venv/bin/python bench/hostile_run.py --database-url postgresql://...   # an empty database
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from localdev.sampleweb import Page, SampleWeb, demo_pages, render_feed, render_page  # noqa: E402

TEXT = "\n\n".join(
    f"Paragraph {i}: farmers in Hama province began the wheat harvest early this year because of the heat, "
    "and the agriculture directorate promised fuel for the combines within days." for i in range(6)
)
OTHER = "\n\n".join(
    f"Item {i}: the caf\u00e9 owners of Aleppo reopened their terraces after a long winter of power cuts "
    "and rising prices, and customers returned in numbers not seen for years." for i in range(5)
)
LONG_COMMENT = "<!--" + "x" * 70_000 + "-->"
BOMB = ('<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">' + "".join(
    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)) + "]>")
BAD_PAGES = ["drip", "undefined-charset", "punycode-charset", "bomb", "huge", "loop", "metadata", "pdf", "missing"]


class HostileWeb(SampleWeb):
    """The demo's pages plus the hostile routes; `hung_up` counts drips the client walked away from."""

    def __init__(self) -> None:
        super().__init__(demo_pages())
        self.server.handle_error = lambda request, address: None  # the drips end by aborting: expected, not news
        self.hung_up = 0
        self._lock = threading.Lock()
        for name, route in {
            "/articles/drip.html": self._drip,
            "/articles/undefined-charset.html": lambda h: _html(b'<meta charset="undefined">', TEXT),
            "/articles/punycode-charset.html": lambda h: _html(b"", OTHER, "text/html; charset=punycode"),
            "/articles/bomb.html": lambda h: (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"},
                                              gzip.compress(b"<html>" + b"A" * 60_000_000)),
            "/articles/huge.html": lambda h: (200, {"Content-Type": "text/html"}, b"<p>x</p>" * 1_000_000),
            "/articles/loop.html": lambda h: (302, {"Location": "/articles/loop.html?again=1"}, b""),
            "/articles/metadata.html": lambda h: (301, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""),
            "/articles/pdf.html": lambda h: (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 ..."),
            "/feeds/hostile-pages.xml": self._bad_pages_feed,
            "/feeds/late-doctype.xml": lambda h: _feed(_rss(LONG_COMMENT + BOMB).encode("utf-8")),
            "/feeds/utf16-bomb.xml": lambda h: _feed(_rss(BOMB, "utf-16").encode("utf-16")),
            "/feeds/html-as-feed.xml": lambda h: (200, {"Content-Type": "text/html"}, b"<html><body>Moved</body></html>"),
            "/feeds/nul-title.xml": self._nul_feed,
            "/feeds/drip.xml": self._drip,
        }.items():
            self.routes[name] = route

    def _drip(self, handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml" if "feeds" in handler.path else "text/html")
        handler.end_headers()
        try:
            for _ in range(600):  # two minutes at most, a byte every 0.2 s
                handler.wfile.write(b" ")
                handler.wfile.flush()
                time.sleep(0.2)
        except OSError:
            with self._lock:
                self.hung_up += 1
        raise ConnectionAbortedError

    def _bad_pages_feed(self, handler):
        items = "".join(f"<item><title>{n}</title><link>{self.base_url}/articles/{n}.html</link></item>" for n in BAD_PAGES)
        return _feed(render_feed("hostile", [], self.base_url).replace("</channel>", items + "</channel>").encode())

    def _nul_feed(self, handler):
        good = Page("nul-story", "A story", "Outlet N", "2020-06-01T10:00:00+00:00", TEXT)
        self.pages.setdefault(good.slug, Page(**{**good.__dict__, "feed": "nul-title"}))
        return _feed(render_feed("nul-title", [good], self.base_url).replace("<title>A story", "<title>A\x00story").encode())

    def feeds_yaml(self, path: Path) -> Path:
        """The demo feeds plus the hostile ones."""
        self.write_feeds_yaml(path)
        extra = ["hostile-pages", "late-doctype", "utf16-bomb", "html-as-feed", "nul-title", "drip"]
        with path.open("a", encoding="utf-8") as out:
            for name in extra:
                out.write(f"  - name: {name}\n    url: {self.feed_url(name)}\n    outlet: Hostile {name}\n")
        return path

    def good_pages(self) -> int:
        """Article pages a run should store: the demo's, the one behind the NUL-titled feed, the two with poison charsets."""
        return len(demo_pages()) + 3


def _html(meta: bytes, text: str, content_type: str = "text/html") -> tuple[int, dict[str, str], bytes]:
    body = render_page(Page("x", "Harvest", "Outlet", "2020-06-01", text)).encode("utf-8")
    return 200, {"Content-Type": content_type}, body.replace(b"<head>", b"<head>" + meta, 1)


def _rss(prolog: str, encoding: str = "utf-8") -> str:
    return (f'<?xml version="1.0" encoding="{encoding}"?>{prolog}<rss version="2.0"><channel><title>t</title>'
            "<item><title>&i;</title><link>http://127.0.0.1/x.html</link></item></channel></rss>")


def _feed(body: bytes) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "application/rss+xml"}, body


def run_once(database_url: str, feeds: Path, smtp_port: int) -> tuple[float, subprocess.CompletedProcess]:
    """run-once through the CLI, as an operator would; returns (wall seconds, the finished process)."""
    env = {**os.environ, "DATABASE_URL": database_url, "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(smtp_port),
           "ALERT_RECIPIENTS": "analyst@example.org"}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "pipeline", "run-once", "--feeds", str(feeds), "--allow-private-hosts",
                           "--json"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    return time.monotonic() - started, done


def figures(database_url: str) -> dict:
    """What the run left in the database, for printing and for the test that runs this."""
    import psycopg2

    with psycopg2.connect(database_url) as conn, conn.cursor() as cur:
        def one(sql: str):
            cur.execute(sql)
            return cur.fetchall()

        return {
            "articles": one("SELECT count(*) FROM articles")[0][0],
            "claims": one("SELECT count(*) FROM claims")[0][0],
            "alerts": dict(one("SELECT status, count(*) FROM alerts GROUP BY 1")),
            "failures": dict(one("SELECT stage || ' ' || kind, count(*) FROM events GROUP BY 1 ORDER BY 1")),
            "runs": one("SELECT status, error FROM runs ORDER BY id"),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="an empty database (default: embedded PostgreSQL in a temporary folder)")
    args = parser.parse_args()
    from localdev import embedded_db
    from localdev.mailsink import MailSink

    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or embedded_db.ensure_database(embedded_db.start(Path(tmp) / "pg", cleanup="stop"), "news")
        with HostileWeb() as web, MailSink(Path(tmp) / "mail") as sink:
            feeds = web.feeds_yaml(Path(tmp) / "feeds.yaml")
            seconds, done = run_once(url, feeds, sink.port)
            found = figures(url)
            emails = len(sink.messages())
        print(f"run-once over {len(BAD_PAGES)} hostile pages and 6 hostile feeds beside {web.good_pages()} good pages")
        print(f"  exit status {done.returncode}, wall time {seconds:.1f} s")
        print(f"  good articles stored: {found['articles']} of {web.good_pages()}")
        print(f"  claims: {found['claims']}, alerts: {found['alerts']}, emails received: {emails}")
        print(f"  drips the monitor hung up on: {web.hung_up}")
        print(f"  failures recorded: {json.dumps(found['failures'])}")
        print(f"  runs: {found['runs']}")
        if done.returncode:
            print(done.stderr[-2000:])


if __name__ == "__main__":
    main()
