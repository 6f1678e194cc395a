"""Alert emails: render a claim with its evidence, send through SMTP, drain the outbox.

Delivery survives outages. A drain opens one SMTP connection and sends every due alert over it;
each alert is committed as sent the moment the server accepts its DATA (whatever happens at QUIT).
A 5xx refusal of the message (or of the login) fails that alert: it stays `failed`, with the
server's reply in `last_error`, until an operator re-queues it (`python -m pipeline requeue-alerts`).
Everything else is transient and the alert stays `pending` however long it lasts: a 4xx reply
backs that alert off (1 min doubling to 1 h, `next_attempt_at`); a connection that cannot be opened
stops the drain without counting an attempt against any alert (the server is down, not the alert);
a connection lost while sending one alert counts against that alert (backoff: a message that
breaks the server cannot block the queue) and stops the drain. The Message-ID is the same on
every retry, so a receiver can drop the rare duplicate that SMTP cannot exclude.
"""

from __future__ import annotations

import email.policy
import functools
import html
import logging
import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

import yaml

from pipeline.config import SmtpSettings
from pipeline.store import outbox
from pipeline.store.db import Conn

log = logging.getLogger(__name__)


BACKOFF_FIRST = timedelta(minutes=1)  # after an alert's first transient failure; doubles with each one after
BACKOFF_CAP = timedelta(hours=1)

BREACH_LABELS = {
    "ceasefire_violation": "violation of the ceasefire",
    "attack": "attack said to breach the agreement",
    "delayed_or_unfulfilled_commitments": "failure or delay to fulfil commitments",
    "support_for_designated_groups": "support for designated groups",
    "obstruction_of_patrols": "obstruction of patrols",
    "failure_to_honor_deescalation": "failure to honour de-escalation",
    "other": "breach of commitments",
}
AGREEMENT_LABELS = {
    "astana": "Astana de-escalation arrangements",
    "sochi_2018": "Sochi memorandum (17 September 2018)",
    "moscow_2020": "Moscow additional protocol (5 March 2020)",
    "ne_syria_2019": "North-east Syria ceasefire (October 2019)",
    "jan_2020_truce": "Idlib truce (January 2020)",
}


@dataclass(frozen=True)
class AlertView:
    """Everything an alert email shows."""

    alert_id: int
    claim_id: int
    accuser: str
    accused: str
    agreement: str | None
    breach_type: str
    speaker: str | None
    evidence: str
    outlet: str
    title: str | None
    url: str
    published_at: str | None
    recipients: tuple[str, ...]


def message_id(alert_id: int, claim_id: int) -> str:
    """The alert's Message-ID: the same on every attempt, and what alerts.message_id stores."""
    return f"<alert-{alert_id}.claim-{claim_id}@ceasefire-monitor>"


WORDING_PATH = Path(__file__).resolve().parent.parent / "config" / "wording.yaml"


@functools.cache
def _wording() -> dict:
    return yaml.safe_load(WORDING_PATH.read_text(encoding="utf-8"))


def charge(accuser: str, accused: str, agreement: str | None, breach_type: str) -> str:
    """The claim in words: "Russia accuses Turkey of failing to fulfil its commitments under the Moscow additional protocol"."""
    wording = _wording()
    noun = wording["agreement_nouns"].get(agreement or "none") or agreement or wording["agreement_nouns"]["none"]
    phrase = wording["breach_phrases"].get(breach_type, wording["breach_phrases"]["other"]).format(agreement=noun)
    plural = accuser.split()[-1].lower() in set(wording["plural_heads"]) if accuser.strip() else False
    return f"{accuser} {'accuse' if plural else 'accuses'} {accused} of {phrase}"


def claim_url(console_url: str | None, claim_id: int) -> str | None:
    """The claim's page in the console, when the console's address is known."""
    return f"{console_url.rstrip('/')}/claims/{claim_id}" if console_url else None


def subject_line(alert: AlertView) -> str:
    """One line, under 200 characters: the charge, then when and where it was reported (so two alerts differ)."""
    when = (alert.published_at or "")[:10] or "undated"
    subject = f"[ceasefire monitor] {charge(alert.accuser, alert.accused, alert.agreement, alert.breach_type)} ({when}, {alert.outlet})"
    return " ".join(subject.split())[:200]


# Headers stay on one line (RFC 5322 allows 998 characters): folded subjects showed as a blank
# "Subject:" line followed by the text in some clients.
MAIL_POLICY = email.policy.SMTP.clone(max_line_length=998)


def new_message(subject: str, sender: str, recipients: Sequence[str], message_id: str) -> EmailMessage:
    """An empty email with the headers every monitor email has (alerts and operator alarms)."""
    message = EmailMessage(policy=MAIL_POLICY)
    message["Subject"] = subject
    message["From"] = sender
    message["To"] = ", ".join(recipients)
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = message_id
    return message


def render(alert: AlertView, sender: str, console_url: str | None = None) -> EmailMessage:
    """Build the email (plain text and HTML, article text escaped) for one alert."""
    agreement = AGREEMENT_LABELS.get(alert.agreement or "", alert.agreement or "no agreement named")
    breach = BREACH_LABELS.get(alert.breach_type, alert.breach_type)
    who = f"{alert.speaker} ({alert.accuser})" if alert.speaker and alert.speaker != alert.accuser else alert.accuser
    review = claim_url(console_url, alert.claim_id)
    headline = charge(alert.accuser, alert.accused, alert.agreement, alert.breach_type)
    # The HTML shows the article and the review as links below the table; the text lists them as fields.
    table = [
        ("Accuser", who),
        ("Accused", alert.accused),
        ("Agreement", agreement),
        ("Alleged breach", breach),
        ("Outlet", alert.outlet),
        ("Published", alert.published_at or "unknown"),
    ]
    fields = table + [("Article", alert.title or alert.url), ("Link", alert.url)] + ([("Review", review)] if review else [])
    note = "This records what was claimed, as reported; it is not a finding that a violation happened."
    text = "\n".join(
        [f"{headline} (claim #{alert.claim_id})", ""]
        + [f"{k}: {v}" for k, v in fields]
        + ["", "Evidence:", f"  {alert.evidence}", "", note, ""]
    )
    rows = "".join(f"<tr><th align='left'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in table)
    review_link = (f"<p><a href=\"{html.escape(review, quote=True)}\">Review this claim in the console</a></p>"
                   if review else "")
    body = (
        f"<html><body><h2>{html.escape(headline)}</h2>"
        f"<table>{rows}</table>"
        f"<p><a href=\"{html.escape(alert.url, quote=True)}\">{html.escape(alert.title or alert.url)}</a></p>"
        f"<blockquote>{html.escape(alert.evidence)}</blockquote>{review_link}"
        f"<p><small>{html.escape(note)} Claim #{alert.claim_id}.</small></p></body></html>"
    )
    # A stable Message-ID lets mail systems drop a duplicate if a send is retried after a crash.
    message = new_message(subject_line(alert), sender, alert.recipients, message_id(alert.alert_id, alert.claim_id))
    message.set_content(text)
    message.add_alternative(body, subtype="html")
    return message


# How a failed send ends for the alert that was being sent.
PERMANENT = "permanent"  # a 5xx refusal: the alert fails and waits for an operator
TRANSIENT = "transient"  # a 4xx reply (or any other error): the alert backs off and is retried
CONNECTION = "connection"  # the connection broke (timeout, reset, 421, disconnect): as transient, and the drain stops


def classify(exc: BaseException) -> str:
    """PERMANENT, TRANSIENT or CONNECTION for an error raised while sending one message."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):  # raised only when every recipient was refused
        codes = [code for code, _ in exc.recipients.values()]
        if 421 in codes:
            return CONNECTION
        return PERMANENT if codes and all(500 <= code < 600 for code in codes) else TRANSIENT
    if isinstance(exc, (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError)):
        return CONNECTION
    if isinstance(exc, smtplib.SMTPResponseException):  # sender refused, data refused, auth refused, ...
        if exc.smtp_code == 421:
            return CONNECTION  # "service not available, closing transmission channel"
        return PERMANENT if 500 <= exc.smtp_code < 600 else TRANSIENT
    if isinstance(exc, smtplib.SMTPException):  # no reply code (say an extension missing): not a refusal
        return TRANSIENT
    if isinstance(exc, OSError):  # refused, reset, timed out, TLS broken (checked last: SMTPException is an OSError)
        return CONNECTION
    return TRANSIENT


def describe(exc: BaseException) -> str:
    """One line for last_error and events: the server's reply code and text when there is one."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "recipients refused: " + "; ".join(f"{addr}: {_reply(code, text)}" for addr, (code, text) in exc.recipients.items())
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{type(exc).__name__}: {_reply(exc.smtp_code, exc.smtp_error)}"
    return f"{type(exc).__name__}: {exc}"


def _reply(code: int, text: bytes | str) -> str:
    text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {' '.join(text.split())}"


class _ConnectFailed(Exception):
    """The connection could not be opened (connect, greeting, EHLO, STARTTLS or login)."""

    def __init__(self, cause: BaseException):
        super().__init__(str(cause))
        self.cause = cause


class _Session:
    """One SMTP connection for a drain, opened on first use and reopened after an error."""

    def __init__(self, smtp: SmtpSettings, console_url: str | None = None):
        self.smtp = smtp
        self.console_url = console_url  # each email links its claim's page there
        self.client: smtplib.SMTP | None = None
        self.delivered = 0  # messages accepted over the current connection

    def _open(self) -> smtplib.SMTP:
        smtp = self.smtp
        context = ssl.create_default_context()
        client: smtplib.SMTP | None = None
        try:
            if smtp.use_ssl:
                client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout, context=context)
            else:
                client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
            if smtp.starttls:
                client.starttls(context=context)
            if smtp.user:
                client.login(smtp.user, smtp.password or "")
        except (smtplib.SMTPException, OSError) as exc:
            if client is not None:
                client.close()
            raise _ConnectFailed(exc) from exc
        return client

    def send(self, message: EmailMessage, recipients: Sequence[str]) -> dict:
        """Send one message; returns the recipients refused when others were accepted (smtplib's dict)."""
        if self.client is None:
            self.client = self._open()
            self.delivered = 0
        refused = self.client.send_message(message, to_addrs=list(recipients))
        self.delivered += 1
        return refused

    def drop(self) -> None:
        """Forget the connection after an error (its state is unknown); the next send opens a new one."""
        if self.client is not None:
            self.client.close()
            self.client = None

    def quit(self) -> None:
        """Say goodbye. Whatever the server answers (a 421, a dropped line), what it accepted stays accepted."""
        if self.client is None:
            return
        try:
            self.client.quit()
        except (smtplib.SMTPException, OSError) as exc:
            log.info("SMTP %s:%s at QUIT: %s (ignored: the messages were accepted)", self.smtp.host, self.smtp.port, exc)
        finally:
            self.drop()


@dataclass(frozen=True)
class Issue:
    """Something an operator should see (one row in events): a refused, deferred or partly delivered alert."""

    subject: str  # "alert 12", or "smtp host:port" when the server could not be reached
    kind: str  # smtp-refused (failed), smtp-deferred (backing off), smtp-connect (no connection), smtp-partial
    message: str


@dataclass
class DrainResult:
    """What one drain did."""

    sent: int = 0  # accepted by the server (status sent)
    failed: int = 0  # refused permanently (status failed)
    deferred: int = 0  # due, but still pending: a transient failure, or not tried because the server was down
    issues: list[Issue] = field(default_factory=list)


def backoff(attempts: int) -> timedelta:
    """Wait before the next try of an alert after its `attempts`-th failed attempt: 1 min, doubling, at most 1 h."""
    return min(BACKOFF_FIRST * 2 ** min(max(attempts - 1, 0), 20), BACKOFF_CAP)


def _mark(conn: Conn, alert: AlertView, now: datetime | None, status: str, error: str | None,
          retry_in: timedelta | None = None) -> None:
    """Record one attempt's outcome and commit it at once."""
    outbox.mark_alert(conn, alert.alert_id, message_id(alert.alert_id, alert.claim_id), now, status, error, retry_in)


def drain_outbox(conn: Conn, smtp: SmtpSettings | None, limit: int = 200, now: datetime | None = None,
                 console_url: str | None = None) -> DrainResult:
    """Send the due pending alerts over one SMTP connection (see the module docstring for what each failure does).

    `now` stands in for the database clock (tests use it to step through backoffs).
    """
    result = DrainResult()
    if smtp is None:
        return result
    due = outbox.due_alerts(conn, limit, now)
    session = _Session(smtp, console_url)
    try:
        for index, alert_id in enumerate(due):
            row = outbox.lock_alert(conn, alert_id, now)  # held until its outcome is committed
            if row is None:  # sent, requeued or taken by a concurrent drain meanwhile
                conn.commit()
                continue
            alert = AlertView(*row[:-2], recipients=tuple(row[-2]))  # type: ignore[misc]  # the row ends recipients, attempts
            if _deliver(conn, session, alert, row[-1], now, result):
                result.deferred += len(due) - index - 1  # left untouched: no attempt counted against them
                break
    finally:
        conn.rollback()  # an alert locked when an unexpected error struck stays as it was
        session.quit()
    return result


def _deliver(conn: Conn, session: _Session, alert: AlertView, attempts: int, now: datetime | None,
             result: DrainResult) -> bool:
    """Try one locked alert and record the outcome; True when the drain should stop (the server is down)."""
    subject = f"alert {alert.alert_id}"
    for retry in (False, True):
        reused = session.client is not None and session.delivered > 0
        try:
            refused = session.send(render(alert, session.smtp.sender, session.console_url), alert.recipients)
        except _ConnectFailed as failure:
            exc = failure.cause
            if isinstance(exc, smtplib.SMTPAuthenticationError) and classify(exc) == PERMANENT:
                _mark(conn, alert, now, "failed", describe(exc))
                result.failed += 1
                result.issues.append(Issue(subject, "smtp-refused", f"login refused: {describe(exc)}"))
                return True  # every other alert would be refused the same way: they wait for the next drain
            conn.rollback()  # the server is down, not this alert's fault: nothing counted
            result.deferred += 1
            where = f"smtp {session.smtp.host}:{session.smtp.port}"
            result.issues.append(Issue(where, "smtp-connect", f"{describe(exc)}; due alerts left pending"))
            return True
        except (smtplib.SMTPException, OSError, ValueError, UnicodeError) as exc:
            session.drop()
            outcome = classify(exc)
            if outcome == CONNECTION and reused and not retry:
                continue  # the server closed a connection it had used (idle or per-connection limit): once more on a new one
            if outcome == PERMANENT:
                _mark(conn, alert, now, "failed", describe(exc))
                result.failed += 1
                result.issues.append(Issue(subject, "smtp-refused", describe(exc)))
                return False
            wait = backoff(attempts + 1)
            _mark(conn, alert, now, "pending", describe(exc), retry_in=wait)
            result.deferred += 1
            result.issues.append(Issue(subject, "smtp-deferred", f"{describe(exc)}; next try in {wait}"))
            return outcome == CONNECTION
        # Accepted: committed before anything else can go wrong (QUIT, the next alert).
        partial = "; ".join(f"{addr}: {_reply(code, text)}" for addr, (code, text) in refused.items())
        _mark(conn, alert, now, "sent", f"accepted, but refused for {partial}" if partial else None)
        result.sent += 1
        if partial:
            result.issues.append(Issue(subject, "smtp-partial", f"sent; refused for {partial}"))
        return False
    raise AssertionError("unreachable")
