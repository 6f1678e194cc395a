"""Accusation candidates: small named generators proposing (sentence, accuser, accused) triples.

The generators aim at recall; features.py describes each candidate and decision.py decides it.
Each generator is a function registered in GENERATORS: it receives one SentenceView (a sentence
with breach, commitment or attack language, its parties and its possible accusers) and yields
(accuser, accused, accused_token) proposals. A triple several generators propose is one candidate
that remembers all of them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.analyzer.gazetteer import gazetteer
from pipeline.analyzer.names import unnamed_source_state
from pipeline.models import Accusation, Statement

LEXICON = Path(__file__).resolve().parents[2] / "config" / "accusation_lexicon.yaml"


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """config/accusation_lexicon.yaml: word lists as frozensets, the trigger as a compiled pattern."""
    data = yaml.safe_load(LEXICON.read_text(encoding="utf-8"))
    out: dict = {k: frozenset(v) for k, v in data.items() if isinstance(v, list)}
    # Sections of word lists (`obligations`, for the rules in obligations.py), each list a frozenset.
    out.update({k: {name: frozenset(words) for name, words in v.items()} for k, v in data.items()
                if isinstance(v, dict) and v and all(isinstance(w, list) for w in v.values())})
    out["publisher_outlets"] = dict(data.get("publisher_outlets") or {})
    out["trigger"] = re.compile(r"(?:" + re.sub(r"\s+", "", data["trigger"]) + r")", re.IGNORECASE)
    out["everyone_re"] = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in data["everyone"]) + r")\b", re.I)
    out["other_norms_re"] = re.compile(r"(?:" + "|".join(data["other_norms"]) + r")", re.I)
    # ("On the other side, the head of the Coalition said…" turns to another party; it has no one accuse the other)
    mutual = [(r"(?<!\bon )" if w.startswith("the other") else "") + re.escape(w) for w in data["reciprocal"]]
    out["reciprocal_re"] = re.compile(r"\b(?:" + "|".join(mutual) + r")\b", re.I)
    return out


@lru_cache(maxsize=None)
def words(*lists: str) -> frozenset[str]:
    """The union of lexicon word lists, made once per combination."""
    lex = lexicon()
    return frozenset().union(*(lex[name] for name in lists))


def deal_nouns() -> frozenset[str]:
    """Nouns naming a deal (config obligations.deal_nouns): "the Moscow agreement", "the memorandum"."""
    return lexicon()["obligations"]["deal_nouns"]


@lru_cache(maxsize=1)
def _keeping_phrases() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """config rules.keeping_phrases by head verb: (the words between, the preposition), split once."""
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for head, *middle, preposition in (p.split() for p in lexicon()["rules"]["keeping_phrases"]):
        phrases.setdefault(head, []).append((tuple(middle), preposition))
    return phrases


def verb_lemma(token) -> str:
    """The token's lemma, a phrasal verb of keeping whose object is a commitment or a deal read as "keep" ("lived up to
    its commitments", "make good on its promises"; config rules.keeping_phrases), a stopping of a keeping as
    "obstruct"."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB":
        return lemma
    rules = lexicon()["rules"]
    if lemma in rules["stopping_verbs"] and any(c.dep_ == "dobj" and c.lemma_.lower() in rules["kept_acts"]
                                                for c in token.children):
        return "obstruct"  # "are preventing the implementation of the agreement"
    if (lemma in rules["stopping_verbs"] or lemma in rules["barring_verbs"]) and _kept_from_keeping(token):
        return "obstruct"  # "are trying to prevent this ceasefire from being implemented"
    if lemma == "make" and _mocks_a_deal(token):
        return "undermine"  # "made a mockery of the Sochi agreement"
    deals = deal_nouns()
    for middle, preposition in _keeping_phrases().get(lemma, ()):
        if not all(any(c.lower_ == w for c in token.children) for w in middle):
            continue
        # the preposition hangs on the verb or on its particle ("live up to", "up" parsed a preposition)
        holders = [token, *(c for c in token.children if c.lower_ in middle)]
        # (or "it" for a deal the sentence names: "Russia, which voted for the resolution, was not living up to it")
        named = deal_named_before(token)
        if any(c.dep_ == "prep" and c.lower_ == preposition and o.dep_ == "pobj"
               and (o.lemma_.lower() in deals or (named and o.lower_ in ("it", "them")))
               for h in holders for c in h.children for o in c.children):
            return "keep"
    return lemma


def _kept_from_keeping(verb) -> bool:
    """ "prevent this ceasefire from being implemented": a truce or a deal, the object, kept from being kept."""
    lex = lexicon()
    truce = lex["obligations"]["truce_nouns"] | deal_nouns()
    return any(c.dep_ == "dobj" and c.lemma_.lower() in truce for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "from" and any(p.dep_ == "pcomp" and p.lemma_.lower() in lex["comply_verbs"]
                                                          for p in c.children) for c in verb.children)


def _mocks_a_deal(verb) -> bool:
    """ "made a mockery of the Sochi agreement": the verb's object is a mockery (config rules.mockery_nouns) of a deal."""
    deals = deal_nouns()
    return any(c.dep_ == "dobj" and c.lemma_.lower() in lexicon()["rules"]["mockery_nouns"] and any(
        p.dep_ == "prep" and p.lower_ == "of" and any(o.lemma_.lower() in deals for o in p.children)
        for p in c.children) for c in verb.children)


def deal_named_before(token) -> bool:
    """The sentence names a deal before the token (which an "it" after may stand for); or the sentence before does,
    and nothing singular but the subject comes between ("…is the end of the Sochi agreement in practice. The Russian
    occupation and the Assad militias have torn it up")."""
    deals = deal_nouns()
    sent = token.sent
    if any(t.lemma_.lower() in deals for t in sent if t.i < token.i):
        return True
    if sent.start == 0:
        return False
    subject = {t.i for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    if any(t.tag_ in ("NN", "NNP") and t.i not in subject for t in sent if t.i < token.i):
        return False
    return any(t.lemma_.lower() in deals for t in token.doc[sent.start - 1].sent)


@dataclass
class Party:
    """An actor named in the sentence: canonical id, gazetteer id and the token heading its mention."""

    actor: str
    canonical: str
    token: Any  # spaCy Token
    start: int  # character offset in the document


@dataclass
class Accuser:
    actor: str
    canonical: str
    source: str  # quote | indirect | cue_subject | according | previous | publisher | mutual | rule
    token: Any = None
    speaker: str | None = None
    statement_index: int | None = None


@dataclass
class SentenceView:
    """One sentence and what the generators need about it."""

    index: int
    sent: Any  # spaCy Span
    paragraph: str
    parties: list[Party]
    accusers: list[Accuser]
    in_quote: bool
    statement_index: int | None
    article_date: str | None = None


@dataclass
class Candidate:
    """One (sentence, accuser, accused) triple with the generators that proposed it and its features."""

    sentence: int
    char_start: int
    char_end: int
    accuser: str
    accused: str
    accuser_source: str
    generators: set[str] = field(default_factory=set)
    features: dict[str, float] = field(default_factory=dict)
    rule: Accusation | None = None
    accused_token: Any = None
    accuser_tokens: set[Any] = field(default_factory=set)  # where the accuser is the subject of a cue
    speaker: str | None = None
    statement_index: int | None = None
    view: SentenceView | None = None
    sources: set[str] = field(default_factory=set)

    @property
    def pair(self) -> tuple[str, str]:
        g = gazetteer()
        return g.rollup(self.accuser), g.rollup(self.accused)


Proposal = tuple[Accuser, Party]
# Clauses whose verb has no subject of its own and shares its head's: participles, infinitives, conjuncts.
SHARED_SUBJECT = frozenset(("advcl", "xcomp", "conj"))
Generator = Callable[[SentenceView], Iterator[Proposal]]
GENERATORS: dict[str, Generator] = {}


def generator(name: str):
    def register(func: Generator) -> Generator:
        GENERATORS[name] = func
        return func
    return register


def _lemmas(view: SentenceView) -> set[str]:
    return {t.lemma_.lower() for t in view.sent}


def _spoken_by(view: SentenceView, sources: tuple[str, ...] | None = None) -> Iterator[Proposal]:
    """Each accuser of the sentence (of these sources, or any) against every other party named."""
    for accuser in view.accusers:
        if sources is None or accuser.source in sources:
            for party in view.parties:
                if party.canonical != accuser.canonical:
                    yield accuser, party


def _against(view: SentenceView, party: Party) -> Iterator[Proposal]:
    for accuser in view.accusers:
        if accuser.canonical != party.canonical:
            yield accuser, party


def _co_speakers(named: list[str | None], accusers: list[Accuser]) -> list[Accuser]:
    """ "Damascus and Moscow said…", "Russia and Turkey have accused each other…": the statement is named for the
    first party of the subject (`named`, the actors of the subject and its conjuncts); every other party joined to
    it speaks it too."""
    g = gazetteer()
    spoken = next((a for a in accusers if a.source in ("quote", "indirect")), None)
    if spoken is None or not named or named[0] is None or spoken.canonical != g.rollup(named[0]):
        return []
    return [Accuser(actor, g.rollup(actor), spoken.source, speaker=spoken.speaker,
                    statement_index=spoken.statement_index)
            for actor in named[1:] if g.is_party(actor) and g.rollup(actor) != spoken.canonical]


@generator("reported_speech")
def reported_speech(view: SentenceView) -> Iterator[Proposal]:
    """A sentence inside a quote or reported statement: its speaker against every other party named."""
    yield from _spoken_by(view, ("quote", "indirect"))


@generator("cue_subject")
def cue_subject(view: SentenceView) -> Iterator[Proposal]:
    """Whoever is the subject of a reporting or accusing verb ("Damascus and Moscow said…") against the rest."""
    yield from _spoken_by(view, ("cue_subject", "according"))


@generator("breach_language")
def breach_language(view: SentenceView) -> Iterator[Proposal]:
    """A party meets breach or attack language: any accuser the sentence has, against that party."""
    lemmas = _lemmas(view)
    if not lemmas & words("breach_verbs", "breach_nouns", "attack_verbs"):
        return
    yield from _spoken_by(view)


@generator("commitment_language")
def commitment_language(view: SentenceView) -> Iterator[Proposal]:
    """A party meets commitment language (obligations, promises, implementation)."""
    if not _lemmas(view) & words("keeping_nouns", "commitment_nouns", "comply_verbs"):
        return
    yield from _spoken_by(view)


@generator("nominalisation")
def nominalisation(view: SentenceView) -> Iterator[Proposal]:
    """ "the implementation by Ankara of its commitments is being delayed": a keeping noun owned by a party."""
    for party in view.parties:
        node = party.token
        for _ in range(3):
            if node.head == node:
                break
            node = node.head
            if node.lemma_.lower() in words("keeping_nouns", "breach_nouns") and node.pos_ == "NOUN":
                yield from _against(view, party)
                break


@generator("demand")
def demand(view: SentenceView) -> Iterator[Proposal]:
    """ "we expect our Turkish partners to carry out in full the obligations": a demand on a named party."""
    lex = lexicon()
    demands = [t for t in view.sent if t.lemma_.lower() in lex["demand_verbs"] and t.pos_ == "VERB"]
    if not demands or not _lemmas(view) & words("keeping_nouns", "commitment_nouns", "comply_verbs"):
        return
    for verb in demands:
        addressed = {t.i for c in verb.children if c.dep_ in ("dobj", "nsubj", "ccomp", "xcomp", "prep")
                     for t in c.subtree}
        for party in view.parties:
            if party.token.i in addressed:
                subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subject is not None and subject.i <= party.token.i <= subject.right_edge.i:
                    continue
                yield from _against(view, party)


@generator("passive")
def passive(view: SentenceView) -> Iterator[Proposal]:
    """ "the truce was violated by the militants": the agent of a passive breach verb."""
    for party in view.parties:
        by = party.token.head
        if by.lower_ == "by" and by.dep_ == "agent" and by.head.lemma_.lower() in words("breach_verbs", "attack_verbs"):
            yield from _against(view, party)


@generator("previous_sentence")
def previous_sentence(view: SentenceView) -> Iterator[Proposal]:
    """No accuser of its own: the speaker of the sentence before, when it is in the same paragraph."""
    yield from _spoken_by(view, ("previous",))


@generator("publisher")
def publisher(view: SentenceView) -> Iterator[Proposal]:
    """An official body's own release: its narration speaks in its voice."""
    yield from _spoken_by(view, ("publisher",))


@generator("mutual")
def mutual(view: SentenceView) -> Iterator[Proposal]:
    """ "Damascus and the rebels traded accusations of breaching the truce": each party against the other."""
    yield from _spoken_by(view, ("mutual",))


def mutual_accusers(sent, parties: list[Party]) -> list[Accuser]:
    """Every party of a sentence that has the parties accuse each other (two or three parties named)."""
    if not lexicon()["reciprocal_re"].search(sent.text):
        return []
    first: dict[str, Party] = {}
    for party in parties:
        first.setdefault(party.canonical, party)
    if not 2 <= len(first) <= 3:
        return []
    return [Accuser(p.actor, p.canonical, "mutual", token=p.token) for p in first.values()]


def _party_token(doc, start: int, end: int):
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def parties_in(sent) -> list[Party]:
    """Parties named in a sentence (aliases, "the Russian side"-style phrases): canonical or `other:` actors."""
    g = gazetteer()
    found = []
    text = sent.text
    for mention in g.referents(text):
        if not g.is_party(mention.actor):
            continue
        canonical = g.rollup(mention.actor)
        token = _party_token(sent.doc, sent.start_char + mention.start, sent.start_char + mention.end)
        if token is not None:
            found.append(Party(mention.actor, canonical, token, sent.start_char + mention.start))
    return found


def sentence_views(doc, statements: list[Statement], index, outlet_actor: str | None, outlet: str | None = None):
    """SentenceViews for every sentence with trigger language and at least one party."""
    from pipeline.analyzer.accusations import paragraph_of
    from pipeline.analyzer.referents import resolve_actor
    from pipeline.analyzer.statements import _speaker_of, asked

    g = gazetteer()
    lex = lexicon()
    sents = list(doc.sents)
    text = index.text
    views = []
    for number, sent in enumerate(sents):
        if not lex["trigger"].search(sent.text):
            continue
        parties = parties_in(sent)
        if not parties:
            continue
        accusers: list[Accuser] = []
        context = next((i for i, s in enumerate(statements)
                        if s.kind == "direct" and s.char_start < sent.end_char and sent.start_char < s.char_end), None)
        in_quote = context is not None
        if context is None:
            begins = sent.start_char + len(sent.text) - len(sent.text.lstrip())  # past a blanked-out dateline
            context = next((i for i, s in enumerate(statements)
                            if s.kind == "indirect" and s.char_start <= begins + 2 and s.char_end >= sent.end_char - 2), None)
        speaker_actor = (statements[context].speaker_actor or unnamed_source_state(statements[context].speaker, outlet, sent)
                         if context is not None else None)
        if context is not None and speaker_actor:
            s = statements[context]
            accusers.append(Accuser(speaker_actor, g.rollup(speaker_actor), "quote" if s.kind == "direct" else "indirect",
                                    speaker=s.speaker, statement_index=context))
        for token in sent:
            lemma = token.lemma_.lower()
            if token.pos_ == "VERB" and (lemma in lex["reporting_verbs"] or lemma in lex["accuse_verbs"]):
                subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
                if not subjects and token.dep_ in SHARED_SUBJECT:
                    # "the opposition agreed to a truce while criticizing Russia for…": the subject it shares
                    subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
                for subject in subjects:
                    named = [resolve_actor(head, set()) for head in (subject, *subject.conjuncts)]
                    for head, actor in zip((subject, *subject.conjuncts), named):
                        if g.is_party(actor):
                            accusers.append(Accuser(actor, g.rollup(actor), "cue_subject", token=head))
                    accusers += _co_speakers(named, accusers)
                if not subjects:
                    speaker = _speaker_of(token, index)
                    if speaker is not None and g.is_party(speaker.actor):
                        accusers.append(Accuser(speaker.actor, g.rollup(speaker.actor), "cue_subject",
                                                speaker=speaker.name))
            elif token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                speaker = _speaker_of(token, index)
                if speaker is not None and g.is_party(speaker.actor):
                    accusers.append(Accuser(speaker.actor, g.rollup(speaker.actor), "according", speaker=speaker.name))
        paragraph = paragraph_of(text, sent.start_char)
        if not accusers and number > 0:
            before = sents[number - 1]
            if before.start_char >= sent.start_char - len(paragraph) - 2 and "\n\n" not in text[before.start_char:sent.start_char]:
                previous = next((i for i, s in enumerate(statements)
                                 if s.char_start < before.end_char and before.start_char < s.char_end and s.speaker_actor), None)
                speaker_actor = statements[previous].speaker_actor if previous is not None else None
                if previous is not None and speaker_actor:  # the search above only picks statements with an actor
                    s = statements[previous]
                    accusers.append(Accuser(speaker_actor, g.rollup(speaker_actor), "previous",
                                            speaker=s.speaker, statement_index=previous))
        accusers.extend(mutual_accusers(sent, parties))
        if g.is_party(outlet_actor) and not asked(text, sent.start_char):  # (a briefing's questions are no release's)
            accusers.append(Accuser(outlet_actor, g.rollup(outlet_actor), "publisher", speaker=outlet))
        if not accusers:
            continue
        # one accuser per canonical actor and source
        unique: dict[tuple[str, str], Accuser] = {}
        for accuser in accusers:
            unique.setdefault((accuser.canonical, accuser.source), accuser)
        views.append(SentenceView(number, sent, paragraph, parties, list(unique.values()), in_quote, context))
    return views


def generate(doc, statements: list[Statement], index, outlet_actor: str | None, rules: list[Accusation],
             outlet: str | None = None) -> list[Candidate]:
    """Every candidate the generators propose, plus the rules' own accusations (generator "rule")."""
    g = gazetteer()
    by_key: dict[tuple[int, str, str], Candidate] = {}
    views = sentence_views(doc, statements, index, outlet_actor, outlet)
    starts = [s.start_char for s in doc.sents]
    for view in views:
        for name, func in GENERATORS.items():
            for accuser, party in func(view):
                key = (view.index, accuser.canonical, party.canonical)
                candidate = by_key.get(key)
                if candidate is None:
                    candidate = by_key[key] = Candidate(
                        view.index, view.sent.start_char, view.sent.end_char, accuser.actor, party.actor,
                        accuser.source, accused_token=party.token, speaker=accuser.speaker,
                        statement_index=accuser.statement_index, view=view)
                candidate.generators.add(name)
                candidate.sources.add(accuser.source)
                if accuser.token is not None:
                    candidate.accuser_tokens.add(accuser.token)
    for rule in rules:
        number = max(bisect.bisect_right(starts, rule.char_start) - 1, 0)
        key = (number, g.rollup(rule.accuser), g.rollup(rule.accused))
        candidate = by_key.get(key)
        if candidate is None:
            candidate = by_key[key] = Candidate(number, rule.char_start, rule.char_end, rule.accuser, rule.accused,
                                                "rule", speaker=rule.speaker, statement_index=rule.statement_index)
            candidate.sources.add("rule")
        candidate.generators.add("rule")
        # a claim made in the sentence outweighs a supposition in it ("would respond to any breach by the groups,
        # which have violated the truce"), then the surer reading
        if candidate.rule is None or _weight(rule) > _weight(candidate.rule):
            candidate.rule = rule
    return list(by_key.values())


def _weight(rule: Accusation) -> tuple[bool, float]:
    return rule.mode in ("claim", "counter"), rule.confidence
