"""Which agreement a sentence or an article invokes: cues, where and when it was concluded, the truce of its date."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.analyzer.gazetteer import fold
from pipeline.analyzer.sentences import text_sentence

CONFIG = Path(__file__).resolve().parents[2] / "config" / "agreement_cues.yaml"
VETO_BEFORE = datetime.timedelta(days=60)  # a deal named outright this long before its conclusion is not yet that deal
SLACK = datetime.timedelta(days=1)  # a deal is cited from the eve of its day (time zones, datelines)


@dataclass(frozen=True)
class Agreement:
    id: str
    cues: re.Pattern[str] | None
    concluded: tuple[datetime.date, ...]
    places: tuple[str, ...]
    context: re.Pattern[str] | None
    generic: bool
    default: bool
    scene: re.Pattern[str] | None = None  # where or in what the deal applies: a cue only when no deal is named


def counts(text: str, date: str | None = None, context: str | None = None, scenes: bool = True,
           shared_date: str | None = None) -> dict[str, int]:
    """How often the text names each agreement (config agreement_cues.yaml): cues, places and times, and with
    `scenes` the places or operations a deal covers."""
    found = [agreement for _, _, agreement in mentions(text, date, context, scenes, shared_date)]
    return {a.id: found.count(a.id) for a in _agreements()}


def agreement_in(text: str, date: str | None = None, context: str | None = None,
                 shared_date: str | None = None, scenes: bool = True) -> str | None:
    """The agreement a sentence names, the most specific; a `date` resolves "last September's deal", the article
    (`context`) which deal a place or a time means when the sentence does not say. A scene ("the operation in
    north-eastern Syria") names its deal only when the sentence names none outright ("contradicts the Astana
    agreements"). `shared_date` dates only the bare names several deals share: "the memorandum" in May 2017 is none
    of the memoranda signed later, while a deal named outright stands whatever the article's date."""
    return _best(counts(text, date, context, scenes=False, shared_date=shared_date), specific_first=True) \
        or (_best(counts(text, date, context, shared_date=shared_date), specific_first=True) if scenes else None)


# "that agreement", "the same deal", "this memorandum", "under the said accords": a deal named before
ANAPHOR = re.compile(r"\b(?:that|this|these|those|the same|the said|the aforementioned|the above)\s+(?:[\w-]+\s+)?"
                     r"(?:agreements?|deals?|accords?|memorand(?:um|a)|protocols?|understandings?|arrangements?|"
                     r"truces?|cease-?fires?)\b", re.IGNORECASE)
REACH = 1500  # how far back (characters) "that agreement" looks for the deal it stands for


def referred_agreement(text: str, start: int, end: int, date: str | None = None) -> str | None:
    """For a sentence (text[start:end]) that points back to a deal ("its obligations under that agreement"),
    the agreement last named before it, within REACH characters."""
    if not ANAPHOR.search(text[start:end]):
        return None
    earlier = text[max(0, start - REACH): start]
    named = [agreement for _, _, agreement in mentions(earlier, date) if agreement]
    return named[-1] if named else None


def most_specific(named: str | None, text: str, date: str | None, context: str | None = None) -> str | None:
    """A generic agreement named beside a description of the truce in force ("violations of the cease-fire in Idlib
    … the spirit of the Astana process" in May 2019) yields to that truce, and one named by description only to the
    specific deal the article (`context`) names: GUIDELINES.md, the most specific."""
    generic = next((a for a in _agreements() if a.id == named and a.generic), None) if named else None
    if generic is None:
        return named
    # a deal the sentence also describes by its time ("obligations under last year's understandings on Idlib, … agreed
    # in the Astana format" of 2021): that deal, before the truce of the article's date
    described = agreement_in(_without_its_own_phrase(text, generic), date, context, scenes=False) if date else None
    if described is not None and described != generic.id:
        return described
    found = by_date(_without_its_own_phrase(text, generic), date, context)
    if found is not None:
        return found[0]
    # "failed to fulfil its obligations under a de-escalation deal for Idlib" in a story on the Sochi memorandum: a
    # generic description (not its place: "the Astana agreements" stay Astana's) is the specific deal the article names
    if context is not None and not any(re.search(rf"\b{re.escape(place)}\b", text, re.I) for place in generic.places):
        specific = _named_most(context, date)
        if specific is not None and specific != generic.id:
            return specific
    return named


@lru_cache(maxsize=4)
def _named_most(article: str, date: str | None) -> str | None:
    """The agreement an article names most, a specific one first (once per article: every sentence may ask)."""
    return _best(counts(article, date), specific_first=True)


def sentence_agreement(article: str, start: int, end: int, scope: str, date: str | None,
                       fallback: str | None) -> str | None:
    """The agreement an accusation's sentence (article[start:end]) invokes: the one it names (a generic one yielding
    to the truce it describes), else the deal "that agreement" points back to, else the one its statement's quote
    (`scope`) names, else `fallback` (the article's)."""
    text = article[start:end]
    return most_specific(named_agreement(text, date, article), text, date, article) \
        or referred_agreement(article, start, end) or named_agreement(scope, date, article) or fallback


DEAL_WORDS = r"(?:agreements?|deals?|accords?|understandings?|arrangements?|memorandum|memoranda)"


def _without_its_own_phrase(text: str, agreement: Agreement) -> str:
    """The text less the phrases that name the agreement by its place ("the understandings of the Astana track",
    "the Astana agreements"): their deal word describes that agreement, not the truce in force."""
    for place in agreement.places:
        name = re.escape(place)
        text = re.sub(rf"\b{DEAL_WORDS}\s+(?:(?:of|from|in|at|reached in)\s+)(?:the\s+)?{name}\b"
                      rf"|\b{name}(?:\s+(?:track|process|format|talks))?\s+{DEAL_WORDS}", " ", text, flags=re.I)
    return text


def named_agreement(text: str, date: str | None = None, context: str | None = None) -> str | None:
    """The agreement a sentence names as written; failing that, with the article's date, the one a time phrase
    means ("last September's memorandum", "the March agreement"). A date never vetoes a deal named outright:
    real articles carry wrong dates (a FA-KES article dated 1 February 2016 cites the truce of 27 February). A scene
    (Tal Abyad, Peace Spring) names no deal outright: only a deal concluded by the date covers it ("shelling near Tal
    Abyad" in 2016 is no breach of the 2019 north-east ceasefire)."""
    found = agreement_in(text, context=context, shared_date=date, scenes=False)
    # …but months before it was concluded it is not that deal ("Astana" in January 2017 is the talks): a wrong date is
    # not that far off
    if found is not None and not _concluded_by(next(a for a in _agreements() if a.id == found), parse_date(date),
                                               VETO_BEFORE):
        found = None
    return found or (agreement_in(text, date, context) if date else None)


def article_agreement(text: str, date: str | None = None) -> str | None:
    """The agreement an article invokes most, its descriptions of the truce of its date (by_date) included."""
    tally: dict[str, float] = dict(counts(text, date))
    found = by_date(text, date)
    if found is not None:
        tally[found[0]] += float(_config().get("era_weight", 1.0)) * found[1]
    # (GUIDELINES.md: when several are named, the most specific; a 2019 story of the Astana talks in Nur-Sultan that
    # names the Sochi memorandum invokes Sochi)
    return _best(tally, specific_first=True)


def by_date(text: str, date: str | None, context: str | None = None) -> tuple[str, int] | None:
    """(agreement, descriptions) of the by_date period holding the date whose context the text (else `context`, the
    article) mentions most."""
    day, folded, best, best_key = parse_date(date), fold(text), None, None
    around = _folded(context) if context else folded
    # (a story told mostly of one place is no story of another: an Idlib story of 2021 that names "east of the
    # Euphrates" once does not give its truce to the north-east's deal)
    items = _by_date() if day else []
    supports = [len(item["context"].findall(around)) if item["context"] else 0 for item in items]
    most = max((s for item, s in zip(items, supports) if item["context"] and item["from"] <= day <= item["to"]), default=0)
    for item, support in zip(items, supports):
        described = len(item["pattern"].findall(folded)) if item["from"] <= day <= item["to"] else 0
        if item["context"] and support < most:
            continue
        if described and (support or not item["context"]) and (best_key is None or (support, item["from"]) > best_key):
            best, best_key = (item["id"], described), (support, item["from"])
    return best


def mentions(text: str, date: str | None = None, context: str | None = None,
             scenes: bool = True, shared_date: str | None = None) -> list[tuple[int, int, str]]:
    """Every (start, end, agreement) span naming an agreement concluded by the date (with `scenes`, its scene cues
    too); a place or a time that fits several is the one whose context the sentence, else `context` (the article),
    else the text mentions most."""
    folded, day = fold(text), parse_date(date)
    around = _folded(context) if context else folded
    found: list[tuple[int, int, str | None]] = [(m.start(), m.end(), a.id) for a in _agreements() if _concluded_by(a, day)
             for cues in (a.cues, a.scene if scenes else None) if cues for m in cues.finditer(folded)]
    for kind, group in (("place", "where"), ("time", "when")):
        for match in (m for pattern in _descriptions()[kind] for m in pattern.finditer(folded)):
            sentence = _sentence(folded, match)
            dated = next((m.group("when") for m in (p.match(folded, match.end()) for p in _descriptions()["after_place"])
                          if m), None) if kind == "place" else None
            found += [(match.start(), match.end(), by_place(place, sentence, around, day, dated))
                      for place in _places().findall(match.group(group))] if kind == "place" else \
                [(match.start(), match.end(), by_time(match.group(group), sentence, around, day))]
    found += _shared_name_spans(folded, day or parse_date(shared_date), around, found)
    return _distinct([span for span in found if not _abroad(_sentence(folded, span))])


def _shared_name_spans(folded: str, day: datetime.date | None, around: str, found) -> list[tuple[int, int, str | None]]:
    """Bare names several deals share ("the memorandum"), each the deal its context points to; not inside a span
    that already names one ("the Sochi memorandum of September 2018")."""
    spans: list[tuple[int, int, str | None]] = []
    for shared in _shared_names():
        sharing = [a for a in _agreements() if a.id in shared["agreements"] and _concluded_by(a, day)]
        spans += [(m.start(), m.end(), _choose(sharing, _sentence(folded, m), around)) for m in shared["pattern"].finditer(folded)
                  if not any(s[2] and s[0] <= m.start() and m.end() <= s[1] for s in found)]
    return spans


def by_place(place: str, sentence: str, text: str, day: datetime.date | None, dated: str | None = None) -> str | None:
    """The agreement concluded at the place ("Sochi": the north-east memorandum in a north-east story), at the time
    the words after the place give ("reached in Sochi on October 22nd") when they give one."""
    there = [a for a in _agreements() if place.lower() in a.places and _concluded_by(a, day)]
    then = [a for a in there if dated and _concluded_when(a, dated, day)]
    if len(then) == 1:
        return then[0].id  # the place and the time name it: no context needed
    return _choose(then or there, sentence, text)


def _month_and_number(phrase: str) -> tuple[int | None, int | None]:
    """The month (1-12) and the day of the month a time phrase names, each None when it names none."""
    month = next((n for n, m in enumerate(_config()["months"], 1) if re.search(rf"\b(?:{m})\b", phrase)), None)
    found_number = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", phrase)
    return month, (int(found_number.group(1)) if found_number else None)


def _concluded_when(agreement: Agreement, phrase: str, day: datetime.date | None) -> bool:
    """The agreement was concluded at a time the phrase can mean ("October 22nd", "September 2018"); with no
    article date, a day and month without a year fit that day of any year."""
    month, number = _month_and_number(phrase)
    if day is None and month and number and not re.search(r"\b(?:19|20)\d\d\b", phrase):
        return any(d.month == month and abs(d.day - number) <= 1 for d in agreement.concluded)
    return any(_concluded_at(agreement, year, month, number) for year, month, number in when(phrase, day))


def _concluded_at(agreement: Agreement, year: int, month: int | None, number: int | None) -> bool:
    """Concluded in that year, month (if given) and on that day of the month, give or take one (if given)."""
    return any(d.year == year and month in (None, d.month) and (number is None or abs(d.day - number) <= 1)
               for d in agreement.concluded)


def by_time(phrase: str, sentence: str, text: str, day: datetime.date | None) -> str | None:
    """The agreement concluded at the time a phrase means ("last September", "2018"), nearest time first."""
    for year, month, number in when(phrase, day):
        found = [a for a in _agreements() if _concluded_by(a, day) and _concluded_at(a, year, month, number)]
        if found:
            return _choose(found, sentence, text)
    return None


def when(phrase: str, day: datetime.date | None) -> list[tuple[int, int | None, int | None]]:
    """The (year, month, day-of-month) a time phrase can mean on the article's day, nearest first."""
    low = phrase.lower()
    month, number = _month_and_number(phrase)
    year = re.search(r"\b(?:19|20)\d\d\b", phrase)
    if year or day is None:
        return [(int(year.group()), month, number)] if year else []
    if low.startswith(("last year", "last month")):
        back = datetime.date(day.year, day.month, 1) - datetime.timedelta(days=1)
        return [(day.year - 1, None, None)] if low.startswith("last year") else [(back.year, back.month, None)]
    if month is None or low.startswith("this"):
        return [(day.year, month, number)] if month else []
    if low.startswith("last"):
        return [(day.year if month < day.month else day.year - 1, month, number)]
    latest = day.year if month <= day.month else day.year - 1
    return [(latest, month, number), (latest - 1, month, number)]


def _choose(candidates: list[Agreement], sentence: str, text: str) -> str | None:
    """The candidate whose context the sentence (else the text) mentions most; on a tie the one deal of the context
    its stories mean by default ("last year's understandings on Idlib" of 2021: the protocol, not January's truce),
    else none."""
    scope = sentence if any(a.context and a.context.search(sentence) for a in candidates) else text
    support = {a.id: len(a.context.findall(scope)) if a.context else 0 for a in candidates}
    possible = [a for a in candidates if support[a.id] or a.context is None or a.default]
    top = max((support[a.id] for a in possible), default=0)
    best = [a for a in possible if support[a.id] == top]
    defaults = [a for a in best if a.default]
    return best[0].id if len(best) == 1 else defaults[0].id if len(defaults) == 1 else None


def _concluded_by(agreement: Agreement, day: datetime.date | None, slack: datetime.timedelta = SLACK) -> bool:
    """An article of that day can cite the agreement (no date, no concluded date, or concluded by then, give or take
    `slack`)."""
    return day is None or not agreement.concluded or min(agreement.concluded) <= day + slack


def _sentence(text: str, span) -> str:
    """The sentence (or line) holding a match or a (start, end, ...) span."""
    first, last = span.span() if isinstance(span, re.Match) else span[:2]
    return text[slice(*text_sentence(text, first, last))]


def _abroad(sentence: str) -> bool:
    """The sentence is about a conflict abroad (contexts: abroad) and names no Syrian place nor Syria."""
    contexts = _contexts()
    return bool(contexts.get("abroad") and contexts["abroad"].search(sentence)) and not re.search(r"\bSyria", sentence) \
        and not any(p.search(sentence) for name, p in contexts.items() if name != "abroad")


TRUCE_WORD = r"(?:cease-?fires?|truces?|armistices?)"


@lru_cache(maxsize=1)
def _truce_abroad_pattern() -> re.Pattern[str]:
    """A truce tied to a place abroad by its own words: "the ceasefire in Nagorno-Karabakh", "the Libyan truce"."""
    places = _contexts()["abroad"].pattern
    return re.compile(rf"{TRUCE_WORD}\s+(?:\w+\s+){{0,2}}?(?:in|for|on|over|between)\s+(?:the\s+)?(?:\w+[\s-])?(?:{places})"
                      rf"|(?:{places})\w*(?:\s+\w+)?\s+{TRUCE_WORD}", re.IGNORECASE)


def truce_abroad(sentence: str) -> bool:
    """The truce the sentence names is one abroad by its own words ("accused Ankara of breaching the ceasefire in
    Nagorno-Karabakh by sending Syrian mercenaries"). A sentence that only mentions a conflict abroad is not enough:
    "Erdogan, after talks that also covered Ukraine, said the regime had violated the truce" is about Idlib; nor is
    one that names a Syrian place too ("Lavrov, who also discussed the ceasefire in Libya, said Ankara had failed to
    separate the rebels in Idlib")."""
    if not _truce_abroad_pattern().search(sentence):
        return False
    return not any(p.search(sentence) for name, p in _contexts().items() if name != "abroad")


def _distinct(found: list[tuple[int, int, str | None]]) -> list[tuple[int, int, str]]:
    """Resolved spans, a span overlapping an earlier one for the same agreement dropped."""
    kept: list[tuple[int, int, str]] = []
    for start, end, agreement in sorted((s for s in found if s[2]), key=lambda s: (s[0], -s[1])):
        if agreement and not any(k[2] == agreement and start < k[1] and k[0] < end for k in kept):
            kept.append((start, end, agreement))
    return kept


def _best(tally: Mapping[str, float], specific_first: bool = False) -> str | None:
    """Most mentions wins, ties to a specific one, then the earlier in config; specific_first: generic ones only if
    alone (GUIDELINES.md: when several are named, the most specific)."""
    order = _agreements()
    named = [a for a in order if tally.get(a.id, 0) > 0]
    named = [a for a in named if not a.generic] or named if specific_first else named
    return max(named, key=lambda a: (tally[a.id], not a.generic, -order.index(a))).id if named else None


@lru_cache(maxsize=4)
def _folded(context: str) -> str:
    """The article folded once: every sentence's agreement lookup reads it as context."""
    return fold(context)


def parse_date(value) -> datetime.date | None:
    """ISO dates ("2020-06-18", with a time or not), the corpus's m/d/yy ("7/12/16") and dates themselves."""
    if isinstance(value, datetime.date):
        return value.date() if isinstance(value, datetime.datetime) else value
    text = str(value or "").strip()
    iso, us = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text), re.match(r"(\d{1,2})/(\d{1,2})/(\d{2,4})$", text)
    try:
        if iso:
            return datetime.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if us:
            year = int(us.group(3))
            return datetime.date(year + 2000 if year < 100 else year, int(us.group(1)), int(us.group(2)))
    except ValueError:
        return None
    return None


@lru_cache(maxsize=1)
def _config() -> dict:
    """config/agreement_cues.yaml, read once."""
    return yaml.safe_load(CONFIG.read_text(encoding="utf-8"))


def _any(patterns) -> re.Pattern[str] | None:
    """One case-insensitive regex for any of the patterns (a nested list is read flat: config merges its lists so);
    None for none."""
    flat = [q for p in patterns or () for q in (p if isinstance(p, list) else [p])]
    return re.compile("|".join(f"(?:{p})" for p in flat), re.IGNORECASE) if flat else None


@lru_cache(maxsize=1)
def _contexts() -> dict[str, re.Pattern[str]]:
    """The config's contexts (what a story is about), by name."""
    compiled = {name: _any(words) for name, words in (_config().get("contexts") or {}).items()}
    return {name: pattern for name, pattern in compiled.items() if pattern is not None}


@lru_cache(maxsize=1)
def _agreements() -> list[Agreement]:
    """The config's agreements, in its order."""
    return [Agreement(a["id"], _any(a.get("cues")), tuple(d for d in map(parse_date, a.get("concluded") or ()) if d is not None),
                      tuple(p.lower() for p in a.get("places") or ()), _contexts().get(a.get("context")),
                      bool(a.get("generic")), bool(a.get("default")), _any(a.get("scene_cues")))
            for a in _config()["agreements"]]


@lru_cache(maxsize=1)
def _shared_names() -> list[dict]:
    """The config's shared names: a pattern and the agreements it may name."""
    return [{"pattern": re.compile(item["pattern"], re.IGNORECASE), "agreements": frozenset(item["agreements"])}
            for item in _config().get("shared_names") or []]


@lru_cache(maxsize=1)
def _places() -> re.Pattern[str]:
    """Any place where an agreement was concluded."""
    return re.compile("|".join(sorted({re.escape(p) for a in _agreements() for p in a.places})), re.IGNORECASE)


@lru_cache(maxsize=1)
def _descriptions() -> dict[str, list[re.Pattern[str]]]:
    """The place and time descriptions, their {words} filled from the vocabulary (then {place} and {month})."""
    words = {name: "(?:" + "|".join(items) + ")" for name, items in _config()["vocabulary"].items()}
    words["place"] = f"(?:{_places().pattern})"
    words["month"] = "(?-i:" + "|".join(f"(?:{m})" for m in _config()["months"]) + r")\b"

    def fill(pattern: str) -> str:
        for _ in range(3):  # {elsewhere} holds {where}, which holds {place}
            pattern = re.sub(r"\{([a-z]+)\}", lambda m: words.get(m.group(1), m.group(0)), pattern)
        return pattern

    return {kind: [re.compile(fill(p), re.IGNORECASE) for p in patterns]
            for kind, patterns in _config()["descriptions"].items()}


@lru_cache(maxsize=1)
def _by_date() -> list[dict]:
    """The config's by_date periods (an open end is datetime.date.max)."""
    return [{"id": item["id"], "from": parse_date(item["from"]), "to": parse_date(item.get("to") or datetime.date.max),
             "pattern": _any(item["cues"]), "context": _contexts().get(item.get("context"))}
            for item in _config().get("by_date") or []]
