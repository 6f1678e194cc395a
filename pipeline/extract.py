"""Article body and metadata from a page, with trafilatura."""

from __future__ import annotations

import codecs
import re
import zlib

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
    candidates = [charset] if charset else []
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


# Lines that news templates put inside the article container and trafilatura keeps: embedded
# tweets, wire credits, newsletter and subscription boxes, "Read also" links. Short lines only.
BOILERPLATE = re.compile(
    r"pic\.twitter\.com/|^[\u2014\u2013-]\s.{0,80}\(@\w+\)\s+\w+\s+\d{1,2},\s+\d{4}$|"
    r"^(?:Reporting|Writing|Additional reporting|Compiled|Edited) by\b.*(?:Editing by|Reporting by|;)|"
    r"^(?:Sign up|Subscribe)\b|\b(?:sign up for|subscribe to) (?:our|the) \w*\s*(?:newsletter|briefing)|"
    r"delivered to your inbox|contains only a portion of the news stories|\bshare this (?:story|article)\b|"
    r"^(?:Read also|Read more|Also read|See also|Related|Recommended|Most read)\s*:|^[_\-\u2014=*]{3,}$|"
    r"^(?:\S+\s+){0,8}\S*https?://\S+(?:\s+\S+){0,8}$|^.{0,80}\bnewsletter\b.{0,80}$",
    re.IGNORECASE)
BOILERPLATE_MAX_CHARS = 300


def _is_boilerplate(line: str) -> bool:
    return len(line) <= BOILERPLATE_MAX_CHARS and bool(BOILERPLATE.search(line))


def _paragraphs(text: str) -> str:
    # One blank line between paragraphs: statement offsets and quote spans rely on it.
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line and not _is_boilerplate(line))


# Template blocks inside article containers, by class or id word: ads, promos, share bars, newsletter
# boxes, related-story lists. Removed before extraction with their text, but not the text after them
# (trafilatura drops an element's tail with it: "<div class=ad>…</div>Next paragraph").
TEMPLATE_BLOCK = re.compile(r"(?:^|[\s_-])(?:ad|ads|adv|advert|advertisement|adslot|dfp|googletag|banner|promo|"
                            r"newsletter|subscribe|subscription|signup|social|share|sharing|related|outbrain|"
                            r"taboola|recommended|most-read|mostread|popular)(?:$|[\s_-])", re.IGNORECASE)
EMBEDS = ("script", "style", "noscript", "iframe", "template")


def _without_template_blocks(html: str):
    """The page as an lxml tree with scripts, embeds, tweets and template blocks dropped, tails kept."""
    tree = load_html(html)
    if tree is None:
        return html  # let trafilatura report what it makes of it
    doomed = [el for el in tree.iter(*EMBEDS)]
    for el in tree.iter("div", "aside", "section", "ul", "blockquote", "p", "span", "figure"):
        label = f"{el.get('class', '')} {el.get('id', '')}"
        if (el.tag == "blockquote" and "twitter" in label) or (label.strip() and TEMPLATE_BLOCK.search(label)):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()  # keeps el.tail in the parent
    return tree


def extract_article(html: str, url: str | None = None) -> ExtractedArticle:
    """Extract body text and metadata; raise ExtractionError when there is no article."""
    document = trafilatura.bare_extraction(
        _without_template_blocks(html),
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        config=_CONFIG,
    )
    if document is None:
        raise ExtractionError("no article body found")
    body = _paragraphs(document.text or "")
    if document.title and body.startswith(document.title.strip() + "\n\n"):
        body = body[len(document.title.strip()) + 2 :]  # the headline is stored as the title, not as body
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
