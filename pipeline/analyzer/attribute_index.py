"""The base model's attribute_ruler, matched through an index: the same matches, a fifth of the time.

spaCy's Matcher tests every token against each of the ruler's ~180 patterns, several of them with
Python-level predicates (IN, NOT_IN, REGEX): ~5.5 ms of the ~35 ms a relevant article's parse
takes. Here every pattern is filed under the values its first token must have (a TAG, a LOWER, a
DEP or an IS_SPACE), so a token is checked only against the patterns that can start at it. The
ruler's own set_annotations then applies the matches, in its own order (later rules win).
Patterns using anything else make `install` leave the ruler as it is.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_MISSING = ""  # how spaCy's Matcher sees an unset TAG or DEP with allow_missing


class Unsupported(ValueError):
    """A pattern this index does not know how to match."""


def _test(key: str, spec: object) -> Callable[[tuple], bool]:
    position = ATTRS.index(key)
    if not isinstance(spec, dict):
        return lambda token: token[position] == spec
    if len(spec) != 1:
        raise Unsupported(f"{key}: {spec}")
    (operator, value), = spec.items()
    if operator == "IN":
        allowed = frozenset(value)
        return lambda token: token[position] in allowed
    if operator == "NOT_IN":
        refused = frozenset(value)
        return lambda token: token[position] not in refused
    if operator == "REGEX":
        search = re.compile(value).search
        return lambda token: bool(search(token[position]))
    raise Unsupported(f"{key}: {spec}")


def _token_test(spec: dict) -> Callable[[tuple], bool]:
    unknown = set(spec) - set(ATTRS)
    if unknown:
        raise Unsupported(f"attributes {sorted(unknown)}")
    tests = [_test(key, value) for key, value in spec.items()]
    return lambda token: all(test(token) for test in tests)


def _anchors(spec: dict) -> tuple[str, list[object]] | None:
    """(attribute, values) such that the token must have one of the values; None when no such attribute."""
    for key in ("LOWER", "DEP", "TAG", "IS_SPACE"):  # the most selective first
        value = spec.get(key)
        if value is None:
            continue
        if not isinstance(value, dict):
            return key, [value]
        if set(value) == {"IN"}:
            return key, list(value["IN"])
    return None


class AttributeIndex:
    """Matches an AttributeRuler's patterns as its Matcher does: (rule id, match key, start, end), sorted."""

    def __init__(self, ruler) -> None:
        self._ruler = ruler
        self._index: dict[tuple[int, object], list] = defaultdict(list)
        self._unanchored: list = []
        for rule_id, entry in enumerate(ruler.patterns):
            match_key = ruler.vocab.strings[str(rule_id)]
            for pattern in entry["patterns"]:
                candidate = (rule_id, match_key, [_token_test(spec) for spec in pattern])
                anchors = _anchors(pattern[0])
                if anchors is None:
                    self._unanchored.append(candidate)
                else:
                    key, values = anchors
                    for value in values:
                        self._index[(ATTRS.index(key), value)].append(candidate)

    def match(self, doc) -> list[tuple[int, int, int, int]]:
        tokens = [(t.tag_ or _MISSING, t.lower_, t.dep_ or _MISSING, t.is_space) for t in doc]
        found = set()
        index, unanchored = self._index, self._unanchored
        for start, token in enumerate(tokens):
            candidates = [*unanchored]
            for position, value in enumerate(token):
                candidates += index.get((position, value), ())
            for rule_id, match_key, tests in candidates:
                end = start + len(tests)
                if end <= len(tokens) and all(test(tokens[start + k]) for k, test in enumerate(tests)):
                    found.add((rule_id, match_key, start, end))
        return sorted(found)


def install(nlp) -> bool:
    """Give the pipeline's attribute_ruler the indexed matcher; False (ruler unchanged) if its patterns need more."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        index = AttributeIndex(ruler)
    except Unsupported:
        return False
    ruler.match = index.match  # the ruler's __call__ uses self.match, then its own set_annotations
    return True
