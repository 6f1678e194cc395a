"""Is this an Idlib/Syria ceasefire story? A regex prefilter, then a paragraph-level score with evidence."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.analyzer.gazetteer import fold, gazetteer
from pipeline.models import Relevance

CEASEFIRE = (
    r"cease-?fires?|truces?|de-?escalation|demilitari[sz]ed|buffer zones?|observation posts?|joint patrols?|"
    r"(?:Russian-Turkish|Turkish-Russian) patrols?|patrols? (?:on|along) the M4|security corridor|"
    r"Sochi (?:memorandum|agreement|deal|accord)|Astana (?:format|process|talks|agreement|guarantors?)|"
    r"additional protocol|Moscow (?:protocol|agreement|deal)|(?:March 5|5 March)(?: deal| agreement| protocol)?|"
    r"Peace Spring|guarantor (?:states|countries|powers)|guarantors?|hostilities|violations? of the (?:agreement|deal|accord)|"
    r"armistice|lull in fighting|Sochi|Astana|memorandum|patrols?|safe zone|"
    r"(?:Russian-Turkish|Turkish-Russian|Idlib) (?:agreements?|deals?|accords?|understandings?)|agreements? on Idlib"
)
# Compliance language without a ceasefire word ("have not kept their promises", "undertook to
# neutralise the terrorists"): weaker evidence, counted at a lower weight.
COMPLIANCE = (
    r"commitments?|obligations?|promises?|promised|pledged?|undertook|undertaken|calm|disarm\w*|violat\w+|breach\w*|"
    r"fail(?:ed|ure)? to (?:fulfil+|honou?r|implement|keep|meet)"
)
# Conflicts that share the parties but are not Syria: their weight counts against a story.
ELSEWHERE = (
    r"Libya\w*|Tripoli|Haftar|Benghazi|Sirte|Karabakh|Azerbaijan\w*|Armenia\w*|Baku|Yerevan|Gaza\w*|Hamas|"
    r"Yemen\w*|Houthis?|Ukrain\w*|Kyiv|Kiev|Donbas\w*|grain (?:deal|corridor|initiative)|Black Sea|Lebanon|Hezbollah|"
    r"Iraq\w*|Kashmir|Sudan\w*"
)
THRESHOLD = 0.4


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    places = gazetteer().places
    def alternation(words):
        return "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))
    syria = re.compile(r"(?<!\w)(?:" + alternation(places["syria"] + places["idlib"]) + r")(?!\w)", re.IGNORECASE)
    idlib = re.compile(r"(?<!\w)(?:" + alternation(places["idlib"]) + r")(?!\w)", re.IGNORECASE)
    ceasefire = re.compile(r"(?<!\w)(?:" + CEASEFIRE + r")(?!\w)", re.IGNORECASE)
    elsewhere = re.compile(r"(?<!\w)(?:" + ELSEWHERE + r")(?!\w)", re.IGNORECASE)
    compliance = re.compile(r"(?<!\w)(?:" + COMPLIANCE + r")(?!\w)", re.IGNORECASE)
    return syria, idlib, ceasefire, elsewhere, compliance


def prefilter(title: str | None, text: str) -> bool:
    """Cheap test run on every article: a Syria place and a ceasefire term both appear somewhere."""
    syria, _idlib, ceasefire, _, _ = _patterns()
    whole = fold(f"{title or ''}\n{text}")
    return bool(syria.search(whole)) and bool(ceasefire.search(whole))


def score(title: str | None, text: str) -> Relevance:
    """Score where Syria places and ceasefire terms meet: the title, the lead, and how many paragraphs."""
    syria, idlib, ceasefire, elsewhere, compliance = _patterns()
    title_f = fold(title or "")
    paragraphs = [fold(p) for p in text.split("\n\n") if p.strip()]
    placed = [bool(syria.search(p)) for p in paragraphs]
    evidence: list[str] = []
    # A paragraph counts when it names a ceasefire term and a Syria place is in it or a neighbour.
    hits = [i for i, p in enumerate(paragraphs)
            if ceasefire.search(p) and any(placed[max(0, i - 1): i + 2])]
    value = 0.0
    if syria.search(title_f) and ceasefire.search(title_f):
        value += 0.45
        evidence.append("title: " + title_f[:120])
    elif syria.search(title_f) or ceasefire.search(title_f):
        value += 0.15
    if any(i < 2 for i in hits):
        value += 0.2
        evidence.append("lead paragraph")
    value += min(len(hits), 4) * 0.15
    # Only in a story that has a ceasefire term at all: compliance talk then counts, at a lower weight.
    soft = [i for i, p in enumerate(paragraphs) if i not in hits and compliance.search(p)
            and any(placed[max(0, i - 1): i + 2])] if hits else []
    value += min(len(soft), 3) * 0.08
    if soft:
        evidence.append(f"compliance language in {len(soft)} paragraph(s)")
    if hits and compliance.search(title_f) and not ceasefire.search(title_f):
        value += 0.1  # "Erdogan says neither Russia nor US have kept promises…"
        evidence.append("compliance language in the title")
    syria_hits = len(syria.findall(text)) + len(syria.findall(title_f))
    other_hits = len(elsewhere.findall(text)) + 2 * len(elsewhere.findall(title_f))
    if other_hits > syria_hits:
        value *= 0.3
        evidence.append(f"mostly about another conflict ({other_hits} mentions)")
    evidence += sorted({m.group(0) for i in hits for m in ceasefire.finditer(paragraphs[i])})[:8]
    idlib_hits = len(idlib.findall(text)) + len(idlib.findall(title_f))
    value = round(min(value, 1.0), 3)
    relevant = value >= THRESHOLD
    return Relevance(relevant=relevant, idlib=relevant and idlib_hits >= 1, score=value, evidence=tuple(evidence))
