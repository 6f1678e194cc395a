"""Analyst review of claims: record a verdict, and give the reviews back as labels the analyzer can learn from."""

from __future__ import annotations

from typing import Any

from pipeline.console import VERDICTS
from pipeline.store import reviews
from pipeline.store.db import Conn

WRONG_FIELD = {"wrong_accuser": "accuser", "wrong_accused": "accused", "wrong_agreement": "agreement"}


class ReviewError(ValueError):
    """A review that cannot be recorded: unknown claim or verdict, or no reviewer."""


def record_review(conn: Conn, claim_id: int, verdict: str, note: str, reviewer: str) -> int:
    """Store a review (the latest one is the claim's verdict); returns its id."""
    if verdict not in VERDICTS:
        raise ReviewError(f"verdict must be one of {', '.join(VERDICTS)}, got {verdict!r}")
    if not (reviewer or "").strip():
        raise ReviewError("a review needs the reviewer's name")
    review_id = reviews.insert_review(conn, claim_id, verdict, (note or "").strip()[:2000], reviewer.strip()[:200])
    if review_id is None:
        raise ReviewError(f"no claim {claim_id}")
    return review_id


def reviews_as_labels(conn: Conn) -> list[dict[str, Any]]:
    """The reviewed claims as labels in shared/eval/FORMAT.md's shape, one record per article reporting them.

    A confirmed claim is a gold accusation of every article that reports it; a claim marked wrong
    is listed under `rejected` with its verdict (what the analyzer must not say again). Only the
    accusations are labelled: relevance and quotes were not reviewed (`label_scope`).
    """
    records: dict[int, dict[str, Any]] = {}
    for row in reviews.reviewed_reports(conn):
        record = records.setdefault(row["article"], {
            "id": f"article-{row['article']}", "url": row["url"], "title": row["title"], "outlet": row["outlet"],
            "date": row["day"].isoformat() if row["day"] else None, "label_scope": ["accusations"],
            "label": {"accusations": []}, "rejected": [],
        })
        pair = {"accuser": row["accuser"], "accused": row["accused"], "agreement": row["agreement"]}
        if row["verdict"] == "confirmed":
            if pair not in record["label"]["accusations"]:
                record["label"]["accusations"].append(pair)
        else:
            record["rejected"].append({**pair, "verdict": row["verdict"], "wrong": WRONG_FIELD.get(row["verdict"], "claim"),
                                       "note": row["note"], "reviewer": row["reviewer"], "evidence": row["evidence"]})
    return list(records.values())
