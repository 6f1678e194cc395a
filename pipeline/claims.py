"""When reports are one claim: the rules claim matching (store.analysis) applies to an article's accusations."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

from pipeline.models import Accusation

CLAIM_WINDOW = timedelta(days=4)  # reports of the same claim this close together are one claim
# Two reports restate one claim when their evidence shares this share of content words (Jaccard),
# or when the same speaker makes both: wire copies and rewrites of one statement, not a new charge.
EVIDENCE_OVERLAP = 0.3
COMMON_WORDS = frozenset("that this with from have said says were their they them will would after under "
                         "about also been into over than which while when what there these those".split())
ATTRIBUTED_MODES = ("claim", "counter")  # narrative, hypothetical and denial rows never make claims


def distinct_accusations(accusations: tuple[Accusation, ...], rollup: Callable[[str], str]) -> list[Accusation]:
    """One row per (accuser, accused, breach, mode) and article: the most confident report of it."""
    best: dict[tuple[str, str, str, str], Accusation] = {}
    for a in accusations:
        key = (rollup(a.accuser), rollup(a.accused), a.breach_type, a.mode)
        if key[0] == key[1]:
            continue
        if key not in best or a.confidence > best[key].confidence:
            best[key] = a
    return list(best.values())


def _words(text: str | None) -> set[str]:
    """Content words of an evidence sentence, for comparing two reports of a claim."""
    return {w for w in re.findall(r"[a-z][a-z'-]{3,}", (text or "").lower()) if w not in COMMON_WORDS}


def similar_evidence(a: str | None, b: str | None) -> bool:
    """Near-identical evidence: the content words of the two sentences overlap by EVIDENCE_OVERLAP (Jaccard)."""
    words_a, words_b = _words(a), _words(b)
    return bool(words_a and words_b) and len(words_a & words_b) / len(words_a | words_b) >= EVIDENCE_OVERLAP


BODY_WORDS = frozenset("ministry ministries office command centre center agency army forces government presidency "
                       "department council committee source sources spokesman spokeswoman spokesperson".split())


def same_speaker(a: str | None, b: str | None) -> bool:
    """The same person ("Maria Zakharova" / "Zakharova"), or the same body named the same way.

    Two bodies sharing a last word are not one speaker: "Russian Foreign Ministry" and "Russian
    Defence Ministry" make separate charges.
    """
    if not (a and b):
        return False
    a_words, b_words = a.lower().split(), b.lower().split()
    if a_words[-1] in BODY_WORDS or b_words[-1] in BODY_WORDS:
        return a_words == b_words
    return a_words[-1] == b_words[-1]


def restates(reports: list[tuple[str | None, str]], accusation: Accusation) -> bool:
    """A report belongs to a claim when it restates one of its reports: the same speaker or near-identical evidence."""
    return not reports or any(same_speaker(speaker, accusation.speaker) or similar_evidence(evidence, accusation.evidence)
                              for speaker, evidence in reports)
