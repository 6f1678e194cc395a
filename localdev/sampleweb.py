"""A small local web of news pages and RSS feeds on 127.0.0.1, for the demo and the tests."""

from __future__ import annotations

import hashlib
import html
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample"


@dataclass(frozen=True)
class Page:
    """One article of the sample web."""

    slug: str
    title: str
    outlet: str
    published: str  # ISO date or datetime
    text: str  # paragraphs separated by blank lines
    feed: str = "news"
    updated: str | None = None  # set when the story was corrected


# A handler returns (status, headers, body); tests install them to make a path misbehave.
Route = Callable[[BaseHTTPRequestHandler], tuple[int, dict[str, str], bytes]]


def load_pages(path: Path = SAMPLE_DIR / "articles.jsonl") -> list[Page]:
    """Read sample pages from JSON Lines ({slug, title, outlet, published, text, feed})."""
    pages = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            pages.append(Page(**{k: record[k] for k in Page.__dataclass_fields__ if k in record}))
    return pages


def demo_pages() -> list[Page]:
    """What `make demo` serves: the sample articles plus stories from the dev set (several outlets and sides,
    January to September 2020), so that a first run shows claims, denials, counter-claims and trends."""
    return [*load_pages(), *load_pages(SAMPLE_DIR / "stories.jsonl")]


def _stamp(value: str) -> datetime:
    stamp = datetime.fromisoformat(value)
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=timezone.utc)


def render_page(page: Page) -> str:
    """An article page with the chrome real sites have: navigation, breadcrumb, sidebar teasers, footer."""
    paragraphs = "\n".join(f"<p>{html.escape(p.strip())}</p>" for p in page.text.split("\n\n") if p.strip())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(page.title)} | {html.escape(page.outlet)}</title>
<meta property="og:title" content="{html.escape(page.title, quote=True)}">
<meta property="article:published_time" content="{_stamp(page.published).isoformat()}">
</head><body>
<header><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/middle-east">Middle East</a> | <a href="/opinion">Opinion</a></nav></header>
<div class="breadcrumb"><a href="/world">World</a> &rsaquo; <a href="/middle-east">Middle East</a></div>
<main><article>
<h1>{html.escape(page.title)}</h1>
<div class="byline">{html.escape(page.outlet)} &middot; <time datetime="{html.escape(page.published)}">{html.escape(page.published)}</time></div>
<div class="article-body">
{paragraphs}
</div>
</article></main>
<aside class="sidebar"><h3>Most read</h3><ul>
<li><a href="/sport/derby">Late goal settles the derby</a></li>
<li><a href="/business/markets">Markets close higher on energy stocks</a></li>
</ul></aside>
<footer><p>Back to top button</p><p>&copy; {html.escape(page.outlet)}. All rights reserved. <a href="/privacy">Privacy</a></p></footer>
</body></html>"""


def render_feed(name: str, pages: list[Page], base_url: str) -> str:
    """RSS 2.0 listing the pages of one feed, newest first."""
    items = []
    for page in sorted(pages, key=lambda p: _stamp(p.published), reverse=True):
        link = f"{base_url}/articles/{page.slug}.html?utm_source=rss&utm_medium=feed"
        items.append(
            f"<item><title>{html.escape(page.title)}</title><link>{html.escape(link)}</link>"
            f"<guid isPermaLink=\"false\">{html.escape(page.outlet)}-{html.escape(page.slug)}</guid>"
            f"<pubDate>{format_datetime(_stamp(page.published))}</pubDate>"
            + (f"<atom:updated>{_stamp(page.updated).isoformat()}</atom:updated>" if page.updated else "")
            + "</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
        f"<title>{html.escape(name)}</title><link>{base_url}/</link><description>Sample feed</description>"
        + "".join(items)
        + "</channel></rss>"
    )


class SampleWeb:
    """Serves pages at /articles/<slug>.html and feeds at /feeds/<feed>.xml; extra routes can be added."""

    def __init__(self, pages: list[Page], host: str = "127.0.0.1", port: int = 0):
        self.pages = {p.slug: p for p in pages}
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        web = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes; with Nagle on, the body waits for the client's
            # delayed ACK (~40 ms a response on keep-alive connections). Real servers set TCP_NODELAY too.
            disable_nagle_algorithm = True

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                web.requests.append(self.path)
                status, headers, body = web.respond(self)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://{host}:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def feeds(self) -> dict[str, list[Page]]:
        """Pages grouped by feed name."""
        grouped: dict[str, list[Page]] = {}
        for page in self.pages.values():
            grouped.setdefault(page.feed, []).append(page)
        return grouped

    def feed_url(self, name: str) -> str:
        return f"{self.base_url}/feeds/{name}.xml"

    def respond(self, handler: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        path = urlsplit(handler.path).path
        if path in self.routes:
            return self.routes[path](handler)
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"
        if path.startswith("/feeds/") and path.endswith(".xml"):
            pages = self.feeds().get(path[len("/feeds/"):-len(".xml")])
            if pages is not None:
                body = render_feed(path, pages, self.base_url).encode("utf-8")
                etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                if handler.headers.get("If-None-Match") == etag:
                    return 304, {"ETag": etag}, b""
                return 200, {"Content-Type": "application/rss+xml; charset=utf-8", "ETag": etag}, body
        if path.startswith("/articles/") and path.endswith(".html"):
            page = self.pages.get(path[len("/articles/"):-len(".html")])
            if page is not None:
                return 200, {"Content-Type": "text/html; charset=utf-8"}, render_page(page).encode("utf-8")
        return 404, {"Content-Type": "text/plain"}, b"not found"

    def start(self) -> SampleWeb:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> SampleWeb:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def write_feeds_yaml(self, path: Path) -> Path:
        """Write a feeds.yaml pointing at this server's feeds."""
        lines = ["# Generated for the local sample web; do not point this at real outlets.", "feeds:"]
        for name, pages in sorted(self.feeds().items()):
            lines += [f"  - name: sample-{name}", f"    url: {self.feed_url(name)}", f"    outlet: {json.dumps(pages[0].outlet)}"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path
