"""Feeds: the configured list, conditional polling, and parsing from bytes we fetched ourselves."""

from __future__ import annotations

import calendar
import hashlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import yaml

from pipeline.fetch import FEED_TYPES, FetchError, HttpClient
from pipeline.models import Feed, FeedEntry
from pipeline.urls import InvalidURL, normalize_url

MAX_ENTRIES = 500  # per feed per poll; a feed listing more is cut, not refused
# Entity declarations, and a DOCTYPE with an internal subset (where they live), are how a feed makes
# the parser expand entities ("billion laughs"); no real feed needs either. A plain DOCTYPE naming
# an external DTD (RSS 0.91) is harmless: external DTDs are never fetched.
ENTITY_DECL = re.compile(rb"<!ENTITY|<!DOCTYPE[^>\[]*\[", re.IGNORECASE)


class FeedError(Exception):
    """A feed body that cannot be used: not a feed, hostile, or broken; `kind` labels it."""

    def __init__(self, kind: str, message: str):
        super().__init__(f"{kind}: {message}")
        self.kind = kind
        self.message = message

    def __reduce__(self):  # picklable, so a worker process can send it back
        return FeedError, (self.kind, self.message)


@dataclass(frozen=True)
class FeedState:
    """What the last successful poll left behind, for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None


@dataclass(frozen=True)
class PollResult:
    """Outcome of polling one feed: entries when changed, validators to store, or the error."""

    feed: Feed
    status: str  # 'changed' | 'unchanged' | 'failed'
    entries: tuple[FeedEntry, ...] = ()
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    http_status: int | None = None
    error_kind: str | None = None
    error: str | None = None


def load_feeds(path: Path) -> list[Feed]:
    """Read config/feeds.yaml: a top-level `feeds:` list of {name, url, outlet[, language]}.

    Raises ConfigError (a ValueError) with one line naming the file, the entry and what is wrong.
    """
    from pipeline.config import ConfigError

    def fail(message: str) -> ConfigError:
        return ConfigError(f"{path}: {message}")

    def shown(value: object) -> str:
        text = repr(value)
        return text if len(text) <= 80 else text[:77] + "..."

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise fail(f"cannot read feeds file: {reason}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())
        raise fail(f"YAML syntax error{where}: {problem}") from None
    if not isinstance(data, dict) or "feeds" not in data:
        raise fail("expected a top-level 'feeds:' list")
    items = data["feeds"]
    if not isinstance(items, list):
        raise fail(f"'feeds' must be a list, got {type(items).__name__}")
    feeds: list[Feed] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(items, start=1):
        entry = f"feed #{index}"
        if not isinstance(item, dict):
            raise fail(f"{entry} must be a mapping with name, url and outlet, got {type(item).__name__}")
        if isinstance(item.get("name"), str) and item["name"].strip():
            entry += f" ({item['name']!r})"
        missing = [k for k in ("name", "url", "outlet") if item.get(k) is None or item.get(k) == ""]
        if missing:
            raise fail(f"{entry} lacks {', '.join(missing)}")
        for key in ("name", "url", "outlet", "language"):
            if key in item and not isinstance(item[key], str):
                raise fail(f"{entry}: {key} must be a string, got {type(item[key]).__name__} {shown(item[key])}")
            if key in item and not item[key].strip():
                raise fail(f"{entry}: {key} is blank")
        url = item["url"]
        try:
            normalize_url(url)
            ok = url == url.strip() and not any(ch.isspace() or ord(ch) < 32 for ch in url)
        except ValueError:  # InvalidURL, or urlsplit's own complaints (an unclosed IPv6 bracket)
            ok = False
        if not ok:
            raise fail(f"{entry}: url must be an http(s) URL, got {shown(url)}")
        if item["name"] in seen:
            raise fail(f"feed #{index}: name {item['name']!r} is used twice (also feed #{seen[item['name']]})")
        seen[item["name"]] = index
        feeds.append(Feed(name=item["name"], url=url, outlet=item["outlet"], language=item.get("language", "en")))
    return feeds


def body_hash(body: bytes) -> str:
    """SHA-256 of a body, hex."""
    return hashlib.sha256(body).hexdigest()


def _entry_time(entry: dict, keys: tuple[str, ...] = ("published_parsed", "updated_parsed", "created_parsed")) -> str | None:
    for key in keys:
        value = entry.get(key)
        if value:
            try:
                stamp = calendar.timegm(value)
                return datetime.fromtimestamp(stamp, tz=timezone.utc).isoformat()
            except (OverflowError, ValueError, TypeError):
                continue
    return None


def parse_feed(body: bytes, feed: Feed, base_url: str, content_type: str | None = None) -> list[FeedEntry]:
    """Parse RSS/Atom bytes into entries with canonical links; raise FeedError for non-feeds and hostile XML."""
    refusal = _declaration_refused(body, content_type)
    if refusal:
        raise FeedError("hostile-xml", refusal)
    headers = {"content-location": base_url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(io.BytesIO(body), response_headers=headers, resolve_relative_uris=False, sanitize_html=False)
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        reason = parsed.get("bozo_exception")
        raise FeedError("not-a-feed", f"no RSS/Atom found ({reason or 'unrecognised document'})")
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for raw in parsed.entries[:MAX_ENTRIES]:
        link = raw.get("link") or _guid_link(raw)
        if not link:
            continue
        try:
            url = normalize_url(link, base=base_url)
        except InvalidURL:
            continue
        if url in seen:
            continue
        seen.add(url)
        entries.append(
            FeedEntry(
                feed_name=feed.name,
                url=url,
                guid=_clean(raw.get("id")),
                title=_clean(raw.get("title")),
                published_at=_entry_time(raw),
                link=urljoin(base_url, link.strip()),
                updated_at=_entry_time(raw, ("updated_parsed", "published_parsed")),
            )
        )
    return entries


def _declaration_refused(body: bytes, content_type: str | None) -> str | None:
    """Why a feed is refused for its declarations, or None: looked for in the whole body, decoded as feedparser will.

    feedparser transcodes the feed to UTF-8 (BOM, XML declaration, HTTP charset) before parsing,
    so the check runs on exactly those bytes: a declaration after a long comment, or in a UTF-16
    or UTF-32 feed, is found as surely as one at the top of a UTF-8 feed.
    """
    from feedparser.encodings import convert_to_utf8
    from feedparser.util import FeedParserDict

    headers = {"content-type": content_type} if content_type else {}
    candidates = [body]
    try:
        candidates.append(convert_to_utf8(headers, body, FeedParserDict(bozo=False)))
    except Exception:  # noqa: BLE001 - undecodable: feedparser's own loose pass sees these raw bytes
        pass
    for data in candidates:
        if ENTITY_DECL.search(data):
            return "feed declares XML entities or a DOCTYPE with an internal subset (refused: entity expansion)"
    return None


def _clean(value: str | None) -> str | None:
    """Feed text without NUL characters (PostgreSQL text cannot hold them)."""
    return value.replace("\x00", "") or None if value else None


def _guid_link(entry: dict) -> str | None:
    guid = entry.get("id") or ""
    return guid if guid.startswith(("http://", "https://")) else None


def poll_feed(client: HttpClient, feed: Feed, state: FeedState, parse: Callable[..., list[FeedEntry]] = parse_feed
              ) -> PollResult:
    """Conditional GET of one feed; never raises: failures come back as status 'failed'.

    `parse` is parse_feed or a stand-in that runs it elsewhere (a worker process).
    """
    headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1"}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    try:
        response = client.get(feed.url, accept=FEED_TYPES, headers=headers)
    except FetchError as exc:
        return PollResult(feed, "failed", http_status=exc.status, error_kind=exc.kind, error=str(exc))
    etag = response.headers.get("etag") or state.etag
    last_modified = response.headers.get("last-modified") or state.last_modified
    if response.status == 304:
        return PollResult(feed, "unchanged", etag=etag, last_modified=last_modified, body_hash=state.body_hash, http_status=304)
    digest = body_hash(response.body)
    if digest == state.body_hash:
        # Servers often send fresh validators for an identical body: the hash is what tells.
        return PollResult(feed, "unchanged", etag=etag, last_modified=last_modified, body_hash=digest, http_status=response.status)
    try:
        entries = parse(response.body, feed, response.url, response.headers.get("content-type"))
    except FeedError as exc:
        return PollResult(feed, "failed", http_status=response.status, error_kind=exc.kind, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - whatever a feed's content does to the parser, only this feed fails
        return PollResult(feed, "failed", http_status=response.status, error_kind="parse-error",
                          error=f"{type(exc).__name__} while parsing the feed: {exc}"[:500])
    return PollResult(
        feed, "changed", tuple(entries), etag=etag, last_modified=last_modified, body_hash=digest, http_status=response.status
    )
