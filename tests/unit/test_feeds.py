"""Feed parsing from bytes, as a pure function (it also runs on worker processes)."""

from __future__ import annotations

import pickle

import pytest

from pipeline.feeds import FeedError, parse_feed
from pipeline.models import Feed

FEED = Feed(name="news", url="http://127.0.0.1:8000/feeds/news.xml", outlet="Outlet")
RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
<item><title>One</title><link>/articles/one.html?utm_source=rss</link><guid isPermaLink="false">one</guid></item>
<item><title>Two</title><link>http://127.0.0.1:8000/amp/articles/two.html</link></item>
<item><title>No link</title></item>
</channel></rss>"""


def test_entries_get_canonical_links_and_items_without_one_are_skipped():
    entries = parse_feed(RSS, FEED, FEED.url)
    assert [e.title for e in entries] == ["One", "Two"]
    assert entries[0].url == "http://127.0.0.1:8000/articles/one.html" and entries[0].guid == "one"


@pytest.mark.parametrize("body, kind", [
    (b"<html><body><p>We moved our feeds.</p></body></html>", "not-a-feed"),
    (b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]><rss><channel><title>&a;</title></channel></rss>',
     "hostile-xml"),
])
def test_a_body_that_is_no_feed_fails_with_its_kind(body, kind):
    with pytest.raises(FeedError) as failed:
        parse_feed(body, FEED, FEED.url)
    assert failed.value.kind == kind


def test_a_feed_error_survives_the_trip_back_from_a_worker_process():
    error = pickle.loads(pickle.dumps(FeedError("hostile-xml", "feed declares XML entities")))
    assert (error.kind, str(error)) == ("hostile-xml", "hostile-xml: feed declares XML entities")
