"""Accusations decided by the learned model over the candidates (rules included as one generator).

candidates.py proposes (sentence, accuser, accused) triples, features.py describes them,
decision.py's logistic regression scores them; a pair whose best candidate reaches the model's
threshold becomes an accusation carrying the generators and features that fired.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.analyzer.accusations import extract_accusations, outlet_voice
from pipeline.analyzer.breaches import breach_type
from pipeline.analyzer.agreements import sentence_agreement
from pipeline.analyzer.candidates import Candidate, generate, lexicon
from pipeline.analyzer.decision import Model, load
from pipeline.analyzer.features import describe, pair_features
from pipeline.analyzer.gazetteer import gazetteer
from pipeline.models import Accusation, Statement
from pipeline.vocab import AccusationMode

COUNTED_MODES = frozenset({"claim", "counter"})  # as pipeline/evaluation.py counts them


def candidates_of(doc, statements: list[Statement], index, article_agreement: str | None,
                  outlet: str | None = None, date: str | None = None) -> tuple[list[Candidate], list[Accusation]]:
    """The described candidates of a parsed article and the rules' own accusations."""
    rules = extract_accusations(doc, statements, index, article_agreement, outlet, date)
    g = gazetteer()
    candidates = [c for c in generate(doc, statements, index, outlet_voice(outlet), rules, outlet)
                  if not (g.of_another_war(c.accuser) or g.of_another_war(c.accused))]
    sents = list(doc.sents)
    for candidate in candidates:
        candidate.features.update(describe(candidate, sents[candidate.sentence]))
    pair_features(candidates)
    return candidates, rules


def decide(candidates: list[Candidate], model: Model) -> dict[tuple[str, str], tuple[Candidate, float]]:
    """The best candidate of each pair and its probability, for the pairs that reach the threshold."""
    probabilities = model.probabilities([c.features for c in candidates]).tolist()
    best: dict[tuple[str, str], tuple[Candidate, float]] = {}
    for candidate, p in zip(candidates, probabilities):
        if candidate.pair not in best or p > best[candidate.pair][1]:
            best[candidate.pair] = (candidate, p)
    accepted = {pair: item for pair, item in best.items() if item[1] >= model.threshold}
    # The pair is accepted on its best evidence; a counted reading of the rules (claim, counter),
    # when there is one, says which sentence, mode and agreement.
    for candidate, _ in sorted(zip(candidates, probabilities), key=lambda item: -item[1]):
        if candidate.pair not in accepted or candidate.rule is None or candidate.rule.mode not in COUNTED_MODES:
            continue
        kept = accepted[candidate.pair][0].rule
        if kept is None or kept.mode not in COUNTED_MODES:
            accepted[candidate.pair] = (candidate, accepted[candidate.pair][1])
    return accepted


def learned_accusations(doc, statements: list[Statement], index, article_agreement: str | None,
                        outlet: str | None = None, model: Model | None = None,
                        date: str | None = None) -> list[Accusation]:
    """Accusations of a parsed article by the learned decision; the rules' uncounted readings
    (narrative, hypothetical, denial) of pairs it does not accept are kept as they were."""
    model = model or load()
    candidates, rules = candidates_of(doc, statements, index, article_agreement, outlet, date)
    if model is None:
        return rules
    accepted = decide(candidates, model)
    found = [_accusation(candidate, p, statements, article_agreement, doc, date) for candidate, p in accepted.values()]
    kept = [r for r in rules if r.mode not in COUNTED_MODES and _pair(r) not in accepted]
    return found + kept


def _pair(accusation: Accusation) -> tuple[str, str]:
    from pipeline.analyzer.gazetteer import gazetteer

    g = gazetteer()
    return g.rollup(accusation.accuser), g.rollup(accusation.accused)


def signals(candidate: Candidate, probability: float) -> dict:
    return {"decision": "learned", "probability": round(probability, 3),
            "generators": sorted(candidate.generators),
            "features": sorted(name for name, value in candidate.features.items()
                               if value and not name.startswith(("accuser=", "accused=")) and name != "bias")}


def agreement_of(candidate: Candidate, doc, statements: list[Statement], article_agreement: str | None,
                 date: str | None = None) -> str | None:
    """The agreement a candidate's sentence names (a sentence pointing back to one: the one named before), else its
    statement's quote, else the article's; the article's date resolves "last September's deal"."""
    text = doc.text[candidate.char_start:candidate.char_end]
    scope = statements[candidate.statement_index].quote if candidate.statement_index is not None else text
    return sentence_agreement(doc.text, candidate.char_start, candidate.char_end, scope, date, article_agreement)


def _accusation(candidate: Candidate, probability: float, statements: list[Statement], article_agreement: str | None,
                doc, date: str | None = None) -> Accusation:
    rule = candidate.rule
    if rule is not None:
        mode = rule.mode if rule.mode in COUNTED_MODES else AccusationMode.CLAIM
        return replace(rule, mode=mode, confidence=round(probability, 2), signals=signals(candidate, probability))
    text = doc.text[candidate.char_start:candidate.char_end]
    agreement = agreement_of(candidate, doc, statements, article_agreement, date)
    trigger = next((t.lemma_.lower() for t in doc.char_span(candidate.char_start, candidate.char_end,
                                                            alignment_mode="expand") or []
                    if t.pos_ in ("VERB", "NOUN") and t.lemma_.lower() in _TRIGGERS), "other")
    return Accusation(accuser=candidate.accuser, accused=candidate.accused, agreement=agreement,
                      breach_type=breach_type(text, trigger), evidence=text.strip(), char_start=candidate.char_start,
                      char_end=candidate.char_end, confidence=round(probability, 2), mode=AccusationMode.CLAIM,
                      speaker=candidate.speaker, statement_index=candidate.statement_index,
                      signals=signals(candidate, probability))


# Words whose lemma tells breaches.breach_type what a candidate without a rule reading alleges (config lists)
_TRIGGERS = frozenset(lexicon()["rules"]["violation_triggers"]) | frozenset(lexicon()["rules"]["unkept_triggers"]) \
    | frozenset("shell attack bomb target".split())
