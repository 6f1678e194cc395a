"""Named features of an accusation candidate: the rules' verdicts become votes, not the last word.

Every feature is a small named function in FEATURES taking a Context (the candidate, its sentence,
the article) and returning a number (mostly 0/1). Article-level features of the candidate's pair
are added by pair_features(). decision.py weighs them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pipeline.analyzer.agreements import agreement_in
from pipeline.analyzer.candidates import GENERATORS, Candidate, lexicon, words

# Parties whose role as accused or accuser carries a prior (the rest share one weight).
ROLES = ("russia", "turkey", "syria", "united_states", "armed_groups", "sdf", "iran", "un")
NEGATION = re.compile(r"\b(?:yet to|failed|failure|not)\b", re.I)
NO_VIOLATIONS = re.compile(r"\b(?:no|zero|without any)\s+(?:\w+\s+)?(?:violations?|breach(?:es)?|attacks?)", re.I)
TRUCE_WORD = re.compile(r"cease-?fire|truce|cessation of hostilities|de-?escalation|agreement|deal|accord|"
                        r"memorandum|protocol", re.I)
# "registered 604 breaches", "broken 15 times", "300 ceasefire violations": counted breaches are reported ones
BREACH_COUNT = re.compile(r"\b\d[\d,.]*\s+(?:\w+\s+){0,2}?(?:violations?|breach(?:es)?|times|attacks?|infractions?)\b", re.I)
BETWEEN = re.compile(r"\b(?:between|brokered by|sponsored by|guarantor|agreed by|signed by)\b")


@dataclass
class Context:
    candidate: Candidate
    sent: Any  # spaCy Span
    lemmas: frozenset[str]
    text: str


Feature = Callable[[Context], float]
FEATURES: dict[str, Feature] = {}


def feature(name: str):
    def register(func: Feature) -> Feature:
        FEATURES[name] = func
        return func
    return register


def _has(ctx: Context, vocabulary: frozenset[str]) -> float:
    return float(bool(ctx.lemmas & vocabulary))


for _name in ("breach_verbs", "attack_verbs", "comply_verbs", "delay_words", "keeping_nouns", "breach_nouns",
              "commitment_nouns", "accuse_verbs", "demand_verbs", "hypothetical_words", "denial_words", "exploit_words"):
    FEATURES[f"lex:{_name}"] = (lambda key: lambda ctx: _has(ctx, lexicon()[key]))(_name)


@feature("lex:negation")
def negation(ctx: Context) -> float:
    return float(any(t.dep_ == "neg" for t in ctx.sent) or bool(NEGATION.search(ctx.text)))


@feature("lex:no_violations")
def no_violations(ctx: Context) -> float:
    return float(bool(NO_VIOLATIONS.search(ctx.text)))


@feature("lex:breach_count")
def breach_count(ctx: Context) -> float:
    return float(bool(BREACH_COUNT.search(ctx.text)))


@feature("lex:mutual")
def reciprocal(ctx: Context) -> float:
    return float(bool(lexicon()["reciprocal_re"].search(ctx.text)))


@feature("lex:everyone")
def everyone(ctx: Context) -> float:
    return float(bool(lexicon()["everyone_re"].search(ctx.text)))


@feature("lex:other_norms")
def other_norms(ctx: Context) -> float:
    return float(bool(lexicon()["other_norms_re"].search(ctx.text)))


@feature("lex:agreement_named")
def agreement_named(ctx: Context) -> float:
    return float(agreement_in(ctx.text) is not None)


@feature("lex:truce_word")
def truce_word(ctx: Context) -> float:
    return float(bool(TRUCE_WORD.search(ctx.text)))


@feature("lex:question")
def question(ctx: Context) -> float:
    return float("?" in ctx.text)


@feature("lex:long_sentence")
def long_sentence(ctx: Context) -> float:
    return min(len(ctx.sent) / 60.0, 2.0)


@feature("ctx:in_quote")
def in_quote(ctx: Context) -> float:
    view = ctx.candidate.view
    return float(bool(view and view.in_quote))


@feature("ctx:n_parties")
def n_parties(ctx: Context) -> float:
    view = ctx.candidate.view
    return float(len({p.canonical for p in view.parties})) / 3.0 if view else 0.0


def _accused_token(ctx: Context):
    """The accused's token, or for a later conjunct ("Turkey and Qatar") the first one, which holds the role."""
    token = ctx.candidate.accused_token
    while token is not None and token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


@feature("syn:accused_subject")
def accused_subject(ctx: Context) -> float:
    token = _accused_token(ctx)
    return float(token is not None and token.dep_ in ("nsubj", "nsubjpass"))


@feature("syn:accused_subject_of_breach")
def accused_subject_of_breach(ctx: Context) -> float:
    token = _accused_token(ctx)
    if token is None or token.dep_ not in ("nsubj",):
        return 0.0
    verb = token.head
    verbs = {verb.lemma_.lower(), *(c.lemma_.lower() for c in verb.children if c.dep_ in ("xcomp", "conj"))}
    return float(bool(verbs & words("breach_verbs", "attack_verbs", "delay_words")))


@feature("syn:accused_subject_of_cue")
def accused_subject_of_cue(ctx: Context) -> float:
    token = _accused_token(ctx)
    lex = lexicon()
    return float(token is not None and token.dep_ in ("nsubj", "nsubjpass")
                 and token.head.lemma_.lower() in lex["reporting_verbs"])


@feature("syn:accused_object")
def accused_object(ctx: Context) -> float:
    token = _accused_token(ctx)
    return float(token is not None and token.dep_ in ("dobj", "dative"))


@feature("syn:accused_object_of_accuse")
def accused_object_of_accuse(ctx: Context) -> float:
    token = _accused_token(ctx)
    return float(token is not None and token.dep_ in ("dobj",) and token.head.lemma_.lower() in lexicon()["accuse_verbs"])


@feature("syn:accused_owner")
def accused_owner(ctx: Context) -> float:
    """A possessive or "by X" / "of X" of a breach or keeping noun."""
    token = _accused_token(ctx)
    if token is None:
        return 0.0
    nouns = words("breach_nouns", "keeping_nouns", "commitment_nouns")
    head = token.head
    if token.dep_ == "poss" and head.lemma_.lower() in nouns:
        return 1.0
    if token.dep_ in ("pobj", "agent") and head.lower_ in ("by", "of", "from") and head.head.lemma_.lower() in nouns:
        return 1.0
    return float(token.dep_ in ("amod", "compound") and head.lemma_.lower() in nouns)


@feature("syn:accused_agent")
def accused_agent(ctx: Context) -> float:
    token = _accused_token(ctx)
    return float(token is not None and token.dep_ == "pobj" and token.head.lower_ == "by")


@feature("syn:accused_after_of_for")
def accused_after_of_for(ctx: Context) -> float:
    token = _accused_token(ctx)
    return float(token is not None and token.dep_ == "pobj" and token.head.lower_ in ("against", "with", "on"))


@feature("syn:accused_in_place_phrase")
def accused_in_place_phrase(ctx: Context) -> float:
    token = _accused_token(ctx)
    return float(token is not None and token.dep_ == "pobj" and token.head.lower_ in ("in", "into", "across", "inside", "near", "from", "to"))


@feature("syn:accused_between")
def accused_between(ctx: Context) -> float:
    """A party to the deal ("the truce agreed between Moscow and Ankara"), not its breaker."""
    token = _accused_token(ctx)
    if token is None:
        return 0.0
    window = token.doc[max(token.sent.start, token.i - 4): token.i].text.lower()
    return float(bool(BETWEEN.search(window)))


@feature("syn:breach_near_accused")
def breach_near_accused(ctx: Context) -> float:
    token = _accused_token(ctx)
    if token is None:
        return 0.0
    breach = words("breach_verbs", "attack_verbs", "breach_nouns", "delay_words")
    near = token.doc[max(ctx.sent.start, token.i - 6): min(ctx.sent.end, token.i + 7)]
    return float(any(t.lemma_.lower() in breach for t in near))


@feature("acc:person_speaker")
def person_speaker(ctx: Context) -> float:
    return float(bool(ctx.candidate.speaker) and " " in (ctx.candidate.speaker or ""))


@feature("acc:named_in_sentence")
def accuser_named(ctx: Context) -> float:
    view = ctx.candidate.view
    if view is None:
        return 0.0
    g_acc = ctx.candidate.pair[0]
    return float(any(p.canonical == g_acc for p in view.parties))


def _rule_features(candidate: Candidate) -> dict[str, float]:
    out = {"rule:fired": float(candidate.rule is not None)}
    if candidate.rule is not None:
        out[f"rule:mode={candidate.rule.mode}"] = 1.0
        out["rule:confidence"] = candidate.rule.confidence
        out[f"rule:breach={candidate.rule.breach_type}"] = 1.0
    return out


def describe(candidate: Candidate, sent) -> dict[str, float]:
    """Every feature of one candidate (zeros left out)."""
    ctx = Context(candidate, sent, frozenset(t.lemma_.lower() for t in sent), sent.text)
    out: dict[str, float] = {}
    for name, func in FEATURES.items():
        value = func(ctx)
        if value:
            out[name] = float(value)
    for name in candidate.generators:
        out[f"gen:{name}"] = 1.0
    for source in candidate.sources:
        out[f"src:{source}"] = 1.0
    out.update(_rule_features(candidate))
    accuser, accused = candidate.pair
    out[f"accuser={accuser if accuser in ROLES else 'other'}"] = 1.0
    out[f"accused={accused if accused in ROLES else 'other'}"] = 1.0
    out["bias"] = 1.0
    return out


def pair_features(candidates: list[Candidate]) -> None:
    """Article-level evidence for each pair, added to every candidate of that pair."""
    by_pair: dict[tuple[str, str], list[Candidate]] = {}
    for c in candidates:
        by_pair.setdefault(c.pair, []).append(c)
    for pair, group in by_pair.items():
        rule_claim = any(_rule_claim(c) or _coordinated_with_rule_claim(c, candidates) for c in group)
        sentences = len({c.sentence for c in group})
        reverse = by_pair.get((pair[1], pair[0]), [])
        for c in group:
            c.features["pair:rule_claim"] = float(rule_claim)
            c.features["pair:sentences"] = math.log1p(sentences)
            c.features["pair:reverse"] = float(bool(reverse))
            c.features["pair:generators"] = len({g for x in group for g in x.generators}) / len(GENERATORS)


def _rule_claim(candidate: Candidate) -> bool:
    return candidate.rule is not None and candidate.rule.mode in ("claim", "counter")


def _coordinated_with_rule_claim(candidate: Candidate, candidates: list[Candidate]) -> bool:
    """ "Damascus and Moscow said the militants breached the deal": the rules read it for Damascus only,
    but the accusers are coordinated subjects, so the reading holds for Moscow too."""
    for other in candidates:
        if (other is candidate or other.sentence != candidate.sentence or not _rule_claim(other)
                or other.pair[1] != candidate.pair[1]):
            continue
        if any(a in b.conjuncts for a in candidate.accuser_tokens for b in other.accuser_tokens):
            return True
    return False

