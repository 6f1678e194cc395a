"""Is this an Idlib/Syria ceasefire story? A regex prefilter, then a paragraph-level score with evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from pipeline.analyzer.gazetteer import CONFIG, fold, gazetteer
from pipeline.models import Relevance

CEASEFIRE = (
    r"cease-?fires?|truces?|de-?escalation|demilitari[sz]ed|buffer zones?|observation posts?|joint patrols?|"
    r"(?:Russian-Turkish|Turkish-Russian) patrols?|patrols? (?:on|along) the M4|security corridor|"
    r"Sochi (?:memorandum|agreement|deal|accord)|Astana (?:format|process|talks|agreement|guarantors?)|"
    r"additional protocol|Moscow (?:protocol|agreement|deal)|(?:March 5|5 March)(?: deal| agreement| protocol)?|"
    r"Peace Spring|guarantor (?:states|countries|powers)|guarantors?|hostilities|violations? of the (?:agreement|deal|accord)|"
    r"armistice|lull in fighting|Sochi|Astana|memorand(?:um|ums|a)|patrols?|safe zone|"
    r"(?:Russian-Turkish|Turkish-Russian|Idlib) (?:agreements?|deals?|accords?|understandings?)|agreements? on Idlib"
)
# Compliance language without a ceasefire word ("have not kept their promises", "undertook to
# neutralise the terrorists"): weaker evidence, counted at a lower weight.
COMPLIANCE = (
    r"commitments?|obligations?|promises?|promised|pledge[sd]?|undertook|undertaken|abid(?:e|es|ed|ing)|calm|disarm\w*|"
    r"violat\w+|breach\w*|"
    r"fail(?:ed|ure)? to (?:fulfil+|honou?r|implement|keep|meet)"
)
# Conflicts that share the parties but are not Syria: their weight counts against a story.
ELSEWHERE = (
    r"Libya\w*|Tripoli|Haftar|Benghazi|Sirte|Karabakh|Azerbaijan\w*|Armenia\w*|Baku|Yerevan|Gaza\w*|Hamas|"
    r"Yemen\w*|Houthis?|Ukrain\w*|Kyiv|Kiev|Donbas\w*|grain (?:deal|corridor|initiative)|Black Sea (?:grain|corridor|initiative|deal|fleet)|Lebanon|Hezbollah|"
    r"Iraq\w*|Kashmir|Sudan\w*"
)
THRESHOLD = 0.4
LEAD_SENTENCES = 3  # the lead: the first three sentences of the body (site debris removed)
SHORT_SHARE = 0.2  # one substantive truce sentence carries a short item when it is a fifth of its sentences
STATEMENT_WEIGHT = 2  # a party's statement on the truce's status or compliance counts as much as a paragraph
STRONG_COUNT = 3  # this many substantive truce sentences make the truce a topic even away from Syria place names
# No sentence ends after a month or a title abbreviation ("since Sept. 19 when...", "U.N. envoy").
NOT_AN_END = re.compile(r"(?:^|\s)(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|U\.[NS]|Mr|Mrs|Dr|Gen|Lt|Col|St|No)\.$")
SENTENCE = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"“'‘(\[]?[A-Z0-9])")


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


@dataclass(frozen=True)
class Lexicon:
    """config/relevance.yaml compiled: what names a truce, what makes a truce sentence background."""
    truce: re.Pattern[str]
    headline: re.Pattern[str]
    not_a_truce: re.Pattern[str]
    background: re.Pattern[str]
    implementation: re.Pattern[str]
    statement_verb: re.Pattern[str]
    statement_status: re.Pattern[str]
    call: re.Pattern[str]
    tag_list: re.Pattern[str]
    teaser: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = yaml.safe_load((CONFIG / "relevance.yaml").read_text(encoding="utf-8"))
    def words(key):
        return re.compile(r"(?<!\w)(?:" + "|".join(data[key]) + r")(?!\w)", re.IGNORECASE)
    return Lexicon(words("truce_terms"), words("headline_terms"), words("not_a_truce"), words("background_cues"),
                   words("implementation_cues"), words("statement_verbs"), words("statement_status"),
                   words("call_cues"), re.compile(data["tag_list"]), re.compile(data["teaser"]))


def sentences(text: str) -> list[str]:
    """The body as sentences, paragraph by paragraph, without tag lists and related-story teasers."""
    lex = lexicon()
    out = []
    for paragraph in text.split("\n\n"):
        pieces: list[str] = []
        for piece in SENTENCE.split(fold(paragraph).strip()):
            if pieces and NOT_AN_END.search(pieces[-1]):
                pieces[-1] += " " + piece
            else:
                pieces.append(piece)
        for sentence in pieces:
            sentence = lex.teaser.sub("", lex.tag_list.sub("", sentence.strip())).strip()
            if sentence:
                out.append(sentence)
    return out


def names_truce(sentence: str, headline: bool = False) -> bool:
    """The sentence names a truce arrangement (not the Golan "ceasefire line").

    In the headline and the lead the broader terms count too (config headline_terms and the prefilter's terms).
    """
    lex = lexicon()
    cleaned = lex.not_a_truce.sub(" ", sentence)
    if lex.truce.search(cleaned):
        return True
    return headline and bool(lex.headline.search(cleaned) or _patterns()[2].search(cleaned))


def is_background(sentence: str) -> bool:
    """A truce sentence that only sets the scene: the truce collapsed, dates the story, or does (not) cover a place.

    A sentence on the truce's implementation or violation ("breached", "despite", "abide by") is not background.
    """
    lex = lexicon()
    return bool(lex.background.search(sentence)) and not lex.implementation.search(sentence)


def about_compliance(sentence: str) -> bool:
    """A broad agreement term (guarantor, Astana, memorandum...) with compliance language: the deal is kept or not."""
    return bool(_patterns()[2].search(sentence) and lexicon().implementation.search(sentence))


def is_statement(sentence: str) -> bool:
    """A party's statement on the truce's status, machinery or compliance (a speaker verb and a status word)."""
    lex = lexicon()
    return bool(lex.statement_verb.search(sentence)
                and (lex.statement_status.search(sentence) or lex.implementation.search(sentence)))


def is_call(sentence: str) -> bool:
    """A call for a truce ("the UN called for an urgent ceasefire"): not yet an arrangement."""
    return bool(lexicon().call.search(sentence))


@dataclass(frozen=True)
class Substance:
    """Where the truce is in the story: headline, lead, and how many sentences treat it beyond background."""
    title: bool
    lead: bool
    substantive: int
    sentences: int
    named: bool = False  # a truce term proper (not only a broad one) in the headline or the lead

    @property
    def carries(self) -> bool:
        if self.title or self.lead or self.substantive >= 2:
            return True
        return self.substantive == 1 and self.substantive / max(self.sentences, 1) >= SHORT_SHARE

    def explain(self) -> str:
        where = [w for w, on in (("headline", self.title), ("lead", self.lead)) if on]
        # `substantive` is a weight, not a count: a party's statement on the truce counts STATEMENT_WEIGHT
        return (f"truce in {' and '.join(where) or 'neither headline nor lead'}; truce weight {self.substantive} "
                f"beyond background in {self.sentences} sentences (a party's statement on it counts {STATEMENT_WEIGHT})")


def substance(title: str | None, text: str) -> Substance:
    """Is the truce a topic (headline, lead, more than one non-background sentence) or a passing clause?"""
    body = sentences(text)
    title_f = fold(title or "")
    in_title = names_truce(title_f, headline=True)
    lead_truce = [s for s in body[:LEAD_SENTENCES] if not is_background(s) and not is_call(s)]
    lead = any(names_truce(s, headline=True) for s in lead_truce)
    named = names_truce(title_f) or any(names_truce(s) for s in lead_truce)
    seen: set[str] = set()
    count = 0
    for s in body:
        key = s[-80:]  # a block the page repeats (timelines, twin paragraphs) counts once
        if key not in seen and not is_background(s):
            truce = names_truce(s)
            if truce or about_compliance(s):
                count += STATEMENT_WEIGHT if truce and is_statement(s) else 1
        seen.add(key)
    return Substance(in_title, lead, count, len(seen), named)


def prefilter(title: str | None, text: str) -> bool:
    """Cheap test run on every article: a Syria place and a ceasefire term both appear somewhere."""
    syria, _idlib, ceasefire, _, _ = _patterns()
    whole = fold(f"{title or ''}\n{text}")
    return bool(syria.search(whole)) and bool(ceasefire.search(whole) or lexicon().truce.search(whole))


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
    found = substance(title, text)
    evidence.append(found.explain())
    # The truce must be a topic (substance); the Syria score decides, or the truce is in the headline, the lead or
    # three sentences of a story that is not mostly about another conflict.
    topical = found.named or found.substantive >= STRONG_COUNT
    relevant = found.carries and (value >= THRESHOLD or (topical and other_hits <= syria_hits))
    return Relevance(relevant=relevant, idlib=relevant and idlib_hits >= 1, score=value, evidence=tuple(evidence))
