"""Who a word in a sentence stands for: the actors behind subjects, owners, doers, pronouns and claims."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from pipeline.analyzer.candidates import deal_nouns, lexicon, words
from pipeline.analyzer.gazetteer import GENERIC_GROUP, gazetteer
from pipeline.analyzer.names import DOCUMENT_NOUNS, PLACE_NOUNS, ROLE_NOUNS, attribution_config, entity_of, name_going_on, points_to_group, points_to_groups
from pipeline.analyzer.sentences import sentence_of
from pipeline.analyzer.speakers import named_group
from pipeline.analyzer.statements import CUES, written_to_accusing

REFERENT_WORDS = lexicon()["referents"]  # config/accusation_lexicon.yaml, section `referents`
BREACH_NOUNS = REFERENT_WORDS["breached_acts"]
CALLED_BREACHES = REFERENT_WORDS["called_breaches"]
ACTION_NOUNS = REFERENT_WORDS["action_nouns"]
ACTS_AND_BREACHES = ACTION_NOUNS | BREACH_NOUNS
ATTEMPT_NOUNS = REFERENT_WORDS["attempt_nouns"]
ATTACKERS = REFERENT_WORDS["attackers"]
OWNED = ATTACKERS | REFERENT_WORDS["owned"]
DOERS = ACTION_NOUNS | ATTACKERS  # an appositive breach charges whoever did these
CLAIM_NOUNS = REFERENT_WORDS["claim_nouns"]
REPORT_NOUNS = lexicon()["rules"]["hearsay_nouns"]  # reports: a party's charge when the party is named
DEAL_NOUNS = deal_nouns()
NAMED_DEALS = DEAL_NOUNS - REFERENT_WORDS["owned_deal_words"]  # deals, which no party is
# Words before a state's name that make it a place: "in northeast Syria", "across Turkey".
PLACE_BEFORE = re.compile(r"\b(?:in|into|across|inside|near|throughout|within|north|south|east|west|northern|southern|"
                          r"eastern|western|north-?east(?:ern)?|north-?west(?:ern)?|south-?east(?:ern)?|"
                          r"south-?west(?:ern)?)\s+(?:the\s+)?$", re.IGNORECASE)
BACKING = REFERENT_WORDS["backing"]
# Determiners that point back ("these groups"); prepositions of time or circumstance, whose object is no actor.
POINTING = REFERENT_WORDS["pointing"]
CIRCUMSTANCES = REFERENT_WORDS["circumstances"]


def actor_up_to_head(token) -> str | None:
    """The actor the token's phrase names from its left edge to the token itself ("the regime bombardment",
    "government air strikes", "Russian positions"), its right side left out."""
    return gazetteer().resolve(token.doc[token.left_edge.i: token.i + 1].text)


def actor_of_phrase(token) -> str | None:
    """The actor a noun phrase names (from its left edge to its head, plus compounds)."""
    actor = _of_another_state(token) or actor_up_to_head(token)
    if actor is not None and gazetteer().actors[actor].kind == "state":
        actor = name_going_on(token) or actor  # "the Syrian Network for Human Rights" is no Syrian body
    actor = _set_abroad(token) or actor
    # "The Coalition's president, Salem al-Meslet": the person the gazetteer knows, not a body the title names
    named = next((a for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                  for a in [actor_up_to_head(c)] if a and gazetteer().actors[a].kind == "person"), None)
    actor = named or actor
    # (and fighters named only as armed groups: "the radical groups supported by Iran" are Iran's militias, but "rebels
    # backed by Washington" keep their name)
    if actor is None or gazetteer().actors[actor].kind == "state" or (
            actor == "armed_groups" and token.lower_ not in gazetteer().opposition_nouns):
        actor = _proxy_by_sponsor(token) or actor
    # a subject the parser tagged a verb is a noun ("forces loyal to Assad had violated…")
    if actor is None and (token.pos_ in ("PROPN", "NOUN") or (token.pos_ == "VERB" and token.dep_ in ("nsubj", "nsubjpass"))):
        # Its own right side ("the spokesman of the SDF"), not its conjuncts ("regime and Russian forces") nor the
        # circumstances it is set in ("these crimes, especially after the adoption of UN Security Council resolution…").
        # (nor a relative hung further down: "the attack on the camp, which was contrary to the agreements reached
        # with Russia")
        told = {t.i for c in token.subtree if c.dep_ == "relcl" and c != token for t in c.subtree}
        own = [t for c in token.rights if c.dep_ not in ("conj", "cc", "relcl", "punct")  # (a comma after the clause)
               and not (c.dep_ == "prep" and c.lower_ in CIRCUMSTANCES) and not _called_as(c) and not _of_an_act(c)
               and not _in_a_place(c)
               for t in c.subtree if t.i not in told]
        end = max([token.i, *(t.i for t in own)]) + 1
        actor = gazetteer().resolve(token.doc[token.left_edge.i: end].text[:120])
    if actor is None and token.pos_ == "NOUN":
        # "the criminal regime", "the brutal regime": the article and the head noun, epithets dropped
        # (an epithet is a common word: "the Trudeau government", "the KRG government" are someone else's)
        det = next((c for c in token.children if c.dep_ == "det" and c.lower_ == "the"), None)
        epithets = token.doc[det.i + 1: token.i] if det is not None else []
        bare = token.dep_ in ("compound", "poss") and det is None  # "a regime attack", "regime's strikes"
        actor = gazetteer().resolve(f"the {token.text}") if bare or (epithets and all(t.is_lower for t in epithets)) \
            else None
    if actor is None and token.pos_ == "PROPN" and token.ent_type_:
        # "the presence of Hayat Tahrir al-Sham in the zone": the parser cut the name at its hyphens; the named entity
        # holds it whole. (When the pieces are all the verb's subjects, the last one stands for the name: it holds
        # the conjuncts, "Jabhat al-Nusra and Islamic State continue to violate…".)
        entity = entity_of(token)
        whole = entity is not None and len(entity) > 1 and not any(t.dep_ == "cc" for t in entity) and not any(
            t.i > token.i and t.dep_ == token.dep_ and t.head == token.head for t in entity)
        actor = gazetteer().resolve(entity.text) if whole else None
    return actor or _party_to_the_truce(token)


def _in_a_place(prep) -> bool:
    """ "an explosive device in Syria's Idlib province": where a thing is names no one (a province, a town), but "the
    government in Damascus" does."""
    return prep.dep_ == "prep" and prep.lower_ in ("in", "on", "near", "at", "around") and any(
        o.dep_ == "pobj" and o.pos_ == "NOUN" and o.lemma_.lower() in PLACE_NOUNS for o in prep.children)


def _of_an_act(prep) -> bool:
    """ "(accused the regime and its allies) of violations of the truce demanded by the UN": what one is charged
    with, and whatever it names, is no part of one's name; so is a deed ("accusing the group of leading the assault
    …, which both Moscow and Ankara had guaranteed")."""
    # (or a deal the parser hangs on a name: "the criminal regime | of the ceasefire agreement signed in Moscow")
    return prep.dep_ == "prep" and any((o.dep_ == "pobj" and o.lemma_.lower() in ACTS_AND_BREACHES)
                                       or (o.dep_ == "pcomp" and o.tag_ == "VBG")
                                       or (prep.lower_ == "of" and o.dep_ == "pobj" and o.lemma_.lower() in deal_nouns())
                                       for o in prep.children)


def _called_as(prep) -> bool:
    """ "condemned the move as a violation of the Moscow agreement", the "as" hung on the object: what the act is
    called, not who did it ("groups such as the Nusra Front" do name their members)."""
    return prep.dep_ == "prep" and prep.lower_ == "as" and not any(c.lower_ == "such" for c in prep.children)


DE_ESCALATION = re.compile(r"\bde-?\s?escalation\b", re.IGNORECASE)


def _party_to_the_truce(token) -> str | None:
    """ "groups which had signed up to the truce", "the groups that joined the cessation of hostilities": in Syria's
    truces, the armed opposition (the government is never called a group that signed up)."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in words("truce_party_nouns"):
        return None
    clauses = [c for c in token.children if c.dep_ in ("relcl", "acl")]
    # ("groups that it said had signed up to the ceasefire": the clause a relative "said" reports)
    clauses += [r for c in clauses if c.lemma_.lower() in CUES for r in c.children if r.dep_ == "ccomp"]
    # (the parser splits "de-escalation": "groups that joined the de-escalation regime in Eastern Ghouta")
    joined = any(_joins(c) and not any(n.dep_ == "neg" for n in c.children)
                 and (any(t.lemma_.lower() in lexicon()["obligations"]["truce_nouns"] for t in c.subtree)
                      or DE_ESCALATION.search(c.doc[c.left_edge.i: c.right_edge.i + 1].text))
                 for c in clauses)
    return GENERIC_GROUP if joined else None


def _joins(verb) -> bool:
    """ "signed up to", "joined": a verb of joining; or a verb with joining for its object ("have officially declared
    their adherence to the cessation of hostilities"); or being part of it ("groups which claim to be part of the
    cessation")."""
    return verb.lemma_.lower() in words("joining_verbs") or any(
        c.dep_ == "dobj" and c.lemma_.lower() in words("joining_nouns") for c in verb.children) or any(
        t.lower_ == "part" and t.dep_ == "attr" and t.head.lemma_ == "be" for t in verb.subtree)


def _of_another_state(token) -> str | None:
    """ "the government of Iraq", "the army in Lebanon": the state the head's "of" or "in" names, when the head is
    only Syria's common words."""
    g = gazetteer()
    head = token.doc[token.left_edge.i: token.i + 1].text
    if not g.generic_only(head):
        return None
    named = next((o for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                  for o in c.children if o.dep_ == "pobj"), None)
    if named is None:
        return None
    return g.qualified_state(token.doc[token.left_edge.i: named.i + 1].text)


def _set_abroad(token) -> str | None:
    """ "Libyan authorities suspended aid to the country's rebel groups": Syria's common words in a sentence set in one
    other state, with no canonical party and no Syrian place in it, are that state's."""
    if not gazetteer().generic_only(token.doc[token.left_edge.i: token.i + 1].text):
        return None
    return _abroad(sentence_of(token).text)


@lru_cache(maxsize=4096)
def _abroad(sentence: str) -> str | None:
    """Gazetteer.abroad, once per sentence: every common word of a sentence asks it again."""
    return gazetteer().abroad(sentence)


def _proxy_by_sponsor(token) -> str | None:
    """ "Syrian fighters backed by Turkey": fighters no name of their own places are the sponsor's proxies
    (gazetteer backed_by), whatever nationality they bear; "rebels backed by Washington" keep their name."""
    g = gazetteer()
    for clause in (c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in BACKING):
        sponsor = next((o for a in clause.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)
        actor = actor_up_to_head(sponsor) if sponsor is not None else None
        if actor is not None and g.rollup(actor) in g.backed_by:
            return g.backed_by[g.rollup(actor)]
    return None


def resolve_actors(token, exclude: set[str]) -> list[str]:
    """Like resolve_actor, but "they" may stand for two parties named together ("The regime and the Russians… they")."""
    first = resolve_actor(token, exclude)
    if first is None and token.conjuncts and token.pos_ == "NOUN" and token.conjuncts[-1].i > token.i:
        # "regime and Russian forces": the first conjunct borrows the last one's head noun
        first = gazetteer().resolve(f"{token.text} {token.conjuncts[-1].text}")
        first = first if first and gazetteer().rollup(first) not in exclude else None
    if first is None and token.dep_ == "conj" and token.head.dep_ in ("amod", "compound") and token.pos_ == "NOUN":
        # "Russian and regime violations": a modifier joined to another names its party as "the regime" does
        first = gazetteer().resolve(f"the {token.text}")
        first = first if first and gazetteer().rollup(first) not in exclude else None
    if first is None and token.dep_ == "nsubj" and token.pos_ == "NOUN" and not any(token.children) \
            and token.head.lemma_.lower() in words("attack_verbs"):
        # "regime shelling targeted villages", parsed as "regime shelled": the bare noun names its party as "the
        # regime" does
        first = gazetteer().resolve(f"the {token.text}")
        first = first if first and gazetteer().rollup(first) not in exclude else None
    if first is None and token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass"):
        # "drones launched by terrorists from the zone had attacked the base": the weapon's user
        first = resolve_actor(_launcher(token), exclude)
    if first is not None and token.pos_ in ("NOUN", "PROPN"):
        return [first, *_coordinated_modifiers(token, exclude | {gazetteer().rollup(first)})]
    if first is None or token.lower_ not in ("they", "their", "them"):
        return [first] if first else []
    own = _own_clause_subject(token)
    if own is not None:
        # "The Turkish occupation army and its mercenaries continued their attacks": each of the clause's subjects
        found = [a for c in (own, *own.conjuncts) for a in resolve_actors(c, exclude)]
        return list(dict.fromkeys([first, *found]))
    subject = _subject_before(token) if token.dep_ == "nsubj" else None
    if subject is not None and actor_of_phrase(subject) == first:
        # "The Turkish army and its allies shelled Ain Issa. … said they had breached…": every conjunct
        others = [resolve_actor(c, exclude | {gazetteer().rollup(first)}) for c in subject.conjuncts]
        return [first, *dict.fromkeys(a for a in others if a)]
    # "the regime and its Russian ally were carrying out… and their attacks amounted to…": the party named before and
    # those joined to it
    joined = next((t for t in sentence_of(token) if t.i < token.i and t.pos_ in ("NOUN", "PROPN") and t.conjuncts
                   and actor_of_phrase(t) == first), None)
    if joined is not None:
        others = [resolve_actor(c, exclude | {gazetteer().rollup(first)}) for c in joined.conjuncts if c.i < token.i]
        if any(others):
            return [first, *dict.fromkeys(a for a in others if a)]
    text, mentions = _referents_before(token, exclude, sentences=1)
    for before, after in zip(mentions, mentions[1:]):
        if after.actor == first and re.fullmatch(r"\s*,?\s*(?:and|&)\s+(?:the\s+)?", text[before.end:after.start], re.I):
            return [before.actor, first]
    return [first]


def _launcher(weapon):
    """Who launched, fired or dropped a weapon by the participle on it (config rules launching_verbs), else None."""
    return next((o for a in weapon.children if a.dep_ == "acl" and a.tag_ == "VBN" and a.lemma_.lower() in LAUNCHING
                 for b in a.children if b.dep_ == "agent" for o in b.children if o.dep_ == "pobj"), None)


def _own_clause_subject(their):
    """For "their" on a verb's object ("X and Y continued their attacks"): the verb's subject, when it is no pronoun
    (not a "their" inside a subject: "the presence of terrorists and their attacks on the army are a violation")."""
    if their.lower_ != "their" or their.dep_ != "poss" or their.head.dep_ != "dobj":
        return None
    subject = subject_of(their.head.head)
    return subject if subject is not None and subject.pos_ != "PRON" else None


def _coordinated_modifiers(token, exclude: set[str]) -> list[str]:
    """ "Russian and Syrian warplanes", "Nusra Front and Islamic State fighters": a modifier coordinated with the
    head's own names a party too, with the head noun or by its own phrase."""
    g, found = gazetteer(), []
    for modifier in (c for c in token.children if c.dep_ in ("amod", "compound", "nmod") and c.i < token.i):
        for other in (modifier, *modifier.conjuncts) if modifier.conjuncts else ():
            actor = g.resolve(f"{other.text} {token.text}") or actor_of_phrase(other)
            if actor and g.rollup(actor) not in exclude and actor not in found:
                found.append(actor)
    # "The Russian and Syrian regime forces' air strikes": so on the owner of the act
    owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
    if owner is not None:
        found += [a for a in _coordinated_modifiers(owner, exclude) if a not in found]
    return found


def _named_alike(noun, exclude: set[str]) -> str | None:
    """The party a phrase with the same head noun named before (this sentence or the two before it)."""
    for before in reversed(noun.doc[_sentences_back(noun, 2): noun.i]):
        if before.lemma_ == noun.lemma_ and before.pos_ == noun.pos_:
            actor = actor_of_phrase(before)
            return actor if actor and gazetteer().rollup(actor) not in exclude else None
    return None


def antecedent(token, exclude: set[str]) -> str | None:
    """For its/it/they: the nearest actor named before, in this sentence or the two before it; for a "they" that
    opens what its sentence reports, the subject of the sentence before when it names a party ("Hayat Tahrir al-Sham
    fighters attacked army positions… The centre said they had violated the ceasefire": the fighters)."""
    g = gazetteer()
    subject = _subject_before(token) if token.lower_ == "they" and token.dep_ == "nsubj" else None
    subject = _undertaker_of_the_main_clause(token) or subject
    if subject is not None:
        actor = actor_of_phrase(subject)
        if actor and g.rollup(actor) not in exclude and g.actors[actor].kind != "person":
            return actor
    singular = token.lower_ in ("it", "its")
    for mention in reversed(_referents_before(token, exclude, sentences=2)[1]):
        last = mention.text.split()[-1] if mention.text.split() else ""
        if singular and last.islower() and last.endswith("s") and g.actors[mention.actor].kind == "armed_group":
            continue  # "it" is not "the terrorists" (but it is HTS, or the Syrian Democratic Forces)
        return mention.actor
    return None


# "the truce agreed between Moscow and Ankara", "the deal brokered by Washington", "the truce reached under the auspices
# of the Russian side": parties to a deal, not its keepers
DEAL_PARTIES_BEFORE = re.compile(r"\b(?:between|(?:brokered|mediated|sponsored|guaranteed|signed)\s+by"
                                 r"|(?:under\s+the\s+auspices|(?:with|through)\s+the\s+mediation)\s+of)\s+"
                                 r"(?:the\s+)?(?:\w+\s+(?:and|&)\s+)?(?:the\s+)?$", re.I)


# "the radical groups supported by Iran continue their attacks": a sponsor named in a "backed by" is not whom "their"
# stands for
SPONSOR_BEFORE = re.compile(r"\b(?:" + "|".join(w.removesuffix("e") + "ed" for w in BACKING) + r")\s+by\s+(?:the\s+)?$",
                            re.I)


# "the militants, according to Damascus and Moscow, stepped up their attacks": who is cited speaks; "their" is not theirs
CITED_BEFORE = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?:\w+\s+(?:and|&)\s+)?(?:the\s+)?$", re.I)


def _undertaker_of_the_main_clause(token):
    """ "our Turkish partners have not managed to separate the opposition from the terrorists, as they undertook to do":
    who undertook, in an "as" clause of what was to be done, is the subject of the main clause (not the last party
    named)."""
    clause = token.head
    if token.dep_ != "nsubj" or token.lower_ not in ("they", "it") or clause.dep_ != "advcl" \
            or not any(c.dep_ == "mark" and c.lower_ == "as" for c in clause.children) \
            or clause.lemma_.lower() not in lexicon()["obligations"]["undertaking_verbs"] | \
            lexicon()["obligations"]["pledge_verbs"]:
        return None
    main = clause.head
    while main.dep_ in ("xcomp", "conj") and not any(c.dep_ == "nsubj" for c in main.children):
        main = main.head
    return next((c for c in main.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)


def _subject_before(token):
    """The subject of the sentence before the token's, when nothing in the token's own sentence before it is a party
    (the one who reports it aside: "Russia's reconciliation centre said they…")."""
    sentence = sentence_of(token)
    start = token.head.head.i + 1 if token.head.dep_ == "ccomp" and token.head.head.i < token.i else sentence.start
    if gazetteer().referents(token.doc[start: token.i].text):
        return None
    before = sentence_before(sentence)
    if before is None:
        return None
    subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    reported = next((c for c in before.root.children if c.dep_ == "ccomp"), None) \
        if before.root.lemma_.lower() in CUES else None
    if reported is not None and (subject is None or actor_of_phrase(subject) is None
                                 or gazetteer().actors[actor_of_phrase(subject)].kind == "person"):
        # "The President stressed that the PKK/YPG had violated the memorandum… 'They changed their clothes'": the
        # party a speaker's reported words are about, not the speaker
        return next((c for c in reported.children if c.dep_ == "nsubj"), None) or subject
    return subject


@lru_cache(maxsize=1)
def _news_agencies() -> frozenset[str]:
    """config/attribution.yaml news_agencies: media that carry what parties say, never a party a pronoun stands for."""
    return frozenset(attribution_config().get("news_agencies", ()))


def _sentences_back(token, sentences: int) -> int:
    """Where the sentence `sentences` sentences before the token's begins (the token's own with 0)."""
    start = sentence_of(token).start
    for _ in range(sentences):
        if start > 0:
            start = sentence_of(token.doc[start - 1]).start
    return start


def _referents_before(token, exclude: set[str], sentences: int):
    """The text from `sentences` sentences back up to the token, and the parties named in it that a
    pronoun can stand for: not people, not the excluded, not places ("in northeast Syria") and not
    the parties to a deal ("the truce agreed between Moscow and Ankara")."""
    start = _sentences_back(token, sentences)
    g = gazetteer()
    text = token.doc[start:token.i].text
    kept = []
    for mention in g.referents(text):
        before = text[:mention.start]
        if g.rollup(mention.actor) in exclude or g.actors[mention.actor].kind == "person":
            continue
        if mention.actor in _news_agencies():  # "…, Naji Mustafa told TRT World. "Every day they target…"": a medium
            continue
        if g.actors[mention.actor].kind == "state" and PLACE_BEFORE.search(before):
            continue
        if DEAL_PARTIES_BEFORE.search(before) or SPONSOR_BEFORE.search(before) or CITED_BEFORE.search(before):
            continue
        kept.append(mention)
    return text, kept


def agent_of(verb):
    """The "by" agent of a passive verb: its agent, or a "by" the parser hangs on the verb's own phrase ("is being
    violated on a daily basis by Turkey", the agent read as the basis's)."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if verb.tag_ == "VBN" and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in PERCEIVING \
            and any(c.dep_ == "nsubj" for c in verb.children):
        # "we have seen it violated, day after day, by the regime's bombardments": the parser hangs the small
        # clause's "by" on the verb of seeing
        return next((o for by in verb.head.children if by.dep_ == "prep" and by.lower_ == "by" and by.i > verb.i
                     for o in by.children if o.dep_ == "pobj"), None)
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    return next((o for prep in verb.children if prep.dep_ == "prep" for pobj in prep.children if pobj.dep_ == "pobj"
                 for by in pobj.children if by.dep_ == "prep" and by.lower_ == "by"
                 for o in by.children if o.dep_ == "pobj"), None)


def doer_of(token):
    """Who does the verb: the "by" agent of a passive ("was violated by the regime"), else the subject."""
    agent = agent_of(token)
    if agent is not None:
        return agent
    if any(c.dep_ == "nsubjpass" for c in token.children):
        return None  # "the truce was violated" names no one
    # ("…, all of them shelling by illegal armed groups": the noun read as a verb whose subject is the share)
    share = token.tag_ == "VBG" and any(c.dep_ == "nsubj" and _counted(c) for c in token.children)
    if token.tag_ == "VBG" and (token.dep_ in ("pcomp", "pobj") or share):
        # "recorded 30 cases of shelling by terrorist groups": a gerund's "by" names its doer
        by = next((o for c in token.children if c.dep_ == "prep" and c.lower_ == "by"
                   for o in c.children if o.dep_ == "pobj"), None)
        if by is not None:
            return by
        # "X bears the responsibility for undermining the understandings" (a breach; "those responsible for shelling
        # the convoy" is who did an attack, not who is charged with a breach)
        held = held_responsible(token) if token.lemma_.lower() in words("breach_verbs") else None
        if held is not None:
            return held
        # "Russia and the Assad government were intent on undermining the agreement": whom the adjective is said of
        adjective = token.head.head if token.head.dep_ == "prep" else None
        if adjective is not None and adjective.pos_ == "ADJ" and adjective.dep_ == "acomp" \
                and adjective.lower_ != "responsible" and token.lemma_.lower() in words("breach_verbs"):
            said_of = subject_of(adjective.head)
            if said_of is not None:
                return said_of
    if token.tag_ == "VBG" and token.dep_ in ("csubj", "csubjpass", "nsubj", "nsubjpass") \
            and token.lemma_.lower() in words("attack_verbs"):
        # "Shelling from positions controlled by HTS was recorded": who holds the place it came from
        held = next((_holder(o) for c in token.children if c.dep_ == "prep" and c.lower_ == "from"
                     for o in c.children if o.dep_ == "pobj"), None)
        if held is not None:
            return held
    subject = subject_of(token)
    if subject is None and token.dep_ == "acl" and token.head.lemma_.lower() in ATTEMPT_NOUNS \
            and token.head.dep_ in ("dobj", "nsubj") and token.head.head.pos_ in ("VERB", "AUX"):
        # "Groups … continue attempts to break down the truce": who makes the attempts does it
        return subject_of(token.head.head) if token.head.dep_ == "dobj" else None
    if subject is None and token.dep_ == "acl" and token.head.lemma_.lower() in ATTEMPT_NOUNS \
            and token.head.dep_ == "attr" and token.head.head.pos_ in ("VERB", "AUX"):
        # "the offensive launched by Nusra is an attempt to wreck the process": the act's doer
        act = subject_of(token.head.head)
        return owner_of(act) if act is not None and act.lemma_.lower() in BREACH_NOUNS else act
    if subject is None:
        aimed = _aimed_by(token)
        if aimed is not None:
            return aimed
    if subject is None and token.dep_ == "ccomp":
        # "Mousavi said the United States, by supporting…, was undermining…": the parser made the
        # clause's subject an object of "said".
        # (not whom one tells: "had informed the Russian side that the continued targeting … constituted a violation")
        subject = next((c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i), None) \
            if token.head.lemma_.lower() not in attribution_config().get("listening_verbs", ()) else None
    return subject


def _aimed_by(verb):
    """Whose act aims at it: "militants staged a provocation aimed at disrupting the agreements" (who staged it), or
    "…blocked the road, in what it described as a provocation aimed at disrupting…" (who did the act so described)."""
    if verb.dep_ != "pcomp" or verb.head.head.lemma_.lower() not in AIMING:
        return None
    if verb.head.head.dep_ != "acl":
        # "the actions of the American side were aimed at undermining the agreements": whose acts are so aimed
        act = next((c for c in verb.head.head.children if c.dep_ == "nsubjpass"), None)
        return _doer_named_with(act) if act is not None else None
    act = verb.head.head.head
    calling = act.head.head if act.dep_ == "pobj" and act.head.lower_ == "as" else None
    if calling is not None and calling.dep_ == "pcomp" and calling.head.lower_ == "in" and calling.lemma_.lower() in \
            lexicon()["obligations"]["calling_verbs"]:
        event = calling.head.head
        while not _is_verb(event) and event.head != event:  # "used civilians as a shield …, in what…": the verb
            event = event.head
        return subject_of(event) if _is_verb(event) else None
    if calling is not None and calling.lemma_.lower() in lexicon()["obligations"]["calling_verbs"]:
        # "described the actions of the militants as a provocation aimed at disrupting…": whose acts are so described
        described = next((c for c in calling.children if c.dep_ == "dobj"), None)
        if described is not None and (doer := _doer_named_with(described)) is not None:
            return doer
    if act.dep_ == "dobj" and act.head.lemma_.lower() in PERPETRATE:
        return subject_of(act.head)
    return owner_of(act) or actor_word_before(act)


AIMING = words("aiming_verbs")  # config/accusation_lexicon.yaml


def _doer_named_with(act):
    """Who an act is said to be by: "the American side's actions", "the actions of the American side" (not "the
    shelling of Turkish posts", where "of" is what was hit), "US moves"."""
    of = None if act.lemma_.lower() in ATTACK_NOUNS else next(
        (o for p in act.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
         if o.dep_ == "pobj" and actor_of_phrase(o)), None)
    return owner_of(act) or of or actor_word_before(act)


SUBJECT_CONTROL = REFERENT_WORDS["subject_control"]  # "promised Ankara to withdraw" is the promiser's act


def far_from(verb) -> bool:
    """ "is still far from fulfilling": a doing after "far from", which the parser hangs on "from" and "far" on the verb."""
    return verb.dep_ == "pcomp" and verb.head.lower_ == "from" and verb.head.i > 0 \
        and verb.doc[verb.head.i - 1].lower_ == "far"


def _document_issuer(document):
    """Who issued a statement that accuses: "issued a statement accusing Turkey of…" (the verb's subject), "with an
    army statement accusing…" (the body it is written as), "called off the truce, with a statement accusing…"."""
    owner = next((c for c in document.children if c.dep_ in ("compound", "poss") and c.pos_ in ("NOUN", "PROPN")
                  and actor_of_phrase(c)), None)
    if owner is not None:
        return owner
    if document.dep_ == "dobj":
        verb = document.head
    elif document.dep_ == "pobj" and document.head.lower_ in ("with", "in"):
        verb = document.head.head
    else:
        return None
    return subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None


# Verbs of seeing a thing done: "we have seen it violated by…", "watched the truce broken by…".
PERCEIVING = frozenset(lexicon()["rules"]["perceiving_verbs"])
GOING_ON = frozenset(tuple(phrase.split()) for phrase in lexicon()["rules"]["going_on"])
TYING_PARTICIPLES = lexicon()["rules"]["tying_participles"]
LAUNCHING = lexicon()["rules"]["launching_verbs"]


def subject_of(token):
    subjects = [child for child in token.children if child.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) > 1:
        # A verb has one subject: several are a name the parser split at its hyphens ("Jabhat | al | - | Nusra
        # and Islamic State continue…", where "Nusra" holds the conjunct), or a phrase missing its commas.
        # The first that names a party is the subject.
        return next((c for c in subjects if c.pos_ in ("NOUN", "PROPN") and actor_of_phrase(c)), subjects[0])
    if subjects:
        return subjects[0]
    # "Ankara had for more than three years failed to…": the parser may hang the subject on the auxiliary
    on_auxiliary = next((s for a in token.children if a.dep_ in ("aux", "auxpass")
                         for s in a.children if s.dep_ in ("nsubj", "nsubjpass")), None)
    if on_auxiliary is not None:
        return on_auxiliary
    # "Turkey, he said, had not carried out…": an aside set in after the subject leaves it a modifier of the verb
    set_off = next((c for c in token.children if c.dep_ in ("npadvmod", "dep") and c.i < token.i
                    and c.pos_ in ("PROPN", "NOUN") and c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == ","
                    and any(p.dep_ == "parataxis" and c.i < p.i < token.i for p in token.children)), None)
    if set_off is not None:
        return set_off
    # "Russia and the Syrian government, James Jeffrey told reporters, had violated…": the parser makes the aside's verb
    # the root and hangs the fronted subject on it
    fronted = next((c for c in token.head.children if c.dep_ in ("npadvmod", "dep") and c.i < token.head.i
                    and c.pos_ in ("PROPN", "NOUN") and c.right_edge.i + 1 < len(c.doc)
                    and c.doc[c.right_edge.i + 1].text == ","), None) \
        if token.dep_ == "ccomp" and token.head.lemma_.lower() in CUES and token.head.i < token.i else None
    if fronted is not None:
        return fronted
    # "radical groups seeking to sabotage the calm": a participle's doer is the noun it modifies
    if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN", "PRON") and token.tag_ == "VBG":
        if token.head.lemma_.lower() == "one" and token.head.dep_ == "attr":
            return subject_of(token.head.head) or token.head  # "they are the ones breaking the truce"
        if token.head.lower_ in DOCUMENT_NOUNS:
            return _document_issuer(token.head) or token.head
        if (written := written_to_accusing(token)) is not None:
            return subject_of(written)  # "has written to the United Nations accusing the regime of…"
        return token.head
    # "The head of the commission, Nasr al-Hariri, called on Russia to…": the parser makes the finite verb a modifier
    # of the sentence's subject, left the root
    if token.dep_ == "acl" and token.tag_ in ("VBD", "VBZ") and token.head.dep_ == "ROOT" \
            and token.head.pos_ in ("NOUN", "PROPN"):
        return token.head
    # "Russian warplanes struck a market, violating the truce": a breaching participle without a subject is its
    # verb's doer (a reporting one, "…, saying they had violated…", is speech: statements.py reads it)
    if token.dep_ == "advcl" and token.tag_ == "VBG" and token.head.pos_ in ("VERB", "AUX") \
            and token.lemma_.lower() in words("breach_verbs", "attack_verbs"):
        return subject_of(token.head)
    # "was deliberately provoking the rebels in order to sabotage the deal", "sent provocateurs…, in an attempt to
    # sabotage the joint patrols": a purpose is its doer's
    if token.dep_ == "acl" and (token.head.lower_ == "order" or token.head.lemma_.lower() in ATTEMPT_NOUNS) \
            and token.head.head.lower_ == "in" and token.head.head.head.pos_ in ("VERB", "AUX"):
        doer = token.head.head.head
        return subject_of(doer) or (subject_of(doer.head) if doer.dep_ == "conj" else None)
    # "Russia has not done enough to restrain the army": the purpose of a doing is its doer's (also hung on what is
    # done: "had done nothing to ensure that the regime complied")
    # (not a breach: "had done nothing to violate the agreement" denies one)
    doing = token.head.head if token.dep_ in ("relcl", "acl") and token.head.dep_ == "dobj" \
        and token.lemma_.lower() not in words("breach_verbs") else token.head
    if (token.dep_ in ("advcl", "xcomp") or doing != token.head) and doing.pos_ == "VERB" \
            and doing.lemma_.lower() in lexicon()["obligations"]["doing_verbs"] \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return subject_of(doing)
    # "Turkey is still far from fulfilling its commitments": who is far from it does it
    if far_from(token) and token.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(token.head.head)
    # "government forces had gone on violating the cease-fire", "carried on shelling": a going on is its subject's
    # (config rules going_on; a gerund after "in" is read below)
    if token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.dep_ in ("prep", "prt") \
            and (token.head.head.lemma_.lower(), token.head.lower_) in GOING_ON:
        return subject_of(token.head.head)
    # "urged Ankara to withdraw", "called on Russia to stop…": the one asked is who is to do it
    if token.dep_ == "xcomp" and token.head.pos_ == "VERB" and token.head.lemma_.lower() not in SUBJECT_CONTROL:
        asked = next((c for c in token.head.children if c.dep_ == "dobj" and c.i < token.i), None) or next(
            (o for c in token.head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i < token.i
             for o in c.children if o.dep_ == "pobj"), None)
        if asked is not None:
            return asked
    # "the terrorists had violated the ceasefire and Turkey had failed to…": the parser joins the second subject to
    # the first verb's object and leaves the second verb without one
    stolen = _subject_taken_by_object(token) or _subject_taken_by_cue(token) or _subject_left_on_participle(token)
    if stolen is not None:
        return stolen
    reported = _reported_perfect(token)
    if reported is not None:
        return reported
    held = _subject_holding_verb(token)
    if held is not None:
        return held
    # "Erdogan warned that Turkey would not allow the regime to violate the ceasefire and accused Moscow of…": a
    # finite verb the parser joined to an infinitive is joined to the finite verb above it, and shares its subject
    finite = finite_above(token)
    if finite is not None:
        return subject_of(finite)
    # "failed to honour", "delaying to honor": the subject sits on the governing verb; so it does on a verb the tagger
    # read as a noun but gave a subject ("Turkey was "procrastinating" … and had not withdrawn…")
    if (token.dep_ in ("xcomp", "conj") and token.head.pos_ in ("VERB", "AUX")) or (
            token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.head.children)):
        return subject_of(token.head)
    # "has not succeeded in separating", "persisted in violating": a gerund after "in" is its verb's subject's act;
    # so is one of the means, "by", of an active verb ("had killed 14 civilians by firing rockets")
    if token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.head.pos_ == "VERB" and (
            token.head.lower_ == "in" or (token.head.lower_ == "by" and not is_passive(token.head.head))):
        return subject_of(token.head.head)
    # "Turkey appeared unable to fulfil", "is unwilling to honour", "is unable or unwilling to separate": through the
    # adjective (and the one it is joined to) to its verb
    adjective = token.head
    while adjective.dep_ == "conj" and adjective.pos_ == "ADJ" and adjective.head.pos_ == "ADJ":
        adjective = adjective.head
    if token.dep_ == "xcomp" and adjective.dep_ in ("acomp", "oprd") and adjective.head.pos_ in ("VERB", "AUX"):
        return subject_of(adjective.head)
    # "accused Turkey of failing to honour its commitments and the armed groups of refusing to abide by the ceasefire":
    # the second charge hangs on the second party, which the parser joins to the first charge's words
    party = token.head.head if token.head.dep_ == "prep" and token.head.lower_ == "of" else None
    if token.dep_ == "pcomp" and token.tag_ == "VBG" and party is not None and party.dep_ == "conj" \
            and party.pos_ in ("NOUN", "PROPN") and actor_of_phrase(party):
        return party
    # "Turkey summoned the ambassadors to protest the offensive": an infinitive of purpose is its verb's subject's
    if token.dep_ == "advcl" and token.head.pos_ in ("VERB", "AUX") \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return subject_of(token.head)
    return None


def _subject_left_on_participle(verb):
    """ "told SANA that the terrorists of Jabhat al-Nusra and the groups affiliated to it … have violated the
    cessation": the parser made "affiliated" the clause's verb, with the subject, and left "have violated" without
    one; the participle's subject is the verb's (config rules tying_participles)."""
    if verb.dep_ not in ("ccomp", "conj") or not any(c.dep_ == "aux" for c in verb.children):
        return None
    # (or the adjective: "the factions loyal to the occupation, in their turn, have not respected…")
    tied = next((s for s in verb.head.children if s.i < verb.i and s.dep_ == verb.dep_ and (
                 (s.tag_ == "VBN" and (s.lower_ in TYING_PARTICIPLES or s.lemma_.lower() in LAUNCHING))
                 or (s.tag_ == "JJ" and s.lower_ in TYING_PARTICIPLES))
                 and not any(c.dep_ in ("aux", "auxpass") for c in s.children)), None)
    if tied is None:
        return None
    # ("drones launched by terrorists … had attacked the base": who launched them)
    user = next((o for b in tied.children if b.dep_ == "agent" for o in b.children if o.dep_ == "pobj"), None)
    return user if user is not None and tied.lemma_.lower() in LAUNCHING else next(
        (c for c in tied.children if c.dep_ == "nsubj"), None)


# The words that leave a verb bare ("to violate", "would not accept"): a finite verb joined to it is not theirs.
BARE_VERB_AUXILIARIES = frozenset("to will would can could may might shall should must".split())


def finite_above(verb):
    """For a finite verb conjoined to a bare one ("…to violate the ceasefire and accused…", "said the group would not
    accept the patrols and accused…"), the nearest verb above in the same tense, whose conjunct it really is; None for
    any other verb."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ") or verb.head.tag_ != "VB" \
            or not any(c.dep_ == "aux" and c.lower_ in BARE_VERB_AUXILIARIES for c in verb.head.children):
        return None
    return next((a for a in verb.head.ancestors if a.tag_ == verb.tag_ and a.pos_ in ("VERB", "AUX")), None)


def _reported_perfect(verb):
    """ "Johnson said Russia was "prolonging the war" and had failed to restrain the regime": a perfect joined to a
    reporting verb in the simple past goes on with what is reported, and with its subject."""
    head = verb.head
    if verb.dep_ != "conj" or head.lemma_.lower() not in CUES or head.tag_ != "VBD" \
            or not any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
        return None
    clause = next((c for c in head.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    return subject_of(clause) if clause is not None else None


def _subject_taken_by_cue(verb):
    """ "France's delegate said the regime's offensive, supported by its allies, was a flagrant violation": an aside
    after the reported subject makes the parser take it for the cue's object and leave the reported verb without one."""
    if verb.dep_ != "ccomp" or verb.head.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")
                                                                  for c in verb.children):
        return None
    taken = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    aside = taken is not None and any(c.dep_ in ("acl", "appos", "relcl") and c.i < verb.i for c in taken.children) \
        and verb.doc[verb.i - 1].text == ","
    return taken if aside else None


def _subject_taken_by_object(verb):
    """The name right before a conjoined verb (and its auxiliaries) that the parser made a conjunct of the first
    verb's object: "…violated the ceasefire and Turkey had failed…" -> Turkey."""
    if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX") or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    first = verb.i
    while first > 0 and verb.doc[first - 1].dep_ in ("aux", "auxpass", "neg") and verb.doc[first - 1].head == verb:
        first -= 1
    before = verb.doc[first - 1] if first > 0 else None
    if before is not None and before.text == ",":
        # "…, and Russia, as a guarantor country, has not fulfilled…": the name before an aside set off by commas
        opening = next((t for t in reversed(verb.doc[max(0, before.i - 9): before.i]) if t.text == ","), None)
        aside = verb.doc[opening.i + 1: before.i] if opening is not None else None
        before = verb.doc[opening.i - 1] if aside and opening.i > 0 and not any(
            t.pos_ in ("VERB", "AUX") for t in aside) else None
    if before is None or before.dep_ != "conj" or before.pos_ not in ("PROPN", "NOUN") or before.i >= verb.i:
        return None
    obj = before.head
    joined = any(c.dep_ == "cc" and obj.i < c.i < before.i for c in obj.children)
    if obj.dep_ in ("dobj", "pobj") and obj.head.i < obj.i and joined and first < verb.i:
        return before
    # (the parser may join the name to the first verb itself: "The regime has been violating the memorandum, and
    # Russia, as a guarantor, has not fulfilled…")
    if obj == verb.head and joined and first < verb.i:
        return before
    return None


def _told_before(noun):
    """The reported clause an appositive breach ends, when the parser hung the breach on the cue ("the army said
    militants had fired rockets from the zone, a breach of the Sochi agreement": "breach" as the cue's object)."""
    # (or on the verb that relays the source: "SANA quoted a military source as saying that…, a breach of…")
    cue, left = noun.head, noun.left_edge.i
    if noun.dep_ not in ("dep", "dobj", "appos", "npadvmod") or left == 0 or noun.doc[left - 1].text != "," \
            or cue.lemma_.lower() not in CUES | frozenset(attribution_config().get("relay_verbs", ())):
        return None
    return next((c for c in cue.subtree if c.dep_ == "ccomp" and c.i < noun.i and c.right_edge.i >= left - 2), None)


def _subject_holding_verb(verb):
    """The phrase a finite breach verb was parsed into as a noun: in "said the presence of Turkish troops in the
    buffer zone breaches the deal" the parser makes "breaches" the object of "in"; its subject is "presence"."""
    # (the deal may be parsed as the object, as an apposition of the phrase, or the verb tagged a plural noun)
    if not (verb.tag_ in ("VBZ", "VBD", "VBP") or read_as_a_noun(verb)) or verb.dep_ not in ("pobj", "compound") \
            or verb.lemma_.lower() not in words("breach_verbs") \
            or not (any(c.dep_ == "dobj" for c in verb.children) or _deal_follows(verb)):
        return None
    holder = verb.head
    while holder.dep_ in ("pobj", "prep", "compound") and holder.head != holder:
        holder = holder.head
    return holder if holder.pos_ in ("NOUN", "PROPN") and holder.i < verb.i else None


def _failer_of(noun):
    """ "the failure of the Turkish side to fulfil its obligations", "the refusal of Ankara to withdraw": a failing's
    "of" is who fails when it names a party and the failing says what was not done (not "the failure of the talks")."""
    if noun.lemma_.lower() not in REFERENT_WORDS["failing_nouns"] and noun.lower_ not in REFERENT_WORDS["failing_nouns"]:
        return None
    party = next((o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                  if o.dep_ == "pobj"), None)
    if party is None or actor_of_phrase(party) is None:
        return None
    # the infinitive of what was not done, on the failing or (as the parser may hang it) on the verb above
    done = [c for c in (*noun.children, *noun.head.children) if c.pos_ == "VERB" and c.i > party.i
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    return party if done else None


def _doer_after_of(noun):
    """ "the attacks of the regime", "the attack of the Hay'at" (translated copy): a party, not a place, after "of" is
    who acted (config referents of_doer_acts)."""
    if noun.lower_ not in OF_DOER_ACTS:
        return None
    doer = next((o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                 for o in c.children if o.dep_ == "pobj"), None)
    if doer is None or doer.lemma_.lower() in DEAL_NOUNS or gazetteer().names_a_place(doer.text):
        return None
    own = doer.pos_ == "PROPN" or gazetteer().resolve("the " + doer.text) is not None or doer.lemma_.lower() in ATTACKERS
    return doer if own and actor_of_phrase(doer) else None


def owner_of(noun) -> object | None:
    """Whose failure/violation: a possessive, or 'by X' / 'of X'."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    if noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        # "their harassing fire and attacks on our troops": a conjunct shares the first one's possessive
        shared = next((c for c in noun.head.children if c.dep_ == "poss"), None)
        if shared is not None:
            return shared
    split = _owner_of_split_non(noun)
    if split is not None:
        return split
    put_on = _put_on(noun)
    if put_on is not None:
        return put_on
    for child in noun.children:
        # "violations from the Turkish side" (not "the separation of the rebels from the terrorists")
        if child.dep_ == "prep" and (child.lower_ == "by" or (child.lower_ == "from" and noun.lemma_.lower() in BREACH_NOUNS)):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                # "shelling from positions controlled by HTS": who holds the place it came from
                return (_holder(objects[0]) if child.lower_ == "from" else None) or objects[0]
    doer = _doer_after_of(noun)
    if doer is not None:
        return doer
    failer = _failer_of(noun)
    if failer is not None:
        return failer
    maker = _maker_of_breach(noun) if noun.lemma_.lower() in BREACH_NOUNS else None
    if maker is not None:
        return maker
    by = _by_on_the_deal(noun) if noun.lemma_.lower() in BREACH_NOUNS else None
    if by is not None:
        return by
    # "recorded 12 violations, all from territory held by Hayat Tahrir al-Sham": a "from" the parser hung on the verb
    # (or a "by": "registered 11 violations of the truce over the past 24 hours, mostly by al-Nusra", where an active
    # verb of recording has no agent of its own)
    if (noun.lemma_.lower() in BREACH_NOUNS or counted_incident(noun)) and noun.dep_ == "dobj":
        source = next((_holder(o) for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "from" and c.i > noun.i
                       for o in c.children if o.dep_ == "pobj"), None) or next(
            (o for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i
             and noun.head.lemma_.lower() in lexicon()["rules"]["recording_verbs"] for o in c.children if o.dep_ == "pobj"), None)
        if source is not None:
            return source
    # "responding to violations of the zone by terrorists": the parser hangs a "by" right after the
    # noun's phrase on the verb (as a preposition, or as the agent of an active "registered 604 breaches
    # by terrorist groups"); a verb has no "by" of its own unless it is passive. A "non-" keeping's "by" is its doer
    # wherever it hangs ("the result of the non-fulfilment by Turkey of its obligations", "by" on "result").
    # (past the count it is counted by: 'there had been "dozens of violations" of the truce by HTS')
    counted = _count_of(noun)
    after = max(noun.right_edge.i, counted.right_edge.i if counted is not None else -1) + 1
    if after < len(noun.doc) and noun.doc[after].lower_ == "by" and noun.doc[after].dep_ in ("prep", "agent") \
            and (noun.doc[after].head.pos_ in ("VERB", "AUX") or non_compliance(noun)) \
            and (non_compliance(noun) or not any(c.dep_ in ("nsubjpass", "auxpass") for c in noun.doc[after].head.children)):
        objects = [c for c in noun.doc[after].children if c.dep_ == "pobj"]
        if objects and (noun.lemma_.lower() in BREACH_NOUNS or counted_incident(noun) or non_compliance(noun)):
            return objects[0]
    # ", a clear breach of the October ceasefire": an appositive breach describes the clause's event
    # (the parser also hangs it on the verb as a bare noun phrase: "…were wounded by shelling, a clear breach of…")
    told = _told_before(noun) if noun.lemma_.lower() in CALLED_BREACHES else None
    if noun.lemma_.lower() in CALLED_BREACHES and (noun.dep_ in ("appos", "npadvmod") or told is not None):
        verb = told or _governing_verb(noun)
        # not "deems the attacks by the militants a violation", where the parser made the breach an apposition
        if verb is not None and verb.lemma_.lower() not in CUES \
                and verb.lemma_.lower() not in lexicon()["obligations"]["calling_verbs"]:
            if is_passive(verb):
                return _doer_of_passive(verb)
            doer = doer_of(verb)
            if doer is not None and doer.lemma_.lower() in DOERS:
                return owner_of(doer) or actor_word_before(doer) or doer
            return doer
    holder = held_responsible(noun)  # "X bears responsibility for the violations", "X is responsible for the attacks"
    if holder is not None:
        return holder
    # "the attack was the work of radical groups"
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        for attr in (c for c in noun.head.children if c.dep_ == "attr" and c.lemma_ in ("work", "handiwork", "doing")):
            doer = next((o for prep in attr.children if prep.dep_ == "prep" and prep.lower_ == "of"
                         for o in prep.children if o.dep_ == "pobj"), None)
            if doer is not None:
                return doer
    # "militants were behind the attack"
    if noun.dep_ == "pobj" and noun.head.lower_ == "behind" and noun.head.head.lemma_ == "be":
        return subject_of(noun.head.head)
    # "rebels answered with a barrage of rockets on regime positions, which state media called a breach of the truce"
    called = _relative_calling(noun)
    if called is not None:
        return _doer_of_called(called)
    # "Regime forces shelled the town, in what the ministry called a flagrant violation of the truce"
    event = _event_called(noun)
    if event is not None and not _is_verb(event):
        return owner_of(event) or actor_word_before(event)
    if event is not None:
        return _doer_of_passive(event) if is_passive(event) else doer_of(event)
    # "X opened fire in violation of…", "the offensive by the regime is in flagrant breach of…"
    # (the idiom is singular: "we have seen an increase in violations" names no one who breached)
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.lemma_.lower() in ("violation", "breach", "contravention") \
            and noun.tag_ == "NN":
        act = noun.head.head
        if act.pos_ == "NOUN" and act.lemma_.lower() in ACTION_NOUNS:
            # "what he described as the militants' continuing attacks in violation of…": the attacks' doer, not the
            # subject of the verb above them
            doer = owner_of(act) or actor_word_before(act)
            if doer is not None:
                return doer
        verb = _governing_verb(noun)
        if verb is not None and is_passive(verb):
            # "a soldier was killed in a regime attack, in violation of…"; with no doer told, an act made the subject
            # ("the shelling was carried out from the zone, in violation of…") is its doer's, told before
            done = subject_of(verb)
            return _doer_of_passive(verb) or (attacker_told_before(done) if done is not None
                                              and done.lemma_.lower() in ACTION_NOUNS else None)
        fired = _fire_from(verb) if verb is not None else None
        if fired is None and verb is not None and verb.tag_ == "VBG" and verb.lemma_.lower() in words("attack_verbs") \
                and not any(c.dep_ == "nsubj" for c in verb.children):
            fired = _held_place_from(verb)  # "reported daily shelling from the positions of HTS in violation of…"
        if fired is not None:
            return fired  # "Russian patrols came under fire from militants, in a breach of…": who fired
        subject = subject_of(verb) if verb is not None else None
        if subject is None and verb is not None:
            subject = _nearest_subject_before(verb)
        if verb is None and all(t.is_space or t.is_punct for t in noun.doc[sentence_of(noun).start: noun.head.i]):
            # "In a new breach of the truce, terrorist organizations … targeted…" (the parser lost the verb): the
            # subject after the opening phrase
            subject = next((t for t in sentence_of(noun) if t.i > noun.i and t.dep_ in ("nsubj", "nsubjpass")
                            and t.pos_ in ("NOUN", "PROPN") and actor_of_phrase(t)), None)
        if subject is not None and subject.lemma_.lower() in ACTION_NOUNS:
            return owner_of(subject) or actor_word_before(subject) or subject
        if subject is not None and subject.lemma_.lower() in DEAL_NOUNS:
            return None  # "…hours after the Cairo understandings took effect, in violation of their terms": no party
        return subject
    # "the offensive of the regime and its allies": the doer after "of"; but what comes after "of" an attack is what
    # it hit ("the bombardment of Russian positions", "the shelling of Turkish posts")
    if noun.lemma_.lower() in ACTION_NOUNS and noun.lower_ not in ATTACK_NOUNS and noun.lemma_.lower() not in ATTACK_NOUNS:
        of = next((o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                   if o.dep_ == "pobj" and actor_up_to_head(o)), None)
        if of is not None:
            return of
    # "the American forces were the main obstacle to…": an actor said to be the breach itself;
    # "the offensive of the regime was a flagrant breach": the action's doer
    # "the advance constitutes a clear breach", "the strike amounts to a violation": as "is a breach"
    subject = copula_subject(noun)
    if subject is not None:
        if subject.lemma_.lower() in ACTION_NOUNS:
            return owner_of(subject) or actor_word_before(subject)
        if actor_of_phrase(subject):
            return subject
    # "regime violations": the actor word before the noun
    if noun.lemma_.lower() in ("violation", "breach", "compliance", "failure", "non-compliance", "noncompliance",
                               "aggression") or noun.lower_ in ATTACK_NOUNS:
        before = actor_word_before(noun, bare=False)
        if before is not None:
            return before
    # "X carried out / stepped up / intensified attacks": the doer is the verb's subject (also of "committed hundreds
    # of violations", the count the verb's object)
    counted = _count_of(noun) or noun
    if counted.dep_ == "dobj" and counted.head.lemma_.lower() in PERPETRATE and subject_of(counted.head) is not None:
        return subject_of(counted.head)
    return _attention_drawn_to(noun)


def _attention_drawn_to(noun):
    """ "drew the attention of its Turkish partners to the non-fulfilment of the agreements", "drew Ankara's attention
    to the violations": whose attention is drawn to a breach is whose breach it is (Russian diplomatic usage)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "to" or not (non_compliance(noun) or noun.lemma_.lower() in BREACH_NOUNS):
        return None
    attention = next((c for c in noun.head.head.children if c.dep_ == "dobj" and c.lemma_.lower() == "attention"), None)
    if attention is None:
        return None
    return next((c for c in attention.children if c.dep_ == "poss" and c.pos_ != "PRON"), None) or next(
        (o for c in attention.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"),
        None)


QUANTITY_WORDS = frozenset(attribution_config().get("quantity_words", ()))  # "hundreds of violations"


def _passive_subject(noun):
    """The noun as a passive's subject, or the count it is counted by ("18 of the violations were committed by…", "a
    total of 10 attacks had been carried out by…"); else None."""
    if noun.dep_ == "nsubjpass":
        return noun
    counted = _count_of(noun)
    return counted if counted is not None and counted.dep_ == "nsubjpass" else None


def _count_of(noun):
    """The count a noun is counted by: "18 of the violations", "most of them", "hundreds of violations"; else None."""
    count = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if count is not None and (count.pos_ in ("NUM", "PRON", "DET", "ADJ") or count.lower_ in QUANTITY_WORDS):
        return count
    return None


PERPETRATE = REFERENT_WORDS["perpetrate"]  # verbs of doing an attack ("stag": spaCy's lemma of "staged")
# config/accusation_lexicon.yaml: attacks, whose "of" is what they hit; offensives ("this aggression"), whose "of" is
# their doer, count only as what is called a breach (doer_of_these), never as an act told before to pin a later one on
ATTACK_NOUNS = words("attack_nouns")
OF_DOER_ACTS = REFERENT_WORDS["of_doer_acts"]
INCIDENT_NOUNS = words("incident_nouns")  # "26 shelling incidents"
_BREACHY = BREACH_NOUNS | words("attack_verbs")  # what the words before a counted incident call it
LISTENING = frozenset(attribution_config().get("listening_verbs", ()))  # tell, inform, brief, assure
OFFENSIVE_NOUNS = words("offensive_nouns")


def counted_incident(noun) -> bool:
    """ "26 shelling incidents", "ceasefire violation cases": counted acts that the words before them call breaches or
    attacks."""
    return noun.lower_ in INCIDENT_NOUNS and noun.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "compound") and (c.lemma_.lower() in _BREACHY or c.lower_ in _BREACHY) for c in noun.children)


def on_the_part_of(noun):
    """ "violations on the part of the militants", "steps on the part of Turkey": the party named so."""
    return next((o for c in noun.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children
                 if p.dep_ == "pobj" and p.lower_ == "part" for of in p.children if of.lower_ == "of"
                 for o in of.children if o.dep_ == "pobj"), None)


def _maker_of_breach(noun):
    """Who made the breaches a breach noun counts, told after it: "300 violations committed by rebel groups" (not
    "violations registered by the joint commission"), "violations on the part of the militants", "the violations were
    committed by Turkish-backed factions", "23 violations, including 18 by Hayat Tahrir al-Sham"."""
    rules = lexicon()["rules"]
    agent = participle_agent(noun)
    if agent is not None:
        return agent
    part = on_the_part_of(noun)
    if part is not None:
        return part
    # "the violations were committed by X"; "18 of the violations were committed by X" (the share is the subject)
    counted = _count_of(noun)
    subject = _passive_subject(noun)
    if subject is not None and subject.head.lemma_.lower() in rules["committing_verbs"]:
        committed = doer_of(subject.head)
        if committed is not None:
            return committed
    # "the latest in a series of violations of the truce by Russian aircraft": the "by" hung on the count, or on the
    # deal the count's "of" names ('there had been "a number of violations" of the pause by Turkish-supported forces')
    by = next((o for c in counted.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i
               for o in c.children if o.dep_ == "pobj"), None) or _by_on_the_deal(counted, noun.i) \
        if counted is not None else None
    return by if by is not None else _share_by(noun)


def _by_on_the_deal(holder, after: int = -1):
    """ "a clear breach of the Moscow agreement by the Russian occupiers": the "by" the parser hung on the deal that
    the holder's "of" names (past token `after`)."""
    return next((o for of in holder.children if of.dep_ == "prep" and of.lower_ == "of" and of.i > after
                 for deal in of.children if deal.dep_ == "pobj"
                 for c in deal.children if c.dep_ == "prep" and c.lower_ == "by"
                 for o in c.children if o.dep_ == "pobj"), None)


def participle_agent(noun, besides: frozenset[str] = frozenset()):
    """The agent of a participle that tells who did what the noun names ("300 violations committed by rebel groups",
    "the support offered by Turkey, Saudi Arabia and Qatar"), not of one that counted or agreed it ("violations
    registered by the joint commission"), nor of the verbs `besides`."""
    rules = lexicon()["rules"]
    for done in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                 and c.lemma_.lower() not in rules["recording_verbs"] | rules["deal_making_verbs"] | besides):
        agent = next((o for c in done.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)
        if agent is not None:
            return agent
    return None


def _share_by(noun):
    """ "registered 23 violations, including 18 by Hayat Tahrir al-Sham", "40 violations, 35 of them by the army",
    "12 violations, of which nine were by Nusra": the party most of the counted breaches are put on."""
    shares = [c for c in noun.children if c.dep_ == "appos"]
    # ("there had been several violations, most of them by…": the parser makes the share a second attribute)
    shares += [c for c in noun.head.children if c.dep_ in ("appos", "dep", "npadvmod", "conj", "attr") and c.i > noun.i]
    shares += [o for holder in (noun, noun.head) for p in holder.children if p.dep_ == "prep" and p.lower_ == "including"
               for o in p.children if o.dep_ == "pobj"]
    # "…, of which nine were by Nusra": the copula of a counted share; "…, most of them shelling of government-held
    # districts by groups…": the act a counted share is, parsed as a clause with the share its subject
    shares += [r for r in noun.children if r.dep_ == "relcl" and r.lemma_ == "be"
               and any(c.dep_ == "nsubj" and _counted(c) for c in r.children)]
    shares += [c for c in noun.head.children if c.dep_ == "advcl" and c.i > noun.i
               and any(s.dep_ == "nsubj" and _counted(s) for s in c.children)]
    for share in shares:
        if share.dep_ not in ("relcl", "advcl") and not _counted(share):
            continue
        # (the "by" on the share, or hung beside it on the verb: "…, all of them by what it called terrorist groups")
        beside = [p for p in noun.head.children if p.i > share.i] if share.head == noun.head else []
        by = next((o for p in (*share.children, *beside) if p.dep_ in ("prep", "agent") and p.lower_ == "by"
                   for o in p.children if o.dep_ in ("pobj", "pcomp")), None)
        if by is not None:
            return so_called(by) or by
    return _share_put_on(noun)


PUTTING_VERBS = frozenset(("attribute", "blame"))  # "attributed to", "blamed on": whom an act is put on


def _put_to(verb):
    """Whom "attributed … to" / "blamed … on" puts something on: the object after its "to" or "on", else None."""
    return next((o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("to", "on")
                 for o in p.children if o.dep_ == "pobj"), None)


def _put_on(act):
    """ "the air strike, which it attributed to the forces of the regime": the party a relative puts an act on."""
    if act.lemma_.lower() not in ACTS_AND_BREACHES:
        return None
    return next((party for r in act.children if r.dep_ == "relcl" and r.lemma_.lower() in PUTTING_VERBS
                 if (party := _put_to(r)) is not None), None)


def _share_put_on(noun):
    """ "registered a number of violations in Damascus, Hama and Aleppo, most of which it attributed to illegal armed
    formations": the party a counted share of the breaches is put on by a relative "attributed to" / "blamed on"
    after them in the sentence (wherever the parser hangs the share), or by a verb joined to the one that counts
    them ("…and attributed all of them to…")."""
    # "recorded 14 violations … and attributed all of them to armed opposition groups": a verb joined to the one that
    # counts them, whose object points back at them
    recorded = noun.head if noun.dep_ == "dobj" else None
    for joined in (c for c in recorded.children if c.dep_ == "conj" and c.lemma_.lower() in PUTTING_VERBS) \
            if recorded is not None else ():
        them = next((o for o in joined.children if o.dep_ == "dobj"), None)
        if them is not None and (them.lower_ in ("them", "these", "all", "most", "many") or _counted(them)) \
                and (them.lower_ != "all" or any(t.lower_ == "them" for t in them.subtree)):
            return _put_to(joined)
    for share in noun.doc[noun.i + 1: noun.sent.end]:
        clause = next((c for c in share.children if c.dep_ == "relcl" and c.lemma_.lower() in PUTTING_VERBS), None)
        if clause is None or not _counted(share) or not any(
                o.lower_ == "which" for p in share.children if p.lower_ == "of" for o in p.children):
            continue
        return _put_to(clause)
    return None


def so_called(pcomp):
    """ "by what it called terrorist groups": the party a free relative calls so (a "what … called" after a
    preposition); None for anything else."""
    if pcomp.dep_ != "pcomp" or pcomp.lemma_.lower() not in lexicon()["obligations"]["calling_verbs"] \
            or not any(c.lower_ == "what" for c in pcomp.children):
        return None
    return next((c for c in pcomp.children if c.dep_ in ("oprd", "attr", "xcomp")), None)


def held_responsible(noun):
    """Who is held to answer for the breaches: "X bears responsibility for the violations", "X is responsible for the
    attacks", "holds X responsible for the regime's violations", "X were responsible for most of the violations"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "pobj" and _counted(noun.head.head):
        noun = noun.head.head  # a share of them: "most of the violations"
    if noun.dep_ not in ("pobj", "pcomp") or noun.head.lower_ != "for":
        return None  # (a gerund too: "bear the responsibility for undermining the understandings")
    holder = noun.head.head
    bearer = next((c for c in holder.children if c.dep_ == "compound" and c.lemma_ == "bear" and c.pos_ == "VERB"), None)
    if bearer is not None and holder.lemma_ == "responsibility":
        # "Russia bore responsibility for…", the verb read as a compound of the noun: its own subject bears it
        return next((c for c in bearer.children if c.dep_ == "nsubj"), None)
    if holder.lemma_ not in ("responsibility", "responsible", "blame") or holder.head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ == "neg" for c in holder.head.children):
        return None  # "Turkey does not hold Russia responsible for the regime's violations": no one is held
    if holder.dep_ in ("oprd", "ccomp", "xcomp") and holder.head.lemma_.lower() == "hold":
        return next((c for c in holder.head.children if c.dep_ == "dobj"), None) or next(
            (c for c in holder.children if c.dep_ == "nsubj"), None)
    if holder.head.lemma_.lower() in lexicon()["rules"]["laying_verbs"]:
        # "placed the responsibility for the escalation on Ankara": whom it is laid on, not who lays it
        return next((o for t in holder.head.subtree if t.dep_ == "prep" and t.lower_ == "on" and t.i > holder.i
                     for o in t.children if o.dep_ == "pobj"), None)
    if holder.dep_ == "nsubj" and holder.head.lemma_.lower() in ("lie", "rest"):
        # "the responsibility for the attack lies with the regime"
        return next((o for c in holder.head.children if c.dep_ == "prep" and c.lower_ == "with"
                     for o in c.children if o.dep_ == "pobj"), None)
    return subject_of(holder.head)


def _counted(token) -> bool:
    return token.pos_ == "NUM" or token.lower_ in ("most", "majority", "half", "all", "bulk")


def _nearest_subject_before(verb):
    """For a verb the parser left without a subject ("the organizations deployed in the zone, …, have
    launched attacks"): up its clause chain, else the nearest subject before it that names a party."""
    node = verb
    while node.dep_ in ("advcl", "acl", "xcomp", "conj") and _is_verb(node.head):
        node = node.head
        subject = subject_of(node)
        if subject is not None:
            return subject
    sentence = sentence_of(verb)
    for token in reversed(sentence[: verb.i - sentence.start]):
        if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("NOUN", "PROPN") and actor_of_phrase(token):
            return token
    return None


def _calling(noun):
    """For a breach noun in "…, in what X called/described as a violation": the verb that calls it so, else None."""
    if noun.lemma_.lower() not in CALLED_BREACHES:
        return None
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "as" else noun.head
    if verb.lemma_.lower() not in lexicon()["obligations"]["calling_verbs"] or verb.dep_ != "pcomp" or verb.head.lower_ != "in":
        return None
    return verb


def _accused_of(gerund):
    """ "accused regime forces of shelling the villages": who a charge's gerund says did it (the charge's object)."""
    if gerund.dep_ != "pcomp" or gerund.head.lower_ not in ("of", "for"):
        return None
    charge = gerund.head.head
    if charge.lemma_.lower() not in lexicon()["accuse_verbs"]:
        return None
    return next((c for c in charge.children if c.dep_ == "dobj"), None)


def _relative_calling(noun):
    """For a breach noun in "…, which X called / described as a violation": the calling verb, a relative clause whose
    object is that "which"; else None."""
    if noun.lemma_.lower() not in CALLED_BREACHES:
        return None
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "as" else noun.head
    if verb.lemma_.lower() not in lexicon()["obligations"]["calling_verbs"] or verb.dep_ != "relcl":
        return None
    which = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "which"), None)
    return verb if which is not None and which.i > 0 and which.doc[which.i - 1].text == "," else None


def _doer_of_called(verb):
    """Who did what a ", which X called a violation" clause calls so: the act it follows ("a barrage of rockets…,
    which"), else the act a recording verb reports ("registered artillery fire from Turkish territory toward Tal Abyad,
    which"), else the subject of the clause it closes ("Russian drones had been spotting targets for the regime's
    artillery, which")."""
    def doer_of_act(act):  # "a barrage of rockets by…", "regime shelling", "artillery fire from Turkish territory"
        return owner_of(act) or actor_word_before(act) or _held_place_from(act)

    antecedent = verb.head
    if antecedent.lemma_.lower() in ACTION_NOUNS:
        return doer_of_act(antecedent)
    clause = _governing_verb(antecedent)
    if clause is None:
        return None
    acts = ACTION_NOUNS | frozenset(lexicon()["fire_nouns"])
    act = next((c for c in clause.children if c.dep_ == "dobj" and c.lemma_.lower() in acts), None)
    doer = doer_of_act(act) if act is not None else None
    if doer is not None or clause.lemma_.lower() in CUES:
        return doer  # (what a recording verb reports is the act, not the one who records it)
    subject = subject_of(clause)
    return subject if subject is not None and actor_of_phrase(subject) else None


def _event_called(noun):
    """For a breach noun in "…, in what X called a violation": the event so called, its verb or its noun ("an attack
    by militants, in what…")."""
    verb = _calling(noun)
    event = verb.head.head if verb is not None else None
    if event is not None and event.lemma_ == "be":
        # "Ain Issa has been the target of shelling by SNA factions, in what the SDF calls violations of…": the act
        act = next((o for a in event.children if a.dep_ == "attr" for p in a.children if p.dep_ == "prep"
                    and p.lower_ == "of" for o in p.children if o.lemma_.lower() in ACTION_NOUNS), None)
        event = act or event
    return event if event is not None and (_is_verb(event) or event.lemma_.lower() in ACTION_NOUNS) else None


def is_passive(verb) -> bool:
    """The verb is passive: its subject is what was done, not who did it."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _doer_of_passive(verb):
    """Who did what a passive verb tells ("was shelled by regime forces", "were killed in a Russian airstrike"):
    its agent, or the owner of the attack it happened in; its subject is who it was done to."""
    def attacker(act):  # "regime shelling", "a Russian airstrike", "the attack by militants"
        return owner_of(act) or actor_word_before(act) or (act if actor_up_to_head(act) else None)

    agent = doer_of(verb)
    if agent is not None:
        return attacker(agent) if agent.lemma_.lower() in ACTION_NOUNS else agent
    acts = (o for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "by")
            for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in ACTION_NOUNS)
    return next((found for act in acts for found in [attacker(act)] if found is not None), None)


def _governing_verb(token):
    """The nearest verb above a token, or None."""
    node = token.head
    while not _is_verb(node) and node.head != node:
        node = node.head
    return node if _is_verb(node) else None


def _is_verb(token) -> bool:
    # A word in a noun's place is no verb, whatever its tag ("the Sahl al-Ghab plains" tagged VERB).
    return token.pos_ in ("VERB", "AUX") and token.dep_ not in ("pobj", "dobj", "nsubj", "nsubjpass", "compound")


def actor_word_before(noun, bare: bool = True):
    """"Russian and Syrian government airstrikes": the first actor word before the noun; with `bare`, also a bare
    noun that names its party only with "the" ("a regime attack", as "the regime"): for an act called a breach,
    not for every attack a sentence mentions (owner_of's last resort passes bare=False)."""
    g = gazetteer()
    # the noun's own modifiers, not the subject of a small clause it heads ("considers the presence of Turkish troops
    # a violation", "violation" parsed as a clause with "presence" its subject)
    left = min((c.left_edge.i for c in noun.lefts if c.dep_ not in ("nsubj", "nsubjpass", "csubj")), default=noun.i)
    for child in noun.doc[left: noun.i]:
        if child.dep_ not in ("amod", "compound", "poss", "nmod"):
            continue
        if g.resolve(child.text) or (bare and child.dep_ == "compound" and child.pos_ == "NOUN" and actor_of_phrase(child)):
            return child
    return None


CHARGED_ACTS = ACTION_NOUNS | frozenset(lexicon()["rules"]["accuse_charges"])  # "Turkey's support for militants"


def relative_antecedent(relative_clause):
    """The noun a relative clause is about: past a place the parser hung it on ("the militants in Idlib, who it says
    have violated the truce": the militants); the doer of an act in the phrase, whoever the act is for ("Turkey's
    continued support for militants in Idlib, which it said ran counter to the Sochi agreements": Turkey)."""
    chain = [relative_clause.head]
    while chain[-1].dep_ == "pobj" and chain[-1].head.dep_ == "prep" and chain[-1].head.head.pos_ in ("NOUN", "PROPN"):
        chain.append(chain[-1].head.head)
    act = next((n for n in chain[1:] if n.lemma_.lower() in CHARGED_ACTS and owner_of(n) is not None), None)
    if act is not None:
        return owner_of(act)
    if chain[0].ent_type_ in ("GPE", "LOC", "FAC") and len(chain) > 1:
        return chain[1]
    done = _act_before_place(chain[0]) if chain[0].ent_type_ in ("GPE", "LOC", "FAC") else None
    return done if done is not None else chain[0]


def _act_before_place(place):
    """ "Russia has stepped up air strikes in Idlib, which Turkey says violate…": the place hangs on the verb; the act
    the verb's object names, before the place, is what the clause is about, and its doer who is meant."""
    verb = place.head.head if place.dep_ == "pobj" and place.head.dep_ == "prep" else None
    if verb is None or verb.pos_ != "VERB":
        return None
    act = next((c for c in verb.children if c.dep_ == "dobj" and c.i < place.i and c.lemma_.lower() in ACTION_NOUNS),
               None)
    if act is None:
        return None
    return owner_of(act) or (subject_of(verb) if verb.lemma_.lower() in PERPETRATE else None)


def sentential_which(pronoun):
    """ "Turkish troops set up new posts near Saraqeb, which constitutes a violation of the memorandum": a ", which"
    after a clause whose last noun is neither an act nor a party stands for the clause; its doer is the clause's
    subject, when that names a party."""
    if pronoun is None or pronoun.i == 0 or pronoun.doc[pronoun.i - 1].text != ",":
        return None
    if pronoun.lower_ == "something":
        return _doer_of_clause_before(pronoun)
    if pronoun.lower_ != "which":
        return None
    clause = pronoun.head
    if clause.dep_ == "ccomp" and clause.head.dep_ == "relcl" and clause.head.lemma_.lower() in CUES:
        clause = clause.head  # "…seize territory near Aleppo, which they say breaches the agreement"
    if clause.dep_ != "relcl":
        return None
    noun = clause.head
    acts = ACTION_NOUNS | ATTACK_NOUNS | frozenset(lexicon()["obligations"]["act_nouns"])
    # (a party is no breach: "Turkey keeps sending weapons to the militants, which is a violation…" is the sending)
    # (a city after a preposition is where, not who: "…shell residential areas of Damascus, which undermines the pause")
    where = noun.dep_ == "pobj" and gazetteer().names_a_place(noun.text)
    if noun.lemma_.lower() in acts or noun.lower_ in acts or (
            actor_of_phrase(noun) and not where and not _clause_calls_a_breach(clause)):
        return None
    verb = _governing_verb(noun)
    doer = subject_of(verb) if verb is not None else None
    return doer if doer is not None and actor_of_phrase(doer) else None


def _doer_of_clause_before(something):
    """ "Turkey had committed to neutralise the groups, something he said had not been done", "the fighters had used
    the zone to launch attacks, something it said was in breach of the agreement": the parser makes "something …" a
    clause of its own beside the one it stands for; the doer is that clause's subject, when it names a party."""
    clause = something.head
    if clause.dep_ not in ("ccomp", "conj"):
        return None
    told = [c for c in clause.head.children if c.dep_ in ("ccomp", "conj") and c.i < something.i and c != clause]
    doer = subject_of(told[-1]) if told else None
    return doer if doer is not None and actor_of_phrase(doer) else None


def _clause_calls_a_breach(clause) -> bool:
    """ "which is a violation", "which constitutes a breach": the clause calls its subject a breach."""
    return any(c.dep_ in ("attr", "dobj") and c.lemma_.lower() in CALLED_BREACHES and copula_subject(c) is not None
               for c in clause.children)


def copula_subject(noun):
    """What a predicate breach noun is said of: "X is a breach", "X constitutes / represents / amounts to a
    breach", and a conjunct of the predicate ("X is a war crime and a blatant violation")."""
    said = noun.head if noun.dep_ == "conj" and noun.head.dep_ in ("attr", "acomp") else noun
    if said.dep_ in ("attr", "acomp") and said.head.lemma_ == "be":
        return subject_of(said.head)
    if said.dep_ == "dobj" and said.head.lemma_ in ("constitute", "represent"):
        return subject_of(said.head)
    if said.dep_ == "pobj" and said.head.lower_ == "to" and said.head.head.lemma_ == "amount":
        return subject_of(said.head.head)
    return None


def _holder(place):
    """Who a place a fire came from is: the party holding it ("territory held by HTS", "areas controlled by the
    militants"), or the party itself ("from the Turkish side", "from militants"); else None."""
    agent = next((o for c in place.children if c.dep_ == "acl" and c.lemma_.lower() in words("holding_verbs")
                  for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)
    if agent is not None:
        return agent
    return place if actor_of_phrase(place) else None


def _fire_from(verb):
    """ "came under fire from militants", "came under attack from the regime": the party the fire came from."""
    if not any(c.dep_ == "prep" and c.lower_ == "under" and any(o.lemma_.lower() in words("fire_nouns") for o in c.children)
               for c in verb.children):
        return None
    fires = [f for c in verb.children if c.dep_ == "prep" and c.lower_ == "under" for f in c.children]
    return _held_place_from(*fires, verb)


def _fired_from(verb, agent):
    """Who holds the place a passive attack came from: "was shelled from areas controlled by the regime", "was targeted
    by mortar fire from areas under the control of the regime" (the "from" on the verb or on its agent)."""
    return _held_place_from(verb, *([agent] if agent is not None else []))


def _held_place_from(*heads):
    """The party holding the first place a "from" on these words names (see _holder)."""
    sources = [o for head in heads for c in head.children if c.dep_ == "prep" and c.lower_ == "from"
               for o in c.children if o.dep_ == "pobj"]
    return next((found for found in map(_holder, sources) if found is not None), None)


def read_as_a_noun(token) -> bool:
    """ "…in the buffer zone breaches the deal on Idlib": a breach verb the parser tagged a plural noun ending a phrase,
    followed by a deal, is the clause's finite verb."""
    return token.tag_ == "NNS" and token.dep_ == "pobj" and token.lemma_.lower() in words("breach_verbs") \
        and _deal_follows(token)


def _deal_follows(token) -> bool:
    """A determiner and a deal right after the token ("breaches the deal", "violates its commitments")."""
    doc, after = token.doc, token.i + 1
    return after + 1 < len(doc) and doc[after].tag_ in ("DT", "PRP$") and any(
        t.lemma_.lower() in DEAL_NOUNS for t in doc[after + 1: after + 4])


def doer_of_these(noun):
    """For "These attacks are a violation…" and "This is a violation…": whose attacks, told before."""
    subject = copula_subject(noun)
    clause_doer = sentential_which(subject)
    if clause_doer is not None:
        return clause_doer  # "…set up new posts near Saraqeb, which constitutes a violation"
    moves = lexicon()["obligations"]["move_nouns"]
    clausal = noun.dep_ == "attr" and any(c.dep_ == "csubj" for c in noun.head.children)  # "What is happening … is"
    doer = _doer_of_what(noun) if clausal else None
    if doer is not None:
        return doer  # '"What the regime is doing in Idlib is a clear violation…"': who does it
    if clausal or (subject is not None and subject.lower_ in ("this", "that", "it")):
        referred = _act_referred_to(noun, ATTACK_NOUNS | OFFENSIVE_NOUNS | moves)
        if referred is not None:  # '"What is happening in Idlib is a violation…," Cavusoglu said, referring to the
            return referred       # regime's offensive': the act the speaker meant, and whose it is
    # "This is a direct violation of the agreements": "this" is the attacks the sentence before told of
    pointing = subject is not None and subject.lower_ in ("this", "that", "it") and subject.pos_ in ("PRON", "DET")
    if subject is None or not (pointing or subject.lemma_.lower() in ATTACK_NOUNS | OFFENSIVE_NOUNS | moves):
        return None
    candidates = [] if pointing else [subject]
    if pointing or any(c.lower_ in ("these", "this", "such", "the") for c in subject.children):
        previous = sentence_before(sentence_of(noun))
        candidates += [t for t in (previous or []) if t.lemma_.lower() in ATTACK_NOUNS or t.lower_ in ATTACK_NOUNS]
    for candidate in candidates:
        # the attack word's own modifier ("Russian and Syrian airstrikes": "Russian", with its conjunct)
        found = owner_of(candidate) or actor_word_before(candidate) or (
            candidate if candidate == subject and actor_up_to_head(candidate) else None)
        if found is not None:
            return found
    # further back: earlier in the sentence, or the lead; an act told by a plain verb just before ("the step"); of the
    # two, the one told last ("…backed by Russian air strikes, have pushed… | The regime is trying to advance…. This
    # is a violation": the regime's advance)
    told = [t for t in (attacker_told_before(subject, pointing), mover_told_before(subject, bare=True)) if t is not None]
    return max(told, key=lambda t: t.i) if told else None


def _doer_of_what(noun):
    """ "What the regime is doing in Idlib is a violation": the subject of a free relative's verb of doing, when it
    names someone (not "what is happening", nor "what we are seeing")."""
    clause = next(c for c in noun.head.children if c.dep_ == "csubj")
    if clause.lemma_.lower() not in ("do", "carry") or not any(c.lower_ == "what" for c in clause.children):
        return None
    subject = subject_of(clause)
    return subject if subject is not None and subject.pos_ != "PRON" else None


def _act_referred_to(noun, acts: frozenset[str]):
    """Whose act a "referring to the regime's offensive" in the noun's sentence names."""
    for token in sentence_of(noun):
        if token.lemma_.lower() == "refer" and token.tag_ == "VBG":
            for act in (o for c in token.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children
                        if o.dep_ == "pobj" and o.lemma_.lower() in acts):
                found = owner_of(act) or actor_word_before(act)
                if found is not None:
                    return found
    return None


def attacker_told_before(act, pointing: bool = False):
    """For "the attack", "these raids" (or, pointing, a "this" that stands for them): the party an act was pinned
    on earlier in this sentence or the one before ("government and Russian airstrikes killed 18…", "the strike
    was carried out by Syrian government aircraft"), else in the article's lead, which names the act the story
    is about ("A Russian airstrike killed…")."""
    # ("such attacks": the parser makes "such" an adjective, not a determiner)
    if not pointing and not any(c.lower_ in ("the", "this", "these", "that", "such") and (c.dep_ == "det" or c.lower_ == "such")
                                for c in act.children):
        return None
    sentence = sentence_of(act)
    before = sentence_before(sentence)
    lead = list(islice((s for s in act.doc.sents if s.text.strip()), 2))
    spans = [*lead, *([before] if before is not None else []), sentence]
    tokens = sorted({t.i: t for s in spans for t in s if t.i < act.i}.values(), key=lambda t: t.i)
    attacking = words("attack_verbs")  # config/accusation_lexicon.yaml: "Russian jets struck a market"
    for token in reversed(tokens):
        if token.pos_ == "VERB" and token.lemma_.lower() in attacking and not token.dep_.startswith("aux"):
            passive = any(c.dep_ == "auxpass" for c in token.children)
            # "the shells had been fired by militants …, and called the attack a gross violation": a passive's agent;
            # "Regime artillery hit the hospital on Sunday.": an active's subject
            doer = doer_of(token) if passive else subject_of(token) or _accused_of(token)
            if passive and (doer is None or not actor_of_phrase(doer)):
                doer = _fired_from(token, doer) or doer  # "was targeted by mortar fire from areas held by the regime"
            if doer is not None and actor_of_phrase(doer):
                # "the Turkish occupation forces and their mercenaries continued their attacks": each conjunct
                return doer if any(c.dep_ == "conj" for c in doer.children) else actor_word_before(doer) or doer
            continue
        if token.lemma_.lower() not in ATTACK_NOUNS and token.lower_ not in ATTACK_NOUNS:
            continue
        doer = owner_of(token) or actor_word_before(token) or _doer_in_relative(token)
        # "the strike was carried out by Syrian government aircraft" ("a total of 10 attacks had been carried out by")
        subject = _passive_subject(token)
        if doer is None and subject is not None:
            doer = doer_of(subject.head)
            doer = actor_word_before(doer) or doer if doer is not None else None
        if doer is not None:
            # the act's phrase when it names the doer ("Russian and Syrian airstrikes"), else the word that does
            # ("a regime airstrike hit a Turkish convoy …, the ministry said the attack contravened…": "regime")
            return token if token.left_edge.i <= doer.i < token.i and actor_of_phrase(token) else doer
    return None


def _doer_in_relative(act):
    """ "the attacks, which it said were carried out by regime forces": the agent of a passive relative clause on the
    act (or of the passive a reporting relative clause tells), also when the parser hung the clause on the act's
    own phrase ("the attacks on Turkish posts, which were carried out by…")."""
    nouns = [act, *(o for p in act.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj")]
    for clause in (c for noun in nouns for c in noun.children if c.dep_ == "relcl"):
        verb = next((c for c in clause.children if c.dep_ == "ccomp"), None) if clause.lemma_.lower() in CUES else clause
        if verb is not None and is_passive(verb) and doer_of(verb) is not None:
            return _doer_of_passive(verb)
    return None


def mover_told_before(act, bare: bool = False):
    """For "the move", "this step", "such measures": the party whose act the sentence before tells with a plain verb
    ("Turkey sent more troops into Idlib. Damascus called the move a violation…"): that sentence's main verb's
    subject, when it names a party and the verb tells no speech."""
    # ('"The regime is massing troops near Kafr Nabl. This is a violation…"': a bare "this" called a breach points to
    # the act too)
    pointing = bare and act.lower_ in ("this", "that") and act.tag_ == "DT" and act.dep_ == "nsubj"
    if not pointing and (act.lemma_.lower() not in lexicon()["obligations"]["move_nouns"] or not any(
            c.dep_ == "det" and c.lower_ in POINTING | {"the"} for c in act.children)):
        return None
    # "…the terrorists are still there, and this is a violation": the clause "this" is joined to; else the sentence before
    joined = act.head.head if pointing and act.head.dep_ == "conj" and act.head.head.i < act.i else None
    before = sentence_before(sentence_of(act)) if joined is None else None
    verb = joined if joined is not None else before.root if before is not None else None
    # (a copula only as presence: "are still there")
    present = joined is not None and joined.lemma_ == "be" and any(c.lower_ in ("there", "here") for c in joined.children)
    if verb is None or (verb.pos_ != "VERB" and not present) \
            or verb.lemma_.lower() in CUES or any(c.dep_ in ("auxpass", "neg") for c in verb.children):
        return None
    doer = subject_of(verb)
    if doer is None or not actor_of_phrase(doer):
        return None
    return actor_word_before(doer) or doer


def named_or_mover(token):
    """The phrase, or for an act that names no party ("the move", "this step", "the advance") the one the sentence
    before tells making it (mover_told_before, doer_told_by_verb)."""
    if token is None or actor_of_phrase(token):
        return token
    return mover_told_before(token) or doer_told_by_verb(token) or token


def _verbs_of(noun: str) -> frozenset[str]:
    """The verb lemmas an act noun may be told with: "advance" advance, "shelling" shell, "deployment" deploy."""
    forms = {noun}
    forms.update(noun[: -len(end)] for end in ("ing", "ment") if noun.endswith(end) and len(noun) > len(end) + 2)
    return frozenset(forms)


def doer_told_by_verb(act):
    """For "the advance", "the shelling" (an act with "the" or a pointing word): the party the sentence before, or
    this one before the act, tells doing it with the act's own verb ("Regime troops advanced toward Saraqib. Ankara
    regards the advance as a violation…"), also inside reported speech; not a passive or a negated one."""
    lemma = act.lemma_.lower()
    acts = lexicon()["obligations"]["act_nouns"]
    if (lemma not in acts and act.lower_ not in acts) or not any(
            c.dep_ == "det" and c.lower_ in POINTING | {"the"} for c in act.children):
        return None
    forms = _verbs_of(lemma)
    sentence = sentence_of(act)
    before = sentence_before(sentence)
    tokens = [*(before if before is not None else []), *(t for t in sentence if t.i < act.left_edge.i)]
    for token in reversed(tokens):
        if token.pos_ != "VERB" or token.lemma_.lower() not in forms \
                or any(c.dep_ in ("auxpass", "neg") for c in token.children):
            continue
        doer = subject_of(token)
        if doer is not None and actor_of_phrase(doer):
            return doer if any(c.dep_ == "conj" for c in doer.children) else actor_word_before(doer) or doer
    return None


def sentence_before(sentence):
    """The sentence before, past the blank "sentences" the parser makes of paragraph breaks."""
    while sentence.start > 0:
        sentence = sentence_of(sentence.doc[sentence.start - 1])
        if sentence.text.strip():
            return sentence
    return None


def claimed_by(token):
    """For a trigger inside "Turkish accusations that Russia failed…": the token naming who claims it."""
    if _event_called(token) is not None:  # "…, in what the ministry called a violation": who calls it so
        caller = subject_of(_calling(token))
        if caller is not None and caller.pos_ != "PRON":
            return caller
    caller = _free_relative_caller(token)
    if caller is not None:
        return caller
    relative = _relative_calling(token)  # "…, which Syrian state media called a breach": who calls it so
    if relative is not None and (caller := subject_of(relative)) is not None and caller.pos_ != "PRON":
        return caller
    for node in heads_above(token, 5):
        if node.pos_ == "VERB" and node.lemma_.lower() in CUES:
            return None  # "…, saying instead that Ankara failed": the sayer's claim, not the accusation's
        if node.lemma_.lower() in CLAIM_NOUNS and node.pos_ == "NOUN":
            return claim_owner(node)
        if (reporter := report_owner(node)) is not None:
            return reporter  # "opposition reports that Russian jets…", "reports by the opposition that…"
    return None


def reporting_verb_joined(verb):
    """The reporting verb a verb with no subject of its own was joined to through the clause it reports: the parser's
    reading of "It said the militants were trying to… and accused the Turkish side of…", "Akar said the attack came
    without warning, and called it a violation"; None otherwise."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    clause = verb.head
    while clause.dep_ in ("xcomp", "conj") and clause.head != clause:
        clause = clause.head
    return clause.head if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in CUES else None


def heads_above(token, steps: int):
    """The heads above a token, the nearest first, at most `steps` of them (fewer at the root)."""
    node = token
    for _ in range(steps):
        if node.head == node:
            return
        node = node.head
        yield node


def _free_relative_caller(noun):
    """ "citing what it called repeated violations of the truce by the regime": who calls the breach so; an "it" or
    "they" there is the subject of the clause the words hang on (the opposition that cites them)."""
    # (or "described as": "because of what they described as government violations of the ceasefire")
    described_as = noun.dep_ == "pobj" and noun.head.lower_ == "as"
    verb = noun.head.head if described_as else noun.head
    # (a breach so called, as in "in what X called": "what Moscow calls provocations by militants" charges no breach)
    if noun.lemma_.lower() not in CALLED_BREACHES or not (noun.dep_ in ("oprd", "attr", "dobj") or described_as) \
            or verb.lemma_.lower() not in lexicon()["obligations"]["calling_verbs"] \
            or not any(c.lower_ == "what" for c in verb.children):
        return None
    if verb.dep_ == "pcomp" and verb.head.lower_ == "in":
        return None  # "…had fired rockets, in what it called a breach": the clause is the act, its subject the doer
    caller, outer = subject_of(verb), verb
    for _ in range(4):
        if (caller is not None and caller.pos_ != "PRON") or outer.head == outer:
            break
        outer = outer.head
        caller = subject_of(outer)
    return caller if caller is not None and caller.pos_ != "PRON" else None


def report_owner(noun):
    """Who a report is named as coming from ("opposition reports", "reports by the opposition"); None when no one is
    ("reports of attacks" tell what is reported)."""
    if noun.lemma_.lower() not in REPORT_NOUNS or noun.pos_ != "NOUN":
        return None
    return claim_owner(noun, of_owner=False)


def claim_owner(noun, of_owner: bool = True):
    """Who makes the claim a noun names: "Turkish accusations", "Ankara's claims", "claims by the Russian ministry".
    Without `of_owner`, "of" tells what is claimed, not who claims it ("reports of attacks on the opposition")."""
    for child in noun.children:
        if child.dep_ in ("poss", "amod", "compound") and gazetteer().resolve(child.text):
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):  # "claims by the Russian ministry"
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
        if child.dep_ == "prep" and child.lower_ == "of" and of_owner:  # "the claims of the opposition delegation"
            party = next((c for c in child.children if c.dep_ == "pobj" and actor_of_phrase(c)), None)
            if party is not None:
                return party
        if child.dep_ == "acl" and child.tag_ == "VBN":  # "allegations circulated by terrorist groups": who spread them
            spreader = next((o for a in child.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"), None)
            if spreader is not None and actor_of_phrase(spreader):
                return spreader
    return None


def _controller(possessive) -> str | None:
    """For "its"/"their" in an infinitive clause: the party who is to do the clause's act (an object asked to,
    "urged insurgents to…", else the subject who means to, "Russia pledged to…"), when a party is named there."""
    if possessive.lower_ not in ("its", "their") or possessive.dep_ != "poss":
        return None
    verb = _governing_verb(possessive)
    if verb is None or verb.dep_ != "xcomp":
        return None
    doer = subject_of(verb)
    if doer is None or doer.pos_ == "PRON":
        return None
    return actor_of_phrase(doer)


def _names_an_occupier(token) -> bool:
    """ "the occupation state", "the occupation army", "the occupiers": a party named only as the occupier."""
    occupier = words("occupier_words")
    return token.pos_ in ("NOUN", "PROPN") and (token.lemma_.lower() in occupier or any(
        c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in occupier for c in token.children))


def _occupier_named_before(token, exclude: set[str]) -> str | None:
    """The party the article last called the occupier by name ("The Turkish occupation army shelled… the occupation
    state was violating…"): Turkey in a Kurdish agency's copy, the US in SANA's."""
    occupier, text = words("occupier_words"), token.doc[:token.i].text
    mentions = [m for m in gazetteer().referents(text)  # "Turkish occupation" is one mention, "US occupation" two words
                if any(w in occupier for w in (*m.text.lower().split(), *text[m.end:m.end + 12].lower().split()[:1]))]
    actor = mentions[-1].actor if mentions else None
    return actor if actor and gazetteer().rollup(actor) not in exclude else None


def _spoken_of(pronoun, exclude: set[str]) -> str | None:
    """ '"They never respected it," a rebel commander said of the regime': the party the words are said of is who a
    third-person pronoun in them stands for."""
    if pronoun.lower_ not in ("they", "them", "their", "it", "its"):
        return None
    for node in heads_above(pronoun, 6):
        if node.pos_ == "VERB" and node.lemma_.lower() in CUES:
            about = next((o for c in node.children if c.dep_ == "prep" and c.lower_ in ("of", "about") and c.i > node.i
                          for o in c.children if o.dep_ == "pobj"), None)
            actor = actor_of_phrase(about) if about is not None else None
            return actor if actor and gazetteer().rollup(actor) not in exclude else None
    return None


def _first_of_joined(verb):
    """The clause a joined clause goes on from: its head, or, for a second "that" clause ("told X that A was… and
    that it ignored…"), the first "that" clause of the same verb."""
    head = verb.head
    if not any(c.dep_ == "mark" for c in verb.children):
        return head
    return next((c for c in head.children if c.dep_ == "ccomp" and c.i < verb.i), head)


def _reported_subject(verb, before):
    """The subject of the clause a reporting verb reports before a token, else None."""
    reported = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < before.i), None) \
        if verb.lemma_.lower() in CUES else None
    return next((c for c in reported.children if c.dep_ == "nsubj"), None) if reported is not None else None


# "…and other militias", "…and other groups": more of the parties named before them
OTHER_GROUP_NOUNS = frozenset(("militia", "group", "faction", "force", "organization", "organisation"))


def resolve_actor(token, exclude: set[str]) -> str | None:
    if token is None:
        return None
    if token.lemma_.lower() in NAMED_DEALS and token.pos_ == "NOUN":
        return None  # "the cease-fire established by the Moscow protocol": a deal, named after a city or not, is no party
    if token.dep_ == "conj" and any(c.dep_ == "amod" and c.lower_ == "other" for c in token.children) \
            and token.lemma_.lower() in OTHER_GROUP_NOUNS:
        return None  # "by the regime, Hezbollah and other militias": more of those named, no new party
    if token.pos_ == "PRON" and token.lower_ in ("this", "these", "something", "anything", "nothing", "everything"):
        return None  # "These are provocations in breach of the ceasefire", "…, something it said was a breach": no party
    if token.lower_ in ("those", "anyone", "whoever") and any(c.dep_ == "relcl" for c in token.children):
        return None  # "the work of those who want to sabotage the process": whoever they are, no one named
    if token.lower_ in ("that", "which", "who") and token.head.dep_ == "relcl" and token.head.head.pos_ in ("NOUN", "PROPN"):
        # a relative pronoun is the noun its clause hangs on, or, when that is only where it happened ("attacks by
        # terrorist organisations positioned in the zone in Idlib, which violated…"), the noun that place is of
        noun = token.head.head
        # "the Turkish forces were occupiers who had violated every agreement": what the noun is said of
        said_of = subject_of(noun.head) if noun.dep_ == "attr" and noun.head.lemma_ == "be" else None
        return resolve_actor(noun, exclude) or _placed_actor(noun, exclude) or (
            resolve_actor(said_of, exclude) if said_of is not None and said_of.pos_ != "PRON" else None)
    if token.lower_ in ("which", "who") and token.head.dep_ == "ccomp" and token.head.head.dep_ == "relcl" \
            and token.head.head.head.pos_ in ("NOUN", "PROPN"):
        return resolve_actor(token.head.head.head, exclude)  # "the government, which it says has violated…"
    if token.lemma_.lower() in ROLE_NOUNS and token.head.dep_ == "relcl" and token.head.head.pos_ in ("NOUN", "PROPN") \
            and any(c.dep_ == "poss" and c.lower_ == "whose" for c in token.children):
        # "the opposition delegation, whose head, Ahmad Toma, accused the army of…": who heads the body speaks for it
        return resolve_actor(token.head.head, exclude)
    if token.pos_ == "PRON" or token.lower_ in ("its", "their"):
        # "The Russians are the guarantors…, and they are the ones breaking the truce": the subject of
        # the clause it is joined to.
        if token.lower_ in ("they", "it") and token.dep_ == "nsubj" and token.head.dep_ == "conj":
            first = _first_of_joined(token.head)
            parallel = subject_of(first)
            if parallel is not None and token.lower_ == "it" \
                    and parallel.lemma_.lower() in DEAL_NOUNS:
                return None  # "…that the Moscow agreement was a temporary deal and that it ignored…": the deal
            # ("Muallem said Ankara had pledged…, but it did not…": the parser joins the clause to "said"; when the one
            # who says names no other party, the subject of what was said)
            for subject in (parallel, _reported_subject(first, token)):
                actor = actor_of_phrase(subject) if subject is not None and subject.pos_ != "PRON" else None
                if actor and gazetteer().rollup(actor) not in exclude and (
                        subject is parallel or gazetteer().actors[actor].kind != "person"):
                    return actor
        # "Russia said it only targets…": a pronoun subject of reported speech is usually the reporter.
        clause = token.head
        # ("Moscow had informed Ankara that it considers…": whom one informs is no reporter either)
        if token.dep_ in ("nsubj", "nsubjpass") and clause.dep_ == "ccomp" and (
                clause.head.lemma_.lower() in CUES or clause.head.lemma_.lower() in LISTENING):
            reporter = subject_of(clause.head)
            # …but "they" and "it" are never the person who reports ("Lavrov said they continue to shell…").
            person = reporter is not None and (reporter.ent_type_ == "PERSON" or reporter.lower_ in ("he", "she"))
            # …nor is "they" a single body ("Russia's reconciliation centre said they had violated…")
            single = reporter is not None and token.lower_ == "they" and reporter.tag_ in ("NN", "NNP") \
                and not reporter.conjuncts
            if reporter is not None and reporter.pos_ != "PRON" and not (person and token.lower_ in ("they", "it")) \
                    and not single:
                return actor_of_phrase(reporter)
        spoken_of = _spoken_of(token, exclude)
        if spoken_of is not None:
            return spoken_of
        controlled = _controller(token)
        if controlled is not None:
            # "urged insurgents to intensify their attacks", "pledged to honour its commitments": the one who is to
            # do it owns them; when that is the accuser's own side, the sentence charges no one else
            return None if gazetteer().rollup(controlled) in exclude else controlled
        return antecedent(token, exclude)
    if token.lower_ == "latter":
        return None
    proxies = _proxies_of(token, exclude)
    if proxies is not None:
        return proxies
    if token.lemma_.lower() == "ally" and any(c.dep_ == "poss" for c in token.children):
        return None  # "The regime's allies, Russia and Iran, have breached…": never the regime (its allies are named)
    actor = actor_of_phrase(token)
    if actor is None and _names_an_occupier(token):
        return _occupier_named_before(token, exclude)
    if actor is None and points_to_group(token):
        # "The group accused Turkey…": the group or organisation just named, by its name
        groups = [m for m in _referents_before(token, exclude, sentences=2)[1] if named_group(m)]
        return groups[-1].actor if groups else None
    if actor is None and points_to_groups(token):
        # "Syrian rebel groups said… The groups accused government forces…": the armed groups described before
        groups = [m for m in _referents_before(token, exclude, sentences=2)[1]
                  if gazetteer().actors[m.actor].kind == "armed_group"]
        return groups[-1].actor if groups else None
    if actor is None and token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in POINTING - {"this", "that"}
                                                      for c in token.children):
        # "These groups have been attacking…": the ones just named, by the same noun first ("…war crimes by
        # Turkish-backed Syrian opposition fighters during Turkey's offensive…, and that those fighters…")
        return _named_alike(token, exclude) or antecedent(token, exclude)
    if actor is None and token.lemma_.lower() in ATTACK_NOUNS and token.dep_ in ("nsubj", "nsubjpass"):
        # "Opposition officials said the strikes violated the truce": whose strikes the story told just before
        attacker = attacker_told_before(token)
        if attacker is not None:
            actor = actor_of_phrase(attacker)
            return actor if actor and gazetteer().rollup(actor) not in exclude else None
    if actor is None and token.lemma_.lower() in OWNED:
        # "their units kept firing", "its fighters continued to shell": whose units the pronoun says
        owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if owner is not None:
            return antecedent(owner, exclude)
        # "the regime, whose forces it said had violated…": the noun the relative clause hangs on
        whose = any(c.dep_ == "poss" and c.lower_ == "whose" for c in token.children)
        clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None) if whose else None
        if clause is not None and clause.head.pos_ in ("NOUN", "PROPN"):
            return resolve_actor(clause.head, exclude)
    return actor


def _placed_actor(noun, exclude: set[str]) -> str | None:
    """For a place or area that names no party, the party of the phrase it is the place of, a few steps up."""
    token = noun
    for _ in range(6):
        if token.dep_ not in ("pobj", "prep", "acl") or token.head == token:
            return None
        token = token.head
        if token.pos_ in ("NOUN", "PROPN"):
            actor = actor_up_to_head(token)
            if actor:
                return actor if gazetteer().rollup(actor) not in exclude else None
    return None


def _proxies_of(token, exclude: set[str]) -> str | None:
    """ "Turkey and its Syrian allies", "Ankara's proxies": a sponsor's allies are its proxies (gazetteer backed_by),
    whatever nationality they bear; the allies of one with no proxies are the state their adjective names."""
    g = gazetteer()
    if token.dep_ == "conj" and any(c.dep_ == "amod" and c.lower_ in ("allied", "affiliated", "proxy")
                                    for c in token.children):
        # "Turkish forces and allied Syrian fighters": the allies of the party they are joined to
        sponsor = actor_of_phrase(token.head)
        proxies = g.backed_by.get(g.rollup(sponsor)) if sponsor else None
        if proxies and g.rollup(proxies) not in exclude:
            return proxies
    if token.lemma_.lower() not in g.proxy_nouns and token.lower_ not in g.proxy_nouns:
        return None
    named = next((a for c in token.children if c.dep_ == "appos" for a in [actor_up_to_head(c)] if a), None)
    if named is not None:
        return named  # "its NATO ally Turkey", "its closest ally the UK": the ally is named, and is no proxy
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None or (owner.pos_ == "PRON" and owner.lower_ not in ("its", "their")):
        return None  # "our allies" are the speaker's: no sponsor named
    sponsor = antecedent(owner, set()) if owner.pos_ == "PRON" else actor_of_phrase(owner)
    proxies = g.backed_by.get(g.rollup(sponsor)) if sponsor else None
    if sponsor and proxies is None:
        # "the regime and its Iranian militias": fighters the gazetteer knows by the words without the owner
        own = g.resolve(" ".join(t.text for t in token.doc[owner.i + 1: token.i + 1]))
        if own is not None and g.actors[own].kind == "armed_group":
            return own if g.rollup(own) not in exclude else None
        # "Moscow's Syrian ally", "Assad and his Iranian allies": the allies of one with no proxies of its own are
        # the state their adjective names, never the one whose allies they are
        proxies = next((a for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i
                        for a in [g.resolve(c.text)] if a and g.actors[a].kind == "state"), None)
        if proxies is None:
            return None
    return proxies if proxies and g.rollup(proxies) not in exclude else None


def _owner_of_split_non(noun):
    """ "Turkey's non-compliance", "Turkish non-compliance": the tokenizer splits off "non", and the parser hangs the
    possessive on it, or leaves the adjective just before it."""
    if not non_compliance(noun):
        return None
    non = noun.doc[noun.i - 2]
    possessive = next((c for c in non.children if c.dep_ == "poss"), None)
    if possessive is not None:
        return possessive
    before = noun.doc[non.i - 1] if non.i >= 1 else None
    if before is not None and gazetteer().resolve(before.text):
        return before
    by = _by_on_the_deal(noun)
    if by is not None:
        return by  # "the non-implementation of the October 2019 memorandums by Washington and Moscow"
    # "the continued non-compliance of the Turkish regime with its commitments": an "of" that names a party (not
    # "the non-implementation of the agreement", what was not kept)
    return next((o for head in (noun, non) for p in head.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj" and actor_of_phrase(o)), None)


def non_compliance(token) -> bool:
    """ "non-compliance", "non-implementation", which the tokenizer splits into "non", "-", "compliance"."""
    return token.lemma_.lower() in ("compliance", "implementation", "fulfilment", "fulfillment", "observance") \
        and token.i >= 2 and token.doc[token.i - 2].lower_ == "non"
