"""The operator's view of the monitor: feed health, recent failures, runs, outbox and latest claims."""

from __future__ import annotations

import html
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


def render_html(report: dict[str, list[dict[str, Any]]]) -> str:
    """The report as one HTML page; every value is escaped."""
    titles = {"feeds": "Feed health", "events": "Recent failures", "runs": "Runs", "outbox": "Alert outbox",
              "failed_alerts": "Failed alerts (refused by the mail server; re-queue: python -m pipeline requeue-alerts --all-failed)",
              "claims": "Latest claims (what was said, not established facts)"}
    sections = []
    for name, rows in report.items():
        if rows:
            head = "".join(f"<th>{html.escape(str(k))}</th>" for k in rows[0])
            body = "".join("<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row.values())
                           + "</tr>" for row in rows)
            table = f"<table><tr>{head}</tr>{body}</table>"
        else:
            table = "<p>Nothing yet.</p>"
        sections.append(f"<h2>{html.escape(titles[name])}</h2>{table}")
    style = "body{font-family:sans-serif;margin:1em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px;vertical-align:top}"
    return f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Ceasefire monitor</title><style>{style}</style></head><body><h1>Ceasefire monitor</h1>{''.join(sections)}</body></html>"
