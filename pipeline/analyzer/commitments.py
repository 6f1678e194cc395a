"""Commitments: what a party pledges, is bound to, agreed or vows under an agreement."""

from __future__ import annotations

import re

from pipeline.analyzer.agreements import agreement_in
from pipeline.analyzer.gazetteer import gazetteer
from pipeline.models import Commitment

KINDS = {
    "vow": "vow", "swear": "vow",
    "pledge": "pledge", "promise": "pledge", "commit": "pledge", "undertake": "pledge", "guarantee": "pledge",
    "agree": "agreed", "sign": "agreed", "reach": "agreed",
    "oblige": "obligation", "obligate": "obligation", "require": "obligation", "bind": "obligation",
}
CLAUSE_WORDS = re.compile(
    r"patrols?|withdraw\w*|separat\w*|observation posts?|cease-?fire|truce|heavy weapons|demilitari[sz]ed|corridor|"
    r"liberat\w*|retake|evacuat\w*|de-?escalation|safe zone|pull (?:back|out)|remove|reopen\w*|M4|M5", re.IGNORECASE)


def extract_commitments(doc, article_agreement: str | None) -> list[Commitment]:
    """One commitment per pledging verb whose clause names a ceasefire term."""
    found = []
    g = gazetteer()
    for sent in doc.sents:
        for token in sent:
            kind = KINDS.get(token.lemma_.lower())
            if kind is None or token.pos_ not in ("VERB", "AUX"):
                continue
            if token.lemma_.lower() == "reach" and not re.search(r"agreement|deal|accord", sent.text, re.I):
                continue
            clause_tokens = [t for c in token.children if c.dep_ in ("xcomp", "ccomp", "dobj", "prep", "advcl")
                             for t in c.subtree]
            clause = " ".join(t.text for t in clause_tokens).strip()
            if not clause or not CLAUSE_WORDS.search(clause):
                continue
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            actor = None
            if subjects:
                s = subjects[0]
                actor = g.resolve(doc[s.left_edge.i: s.right_edge.i + 1].text[:200])
            found.append(Commitment(actor=actor, agreement=agreement_in(sent.text) or article_agreement,
                                    clause=re.sub(r"\s+([,.;:])", r"\1", clause)[:300], kind=kind,
                                    evidence=sent.text.strip(), char_start=sent.start_char, char_end=sent.end_char))
    return found
