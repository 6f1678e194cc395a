"""The operator's view of the monitor: feed health, recent failures, runs, outbox and latest claims (read by the console)."""

from __future__ import annotations

from typing import Any

import psycopg2.extensions
import psycopg2.extras

QUERIES = {
    "feeds": """SELECT name, outlet, health, last_success_at, consecutive_failures, last_error, items_seen
                FROM feed_health ORDER BY (health = 'ok'), consecutive_failures DESC, name""",
    "events": "SELECT at, stage, subject, kind, message FROM events ORDER BY at DESC, id DESC LIMIT 50",
    "runs": "SELECT id, source, status, started_at, finished_at, error, counts FROM runs ORDER BY id DESC LIMIT 20",
    "outbox": "SELECT status, count(*) AS alerts FROM alerts GROUP BY status ORDER BY status",
    "failed_alerts": """SELECT id AS alert, claim_id AS claim, attempts, last_attempt_at, last_error, message_id
                        FROM alerts WHERE status = 'failed' ORDER BY id DESC LIMIT 20""",
    "claims": """SELECT claim_id, first_seen, accuser, accused, agreement, breach_type, reports, outlets, first_outlet, evidence
                 FROM claim_reports ORDER BY first_seen DESC LIMIT 20""",
}


def operator_report(conn: psycopg2.extensions.connection) -> dict[str, list[dict[str, Any]]]:
    """Every section of the report as a list of rows (read-only, with a short statement timeout)."""
    report = {}
    with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute("SET LOCAL statement_timeout = '5s'")
        for name, sql in QUERIES.items():
            cur.execute(sql)
            report[name] = [dict(row) for row in cur.fetchall()]
    conn.rollback()
    return report

