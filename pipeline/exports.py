"""Claims, statements, trends and reviews as CSV or JSON: the same rows the console shows, for analysts' tools."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from typing import Any

EXPORT_COLUMNS = {
    "claims": ["claim", "first_seen", "accuser", "accuser_name", "accused", "accused_name", "agreement", "breach_type",
               "reports", "outlets", "first_outlet", "first_url", "speaker", "evidence", "verdict"],
    "statements": ["statement", "published", "outlet", "speaker", "speaker_for", "kind", "cue", "quote", "title", "url"],
    "trends": ["week", "accuser", "accused", "claims", "reports", "outlets"],
}


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def render(rows: list[dict[str, Any]], what: str, fmt: str) -> str:
    """An export of `what` (a key of EXPORT_COLUMNS) as "csv" or "json"."""
    return to_json(rows) if fmt == "json" else to_csv(rows, EXPORT_COLUMNS[what])


def to_json(rows: list[dict[str, Any]]) -> str:
    """Rows as a JSON array (dates in ISO 8601)."""
    return json.dumps([{k: _plain(v) for k, v in row.items()} for row in rows], ensure_ascii=False, indent=1)


def to_jsonl(records: list[dict[str, Any]]) -> str:
    """Records as JSON Lines (the label files' format)."""
    return "".join(json.dumps({k: _plain(v) for k, v in r.items()}, ensure_ascii=False, default=_plain) + "\n"
                   for r in records)


def to_csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    """Rows as CSV with a header; cells that a spreadsheet would run as formulas are quoted with a leading '."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return out.getvalue()


def _cell(value: Any) -> str:
    text = "" if value is None else str(_plain(value))
    # CSV injection: text from the web opened in a spreadsheet must not become a formula.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
