"""The read-only queries of the console, the exports and the operator report, each parameterised.

Claims, trends and statements under one set of filters (console.Filters), shared by the console
pages, the JSON/CSV exports on the page and `python -m pipeline export`.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any, Mapping

import psycopg2.extras

from pipeline.store.db import Conn

if TYPE_CHECKING:
    from pipeline.console import Filters

PAGE_SIZE = 25
EXPORT_LIMIT = 100_000


def claim_conditions(filters: Filters) -> tuple[str, dict[str, Any]]:
    """The filters as a SQL condition over `claims c`, and its parameters."""
    conditions, args = ["true"], {}
    for name in ("accuser", "accused", "breach_type"):
        if getattr(filters, name):
            conditions.append(f"c.{name} = %({name})s")
            args[name] = getattr(filters, name)
    if filters.agreement == "none":
        conditions.append("c.agreement IS NULL")
    elif filters.agreement:
        conditions.append("c.agreement = %(agreement)s")
        args["agreement"] = filters.agreement
    if filters.mode:
        conditions.append("EXISTS (SELECT 1 FROM accusations a WHERE a.claim_id = c.id AND a.mode = %(mode)s)")
        args["mode"] = filters.mode
    if filters.outlet:
        conditions.append("""EXISTS (SELECT 1 FROM accusations a JOIN articles ar ON ar.id = a.article_id
                                     WHERE a.claim_id = c.id AND ar.outlet = %(outlet)s)""")
        args["outlet"] = filters.outlet
    if filters.since:
        conditions.append("c.first_seen >= %(since)s")
        args["since"] = filters.since
    if filters.until:
        conditions.append("c.first_seen < %(until)s")
        args["until"] = filters.until + timedelta(days=1)
    if filters.q:
        conditions.append("""EXISTS (SELECT 1 FROM accusations a WHERE a.claim_id = c.id
                                     AND (a.evidence ILIKE %(q)s OR a.speaker ILIKE %(q)s))""")
        args["q"] = "%" + _like_escape(filters.q) + "%"
    if not filters.include_wrong:
        conditions.append("NOT EXISTS (SELECT 1 FROM claim_verdicts v WHERE v.claim_id = c.id AND v.wrong)")
    return " AND ".join(conditions), args


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _rows(conn: Conn, sql: str, args: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute("SET LOCAL statement_timeout = '10s'")
        cur.execute(sql, args or {})
        rows = [dict(row) for row in cur.fetchall()]
    conn.rollback()  # read-only
    return rows


_CLAIM_COLUMNS = """c.id AS claim, c.first_seen, c.accuser, COALESCE(ra.name, c.accuser) AS accuser_name,
       c.accused, COALESCE(rd.name, c.accused) AS accused_name, c.agreement, c.breach_type, c.first_outlet,
       (SELECT count(DISTINCT a.article_id) FROM accusations a WHERE a.claim_id = c.id) AS reports,
       (SELECT count(DISTINCT ar.outlet) FROM accusations a JOIN articles ar ON ar.id = a.article_id
        WHERE a.claim_id = c.id) AS outlets,
       ev.speaker, ev.evidence, fa.url AS first_url, v.verdict"""
_CLAIM_FROM = """FROM claims c
LEFT JOIN actors ra ON ra.id = c.accuser
LEFT JOIN actors rd ON rd.id = c.accused
LEFT JOIN articles fa ON fa.id = c.first_article_id
LEFT JOIN claim_verdicts v ON v.claim_id = c.id
LEFT JOIN LATERAL (SELECT a.speaker, a.evidence FROM accusations a WHERE a.claim_id = c.id
                   ORDER BY a.confidence DESC, a.id LIMIT 1) ev ON true"""


def claims(conn: Conn, filters: Filters, page: int = 1, page_size: int = PAGE_SIZE) -> tuple[list[dict[str, Any]], int]:
    """One page of the claims matching the filters, newest first, and how many match in all."""
    where, args = claim_conditions(filters)
    total = _rows(conn, f"SELECT count(*) AS n FROM claims c WHERE {where}", args)[0]["n"]
    args = {**args, "limit": page_size, "offset": max(0, page - 1) * page_size}
    rows = _rows(conn, f"SELECT {_CLAIM_COLUMNS} {_CLAIM_FROM} WHERE {where} "
                       "ORDER BY c.first_seen DESC, c.id DESC LIMIT %(limit)s OFFSET %(offset)s", args)
    return rows, total


def all_claims(conn: Conn, filters: Filters) -> list[dict[str, Any]]:
    """Every claim matching the filters (for exports), newest first."""
    return claims(conn, filters, 1, EXPORT_LIMIT)[0]


def export_rows(conn: Conn, what: str, filters: Filters, speaker: str | None = None, q: str | None = None
                ) -> list[dict[str, Any]]:
    """Every row of an export ("claims", "trends" or "statements") under the filters, for the page and the CLI."""
    if what == "claims":
        return all_claims(conn, filters)
    if what == "trends":
        return trends(conn, filters)
    return statements(conn, speaker, q, 1, EXPORT_LIMIT)[0]


def trends(conn: Conn, filters: Filters) -> list[dict[str, Any]]:
    """Claims per week and accuser -> accused under the filters, with the reports and outlets behind them."""
    where, args = claim_conditions(filters)
    return _rows(conn, f"""
        SELECT date_trunc('week', c.first_seen)::date AS week, c.accuser, c.accused,
               count(DISTINCT c.id) AS claims, count(DISTINCT a.article_id) AS reports,
               count(DISTINCT ar.outlet) AS outlets
        FROM claims c JOIN accusations a ON a.claim_id = c.id JOIN articles ar ON ar.id = a.article_id
        WHERE {where} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""", args)


def statements(conn: Conn, speaker: str | None = None, q: str | None = None, page: int = 1,
               page_size: int = PAGE_SIZE) -> tuple[list[dict[str, Any]], int]:
    """Who said what: statements whose speaker (and quote) match, newest article first, and the total."""
    conditions, args = ["true"], {}
    if speaker:
        conditions.append("s.speaker ILIKE %(speaker)s")
        args["speaker"] = "%" + _like_escape(speaker.strip()[:200]) + "%"
    if q:
        conditions.append("s.quote ILIKE %(q)s")
        args["q"] = "%" + _like_escape(q.strip()[:200]) + "%"
    where = " AND ".join(conditions)
    total = _rows(conn, f"SELECT count(*) AS n FROM statements s WHERE {where}", args)[0]["n"]
    rows = _rows(conn, f"""
        SELECT s.id AS statement, COALESCE(ar.published_at, ar.fetched_at) AS published, ar.outlet, s.speaker,
               COALESCE(act.name, s.speaker_actor) AS speaker_for, s.kind, s.cue, s.quote, ar.title, ar.url
        FROM statements s JOIN articles ar ON ar.id = s.article_id LEFT JOIN actors act ON act.id = s.speaker_actor
        WHERE {where} ORDER BY COALESCE(ar.published_at, ar.fetched_at) DESC, s.id
        LIMIT %(limit)s OFFSET %(offset)s""", {**args, "limit": page_size, "offset": max(0, page - 1) * page_size})
    return rows, total


def claim_detail(conn: Conn, claim_id: int) -> dict[str, Any] | None:
    """A claim with every report of it (evidence in its paragraph, article link) and its reviews."""
    found = _rows(conn, f"SELECT {_CLAIM_COLUMNS} {_CLAIM_FROM} WHERE c.id = %(id)s", {"id": claim_id})
    if not found:
        return None
    claim = found[0]
    reports = _rows(conn, """
        SELECT a.id AS accusation, a.mode, a.speaker, a.evidence, a.char_start, a.char_end, a.confidence,
               ar.id AS article, ar.title, ar.url, ar.outlet, COALESCE(ar.published_at, ar.fetched_at) AS published,
               ar.body_text
        FROM accusations a JOIN articles ar ON ar.id = a.article_id
        WHERE a.claim_id = %(id)s ORDER BY COALESCE(ar.published_at, ar.fetched_at), a.id""", {"id": claim_id})
    for report in reports:
        report["paragraph"] = paragraph_around(report.pop("body_text") or "", report["char_start"], report["char_end"])
    claim["report_rows"] = reports  # beside claim["reports"], their count
    claim["reviews"] = _rows(conn, """SELECT verdict, note, reviewer, reviewed_at FROM reviews WHERE claim_id = %(id)s
                                      ORDER BY reviewed_at DESC, id DESC""", {"id": claim_id})
    return claim


def paragraph_around(body: str, start: int, end: int) -> tuple[str, str, str]:
    """The paragraph holding body[start:end], as (before, the evidence, after)."""
    start, end = max(0, min(start, len(body))), max(0, min(end, len(body)))
    left = body.rfind("\n\n", 0, start)
    right = body.find("\n\n", end)
    left = 0 if left < 0 else left + 2
    right = len(body) if right < 0 else right
    return body[left:start], body[start:end], body[end:right]


def facet_values(conn: Conn) -> dict[str, list]:
    """The values the claims hold for each filter: actors (id, name), agreements, breach types and outlets."""
    actors = _rows(conn, """SELECT DISTINCT x.id, COALESCE(act.name, x.id) AS name
                            FROM (SELECT accuser AS id FROM claims UNION SELECT accused FROM claims) x
                            LEFT JOIN actors act ON act.id = x.id ORDER BY 2""")
    return {
        "actors": [(r["id"], r["name"]) for r in actors],
        "agreements": [r["agreement"] for r in _rows(conn, "SELECT DISTINCT agreement FROM claims WHERE agreement IS NOT NULL ORDER BY 1")],
        "breach_types": [r["breach_type"] for r in _rows(conn, "SELECT DISTINCT breach_type FROM claims ORDER BY 1")],
        "outlets": [r["outlet"] for r in _rows(conn, """SELECT DISTINCT ar.outlet FROM accusations a
                                                        JOIN articles ar ON ar.id = a.article_id ORDER BY 1""")],
    }


OPERATOR_QUERIES = {
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


def operator_report(conn: Conn) -> dict[str, list[dict[str, Any]]]:
    """Every section of the report as a list of rows (read-only, with a short statement timeout)."""
    report = {}
    with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute("SET LOCAL statement_timeout = '5s'")
        for name, sql in OPERATOR_QUERIES.items():
            cur.execute(sql)
            report[name] = [dict(row) for row in cur.fetchall()]
    conn.rollback()
    return report

