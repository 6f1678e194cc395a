"""Commitments: what a party pledges, is bound to, agreed or vows under an agreement."""

from __future__ import annotations

import re

from pipeline.analyzer.agreements import agreement_in
from pipeline.analyzer.gazetteer import gazetteer
from pipeline.models import Commitment
from pipeline.vocab import CommitmentKind

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
    """One commitment per pledging verb and party, whose clause (after the verb) names a ceasefire term."""
    found = []
    g = gazetteer()
    for sent in doc.sents:
        for token in sent:
            kind = KINDS.get(token.lemma_.lower())
            if kind is None or token.pos_ not in ("VERB", "AUX"):
                continue
            if token.lemma_.lower() == "reach" and not re.search(r"agreement|deal|accord", sent.text, re.I):
                continue
            # What follows the verb is what was promised; "Under the Sochi memorandum, …" before it is the frame.
            parts = [c for c in token.children if c.i > token.i and c.dep_ in ("xcomp", "ccomp", "dobj", "prep", "advcl")]
            if not parts:
                continue
            start = min(t.left_edge.i for t in parts)
            end = max(t.right_edge.i for t in parts) + 1
            clause = doc[start:end].text.strip(" ,;")
            if not clause or not CLAUSE_WORDS.search(clause):
                continue
            parties: list[str | None] = list(_parties(token, g)) or [None]  # no party named: the commitment still counts
            for actor in parties:
                found.append(Commitment(actor=actor, agreement=agreement_in(sent.text) or article_agreement,
                                        clause=clause[:300], kind=CommitmentKind(kind), evidence=sent.text.strip(),
                                        char_start=sent.start_char, char_end=sent.end_char))
    return found


def _parties(verb, g) -> list[str]:
    """The actors who pledge: the subject and its conjuncts ("Turkey and Russia agreed…")."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and verb.dep_ in ("xcomp", "conj"):
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return []
    actors = []
    for token in (subject, *subject.conjuncts):
        # Only the token's own words, not its conjuncts': "Turkey and Russia" names two parties.
        words = [t for t in token.subtree if t.i <= token.i or t.dep_ not in ("cc", "conj")]
        actor = g.resolve(" ".join(t.text for t in words)[:200])
        if actor and actor not in actors:
            actors.append(actor)
    return actors
