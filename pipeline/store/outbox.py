"""The outbox: alert rows (one per new claim) and operator alarm rows, leased one by one, marked sent or failed.

`now` stands in for the database clock in the alert queries (tests use it to step through backoffs).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

import psycopg2.extensions

from pipeline.store.db import Conn

_CLOCK = "COALESCE(%(now)s::timestamptz, now())"


def queue_alert(cur: psycopg2.extensions.cursor, claim_id: int, accusation_id: int, recipients: Sequence[str]) -> None:
    """The new claim's one alert, in the caller's transaction (without recipients it is kept, never sent)."""
    cur.execute(
        """INSERT INTO alerts (claim_id, accusation_id, recipients, status) VALUES (%s, %s, %s, %s)
           ON CONFLICT (claim_id) DO NOTHING""",
        (claim_id, accusation_id, list(recipients), "pending" if recipients else "no_recipients"),
    )


def due_alerts(conn: Conn, limit: int, now: datetime | None) -> list[int]:
    """Ids of the pending alerts whose next attempt is due, the longest waiting first."""
    with conn.cursor() as cur:
        cur.execute(
            f"""SELECT id FROM alerts WHERE status = 'pending' AND next_attempt_at <= {_CLOCK}
                ORDER BY next_attempt_at, id LIMIT %(limit)s""",
            {"now": now, "limit": limit},
        )
        ids = [row[0] for row in cur.fetchall()]
    conn.commit()
    return ids


def lock_alert(conn: Conn, alert_id: int, now: datetime | None) -> tuple | None:
    """Lock a still-due alert until the next commit (a concurrent drain skips it) and read what its email shows.

    The row: alert id, claim id, accuser, accused (their names when known), agreement, breach type,
    speaker, evidence, outlet, title, url, publication time, recipients, attempts; None when the
    alert was sent, re-queued or taken meanwhile.
    """
    with conn.cursor() as cur:
        cur.execute(
            f"""SELECT al.id, c.id, COALESCE(ra.name, c.accuser), COALESCE(rd.name, c.accused), c.agreement, c.breach_type,
                      a.speaker, COALESCE(a.evidence, ''), ar.outlet, ar.title, ar.url,
                      to_char(ar.published_at, 'YYYY-MM-DD HH24:MI "UTC"'), al.recipients, al.attempts
               FROM alerts al
               JOIN claims c ON c.id = al.claim_id
               JOIN articles ar ON ar.id = c.first_article_id
               LEFT JOIN accusations a ON a.id = al.accusation_id
               LEFT JOIN actors ra ON ra.id = c.accuser
               LEFT JOIN actors rd ON rd.id = c.accused
               WHERE al.id = %(id)s AND al.status = 'pending' AND al.next_attempt_at <= {_CLOCK}
               FOR UPDATE OF al SKIP LOCKED""",
            {"id": alert_id, "now": now},
        )
        return cur.fetchone()


def mark_alert(conn: Conn, alert_id: int, message_id: str, now: datetime | None, status: str, error: str | None,
               retry_in: timedelta | None = None) -> None:
    """Record one attempt's outcome (sent, failed, or pending again after `retry_in`) and commit it at once."""
    with conn.cursor() as cur:
        cur.execute(
            f"""UPDATE alerts SET attempts = attempts + 1, status = %(status)s, last_error = %(error)s,
                  message_id = %(message_id)s, last_attempt_at = {_CLOCK},
                  sent_at = CASE WHEN %(status)s = 'sent' THEN {_CLOCK} ELSE sent_at END,
                  next_attempt_at = CASE WHEN %(retry_in)s::interval IS NULL THEN next_attempt_at
                                         ELSE {_CLOCK} + %(retry_in)s::interval END
                WHERE id = %(id)s""",
            {"status": status, "error": error[:2000] if error else None, "now": now, "retry_in": retry_in,
             "message_id": message_id, "id": alert_id},
        )
    conn.commit()


def queued_alerts(conn: Conn) -> int:
    """How many alerts are pending."""
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM alerts WHERE status = 'pending'")
        queued = cur.fetchone()[0]
    conn.commit()
    return queued


def requeue_alerts(conn: Conn, ids: Sequence[int] | None = None) -> list[int]:
    """Put alerts back in the queue, due now: every failed alert, or the given ids (failed or pending).

    Sent alerts are never re-queued (that would email them again). Attempts start again from 0,
    and so does the backoff. Returns the ids re-queued.
    """
    with conn.cursor() as cur:
        if ids is None:
            cur.execute("""UPDATE alerts SET status = 'pending', next_attempt_at = now(), attempts = 0
                           WHERE status = 'failed' RETURNING id""")
        else:
            cur.execute("""UPDATE alerts SET status = 'pending', next_attempt_at = now(), attempts = 0
                           WHERE id = ANY(%s) AND status IN ('failed', 'pending') RETURNING id""", (list(ids),))
        requeued = sorted(row[0] for row in cur.fetchall())
    conn.commit()
    return requeued


def queue_feed_alarm(conn: Conn, failures: int, compose: Callable[[list[tuple]], tuple[str, str]]) -> int:
    """Mark the feeds that have just reached `failures` failed polls in a row as alarmed and queue one alarm for them.

    `compose` turns the feeds (name, url, outlet, failures, enabled, disabled reason, last error;
    sorted) into the alarm's subject and body. One transaction; returns how many feeds.
    """
    with conn.cursor() as cur:
        cur.execute(
            """UPDATE feeds SET alarmed_at = now()
               WHERE consecutive_failures >= %s
                 AND (alarmed_at IS NULL OR alarmed_at < COALESCE(last_success_at, '-infinity'::timestamptz))
               RETURNING name, url, outlet, consecutive_failures, enabled, disabled_reason, last_error""",
            (failures,),
        )
        feeds = sorted(cur.fetchall())
        if feeds:
            subject, body = compose(feeds)
            cur.execute("INSERT INTO operator_alarms (subject, body) VALUES (%s, %s)", (subject[:200], body))
    conn.commit()
    return len(feeds)


def lock_pending_alarms(conn: Conn) -> list[tuple[int, str, str]]:
    """The queued alarms (id, subject, body), locked until the caller commits (a concurrent sender skips them)."""
    with conn.cursor() as cur:
        cur.execute("SELECT id, subject, body FROM operator_alarms WHERE status = 'pending' ORDER BY id FOR UPDATE SKIP LOCKED")
        return cur.fetchall()


def mark_alarm(conn: Conn, alarm_id: int, error: str | None, failed: bool = False) -> None:
    """Record an alarm's attempt in the caller's transaction: sent (no error), or failed or still pending with the error."""
    with conn.cursor() as cur:
        if error is None:
            cur.execute("""UPDATE operator_alarms SET attempts = attempts + 1, status = 'sent', sent_at = now(),
                             last_error = NULL WHERE id = %s""", (alarm_id,))
        else:
            cur.execute("""UPDATE operator_alarms SET attempts = attempts + 1, last_error = %s,
                             status = CASE WHEN %s THEN 'failed' ELSE 'pending' END WHERE id = %s""",
                        (error[:2000], failed, alarm_id))
