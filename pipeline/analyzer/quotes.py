"""Find quoted passages in a body: curly or straight quotes, split quotes, quotes running over paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.analyzer.names import attribution_config
from pipeline.analyzer.sentences import text_sentence

LONG_QUOTE = 6  # words: this long, quoted text is a quote wherever it stands
SHORT_QUOTE = 2  # words: shorter quoted text ("stop") is a scare quote


@dataclass(frozen=True)
class QuoteSpan:
    """Character span of a quote's content (marks excluded) and the paragraphs it covers."""

    start: int
    end: int
    first_paragraph: int
    last_paragraph: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph; paragraphs are separated by blank lines."""
    spans, position = [], 0
    for block in re.split(r"(\n\s*\n)", text):
        if block.strip() and not re.fullmatch(r"\n\s*\n", block):
            lead = len(block) - len(block.lstrip())
            spans.append((position + lead, position + len(block.rstrip())))
        position += len(block)
    return spans


def _is_open(text: str, i: int) -> bool:
    char = text[i]
    if char in "\u201c\u201e\u00ab":
        return True
    return char == '"' and (i == 0 or not text[i - 1].isalnum()) and i + 1 < len(text) and not text[i + 1].isspace()


def _is_close(text: str, i: int) -> bool:
    char = text[i]
    if char in "\u201d\u00bb":
        return True
    return char == '"' and (i + 1 >= len(text) or not text[i + 1].isalnum())


def _is_single_open(text: str, i: int) -> bool:
    """A curly single mark that opens a quote (‘We will respond,’ he said). Straight ones are left alone: in copy
    they are apostrophes, the marks of titles and of nested quotes far more often than quotes."""
    if text[i] != "\u2018":
        return False
    return (i == 0 or text[i - 1].isspace() or text[i - 1] in "(\u2014\u2013") and i + 1 < len(text) \
        and text[i + 1].isalpha()


def _is_single_close(text: str, i: int) -> bool:
    """A curly single mark that closes a quote: after the quote's own punctuation (…,’ he said) or before a
    sentence's (…’, adding), never inside a word, nor a plural's possessive ("the rebels’ positions")."""
    if text[i] != "\u2019" or i == 0 or text[i - 1].isspace():
        return False
    after = text[i + 1: i + 2]
    if after.isalnum():
        return False
    return text[i - 1] in ",.!?\u2026" or after == "\n" or after in ",.;:!?)"  # ("" too: the text's end)


def find_quotes(text: str, every: bool = False) -> list[QuoteSpan]:
    """Quote spans in reading order; an unclosed quote continues into a next paragraph that opens with a quote.
    Only those that are someone's words, unless `every` asks for titles and terms in quotation marks too. Single
    quotation marks (British style) make a quote within one paragraph; inside double ones they are nested, not a
    quote of their own."""
    found: list[QuoteSpan] = []
    carry: tuple[int, int] | None = None  # (start, first paragraph) of a quote running over paragraphs
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        opened: int | None = None
        single: int | None = None  # where a quote in single marks opened
        not_openers: set[int] = set()  # single marks that closed nothing in the paragraph ("the town of 'Ain Issa")
        i = p_start
        if carry and not _is_open(text, p_start):
            found.append(_trim(text, carry[0], _previous_end(text, p_start), carry[1], index - 1))
            carry = None
        while i < p_end:
            if single is not None:
                if _is_open(text, i):  # a double quote opens first: the single mark was an apostrophe
                    not_openers.add(single - 1)
                    i, single = single, None
                    continue
                if _is_single_close(text, i):
                    # a headline in single marks ('To Fact Check Trump ‘Reeks of Fear.’') is no quote
                    if not written_as_name(text[single:i]):
                        found.append(_trim(text, single, i, index, index))
                    single = None
            elif opened is None and _is_open(text, i):
                opened = i + 1
                if carry and i == p_start:
                    opened = None  # the continuation mark of a running quote
                    i += 1
                    continue
            elif opened is not None and _is_close(text, i):
                found.append(_trim(text, opened, i, index, index))
                opened = None
            elif opened is None and carry and _is_close(text, i):
                found.append(_trim(text, carry[0], i, carry[1], index))
                carry = None
            elif opened is None and carry is None and i not in not_openers and _is_single_open(text, i):
                single = i + 1
            i += 1
            if i >= p_end and single is not None:  # no close in the paragraph: an apostrophe, read on past it
                not_openers.add(single - 1)
                i, single = single, None
        if opened is not None:
            if carry:
                found.append(_trim(text, carry[0], _previous_end(text, p_start), carry[1], index - 1))
            carry = (opened, index)
    if carry:
        found.append(_trim(text, carry[0], len(text.rstrip()), carry[1], len(paragraphs(text)) - 1))
    return found if every else someones_words(text, found)


def someones_words(text: str, spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Of the spans in quotation marks, those that are someone's words (not titles, terms or scare quotes)."""
    return [q for q in spans if _is_statement(text, q)]


CLAUSE_WORDS = re.compile(r"\b(?:not|never|no|will|would|shall|must|should|can|cannot|could|is|are|was|were|has|have|had|"
                          r"do|does|did|seems?|we|our|us|I|my)\b", re.IGNORECASE)


def _is_statement(text: str, quote: QuoteSpan) -> bool:
    # Between 2 and 6 words it is a statement only when it stands like one: it closes on
    # punctuation ("…,” she said) or opens a sentence; mid-sentence it is a scare quote.
    words = len(text[quote.start:quote.end].split())
    if words >= LONG_QUOTE:
        return True
    if words < SHORT_QUOTE or _subhead(text, quote):
        return False
    after = text[quote.end:quote.end + 2]
    before = text[:max(quote.start - 1, 0)].rstrip()
    if re.match(r"[,.?!]", after) or not before or before[-1] in ".:!?\n":
        return True
    # Mid-sentence, words that make a clause are someone's words ('said Ankara had "not implemented a
    # single clause" of the protocol'); a bare name or phrase is a scare quote ('the so-called "safe zone"').
    return words >= 3 and (bool(CLAUSE_WORDS.search(text[quote.start:quote.end])) or _attributed_fragment(text, quote))


def _subhead(text: str, quote: QuoteSpan) -> bool:
    """A short quoted phrase standing as its own paragraph, every word capitalised: a wire's subhead ('"FAILING
    PROJECT"', '"BLOOD AND BODIES"', which the parser's copy has as "Failing Project")."""
    # a few characters either side: the marks and the paragraph break (not a copy of the text per quote)
    before = text[max(quote.start - 4, 0):quote.start].rstrip("\"\u201c\u2018' ")
    after = text[quote.end:quote.end + 4].lstrip("\"\u201d\u2019'., ")
    opens = before.endswith("\n") or (not before and quote.start <= 4)
    closes = after.startswith("\n") or (not after and quote.end + 4 >= len(text))
    alone = opens and closes
    return alone and written_as_name(text[quote.start:quote.end])


# A speaker's words quoted in part ('described the strikes as "a crime against humanity"', 'warned of "a
# dangerous escalation by the hostile states"') are quotes (GUIDELINES.md: attributed fragments of three
# words or more); a phrase named or set off as a term ('the so-called "regime of calm"') is not.
# The reporting verbs as written; the verbs of config/attribution.yaml quote_cues ("called", "branded",
# "promising") join them in _speech_in_sentence() in every form.
SPEECH_IN_SENTENCE = (r"say|said|says|saying|tell|told|tells|telling|describe|described|describes|describing|warn|warned|"
                      r"warns|warning|urge|urged|urges|urging|add|added|adds|adding|stress|stressed|stressing|note|noted|"
                      r"noting|accuse|accused|accuses|accusing|condemn|condemned|condemning|insist|insisted|insisting|"
                      r"declare|declared|declaring|according to|spoke of|speaking of")
NAMED_TERM = re.compile(r"(?:so-called|dubbed|known as)\s*[\"\u201c\u2018']?\s*$", re.IGNORECASE)
# After a determiner a quoted phrase is a speaker's words ('described the raids as a "violation of all humanitarian
# laws"', 'said the meeting was a "moment of truth"') unless it is written as a name ('the "Army of Conquest"').
DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|its|their|this|that|these|those)\s*[\"\u201c\u2018']?\s*$", re.IGNORECASE)


# Names of arrangements quoted as terms are formulas, not anyone's words ("the "cessation of hostilities"").
FORMULA = re.compile(r"^(?:the\s+|a\s+)?(?:cessation of hostilities|regime of (?:calm|silence)|(?:humanitarian |daily )?pauses?|"
                     r"de-?escalation zones?|safe zones?|no-fly zones?|cease-?fire|truce|demilitari[sz]ed zones?|"
                     r"(?:terrorist|security) threats?)[.,]?$", re.IGNORECASE)


def _attributed_fragment(text: str, quote: QuoteSpan) -> bool:
    """A mid-sentence fragment in a sentence that reports speech, not introduced as a term."""
    if FORMULA.match(text[quote.start:quote.end].strip()):
        return False
    start, end = text_sentence(text, quote.start, quote.end)
    outside = text[start:quote.start] + " " + text[quote.end:end]
    before, quoted = text[start:quote.start], text[quote.start:quote.end]
    return bool(_speech_in_sentence().search(outside)) and not NAMED_TERM.search(before) \
        and not (DETERMINER_BEFORE.search(before) and written_as_name(quoted)) and not _programme(before, quoted)


def written_as_name(quoted: str) -> bool:
    """Every word capitalised but the small ones and Arabic articles: 'the "Army of Conquest"', 'the "Hayat Tahrir
    al-Sham"', not 'a "moment of truth"'."""
    words = [re.sub(r"^(?:al|el|ad|as|ash|at|an|ar|az)-", "", w) for w in re.findall(r"[\w'\u2019-]+", quoted)]
    return bool(words) and all(w[:1].isupper() or w.lower() in MINOR_WORDS for w in words)


POSSESSIVE_END = re.compile(r"\w['\u2019]s\s*[\"\u201c\u2018']?\s*$")
MINOR_WORDS = frozenset("a an and at by for in of on or the to with".split())


def _programme(before: str, quoted: str) -> bool:
    """A title after a possessive: MSNBC's "Andrea Mitchell Reports," CNN's "State of the Union" (every word
    capitalised but the small ones), not Turkey's "repeated acts of aggression"."""
    return bool(POSSESSIVE_END.search(before)) and written_as_name(quoted)


@lru_cache(maxsize=1)
def _speech_in_sentence() -> re.Pattern[str]:
    """SPEECH_IN_SENTENCE, or any form of a verb of config/attribution.yaml quote_cues ("branded", "promising",
    "testified", "labelled")."""
    stems = sorted({re.sub(r"[ey]$", "", verb) for verb in attribution_config().get("quote_cues", ())}, key=len, reverse=True)
    cue_forms = r"(?:" + "|".join(map(re.escape, stems)) + r")(?:\w?(?:ed|ing)|e|es|s|d|y|ied|ies)?"
    return re.compile(rf"\b(?:{SPEECH_IN_SENTENCE}|{cue_forms})\b", re.IGNORECASE)


def _previous_end(text: str, paragraph_start: int) -> int:
    return len(text[:paragraph_start].rstrip())


def _trim(text: str, start: int, end: int, first: int, last: int) -> QuoteSpan:
    while end > start and text[end - 1] in " \n":
        end -= 1
    while start < end and text[start] in " \n":
        start += 1
    return QuoteSpan(start, end, first, last)
