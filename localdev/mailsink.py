"""A local SMTP sink (aiosmtpd) that stores every message it receives as an .eml file."""

from __future__ import annotations

import itertools
import time
from email import message_from_bytes
from email.message import Message
from pathlib import Path

from aiosmtpd.controller import Controller


class _SaveHandler:
    def __init__(self, folder: Path):
        self.folder = folder
        self._counter = itertools.count(1)

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 - aiosmtpd's hook name
        name = f"{time.strftime('%Y%m%dT%H%M%S')}-{next(self._counter):04d}.eml"
        (self.folder / name).write_bytes(envelope.original_content or envelope.content)
        return "250 Message accepted for delivery"


class MailSink:
    """Start with `with MailSink(folder) as sink:`; `sink.port` is where to send; `messages()` reads them back."""

    def __init__(self, folder: Path, host: str = "127.0.0.1", port: int = 0):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.host = host
        self._controller = Controller(_SaveHandler(self.folder), hostname=host, port=port or _free_port(host))

    @property
    def port(self) -> int:
        return self._controller.port

    def start(self) -> MailSink:
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()

    def __enter__(self) -> MailSink:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def messages(self) -> list[Message]:
        """Messages received so far, oldest first."""
        return [message_from_bytes(p.read_bytes()) for p in sorted(self.folder.glob("*.eml"))]


def _free_port(host: str) -> int:
    import socket

    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]
