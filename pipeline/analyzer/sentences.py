"""The sentence a token is in, found by bisection on a per-doc index (spaCy's token.sent walks the doc)."""

from __future__ import annotations

import bisect

_KEY = "sentence_starts"


def text_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the plain-text sentence (or line) around [start, end): from the last ". " or newline before
    it to the next one after it."""
    first = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    ends = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return first, min(ends, default=len(text))


def sentence_of(token):
    """The sentence Span holding a token (or the first token of a span), as token.sent, without rescanning."""
    doc = token.doc
    spans = doc.user_data.get(_KEY)
    if spans is None:
        sents = list(doc.sents)
        spans = ([s.start for s in sents], sents)
        doc.user_data[_KEY] = spans
    starts, sents = spans
    index = bisect.bisect_right(starts, token.i) - 1
    return sents[max(index, 0)]


def in_main_clause(token) -> bool:
    """Whether a token's clause is its sentence's main clause (its verb the root, or joined to it by "and"): a
    subject there is what the sentence is about, not one of a subordinate, relative or reported clause."""
    verb = token.head
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head
    if verb.dep_ == "ROOT":
        return True
    # "Heusgen of Germany, noting that…, said", '"…" said Idris Nahsen a Kurdish official also known as…': the
    # parser hangs the sentence's subject on a clause of a main verb it leaves without one
    main = verb.head
    return main.dep_ == "ROOT" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in main.children)
