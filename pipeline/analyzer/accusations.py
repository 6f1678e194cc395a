"""Accusations: who says whom breached which commitment, from the parse, lexicons and the gazetteer.

Breach types: ceasefire_violation, attack, delayed_or_unfulfilled_commitments,
support_for_designated_groups, obstruction_of_patrols, failure_to_honor_deescalation, other.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.analyzer.agreements import agreement_in
from pipeline.analyzer.gazetteer import gazetteer
from pipeline.analyzer.sentences import sentence_of
from pipeline.analyzer.speakers import Speaker, SpeakerIndex, group_before
from pipeline.analyzer.statements import CUES, DENIALS, _speaker_of
from pipeline.models import Accusation, Statement

ACCUSE = frozenset("accuse blame criticize criticise condemn charge slam denounce fault rebuke censure".split())
BREACH = frozenset("violate breach flout break undermine sabotage obstruct delay fail renege ignore disregard "
                   "shell attack bomb target stall hinder block wreck jeopardize jeopardise torpedo".split())
COMPLY = frozenset("honor honour fulfil fulfill abide comply respect implement observe keep meet adhere "
                   "withdraw separate uphold ensure guarantee".split())
BREACH_NOUNS = frozenset("violation violations breach breaches failure failures delay delays attack attacks "
                         "shelling shellings provocation provocations non-compliance noncompliance contravention "
                         "obstacle obstacles violence aggression escalation".split())
# Nouns for what a party was bound to: "has not carried out its main obligation", "lived up to its promises".
COMMITMENT_NOUNS = frozenset("obligation obligations commitment commitments promise promises pledge pledges "
                             "undertaking undertakings duty duties responsibilities agreement agreements deal "
                             "memorandum protocol terms part".split())
# Nouns for an action whose doer is the accused: "the offensive by the regime is in breach of…".
ACTION_NOUNS = frozenset("offensive operation operations attack attacks strike strikes airstrike airstrikes shelling "
                         "bombing bombardment raid raids incursion advance presence action actions escalation "
                         "deployment assault".split())
# Verbs that are about compliance whatever the paragraph says: in a relevant article "Turkey has been
# stalling" is a charge even with no truce word near it (an attack verb needs one).
COMPLIANCE_VERBS = frozenset("violate breach flout renege stall sabotage torpedo".split())
# Refusing to put up with breaches presupposes them: "we do not accept / will not tolerate the violations".
TOLERATE = frozenset("accept tolerate allow permit condone ignore overlook excuse".split())
# Things that attack, whose owner is the attacker: "Turkish drones struck…".
ATTACKERS = frozenset("drone drones jet jets warplane warplanes aircraft artillery forces troops gunmen fighters".split())
# Nouns for an actor's own people, arms and bodies: "their units", "its fighters", "its foreign ministry".
OWNED = ATTACKERS | frozenset("unit units fighter member members militia militias force formation formations gunman "
                         "battalion battalions brigade brigades position positions "
                         # "Its foreign ministry said…": a state's own bodies and people
                         "ministry government army military command leadership presidency embassy mission "
                         "delegation spokesman spokeswoman spokesperson envoy president minister".split())
# What one may be accused of that is a breach without a breach word: "accused Ankara of arming HTS".
ACCUSE_CHARGES = frozenset("support supporting arm arming back backing shelter protect harbour harbor sponsor "
                           "supply supplying fund funding finance financing equip equipping "
                           "violating breaking failing delaying stalling obstructing sabotaging".split())
DOERS = ACTION_NOUNS | ATTACKERS  # an appositive breach charges whoever did these
REPORTING_VERBS = CUES | ACCUSE | DENIALS
BREACH_WORDS = BREACH | BREACH_NOUNS | ACCUSE_CHARGES
CLAIM_NOUNS = frozenset("accusation accusations claim claims allegation allegations charge charges complaint "
                        "complaints assessment assessments".split())
CONTEXT = re.compile(
    r"cease-?fire|truce|agreement|deal|accord|commitments?|obligations?|memorandum|protocol|de-?escalation|"
    r"understanding|patrols?|demilitari[sz]ed|pledges?|promises?|arrangements?|Sochi|Astana|March 5|5 March|"
    r"violations?|breach(?:es)?|guarantors?|pause|calm|lull|cessation of hostilities",
    re.IGNORECASE)
# Breaches of norms that are not ceasefire commitments: "a flagrant violation of Syria's sovereignty".
OTHER_NORMS = re.compile(r"(?:violations?|breach(?:es)?|violat\w+)[\"\u201d']?\s+(?:of\s+)?"
                         r"(?:(?!commitment|obligation|agreement|cease|truce|deal|memorandum|protocol|pledge)[^.;]){0,40}?(?:sovereignty|international "
                         r"(?:humanitarian )?law|human rights|territorial integrity|airspace|the UN Charter)", re.IGNORECASE)
ATTACK_WORDS = re.compile(r"\b(?:attack|shell|bomb|(?:air ?)?strike|airstrike|struck|raid|fire[sd]?|target|kill|assault|offensive)", re.I)
# Words before a state's name that make it a place: "in northeast Syria", "across Turkey".
PLACE_BEFORE = re.compile(r"\b(?:in|into|across|inside|near|throughout|within|north|south|east|west|northern|southern|"
                          r"eastern|western|north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|"
                          r"south-?west(?:ern)?)\s+(?:the\s+)?$", re.IGNORECASE)
HYPOTHETICAL_MARKS = frozenset("if unless whether should once".split())
MODALS = frozenset("would could might may".split())


def _actor_of_phrase(token) -> str | None:
    """The actor a noun phrase names (from its left edge to its head, plus compounds)."""
    phrase = token.doc[token.left_edge.i: token.i + 1].text
    actor = gazetteer().resolve(phrase)
    if actor is None and token.pos_ in ("PROPN", "NOUN"):
        # Its own right side ("the spokesman of the SDF"), not its conjuncts ("regime and Russian forces").
        own = [t for c in token.rights if c.dep_ not in ("conj", "cc") for t in c.subtree]
        end = max([token.i, *(t.i for t in own)]) + 1
        actor = gazetteer().resolve(token.doc[token.left_edge.i: end].text[:120])
    return actor


def _resolve_all(token, exclude: set[str]) -> list[str]:
    """Like _resolve, but "they" may stand for two parties named together ("The regime and the Russians… they")."""
    first = _resolve(token, exclude)
    if first is None and token.conjuncts and token.pos_ == "NOUN":
        # "regime and Russian forces": the first conjunct borrows the last one's head noun
        first = gazetteer().resolve(f"{token.text} {token.conjuncts[-1].text}")
        first = first if first and gazetteer().rollup(first) not in exclude else None
    if first is None or token.lower_ not in ("they", "their", "them"):
        return [first] if first else []
    text, mentions = _referents_before(token, exclude, sentences=1)
    for before, after in zip(mentions, mentions[1:]):
        if after.actor == first and re.fullmatch(r"\s*,?\s*(?:and|&)\s+(?:the\s+)?", text[before.end:after.start], re.I):
            return [before.actor, first]
    return [first]


def _antecedent(token, exclude: set[str]) -> str | None:
    """For its/it/they: the nearest actor named before, in this sentence or the two before it."""
    g = gazetteer()
    singular = token.lower_ in ("it", "its")
    for mention in reversed(_referents_before(token, exclude, sentences=2)[1]):
        if singular and mention.text.lower().endswith("s") and g.actors[mention.actor].kind == "armed_group":
            continue  # "it" is not "the terrorists"
        return mention.actor
    return None


def _referents_before(token, exclude: set[str], sentences: int):
    """The text from `sentences` sentences back up to the token, and the parties named in it that a
    pronoun can stand for: not people, not the excluded, not places ("in northeast Syria") and not
    the parties to a deal ("the truce agreed between Moscow and Ankara")."""
    start = sentence_of(token).start
    for _ in range(sentences):
        if start > 0:
            start = sentence_of(token.doc[start - 1]).start
    g = gazetteer()
    text = token.doc[start:token.i].text
    kept = []
    for mention in g.referents(text):
        before = text[:mention.start]
        if g.rollup(mention.actor) in exclude or g.actors[mention.actor].kind == "person":
            continue
        if g.actors[mention.actor].kind == "state" and PLACE_BEFORE.search(before):
            continue
        if re.search(r"\bbetween\s+(?:\w+\s+(?:and|&)\s+)?$", before, re.I):
            continue
        kept.append(mention)
    return text, kept


def _doer(token):
    """Who does the verb: the "by" agent of a passive ("was violated by the regime"), else the subject."""
    for child in token.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if any(c.dep_ == "nsubjpass" for c in token.children):
        return None  # "the truce was violated" names no one
    subject = _subject(token)
    if subject is None and token.dep_ == "ccomp":
        # "Mousavi said the United States, by supporting…, was undermining…": the parser made the
        # clause's subject an object of "said".
        subject = next((c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i), None)
    return subject


def _subject(token):
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    # "radical groups seeking to sabotage the calm": a participle's doer is the noun it modifies
    if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN", "PRON") and token.tag_ == "VBG":
        if token.head.lemma_.lower() == "one" and token.head.dep_ == "attr":
            return _subject(token.head.head) or token.head  # "they are the ones breaking the truce"
        return token.head
    # "failed to honour", "delaying to honor": the subject sits on the governing verb
    if token.dep_ in ("xcomp", "conj") and token.head.pos_ in ("VERB", "AUX"):
        return _subject(token.head)
    return None


def _owner(noun) -> object | None:
    """Whose failure/violation: a possessive, or 'by X' / 'of X'."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    # "a clear breach of the Moscow agreement by the Russian occupiers": the "by" hung on the agreement
    for of in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for agreement in (o for o in of.children if o.dep_ == "pobj"):
            by = next((o for c in agreement.children if c.dep_ == "prep" and c.lower_ == "by"
                       for o in c.children if o.dep_ == "pobj"), None)
            if by is not None and noun.lemma_.lower() in BREACH_NOUNS:
                return by
    # "responding to violations of the zone by terrorists": the parser hangs a "by" right after the
    # noun's phrase on the verb; a verb has no "by" of its own unless it is passive.
    after = noun.right_edge.i + 1
    if after < len(noun.doc) and noun.doc[after].lower_ == "by" and noun.doc[after].dep_ == "prep" \
            and noun.doc[after].head.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubjpass", "auxpass") for c in noun.doc[after].head.children):
        objects = [c for c in noun.doc[after].children if c.dep_ == "pobj"]
        if objects and noun.lemma_.lower() in BREACH_NOUNS:
            return objects[0]
    # ", a clear breach of the October ceasefire": an appositive breach describes the clause's event
    if noun.dep_ == "appos" and noun.lemma_.lower() in ("breach", "violation", "contravention"):
        verb = _governing_verb(noun)
        if verb is not None and verb.lemma_.lower() not in CUES:
            doer = _doer(verb)
            if doer is not None and doer.lemma_.lower() in DOERS:
                return _owner(doer) or _actor_word_before(doer) or doer
            return doer
    # "X bears responsibility for the violations", "X is responsible for the attacks"
    if noun.dep_ == "pobj" and noun.head.lower_ == "for":
        holder = noun.head.head
        if holder.lemma_ in ("responsibility", "responsible", "blame") and holder.head.pos_ in ("VERB", "AUX"):
            subject = _subject(holder.head)
            if subject is not None:
                return subject
    # "the attack was the work of radical groups"
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        for attr in (c for c in noun.head.children if c.dep_ == "attr" and c.lemma_ in ("work", "handiwork", "doing")):
            doer = next((o for prep in attr.children if prep.dep_ == "prep" and prep.lower_ == "of"
                         for o in prep.children if o.dep_ == "pobj"), None)
            if doer is not None:
                return doer
    # "militants were behind the attack"
    if noun.dep_ == "pobj" and noun.head.lower_ == "behind" and noun.head.head.lemma_ == "be":
        return _subject(noun.head.head)
    # "X opened fire in violation of…", "the offensive by the regime is in flagrant breach of…"
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.lemma_.lower() in ("violation", "breach", "contravention"):
        verb = _governing_verb(noun)
        subject = _subject(verb) if verb is not None else None
        if subject is None and verb is not None:
            subject = _nearest_subject_before(verb)
        if subject is not None and subject.lemma_.lower() in ACTION_NOUNS:
            return _owner(subject) or _actor_word_before(subject) or subject
        return subject
    # "the offensive of the regime and its allies": the doer after "of"
    if noun.lemma_.lower() in ACTION_NOUNS:
        of = next((o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                   if o.dep_ == "pobj" and gazetteer().resolve(o.doc[o.left_edge.i: o.i + 1].text)), None)
        if of is not None:
            return of
    # "the American forces were the main obstacle to…": an actor said to be the breach itself;
    # "the offensive of the regime was a flagrant breach": the action's doer
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subject = _subject(noun.head)
        if subject is not None and subject.lemma_.lower() in ACTION_NOUNS:
            return _owner(subject) or _actor_word_before(subject)
        if subject is not None and _actor_of_phrase(subject):
            return subject
    # "Turkish non-compliance with…", "regime violations": the actor word before the noun
    if _non_compliance(noun) and noun.i >= 3 and gazetteer().resolve(noun.doc[noun.i - 3].text):
        return noun.doc[noun.i - 3]  # the parser hangs "Turkish" on "non"
    if noun.lemma_.lower() in ("violation", "breach", "compliance", "failure", "non-compliance", "noncompliance",
                               "aggression") or noun.lower_ in ATTACK_NOUNS:
        before = _actor_word_before(noun)
        if before is not None:
            return before
    # "X carried out / stepped up / intensified attacks": the doer is the verb's subject.
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in PERPETRATE and _subject(noun.head) is not None:
        return _subject(noun.head)
    return None


PERPETRATE = frozenset("carry launch conduct step intensify continue commit stage mount escalate perpetrate "
                       "resume renew increase keep".split())
ATTACK_NOUNS = frozenset("attack attacks strike strikes airstrike airstrikes shelling bombing bombardment raid raids".split())


def _nearest_subject_before(verb):
    """For a verb the parser left without a subject ("the organizations deployed in the zone, …, have
    launched attacks"): up its clause chain, else the nearest subject before it that names a party."""
    node = verb
    while node.dep_ in ("advcl", "acl", "xcomp", "conj") and _is_verb(node.head):
        node = node.head
        subject = _subject(node)
        if subject is not None:
            return subject
    sentence = sentence_of(verb)
    for token in reversed(sentence[: verb.i - sentence.start]):
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("NOUN", "PROPN") and _actor_of_phrase(token):
            return token
    return None


def _governing_verb(token):
    """The nearest verb above a token, or None."""
    node = token.head
    while not _is_verb(node) and node.head is not node:
        node = node.head
    return node if _is_verb(node) else None


def _is_verb(token) -> bool:
    # A word in a noun's place is no verb, whatever its tag ("the Sahl al-Ghab plains" tagged VERB).
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("pobj", "dobj", "nsubj", "nsubjpass", "compound")


def _actor_word_before(noun):
    """"Russian and Syrian government airstrikes": the first actor word before the noun."""
    for child in noun.doc[noun.left_edge.i: noun.i]:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and gazetteer().resolve(child.text):
            return child
    return None


def _doer_of_these(noun):
    """For "These attacks are a violation…": whose attacks, from the attack noun of this or the previous sentence."""
    head = noun.head
    if noun.dep_ not in ("attr", "acomp") or head.lemma_ != "be":
        return None
    subject = _subject(head)
    if subject is None or subject.lemma_.lower() not in ATTACK_NOUNS:
        return None
    candidates = [subject]
    if any(c.lower_ in ("these", "this", "such", "the") for c in subject.children):
        previous = sentence_of(noun.doc[sentence_of(noun).start - 1]) if sentence_of(noun).start > 0 else None
        candidates += [t for t in (previous or []) if t.lemma_.lower() in ATTACK_NOUNS]
    for candidate in candidates:
        owner = _owner(candidate) if candidate is not subject else None
        if owner is not None:
            return owner
        before = _actor_word_before(candidate)
        if before is not None:
            return before
    return None


def _claimed_by(token):
    """For a trigger inside "Turkish accusations that Russia failed…": the token naming who claims it."""
    node = token
    for _ in range(5):
        if node.head is node:
            return None
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in CUES:
            return None  # "…, saying instead that Ankara failed": the sayer's claim, not the accusation's
        if node.lemma_.lower() in CLAIM_NOUNS and node.pos_ == "NOUN":
            for child in node.children:
                if child.dep_ in ("poss", "amod", "compound") and gazetteer().resolve(child.text):
                    return child
                if child.dep_ == "prep" and child.lower_ in ("by", "from"):  # "claims by the Russian ministry"
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return objects[0]
            return None
    return None


def _resolve(token, exclude: set[str]) -> str | None:
    if token is None:
        return None
    if token.pos_ == "PRON" and token.lower_ in ("this", "these"):
        return None  # "These are provocations in breach of the ceasefire": an event, not a party
    if token.lower_ in ("that", "which", "who") and token.head.dep_ == "relcl" and token.head.head.pos_ in ("NOUN", "PROPN"):
        return _resolve(token.head.head, exclude)  # a relative pronoun is the noun its clause hangs on
    if token.pos_ == "PRON" or token.lower_ in ("its", "their"):
        # "The Russians are the guarantors…, and they are the ones breaking the truce": the subject of
        # the clause it is joined to.
        if token.lower_ in ("they", "it") and token.dep_ == "nsubj" and token.head.dep_ == "conj":
            parallel = _subject(token.head.head)
            if parallel is not None and parallel.pos_ != "PRON":
                actor = _actor_of_phrase(parallel)
                if actor and gazetteer().rollup(actor) not in exclude:
                    return actor
        # "Russia said it only targets…": a pronoun subject of reported speech is usually the reporter.
        clause = token.head
        if token.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "ccomp" and clause.head.lemma_.lower() in CUES:
            reporter = _subject(clause.head)
            # …but "they" and "it" are never the person who reports ("Lavrov said they continue to shell…").
            person = reporter is not None and (reporter.ent_type_ == "PERSON" or reporter.lower_ in ("he", "she"))
            if reporter is not None and reporter.pos_ != "PRON" and not (person and token.lower_ in ("they", "it")):
                return _actor_of_phrase(reporter)
        return _antecedent(token, exclude)
    if token.lower_ == "latter":
        return None
    actor = _actor_of_phrase(token)
    if actor is None and token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("these", "those", "such")
                                                      for c in token.children):
        return _antecedent(token, exclude)  # "These groups have been attacking…": the ones just named
    if actor is None and token.lemma_.lower() in OWNED:
        # "their units kept firing", "its fighters continued to shell": whose units the pronoun says
        owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if owner is not None:
            return _antecedent(owner, exclude)
    return actor


def _under_denial(token) -> bool:
    """The trigger is what someone denies ("denied violating", "rejected claims that X breached")."""
    node = token
    for _ in range(6):
        if node.head is node or node.lemma_.lower() in CLAIM_NOUNS:
            return False
        if node.head.lemma_.lower() in DENIALS:
            # What is denied is the object or complement ("denied violating"), not a clause beside it.
            return node.dep_ in ("dobj", "ccomp", "xcomp", "pcomp", "pobj", "prep")
        if node.dep_ in ("conj", "advcl"):
            return False
        node = node.head
    return False


def _negated(token) -> bool:
    """Not done: "has not", "has yet to", "Neither Russia nor the US have"."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if token.dep_ == "xcomp" and any(c.lower_ == "yet" for c in token.head.children):
        return True
    subject = _subject(token)
    return subject is not None and any(c.lower_ == "neither" for c in subject.children)


def _non_compliance(token) -> bool:
    """ "non-compliance", which the tokenizer splits into "non", "-", "compliance"."""
    return token.lemma_.lower() == "compliance" and token.i >= 2 and token.doc[token.i - 2].lower_ == "non"


def _none_of(noun) -> bool:
    """ "registered no violations", "did not record any breaches": a breach noun that is denied."""
    if any(t.lower_ in ("no", "zero") and t.dep_ == "det" for t in noun.doc[noun.left_edge.i: noun.i]):
        return True  # "no ceasefire violations": the parser may hang "no" on the compound
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head
    if verb.dep_ == "pcomp" and verb.head.lower_ == "without":
        return True  # "…, without mentioning any violations by Damascus"
    if verb.lemma_.lower() in TOLERATE:
        return False  # "we will not accept the regime's violations" says there are some
    return noun.dep_ in ("dobj", "pobj") and _negated(verb)


def _binds(token) -> bool:
    """The verb's object is a commitment: "carried out its obligation", "lived up to its promises"."""
    for child in token.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in COMMITMENT_NOUNS:
            return True
        if child.dep_ in ("prep", "prt"):
            for grandchild in child.children:
                if grandchild.dep_ in ("pobj", "prep"):
                    target = grandchild if grandchild.dep_ == "pobj" else next(
                        (g for g in grandchild.children if g.dep_ == "pobj"), None)
                    if target is not None and target.lemma_.lower() in COMMITMENT_NOUNS:
                        return True
    return False


def _mode(token) -> str:
    node = token
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in node.children):
            return "hypothetical"
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in node.children):
            return "hypothetical"
        subject = _subject(node) if node.pos_ in ("VERB", "AUX") else None
        if subject is not None and any(c.dep_ == "aux" and c.lower_ in ("should", "were", "had") and c.i < subject.i
                                       for c in node.children):
            return "hypothetical"  # "should the regime attack our soldiers…"
        if node.lemma_ in ("threaten", "warn") and node is not token and token.dep_ in ("xcomp", "ccomp"):
            return "hypothetical"
        if node.head is node:
            break
        node = node.head
    return "claim"


# What one responds to in words; "the army was responding to violations" is fire, not speech.
SPOKEN_THINGS = frozenset("question questions query queries request requests letter letters remark remarks comment "
                          "comments criticism accusation accusations allegation allegations statement statements "
                          "claim claims report reports journalist journalists reporter reporters call calls".split())


def _acts_in_response(verb) -> bool:
    """ "respond to / reply to" something that is not words: an action, not a reporting verb."""
    if verb.lemma_.lower() not in ("respond", "reply"):
        return False
    targets = [o for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "to"
               for o in prep.children if o.dep_ == "pobj"]
    return any(t.lemma_.lower() not in SPOKEN_THINGS for t in targets)


def _reporter(token, index: SpeakerIndex):
    """Walk up from a trigger to a reporting verb and return its speaker."""
    node = token
    for _ in range(12):  # long clauses: "stressed that X controlled … and that its fighters continued to shell … in violation of"
        if node is not token and node.lemma_.lower() in REPORTING_VERBS and not _acts_in_response(node):
            speaker = _speaker_of(node, index)
            if speaker:
                return speaker
        if node.head is node:
            break
        node = node.head
    for t in sentence_of(token):
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            return _speaker_of(t, index)
    return _in_their_view(sentence_of(token))


VIEW_NOUNS = frozenset("view telling account version reading words eyes opinion assessment judgment judgement".split())


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
        actor = (_actor_of_phrase(group) if group is not None else None) or _antecedent(owner, set())
    else:
        actor = _actor_of_phrase(owner)
    return Speaker(owner.text, None, actor, False) if actor else None


def breach_type(sentence: str, trigger: str) -> str:
    """Classify what is alleged from the trigger word and the sentence around it."""
    s = sentence.lower()
    if re.search(r"\b(?:support|arm|back|shelter|protect|cover|harbou?r)\w*\b.{0,60}\b(?:terrorist|hts|nusra|jihadist|extremist|militant)", s):
        return "support_for_designated_groups"
    if re.search(r"\b(?:obstruct|block|hinder|prevent|disrupt|sabotag)\w*\b.{0,60}\bpatrol", s) or (
            "patrol" in s and trigger in ("obstruct", "block", "hinder", "attack", "target")):
        return "obstruction_of_patrols"
    if re.search(r"de-?escalation", s) and trigger in ("fail", "failure", "honor", "honour", "respect", "implement"):
        return "failure_to_honor_deescalation"
    if trigger in ("fail", "failure", "delay", "delays", "renege", "stall", "honor", "honour", "fulfil", "fulfill",
                   "abide", "comply", "implement", "keep", "meet", "adhere", "withdraw", "separate", "uphold") or \
            re.search(r"\b(?:commitments?|obligations?|promises?|pledges?)\b", s) and trigger not in ("shell", "attack", "bomb"):
        return "delayed_or_unfulfilled_commitments"
    if trigger in ("violate", "violation", "violations", "breach", "breaches", "flout", "break") or "violation" in s:
        return "ceasefire_violation"
    if trigger in ("shell", "attack", "bomb", "target", "attack", "attacks", "shelling") or ATTACK_WORDS.search(s):
        return "attack"
    return "other"


# An outlet that is itself an official body ("Russian Ministry of Defence", "Republic of Türkiye Ministry
# of National Defence") publishes its own statements: what its text asserts without a reporting verb,
# it asserts. News agencies, state-run or not, report: their narration is never made a claim.
OFFICIAL_OUTLET = re.compile(r"\b(?:ministry|ministère|command|centre|center|presidency|government|embassy|"
                             r"permanent mission|armed forces)\b", re.IGNORECASE)


def outlet_voice(outlet: str | None) -> str | None:
    """The actor an article's own narration speaks for: the official body that published it, else None."""
    if not outlet or not OFFICIAL_OUTLET.search(outlet):
        return None
    g = gazetteer()
    actor = g.resolve(outlet)
    return actor if actor is not None and g.actors[actor].kind in ("institution", "state") else None


def extract_accusations(doc, statements: list[Statement], index: SpeakerIndex, article_agreement: str | None,
                        outlet: str | None = None) -> list[Accusation]:
    """Accusations in a parsed article; claims are recorded as claims, never as facts."""
    found: list[Accusation] = []
    g = gazetteer()
    publisher = outlet_voice(outlet)
    for sent in doc.sents:
        # The quote this sentence is in, or that is in it ('"…," Lavrov said, "they continue to shell…"').
        context = next((i for i, s in enumerate(statements)
                        if s.kind == "direct" and s.char_start < sent.end_char and sent.start_char < s.char_end), None)
        context = context if context is not None else next(
            (i for i, s in enumerate(statements) if s.kind == "indirect" and s.char_start == sent.start_char), None)
        scope = statements[context].quote if context is not None and statements[context].kind == "direct" else sent.text
        paragraph = _paragraph_of(index.text, sent.start_char)  # doc.text re-joins every token: use the index's copy
        in_context = any(CONTEXT.search(OTHER_NORMS.sub("", text)) for text in (sent.text, scope, paragraph))
        for token in sent:
            lemma = token.lemma_.lower()
            if not in_context and lemma not in COMPLIANCE_VERBS:
                continue  # "kept attacking the town": an attack is a breach where a truce is in view
            accuser_token = accused_token = reported_by = None
            trigger = None
            if lemma == "hold" and token.pos_ == "VERB" and any(c.lower_ == "responsible" for c in token.subtree) \
                    and CONTEXT.search(paragraph):
                # "held Russia responsible as the guarantor of the ceasefire"
                accuser_token = _subject(token)
                held = [c for c in token.children if c.dep_ in ("dobj", "nsubj") and c.i > token.i] or [
                    c for r in token.children if r.lower_ == "responsible" for c in r.children if c.dep_ == "nsubj"]
                accused_token, trigger = (held[0] if held else None), "violate"
            elif lemma in ACCUSE and token.pos_ == "VERB":
                accuser_token = _subject(token)
                clause = token.head
                while clause.dep_ in ("xcomp", "conj") and clause.head is not clause:
                    clause = clause.head
                if token.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) \
                        and clause.dep_ == "ccomp" and clause.head.lemma_.lower() in CUES:
                    # "It said the militants were trying to… and accused the Turkish side of…": the parser
                    # joins "accused" to the reported clause; the one who reports also accuses.
                    reporting = _speaker_of(clause.head, index)
                    if reporting is not None and reporting.actor:
                        accuser_token, reported_by = None, reporting.actor
                objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
                accused_token = objects[0] if objects else None
                # "blamed the escalation on terrorist groups": the blamed is after "on"
                on = [o for head in (token, *objects) for c in head.children if c.dep_ == "prep" and c.lower_ == "on"
                      for o in c.children if o.dep_ == "pobj"]
                if lemma == "blame" and on:
                    accused_token = on[0]
                trigger = lemma
                charges = [obj for prep in token.children if prep.dep_ == "prep" and prep.i > token.i
                           and prep.lower_ in ("for", "of", "over") for obj in prep.children if obj.dep_ in ("pobj", "pcomp")]
                if charges:
                    # "accused Washington of abandoning them" is a grievance, not a breach
                    breaches = [c for c in charges if _is_breach(c)]
                    trigger = breaches[0].lemma_.lower() if breaches else None
            elif lemma in BREACH and token.pos_ in ("VERB", "AUX") and not _negated(token):
                accused_token, trigger = _doer(token), lemma
            elif lemma == "open" and any(c.lower_ == "fire" for c in token.children) and not _negated(token):
                accused_token, trigger = _subject(token), "attack"
            elif token.pos_ == "VERB" and (lemma in COMPLY or _binds(token)) and (
                    _negated(token) or token.head.lemma_.lower() in ("fail", "delay", "refuse", "drag")):
                accused_token, trigger = _subject(token), lemma if lemma in COMPLY else "fail"
            elif (lemma in BREACH_NOUNS or _non_compliance(token)) and token.pos_ == "NOUN" and not _none_of(token):
                accused_token, trigger = _owner(token) or _doer_of_these(token), lemma
            if trigger is None:
                continue
            if accused_token is not None and accused_token.lower_ in ("who", "that") and token.dep_ == "relcl" \
                    and token.head.dep_ == "attr" and _subject(token.head.head) is not None \
                    and _subject(token.head.head).lower_ == "it":
                accused_token = token.head  # "It is the regime that has been violating the ceasefire"
            elif accused_token is not None and accused_token.lower_ in ("who", "what", "whoever") and token.dep_ != "relcl":
                continue  # "who respects the agreements and who violates them" names no one
            elif accused_token is not None and accused_token.lower_ in ("who", "that", "which") and token.dep_ == "relcl" \
                    and accused_token.i > 0 and doc[accused_token.i - 1].text != ",":
                continue  # "targets militants who violate the truce" describes; ", which violated" asserts
            accuser = reported_by
            if accuser_token is None and accuser is None:
                accuser_token = _claimed_by(token)
            if accuser_token is not None and accuser_token.lower_ in ("we", "i") and context is not None:
                accuser = statements[context].speaker_actor  # "We hold it responsible…", said the SDF
            elif accuser_token is not None and accuser_token.lower_ in ("he", "she"):
                speaker = index.last_speaker(accuser_token.idx, "person")
                accuser = speaker.actor if speaker else None
            elif accuser_token is not None:
                accuser = _resolve(accuser_token, set())
                if accuser is None and accuser_token.pos_ == "PRON":
                    speaker = index.last_speaker(accuser_token.idx)
                    accuser = speaker.actor if speaker else None
            if accuser is None:
                reporter = _reporter(token, index)
                if reporter:
                    accuser = reporter.actor
            if accuser is None and context is not None:
                accuser = statements[context].speaker_actor
            published_by_accuser = accuser is None and publisher is not None
            if published_by_accuser:
                accuser = publisher  # the body's own release, in its own voice
            mode = "claim"
            if accuser is None:
                mode = "narrative"
            targets = [accused_token, *_conjuncts(accused_token)] if accused_token is not None else []
            exclude = {g.rollup(accuser)} if accuser else set()
            # (actor, the words that named it): a word's sense may depend on who speaks
            named = [(actor, target) for target in targets for actor in _resolve_all(target, exclude)]
            if lemma in ACCUSE:
                named += [(actor, None) for actor in _named_between(token, exclude)]
            accused_ids = [_as_the_speaker_means(actor, words, accuser, index.text) for actor, words in named]
            for accused in dict.fromkeys(accused_ids):
                if accused is None or accuser is None:
                    continue
                if g.rollup(accused) == g.rollup(accuser) or not (g.is_party(accused) and g.is_party(accuser)):
                    continue
                accusation = _accusation(sent, scope, token, lemma, trigger, accuser, accused, mode, context,
                                         statements, article_agreement)
                if published_by_accuser and accusation.speaker is None:
                    accusation = replace(accusation, speaker=outlet)  # alerts and claims name the publishing body
                found.append(accusation)
    return _best_per_pair(found)


def _as_the_speaker_means(accused: str | None, target, accuser: str | None, text: str) -> str | None:
    """Generic words whose referent depends on who speaks (config/gazetteer.yaml, speaker_usage).

    Turkish officials call the YPG "terrorists": in a Turkish claim in an article about the YPG,
    "the terrorists" are the SDF, not the Idlib armed groups.
    """
    if accused is None or accuser is None or target is None:
        return accused
    g = gazetteer()
    phrase = target.doc[target.left_edge.i: target.i + 1].text.lower()
    for usage in g.speaker_usage:
        if g.rollup(accuser) == usage["speaker"] and accused == usage["instead_of"] \
                and any(re.search(rf"\b{re.escape(w)}\b", phrase) for w in usage["words"]) \
                and any(re.search(rf"\b{re.escape(w)}\b", text) for w in usage["when_article_names"]):
            return usage["means"]
    return accused


def _named_between(verb, exclude: set[str]) -> list[str]:
    """Actors named between "accused" and its "of"/"for": "accused Turkey and allied Syrian factions of…"."""
    doc, end = verb.doc, None
    for token in doc[verb.i + 1: min(verb.i + 14, sentence_of(verb).end)]:
        if token.lower_ in ("of", "for", "over"):
            end = token.i
            break
    if end is None:
        return []
    found = []
    for part in re.split(r",|\band\b", doc[verb.i + 1: end].text):
        part = re.sub(r"^\s*(?:its|their|his|her)\s+", "", part)
        actor = gazetteer().resolve(part) if part.strip() else None
        if actor and gazetteer().rollup(actor) not in exclude:
            found.append(actor)
    return found


def _denies_in_sentence(sent, accuser: str) -> bool:
    """The accuser denies something in the same sentence: its accusation answers one against it."""
    g = gazetteer()
    for token in sent:
        if token.lemma_.lower() in DENIALS and token.pos_ == "VERB":
            subject = _subject(token)
            actor = _actor_of_phrase(subject) if subject is not None and subject.pos_ != "PRON" else None
            if actor and g.rollup(actor) == g.rollup(accuser):
                return True
    return False


def _is_breach(charge) -> bool:
    """What someone is accused of is a breach: a breach word, an attack, or a commitment not kept."""
    lemma = charge.lemma_.lower()
    if lemma in BREACH_WORDS or ATTACK_WORDS.match(lemma):
        return True
    if lemma in ("continue", "keep", "persist"):  # "of continuing to supply the groups"
        return any(_is_breach(c) for c in charge.children if c.dep_ in ("xcomp", "pcomp"))
    # The charge's own words, two levels down, not a "by …" means or a clause hung on it
    # ("abandoning them by pulling troops back, opening the way for the Turkish assault").
    words, frontier = [charge], [charge]
    for _ in range(2):
        frontier = [c for t in frontier for c in t.children
                    if c.dep_ not in ("advcl", "acl", "relcl", "conj") and not (c.dep_ == "prep" and c.lower_ == "by")]
        words += frontier
    phrase = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
    return bool(CONTEXT.search(phrase) or ATTACK_WORDS.search(phrase))


def _paragraph_of(text: str, position: int) -> str:
    start = text.rfind("\n\n", 0, position)
    end = text.find("\n\n", position)
    return text[start + 2 if start >= 0 else 0: end if end >= 0 else len(text)]


def _conjuncts(token) -> list:
    """Y and Z in "accused X, Y and Z"."""
    return [t for t in token.conjuncts if t.i > token.i]


def _accusation(sent, scope, token, lemma, trigger, accuser, accused, mode, context, statements,
                article_agreement) -> Accusation:
    """Build one accusation record with its mode, agreement, breach type and confidence."""
    if _under_denial(token):
        mode = "denial"
    elif _mode(token) == "hypothetical":
        mode = "hypothetical"
    elif mode == "claim" and _denies_in_sentence(sent, accuser):
        mode = "counter"  # "Ankara denied violating the truce and accused the regime of…"
    sentence_agreement = agreement_in(sent.text)
    agreement = sentence_agreement or agreement_in(scope) or article_agreement
    confidence = 0.6 + (0.15 if lemma in ACCUSE else 0) + (0.1 if sentence_agreement else 0) + (
        0.1 if context is not None else 0)
    return Accusation(
        accuser=accuser, accused=accused, agreement=agreement, breach_type=breach_type(sent.text, trigger),
        evidence=sent.text.strip(), char_start=sent.start_char, char_end=sent.end_char,
        confidence=round(min(confidence, 0.95), 2), mode=mode,
        speaker=statements[context].speaker if context is not None else None, statement_index=context,
    )



def _best_per_pair(found: list[Accusation]) -> list[Accusation]:
    g = gazetteer()
    best: dict[tuple[str, str, str], Accusation] = {}
    for a in found:
        key = (g.rollup(a.accuser), g.rollup(a.accused), a.mode)
        if key not in best or a.confidence > best[key].confidence:
            best[key] = a
    return list(best.values())
