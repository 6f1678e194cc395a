"""One HTTP client for feeds, pages and robots.txt: timeouts, size cap, address guard, politeness."""

from __future__ import annotations

import socket
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.exceptions import TimeoutError as Urllib3Timeout

from pipeline.addresses import refusal_reason
from pipeline.connections import Watchdog, current_request, guarded_pool_manager, refused_peer
from pipeline.config import FetchSettings

T = TypeVar("T")
R = TypeVar("R")

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("xml", "rss", "atom", "text/plain", "text/html", "application/octet-stream")


class FetchError(Exception):
    """A request that did not produce a usable body; `kind` is a short stable label for operators."""

    def __init__(self, kind: str, message: str, status: int | None = None):
        super().__init__(f"{kind}: {message}")
        self.kind = kind
        self.status = status


@dataclass(frozen=True)
class Response:
    """A completed response: final URL after redirects, status, lower-cased headers, body bytes."""

    url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip('"')
        return None


class _HostGate:
    """Caps concurrent requests to one host and spaces them by a delay."""

    def __init__(self, concurrency: int, delay: float):
        self._slots = threading.Semaphore(max(1, concurrency))
        self._lock = threading.Lock()
        self._next_at = 0.0
        self._delay = delay

    def __enter__(self) -> None:
        self._slots.acquire()
        with self._lock:
            wait = self._next_at - time.monotonic()
            self._next_at = max(time.monotonic(), self._next_at) + self._delay
        if wait > 0:
            time.sleep(wait)

    def __exit__(self, *exc: object) -> None:
        self._slots.release()


def _fetch_error(url: str, exc: BaseException, deadline: float | None = None) -> FetchError:
    """A urllib3 or socket error as the FetchError operators see: timeout, refused address or connection."""
    if deadline is not None and time.monotonic() > deadline:  # the watchdog shut the socket
        return FetchError("timeout", f"{url}: no complete response within the deadline ({exc})")
    if isinstance(exc, Urllib3Timeout):
        return FetchError("timeout", f"{url}: {exc}")
    if refused_peer(exc):
        return FetchError("refused-address", f"{url}: connected to a refused address")
    return FetchError("connection", f"{url}: {exc}")


class HttpClient:
    """Fetches URLs under the limits in FetchSettings; thread-safe."""

    def __init__(self, settings: FetchSettings, resolver: Callable[[str, int], list[str]] | None = None):
        self.settings = settings
        self._resolve = resolver or _resolve
        # urllib3 directly, not requests: a third of the main process's CPU per page went to requests' layers.
        self._http = guarded_pool_manager(settings.allow_private_hosts, maxsize=max(64, settings.workers))
        self._headers = {"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate", "Accept": "*/*"}
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._lock = threading.Lock()
        # (host, port) -> refusal reason or None, for the client's life (one stage run): one DNS lookup per host.
        self._verdicts: dict[tuple[str, int], str | None] = {}
        self._watchdog = Watchdog()

    def close(self) -> None:
        self._watchdog.close()
        self._http.clear()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def check_address(self, url: str) -> None:
        """Refuse a URL whose host resolves to an address the settings do not allow."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("invalid-url", f"not an http(s) URL: {url!r}")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        key = (parts.hostname, port)
        reason = self._verdicts.get(key, False)
        if reason is False:  # not yet resolved by this client: resolve once per host and port
            try:
                addresses = self._resolve(parts.hostname, port)
            except OSError as exc:
                raise FetchError("dns", f"{parts.hostname}: {exc}") from exc
            reasons = (refusal_reason(address, self.settings.allow_private_hosts) for address in addresses)
            reason = next((r for r in reasons if r), None)
            self._verdicts[key] = reason
        if reason:
            raise FetchError("refused-address", f"{parts.hostname}: {reason}")

    def get(
        self,
        url: str,
        accept: tuple[str, ...] = HTML_TYPES,
        headers: dict[str, str] | None = None,
        check_robots: bool = True,
    ) -> Response:
        """GET with manual redirects (each hop address-checked); returns 2xx or 304, raises FetchError otherwise."""
        current = url
        for _hop in range(self.settings.max_redirects + 1):
            self.check_address(current)
            if check_robots and self.settings.respect_robots and not self.allowed_by_robots(current):
                raise FetchError("robots", f"disallowed by robots.txt: {current}")
            response = self._get_once(current, accept, headers or {})
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("location")
                if not location:
                    raise FetchError("http-status", f"redirect without Location from {current}", response.status)
                current = urljoin(current, location)
                continue
            return response
        raise FetchError("redirects", f"more than {self.settings.max_redirects} redirects from {url}")

    def _gate(self, host: str) -> _HostGate:
        with self._lock:
            gate = self._gates.get(host)
            if gate is None:
                gate = _HostGate(self.settings.per_host_concurrency, self.settings.per_host_delay)
                self._gates[host] = gate
            return gate

    def _get_once(self, url: str, accept: tuple[str, ...], headers: dict[str, str]) -> Response:
        host = urlsplit(url).netloc
        timeout = urllib3.Timeout(connect=self.settings.connect_timeout, read=self.settings.read_timeout)
        with self._gate(host):
            deadline = time.monotonic() + self.settings.response_deadline
            current_request.watch, current_request.token = (self._watchdog, deadline), None
            try:
                return self._request(url, accept, headers, timeout, deadline)
            finally:
                if current_request.token is not None:
                    self._watchdog.release(current_request.token)
                current_request.watch = current_request.token = None

    def _request(self, url: str, accept: tuple[str, ...], headers: dict[str, str], timeout: urllib3.Timeout,
                 deadline: float) -> Response:
        try:
            raw = self._http.request("GET", url, headers={**self._headers, **headers}, preload_content=False,
                                     redirect=False, retries=False, timeout=timeout)
        except (Urllib3Error, OSError) as exc:
            raise _fetch_error(url, exc, deadline) from exc
        body = None
        try:
            # Repeated headers are joined with ", ", as requests did.
            response = Response(url=url, status=raw.status, headers={k.lower(): raw.headers[k] for k in raw.headers})
            if response.status in (301, 302, 303, 307, 308, 304):
                return response
            if not 200 <= response.status < 300:
                raise FetchError("http-status", f"{url} answered HTTP {response.status}", response.status)
            if response.content_type and not any(a in response.content_type for a in accept):
                raise FetchError("content-type", f"{url} is {response.content_type}, expected {', '.join(accept)}")
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.settings.max_bytes:
                raise FetchError("too-large", f"{url} declares {declared} bytes (cap {self.settings.max_bytes})")
            body = self._read_capped(raw, url, deadline)
        finally:
            if body is None:  # not read to the end: the connection cannot serve another request
                raw.close()
            raw.release_conn()
        return replace(response, body=body)

    def _read_capped(self, raw: urllib3.BaseHTTPResponse, url: str, deadline: float) -> bytes:
        # Counts decoded bytes, so a gzip bomb stops at the cap too. read1 returns what has arrived
        # instead of waiting for a whole chunk, so the deadline is checked as bytes trickle in; the
        # watchdog shuts the socket at the deadline if a read is still blocked then.
        chunks: list[bytes] = []
        size = 0
        try:
            while True:
                if time.monotonic() > deadline:
                    raise self._late(url)
                chunk = raw.read1(64 * 1024, decode_content=True)
                if not chunk:
                    if time.monotonic() > deadline:  # the watchdog ended the read: not the real end of the body
                        raise self._late(url)
                    break
                size += len(chunk)
                if size > self.settings.max_bytes:
                    raise FetchError("too-large", f"{url} is over {self.settings.max_bytes} bytes")
                chunks.append(chunk)
        except (Urllib3Error, OSError) as exc:
            raise _fetch_error(url, exc, deadline) from exc
        return b"".join(chunks)

    def _late(self, url: str) -> FetchError:
        return FetchError("timeout", f"{url} took longer than {self.settings.response_deadline:.0f}s to send")

    def allowed_by_robots(self, url: str) -> bool:
        """Whether robots.txt of the URL's host lets our User-Agent fetch it (cached per host)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            known = origin in self._robots
            parser = self._robots.get(origin)
        if not known:
            parser = self._load_robots(origin)
            with self._lock:
                self._robots[origin] = parser
        return parser is None or parser.can_fetch(self.settings.user_agent, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        try:
            response = self.get(origin + "/robots.txt", accept=("text/plain", "text/html", "octet-stream"), check_robots=False)
        except FetchError as exc:
            if exc.status in (401, 403):
                parser = urllib.robotparser.RobotFileParser()
                parser.disallow_all = True  # type: ignore[attr-defined]  # set by RobotFileParser, absent from typeshed
                return parser
            return None  # no robots.txt (or unreachable): everything allowed
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(response.body.decode("utf-8", "replace").splitlines())
        return parser

    def map(self, fn: Callable[[T], R], items: Iterable[T], deadline: float | None = None) -> Iterator[R]:
        """Apply fn to items on the client's worker threads, yielding results as they complete.

        Completion order, so one slow host holds nothing else back; the caller works on each result
        while the threads fetch the rest. No item is started after `deadline` (time.monotonic()):
        those are simply not yielded. fn must not raise.
        """
        pending = iter(list(items))
        with ThreadPoolExecutor(max_workers=self.settings.workers) as pool:
            running: set[Future] = set()
            while True:
                while len(running) < 2 * self.settings.workers and (deadline is None or time.monotonic() < deadline):
                    item = next(pending, _END)
                    if item is _END:
                        break
                    running.add(pool.submit(fn, item))
                if not running:
                    return
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()


_END: Any = object()  # the end of the items (Any: it stands where an item would)


def _resolve(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})
