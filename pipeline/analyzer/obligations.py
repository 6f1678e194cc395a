"""Charges of commitments not kept that carry no breach verb: rule readings for frames of real reporting.

- a keeping that is late: "the implementation by Ankara of its commitments is being delayed";
- a demand framed as non-fulfilment: "we expect our Turkish partners to carry out the obligations they took on",
  "Ankara must at last implement its obligations", "Moscow reminded Ankara of its obligation to…";
- a pledge not kept: "Turkey pledged to clear the M4 of militants, but they are still there";
- an act the deal called for, not done: "the terrorists have not left the area as required by the agreements".

Each reader is a small named function over a trigger token; extract_accusations() resolves who speaks
exactly as for its other readings. Word lists: config/accusation_lexicon.yaml, section `obligations`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from typing import Any
from pipeline.analyzer.candidates import lexicon, verb_lemma
from pipeline.analyzer.modes import SPEECH_NOUNS, does_nothing, failing, negated, no_effort
from pipeline.analyzer.referents import (ATTACK_NOUNS, BREACH_NOUNS, PERPETRATE, POINTING, actor_of_phrase, actor_up_to_head,
                                         actor_word_before, agent_of, attacker_told_before, doer_told_by_verb, far_from, is_passive,
                                         mover_told_before, on_the_part_of, owner_of, relative_antecedent,
                                         reporting_verb_joined,
                                         sentence_before,
                                         sentential_which, subject_of)


@dataclass(frozen=True)
class Reading:
    """Who is charged (the token naming them), the trigger lemma for the breach type, and who charges, if named."""

    accused: object
    trigger: str
    accuser: object | None = None


Reader = Callable[[object], "Reading | None"]
BREACH_VERBS = lexicon()["rules"]["breach_verbs"]
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
    return verb_lemma(token)


def _keeping(noun) -> bool:
    """A nominalised keeping of a commitment: "implementation", "fulfilment", "compliance"."""
    return noun.pos_ in ("NOUN", "PROPN") and _lemma(noun) in words()["keeping_nouns"]


def _objects(verb) -> list:
    """The verb's objects: direct, passive subject, and after its prepositions and particles, one level down
    too ("up to its obligations", "away from its commitments")."""
    found = []
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            found.append(child)
        elif child.dep_ in ("prep", "prt", "advmod"):
            for inner in child.children:
                found += [inner] if inner.dep_ == "pobj" else [o for o in inner.children if o.dep_ == "pobj"]
    return found


def _debts(verb) -> list:
    """The verb's objects that are owed: obligations, commitments, promises (also after "by", "with", "up to"),
    and a party's share of a deal ("its part of the Idlib agreements", "its side of the bargain")."""
    owed = [o for o in _objects(verb) if _lemma(o) in words()["debt_nouns"] or (
        _lemma(o) in words()["share_nouns"] and (any(c.dep_ == "poss" for c in o.children)
                                                 or any(_deal(d) for d in _objects_after(o, ("of",)))))]
    # "fulfil all of its commitments", "some of its obligations": the debts the quantity is of
    owed += [o for q in verb.children if q.dep_ == "dobj" and q.lower_ in ("all", "some", "most", "many", "each", "any")
             for o in _objects_after(q, ("of",)) if _lemma(o) in words()["debt_nouns"]]
    # "fulfil what they promised", "carry out what was agreed": a free relative of undertaking is a debt taken on
    promised = words()["undertaking_verbs"] | words()["pledge_verbs"] | words()["agreed_verbs"]
    return owed + [c for c in verb.children if c.dep_ in ("ccomp", "dobj", "xcomp") and _lemma(c) in promised
                   and any(w.lower_ in ("what", "whatever", "all") for w in c.children)]


def _undone(verb) -> bool:
    """The verb's act is not done: negated, or what someone failed or refused to do."""
    return negated(verb) or _lemma(verb.head) in ("fail", "refuse")


def _still(verb) -> bool:
    """ "still", "yet" on the verb: a keeping awaited, a contrary state going on."""
    return any(c.dep_ == "advmod" and c.lower_ in ("still", "yet") for c in verb.children)


def _as_unkept(verb, debts: list) -> bool:
    """A demand framed as non-fulfilment: what was taken on ("the obligations they took on", "the promises
    it made"), a keeping in full ("carry out in full", "finally fulfil") or one still awaited ("was still
    expecting Ankara to carry out its commitments"), or every one of them ("all of its commitments"); "expect Russia
    to fulfil its responsibilities" is an appeal."""
    taken = any(c.dep_ in ("relcl", "acl") and _lemma(c) in words()["undertaking_verbs"] for d in debts for c in d.children) \
        or any(d.pos_ in ("VERB", "AUX") for d in debts)  # "what they promised" is itself what was taken on
    full = any(t.lower_ in words()["in_full"] for t in verb.subtree if t.i < verb.i + 6 and t.dep_ in ("advmod", "pobj", "amod")) \
        or any(t.lower_ == "full" and t.head.lower_ == "in" for t in verb.subtree)  # "…under the March agreements in full"
    # "to fulfil all of its commitments", "all the obligations": every one, as "in full"
    every = any(t.lower_ == "all" and verb.i < t.i < verb.i + 4 and t.dep_ in ("dobj", "det", "predet") for t in verb.subtree)
    return taken or full or every or _still(verb.head)


@reader("late_keeping")
def late_keeping(token) -> Reading | None:
    """ "the implementation by Ankara of its commitments is being delayed", "Turkey's fulfilment … is held up"."""
    lemma = _lemma(token)
    late = lemma in words()["late_verbs"] and (lemma != "hold" or any(c.lower_ == "up" for c in token.children))
    # ("has not yet taken place": a keeping that has not happened)
    unfinished = (lemma in words()["progress_verbs"] or _takes_place(token)) and negated(token)
    # "the creation of the corridor … was behind schedule"
    behind = lemma == "be" and any(p.lower_ == "behind" and any(o.lower_ in ("schedule", "time") for o in p.children)
                                   for p in token.children)
    if token.pos_ not in ("VERB", "AUX", "ADJ") or not (late or unfinished or behind):
        return None
    holder = token.head if token.dep_ == "acomp" else token  # "the implementation … is slow"
    if unfinished and any(c.dep_ == "dobj" and _keeping(c) for c in token.children):
        # "Kurdish fighters had not completed their withdrawal from the zone": whoever did not finish it
        doer = subject_of(token)
        return Reading(doer, "delay") if doer is not None else None
    subject = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and holder.dep_ == "xcomp":  # "the separation …, which Turkey undertook, has yet to be completed"
        subject = subject_of(holder)
    if subject is None and holder.dep_ == "ccomp":
        # "said the creation of the corridor, which…, was behind schedule": the parser made the subject the object
        subject = next((c for c in holder.head.children if c.dep_ == "dobj" and c.i < holder.i), None)
    if subject is not None and subject.tag_ == "WDT" and holder.dep_ == "relcl":
        # "the implementation by the Turkish side of its obligations to separate … from the terrorists, which has not
        # yet taken place": the keeping the clause is about, wherever in its phrase the parser hung it
        subject = next((a for a in islice((holder.head, *holder.head.ancestors), 10) if _keeping(a)), subject)
    if subject is None:
        return None
    # who pledged it, else whose keeping it is ("the withdrawal … from the zone, which Ankara undertook": not the zone)
    charged = pledger_of(subject) or _debtor_in_apposition(subject) or (owner_of(subject) if _keeping(subject) else None)
    return Reading(charged, "delay") if charged is not None else None


def _debtor_in_apposition(task):
    """ "the separation of moderate rebels from terrorists, a key Turkish commitment under the deal, has not happened":
    whose commitment the apposition says the task is."""
    debt = next((c for c in task.children if c.dep_ == "appos" and _lemma(c) in words()["debt_nouns"]), None)
    return (owner_of(debt) or actor_word_before(debt)) if debt is not None else None


def pledger_of(task):
    """Who took a task on, in a clause hung on it: "the separation …, which Ankara pledged to carry out under
    the memorandum, has still not been completed"."""
    # The parser may hang the clause on the last noun of the task's phrase ("… from terrorists in Idlib, which…").
    for clause in (c for c in task.subtree if c.dep_ in ("relcl", "acl") and c.head.i >= task.i):
        # "which Ankara was responsible for": a task one answers for is one taken on
        answers = _lemma(clause) == "be" and any(c.dep_ == "acomp" and c.lower_ == "responsible" for c in clause.children)
        # "which the Turkish side was to take under the protocol", "which Turkey was supposed to carry out": a task
        # one was bound to do
        bound = _lemma(clause) in words()["bound_heads"] and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in clause.children)
        if (_lemma(clause) in words()["pledge_verbs"] | words()["undertaking_verbs"] or answers or bound) \
                and not negated(clause):
            subject = subject_of(clause)
            if subject is not None and subject.lower_ not in ("which", "that", "who"):
                return subject
            # "the commitments undertaken by Turkey": the agent of the participle
            agent = next((o for c in clause.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)
            if agent is not None:
                return agent
    return None


def _pays_debt_said_unkept(verb) -> bool:
    """ "The obligations remain unfulfilled, and we expect our Turkish partners to fulfil them": the keeping asked
    for is of debts the sentence has just called unpaid ("them", "it" standing for them)."""
    if not any(o.lower_ in ("them", "it", "these", "those") for o in _objects(verb)):
        return False
    unkept = words()["unkept_words"]
    for debt in (t for t in verb.sent if t.i < verb.i and _lemma(t) in words()["debt_nouns"]):
        predicate = debt.head
        said = [c for c in predicate.children if c.dep_ in ("acomp", "oprd", "advmod")] + [predicate]
        if any(t.lower_ in unkept for t in said) or (_lemma(predicate) in words()["keep_verbs"] and _undone(predicate)):
            return True
    return False


def _work_said_undone(verb) -> bool:
    """ "Lavrov said the work under the memorandum had not been completed and that Moscow expected Ankara to fulfil its
    obligations": the sentence says, before the demand, that what a deal calls for is not done (its subject a task,
    not a party)."""
    done_words = words()["progress_verbs"] | words()["keep_verbs"]
    for done in (t for t in verb.sent if t.i < verb.i and t.pos_ in ("VERB", "AUX")):
        if _lemma(done) in done_words and negated(done):
            task = subject_of(done)
            # (the task's own words: "the measures envisaged in the protocol signed in Moscow" are no party's)
            if task is not None and task.pos_ == "NOUN" and actor_up_to_head(task) is None:
                return True
    # after it, of the demanded task itself: "expected Ankara to fulfil its obligation to separate…, noting that this
    # had still not been done"
    done_words |= words()["doing_verbs"]
    for done in (t for t in verb.sent if t.i > verb.i and t.pos_ in ("VERB", "AUX") and _lemma(t) in done_words):
        task = subject_of(done)
        if negated(done) and task is not None and task.lower_ in ("this", "that", "it") and task.i > verb.i:
            return True
    return False


@reader("demanded_keeping")
def demanded_keeping(token) -> Reading | None:
    """ "Moscow demanded that Ankara fulfil the promises it made": a demand to keep what is owed."""
    if _lemma(token) not in words()["keep_verbs"] or token.pos_ != "VERB" or negated(token):
        return None
    debts = _debts(token)
    demand = token.head
    # compelling a party to keep what it owes says it does not keep it ("by compelling the Assad regime to abide by
    # the terms of the cessation of hostilities")
    # (or the truce itself: "to compel the Assad regime and its allies to abide by the ceasefire")
    coerced = _lemma(demand) in words()["coercion_verbs"] and bool(
        debts or any(_lemma(o) in words()["truce_nouns"] for o in _objects(token)))
    if not coerced and not (debts and (_as_unkept(token, debts) or _work_said_undone(token))) \
            and not _pays_debt_said_unkept(token):
        return None
    asked = _asked_act(token)
    if asked is None:
        return None
    return _demanded_of(asked, asked.head, "fail")


def _asked_act(token):
    """The act a demand asks for that holds this keeping: the keeping itself ("urged Turkey to fulfil…"), or the
    first of the acts it is joined to ("called on our Turkish partners to stop supporting the militants… and to
    carry out the obligations they took on": "carry" hangs on "supporting", the act of "stop")."""
    asking = words()["demand_verbs"] | words()["coercion_verbs"]
    node = token
    while node.dep_ == "conj" and node.head != node:
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            return None  # a conjunct with a subject of its own is no act asked for ("…and we will fulfil ours")
        node = node.head
    if node is not token and node.tag_ == "VBG" and node.dep_ == "xcomp":
        node = node.head  # "stop supporting": the gerund is what the asked act stops
    if node.dep_ not in ("xcomp", "ccomp", "advcl") or _lemma(node.head) not in asking:
        return None
    return node


def _demanded_of(token, demand, trigger: str) -> Reading | None:
    """The party a demand addresses ("expect X to…", "urged X to…", "called on X to…", "demanded that X…"),
    charged on behalf of whoever demands it."""
    addressee = subject_of(token) if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) else None
    if addressee is None:
        addressee = next((c for c in demand.children if c.dep_ == "dobj"), None) or next(
            (o for c in demand.children if c.dep_ == "prep" and c.lower_ == "on" for o in c.children if o.dep_ == "pobj"),
            None)
    if addressee is None or addressee == subject_of(demand):
        return None
    # "urged the Security Council to force Russia to respect…": the charge is the one who urges
    # (and "wants Russia to compel Damascus to halt…", "called on Russia to pressure the regime to stop…": the first)
    asker = demand
    while asker.dep_ in ("xcomp", "ccomp", "advcl") and _lemma(asker.head) in words()["demand_verbs"]:
        asker = asker.head
    return Reading(addressee, trigger, _asker(asker))


def _asker(demand):
    """Who makes a demand: its subject; for one the parser joined to a reported clause ("Lavrov said the groups had
    not stopped their attacks, and urged Turkey to…", "urged" hung on "stopped"), the one who reports."""
    clause = demand.head
    if demand.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in demand.children) \
            and clause.dep_ == "ccomp" and _lemma(clause.head) in lexicon()["reporting_verbs"]:
        return subject_of(clause.head)
    return subject_of(demand)


@reader("awaited_keeping")
def awaited_keeping(token) -> Reading | None:
    """ "We have been waiting for two years for our Turkish partners to fulfil their obligations": a keeping one
    waits for is not yet kept; it charges the one waited for, on behalf of who waits."""
    if _lemma(token) not in words()["keep_verbs"] or token.pos_ != "VERB" or negated(token) or not _debts(token):
        return None
    waiting = token.head
    if _lemma(waiting) != "wait" or negated(waiting) or token.dep_ not in ("advcl", "xcomp", "ccomp") \
            or not any(c.dep_ == "mark" and c.lower_ == "for" for c in token.children):
        return None
    awaited = subject_of(token) if any(c.dep_ == "nsubj" for c in token.children) else None
    return Reading(awaited, "fail", subject_of(waiting)) if awaited is not None else None


@reader("due_keeping")
def due_keeping(token) -> Reading | None:
    """ "Ankara must at last implement its obligations", "Turkey has to carry out in full the commitments it took
    on": a keeping said to be due, framed as unpaid as a demand must be (a plain "must fulfil" is an appeal)."""
    if _lemma(token) not in words()["keep_verbs"] or token.pos_ != "VERB" or negated(token):
        return None
    due = any(c.dep_ == "aux" and c.lower_ in words()["due_modals"] for c in token.children) or (
        token.dep_ == "xcomp" and _lemma(token.head) in words()["due_verbs"])
    debts = _debts(token)
    if not (due and debts and _as_unkept(token, debts)):
        return None
    subject = subject_of(token)
    return Reading(subject, "fail") if subject is not None else None


@reader("reminded_of_debt")
def reminded_of_debt(token) -> Reading | None:
    """ "Moscow reminded Ankara of its obligation to disarm the militants": reminding a party of what it owes says
    it has not paid it."""
    if _lemma(token) not in words()["remind_verbs"] or token.pos_ != "VERB" or negated(token):
        return None
    addressee = next((c for c in token.children if c.dep_ == "dobj"), None)
    owed = [o for o in _objects_after(token, ("of", "about")) if _lemma(o) in words()["debt_nouns"]]
    return Reading(addressee, "fail", subject_of(token)) if addressee is not None and owed else None


@reader("pledge_unkept")
def pledge_unkept(token) -> Reading | None:
    """ "Turkey pledged to clear the highway, but the militants are still there": a pledge and its contrary."""
    if not _pledges(token) or negated(token):
        return None
    pledger = _task_owner(token) or subject_of(token)
    if pledger is None or _joint(pledger):
        return None  # "Russia and Turkey were to conduct joint patrols, but…": a joint duty charges neither
    # The contrary clause, or the parser's reading of "…, but X is still there, Zakharova said": the
    # conjunct is "said" and the clause its complement; or "Peskov said Turkey had undertaken to…, but the
    # attacks 'are continuing'", the contrary clause joined to "said".
    conjuncts = [c for c in token.children if c.dep_ == "conj"]
    # ("had promised to neutralise the terrorists and had not done so": the parser joins it to what was promised)
    conjuncts += [c for x in token.children if x.dep_ == "xcomp" for c in x.children
                  if c.dep_ == "conj" and _undone_as_told(c)]
    reporter = token.head if token.dep_ == "ccomp" else _reporting_over_that_clause(token)
    if reporter is not None:  # (or as a second complement of "said", the parser's other reading)
        conjuncts += [c for c in reporter.children if c.dep_ in ("conj", "ccomp") and c.i > token.i]
    # "…, but Russia says the work has not started": what a joined reporting verb reports ("…, and we have to note
    # that, so far, this has not happened": also through the verb it hangs on)
    reporting = [v for conj in conjuncts for v in (conj, *(x for x in conj.children if x.dep_ == "xcomp"))
                 if _lemma(v) in lexicon()["reporting_verbs"]]
    reported = [c for verb in reporting for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i]
    for clause in conjuncts + [c for conj in conjuncts for c in conj.children if c.dep_ == "ccomp" and c.i < conj.i] \
            + reported:
        contrast = any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in token.children) or any(
            t.lower_ in ("but", "yet", "however") for t in token.doc[token.i + 1: clause.left_edge.i + 1])
        # "…had undertaken to clear the corridor, and that five months on this had still not happened"; "had promised
        # to neutralise the terrorists and had not done so"
        if (contrast and (_goes_on(clause) or _struck_despite(token, clause))) or (_still(clause) and negated(clause)) \
                or _undone_as_told(clause):
            return Reading(pledger, "fail")
    return None


def _reporting_over_that_clause(token):
    """The reporting verb over a "that" clause the parser hung on a noun ("said in comments carried by SANA that Ankara
    had pledged…": "pledged" an acl of "comments", or a relative of "remarks" with "that" its object)."""
    that = any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children) if token.dep_ == "acl" else \
        token.dep_ == "relcl" and token.head.lower_ in SPEECH_NOUNS and any(
            c.lower_ == "that" and c.i < token.i for c in token.children)
    if not that:
        return None
    return next((a for a in token.ancestors if a.pos_ == "VERB" and _lemma(a) in lexicon()["reporting_verbs"]), None)


def _struck_despite(pledge, clause) -> bool:
    """The contrary clause says what the pledge was to keep safe was struck: "undertook to ensure the safety of the
    joint patrols, but the patrols have been attacked"."""
    struck = next((c for c in clause.children if c.dep_ == "nsubjpass"), None) \
        if _lemma(clause) in words()["strike_verbs"] | lexicon()["attack_verbs"] else None
    if struck is None:
        return False
    kept = [o for verb in pledge.subtree if verb.pos_ == "VERB" and _lemma(verb) in words()["safe_keeping_verbs"]
            for o in _objects(verb)]
    kept += [o for noun in kept if _lemma(noun) in words()["safety_nouns"] for o in _objects_after(noun, ("of", "for"))]
    return any(_lemma(o) == _lemma(struck) for o in kept)


@reader("pledged_before_undone")
def pledged_before_undone(token) -> Reading | None:
    """ "Under the Sochi memorandum, Turkey undertook to separate the opposition from the terrorists. This has not been
    done, Lavrov said." (or "…has yet to do so", "This work is moving very slowly", "But the terrorists remain"): a
    pledge told in the sentence before, said in this one not to be kept, charges who pledged."""
    if token.pos_ not in ("VERB", "AUX") or not (_undone_as_told(token) or _contrary_next(token) or _still_there(token)):
        return None
    pledger = _pledger_before(token)
    doer = subject_of(token)
    if pledger is not None and _undone_as_told(token) and doer is not None and doer.pos_ in ("NOUN", "PROPN") \
            and actor_of_phrase(doer):
        return Reading(doer, "fail")  # "…had withdrawn as the agreements provided, while the militants had not done so"
    return Reading(pledger, "fail") if pledger is not None else None


@reader("promise_undone")
def promise_undone(token) -> Reading | None:
    """ "Turkey had not done what it promised", "has yet to do what was agreed": what was promised, said not done,
    charges who was to do it."""
    if _lemma(token) not in words()["done_verbs"] or token.pos_ != "VERB" or not _said_undone(token):
        return None
    promised = words()["undertaking_verbs"] | words()["pledge_verbs"] | words()["agreed_verbs"]
    # (the "what" on the promise, or on the doing it promised: "has not done what it promised to do")
    if not any(c.dep_ in ("ccomp", "dobj", "xcomp") and _lemma(c) in promised
               and any(w.lower_ in ("what", "whatever") for w in (*c.children, *(g for x in c.children
                                                                               if x.dep_ == "xcomp" for g in x.children)))
               for c in token.children):
        return None
    doer = subject_of(token)
    return Reading(doer, "fail") if doer is not None else None


@reader("undone_in_relative")
def undone_in_relative(token) -> Reading | None:
    """ "Turkey was supposed to withdraw its heavy weapons from the zone, which it has not done", "Ankara pledged to
    clear the M4, something it has yet to do": a keeping a relative clause after it says is not done charges who was
    to keep it."""
    if token.pos_ != "VERB" or _lemma(token) not in words()["keep_verbs"] | words()["owed_acts"] \
            | lexicon()["rules"]["comply_verbs"]:
        return None
    if not any(r.i > token.i and r.dep_ == "relcl" and _relative_to(r, token) and _relative_undone(r) for r in token.sent):
        return None
    keeper = subject_of(token)
    return Reading(keeper, "fail") if keeper is not None else None


def _relative_to(relative, keeping) -> bool:
    """The relative clause stands for the keeping: "which"/"what" in it, on a noun of the keeping's clause, or on a
    "something" set beside it ("pledged to clear the M4, something it has yet to do")."""
    if relative.head.lower_ == "something":  # the parser may hang it on the comma before it
        return relative.head.i > keeping.i
    pronoun = any(c.lower_ in ("which", "what") and c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in relative.children)
    return pronoun and relative.head in keeping.subtree


def _relative_undone(relative) -> bool:
    """The relative clause says not done: "which it has not done", "which has not happened", "it has yet to do"."""
    return _said_undone(relative) or any(_said_undone(c) for c in relative.children if c.dep_ == "xcomp")


@reader("contrary_to_promises")
def contrary_to_promises(token) -> Reading | None:
    """ "the YPG withdrawal has not been completed, contrary to Moscow's promises", "the attacks had continued despite
    Turkish assurances": what a party promised, said in the same clause not to be done, charges the party."""
    if _lemma(token) not in words()["debt_nouns"] | words()["assurance_nouns"]:
        return None
    contrary = token.head.lower_ == "to" and token.head.head.lower_ == "contrary"
    despite = token.head.lower_ in ("despite", "notwithstanding") and token.dep_ == "pobj"
    if not (contrary or despite):
        return None
    # "Moscow's promises", "Turkish assurances" (a state's adjective)
    owner = next((c for c in token.children if (c.dep_ == "poss" and c.pos_ != "PRON")
                  or (c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE"))), None)
    clause = token.head.head.head if contrary else token.head.head
    if owner is None or clause.pos_ not in ("VERB", "AUX"):
        return None
    return Reading(owner, "fail") if _goes_on(clause) else None


def _instead(preposition) -> bool:
    """ "instead of", "rather than" (the parser hangs "rather" on the preposition or on the verb: the word before
    tells)."""
    adverb = {"of": "instead", "than": "rather"}.get(preposition.lower_)
    return adverb is not None and preposition.i > 0 and preposition.doc[preposition.i - 1].lower_ == adverb


@reader("instead_of_keeping")
def instead_of_keeping(token) -> Reading | None:
    """ "instead of separating the terrorists as agreed, Ankara has sent more troops", "was protecting the terrorists
    instead of separating them as agreed", "rather than abiding by the ceasefire": a keeping the deal called for, done
    otherwise, charges who did otherwise."""
    if token.pos_ != "VERB" or token.dep_ != "pcomp" or not _instead(token.head) \
            or _lemma(token) not in lexicon()["rules"]["comply_verbs"]:
        return None
    agreed = any(_lemma(c) in words()["agreed_verbs"] and c.dep_ == "advcl" for c in token.children)
    if not (agreed or any(_deal(o) or _lemma(o) in words()["debt_nouns"] for o in _objects(token))):
        return None  # "instead of withdrawing, it dug in" keeps no deal unless the deal or what was agreed is named
    doer = subject_of(token.head.head) if token.head.head.pos_ in ("VERB", "AUX") else None
    return Reading(doer, "fail") if doer is not None else None


@reader("pledged_then_instead")
def pledged_then_instead(token) -> Reading | None:
    """ "Russia, which as one of its guarantors had committed to restraining Damascus, had instead joined the assault",
    "Turkey pledged to separate the groups but instead armed them": a pledger said to have done otherwise."""
    if token.pos_ != "VERB" or negated(token) or not any(c.dep_ == "advmod" and c.lower_ == "instead"
                                                         for c in token.children):
        return None
    subject = subject_of(token)
    if subject is None or subject.pos_ == "PRON" and token.dep_ != "conj":
        return None
    own = any(c.dep_ == "relcl" and _pledges(c) and not negated(c) for c in subject.children)
    joined = token.dep_ == "conj" and _pledges(token.head) and not negated(token.head)
    return Reading(subject, "fail") if own or joined else None


def _anaphoric(noun) -> bool:
    """The noun stands for something told before: "this", "that", "it", "so", "nothing", "this work", "not one of
    these commitments", ", a commitment"."""
    if noun.lower_ in ("one", "none", "any", "each") and any(
            _anaphoric(o) for o in _objects_after(noun, ("of",))):
        return True
    # (or set off after the clause it sums up: "Ankara is obliged to clear the corridor, a commitment Russian officials
    # say has yet to be met")
    summed_up = noun.left_edge.i > 0 and noun.doc[noun.left_edge.i - 1].text == ","
    return noun.lower_ in words()["pledge_anaphors"] or (
        _lemma(noun) in words()["task_nouns"] and (any(c.lower_ in ("this", "that", "these") for c in noun.children)
                                                    or summed_up))


def _undone_as_told(verb) -> bool:
    """What was told before is not done: "this has not been done", "nothing has been done", "has yet to do so",
    "this work has stalled / is moving very slowly"."""
    told = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "advmod") and _anaphoric(c)]
    if not told and verb.dep_ == "xcomp":  # "This has yet to be done": the subject is the "has"'s
        told = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and _anaphoric(c)]
    return bool(told) and _said_undone(verb)


@reader("taken_on_and_undone")
def taken_on_and_undone(token) -> Reading | None:
    """ "the separation of the opposition from the terrorists, which Turkey took on, is moving very slowly", "the
    withdrawal of heavy weapons, which Ankara was responsible for, has not taken place": a task its subject's own
    clause says someone took on, said not to be done, charges who took it on."""
    if token.pos_ not in ("VERB", "AUX") or not _said_undone(token):
        return None
    task = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    taker = pledger_of(task) if task is not None else None
    return Reading(taker, "fail") if taker is not None else None


@reader("undone_then_taken_on")
def undone_then_taken_on(token) -> Reading | None:
    """ "The main thing, the separation of the opposition from the terrorists, has not been accomplished. Our Turkish
    partners took this obligation upon themselves back in 2018": a task said undone, and in the next sentence a party
    said to have taken "this" on, charges that party."""
    if token.pos_ not in ("VERB", "AUX") or not (_said_undone(token) or (
            _lemma(token) in words()["progress_verbs"] and negated(token))):
        return None
    task = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if task is None or task.pos_ != "NOUN" or actor_up_to_head(task) is not None:
        return None
    sent = token.sent
    if sent.end >= len(token.doc):
        return None
    for taking in (t for t in token.doc[sent.end].sent if _lemma(t) in words()["undertaking_verbs"] | words()["pledge_verbs"]
                   and t.pos_ == "VERB" and not negated(t)):
        this = next((c for c in taking.children if c.dep_ == "dobj" and (c.lower_ in ("it", "this", "that") or (
            _lemma(c) in words()["debt_nouns"] and any(d.lower_ in ("this", "that") for d in c.children)))), None)
        taker = subject_of(taking)
        if this is not None and taker is not None and actor_of_phrase(taker) is not None:
            return Reading(taker, "fail")
    return None


@reader("pledger_said_undone")
def pledger_said_undone(token) -> Reading | None:
    """ "the Turkish side, which had undertaken to ensure the safety of the route, had not yet done so": a party whose
    own relative clause tells its pledge, said in the main clause not to have done it."""
    if token.pos_ not in ("VERB", "AUX") or not _said_undone(token):
        return None
    subject = subject_of(token)
    pledge = words()["pledge_verbs"] | {"agree"}
    pledged = subject is not None and any(
        r.dep_ == "relcl" and _lemma(r) in pledge and any(_to_do(c) or (c.dep_ == "dobj" and _lemma(c) in
                                                           words()["debt_nouns"]) for c in r.children)
        for r in subject.children)
    return Reading(subject, "fail") if pledged else None


def _to_do(clause) -> bool:
    """An infinitive of what is to be done ("undertook to ensure…"), however the parser hangs it."""
    return clause.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _takes_place(verb) -> bool:
    """ "take place": a happening, whose object is no thing taken."""
    return _lemma(verb) == "take" and any(c.lower_ == "place" for c in verb.children)


def _said_undone(verb) -> bool:
    """The predicate says a task is not done: a doing negated, failed, awaited or far off; stalled, slow, on paper;
    "has not taken place"."""
    if _takes_place(verb) and negated(verb):
        return True
    if _lemma(verb) in words()["done_verbs"]:
        nothing = any(c.lower_ == "nothing" and c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children)
        yet_to = verb.dep_ == "xcomp" and _lemma(verb.head) == "have" and _still(verb.head)  # "has yet to do so"
        awaited = _lemma(verb.head) == "wait" and _still(verb.head)  # "we are still waiting for this to happen"
        return negated(verb) or nothing or yet_to or awaited or far_from(verb) or _lemma(verb.head) in ("fail", "refuse")
    slow = _lemma(verb) in words()["moving_verbs"] and any(c.lower_ in words()["slow_words"] for c in verb.subtree)
    on_paper = _lemma(verb) == "remain" and any(t.lower_ == "paper" and t.head.lower_ == "on" for t in verb.subtree)
    return _lemma(verb) in words()["stalling_verbs"] or slow or on_paper


def _still_there(verb) -> bool:
    """ "Turkey pledged to remove the militants from the corridor. Six months on, they are still there": what the pledge
    was about, told by a pronoun, still goes on (the sentence's own verb, or what its "said" reports)."""
    if verb.head.i != verb.i and verb.dep_ != "ccomp":
        return False
    subject = subject_of(verb)
    return subject is not None and subject.lower_ in ("they", "it") and _still(verb)


def _contrary_next(verb) -> bool:
    """A sentence that opens on "But" (config contrary_openings) and says things go on or are not done ("But the
    terrorists continue to control the zone, Lavrov said", "Unfortunately, these groups are continuing their attacks")."""
    sentence = verb.sent
    opening = next((t for t in sentence if not t.is_punct), None)
    if opening is None or opening.lower_ not in words()["contrary_openings"] or (verb.head.i != verb.i and verb.dep_ != "ccomp"):
        return False  # the sentence's own verb, or what its "said" reports
    return _goes_on(verb)


def _goes_on(verb) -> bool:
    """What was to end goes on or what was to be done is not: "remain", "continue", "has stalled", "not", "still"."""
    barely = any(c.dep_ == "advmod" and c.lower_ in words()["barely_words"] for c in verb.children)  # "barely begun"
    return _lemma(verb) in words()["persist_verbs"] | words()["stalling_verbs"] or negated(verb) or _still(verb) \
        or barely or does_nothing(verb)  # "…, but it has done neither / nothing"


def _pledger_before(verb):
    """Who pledged, in the sentence before the verb's: the subject of "undertook to / pledged to / was supposed to",
    the one a deal "obliged" to."""
    # (earlier in the same sentence: "…the task … lay with Ankara under the Sochi agreements and that this had still not
    # been done")
    start = verb.sent.start
    here = verb.doc[start: verb.i]
    before = verb.doc[start - 1].sent if start > 0 else ()
    return next((bound for token in (*here, *before) for bound in [_bound_by(token)] if bound is not None), None)


def _bound_by(token):
    """Who the token, a pledge or a duty, binds: the subject of "undertook to / pledged to / was supposed to", the one a
    deal "obliged" to; None for anything else."""
    if not negated(token) and (holder := _duty_lies_with(token)) is not None:
        return holder
    if not _pledges(token) or negated(token):
        return None
    if _lemma(token) in ("oblige", "obligate"):
        bound = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
    elif any(a.dep_ == "auxpass" for c in token.children if c.dep_ == "xcomp" for a in c.children):
        return None  # "the terrorists were supposed to be removed": what the duty was about, not who owed it
    else:
        bound = subject_of(token)
    if bound is not None and bound.lower_ not in ("which", "that", "who") and not _joint(bound):
        return bound
    return None


def _duty_lies_with(token):
    """Whom a task "lies with", "rests with", "falls to": "the task of neutralising the firing positions lay with
    Ankara under the Sochi agreements"."""
    if _lemma(token) not in words()["lying_verbs"] or token.pos_ != "VERB":
        return None
    task = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if task is None or _lemma(task) not in words()["task_nouns"] | words()["debt_nouns"]:
        return None
    return next((o for p in token.children if p.dep_ == "prep" and p.lower_ in ("with", "on", "upon", "to")
                 for o in p.children if o.dep_ == "pobj" and actor_of_phrase(o)), None)


@reader("step_said_undone")
def step_said_undone(token) -> Reading | None:
    """ "The radical groups were supposed to leave the zone by 15 October, a step that the regime and Russia say has
    not been completed": a duty, then a step standing for it said not done, charges who owed it; who says so charges."""
    if token.pos_ not in ("VERB", "AUX") or not _said_undone(token):
        return None
    told = token.head if token.dep_ == "ccomp" and _lemma(token.head) in lexicon()["reporting_verbs"] else None
    relative = told or token
    step = relative.head if relative.dep_ == "relcl" else None
    if step is None or step.pos_ != "NOUN" or _lemma(step) not in words()["task_nouns"] | words()["act_nouns"]:
        return None
    duty = next((node for node in (step.head, step.head.head) if _bound_by(node) is not None), None)
    if duty is None or step.i < duty.i:
        return None
    return Reading(_bound_by(duty), "fail", subject_of(told) if told is not None else None)


def _pledges(token) -> bool:
    """The verb takes a duty on: "pledged to", "undertook to", "had taken on the commitment to separate…", "were to
    ensure", "were supposed to withdraw"."""
    taken_on = _lemma(token) in words()["undertaking_verbs"] and any(
        _lemma(o) in words()["debt_nouns"] for o in _objects(token))
    return (_lemma(token) in words()["pledge_verbs"] or taken_on) and token.pos_ == "VERB" or _bound_to(token)


def _task_owner(token):
    """ "it was Turkey's task to separate them…": whose task or duty, owned by name, the copula says the act is."""
    if _lemma(token) != "be":
        return None
    attr = next((c for c in token.children if c.dep_ == "attr"
                 and _lemma(c) in words()["task_nouns"] | words()["debt_nouns"]), None)
    return next((c for c in attr.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None) \
        if attr is not None else None


def _joint(party) -> bool:
    """ "Russia and Turkey", "Russian and Turkish troops": parties joined, in the noun or in its adjective."""
    return any(c.dep_ == "conj" for m in (party, *(a for a in party.children if a.dep_ == "amod")) for c in m.children)


def _bound_to(token) -> bool:
    """ "our Turkish partners were to ensure…", "were supposed to withdraw…": a duty told as what was to be done."""
    duty = next((c for c in token.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)), None)
    if duty is None:
        return False
    return (_lemma(token) == "be" and token.tag_ in ("VBD", "VBZ", "VBP")) or \
        (_lemma(token) in words()["duty_participles"] and any(c.dep_ == "auxpass" for c in token.children))


@reader("truce_exploited")
def truce_exploited(token) -> Reading | None:
    """ "the rebels used the ceasefire to regroup and rearm": a truce turned to gaining ground is bad faith."""
    if token.pos_ != "VERB" or negated(token):
        return None
    truce = _truce_used(token)
    gains = [t for t in token.subtree if t.i > token.i and (_lemma(t) in words()["gain_verbs"] | words()["strike_verbs"] or (
        _lemma(t) in words()["cover_nouns"] and t.head.lower_ == "as"))]  # "using the truce as a cover to advance"
    user = subject_of(token)
    return Reading(user, "violate") if truce is not None and gains and user is not None else None


def _truce_used(verb):
    """The truce a verb puts to use: "used the ceasefire", "took advantage of the truce"."""
    truces = words()["truce_nouns"]
    used = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and _lemma(c) in truces), None) \
        if _lemma(verb) in words()["exploit_verbs"] else None
    if used is not None:
        return used
    use = next((c for c in verb.children if c.dep_ == "dobj" and _lemma(c) in words()["exploit_nouns"]), None)
    if use is None:
        return None
    # "of the ceasefire", on the noun or (the parser's habit) on the verb, its object read as a clause's subject
    of = [c for head in (use, verb) for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
    return next((t for p in of for t in p.subtree if _lemma(t) in truces), None)


@reader("no_steps_taken")
def no_steps_taken(token) -> Reading | None:
    """ "Moscow did not take the necessary steps in the face of breaches", "has taken no measures": a guarantor's duty
    not done."""
    if _lemma(token) not in ("take", "do") or token.pos_ != "VERB" or not (negated(token) or does_nothing(token)):
        return None
    steps = next((c for c in token.children if c.dep_ == "dobj" and _lemma(c) in words()["duty_nouns"]), None)
    doer = subject_of(token)
    return Reading(doer, "fail") if steps is not None and doer is not None else None


@reader("keeping_refused")
def keeping_refused(token) -> Reading | None:
    """ "terrorist groups refused the implementation of the terms of the settlement", "Ankara has obstructed the
    fulfilment of its commitments": a keeping refused or blocked charges who refuses it."""
    if not _keeping(token) or token.dep_ != "dobj" or _lemma(token.head) not in words()["refusing_verbs"] \
            or negated(token.head):
        return None
    if not any(_deal(o) or _lemma(o) in words()["debt_nouns"] for o in _objects_after(token, ("of",))):
        return None
    doer = subject_of(token.head)
    return Reading(doer, "fail") if doer is not None else None


@reader("not_as_agreed")
def not_as_agreed(token) -> Reading | None:
    """ "the terrorists had not left the area as required by the agreements": an act the deal called for, not done
    (or done "only partly", or under a head that leaves it undone: "had been unable to neutralise…, as required")."""
    if token.pos_ != "VERB":
        return None
    heads = [token]
    if failing(token):  # "as required" hangs on the head's verb: "had been unable to neutralise…, as required by"
        heads += [token.head, token.head.head] if token.head.dep_ in ("acomp", "oprd") else [token.head]
    elif not (negated(token) or does_nothing(token) or any(
            c.lower_ in words()["partly"] for c in token.children if c.dep_ == "advmod")):
        return None  # ("had done nothing to neutralise the terrorists, as required by the deal")
    if token.dep_ == "ccomp" and token.head.pos_ == "ADJ":
        heads += [token.head, token.head.head]  # "was disappointed that the terrorists had not been removed, as…"
    agreed = [c for h in heads for c in h.children if c.dep_ == "advcl" and _lemma(c) in words()["agreed_verbs"]
              and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)]
    doer = subject_of(token)
    if agreed and any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        # "the terrorists have not been removed from the zone, as Turkey promised": what is undone is the patient; who
        # promised it did not do it (and "as required by the deal" names no one)
        promiser = subject_of(agreed[0])
        doer = promiser if promiser is not None and promiser.pos_ != "PRON" and actor_of_phrase(promiser) else None
    return Reading(doer, "fail") if agreed and doer is not None else None


def _deal(noun) -> bool:
    """A deal or what it binds: "the Astana agreements", "its understandings with Russia", "resolution 2401",
    "the ceasefire regime"."""
    return noun is not None and noun.pos_ in ("NOUN", "PROPN") and (
        _lemma(noun) in words()["deal_nouns"] or noun.lower_ in words()["deal_nouns"] or _truce_regime(noun))


def is_deal(noun) -> bool:
    """The noun names a deal or what it binds (see _deal)."""
    return _deal(noun)


def of_a_deal(noun) -> bool:
    """The noun is said of a deal ("the collapse of the truce", "the breakdown of the Sochi agreement")."""
    return any(_deal(o) for o in _objects_after(noun, ("of",)))


def _truce_regime(noun) -> bool:
    """ "the ceasefire regime", "the regime of calm": Russian officialese for a truce, not the Syrian regime."""
    if _lemma(noun) not in words()["regime_nouns"]:
        return False
    truce_words = words()["truce_nouns"] | words()["deal_nouns"] | words()["regime_holds"]
    if any(c.dep_ == "amod" and _lemma(c) not in truce_words for c in noun.children):
        return False  # "the criminal regime | of the ceasefire agreement" (the parser's hanging): an epithet, Syria's
    held = [c for c in noun.children if c.dep_ == "compound"] + [
        o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    return any(_lemma(h) in words()["truce_nouns"] or _lemma(h) in words()["deal_nouns"]
               or _lemma(h) in words()["regime_holds"] for h in held)


def _objects_after(token, preps: tuple[str, ...]) -> list:
    """The objects of the token's prepositions ("contrary to X", "in line with X"), one level of "of" down too."""
    found = [o for c in token.children if c.dep_ == "prep" and c.lower_ in preps for o in c.children if o.dep_ == "pobj"]
    return found + [o for f in found for c in f.children if c.dep_ == "prep" and c.lower_ == "of"
                    for o in c.children if o.dep_ == "pobj"]


def _predicate(token):
    """The verb a predicate word hangs on: "is contrary to", "ran counter to", "is not in line with"."""
    node = token
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX") or node.head == node:
            break
        node = node.head
    return node if node.pos_ in ("VERB", "AUX") else None


def _against_deal(token):
    """The verb of a predicate saying an act goes against a deal, else None."""
    lemma = _lemma(token)
    if lemma in words()["against_verbs"] and token.pos_ == "VERB" and not negated(token):
        return token if any(c.dep_ == "dobj" and _deal(c) for c in token.children) else None
    against, along = token.lower_ in words()["against_words"], token.lower_ in words()["along_words"]
    if not (against or along) or not any(_deal(o) for o in _objects_after(token, ("to", "with", "of"))):
        return None
    verb = _predicate(token)
    if verb is None or (against and negated(verb)) or (along and not negated(verb)):
        return None
    return verb


def _act_around_the_place(which):
    """ "continued regime attacks, including in Wadi Barada, which clearly run counter to the ceasefire", "the attack on
    the camps, which, it said, was contrary to the agreements": a relative the parser hangs on the place or the target
    an act was told at stands for the act."""
    if which is None or which.tag_ not in ("WDT", "WP") or which.head.dep_ != "relcl":
        return None
    held = which.head.head
    if held.pos_ == "PROPN":
        return next((a for a in islice(held.ancestors, 5) if a.pos_ == "NOUN" and _lemma(a) in words()["act_nouns"]),
                    None)
    # (a noun that is no act nor party, in the act's own phrase: "the attack on | the camps")
    if held.pos_ != "NOUN" or _lemma(held) in words()["act_nouns"] or actor_of_phrase(held) \
            or held.dep_ != "pobj" or held.head.dep_ != "prep":
        return None
    act = held.head.head
    return act if act.pos_ == "NOUN" and _lemma(act) in words()["act_nouns"] else None


def _doer_of_act(subject):
    """Who did the act a sentence charges: "What Turkey is doing", "Turkey's military measures", "the attack"
    (the attacker the sentence or the one before names), or the party itself."""
    if subject is None:
        return None
    if subject.dep_ == "csubj":  # "What Turkey is doing in Idlib is not in line with…"
        return subject_of(subject)
    if subject.pos_ == "PRON" and subject.lower_ in ("it", "this", "them"):  # "describing it as a violation"
        return attacker_told_before(subject, pointing=True)
    if actor_of_phrase(subject) and _lemma(subject) not in words()["act_nouns"]:
        return subject
    if _lemma(subject) not in words()["act_nouns"] and subject.lower_ not in words()["act_nouns"]:
        return None
    told = _act_told_before_comma(subject)  # "launched an offensive on army positions, an attack which…"
    if told is not None:
        return _doer_of_act(told)
    done = subject_of(subject.head) if subject.dep_ == "dobj" and _lemma(subject.head) in PERPETRATE else None
    # "Russian warplanes bombed a garrison…, killing several fighters, in strikes that…": the act the verb was done in
    done = done or (subject_of(subject.head.head) if subject.dep_ == "pobj" and subject.head.lower_ == "in"
                    and subject.head.head.pos_ == "VERB" else None)
    return owner_of(subject) or actor_word_before(subject) or (done if done is not None and actor_of_phrase(done)
                                                               else None) or attacker_told_before(subject) \
        or mover_told_before(subject) or doer_told_by_verb(subject)


def _act_told_before_comma(act):
    """ "launched a large-scale offensive on army positions, an attack which…": the act whose phrase ends at the comma
    before this one (an apposition, whatever the parser made of it)."""
    start = act.left_edge.i
    if start < 2 or act.doc[start - 1].text != ",":
        return None
    node = act.doc[start - 2]
    for _ in range(5):
        if node != act and node.pos_ == "NOUN" and _lemma(node) in words()["act_nouns"]:
            return node
        if node.pos_ == "VERB" and _lemma(node) in PERPETRATE:  # "…on army positions near Hama": the verb's act
            return next((c for c in node.children if c.dep_ == "dobj" and _lemma(c) in words()["act_nouns"]), None)
        if node.head == node:
            break
        node = node.head
    return None


@reader("against_the_deal")
def against_the_deal(token) -> Reading | None:
    """ "Turkey's military measures contradict the agreements", "the attack is contrary to the existing
    agreements", "what Turkey is doing is not in line with the Astana agreements": an act against a deal."""
    verb = _against_deal(token)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None and verb.dep_ == "conj":  # "…, saying the attack killed three and ran counter to…"
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "csubj")), None)
    if subject is None and verb.dep_ == "xcomp":  # "have chosen to pursue a military path inconsistent with…"
        subject = subject_of(verb.head)
    if _lemma(verb) in words()["calling_verbs"]:  # "describing them as incompatible with the agreement": the act called so
        subject = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subject is not None and subject.tag_ in ("WDT", "WP") and verb.dep_ == "ccomp" and verb.head.dep_ == "relcl":
        subject = relative_antecedent(verb.head)  # "Turkey's support for militants, which it said ran counter to…"
    subject = sentential_which(subject) or _act_around_the_place(subject) or subject  # "…entered Idlib without prior
    # notice, which runs counter to…"
    doer = _doer_of_act(subject)
    return Reading(doer, "violate") if doer is not None else None


@reader("harms_listed")
def harms_listed(token) -> Reading | None:
    """ "Kerry identified two problems that have damaged the ceasefire: attacks carried out by the Nusra Front and
    bombing by Assad's forces", "named two obstacles to the implementation of the agreements: shelling by terrorists
    and Turkey's failure to…": each act listed after the colon, charged to its doer."""
    acts = ATTACK_NOUNS | BREACH_NOUNS | words()["act_nouns"] | frozenset(lexicon()["fire_nouns"])
    # (a gerund the parser made a verb: "continued shelling by terrorists")
    if not (token.pos_ == "NOUN" and _lemma(token) in acts) and not (token.tag_ == "VBG" and token.lower_ in acts):
        return None
    start = token.sent.start
    colon = next((t for t in reversed(token.doc[start: token.i]) if t.text in (":", "\u2014")), None)
    if colon is None:
        return None
    lead = token.doc[start: colon.i]
    harm = next((t for t in lead if _lemma(t) in words()["harm_nouns"] and t.pos_ == "NOUN"), None)
    if harm is None or negated(harm.head) or not any(_deal(t) or _lemma(t) in words()["keeping_nouns"]
                                                    for t in token.doc[harm.i + 1: colon.i]):
        return None
    doer = owner_of(token) or _agent_after(token)
    # who lists them: the subject of "identified / named / cited … problems" (else who reports the sentence)
    lister = subject_of(harm.head) if harm.dep_ == "dobj" else None
    trigger = "fail" if _lemma(token) in ("failure", "refusal") else "violate"
    return Reading(doer, trigger, lister) if doer is not None else None


def lister_of(act):
    """Who lists the act among what stands in a truce's way ("Kerry identified two problems…: attacks by…")."""
    listed = harms_listed(act)
    return listed.accuser if listed is not None else None


def _agent_after(act):
    """ "attacks carried out by the Nusra Front", "shelling by terrorists": the "by" of the act or of its participle."""
    heads = [act, *(c for c in act.children if c.dep_ == "acl")]
    # (or of the word the parser made a verb over it: "indiscriminate air raids by…", "indiscriminate" a verb)
    misread = act.head if act.dep_ == "dobj" and act.head.i == act.left_edge.i - 1 else None
    return next((o for h in heads + ([misread] if misread is not None else []) for c in h.children
                 if c.dep_ in ("agent", "prep") and c.lower_ == "by" and c.i > act.i
                 for o in c.children if o.dep_ == "pobj"), None)


@reader("called_a_breach")
def called_a_breach(token) -> Reading | None:
    """ "describing the raids as a breach of the truce", "called the attack a violation of the deal": an act
    someone calls a breach charges its doer; a breach of sovereignty or law is not a truce's."""
    if _lemma(token) not in ("violation", "breach", "contravention") or token.pos_ != "NOUN":
        return None
    said = token.head if token.dep_ == "conj" else token  # "describing it as a war crime and a new violation"
    verb = said.head.head if said.dep_ == "pobj" and said.head.lower_ == "as" else said.head
    if said.dep_ not in ("pobj", "oprd", "attr", "dobj", "ccomp") or _lemma(verb) not in words()["calling_verbs"] \
            or verb.pos_ != "VERB" or negated(verb):
        return None
    if _of_another_norm(token):
        return None  # "a flagrant violation of Syrian sovereignty" (but "of the de-escalation zone regime" is a truce's)
    # "an attack which it described as a violation": the act the relative clause hangs on
    # ("called the shelling a breach": the parser may make the act a second "oprd" before the breach)
    act = verb.head if verb.dep_ == "relcl" else next((c for c in verb.children if c != token and (
        c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "oprd" and c.i < said.i))), None)
    if said.dep_ == "ccomp":  # "considers the presence of Turkish troops a flagrant violation": a small clause
        # (or the act is left the verb's object: "considers such attacks a breach…, an official said")
        act = next((c for c in said.children if c.dep_ == "nsubj"), None) or act
    doer = _doer_of_act(act)
    if doer is None:
        return None
    # "…, describing the raids as…" has no subject of its own: who reports the sentence calls it so; so does the
    # "it" of "…, an attack which it described as…" (the body reporting, not the party last named)
    # ("Akar said the attack came without warning, and called it a violation": who reports the clause calls it so)
    reporting = reporting_verb_joined(verb)
    caller = subject_of(reporting) if reporting is not None else subject_of(verb)
    if act is not None and act.dep_ == "nsubjpass":  # "The offensive has been described by Washington as a violation"
        caller = agent_of(verb)
    if caller is None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and _lemma(verb.head) in lexicon()["accuse_verbs"]:
        caller = subject_of(verb.head)  # "Mustafa accused regime forces of shelling…, calling it a violation"
    if caller is not None and caller.pos_ == "PRON" and verb.dep_ == "relcl":
        caller = None
    return Reading(doer, "violate", caller)


@reader("called_a_breach_in_order")
def called_a_breach_in_order(token) -> Reading | None:
    """ "called the regime shelling a flagrant violation of the truce" as written, when the parser has not read it
    (it makes "shelling" a verb, or "a violation" an apposition): a calling verb, the act, then "a … violation"."""
    if _lemma(token) not in ("violation", "breach", "contravention") or token.pos_ != "NOUN":
        return None
    article = next((c for c in token.children if c.dep_ == "det" and c.lower_ in ("a", "an")), None)
    if article is None:
        return None
    verb = next((t for t in reversed(token.doc[max(article.i - 8, token.sent.start): article.i])
                 if _lemma(t) in words()["calling_verbs"] and t.pos_ == "VERB"), None)
    if verb is None or negated(verb) or verb.i + 1 >= article.i:
        return None
    act = token.doc[verb.i + 1: article.i]
    # "considers the regime offensive a breach": the parser makes the act noun before "a" a verb, its owner the subject
    misread = act[-1] if act[-1].pos_ == "VERB" and act[-1].lower_ in words()["act_nouns"] else None
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("advcl", "amod", "compound") and t != misread for t in act) \
            or not any(_lemma(t) in words()["act_nouns"] or t.lower_ in words()["act_nouns"] for t in act):
        return None  # "called on the parties to…", "described how…": no act named before the breach
    by = next((o for t in act if t.lower_ == "by" for o in t.children if o.dep_ == "pobj"), None)
    doer = by or next((t for t in act if (t.dep_ in ("amod", "compound", "poss", "nmod", "dobj")
                                          or (t.dep_ == "nsubj" and t.head == misread))
                       and t.pos_ != "VERB" and actor_of_phrase(t)), None)
    if doer is None:
        return None
    if _of_another_norm(token):
        return None
    return Reading(doer, "violate", subject_of(verb))


def _of_another_norm(breach) -> bool:
    """A breach of a norm other than a truce ("of Syrian sovereignty", "of international law"), and of no deal."""
    broken = _objects_after(breach, ("of",))
    return bool(broken) and not any(_deal(o) for o in broken) and any(
        lexicon()["other_norms_re"].search(o.doc[o.left_edge.i: o.right_edge.i + 1].text) for o in broken)


@reader("left_the_deal")
def left_the_deal(token) -> Reading | None:
    """ "it is Russia that walked away from its commitments", "Ankara went back on the deal", "abandoned the
    memorandum": leaving a deal is not honouring it."""
    lemma = _lemma(token)
    if token.pos_ != "VERB" or negated(token) or not any(_deal(o) for o in _objects(token)):
        return None
    leaving = lemma in words()["leaving_verbs"] and any(
        c.lower_ in words()["leaving_particles"] for c in token.children if c.dep_ in ("prt", "advmod", "prep"))
    if not (leaving or lemma in words()["dropping_verbs"]):
        return None
    doer = subject_of(token)
    return Reading(doer, "fail") if doer is not None else None


@reader("own_end_not_kept")
def own_end_not_kept(token) -> Reading | None:
    """ "Moscow had not held up its end of the bargain", "failed to keep its side of the deal"."""
    if _lemma(token) not in words()["end_verbs"] or token.pos_ != "VERB":
        return None
    end = next((c for c in token.subtree if c.lower_ in ("end", "side", "part") and c.head.i >= token.i
                and any(o.dep_ == "prep" and o.lower_ == "of" for o in c.children)), None)
    bargain = end is not None and any(_deal(o) or o.lower_ in ("bargain", "deal") for c in end.children
                                      if c.dep_ == "prep" for o in c.children)
    if not bargain or not _undone(token):
        return None
    doer = subject_of(token)
    return Reading(doer, "fail") if doer is not None else None


@reader("delivered_on_nothing")
def delivered_on_nothing(token) -> Reading | None:
    """ "Washington had not delivered on the central condition", "failed to follow through on its pledges": a verb
    and particle that mean keeping (config `phrasal_keeping`), undone."""
    if token.pos_ != "VERB" or not any(f"{_lemma(token)} {c.lower_}" in words()["phrasal_keeping"]
                                       for c in token.children if c.dep_ in ("prep", "prt", "advmod", "acomp")):
        return None
    if not _undone(token):
        return None
    doer = subject_of(token)
    return Reading(doer, "fail") if doer is not None else None


@reader("attacks_not_stopped")
def attacks_not_stopped(token) -> Reading | None:
    """ "the occupation army and its mercenaries have not stopped their attacks", "failed to halt the shelling":
    in a truce's view (the caller's context), attacks not ended are a charge against who does not end them."""
    if _lemma(token) not in words()["stopping_verbs"] or token.pos_ != "VERB" or not _undone(token):
        return None
    acts = [c for c in token.children if c.dep_ in ("dobj", "xcomp") and (
        _lemma(c) in ATTACK_NOUNS or c.lower_ in ATTACK_NOUNS or _lemma(c) in ("shell", "attack", "bomb", "violation"))]
    doer = subject_of(token)
    return Reading(doer, "attack") if acts and doer is not None else None


def ended(act) -> bool:
    """ "the militants stopped their attacks": an act said to have ended is no charge (unless the ending is
    negated or failed, which attacks_not_stopped reads)."""
    verb = act.head
    # Said to have ended, in the past ("stopped", "have halted", "were suspended"): not "had to stop the attacks"
    done = verb.tag_ in ("VBD", "VBN") and verb.dep_ != "xcomp" and not any(c.lower_ == "to" for c in verb.children)
    return act.dep_ in ("dobj", "nsubjpass") and _lemma(verb) in words()["stopping_verbs"] and verb.pos_ == "VERB" \
        and done and not _undone(verb)


@reader("owed_not_done")
def owed_not_done(token) -> Reading | None:
    """ "the terrorists never left the line they were obliged to leave", "Ankara has not taken the steps it
    committed to": an act not done whose object the doer was bound to."""
    if token.pos_ != "VERB" or not negated(token):
        return None
    bound = words()["agreed_verbs"] | words()["pledge_verbs"]

    def owes(clause, thing) -> bool:
        """The clause binds the doer to this very act ("obliged to leave" for "never left"), or to the steps."""
        same = any(c.dep_ == "xcomp" and _lemma(c) == _lemma(token) for c in clause.children)
        return same or _lemma(thing) in words()["duty_nouns"] | words()["debt_nouns"]
    owed = any(c.dep_ in ("relcl", "acl") and _lemma(c) in bound and not negated(c) and owes(c, o)
               for o in token.children if o.dep_ == "dobj" for c in o.children)
    doer = subject_of(token)
    return Reading(doer, "fail") if (owed or _said_to_be_owed(token)) and doer is not None else None


def _said_to_be_owed(verb) -> bool:
    """ "had not issued the letters needed for convoys to reach the areas, which he said Damascus was obliged to
    provide under the agreement": a relative, wherever in the object's phrase the parser hangs it, in which someone
    says the thing is owed under a deal."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for clause in (t for t in obj.subtree if t.dep_ == "relcl" and any(
                c.lower_ in ("which", "that") for c in (*t.children, t.doc[max(t.left_edge.i - 1, 0)], t.left_edge))):
            said = [c for c in clause.children if c.dep_ == "ccomp"] if _lemma(clause) in lexicon()["reporting_verbs"] \
                else [clause]
            if any(_lemma(c) in words()["bound_heads"] and _lemma(c) != "be" and not negated(c)
                   and any(x.dep_ == "xcomp" for x in c.children) and any(_deal(t) for t in c.subtree) for c in said):
                return True
    return False


@reader("no_will_to_keep")
def no_will_to_keep(token) -> Reading | None:
    """ "the groups had no intention of abiding by the arrangements", "Russia has no respect for any agreement
    it signs", "the regime is not serious about any commitment": no will to keep a deal is a charge of not
    keeping it."""
    lemma = _lemma(token)
    if lemma in words()["will_nouns"] and token.pos_ == "NOUN":
        unwilling = any(c.dep_ == "det" and c.lower_ == "no" for c in token.children) or (
            token.dep_ == "dobj" and negated(token.head))
        kept = [t for c in token.children if c.dep_ in ("prep", "acl") for t in c.subtree
                if _lemma(t) in words()["keep_verbs"] and t.pos_ == "VERB"]
        deals = [o for o in _objects_after(token, ("for", "of")) if _deal(o)]
        if not unwilling or not (kept or (lemma in ("respect", "regard") and deals)):
            return None
        holder = token.head if token.dep_ == "dobj" else None  # "had no intention", "has no respect"
    elif lemma in words()["keep_verbs"] and token.pos_ == "VERB" and token.dep_ == "xcomp" \
            and _lemma(token.head) in words()["intend_verbs"] and negated(token.head):
        holder = token.head  # "never intended to respect the truce", "did not mean to honour"
    elif (lemma in words()["earnest_words"] or token.lower_ in words()["earnest_words"]) \
            and token.pos_ in ("ADJ", "VERB") and token.dep_ == "acomp":  # ("are not committed to": a participle)
        # the "not" may hang on the verb or, when the words are quoted ('was "not serious" about'), on the adjective
        if not (negated(token.head) or negated(token)) \
                or not any(_deal(o) or _keeping_a_deal(o) for o in _objects_after_or_gerund(token)):
            return None
        holder = token.head  # "is not serious about any commitment"
    else:
        return None
    doer = subject_of(holder) if holder is not None else None
    return Reading(doer, "fail") if doer is not None else None


def _objects_after_or_gerund(token) -> list:
    """What one is serious about: a deal, or keeping one ("about implementing the ceasefire")."""
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("about", "to", "in")]
    return _objects_after(token, ("about", "to", "in")) + [g for p in preps for g in p.children if g.dep_ == "pcomp"]


def _keeping_a_deal(verb) -> bool:
    """ "implementing the ceasefire", "honouring its commitments": a keeping whose object is a deal or a debt."""
    return _lemma(verb) in words()["keep_verbs"] and any(
        c.dep_ == "dobj" and (_deal(c) or _lemma(c) in words()["debt_nouns"]) for c in verb.children)


@reader("asked_to_stop")
def asked_to_stop(token) -> Reading | None:
    """ "called on Turkey to stop violating the ceasefire", "urged Damascus to cease its attacks": a demand to stop a
    breach says the one asked is breaching it (the demanded_keeping of a breach)."""
    act = (token.dep_ == "xcomp" and token.pos_ == "VERB" and _lemma(token) in BREACH_VERBS | words()["strike_verbs"]) or (
        token.dep_ == "dobj" and token.pos_ == "NOUN" and _lemma(token) in BREACH_NOUNS | ATTACK_NOUNS)
    if not act:
        return None
    stop = token.head
    if _lemma(stop) not in words()["stopping_verbs"] or stop.dep_ not in ("xcomp", "ccomp", "advcl") or negated(stop):
        return None
    if _lemma(stop.head) not in words()["demand_verbs"]:
        return None
    if token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in POINTING for c in token.children):
        return None  # "asked the Russian side to stop these violations": the regime's, told before
    trigger = "violate" if _lemma(token) in BREACH_VERBS | BREACH_NOUNS else "attack"
    # (or the party its "by" or "of" names: "expected Russia to stop the attacks of the regime on Idlib")
    owner: Any = (owner_of(token) or _agent_after(token) or _of_a_party(token)) if token.pos_ == "NOUN" else None
    if owner is not None and owner.pos_ != "PRON" and actor_of_phrase(owner):
        # "called on Moscow to halt the regime's attacks": the regime attacks; Moscow is asked to stop it
        asked = _demanded_of(stop, stop.head, trigger)
        return Reading(owner, trigger, asked.accuser) if asked is not None else None
    return _demanded_of(stop, stop.head, trigger)


def _of_a_party(act):
    """ "the attacks of the regime": the party an act's "of" names (not a place or a thing it hit)."""
    return next((o for p in act.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj" and actor_of_phrase(o)), None)


@reader("kept_unlike")
def kept_unlike(token) -> Reading | None:
    """ "We have fulfilled all our obligations, unlike the Turkish side": a keeping set against one who did not keep."""
    if token.pos_ != "VERB" or _lemma(token) not in words()["keep_verbs"] or negated(token):
        return None
    owed = _debts(token) or [t for o in token.children if o.dep_ == "dobj" for t in o.subtree
                             if _lemma(t) in words()["debt_nouns"]]  # "every one of its commitments"
    if not owed:
        return None
    other = next((o for c in token.subtree if c.dep_ == "prep" and c.lower_ in words()["contrast_words"]
                  for o in c.children if o.dep_ == "pobj"), None)
    return Reading(other, "fail") if other is not None else None


@reader("left_unkept")
def left_unkept(token) -> Reading | None:
    """ "Turkey's commitments under the memorandum remained a dead letter", "Ankara's obligations remain unfulfilled",
    "the obligations assumed by Ankara remain unfulfilled": a party's own debt said to stay unkept charges the party;
    so does its keeping said to fall short ("Turkey's compliance with its obligations remains incomplete")."""
    if token.dep_ not in ("acomp", "attr", "oprd") or _lemma(token.head) not in ("be", "remain", "stay"):
        return None
    unkept = token.lower_ in words()["unkept_words"] or (_lemma(token) == "letter" and any(
        c.lower_ == "dead" for c in token.children))
    short = token.lower_ in words()["short_words"]
    if not (unkept or short) or negated(token.head):
        return None
    debt = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if debt is not None and short and _keeping(debt):
        keeper = owner_of(debt)
        return Reading(keeper, "fail") if keeper is not None else None
    if debt is None or not unkept or _lemma(debt) not in words()["debt_nouns"] | words()["deal_nouns"]:
        return None
    # "Ankara's obligations", or "the obligations assumed by Ankara in this regard"
    owner = next((c for c in debt.children if c.dep_ == "poss" and c.pos_ != "PRON"), None) or pledger_of(debt)
    return Reading(owner, "fail") if owner is not None else None


@reader("came_to_nothing")
def came_to_nothing(token) -> Reading | None:
    """ "Turkey's promises to clear the M4 have not materialised", "the commitments Russia made never happened": a
    party's own promise said not to come true charges the party."""
    if token.pos_ != "VERB" or _lemma(token) not in words()["coming_true_verbs"] or not negated(token):
        return None
    debt = next((c for c in token.children if c.dep_ == "nsubj"), None)
    if debt is None or _lemma(debt) not in words()["debt_nouns"]:
        return None
    owner = next((c for c in debt.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    owner = owner if owner is not None else pledger_of(debt)
    return Reading(owner, "fail") if owner is not None else None


@reader("debt_unpaid")
def debt_unpaid(token) -> Reading | None:
    """ "Turkey's commitments under the memorandum have still not been carried out", "the obligations Ankara took
    on in Sochi have not been met", "the commitments undertaken by Turkey were never implemented": a party's own
    debt said, in the passive, not to be kept charges the party."""
    if token.pos_ != "VERB" or _lemma(token) not in words()["keep_verbs"] or not negated(token):
        return None
    debt = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if debt is None or _lemma(debt) not in words()["debt_nouns"]:
        return None
    owner = next((c for c in debt.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    owner = owner if owner is not None else pledger_of(debt)
    return Reading(owner, "fail") if owner is not None else None


@reader("dragged_feet")
def dragged_feet(token) -> Reading | None:
    """ "Turkey is dragging its feet on implementing the Idlib agreements", "…its heels over the separation of the
    militants": stalling a keeping charges whoever stalls."""
    if token.pos_ != "VERB" or _lemma(token) != "drag" or not any(
            c.dep_ == "dobj" and c.lower_ in words()["dragged_nouns"] for c in token.children):
        return None
    tasks = [t for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "over", "in", "with")
             for t in c.children if t.dep_ in ("pobj", "pcomp")]
    if not tasks:
        # "Under the memorandum, Turkey undertook to… Moscow has complained that Ankara has dragged its feet": on the
        # deal or the undertaking told in its sentence or the one before
        pledged = words()["pledge_verbs"] | words()["undertaking_verbs"]
        tasks = [t for sentence in (token.sent, sentence_before(token.sent)) if sentence is not None for t in sentence
                 if _deal(t) or (_lemma(t) in pledged and t.pos_ == "VERB")]
    elif not any(_keeping(t) or _deal(t) or _lemma(t) in words()["keep_verbs"] | words()["debt_nouns"]
                 | words()["owed_acts"] for t in tasks):
        return None
    if not tasks:
        return None
    doer = subject_of(token)
    return Reading(doer, "delay") if doer is not None else None


def _owed_task(verb) -> bool:
    """An act a deal asks for: a keeping ("implement"), an owed act ("separate"), or an act told in a sentence that
    names the deal or a pledge ("slow to clear the highway, as it had undertaken to do under the protocol")."""
    if _lemma(verb) in words()["keep_verbs"] | words()["owed_acts"]:
        return True
    pledged = words()["pledge_verbs"] | words()["undertaking_verbs"]
    return any(_deal(t) or _lemma(t) in words()["debt_nouns"] or (_lemma(t) in pledged and t.pos_ == "VERB")
               for t in verb.sent)


@reader("slow_keeping")
def slow_keeping(token) -> Reading | None:
    """ "Ankara had been slow to clear the highway, as it had undertaken to", "Turkey is moving too slowly to set up
    the posts it committed to": slowness in an owed act is a delay charged to whoever is slow."""
    verb = slowed(token)
    if verb is None or negated(verb):
        return None  # "was not slow to…"
    doer = subject_of(verb)
    return Reading(doer, "delay") if doer is not None else None


def slowed(token):
    """For an owed act told as done slowly ("slow to clear", "slow in separating", "moving too slowly to set up"), the
    verb whose subject is slow ("had been", "is moving"); else None."""
    infinitive = token.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    gerund = token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.lower_ == "in"  # "slow in separating"
    if token.pos_ != "VERB" or not (infinitive or gerund):
        return None
    holder, slow = (token.head.head if gerund else token.head), words()["slow_words"]
    if gerund and holder.lemma_ == "be":  # "has been slow in separating", the "in" hung on the copula
        holder = next((c for c in holder.children if c.dep_ == "acomp" and c.lower_ in slow), holder)
    slow_adjective = holder.lower_ in slow and holder.dep_ == "acomp"
    slow_adverb = holder.pos_ == "VERB" and any(c.dep_ == "advmod" and c.lower_ in slow for c in holder.children)
    if not (slow_adjective or slow_adverb) or not _owed_task(token):
        return None
    return holder.head if slow_adjective else holder


@reader("hastening_demanded")
def hastening_demanded(token) -> Reading | None:
    """ "Lavrov urged Turkey to speed up the implementation of its obligations": asking a party to hasten a keeping
    says it is late."""
    if token.pos_ != "VERB" or _lemma(token) not in words()["hasten_verbs"] or negated(token):
        return None
    if _lemma(token) == "speed" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
        return None
    kept = [o for o in _objects(token) if _keeping(o) or _lemma(o) in words()["debt_nouns"] or _deal(o)]
    demand = token.head
    if not kept or token.dep_ not in ("xcomp", "ccomp") or _lemma(demand) not in words()["demand_verbs"]:
        return None
    return _demanded_of(token, demand, "delay")


@reader("kept_in_part")
def kept_in_part(token) -> Reading | None:
    """ "Turkey had only partially complied with its Sochi obligations", "Ankara has partly fulfilled its
    commitments": a debt kept in part is a debt not kept."""
    if token.pos_ != "VERB" or _lemma(token) not in words()["keep_verbs"] or negated(token):
        return None
    if not any(c.dep_ == "advmod" and c.lower_ in words()["in_part"] for c in token.children) or not _debts(token):
        return None
    doer = subject_of(token)
    return Reading(doer, "fail") if doer is not None else None


def _nothing_done_towards(verb) -> object | None:
    """The verb that does nothing towards this keeping: "has done nothing to separate…" (the keeping on "nothing" or
    on "done"), "made no effort to implement…", "took no steps to withdraw…"."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    holder = verb.head
    if holder.pos_ == "VERB":
        return holder if does_nothing(holder) else None
    if holder.dep_ == "dobj" and does_nothing(holder.head) and no_effort(holder):
        return holder.head
    return None


@reader("nothing_done")
def nothing_done(token) -> Reading | None:
    """ "the Turkish side has done nothing to separate the moderate rebels from the terrorists", "Ankara has made
    no effort to implement the memorandum": no step towards a keeping is a keeping undone."""
    if token.pos_ != "VERB" or _lemma(token) not in words()["keep_verbs"] | words()["owed_acts"]:
        return None
    doing = _nothing_done_towards(token)
    if doing is None or negated(doing):
        return None
    doer = subject_of(doing)
    return Reading(doer, "fail") if doer is not None else None


@reader("more_to_do")
def more_to_do(token) -> Reading | None:
    """ "Ankara must do more to implement the Idlib memorandum", "Turkey needs to do more to fulfil its commitments":
    more asked of a keeping says it is not yet kept (a plain "must implement" is an appeal)."""
    if token.pos_ != "VERB" or _lemma(token) not in words()["keep_verbs"] or negated(token):
        return None
    doing = token.head
    if token.dep_ not in ("advcl", "xcomp") or _lemma(doing) != "do" or negated(doing) \
            or not any(c.lower_ == "more" and c.dep_ in ("dobj", "advmod") and not any(t.lower_ == "than" for t in c.subtree)
                       for c in doing.children):  # not "has done more than anyone to implement…"
        return None
    if not (_debts(token) or any(_deal(o) for o in _objects(token))):
        return None
    doer = subject_of(doing)
    return Reading(doer, "fail") if doer is not None else None


@reader("no_progress")
def no_progress(token) -> Reading | None:
    """ "there has been no progress on Turkey's commitment to clear the M4", "the lack of any steps on the part of Turkey
    to fulfil its obligations", "Turkey's lack of progress in separating the opposition from the terrorists", "no real
    movement by Ankara towards meeting its commitments": progress towards a keeping said to be missing charges whose
    progress it is, or whose debt it was."""
    if token.pos_ != "NOUN" or _lemma(token) not in words()["progress_nouns"]:
        return None
    of = token.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    lack = of.head if of is not None and _lemma(of.head) in words()["lack_nouns"] else None
    # made, shown or had: "has made no progress in…", "has not taken any steps to…", "there has been no movement towards…"
    made = token.head if token.dep_ in ("dobj", "attr") and _lemma(token.head) in words()["progress_making_verbs"] else None
    if lack is None and not negated(token.head) and not any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return None
    debts = [d for o in _objects_after(token, ("on", "in", "towards", "toward"))
             for d in (o, *_objects_after(o, ("of",))) if _lemma(d) in words()["debt_nouns"]]
    owner = next((c for d in debts for c in d.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    if owner is not None:
        return Reading(owner, "fail")  # whose debt it is
    if not any(_towards_keeping(head) for head in (token, lack, made) if head is not None):
        return None
    doer = owner_of(token) or on_the_part_of(token)
    if doer is None and lack is not None:
        doer = owner_of(lack) or on_the_part_of(lack)
    if doer is None and token.dep_ == "dobj":
        doer = subject_of(token.head)  # "Ankara has made no progress in…", "has not taken any steps to…"
    return Reading(doer, "fail") if doer is not None and actor_of_phrase(doer) else None


def _towards_keeping(progress) -> bool:
    """A progress noun's aim is a keeping: an infinitive or "in"/"towards" a keeping verb, noun or debt (hung on the
    noun, or as the parser may, on the lack or the verb of making)."""
    aims = words()["keep_verbs"] | words()["owed_acts"]
    own = progress.subtree if progress.pos_ == "NOUN" else (t for c in progress.children if c.dep_ == "prep" for t in c.subtree)
    for t in own:
        if t.pos_ == "VERB" and _lemma(t) in aims and (
                any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)
                or (t.tag_ == "VBG" and t.head.lower_ in ("in", "on", "towards", "toward", "to"))):
            return True
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "on", "towards", "toward") \
                and (_keeping(t) or _lemma(t) in words()["debt_nouns"]):
            return True
    return False


@reader("still_where_bound_to_leave")
def still_where_bound_to_leave(token) -> Reading | None:
    """ "The YPG militias are still inside villages they were supposed to leave under the agreement", "the militants
    remain in areas they pledged to withdraw from": a party still where its own clause says it was bound to leave is
    charged with the leaving it owes."""
    if not _stays(token):
        return None
    # (the parser hangs the place's clause on the place, on the verb, or on the "said" before them)
    bound = [c for c in token.sent if c.i > token.i and _pledges(c) and not negated(c)
             and any(_leaves_the_place(x) for x in c.children if x.dep_ == "xcomp")]
    stayer = subject_of(token)
    return Reading(stayer, "fail") if bound and stayer is not None else None


def _stays(verb) -> bool:
    """The verb says its subject is still there: "are still inside", "remains in", "stay"."""
    return verb.pos_ in ("VERB", "AUX") and not negated(verb) and (_still(verb) or _lemma(verb) in words()["persist_verbs"])


def _leaves_the_place(verb) -> bool:
    """A leaving whose place is the gap of the clause it ends: "leave" with no object, "withdraw from" with none."""
    if _lemma(verb) not in words()["left_places"]:
        return False
    return not any(c.dep_ == "dobj" or (c.dep_ == "prep" and any(o.dep_ == "pobj" for o in c.children)
                                         and c.lower_ in ("from", "out")) for c in verb.children)


@reader("stays_despite_the_deal")
def stays_despite_the_deal(token) -> Reading | None:
    """ "the YPG remains in Tell Rifaat and Manbij in spite of the deals", "the militants are still in the zone despite
    the Sochi agreement": a party staying where a deal has it leave is charged with the leaving it owes."""
    if not _stays(token) or _lemma(token) == "continue":  # (an act that continues is read as the act)
        return None
    deals = [d for p in token.children if p.dep_ == "prep" for d in _despite(p) if _deal(d)]
    stayer = subject_of(token)
    return Reading(stayer, "fail") if deals and stayer is not None else None


@reader("given_more_time")
def given_more_time(token) -> Reading | None:
    """ "the Turkish side had been given additional time to take measures to neutralise terrorist groups", "Moscow gave
    Ankara more time to separate the militants": more time for an owed act says it was not done when due."""
    if _lemma(token) not in words()["granting_verbs"] or token.pos_ != "VERB" or negated(token):
        return None
    time = next((c for c in token.children if c.dep_ == "dobj" and _lemma(c) == "time"
                 and any(_lemma(a) in words()["extra_words"] for a in c.children)), None)
    if time is None:
        return None
    # the act the time is for, on the time or on the verb ("given additional time … to take measures to neutralise…")
    owed = words()["owed_acts"] | words()["keep_verbs"]
    purposes = [c for head in (time, token) for c in head.children if c.dep_ in ("relcl", "acl", "advcl", "xcomp")
                and any(a.lower_ == "to" for a in c.children)]
    if not any(_lemma(t) in owed for p in purposes for t in p.subtree if t.pos_ == "VERB"):
        return None
    given = next((c for c in token.children if c.dep_ == ("nsubjpass" if is_passive(token) else "dative")), None)
    return Reading(given, "delay") if given is not None else None


def done_despite_a_truce(act) -> bool:
    """ "the regime had carried out air strikes on Aleppo despite the pause": an act whose clause is set against a truce
    or a deal ("despite", "in spite of", "contrary to")."""
    verb = act.head
    return act.dep_ == "dobj" and verb.pos_ == "VERB" and any(
        _deal(d) or _lemma(d) in words()["truce_nouns"] for p in verb.children if p.dep_ == "prep" for d in _despite(p))


def struck_despite_a_truce(verb) -> bool:
    """ "Syrian government forces have continued to strike residential areas despite the arrangement": a verb of attack
    set against a truce or a deal, on itself or on the verb it goes on from ("continued to strike … despite")."""
    heads = [verb, verb.head] if verb.dep_ == "xcomp" and verb.head.pos_ == "VERB" else [verb]
    return verb.pos_ == "VERB" and any(
        _deal(d) or _lemma(d) in words()["truce_nouns"]
        for head in heads for p in head.children if p.dep_ == "prep" for d in _despite(p))


def _despite(preposition) -> list:
    """What a "despite", "notwithstanding", "in spite of" or "contrary to" sets the clause against."""
    word = preposition.lower_
    if word in ("despite", "notwithstanding"):
        return [o for o in preposition.children if o.dep_ == "pobj"]
    if word in ("in", "contrary"):  # "in spite of the deals", "contrary to the agreement"
        heads = [o for o in preposition.children if o.dep_ == "pobj" and o.lower_ == "spite"] if word == "in" \
            else [preposition]
        return [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in ("of", "to")
                for o in p.children if o.dep_ == "pobj"]
    return []

