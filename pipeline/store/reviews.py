"""Analysts' reviews of claims: recorded one by one, read back with the claims and reports they judge."""

from __future__ import annotations

from typing import Any

import psycopg2.extras

from pipeline.store.db import Conn


def insert_review(conn: Conn, claim_id: int, verdict: str, note: str, reviewer: str) -> int | None:
    """Store a review of a claim and return its id; None (nothing stored) when there is no such claim."""
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM claims WHERE id = %s", (claim_id,))
        if cur.fetchone() is None:
            return None
        cur.execute("""INSERT INTO reviews (claim_id, verdict, note, reviewer) VALUES (%s, %s, %s, %s)
                       RETURNING id""", (claim_id, verdict, note, reviewer))
        review_id = cur.fetchone()[0]
    conn.commit()
    return review_id


def reviewed_reports(conn: Conn) -> list[dict[str, Any]]:
    """Every report of a reviewed claim with the claim's verdict: article, url, title, outlet, day, accuser,
    accused, agreement, verdict, note, reviewer, evidence; by article, then claim."""
    with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute("""
            SELECT ar.id AS article, ar.url, ar.title, ar.outlet, COALESCE(ar.published_at, ar.fetched_at)::date AS day,
                   c.accuser, c.accused, c.agreement, v.verdict, v.note, v.reviewer, a.evidence
            FROM claim_verdicts v JOIN claims c ON c.id = v.claim_id
            JOIN accusations a ON a.claim_id = c.id JOIN articles ar ON ar.id = a.article_id
            ORDER BY ar.id, c.id""")
        rows = cur.fetchall()
    conn.rollback()
    return rows
