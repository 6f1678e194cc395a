"""The address guard holds at connect time: a name that resolves differently on the second lookup gets no request."""

from __future__ import annotations

import pytest

from localdev.sampleweb import Page, SampleWeb
from pipeline.config import FetchSettings
from pipeline.fetch import FetchError, HttpClient

PAGE = Page("story", "Story", "Outlet", "2020-06-01T10:00:00+00:00", "Talks resumed in Ankara on Monday. " * 20)


@pytest.fixture
def web():
    server = SampleWeb([PAGE]).start()
    yield server
    server.stop()


def rebinding_resolver(host: str, port: int) -> list[str]:
    # The check sees a public address (never contacted: the string is only classified, no socket is
    # opened to it); the connection then goes where the URL really points, 127.0.0.1, as after a DNS
    # rebinding.
    return ["93.184.216.34"]


def test_a_peer_that_turns_out_private_gets_no_request(web):
    client = HttpClient(FetchSettings(respect_robots=False), resolver=rebinding_resolver)
    with client, pytest.raises(FetchError) as raised:
        client.get(f"{web.base_url}/articles/story.html")
    assert raised.value.kind == "refused-address" and "connected to a refused address" in str(raised.value)
    assert web.requests == []


def test_the_same_peer_is_fetched_when_private_hosts_are_allowed(web):
    client = HttpClient(FetchSettings(respect_robots=False, allow_private_hosts=True), resolver=rebinding_resolver)
    with client:
        response = client.get(f"{web.base_url}/articles/story.html")
    assert response.status == 200 and web.requests == ["/articles/story.html"]
