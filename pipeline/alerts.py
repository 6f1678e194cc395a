"""Alert emails: render a claim with its evidence, send through SMTP, drain the outbox."""

from __future__ import annotations

import html
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate

import psycopg2.extensions

from pipeline.config import SmtpSettings

Conn = psycopg2.extensions.connection

BREACH_LABELS = {
    "ceasefire_violation": "violation of the ceasefire",
    "attack": "attack in breach of the truce",
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


def render(alert: AlertView, sender: str) -> EmailMessage:
    """Build the email (plain text and HTML, article text escaped) for one alert."""
    agreement = AGREEMENT_LABELS.get(alert.agreement or "", alert.agreement or "no agreement named")
    breach = BREACH_LABELS.get(alert.breach_type, alert.breach_type)
    who = f"{alert.speaker} ({alert.accuser})" if alert.speaker and alert.speaker != alert.accuser else alert.accuser
    subject = f"[ceasefire monitor] {alert.accuser} accuses {alert.accused}: {breach}"
    fields = [
        ("Accuser", who),
        ("Accused", alert.accused),
        ("Agreement", agreement),
        ("Alleged breach", breach),
        ("Outlet", alert.outlet),
        ("Published", alert.published_at or "unknown"),
        ("Article", alert.title or alert.url),
        ("Link", alert.url),
    ]
    note = "This records what was claimed, as reported; it is not a finding that a violation happened."
    text = "\n".join(
        [f"New ceasefire-compliance accusation (claim #{alert.claim_id})", ""]
        + [f"{k}: {v}" for k, v in fields]
        + ["", "Evidence:", f"  {alert.evidence}", "", note, ""]
    )
    rows = "".join(f"<tr><th align='left'>{html.escape(k)}</th><td>{html.escape(v)}</td></tr>" for k, v in fields[:-2])
    body = (
        f"<html><body><h2>New ceasefire-compliance accusation</h2><table>{rows}</table>"
        f"<p><a href=\"{html.escape(alert.url, quote=True)}\">{html.escape(alert.title or alert.url)}</a></p>"
        f"<blockquote>{html.escape(alert.evidence)}</blockquote>"
        f"<p><small>{html.escape(note)} Claim #{alert.claim_id}.</small></p></body></html>"
    )
    message = EmailMessage()
    message["Subject"] = subject.replace("\n", " ")[:200]
    message["From"] = sender
    message["To"] = ", ".join(alert.recipients)
    message["Date"] = formatdate(localtime=False)
    # A stable Message-ID lets mail systems drop a duplicate if a send is retried after a crash.
    message["Message-ID"] = f"<alert-{alert.alert_id}.claim-{alert.claim_id}@ceasefire-monitor>"
    message.set_content(text)
    message.add_alternative(body, subtype="html")
    return message


def send(message: EmailMessage, smtp: SmtpSettings) -> None:
    """Send one message; raises smtplib.SMTPException or OSError on failure."""
    context = ssl.create_default_context()
    if smtp.use_ssl:
        client: smtplib.SMTP = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout, context=context)
    else:
        client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
    with client:
        if smtp.starttls:
            client.starttls(context=context)
        if smtp.user:
            client.login(smtp.user, smtp.password or "")
        client.send_message(message)


def _pending_ids(conn: Conn, limit: int) -> list[int]:
    with conn.cursor() as cur:
        cur.execute("SELECT id FROM alerts WHERE status = 'pending' ORDER BY id LIMIT %s", (limit,))
        ids = [row[0] for row in cur.fetchall()]
    conn.commit()
    return ids


def _lock(conn: Conn, alert_id: int) -> AlertView | None:
    # Held until commit, so two concurrent senders never send the same alert.
    with conn.cursor() as cur:
        cur.execute(
            """SELECT al.id, c.id, COALESCE(ra.name, c.accuser), COALESCE(rd.name, c.accused), c.agreement, c.breach_type,
                      a.speaker, COALESCE(a.evidence, ''), ar.outlet, ar.title, ar.url,
                      to_char(ar.published_at, 'YYYY-MM-DD HH24:MI "UTC"'), al.recipients
               FROM alerts al
               JOIN claims c ON c.id = al.claim_id
               JOIN articles ar ON ar.id = c.first_article_id
               LEFT JOIN accusations a ON a.id = al.accusation_id
               LEFT JOIN actors ra ON ra.id = c.accuser
               LEFT JOIN actors rd ON rd.id = c.accused
               WHERE al.id = %s AND al.status = 'pending'
               FOR UPDATE OF al SKIP LOCKED""",
            (alert_id,),
        )
        row = cur.fetchone()
    return AlertView(*row[:-1], recipients=tuple(row[-1])) if row else None


def drain_outbox(conn: Conn, smtp: SmtpSettings | None, max_attempts: int, limit: int = 200) -> tuple[int, int, list[str]]:
    """Send pending alerts; return (sent, failed, errors). Failures stay pending until max_attempts."""
    if smtp is None:
        return 0, 0, []
    sent = failed = 0
    errors: list[str] = []
    for alert_id in _pending_ids(conn, limit):
        alert = _lock(conn, alert_id)
        if alert is None:
            conn.commit()
            continue
        try:
            send(render(alert, smtp.sender), smtp)
        except (smtplib.SMTPException, OSError, ValueError) as exc:
            failed += 1
            errors.append(f"alert {alert.alert_id}: {exc}")
            with conn.cursor() as cur:
                cur.execute(
                    """UPDATE alerts SET attempts = attempts + 1, last_error = %s,
                         status = CASE WHEN attempts + 1 >= %s THEN 'failed' ELSE 'pending' END WHERE id = %s""",
                    (str(exc)[:2000], max_attempts, alert.alert_id),
                )
        else:
            sent += 1
            with conn.cursor() as cur:
                cur.execute(
                    """UPDATE alerts SET attempts = attempts + 1, status = 'sent', sent_at = now(), last_error = NULL,
                         message_id = %s WHERE id = %s""",
                    (f"alert-{alert.alert_id}", alert.alert_id),
                )
        conn.commit()  # per alert: a sent email is recorded before the next one is tried
    return sent, failed, errors
