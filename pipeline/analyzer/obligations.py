"""Charges of commitments not kept that carry no breach verb: rule readings for frames of real reporting.

- a keeping that is late: "the implementation by Ankara of its commitments is being delayed";
- a demand framed as non-fulfilment: "we expect our Turkish partners to carry out the obligations they took on";
- a pledge not kept: "Turkey pledged to clear the M4 of militants, but they are still there";
- an act the deal called for, not done: "the terrorists have not left the area as required by the agreements".

Each reader is a small named function over a trigger token; extract_accusations() resolves who speaks
exactly as for its other readings. Word lists: config/accusation_lexicon.yaml, section `obligations`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pipeline.analyzer.candidates import lexicon
from pipeline.analyzer.modes import negated
from pipeline.analyzer.referents import owner_of, subject_of


@dataclass(frozen=True)
class Reading:
    """Who is charged (the token naming them), the trigger lemma for the breach type, and who charges, if named."""

    accused: object
    trigger: str
    accuser: object | None = None


Reader = Callable[[object], "Reading | None"]
READERS: list[tuple[str, Reader]] = []


def reader(name: str):
    """Register a frame reader under a name."""
    def register(fn: Reader) -> Reader:
        READERS.append((name, fn))
        return fn
    return register


def words() -> dict[str, frozenset[str]]:
    """The `obligations` word lists of config/accusation_lexicon.yaml."""
    return lexicon()["obligations"]


def obligation_reading(token) -> Reading | None:
    """The first frame that reads the token as a charge of a commitment not kept."""
    for _, read in READERS:
        found = read(token)
        if found is not None:
            return found
    return None


def _lemma(token) -> str:
    return token.lemma_.lower()


def _keeping(noun) -> bool:
    """A nominalised keeping of a commitment: "implementation", "fulfilment", "compliance"."""
    return noun.pos_ in ("NOUN", "PROPN") and _lemma(noun) in words()["keeping_nouns"]


def _debts(verb) -> list:
    """The verb's objects that are owed: obligations, commitments, promises (also after "by", "with", "up to")."""
    found = []
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            found.append(child)
        elif child.dep_ in ("prep", "prt"):
            for inner in child.children:
                found += [inner] if inner.dep_ == "pobj" else [o for o in inner.children if o.dep_ == "pobj"]
    return [o for o in found if _lemma(o) in words()["debt_nouns"]]


def _as_unkept(verb, debts: list) -> bool:
    """A demand framed as non-fulfilment: what was taken on ("the obligations they took on", "the promises
    it made") or a keeping in full ("carry out in full", "finally fulfil"); "expect Russia to fulfil its
    responsibilities" is an appeal."""
    taken = any(c.dep_ in ("relcl", "acl") and _lemma(c) in words()["undertaking_verbs"] for d in debts for c in d.children)
    full = any(t.lower_ in words()["in_full"] for t in verb.subtree if t.i < verb.i + 6 and t.dep_ in ("advmod", "pobj", "amod"))
    return taken or full


@reader("late_keeping")
def late_keeping(token) -> Reading | None:
    """ "the implementation by Ankara of its commitments is being delayed", "Turkey's fulfilment … is held up"."""
    lemma = _lemma(token)
    late = lemma in words()["late_verbs"] and (lemma != "hold" or any(c.lower_ == "up" for c in token.children))
    unfinished = lemma in words()["progress_verbs"] and negated(token)
    if token.pos_ not in ("VERB", "AUX", "ADJ") or not (late or unfinished):
        return None
    keeping = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and _keeping(c)), None)
    if keeping is None and token.dep_ == "acomp":  # "the implementation … is slow"
        keeping = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass") and _keeping(c)), None)
    owner = owner_of(keeping) if keeping is not None else None
    return Reading(owner, "delay") if owner is not None else None


@reader("demanded_keeping")
def demanded_keeping(token) -> Reading | None:
    """ "Moscow demanded that Ankara fulfil the promises it made": a demand to keep what is owed."""
    if _lemma(token) not in words()["keep_verbs"] or token.pos_ != "VERB" or negated(token):
        return None
    debts = _debts(token)
    if not debts or not _as_unkept(token, debts):
        return None
    demand = token.head
    if token.dep_ not in ("xcomp", "ccomp", "advcl") or _lemma(demand) not in words()["demand_verbs"]:
        return None
    addressee = subject_of(token) if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) else None
    if addressee is None:  # "expect X to…", "urged X to…", "called on X to…"
        addressee = next((c for c in demand.children if c.dep_ == "dobj"), None) or next(
            (o for c in demand.children if c.dep_ == "prep" and c.lower_ == "on" for o in c.children if o.dep_ == "pobj"),
            None)
    if addressee is None or addressee is subject_of(demand):
        return None
    return Reading(addressee, "fail", subject_of(demand))


@reader("pledge_unkept")
def pledge_unkept(token) -> Reading | None:
    """ "Turkey pledged to clear the highway, but the militants are still there": a pledge and its contrary."""
    if _lemma(token) not in words()["pledge_verbs"] or token.pos_ != "VERB" or negated(token):
        return None
    pledger = subject_of(token)
    if pledger is None:
        return None
    # The contrary clause, or the parser's reading of "…, but X is still there, Zakharova said": the
    # conjunct is "said" and the clause its complement.
    conjuncts = [c for c in token.children if c.dep_ == "conj"]
    for clause in conjuncts + [c for conj in conjuncts for c in conj.children if c.dep_ == "ccomp" and c.i < conj.i]:
        contrast = any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in token.children) or any(
            t.lower_ in ("but", "yet", "however") for t in token.doc[token.i + 1: clause.left_edge.i + 1])
        persists = _lemma(clause) in words()["persist_verbs"] or negated(clause) or any(
            c.lower_ in ("still", "yet") for c in clause.children if c.dep_ == "advmod")
        if contrast and persists:
            return Reading(pledger, "fail")
    return None


@reader("truce_exploited")
def truce_exploited(token) -> Reading | None:
    """ "the rebels used the ceasefire to regroup and rearm": a truce turned to gaining ground is bad faith."""
    if _lemma(token) not in words()["exploit_verbs"] or token.pos_ != "VERB" or negated(token):
        return None
    truce = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass") and _lemma(c) in words()["truce_nouns"]), None)
    gains = [t for t in token.subtree if t.i > token.i and _lemma(t) in words()["gain_verbs"]]
    user = subject_of(token)
    return Reading(user, "violate") if truce is not None and gains and user is not None else None


@reader("no_steps_taken")
def no_steps_taken(token) -> Reading | None:
    """ "Moscow did not take the necessary steps in the face of breaches": a guarantor's duty not done."""
    if _lemma(token) not in ("take", "do") or token.pos_ != "VERB" or not negated(token):
        return None
    steps = next((c for c in token.children if c.dep_ == "dobj" and _lemma(c) in words()["duty_nouns"]), None)
    doer = subject_of(token)
    return Reading(doer, "fail") if steps is not None and doer is not None else None


@reader("not_as_agreed")
def not_as_agreed(token) -> Reading | None:
    """ "the terrorists had not left the area as required by the agreements": an act the deal called for, not done
    (or done "only partly")."""
    if token.pos_ != "VERB" or not (negated(token) or any(c.lower_ in words()["partly"] for c in token.children
                                                          if c.dep_ == "advmod")):
        return None
    agreed = any(c.dep_ == "advcl" and _lemma(c) in words()["agreed_verbs"]
                 and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children) for c in token.children)
    doer = subject_of(token)
    return Reading(doer, "fail") if agreed and doer is not None else None
