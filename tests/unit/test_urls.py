"""URL normalisation: one canonical key per story, whatever variant a feed links."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.urls import InvalidURL, normalize_url


@pytest.mark.parametrize(
    ("link", "canonical"),
    [
        ("https://Example.COM/News/Story-1?utm_source=rss&utm_medium=feed", "https://example.com/News/Story-1"),
        ("https://example.com/a?b=2&a=1&fbclid=XYZ#comments", "https://example.com/a?a=1&b=2"),
        ("https://example.com:443/a/./b/../c", "https://example.com/a/c"),
        ("http://example.com:8080/x", "http://example.com:8080/x"),
        ("https://example.com/amp/world/story", "https://example.com/world/story"),
        ("https://example.com/world/story/amp", "https://example.com/world/story"),
        ("https://example.com/world/story.amp.html", "https://example.com/world/story.html"),
        ("https://m.example.com/world/story", "https://www.example.com/world/story"),
        ("https://example.com", "https://example.com/"),
    ],
)
def test_normalize_url_removes_tracking_amp_and_fragments(link, canonical):
    assert normalize_url(link) == canonical


def test_relative_links_resolve_against_the_feed():
    assert normalize_url("/world/1.html", base="http://127.0.0.1:8000/feeds/a.xml") == "http://127.0.0.1:8000/world/1.html"


@pytest.mark.parametrize("link", ["", "   ", "javascript:alert(1)", "mailto:a@b.c", "ftp://example.com/x", "http:///nohost"])
def test_non_http_links_are_refused(link):
    with pytest.raises(InvalidURL):
        normalize_url(link)


segment = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=12)
params = st.dictionaries(st.sampled_from(["id", "page", "q", "lang"]), segment, max_size=3)
tracking = st.dictionaries(st.sampled_from(["utm_source", "utm_campaign", "fbclid", "gclid", "utm_medium"]), segment, max_size=3)


@given(path=st.lists(segment, min_size=1, max_size=4), query=params, noise=tracking, fragment=segment)
def test_tracking_parameters_and_fragments_never_change_the_key(path, query, noise, fragment):
    base = "https://news.example.org/" + "/".join(path)
    clean = base + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
    noisy_query = {**query, **noise}
    noisy = base + ("?" + "&".join(f"{k}={v}" for k, v in reversed(list(noisy_query.items()))) if noisy_query else "")
    assert normalize_url(noisy + "#" + fragment) == normalize_url(clean)


@given(path=st.lists(segment, min_size=1, max_size=4), query=params)
def test_normalisation_is_idempotent(path, query):
    url = "https://Example.org/" + "/".join(path) + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")
    once = normalize_url(url)
    assert normalize_url(once) == once
