"""How a trigger is asserted: denied, negated, hypothetical or answering a denial, and whose report it is."""

from __future__ import annotations

from itertools import islice

from pipeline.analyzer.candidates import lexicon
from pipeline.analyzer.gazetteer import gazetteer
from pipeline.analyzer.names import attribution_config
from pipeline.analyzer.referents import (ACTS_AND_BREACHES, CLAIM_NOUNS, actor_of_phrase, antecedent,
                                         claim_owner, far_from, finite_above, report_owner, subject_of)
from pipeline.analyzer.sentences import sentence_of
from pipeline.analyzer.speakers import Speaker, SpeakerIndex
from pipeline.analyzer.statements import CUES, DENIALS, VIEW_NOUNS, _speaker_of, acts_in_reply, complains, relayed
from pipeline.analyzer.subjects import group_before

# "Ankara's position is that…": nouns whose owner's stance a copula's clause gives
STANCE_NOUNS = frozenset(attribution_config().get("stance_nouns", ()))

RULE_WORDS = lexicon()["rules"]  # config/accusation_lexicon.yaml, section `rules`
ACCUSE = RULE_WORDS["accuse_verbs"]
COMMITMENT_NOUNS = RULE_WORDS["commitment_nouns"]
TOLERATE = RULE_WORDS["tolerate_verbs"]
REPORTING_VERBS = CUES | ACCUSE | DENIALS | RULE_WORDS["belief_verbs"]
HEARSAY_NOUNS = CLAIM_NOUNS | RULE_WORDS["hearsay_nouns"]
SPEECH_NOUNS = frozenset(attribution_config().get("speech_nouns", ()))
EVIDENCE_NOUNS = RULE_WORDS["evidence_nouns"]
UNTRUE_WORDS = RULE_WORDS["untrue_words"]
CHECKING_VERBS = RULE_WORDS["checking_verbs"]
CONFIRMING_VERBS = RULE_WORDS["confirming_verbs"]
FAILING = RULE_WORDS["failing_heads"]
MANAGING = RULE_WORDS["managing_heads"]
HYPOTHETICAL_MARKS = frozenset("if unless whether should once".split())
MODALS = frozenset("would could might may".split())


def _denies_the_charge(verb) -> bool:
    """ "…, a charge Damascus denies": the denial's object is the charge, written before it."""
    return verb.lemma_.lower() in DENIALS and any(
        c.dep_ == "dobj" and c.i < verb.i and c.lemma_.lower() in CLAIM_NOUNS for c in verb.children)


def under_denial(token) -> bool:
    """The trigger is what someone denies ("denied violating", "rejected claims that X breached")."""
    node = token
    for _ in range(6):
        if node.head == node:
            return False
        if _disowned(node):
            return True
        if node.lemma_.lower() in CLAIM_NOUNS or _owned_speech(node):
            # "rejected Ankara's claims that Russia…", "rejected statements by the opposition delegation, whose head
            # accused…", "rejected opposition reports that Russian jets…": that party's charge, reported
            return False
        if node.head.lemma_.lower() in DENIALS:
            # ", a charge Damascus denies": the parser may hang the charge's clause on the denial; the denied
            # object is the charge itself, written before the verb, and the clause stays the accuser's claim.
            if _denies_the_charge(node.head):
                return False
            # What is denied is the object or complement ("denied violating"), not a clause beside it.
            return node.dep_ in ("dobj", "ccomp", "xcomp", "pcomp", "pobj", "prep")
        if node.dep_ in ("conj", "advcl"):
            return False
        node = node.head
    return False


def _owned_speech(noun) -> bool:
    """A party's own words or reports, the party named: "statements by the opposition delegation", "opposition reports"
    ("reports of attacks" tell what is reported, not who reports it)."""
    return (noun.lemma_.lower() in SPEECH_NOUNS and claim_owner(noun) is not None) or report_owner(noun) is not None


def _disowned(noun) -> bool:
    """A noun holding a charge no one named stands behind: "rejected claims that…", "reports that … were false",
    "checking reports that…", "there is no evidence that…" (a claim someone is named as making, "Turkish claims",
    stays theirs)."""
    lemma = noun.lemma_.lower()
    if lemma in EVIDENCE_NOUNS:
        return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
    if lemma not in HEARSAY_NOUNS or noun.pos_ != "NOUN" or claim_owner(noun) is not None:
        return False
    head = noun.head
    if head.lemma_.lower() in DENIALS and noun.dep_ in ("dobj", "nsubjpass"):
        return True
    # "was checking reports that…", "could not confirm claims that…": not yet anyone's charge
    if noun.dep_ == "dobj" and (head.lemma_.lower() in CHECKING_VERBS or (
            head.lemma_.lower() in CONFIRMING_VERBS and negated(head))):
        return True
    return noun.dep_ == "nsubj" and any(c.dep_ in ("acomp", "attr") and c.lemma_.lower() in UNTRUE_WORDS
                                        for c in head.children)


WITHHOLDING = frozenset(RULE_WORDS["withholding_verbs"])


def held_back(token) -> bool:
    """A charge not made: "has avoided criticizing Ankara", "refrained from blaming", "stopped short of accusing"."""
    if token.dep_ == "xcomp":
        head = token.head
    elif token.dep_ == "pcomp" and token.head.lower_ in ("from", "of"):
        head = token.head.head
        head = head.head if head.lower_ in ("short", "away") else head  # "stopped short of", "shied away from"
    else:
        return False
    return head.lemma_.lower() in WITHHOLDING and (head.lemma_.lower() != "stop" or token.dep_ == "pcomp")


def negated(token) -> bool:
    """Not done: "has not", "no longer", "has yet to", "Neither Russia nor the US have"."""
    if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "longer" and any(n.dep_ == "neg" for n in c.children))
           for c in token.children):
        return True
    if token.dep_ == "xcomp" and any(c.lower_ == "yet" for c in token.head.children):
        return True
    if token.dep_ == "xcomp" and token.head.lemma_.lower() == "remain" and any(
            c.dep_ == "auxpass" for c in token.children):
        return True  # "Turkey's obligations remain to be fulfilled": not done yet
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and (
            does_nothing(token.head) or (token.dep_ in ("relcl", "acl") and no_effort(token.head)
                                         and does_nothing(token.head.head))):
        return True  # "has done nothing to neutralise", "made no effort to separate", "took no steps to withdraw"
    subject = subject_of(token)
    if subject is None:
        return False
    if subject.lower_ in ("none", "nothing"):
        return True  # "none of the provisions has been implemented"
    if subject.lower_ == "one" and subject.i > 0 and subject.doc[subject.i - 1].lower_ == "not":
        return True  # "not one of these commitments has been implemented"
    span = list(subject.doc[subject.left_edge.i: subject.i])
    # "Neither Russia nor the US have", "not all the provisions had been implemented"
    # "not a single provision has been implemented"
    return any(c.lower_ == "neither" for c in subject.children) or any(
        a.lower_ == "not" and b.lower_ in ("all", "every", "each") for a, b in zip(span, span[1:])) or any(
        a.lower_ == "not" and b.lower_ == "a" and c.lower_ == "single" for a, b, c in zip(span, span[1:], span[2:]))


def no_effort(noun) -> bool:
    """ "nothing", "no effort", "no steps": an object that says nothing was done (config `obligations` words)."""
    words = lexicon()["obligations"]
    return noun.lower_ in words["nothing_words"] or (
        noun.lemma_.lower() in words["effort_nouns"] and any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children))


def does_nothing(verb) -> bool:
    """ "has done nothing", "took no steps", "made no effort": a verb of doing whose object is nothing."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon()["obligations"]["doing_verbs"] and any(
        c.dep_ == "dobj" and no_effort(c) for c in verb.children)


def failing(token) -> bool:
    """A keeping under a head that leaves it undone: "failed to withdraw", "unable to fulfil", and a negated
    ability or success ("has not been able to separate", "did not manage to honour", "has not succeeded in")."""
    head = token.head
    if head.lemma_.lower() in FAILING:
        return True
    if head.lemma_.lower() in lexicon()["obligations"]["doing_verbs"] and negated(head) \
            and any(c.lower_ == "enough" for c in head.children):
        return True  # "Russia has not done enough to restrain the Syrian army"
    if far_from(token):
        return True  # "is still far from fulfilling its commitments"
    if head.lower_ == "in" and token.dep_ == "pcomp":
        head = head.head  # "has not succeeded in separating"
    if head.lemma_.lower() not in MANAGING:
        return False
    return negated(head) or (head.dep_ in ("acomp", "oprd") and negated(head.head))


def none_of(noun) -> bool:
    """ "registered no violations", "did not record any breaches": a breach noun that is denied."""
    if any(t.lower_ in ("no", "zero") and t.dep_ == "det" for t in noun.doc[noun.left_edge.i: noun.i]):
        return True  # "no ceasefire violations": the parser may hang "no" on the compound
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head
    if verb.dep_ == "pcomp" and verb.head.lower_ == "without":
        return True  # "…, without mentioning any violations by Damascus"
    if verb.lemma_.lower() in TOLERATE:
        return False  # "we will not accept the regime's violations" says there are some
    return noun.dep_ in ("dobj", "pobj") and negated(verb)


QUANTIFIERS = frozenset("any all none some most part one many several each either".split())
# Verbs a commitment after "on" is kept by (config rules.keeping_phrases: "make good on", "deliver on"), and
# prepositions after which a commitment is only talked about (config rules.talked_about: "spoke about its obligations").
_KEEPING_ON = frozenset(p.split()[0] for p in RULE_WORDS["keeping_phrases"] if p.split()[-1] == "on")
NOT_KEEPING_PREPOSITIONS = frozenset(RULE_WORDS["talked_about"])


def binds(token) -> bool:
    """The verb's object is a commitment: "carried out its obligation", "lived up to its promises", also through a
    quantifier ("had not carried out any of its obligations", "lived up to none of the commitments")."""
    for child in token.children:
        if child.dep_ == "dobj" and _commitment(child):
            return True
        if child.lower_ == "on" and token.lemma_.lower() not in _KEEPING_ON:
            continue  # "has not commented on the memorandum" keeps nothing; "did not deliver on its promises" does
        if child.dep_ in ("prep", "prt") and child.lower_ not in NOT_KEEPING_PREPOSITIONS:
            for grandchild in child.children:
                if grandchild.dep_ in ("pobj", "prep"):
                    target = grandchild if grandchild.dep_ == "pobj" else next(
                        (g for g in grandchild.children if g.dep_ == "pobj"), None)
                    if target is not None and _commitment(target):
                        return True
    return False


def _commitment(noun) -> bool:
    """A commitment noun, or a quantifier of one ("any of its obligations")."""
    if noun.lemma_.lower() in COMMITMENT_NOUNS:
        return True
    return noun.lower_ in QUANTIFIERS and any(o.lemma_.lower() in COMMITMENT_NOUNS for c in noun.children
                                              if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj")


def mode_of(token) -> str:
    if token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("any", "every") for c in token.children) \
            and not _none_of_it(token):
        return "hypothetical"  # "reserves the right to respond to any attack by the regime": none has happened
    if _on_condition(token) or _charge_to_come(token):
        return "hypothetical"
    node = token
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in node.children) and looked_at(token) is None:
            return "hypothetical"  # (not "if we look at who is violating the ceasefire, it is…": a question answered)
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in node.children):
            return "hypothetical"
        if node.dep_ == "acl" and node.head.lemma_.lower() in RULE_WORDS["supposing_nouns"] and node.head.head.lower_ == "in":
            return "hypothetical"  # "…, in the event that the regime forces violate the ceasefire"
        subject = subject_of(node) if node.pos_ in ("VERB", "AUX") else None
        if subject is not None and any(c.dep_ == "aux" and c.lower_ in ("should", "were", "had") and c.i < subject.i
                                       for c in node.children):
            return "hypothetical"  # "should the regime attack our soldiers…"
        if subject is not None and any(c.dep_ == "det" and c.lower_ == "any" for c in subject.children) \
                and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "shall") for c in node.children):
            return "hypothetical"  # "Any Turkish attack will be a clear violation": none has happened
        if node.lemma_ in ("threaten", "warn") and node != token and token.dep_ in ("xcomp", "ccomp") \
                and not _act_endangers(node):
            return "hypothetical"
        if node != token and node.lemma_.lower() in RULE_WORDS["planning_verbs"] and node.pos_ == "VERB":
            return "hypothetical"  # "militants are planning to stage a chemical attack": not done yet
        if node != token and node.lemma_.lower() in RULE_WORDS["condition_words"] \
                and any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in node.children):
            return "hypothetical"  # "its acceptance depended on Russia halting attacks": a condition set
        if node != token and node.lemma_.lower() in RULE_WORDS["permitting_verbs"] and negated(node) \
                and not any(t.lower_ in RULE_WORDS["again_words"] for t in token.subtree):
            return "hypothetical"  # "will not allow the regime to violate the ceasefire": a warning
        if node.head == node or _asserts_apart(node):
            break
        node = finite_above(node) or node.head  # "…would not allow the regime to violate… and accused Moscow"
    return "claim"


def looked_at(clause):
    """ "we look at who is violating the ceasefire": the verb of looking whose "at" holds the clause, else None."""
    at = clause.head if clause.dep_ == "pcomp" else None
    if at is None or at.lower_ != "at" or at.head.lemma_.lower() != "look" or at.head.dep_ != "advcl":
        return None
    return at.head if any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children) else None


def _none_of_it(noun) -> bool:
    """ "the lack of any steps", "has not taken any steps": "any" under a lack or a negated verb says none, not a
    supposed one."""
    head = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun.head
    return head.lemma_.lower() in lexicon()["obligations"]["lack_nouns"] or (
        noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX") and negated(head))


def _act_endangers(verb) -> bool:
    """ "the government's continued bombardment threatens to unravel the truce": an act, not a party, threatens; it
    is said to be doing harm now, not warned of."""
    subject = subject_of(verb)
    return subject is not None and subject.pos_ == "NOUN" and subject.lemma_.lower() in ACTS_AND_BREACHES


def _on_condition(verb) -> bool:
    """ "will hold Turkey responsible if the ceasefire collapses": the trigger's own clause set on a condition
    ("even if" concedes, it sets none)."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
               and not any(m.lower_ == "even" for m in c.children) for c in verb.children)


def _charge_to_come(verb) -> bool:
    """ "Moscow will hold Ankara responsible", "will accuse": a charge announced for later is not yet made."""
    return (verb.lemma_.lower() in ACCUSE or holds_responsible(verb)) and any(
        c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in verb.children)


def holds_responsible(verb) -> bool:
    """ "held Russia responsible", not "held up its end of the bargain"."""
    return verb.lemma_.lower() == "hold" and verb.pos_ == "VERB" and any(c.lower_ == "responsible" for c in verb.subtree)


def _asserts_apart(node) -> bool:
    """ "would respond to any breach by the groups, which have repeatedly violated the truce": a relative clause set
    off by a comma (or with its own "it said": 'to "terrorist groups" which, it said, had shelled…') asserts on its own,
    whatever the clause it hangs in supposes."""
    start = node.left_edge.i
    if node.dep_ == "advcl" and node.tag_ == "VBG" and node.lemma_.lower() in RULE_WORDS["asserting_participles"] \
            and start > 0 and node.doc[start - 1].text == ",":
        return True  # "…said the group would not abide by the deal, adding that Russia had violated…": a new assertion
    if node.dep_ == "relcl" and any(c.dep_ == "parataxis" and c.lemma_.lower() in REPORTING_VERBS for c in node.children):
        return True  # "would respond to terrorist groups which, it said, had shelled…": the relative is reported apart
    if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in RULE_WORDS["reason_marks"] for c in node.children):
        return True  # "would deal with the agreement with caution, since Russia had not honoured…": a reason given
    if node.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children) and any(
            c.dep_ == "mark" and c.lower_ == "that" for c in node.children):
        return True  # "…that his forces would abide by the ceasefire but that Turkey was not respecting it": a second report
    return node.dep_ == "relcl" and start > 0 and node.doc[start - 1].text == "," \
        and node.doc[start].lower_ in ("which", "who")


def reporting_subject(token):
    """The subject of the reporting verb a trigger hangs under ("Moscow and Damascus said that…"), or None."""
    node = token
    for _ in range(12):
        if node != token and node.lemma_.lower() in REPORTING_VERBS and not acts_in_reply(node):
            return subject_of(node)
        if node.head == node:
            break
        node = node.head
    return None


def reporter_of(token, index: SpeakerIndex):
    """Walk up from a trigger to a reporting verb and return its speaker."""
    node, relayed_by, joined = token, None, False
    for _ in range(12):  # long clauses: "stressed that X controlled … and that its fighters continued to shell … in violation of"
        # "The terrorist groups had rejected it, he said, while Turkey had not…": the aside speaks for the clause
        aside = next((c for c in node.children if c.dep_ == "parataxis" and c.lemma_.lower() in CUES), None) \
            if node != token else None
        spoken = _speaker_of(aside, index) if aside is not None else None
        if spoken is not None:
            return spoken
        held = _stance_of(node) if node != token else None
        if held is not None:
            return held
        # A predicate the clause is joined to is no report of it: "HTS has rejected the Sochi agreement and refused to
        # withdraw…, Russian officials say" (the rejecting is another act of the same subject)
        if node != token and (node.lemma_.lower() in REPORTING_VERBS or complains(node)) and not joined \
                and not acts_in_reply(node) and not _denies_the_charge(node) and not _an_act_shows(node):
            speaker = _speaker_of(node, index)
            # "Vershinin said Turkey had not…, RIA Novosti reported", the agency's verb parsed as holding the clause:
            # a medium relays; who it relays, further up, made the claim
            if speaker and relayed_by is None and relayed(node):
                relayed_by = speaker
            elif speaker and not _told_by_its_reporter(node):
                return speaker
        if speaks_apart(node):
            return None  # "…, while Western envoys accused Moscow and Damascus of…": not the main clause's charge
        if node.head == node:
            break
        joined = node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and node.head.pos_ in ("VERB", "AUX")
        node = node.head
    if relayed_by is not None:
        return relayed_by
    for t in sentence_of(token):
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            return _speaker_of(t, index)
    return _in_their_view(sentence_of(token))


def _an_act_shows(verb) -> bool:
    """ "the terrorist attack … confirms that the Turkish regime has not fulfilled…": an act that confirms or shows is
    evidence, not a speaker; who tells of it speaks."""
    subject = subject_of(verb)
    return subject is not None and subject.pos_ == "NOUN" and subject.lemma_.lower() in ACTS_AND_BREACHES


def speaks_apart(verb) -> bool:
    """A reporting verb joined beside the main clause (advcl, conj) with a subject of its own, a noun: its charge is
    that subject's, named or not, and no one's above it."""
    return verb.lemma_.lower() in REPORTING_VERBS and verb.dep_ in ("advcl", "conj") and any(
        c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)


def _stance_of(verb):
    """ "Ankara's position is that Russia and Iran have failed to meet their responsibilities": whose stance (config
    attribution stance_nouns) a copula's clause gives."""
    if verb.lemma_ != "be" or not any(c.dep_ == "ccomp" for c in verb.children):
        return None
    noun = next((c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in STANCE_NOUNS), None)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None) if noun is not None else None
    actor = actor_of_phrase(owner) if owner is not None and owner.pos_ != "PRON" else None
    return Speaker(owner.text, None, actor, False) if actor else None


def _told_by_its_reporter(verb) -> bool:
    """ "Kuralenko … said it had registered nine violations": a reporting verb whose subject is a pronoun, in the clause
    another reporting verb reports, is that reporter's (the pronoun stands for it, not for the last body named)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "PRON":
        return False
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_VERBS:
        return True
    # "SANA said the forces launched an attack…, in what it described as a flagrant violation": the "it" of a free
    # relative that names the act is whoever reports the act
    return any(c.lower_ == "what" for c in verb.children) \
        and any(a.lemma_.lower() in REPORTING_VERBS and a.pos_ == "VERB" for a in islice(verb.ancestors, 4))


def _in_their_view(sentence):
    """ "In their telling, Turkey never…", "In Moscow's view, …": whose view the sentence gives."""
    words = list(sentence[:5])
    if len(words) < 4 or words[0].lower_ != "in":
        return None
    noun = next((w for w in words[1:4] if w.lemma_.lower() in VIEW_NOUNS), None)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None) if noun is not None else None
    if owner is None or not any(w.text == "," for w in sentence[noun.i - sentence.start: noun.i - sentence.start + 2]):
        return None
    if owner.pos_ == "PRON":  # "Russian officials see it differently. In their telling, …"
        group = group_before(owner)
        actor = (actor_of_phrase(group) if group is not None else None) or antecedent(owner, set())
    else:
        actor = actor_of_phrase(owner)
    return Speaker(owner.text, None, actor, False) if actor else None


def denies_in_sentence(sent, accuser: str) -> bool:
    """The accuser denies something in the same sentence: its accusation answers one against it."""
    g = gazetteer()
    for token in sent:
        if token.lemma_.lower() in DENIALS and token.pos_ == "VERB":
            subject = subject_of(token)
            actor = actor_of_phrase(subject) if subject is not None and subject.pos_ != "PRON" else None
            if actor and g.rollup(actor) == g.rollup(accuser):
                return True
    return False
