"""Canonical URLs: one article, one key, whatever tracking or AMP variant a feed links."""

from __future__ import annotations

import posixpath
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
        "_ga", "_gl", "ref", "ref_src", "cmpid", "ito", "ns_mchannel", "ns_source", "ns_campaign",
        "ocid", "sr_share", "at_medium", "at_campaign", "xtor", "amp", "outputtype",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")
DEFAULT_PORTS = {"http": 80, "https": 443}


class InvalidURL(ValueError):
    """The link cannot be turned into an http(s) URL."""


def _is_tracking(key: str) -> bool:
    lowered = key.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def _strip_amp_path(path: str) -> str:
    # Outlets publish AMP copies as /amp/..., /.../amp, or /...amp.html; all point at one story.
    segments = [s for s in path.split("/") if s.lower() != "amp"]
    path = "/".join(segments) or "/"
    if path.endswith(".amp.html"):
        path = path[: -len(".amp.html")] + ".html"
    elif path.endswith(".amp"):
        path = path[: -len(".amp")]
    return path


def _strip_mobile_host(host: str) -> str:
    for prefix in ("m.", "mobile.", "amp."):
        if host.startswith(prefix) and host.count(".") >= 2:
            return "www." + host[len(prefix):] if not host[len(prefix):].startswith("www.") else host[len(prefix):]
    return host


def normalize_url(url: str, base: str | None = None) -> str:
    """Return the canonical form of an article link (absolute, no tracking, no AMP, no fragment)."""
    raw = (url or "").strip()
    if not raw:
        raise InvalidURL("empty link")
    if base:
        raw = urljoin(base, raw)
    parts = urlsplit(raw)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        raise InvalidURL(f"not an http(s) link: {url!r}")
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        raise InvalidURL(f"link has no host: {url!r}")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise InvalidURL(f"bad host in {url!r}") from exc
    host = _strip_mobile_host(host)
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError as exc:
        raise InvalidURL(f"bad port in {url!r}") from exc
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = posixpath.normpath(unquote(parts.path)) if parts.path not in ("", "/") else "/"
    if parts.path.endswith("/") and path != "/":
        path += "/"
    path = _strip_amp_path(quote(path, safe="/%:@!$&'()*+,;=~-._"))
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    query.sort()
    return urlunsplit((scheme, netloc, path, urlencode(query, doseq=True), ""))
