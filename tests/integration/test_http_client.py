"""The HTTP client over one kept-alive connection: a response it refuses never spoils the next one."""

from __future__ import annotations

import gzip

import pytest

from localdev.sampleweb import Page, SampleWeb
from pipeline.config import FetchSettings
from pipeline.fetch import FetchError, HttpClient

TEXT = "\n\n".join(f"Paragraph {i} of a story about the ceasefire in Idlib and the talks in Moscow." for i in range(4))

REFUSED = {
    "/big.html": (lambda h: (200, {"Content-Type": "text/html"}, b"<p>x</p>" * 10_000), "too-large"),  # declared too big
    "/bomb.html": (lambda h: (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"},
                              gzip.compress(b"A" * 2_000_000)), "too-large"),  # stopped mid-stream
    "/doc.pdf": (lambda h: (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4" + b"0" * 5_000), "content-type"),
    "/error.html": (lambda h: (500, {"Content-Type": "text/html"}, b"<html>" + b"e" * 5_000), "http-status"),
}


@pytest.fixture
def web():
    with SampleWeb([Page("good", "A good story", "Outlet", "2020-06-01T10:00:00+00:00", TEXT)]) as server:
        server.routes.update({path: route for path, (route, _) in REFUSED.items()})
        server.routes["/moved.html"] = lambda h: (301, {"Location": "/articles/good.html"}, b"<p>moved</p>" * 100)
        yield server


@pytest.mark.parametrize("path", sorted(REFUSED))
def test_a_refused_response_leaves_the_connection_clean_for_the_next(web, path):
    # One connection to the host: a body left unread on it would be read as the next response.
    settings = FetchSettings(allow_private_hosts=True, per_host_concurrency=1, workers=1, max_bytes=50_000)
    with HttpClient(settings) as client:
        for _ in range(2):
            with pytest.raises(FetchError) as refused:
                client.get(web.base_url + path)
            assert refused.value.kind == REFUSED[path][1]
            good = client.get(web.base_url + "/articles/good.html")
            assert good.status == 200 and b"A good story" in good.body and good.body.rstrip().endswith(b"</html>")


def test_a_redirect_is_followed_and_the_final_url_reported(web):
    with HttpClient(FetchSettings(allow_private_hosts=True, per_host_concurrency=1, workers=1)) as client:
        response = client.get(web.base_url + "/moved.html")
        again = client.get(web.base_url + "/moved.html")
    assert response.url == again.url == web.base_url + "/articles/good.html"
    assert b"A good story" in response.body and response.body == again.body
    assert response.headers["content-type"] == "text/html; charset=utf-8" and response.charset == "utf-8"


def test_the_project_user_agent_and_gzip_are_sent(web):
    seen = {}

    def echo(handler):
        seen.update({k.lower(): v for k, v in handler.headers.items()})
        return 200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, gzip.compress(b"<html>ok</html>")

    web.routes["/echo.html"] = echo
    settings = FetchSettings(allow_private_hosts=True)
    with HttpClient(settings) as client:
        body = client.get(web.base_url + "/echo.html").body
    assert body == b"<html>ok</html>"
    assert seen["user-agent"] == settings.user_agent and "gzip" in seen["accept-encoding"]
