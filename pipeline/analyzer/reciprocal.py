"""Reciprocal accusations: "Damascus and the rebels traded accusations of violating the truce" is two claims."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.analyzer.agreements import agreement_in
from pipeline.analyzer.breaches import breach_type
from pipeline.analyzer.candidates import lexicon
from pipeline.analyzer.gazetteer import gazetteer
from pipeline.analyzer.modes import speaks_apart
from pipeline.analyzer.referents import resolve_actor
from pipeline.models import Accusation
from pipeline.vocab import AccusationMode

# What the parties exchange must be a charge about the truce, not any quarrel.
# (in the clause where they trade it, not in a clause joined beside it with its own speaker: "…, while Western envoys
# accused Moscow of shredding the agreement")
CHARGE_WORDS = frozenset("violate violation breach accuse accusation blame implementation commitment obligation "
                         "ceasefire truce deal agreement attack shelling".split())
CONFIDENCE = 0.7


def coordinated_subjects(sent) -> Iterator[list]:
    """Subjects with their conjuncts ("Turkey and the SDF", "Both the government and rebels"), two or more; or the
    modifiers joined on one subject ("Russian and Turkish officials traded blame")."""
    for token in sent:
        if token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if token.conjuncts:
            yield [token, *token.conjuncts]
        for modifier in token.children:
            if modifier.dep_ in ("amod", "compound", "nmod") and modifier.i < token.i and modifier.conjuncts:
                yield [modifier, *modifier.conjuncts]


def _traded_charge(verb) -> bool:
    """The clause of the trading verb speaks of the truce, leaving out a clause joined beside it with its own speaker."""
    apart = {t.i for c in verb.children if speaks_apart(c) for t in c.subtree}
    return any(t.lemma_.lower() in CHARGE_WORDS for t in verb.subtree if t.i not in apart)


def reciprocal_accusations(doc, article_agreement: str | None) -> list[Accusation]:
    """Each coordinated subject accusing the others, where the sentence has them accuse each other."""
    g = gazetteer()
    reciprocal = lexicon()["reciprocal_re"]
    found = []
    for sent in doc.sents:
        if not reciprocal.search(sent.text) or not {t.lemma_.lower() for t in sent} & CHARGE_WORDS:
            continue
        for group in coordinated_subjects(sent):
            if not _traded_charge(group[0].head if group[0].dep_ in ("nsubj", "nsubjpass") else group[0].head.head):
                continue
            actors: dict[str, str] = {}
            for token in group:
                actor = resolve_actor(token, set())
                if g.is_party(actor):
                    actors.setdefault(g.rollup(actor), actor)
            if not 2 <= len(actors) <= 3:
                continue
            agreement = agreement_in(sent.text) or article_agreement
            for accuser in actors.values():
                for accused in actors.values():
                    if accuser != accused:
                        found.append(Accusation(
                            accuser=accuser, accused=accused, agreement=agreement,
                            breach_type=breach_type(sent.text, "violate"), evidence=sent.text.strip(),
                            char_start=sent.start_char, char_end=sent.end_char, confidence=CONFIDENCE,
                            mode=AccusationMode.CLAIM))
    return found
