"""urllib3 connections that keep the fetch rules: the connected address is checked, a response has a deadline."""

from __future__ import annotations

import heapq
import itertools
import socket
import threading
import time

import urllib3

from pipeline.addresses import refusal_reason


class Watchdog:
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


current_request = threading.local()  # the deadline and watchdog of the request this thread is making


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
            watchdog, deadline = getattr(current_request, "watch", (None, None))
            if watchdog is not None and self.sock is not None:
                current_request.token = watchdog.watch(self.sock, deadline)
            return super().getresponse(*args, **kwargs)

    return Guarded


def guarded_pool_manager(allow_private: bool, maxsize: int) -> urllib3.PoolManager:
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


def refused_peer(exc: BaseException) -> bool:
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
