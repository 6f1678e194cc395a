"""One HTTP client for feeds, pages and robots.txt: timeouts, size cap, address guard, politeness."""

from __future__ import annotations

import heapq
import itertools
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


class _Watchdog:
    """Shuts a socket down when its response's wall-clock deadline passes, whatever the reader is blocked in.

    Socket timeouts bound each wait for bytes, not a response: a server that drips a byte every
    few seconds never trips them. One thread per client holds the deadlines of all reads in flight.
    """

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._heap: list[tuple[float, int]] = []
        self._socks: dict[int, socket.socket] = {}
        self._ids = itertools.count()
        self._thread: threading.Thread | None = None
        self._closed = False

    def watch(self, sock: socket.socket, deadline: float) -> int:
        """Shut `sock` down at `deadline` (time.monotonic()) unless released first; returns a token."""
        with self._lock:
            token = next(self._ids)
            self._socks[token] = sock
            heapq.heappush(self._heap, (deadline, token))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="fetch-watchdog", daemon=True)
                self._thread.start()
            self._lock.notify()
            return token

    def release(self, token: int) -> None:
        with self._lock:
            self._socks.pop(token, None)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._lock.notify()

    def _run(self) -> None:
        with self._lock:
            while not self._closed:
                while self._heap and self._heap[0][1] not in self._socks:
                    heapq.heappop(self._heap)  # released before its deadline
                if not self._heap:
                    self._lock.wait()
                    continue
                deadline, token = self._heap[0]
                wait_for = deadline - time.monotonic()
                if wait_for > 0:
                    self._lock.wait(wait_for)
                    continue
                heapq.heappop(self._heap)
                sock = self._socks.pop(token)
                try:
                    sock.shutdown(socket.SHUT_RDWR)  # the blocked recv returns at once; the reader sees the deadline
                except OSError:
                    pass


_current = threading.local()  # the deadline and watchdog of the request this thread is making


class RefusedPeer(OSError):
    """The socket connected to an address the settings do not allow (DNS changed after the check)."""


def _guarded(connection_cls: type, allow_private: bool) -> type:
    """A urllib3 connection class that checks the address it actually connected to, before any byte is sent.

    The name was checked before the request; this closes the gap where DNS answers differently the
    second time (rebinding): whatever the resolver says, a refused peer gets no request.
    """

    class Guarded(connection_cls):
        def _new_conn(self):
            sock = super()._new_conn()
            peer = sock.getpeername()[0]
            reason = refusal_reason(peer, allow_private)
            if reason:
                sock.close()
                raise RefusedPeer(f"refused-address: {self.host} connected to {peer}: {reason}")
            return sock

        def getresponse(self, *args, **kwargs):
            # Headers and body are read under the request's deadline: register the socket once it exists.
            watchdog, deadline = getattr(_current, "watch", (None, None))
            if watchdog is not None and self.sock is not None:
                _current.token = watchdog.watch(self.sock, deadline)
            return super().getresponse(*args, **kwargs)

    return Guarded


def _guarded_pool_manager(allow_private: bool, maxsize: int) -> urllib3.PoolManager:
    """A pool manager whose connections are guarded; no retries, no redirects, no environment proxies."""
    try:
        import certifi  # the CA bundle requests would use, for the same verdicts on https

        ca_certs = certifi.where()
    except ImportError:  # fall back to the system's CAs
        ca_certs = None
    manager = urllib3.PoolManager(num_pools=256, maxsize=maxsize, retries=False, ca_certs=ca_certs)
    manager.pool_classes_by_scheme = {
        scheme: type(f"Guarded{pool_cls.__name__}", (pool_cls,),
                     {"ConnectionCls": _guarded(pool_cls.ConnectionCls, allow_private)})  # type: ignore[attr-defined]
        for scheme, pool_cls in manager.pool_classes_by_scheme.items()
    }
    return manager


def _refused_peer(exc: BaseException) -> bool:
    """Whether a connection error came from the connect-time address guard."""
    seen: set[int] = set()
    stack: list[BaseException | None] = [exc]
    while stack:
        current = stack.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, RefusedPeer):
            return True
        stack += [current.__cause__, current.__context__, *(a for a in current.args if isinstance(a, BaseException))]
    return False


def _fetch_error(url: str, exc: BaseException, deadline: float | None = None) -> FetchError:
    """A urllib3 or socket error as the FetchError operators see: timeout, refused address or connection."""
    if deadline is not None and time.monotonic() > deadline:  # the watchdog shut the socket
        return FetchError("timeout", f"{url}: no complete response within the deadline ({exc})")
    if isinstance(exc, Urllib3Timeout):
        return FetchError("timeout", f"{url}: {exc}")
    if _refused_peer(exc):
        return FetchError("refused-address", f"{url}: connected to a refused address")
    return FetchError("connection", f"{url}: {exc}")


class HttpClient:
    """Fetches URLs under the limits in FetchSettings; thread-safe."""

    def __init__(self, settings: FetchSettings, resolver: Callable[[str, int], list[str]] | None = None):
        self.settings = settings
        self._resolve = resolver or _resolve
        # urllib3 directly, not requests: a third of the main process's CPU per page went to requests' layers.
        self._http = _guarded_pool_manager(settings.allow_private_hosts, maxsize=max(64, settings.workers))
        self._headers = {"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate", "Accept": "*/*"}
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._lock = threading.Lock()
        # (host, port) -> refusal reason or None, for the client's life (one stage run): one DNS lookup per host.
        self._verdicts: dict[tuple[str, int], str | None] = {}
        self._watchdog = _Watchdog()

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
            _current.watch, _current.token = (self._watchdog, deadline), None
            try:
                return self._request(url, accept, headers, timeout, deadline)
            finally:
                if _current.token is not None:
                    self._watchdog.release(_current.token)
                _current.watch = _current.token = None

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
