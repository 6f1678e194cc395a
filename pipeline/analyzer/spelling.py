"""The text the parser reads, eased of what its English model stumbles on (names in capitals, accented letters) with
every offset kept, and names given back as the article spells them."""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.analyzer.gazetteer import fold


def eased(text: str) -> str:
    """Accented letters plain and names in capitals title-cased, character for character (same length)."""
    return CAPS_NAME.sub(_titlecase, _plain_letters(text))


def as_written(name: str | None, prepared: str, written: str) -> str | None:
    """A name read off the eased text as the article spells it ("Sinirlioğlu", "Nicolas De Rivière"), where the
    name is a span of the text; else as it is."""
    if not name or prepared == written:
        return name
    at = prepared.find(name)
    return CAPS_NAME.sub(_titlecase, written[at:at + len(name)]) if at >= 0 else name


# "KELLY CRAFT (United States) said": UN meeting coverage writes speakers' names in capitals,
# which the tagger does not read as names. Two or more capitalised words, one of five letters or more.
CAPS_NAME = re.compile(r"\b[A-Z\u00c0-\u024f]{2,}(?:[ '\-][A-Z\u00c0-\u024f]{2,})+\b")


def _titlecase(match: re.Match[str]) -> str:
    words = match.group(0)
    if not any(len(w) >= 5 for w in re.split(r"[ '\-]", words)):
        return words  # "UN SDF", "US EU": acronyms, left alone
    # Character by character, so that the length (and every offset) stays the same: "İ".lower() is two
    # characters ("i" and a combining dot), and the parser is given the "i" alone.
    out, start = [], True
    for char in words:
        lower = char.lower()
        out.append(char if start else lower[0])
        start = not char.isalpha()
    return "".join(out)


def _plain_letters(text: str) -> str:
    """Each accented letter as its plain one, character for character: the tagger, trained on English, misses
    "Feridun Sinirlioğlu" as a name and finds "Feridun Sinirlioglu" (Turkish, Kurdish and French names in wire copy)."""
    if text.isascii():
        return text
    return text.translate(_plain_table(frozenset(c for c in text if not c.isascii())))


@lru_cache(maxsize=256)
def _plain_table(chars: frozenset[str]) -> dict[int, str]:
    table = {}
    for char in chars:
        plain = fold(char)
        if char.isalpha() and len(plain) == 1 and plain.isascii() and plain.isalpha():
            table[ord(char)] = plain
    return table


