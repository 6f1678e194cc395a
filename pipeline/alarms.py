"""Operator alarms: feeds that keep failing are emailed to the operators, once per failing streak.

The poll stage queues an alarm (one email listing every feed that crossed the threshold in that
poll); the alert stage sends queued alarms over the alert mail server, with the same rules as
alerts: a 5xx refusal fails the alarm, anything else leaves it queued for the next run.
"""

from __future__ import annotations

import logging
from email.utils import make_msgid

from pipeline.alerts import CONNECTION, PERMANENT, _ConnectFailed, _Session, classify, describe, new_message
from pipeline.config import SmtpSettings
from pipeline.store import outbox
from pipeline.store.db import Conn

log = logging.getLogger(__name__)

ALARM_AFTER_FAILURES = 3  # consecutive failed polls (about 45 minutes with backoff) before operators are told


def queue_feed_alarms(conn: Conn) -> int:
    """Queue one alarm for the feeds that have just reached ALARM_AFTER_FAILURES (or been disabled); return how many feeds."""
    return outbox.queue_feed_alarm(conn, ALARM_AFTER_FAILURES, _alarm_text)


def _alarm_text(feeds: list[tuple]) -> tuple[str, str]:
    """The subject and body of the alarm for these feeds (name, url, outlet, failures, enabled, reason, last error)."""
    lines = [f"{len(feeds)} feed(s) failed {ALARM_AFTER_FAILURES} or more polls in a row:", ""]
    for name, url, outlet, failures, enabled, reason, error in feeds:
        state = "still polled, with backoff" if enabled else f"disabled ({reason})"
        lines += [f"- {name} ({outlet}): {failures} failures in a row, {state}", f"  {url}",
                  f"  last error: {error or 'unknown'}", ""]
    lines += ["Feed health: the console's Operations page, or SELECT * FROM feed_health WHERE health <> 'ok';",
              "A feed is re-enabled by changing its URL in the feeds file.",
              "You get this once per failing streak of each feed."]
    subject = (f"[ceasefire monitor] feed failing: {feeds[0][0]}" if len(feeds) == 1
               else f"[ceasefire monitor] {len(feeds)} feeds failing: {', '.join(f[0] for f in feeds[:3])}"
               + (" ..." if len(feeds) > 3 else ""))
    return subject, "\n".join(lines)


def send_alarms(conn: Conn, smtp: SmtpSettings | None, recipients: tuple[str, ...]) -> tuple[int, list[str]]:
    """Send the queued alarms; returns (sent, one line per problem). Without SMTP or recipients they wait."""
    if smtp is None or not recipients:
        return 0, []
    queued = outbox.lock_pending_alarms(conn)  # locked until the commit at the end
    sent, problems = 0, []
    session = _Session(smtp)
    try:
        for alarm_id, subject, body in queued:
            message = new_message(subject, smtp.sender, recipients, make_msgid(f"alarm-{alarm_id}", "ceasefire-monitor"))
            message.set_content(body)
            try:
                session.send(message, recipients)
            except Exception as exc:  # noqa: BLE001 - classified below; an alarm never stops the stage
                # A connection that could not be opened (or a refused login) is classified by its cause,
                # and stops the loop: every other alarm would meet the same server.
                cause = exc.cause if isinstance(exc, _ConnectFailed) else exc
                kind, error = classify(cause), describe(cause)
                session.drop()
                problems.append(f"alarm {alarm_id}: {error}")
                outbox.mark_alarm(conn, alarm_id, error, failed=kind == PERMANENT)
                if kind == CONNECTION or cause is not exc:
                    break
                continue
            sent += 1
            outbox.mark_alarm(conn, alarm_id, None)
    finally:
        conn.commit()
        session.quit()
    return sent, problems
