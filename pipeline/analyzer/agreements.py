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


def article_agreement(text: str) -> str | None:
    """The agreement an article invokes most, for sentences that name none."""
    return agreement_in(text)
