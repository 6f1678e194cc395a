"""Entity and internal-subset DOCTYPE declarations are refused wherever they sit and however the feed is encoded."""

from __future__ import annotations

import pytest

from pipeline.feeds import FeedError, parse_feed
from pipeline.models import Feed

FEED = Feed(name="f", url="http://127.0.0.1/feed.xml", outlet="Outlet")
BOMB = ('<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>')
ITEMS = "<item><title>&c;</title><link>http://127.0.0.1/a.html</link></item>"


def rss(prolog: str = "", declaration: str = '<?xml version="1.0" encoding="{enc}"?>', enc: str = "utf-8") -> str:
    return f'{declaration.format(enc=enc)}{prolog}<rss version="2.0"><channel><title>t</title>{ITEMS}</channel></rss>'


LONG_COMMENT = "<!--" + "x" * 70_000 + "-->"
HOSTILE = {
    "utf-8 at the top": rss(BOMB).encode("utf-8"),
    "after a 70 KB comment": rss(LONG_COMMENT + BOMB).encode("utf-8"),
    "utf-16 with BOM": rss(BOMB, enc="utf-16").encode("utf-16"),
    "utf-16-be without BOM": rss(BOMB, enc="utf-16be").encode("utf-16-be"),
    "utf-32 with BOM": rss(BOMB, enc="utf-32").encode("utf-32"),
    "utf-16 after a long comment": rss(LONG_COMMENT + BOMB, enc="utf-16").encode("utf-16"),
    "lower-case entity keyword": rss(BOMB.replace("ENTITY", "entity")).encode("utf-8"),
    "internal subset without entities": rss('<!DOCTYPE rss [<!ATTLIST rss x CDATA "y">]>').encode("utf-8"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_declarations_are_refused_anywhere_in_any_encoding(name):
    with pytest.raises(FeedError) as refused:
        parse_feed(HOSTILE[name], FEED, FEED.url, "application/rss+xml")
    assert refused.value.kind == "hostile-xml"


def test_the_charset_in_the_http_header_is_followed_too():
    body = rss(LONG_COMMENT + BOMB, declaration="").encode("utf-16-le")
    with pytest.raises(FeedError):
        parse_feed(body, FEED, FEED.url, "text/xml; charset=utf-16le")


def test_a_doctype_naming_an_external_dtd_is_a_normal_feed():
    netscape = '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">'
    body = rss(netscape).replace("&c;", "Talks").encode("utf-8")
    entries = parse_feed(body, FEED, FEED.url, "application/rss+xml")
    assert [e.title for e in entries] == ["Talks"]


def test_a_utf16_feed_without_declarations_still_parses():
    body = rss().replace("&c;", "Caf\u00e9 talks").replace('encoding="utf-8"', 'encoding="utf-16"').encode("utf-16")
    entries = parse_feed(body, FEED, FEED.url, "application/rss+xml")
    assert [e.title for e in entries] == ["Caf\u00e9 talks"]


def test_nul_characters_in_feed_text_are_dropped():
    body = rss().replace("&c;", "A\x00B").encode("utf-8")
    entries = parse_feed(body, FEED, FEED.url, "application/rss+xml")
    assert all("\x00" not in (e.title or "") for e in entries)
