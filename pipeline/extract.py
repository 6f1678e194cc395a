"""Article body and metadata from a page, with trafilatura."""

from __future__ import annotations

import codecs
import re
import zlib
from collections import defaultdict

import trafilatura
from trafilatura.settings import use_config
from trafilatura.utils import load_html

from pipeline.models import ExtractedArticle

MIN_BODY_CHARS = 200  # below this the page is a stub, index or paywall, not an article
MAX_TREE_SIZE = 200_000  # elements; hostile pages with huge DOMs are refused by trafilatura
META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-:]+)", re.IGNORECASE)
# Text codecs to Python (codecs.lookup names) that are never a page's encoding.
NOT_PAGE_ENCODINGS = frozenset({"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape"})

_CONFIG = use_config()
_CONFIG.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # its signal-based timeout breaks in worker threads
_CONFIG.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))


class ExtractionError(ValueError):
    """The page has no article body worth storing."""


def _text_codec(name: str) -> str | None:
    """The codec's canonical name when `name` is a text encoding Python knows, else None.

    Refuses bytes-to-bytes and str-to-str codecs (base64, zlib, hex, uu, rot13) and NOT_PAGE_ENCODINGS
    (host-name codecs, `undefined`, Python escapes), which Python counts as text encodings."""
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, TypeError, UnicodeError):  # unknown, embedded NUL, surrogates
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in NOT_PAGE_ENCODINGS:
        return None
    return info.name


def decode_html(body: bytes, charset: str | None) -> str:
    """Decode page bytes: HTTP charset first, then <meta charset>, then UTF-8, then cp1252 with replacement.

    Never raises, whatever charset the server or the page declares."""
    candidates: list[str | None] = [charset] if charset else []
    match = META_CHARSET.search(body[:4096])
    if match:
        declared = _text_codec(match.group(1).decode("ascii", "ignore"))
        # A <meta> can only be read if the bytes are ASCII-compatible: a page saying utf-16 there is
        # not UTF-16 (the HTML standard reads it as UTF-8).
        candidates.append("utf-8" if declared and declared.startswith(("utf-16", "utf-32")) else declared)
    for name in candidates:
        codec = _text_codec(name) if name else None
        if codec is None:
            continue
        try:
            return body.decode(codec)
        except Exception:  # noqa: BLE001 - any codec's failure on hostile bytes means: try the next one
            continue
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace")


# Lines that news templates put inside the article container and trafilatura keeps: wire credits,
# newsletter and subscription boxes, "Read also" links, labelled links. Short lines only.
BOILERPLATE = re.compile(
    r"^(?:Reporting|Writing|Additional reporting|Compiled|Edited) by\b.*(?:Editing by|Reporting by|;)|"
    r"^(?:Sign up|Subscribe)\b|\b(?:sign up for|subscribe to) (?:our|the) \w*\s*(?:newsletter|briefing)|"
    r"delivered to your inbox|contains only a portion of the news stories|\bshare this (?:story|article)\b|"
    r"^(?:Read also|Read more|Also read|See also|Related|Recommended|Most read)\s*:|^[_\-\u2014=*|: ]{3,}$|"
    r"^(?:\S+\s+){0,8}\S*https?://\S+(?:\s+\S+){0,8}$|^.{0,80}\bnewsletter\b.{0,80}$",
    re.IGNORECASE)
# An embedded tweet is a quotation the article makes: its text and its "— Name (@handle) date" line stay,
# its media link does not.
TWEET_MEDIA_LINK = re.compile(r"\s*\bpic\.twitter\.com/\S*")
BOILERPLATE_MAX_CHARS = 300
BARE_URL = re.compile(r"\S*https?://\S+")  # a link the author put in the text on its own: a source, kept


def _is_boilerplate(line: str) -> bool:
    return (len(line) <= BOILERPLATE_MAX_CHARS and not BARE_URL.fullmatch(line)
            and bool(BOILERPLATE.search(line)))


def _paragraphs(text: str) -> str:
    # One blank line between paragraphs: statement offsets and quote spans rely on it.
    lines = [re.sub(r"[ \t\u00a0]+", " ", TWEET_MEDIA_LINK.sub("", line)).strip() for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line and not _is_boilerplate(line))


WORD = re.compile(r"\w+")
TITLE_PARTS = re.compile(r"\s+[|\u2013\u2014-]\s+")  # "Headline | Site", "Headline - Site"


def _is_headline(paragraph: str, title: str) -> bool:
    """The paragraph repeats the headline: the title or its longest part (without a site name), give or
    take a word (a lede that rephrases the headline has more words of its own)."""
    words = WORD.findall(paragraph.lower())
    for candidate in {title, max(TITLE_PARTS.split(title), key=len)}:
        title_words = WORD.findall(candidate.lower())
        if words == title_words and words:
            return True
        shared = len(set(words) & set(title_words))
        if len(words) >= 3 and shared >= 0.9 * len(set(words)) and shared >= 0.75 * len(set(title_words)):
            return True
    return False


def _without_headline(body: str, title: str | None) -> str:
    """The body without the headline when trafilatura kept it among the first paragraphs, with any kicker
    ("Review", "Exclusive") above it. The headline is stored as the title; statement offsets count from
    the body's first paragraph."""
    if not title or not title.strip():
        return body
    paragraphs = body.split("\n\n")
    for i, paragraph in enumerate(paragraphs[:3]):
        if _is_headline(paragraph, title):
            if all(len(WORD.findall(p)) <= 3 for p in paragraphs[:i]):
                return "\n\n".join(paragraphs[i + 1:])
            break
    return body


# Template blocks inside article containers, by class or id word: ads, promos, share bars, newsletter
# boxes, related-story lists. Removed before extraction with their text, but not the text after them
# (trafilatura drops an element's tail with it: "<div class=ad>…</div>Next paragraph").
TEMPLATE_BLOCK = re.compile(r"(?:^|[\s_-])(?:ad|ads|adv|advert|advertisement|adslot|dfp|googletag|banner|promo|"
                            r"newsletter|subscribe|subscription|signup|social|share|sharing|related|outbrain|"
                            r"taboola|recommended|most-read|mostread|popular)(?:$|[\s_-])", re.IGNORECASE)
TEMPLATE_TAGS = ("div", "aside", "section", "ul", "blockquote", "p", "span", "figure")
EMBEDS = ("script", "style", "noscript", "iframe", "template")
# A block holding this share of the page's paragraph text is the article's container whatever its class
# says ("Page-ad-margins", "m-advertisement-off-canvas--pusher" wrap whole real articles).
MAIN_TEXT_SHARE = 0.5


def _paragraph_chars(tree) -> dict:
    """Characters of <p> text inside each element, in one bottom-up pass (linear even for deep nesting)."""
    chars: dict = defaultdict(int)
    elements = list(tree.iter())  # keeps the element proxies alive, so they work as keys
    for el in reversed(elements):  # every element comes after all of its descendants
        if el.tag == "p":
            chars[el] += len(el.text_content())
        parent = el.getparent()
        if parent is not None and chars.get(el):
            chars[parent] += chars[el]
    return chars


def _without_template_blocks(html: str):
    """The page as an lxml tree with scripts, embeds and template blocks dropped, tails kept.

    A template-looking block that holds most of the page's paragraph text is the main text container
    and stays."""
    tree = load_html(html)
    if tree is None:
        return html  # let trafilatura report what it makes of it
    for el in list(tree.iter(*EMBEDS)):
        if el.getparent() is not None:
            el.drop_tree()  # keeps el.tail in the parent
    doomed = []
    for el in tree.iter(*TEMPLATE_TAGS):
        label = f"{el.get('class', '')} {el.get('id', '')}"
        if label.strip() and TEMPLATE_BLOCK.search(label):
            doomed.append(el)
    if doomed:
        chars = _paragraph_chars(tree)
        main = MAIN_TEXT_SHARE * chars.get(tree, 0)
        for el in doomed:
            if main and chars.get(el, 0) >= main:
                continue  # the article's own container
            if el.getparent() is not None:
                el.drop_tree()
    return tree


def _trafilatura(source, url: str | None):
    return trafilatura.bare_extraction(
        source,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,  # tables in articles are article text (results, figures); trafilatura's default
        favor_precision=True,
        config=_CONFIG,
    )


def _body(document) -> str:
    if document is None:
        return ""
    return _without_headline(_paragraphs(document.text or ""), document.title)


def extract_article(html: str, url: str | None = None) -> ExtractedArticle:
    """Extract body text and metadata; raise ExtractionError when there is no article.

    Trafilatura reads the page with template blocks dropped; when that leaves no article (a template
    block we could not tell from the article), trafilatura's own reading of the whole page is taken."""
    document = _trafilatura(_without_template_blocks(html), url)
    body = _body(document)
    if len(body) < MIN_BODY_CHARS:
        fallback = _trafilatura(html, url)
        fallback_body = _body(fallback)
        if len(fallback_body) > len(body):
            document, body = fallback, fallback_body
    if document is None:
        raise ExtractionError("no article body found")
    if len(body) < MIN_BODY_CHARS:
        raise ExtractionError(f"body too short ({len(body)} characters)")
    return ExtractedArticle(
        title=document.title or None,
        body_text=body,
        published_at=document.date or None,
        language=document.language or None,
        author=document.author or None,
        sitename=document.sitename or None,
    )


def compress(raw: bytes) -> bytes:
    """Compress raw HTML for storage."""
    return zlib.compress(raw, 6)


def decompress(stored: bytes) -> bytes:
    """Inverse of compress."""
    return zlib.decompress(stored)
