"""Which agreement a sentence or an article invokes, from the cue phrases in config/agreement_cues.yaml."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.analyzer.gazetteer import fold

CONFIG = Path(__file__).resolve().parents[2] / "config" / "agreement_cues.yaml"


@lru_cache(maxsize=1)
def _cues() -> list[tuple[str, re.Pattern[str]]]:
    data = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    return [(a["id"], re.compile("|".join(f"(?:{c})" for c in a["cues"]), re.IGNORECASE)) for a in data["agreements"]]


def counts(text: str) -> dict[str, int]:
    """How often each agreement's cues occur in the text."""
    folded = fold(text)
    return {agreement: len(pattern.findall(folded)) for agreement, pattern in _cues()}


def agreement_in(text: str) -> str | None:
    """The agreement a sentence names: most cues wins, ties go to the more specific (file order)."""
    found = counts(text)
    order = [a for a, _ in _cues()]
    best = max(order, key=lambda a: (found[a], -order.index(a)))
    return best if found[best] else None


def article_agreement(text: str, date: str | None = None) -> str | None:
    """The agreement an article invokes most, for sentences that name none; failing a name, the truce
    in force on the article's date that its descriptions ("the cessation of hostilities") point to."""
    named = agreement_in(text)
    if named is not None or not date:
        return named
    return by_date(text, date)


def by_date(text: str, date: str | None) -> str | None:
    """The dated truce (config by_date) whose period holds the date and whose description the text uses."""
    day = parse_date(date)
    if day is None:
        return None
    folded = fold(text)
    for item in _by_date():
        if item["from"] <= day <= item["to"] and item["pattern"].search(folded):
            return item["id"]
    return None


def parse_date(value: str | None):
    """ISO dates ("2020-06-18", with a time or not) and the corpus's m/d/yy ("7/12/16")."""
    if not value:
        return None
    text = str(value).strip()
    match = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    try:
        if match:
            return _date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        match = re.match(r"(\d{1,2})/(\d{1,2})/(\d{2,4})$", text)
        if match:
            year = int(match.group(3))
            return _date(year + 2000 if year < 100 else year, int(match.group(1)), int(match.group(2)))
    except ValueError:
        return None
    return None


def _date(year: int, month: int, day: int):
    import datetime

    return datetime.date(year, month, day)


@lru_cache(maxsize=1)
def _by_date() -> list[dict]:
    import datetime

    data = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    out = []
    for item in data.get("by_date") or []:
        start, end = (d if isinstance(d, datetime.date) else datetime.date.fromisoformat(str(d))
                      for d in (item["from"], item["to"]))
        out.append({"id": item["id"], "from": start, "to": end,
                    "pattern": re.compile("|".join(f"(?:{c})" for c in item["cues"]), re.IGNORECASE)})
    return out
