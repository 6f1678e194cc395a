"""analyze(title, text): prefilter, then one parse shared by every extractor."""

from __future__ import annotations

import os
import re
from dataclasses import replace

from pipeline.analyzer.accusations import extract_accusations, outlet_voice
from pipeline.analyzer.agreements import article_agreement
from pipeline.analyzer.commitments import extract_commitments
from pipeline.analyzer.decision import model_version
from pipeline.analyzer.gazetteer import gazetteer
from pipeline.analyzer.learned import learned_accusations
from pipeline.analyzer.model import load_nlp
from pipeline.analyzer.names import agency_state
from pipeline.analyzer.relevance import prefilter, score
from pipeline.analyzer.spelling import as_written, eased
from pipeline.analyzer.statements import extract_statements
from pipeline.models import Analysis, Relevance

# Bumped with every change to what the rules read, so that stored articles are re-analysed under
# ACCUSATION_DECISION=rules too (the learned version also carries the model's hash).
RULES_VERSION = "rules-166"
# Which decision says what is an accusation: "learned" (candidates, features and the logistic
# regression in config/models/accusations.json, see learned.py) or "rules" (accusations.py alone).
ACCUSATION_DECISION = os.environ.get("ACCUSATION_DECISION", "learned").strip().lower() or "learned"
# Stored articles are re-analysed when the rules or the model file change.
ANALYZER_VERSION = RULES_VERSION + "+spk181+rel8" + (f"+lr-{model_version()}" if ACCUSATION_DECISION == "learned" else "")
MAX_CHARS = 60_000  # longer bodies are cut: live blogs and digests, not articles
# "MOSCOW, June 11. /TASS/.", "MOSCOW. March 5 (Interfax) -", "BEIRUT (AP) —", "Damascus, SANA -", "ERBIL, Kurdistan
# Region —", "BEIRUT, LEBANON (11:20 A.M.) –", places joined by slashes, "BEIRUT/ANKARA (Reuters) -", and AFP's
# "United Nations (United States) (AFP) -"
# (letters beyond ASCII too: the Kurdish agencies' "QAMIŞLO -", "KOBANÊ -")
_PLACE = r"[A-Z\u00c0-\u00de](?:[^\W\d_]|['.\-])+(?: [A-Z\u00c0-\u00de](?:[^\W\d_]|['.\-])+){0,2}"
DATELINE = re.compile(
    rf"^\s*{_PLACE}(?:\s*/\s*{_PLACE})*(?:[,.][^\n\u2014\u2013]{{0,40}}?)?(?:\s*\([A-Za-z0-9 .:]{{1,30}}\)){{0,2}}"
    r"\s*(?:--|-|\u2014|\u2013|\.\s*/[A-Z]+/\.)\s+"
    # "WASHINGTON—Russian warplanes…": a place in capitals set close against its dash
    r"|^\s*[A-Z][A-Z.' ]*[A-Z](?:, [A-Z][A-Za-z.]+)?\u2014(?=[A-Z])")


# "BEIRUT/PARIS/LONDON A major Syrian insurgent group said…": a dateline in capitals with its agency and dash
# cut away (as reprints and corpora keep it). Five capitals or more, so that "SDF" or "NATO" opening a
# sentence stays.
CAPS_DATELINE = re.compile(r"^\s*(?P<places>[A-Z]{4,}(?:\s*/\s*[A-Z]{4,})*)(?:,\s*[A-Z][a-z]+)?\s+(?=[A-Z](?:[a-z]|\s))")


HEADING_CHARS = 200  # a headline or byline line before a dateline is no longer than this
HEADING_LINES = 6  # and there are at most this many of them (site name, section, headline, byline, agency, date)

# "ANHA | AIN ISSA" on a line of its own: an agency slug, not a sentence
SLUG_LINE = re.compile(r"^\s*[A-Z][A-Z0-9 .'&|/,\-]{1,60}\n")


def _caps_dateline(text: str) -> re.Match[str] | None:
    """A capitals dateline whose every place is a city or state the gazetteer knows (not "UNICEF Director…")."""
    match = CAPS_DATELINE.match(text)
    if match is None:
        return None
    g = gazetteer()
    places = [g.resolve(part.strip().title()) for part in match.group("places").split("/")]
    return match if all(p is not None and g.actors[p].kind == "state" for p in places) else None


# 'the "terrorist" groups', 'the "moderate" rebels': a one-word scare quote on a modifier hides its noun phrase
# from the parser and the gazetteer; the parser's copy has the words without the marks (same length).
SCARE_QUOTED_MODIFIER = re.compile(r'["\u201c](?P<word>[a-z][a-z\-]{1,24})["\u201d] '
                                   r'(?P<noun>(?!(?:and|or|but|nor|to|of|in|on|at|by|for|with|from|as|than|that|which|'
                                   r'who|is|are|was|were|be|been|the|an?|said|says)\b)[a-z][a-z\-]*)')


def _unquoted_modifiers(text: str) -> str:
    return SCARE_QUOTED_MODIFIER.sub(lambda m: f"{m['word']} {m['noun']}  ", text)


# "the militants had, once again, violated the ceasefire", "Turkey has, so far, failed to fulfil…": an aside set off by
# commas between an auxiliary and its participle makes the parser take "had" for the clause's verb and leave the
# participle without a subject; the parser's copy has the aside without its commas, the participle moved up to it
# (same length).
ASIDE_AFTER_AUXILIARY = re.compile(r"\b(?P<aux>had|has|have),(?P<aside> [a-z][^,.;:\"\u201c\u201d]{0,40}),"
                                   r"(?P<verb> (?:[a-z]+(?:ed|en)|done|kept|made|met|struck|fought|brought|taken|given)\b)")


def _asides_unset(text: str) -> str:
    """The text with a comma-set aside after an auxiliary unset (ASIDE_AFTER_AUXILIARY), same length."""
    # (the two spaces after the participle, not inside the clause: a space token there takes the subject from it)
    return ASIDE_AFTER_AUXILIARY.sub(lambda m: f"{m['aux']}{m['aside']}{m['verb']}  ", text)


# Byline lines a page may set before the dateline ("News Desk", "By Leith Aboufadel"): short, no sentence
BYLINE_LINES = re.compile(r"^(?:[^\n.!?]{1,50}\n\s*){1,2}")


CAPTION_PARAGRAPH = re.compile(r"^[^\n]{1,300}\n\s*\n(?=[A-Z]{3,}[,/ ])")


def _dateline(text: str) -> tuple[int, int] | None:
    """Where the dateline is: at the start of the text, or after a byline line or two (then with them: "By X and Y"
    run into the first sentence would be read as its subject)."""
    # a photo caption set before the story ("FILE - Smoke billows from…, Oct. 18, 2019."): the dateline, in capitals,
    # opens the next paragraph; only the dateline is blanked
    # (not a byline: "By X and Y" before the dateline is blanked with it, below)
    caption = CAPTION_PARAGRAPH.match(text) if not BYLINE_LINES.match(text) else None
    match = DATELINE.match(text[caption.end():]) if caption is not None else None
    if caption is not None and match is not None:
        return caption.end() + match.start(), caption.end() + match.end()
    match = DATELINE.match(text)
    if match is not None:
        return match.start(), match.end()
    byline = BYLINE_LINES.match(text)
    match = DATELINE.match(text[byline.end():]) if byline is not None else None
    if byline is not None and match is not None:
        return 0, byline.end() + match.end()
    return _dateline_after_headings(text)


def _dateline_after_headings(text: str) -> tuple[int, int] | None:
    """A dateline opening a paragraph after a headline, a byline and page lines kept in the body ("Syria talks open in
    Kazakhstan…\n\nBy X and Y\n\nASTANA, Kazakhstan — Talks…", a site's name, section and "Filed on…" line before):
    only the dateline."""
    start = 0
    for _ in range(HEADING_LINES):
        end = text.find("\n", start)
        if end < 0 or end - start > HEADING_CHARS or text[start:end].rstrip().endswith("."):
            return None  # a sentence of the story, not a heading
        start = end + 1
        while text[start:start + 1] in ("\n", " "):
            start += 1
        match = DATELINE.match(text[start:])
        if match is not None:
            return start + match.start(), start + match.end()
    return None


def dateline_agency(text: str) -> str | None:
    """A state's news agency the dateline names ("DAMASCUS, (SANA) -", "MOSCOW, June 11. /TASS/."): whose copy it is."""
    span = _dateline(text)
    words = re.findall(r"[A-Za-z][A-Za-z .]*[A-Za-z]", text[span[0]:span[1]]) if span else []
    return next((word for word in words if agency_state(word)), None)


def _prepare(text: str) -> str:
    """The text the parser sees: the dateline blanked out (same length, so offsets still index the body), capped,
    its accented letters plain, scare quotes and an aside's commas after an auxiliary left out."""
    slug, caps = SLUG_LINE.match(text), _caps_dateline(text)
    start, end = slug.span() if slug else _dateline(text) or (caps.span() if caps else (0, 0))
    if end - start < (180 if start == 0 and not DATELINE.match(text) and not slug and not caps else 80):
        text = text[:start] + " " * (end - start) + text[end:]  # (a byline and its dateline may run longer)
    return eased(_asides_unset(_unquoted_modifiers(text[:MAX_CHARS])))


def _parse(text: str):
    doc = load_nlp()(_prepare(text))
    doc.user_data["written"] = text[:MAX_CHARS]  # names are given back as the article spells them
    return doc


def parse_many(texts: list[str], batch_size: int = 16) -> list:
    """Parses of several texts through nlp.pipe: the same Docs as one parse each, about 12% faster."""
    docs = list(load_nlp().pipe([_prepare(text) for text in texts], batch_size=batch_size))
    for doc, text in zip(docs, texts):
        doc.user_data["written"] = text[:MAX_CHARS]
    return docs


FILTERED_OUT = Relevance(False, False, 0.0, ("prefilter: no Syria place with a ceasefire term",))


def relevance_of(title: str | None, text: str) -> Relevance:
    """The cheap prefilter, then the paragraph score for the articles that pass it."""
    if not prefilter(title, text):
        return FILTERED_OUT
    return score(title, text)


def analyze(title: str | None, text: str, quotes_everywhere: bool = False, relevance: Relevance | None = None,
            doc=None, outlet: str | None = None, date: str | None = None) -> Analysis:
    """Relevance for every article; statements, accusations and commitments for relevant ones.

    The parser runs only on relevant articles, unless quotes_everywhere asks for the statements
    of every article (the evaluation scores quotes in all articles). `relevance` and `doc` are
    relevance_of() and the parse when the caller has already made them (workers.analyze_batch).
    `outlet` is who published the article: an official body's own release speaks in its voice.
    `date` (publication date, ISO or m/d/yy) helps name the truce a sentence calls only "the truce".
    """
    relevance = relevance if relevance is not None else relevance_of(title, text)
    if outlet_voice(outlet) is None:  # a state agency's copy, wherever it is published: its unnamed sources are its state's
        outlet = dateline_agency(text) or outlet
    if not relevance.relevant:
        if not quotes_everywhere:
            return Analysis(relevance)
        statements, _ = extract_statements(doc if doc is not None else _parse(text))
        return Analysis(relevance, _verbatim(text, statements))  # (speakers spelled as written by extract_statements)
    doc = doc if doc is not None else _parse(text)
    statements, index = extract_statements(doc)
    agreement = article_agreement(text, date)
    if ACCUSATION_DECISION == "learned":
        accusations = learned_accusations(doc, statements, index, agreement, outlet, date=date)
    else:
        accusations = extract_accusations(doc, statements, index, agreement, outlet, date)
    commitments = extract_commitments(doc, agreement)
    return Analysis(relevance, _verbatim(text, statements), _verbatim(text, accusations, doc.text),
                    _verbatim(text, commitments))


def _verbatim(text: str, items, parsed: str | None = None) -> tuple:
    """Quotes and evidence as the article wrote them: the parser saw a prepared copy (dateline blanked,
    capitals eased, accents plain) of the same length, so the offsets index the body itself. With the parsed
    copy, an accusation's speaker is spelled as the article spells it too (statements' speakers already are)."""
    def fix(item):
        if hasattr(item, "quote"):
            return replace(item, quote=text[item.char_start:item.char_end])
        # the sentence as written, from its first word the parser saw (not a byline or dateline it saw blanked out)
        seen = (parsed if parsed is not None else text)[item.char_start:item.char_end]
        start = item.char_start + len(seen) - len(seen.lstrip())
        start += len(text[start:item.char_end]) - len(text[start:item.char_end].lstrip())
        evidence = text[start:item.char_end].rstrip()
        start = start if evidence else item.char_start
        if parsed is not None and getattr(item, "speaker", None):
            return replace(item, evidence=evidence, char_start=start,
                           speaker=as_written(item.speaker, parsed, text[:MAX_CHARS]))
        return replace(item, evidence=evidence, char_start=start)
    return tuple(fix(item) for item in items)
