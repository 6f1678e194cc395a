"""Alert delivery against real SMTP servers on 127.0.0.1: outages, QUIT trouble, refusals and re-queueing."""

from __future__ import annotations

import os
import smtplib
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller

from localdev.mailsink import MailSink, _free_port
from pipeline import stages
from pipeline.alerts import CONNECTION, PERMANENT, TRANSIENT, backoff, classify, drain_outbox
from pipeline.config import Settings, SmtpSettings
from pipeline.store import db
from tests.conftest import ROOT


@pytest.fixture
def conn(database_url):
    with db.connection(database_url) as connection:
        db.migrate(connection)
        yield connection


def queue_alerts(conn, count: int) -> list[int]:
    """`count` pending alerts, each for its own claim and article."""
    ids = []
    with conn.cursor() as cur:
        for n in range(count):
            cur.execute("""INSERT INTO articles (url, outlet, title, published_at, body_text, body_hash)
                           VALUES (%s, 'Outlet', 'Title', '2020-05-14T10:00:00Z', 'body', md5(%s)) RETURNING id""",
                        (f"https://a.example/{n}", str(n)))
            article = cur.fetchone()[0]
            cur.execute("""INSERT INTO claims (accuser, accused, agreement, breach_type, first_article_id, first_outlet,
                                               first_seen, last_seen)
                           VALUES ('russia', 'turkey', 'moscow_2020', 'ceasefire_violation', %s, 'Outlet', now(), now())
                           RETURNING id""", (article,))
            claim = cur.fetchone()[0]
            cur.execute("INSERT INTO alerts (claim_id, recipients) VALUES (%s, %s) RETURNING id",
                        (claim, ["analyst@example.org"]))
            ids.append(cur.fetchone()[0])
    conn.commit()
    return ids


def alert_rows(conn) -> list[tuple]:
    with conn.cursor() as cur:
        cur.execute("SELECT id, status, attempts, message_id, last_error FROM alerts ORDER BY id")
        rows = cur.fetchall()
    conn.commit()
    return rows


def statuses(conn) -> list[str]:
    return [row[1] for row in alert_rows(conn)]


def settings_for(database_url: str, port: int) -> Settings:
    return Settings(database_url=database_url, smtp=SmtpSettings(host="127.0.0.1", port=port, timeout=5),
                    alert_recipients=("analyst@example.org",))


class Recorder:
    """An aiosmtpd handler that keeps what it accepts; subclasses change the answers."""

    def __init__(self):
        self.accepted: list = []  # (Message-ID, peer) of every message accepted
        self.offered: list[str] = []  # Message-ID of every DATA received, accepted or not

    def answer(self, message) -> str:
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        message = message_from_bytes(envelope.original_content or envelope.content)
        self.offered.append(message["Message-ID"])
        reply = self.answer(message)
        if reply.startswith("250"):
            self.accepted.append((message["Message-ID"], session.peer))
        return reply


class Server:
    """Start/stop an aiosmtpd Controller with a handler on a fixed free port."""

    def __init__(self, handler):
        self.handler = handler
        self.controller = Controller(handler, hostname="127.0.0.1", port=_free_port("127.0.0.1"))
        self.port = self.controller.port

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


def test_server_down_for_twelve_drains_then_up_delivers_every_alert_exactly_once(conn, database_url, tmp_path):
    alerts = queue_alerts(conn, 3)
    sink = MailSink(tmp_path / "mail")  # its port is chosen but nothing listens until start()
    settings = settings_for(database_url, sink.port)

    for _ in range(12):  # three hours on the 15-minute schedule
        counts = stages.send_alerts(settings)
        assert statuses(conn) == ["pending"] * 3
        assert (counts["alerts_sent"], counts["alerts_failed"], counts["alerts_queued"]) == (0, 0, 3)
        assert counts["alerts_deferred"] == 3
    # The drain stopped at the first refused connection: no attempt counted against any alert,
    # no backoff, one event per drain (not one per alert).
    assert [row[2] for row in alert_rows(conn)] == [0, 0, 0]
    with conn.cursor() as cur:
        cur.execute("SELECT count(*), min(kind), min(message) FROM events WHERE stage = 'alert'")
        events, kind, message = cur.fetchone()
    conn.commit()
    assert (events, kind) == (12, "smtp-connect") and "Connection refused" in message

    with sink:
        counts = stages.send_alerts(settings)
        assert (counts["alerts_sent"], counts["alerts_failed"], counts["alerts_queued"]) == (3, 0, 0)
        assert stages.send_alerts(settings)["alerts_sent"] == 0
        received = sink.messages()
    rows = alert_rows(conn)
    assert [row[1] for row in rows] == ["sent"] * 3 and [row[2] for row in rows] == [1, 1, 1]
    assert sorted(m["Message-ID"] for m in received) == sorted(row[3] for row in rows)
    assert [row[3] for row in rows] == [f"<alert-{a}.claim-{a}@ceasefire-monitor>" for a in alerts]


class QuitWith421(Recorder):
    async def handle_QUIT(self, server, session, envelope):  # noqa: N802
        return "421 4.3.2 Service shutting down"


class QuitDropped(Recorder):
    async def handle_QUIT(self, server, session, envelope):  # noqa: N802
        server.transport.abort()  # hang up instead of answering
        return "221 Bye"


@pytest.mark.parametrize("handler", [QuitWith421, QuitDropped], ids=["421-at-quit", "dropped-at-quit"])
def test_server_accepting_data_then_failing_quit_gets_each_alert_once(conn, database_url, handler):
    queue_alerts(conn, 3)
    with Server(handler()) as server:
        settings = settings_for(database_url, server.port)
        first = stages.send_alerts(settings)
        second = stages.send_alerts(settings)
    ids = [message_id for message_id, _ in server.handler.accepted]
    assert len(ids) == 3 and len(set(ids)) == 3, ids  # exactly one email per alert across two drains
    assert statuses(conn) == ["sent"] * 3
    assert (first["alerts_sent"], first["alerts_failed"], second["alerts_sent"]) == (3, 0, 0)
    assert len({peer for _, peer in server.handler.accepted}) == 1  # one connection for the whole drain


class RefuseUntilAllowed(Recorder):
    def __init__(self):
        super().__init__()
        self.refuse = True

    def answer(self, message) -> str:
        return "554 5.7.1 Message rejected by policy" if self.refuse else "250 OK"


def requeue_cli(database_url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database_url}
    env.pop("SMTP_HOST", None)
    return subprocess.run([sys.executable, "-m", "pipeline", "requeue-alerts", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_permanent_refusal_fails_the_alert_and_requeue_alerts_brings_it_back(conn, database_url):
    first, second = queue_alerts(conn, 2)
    with Server(RefuseUntilAllowed()) as server:
        settings = settings_for(database_url, server.port)
        counts = stages.send_alerts(settings)
        assert (counts["alerts_sent"], counts["alerts_failed"], counts["alerts_queued"]) == (0, 2, 0)
        rows = alert_rows(conn)
        assert [row[1] for row in rows] == ["failed", "failed"]
        assert all("554 5.7.1 Message rejected by policy" in row[4] for row in rows)
        assert stages.send_alerts(settings)["alerts_failed"] == 0  # failed alerts are not retried on their own
        assert len(server.handler.offered) == 2
        with conn.cursor() as cur:
            cur.execute("SELECT kind, subject FROM events WHERE stage = 'alert' ORDER BY id")
            assert cur.fetchall() == [("smtp-refused", f"alert {first}"), ("smtp-refused", f"alert {second}")]
        conn.commit()

        server.handler.refuse = False
        one = requeue_cli(database_url, "--id", str(first))
        assert one.returncode == 0, one.stderr
        assert one.stdout.strip() == f"requeued 1 alert: {first}"
        assert statuses(conn) == ["pending", "failed"]
        assert stages.send_alerts(settings)["alerts_sent"] == 1

        rest = requeue_cli(database_url, "--all-failed")
        assert rest.returncode == 0, rest.stderr
        assert rest.stdout.strip() == f"requeued 1 alert: {second}"
        assert stages.send_alerts(settings)["alerts_sent"] == 1
        assert stages.send_alerts(settings)["alerts_sent"] == 0

        again = requeue_cli(database_url, "--id", str(first))  # a sent alert is never sent twice
        assert again.returncode == 0 and again.stdout.strip() == "requeued 0 alerts"
        assert str(first) in again.stderr
        assert requeue_cli(database_url).returncode == 2  # --all-failed or --id is required

    assert statuses(conn) == ["sent", "sent"]
    assert sorted(mid for mid, _ in server.handler.accepted) == sorted(
        f"<alert-{a}.claim-{a}@ceasefire-monitor>" for a in (first, second))
    # The refused attempts and the accepted one carried the same Message-ID.
    assert sorted(server.handler.offered) == sorted(2 * [mid for mid, _ in server.handler.accepted])


class Busy(Recorder):
    """451 for one message the first time it is offered: that alert backs off, the others go out."""

    def __init__(self, busy_id: str):
        super().__init__()
        self.busy_id = busy_id

    def answer(self, message) -> str:
        if message["Message-ID"] == self.busy_id and self.offered.count(self.busy_id) == 1:
            return "451 4.3.0 Try again later"
        return "250 OK"


def test_a_4xx_reply_backs_off_that_alert_only_and_keeps_its_message_id(conn, database_url):
    alerts = queue_alerts(conn, 3)
    busy = f"<alert-{alerts[1]}.claim-{alerts[1]}@ceasefire-monitor>"
    start = datetime.now(timezone.utc)
    with Server(Busy(busy)) as server:
        smtp = SmtpSettings(host="127.0.0.1", port=server.port, timeout=5)
        drained = drain_outbox(conn, smtp, now=start)
        assert (drained.sent, drained.failed, drained.deferred) == (2, 0, 1)
        assert [(r[1], r[2]) for r in alert_rows(conn)] == [("sent", 1), ("pending", 1), ("sent", 1)]
        assert "451 4.3.0 Try again later" in alert_rows(conn)[1][4]
        # Not due again before a minute has passed; then sent.
        assert drain_outbox(conn, smtp, now=start + timedelta(seconds=50)).sent == 0
        assert drain_outbox(conn, smtp, now=start + timedelta(seconds=61)).sent == 1
    assert statuses(conn) == ["sent"] * 3
    assert server.handler.offered.count(busy) == 2 and len(server.handler.accepted) == 3
    assert alert_rows(conn)[1][3] == busy and alert_rows(conn)[1][4] is None


class HangsUpOn(Recorder):
    """Drops the connection whenever one message arrives (a message that breaks the server)."""

    def __init__(self, poison_id: str):
        super().__init__()
        self.poison_id = poison_id

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        message = message_from_bytes(envelope.original_content or envelope.content)
        if message["Message-ID"] == self.poison_id:
            self.offered.append(self.poison_id)
            server.transport.abort()
            return "250 OK"  # never reaches the client
        return await super().handle_DATA(server, session, envelope)


def test_a_connection_lost_mid_message_counts_against_that_alert_and_cannot_block_the_queue(conn, database_url):
    alerts = queue_alerts(conn, 4)
    poison = f"<alert-{alerts[1]}.claim-{alerts[1]}@ceasefire-monitor>"
    start = datetime.now(timezone.utc)
    with Server(HangsUpOn(poison)) as server:
        smtp = SmtpSettings(host="127.0.0.1", port=server.port, timeout=5)
        drained = drain_outbox(conn, smtp, now=start)
        # Alert 1 goes out; alert 2 loses the (used) connection, is retried once on a new one, loses
        # it again: one attempt counted, backoff, and the drain stops, leaving 3 and 4 untouched.
        assert (drained.sent, drained.failed, drained.deferred) == (1, 0, 3)
        assert [(r[1], r[2]) for r in alert_rows(conn)] == [("sent", 1), ("pending", 1), ("pending", 0), ("pending", 0)]
        assert server.handler.offered.count(poison) == 2
        drained = drain_outbox(conn, smtp, now=start)  # the next drain: the others go out, 2 is backing off
        assert (drained.sent, drained.deferred) == (2, 0)
        later = drain_outbox(conn, smtp, now=start + timedelta(minutes=5))
        assert (later.sent, later.deferred) == (0, 1)
    assert [(r[1], r[2]) for r in alert_rows(conn)] == [("sent", 1), ("pending", 2), ("sent", 1), ("sent", 1)]


def test_backoff_doubles_from_one_minute_to_an_hour():
    assert [backoff(n).total_seconds() / 60 for n in range(1, 9)] == [1, 2, 4, 8, 16, 32, 60, 60]
    assert backoff(10_000) == timedelta(hours=1)


@pytest.mark.parametrize("exc, outcome", [
    (ConnectionRefusedError(111, "Connection refused"), CONNECTION),
    (TimeoutError("timed out"), CONNECTION),
    (ConnectionResetError(104, "reset"), CONNECTION),
    (smtplib.SMTPServerDisconnected("Connection unexpectedly closed"), CONNECTION),
    (smtplib.SMTPConnectError(554, b"no service"), CONNECTION),
    (smtplib.SMTPSenderRefused(421, b"closing", "a@b"), CONNECTION),
    (smtplib.SMTPDataError(450, b"mailbox busy"), TRANSIENT),
    (smtplib.SMTPDataError(451, b"local error"), TRANSIENT),
    (smtplib.SMTPDataError(452, b"no storage"), TRANSIENT),
    (smtplib.SMTPRecipientsRefused({"a@b": (450, b"busy"), "c@d": (550, b"unknown")}), TRANSIENT),
    (smtplib.SMTPRecipientsRefused({"a@b": (550, b"unknown"), "c@d": (553, b"bad")}), PERMANENT),
    (smtplib.SMTPDataError(554, b"rejected"), PERMANENT),
    (smtplib.SMTPSenderRefused(550, b"no relay", "a@b"), PERMANENT),
    (smtplib.SMTPAuthenticationError(535, b"bad credentials"), PERMANENT),
    (smtplib.SMTPAuthenticationError(454, b"try later"), TRANSIENT),
    (smtplib.SMTPNotSupportedError("SMTPUTF8 not supported"), TRANSIENT),
    (ValueError("bad header"), TRANSIENT),
])
def test_only_5xx_replies_are_permanent(exc, outcome):
    assert classify(exc) == outcome


def test_alarms_wait_out_a_server_that_is_down_without_trying_each_one(conn):
    from pipeline.alarms import send_alarms

    with conn.cursor() as cur:
        cur.executemany("INSERT INTO operator_alarms (subject, body) VALUES (%s, 'body')", [("one",), ("two",)])
    conn.commit()
    down = SmtpSettings(host="127.0.0.1", port=_free_port("127.0.0.1"), timeout=5)
    sent, problems = send_alarms(conn, down, ("ops@example.org",))
    assert sent == 0 and len(problems) == 1, problems  # the first refused connection stops the loop
    assert "Connection refused" in problems[0] and "_ConnectFailed" not in problems[0], problems
    with conn.cursor() as cur:
        cur.execute("SELECT status, attempts FROM operator_alarms ORDER BY id")
        assert cur.fetchall() == [("pending", 1), ("pending", 0)]
    conn.commit()
