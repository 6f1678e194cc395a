"""Statements: direct quotes and reported speech, each with its speaker and cue."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.analyzer.candidates import lexicon, words
from pipeline.analyzer.gazetteer import gazetteer
from pipeline.analyzer.names import (BODY_NOUNS, DOCUMENT_NOUNS, ROLE_NOUNS, agency_state, attribution_config,
                                     delegation_of, described, entity_of, is_capitalised_name, is_misread_place, listens, on_the_ground,
                                     unnamed_nouns)
from pipeline.analyzer.quotes import QuoteSpan, paragraphs, written_as_name
from pipeline.analyzer.sentences import sentence_of, text_sentence
from pipeline.analyzer.speakers import Speaker, SpeakerIndex, defined_acronyms, surname_known
from pipeline.analyzer.spelling import as_written
from pipeline.analyzer.subjects import resolve_subject, titles_a_medium
from pipeline.models import Statement
from pipeline.vocab import StatementKind

CUES = frozenset(attribution_config()["cue_verbs"])  # verbs that attribute a quote (config/attribution.yaml)
REPORTING = frozenset(attribution_config()["reporting_verbs"])  # verbs that report speech without quotes
DENIALS = frozenset(attribution_config()["denial_verbs"])
CUES_AND_DENIALS = CUES | DENIALS
CONTRAST_MARKS = frozenset(attribution_config()["contrast_marks"])
POSTED_ROLES = frozenset(attribution_config()["posted_roles"])  # ambassador, envoy, representative, delegate…
MAX_CUE_DISTANCE = 250  # characters between a quote and the verb that attributes it
AFTER_A_FULL_STOP = 80  # how much farther a cue after a quote closing its sentence counts, against one before it


@dataclass(frozen=True)
class Attribution:
    """The cue verb (or 'according to') and the speaker it names."""

    cue: str
    speaker: Speaker | None
    position: int


@lru_cache(maxsize=1)
def quote_cues() -> frozenset[str]:
    """Verbs that attribute a quote: the reporting verbs and config/attribution.yaml quote_cues."""
    return CUES | frozenset(attribution_config().get("quote_cues", ()))


def _with_object(verb) -> bool:
    """A cue of config quote_cues_intransitive used with an object or an infinitive ("continued his attacks")."""
    return verb.lemma_.lower() in attribution_config().get("quote_cues_intransitive", ()) and any(
        c.dep_ in ("dobj", "xcomp") for c in verb.children)


def _with_particle(verb) -> bool:
    """A verb that reports speech with its particle right after it ("went on", "shot back"; config
    quote_cue_phrases)."""
    particle = attribution_config().get("quote_cue_phrases", {}).get(verb.lemma_.lower())
    doc = verb.doc
    return particle is not None and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == particle


def acts_in_reply(verb) -> bool:
    """ "respond / reply / react" to something that is not words ("the army was responding to violations", "had
    responded to the sources of fire") or with force ("responded with artillery"): an act, not speech (config
    reply_speech_nouns, reply_act_nouns)."""
    if verb.lemma_.lower() not in ("respond", "reply", "react"):
        return False
    config = attribution_config()

    def answered(preposition: str) -> list:
        return [o for c in verb.children if c.dep_ == "prep" and c.lower_ == preposition
                for o in c.children if o.dep_ == "pobj"]
    return any(o.lemma_.lower() not in config["reply_speech_nouns"] for o in answered("to")) or any(
        o.lemma_.lower() in config["reply_act_nouns"] for o in answered("with"))


def _cue_tokens(doc, start: int, end: int, quotes: list[QuoteSpan]):
    """Cue verbs in [start, end) that stand outside every quote."""
    inside = lambda idx: any(q.start <= idx < q.end for q in quotes)  # noqa: E731
    cues = quote_cues()
    for token in doc.char_span(start, end, alignment_mode="expand") or []:
        if inside(token.idx):
            continue
        if token.lemma_.lower() in cues and token.pos_ in ("VERB", "AUX", "NOUN") and not _with_object(token) \
                and not acts_in_reply(token):
            yield token
        elif token.pos_ == "VERB" and _with_particle(token):
            yield token
        elif token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            yield token


def complains(verb) -> bool:
    """ "voiced concern over violations by X", "sent letters to the UN on violations by X", "drew attention to…",
    "expressed hope that…": a complaint or a stance, and so reported speech (not "expressed support for the agreement";
    config complaint_frames)."""
    nouns = attribution_config().get("complaint_frames", {}).get(verb.lemma_.lower(), ())
    return any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in verb.children)


def _cue_text(token) -> str:
    if token.lower_ == "according":
        return "according to"
    particles = [c.text for c in token.children if c.dep_ == "prt"]
    return " ".join([token.text, *particles])


def _speaker_of(token, index: SpeakerIndex) -> Speaker | None:
    """Who the cue verb (or "according to") names; an unnamed source speaking to a state's agency is of that state."""
    speaker = _speaking_for(token) or _named_by(token, index)
    if speaker is not None and speaker.actor is None and not speaker.is_person:
        return _of_the_listener(token, speaker)
    return speaker


def written_to_accusing(participle):
    """For "has written to the United Nations accusing the regime of…", the verb addressed to someone whose subject
    the participle of accusing, hung on the addressee, is the act of; else None."""
    noun = participle.head
    if participle.dep_ != "acl" or participle.lemma_.lower() not in lexicon()["accuse_verbs"]:
        return None
    addressed = noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.pos_ == "VERB" \
        and noun.head.head.lemma_.lower() in lexicon()["referents"]["addressing_verbs"]
    return noun.head.head if addressed else None


def _absolute_subject(verb):
    """The name just before a subjectless participle in "with X saying…", "…and Moscow saying…"; else None."""
    if verb.tag_ != "VBG" or verb.i < 2 or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    name = verb.doc[verb.i - 1]
    if name.pos_ != "PROPN" or gazetteer().resolve(name.text) is None:
        return None
    opening = verb.doc[name.i - 1]
    return name if opening.lower_ in ("and", "with") else None


def _speaking_for(verb) -> Speaker | None:
    """ "Speaking for France, the representative said…" (UN meetings coverage): a delegate named by a role only speaks
    for the party the sentence opens on."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in POSTED_ROLES or any(c.dep_ == "prep" for c in subject.children):
        return None
    party = next((o for a in verb.children if a.dep_ == "advcl" and a.lemma_.lower() == "speak" and a.i < subject.i
                  for p in a.children if p.dep_ == "prep" and p.lower_ == "for"
                  for o in p.children if o.dep_ == "pobj"), None)
    if party is None:
        return None
    actor = gazetteer().resolve(party.text)
    if actor is None or not gazetteer().is_party(actor):
        return None
    return Speaker(f"{subject.text} of {party.text}", None, actor, False)


def _set_off_name(verb) -> bool:
    """A cue set off by commas with only a name between the first comma and itself: ", Gen Breedlove said,"."""
    doc = verb.doc
    if verb.i < 3 or verb.i + 1 >= len(doc) or doc[verb.i + 1].text != ",":
        return False
    start = verb.i - 1
    while start > 0 and doc[start].pos_ == "PROPN":
        start -= 1
    return start < verb.i - 1 and doc[start].text == ","


def _name_before_its_role(subject, verb):
    """A person's name written just before a role noun subject and set off by a comma ('"…," Deborah Tamargo, the
    chairwoman of …, recalled'), which the parser hangs on the verb apart from the subject it stands in apposition to."""
    start = subject.left_edge.i
    if subject.pos_ != "NOUN" or start < 2 or subject.doc[start - 1].text != ",":
        return None
    name = subject.doc[start - 2]
    return name if name.ent_type_ == "PERSON" and name.head == verb and name.dep_ in ("npadvmod", "dep", "nmod",
                                                                                      "nsubj") else None


def _name_in_marks(span: QuoteSpan, index: SpeakerIndex) -> bool:
    """A body's name set in quotation marks, as translated Arabic copy writes them ('the “National Front for
    Liberation” said…'): the gazetteer knows the whole text, so it is a subject like any name."""
    quoted = index.text[span.start:span.end].strip(" \"'\u201c\u201d\u2018\u2019.,")
    return len(quoted.split()) <= 6 and written_as_name(quoted) and gazetteer().resolve(quoted) is not None


def _after_the_last_comma(subjects: list, verb) -> list:
    """ "Syrian forces pressed on with an assault…, despite a ceasefire…, rebels and a war monitor said": the parser
    hangs the reported clause's subject on the closing cue too; the subject after the last comma before it speaks."""
    if len(subjects) < 2 or any(s.i > verb.i for s in subjects):
        return subjects
    commas = [t.i for t in verb.doc[min(s.left_edge.i for s in subjects):verb.i] if t.text == ","]
    near = [s for s in subjects if commas and s.left_edge.i > commas[-1]]
    # only when a subject before the comma holds the clause's own verb (not "Cohen of the University of California,
    # Berkeley suggest", one name with a comma in it)
    clause = any(t.pos_ == "VERB" for s in subjects if s not in near for t in s.subtree)
    return near if near and clause else subjects


def _named_by(token, index: SpeakerIndex) -> Speaker | None:
    """The speaker a cue names: its subject, a cited or quoted source, or the phrase written just before it."""
    if token.lower_ == "according":
        to = token.doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"]
        return resolve_subject(objects[0], index) if objects else None
    if _in_view_of(token):  # "In Ankara's view, the regime's advance constitutes a breach"
        return resolve_subject(_viewer(token), index)
    if _for_party(token) is not None:  # "For Moscow, the main problem is that Ankara has not…"
        return resolve_subject(_for_party(token), index)
    quoted = _quoted(token)
    if quoted is not None:
        return resolve_subject(quoted, index)
    found = _cited_source(token, index)
    if found is not None:
        return found
    # "The SDF has been accused by Turkey of…": the subject is the one accused, the agent (if any) speaks
    passive = token.lemma_.lower() not in ("quote", "cite") and any(c.dep_ == "auxpass" for c in token.children)
    agent = next((o for c in token.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None) \
        if passive else None
    if agent is not None:
        return resolve_subject(agent, index)
    # A subject inside quotation marks is the parser's slip ('"… what Russia is doing," Muslat said' with Russia
    # hung on "said"; 'Flynn said on Fox News's "Fox and Friends."' with the show): the speaker stands outside them.
    subjects = sorted((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and not is_misread_place(c)
                       and not (passive and c.dep_ == "nsubjpass")
                       and not any(q.start <= c.idx < q.end and not _name_in_marks(q, index) for q in index.marked)),
                      key=lambda c: (c.ent_type_ != "PERSON", not c.is_alpha, not c.is_title))  # "counterpart Sergei Shoigu": the name
    subjects = _after_the_last_comma(subjects, token)
    # "The state news agency SANA said" (both made subjects): the name before the noun it names
    subjects = sorted(subjects, key=lambda c: not (c.pos_ == "PROPN" and any(
        o.i == c.i - 1 and o.pos_ == "NOUN" for o in subjects)))
    if subjects and _set_off_name(token) and subjects[0].i < token.i:
        # 'Russia and Syria's leader Bashar al-Assad, Gen Breedlove said, were "…"': the parser made the clause's
        # subject the cue's; the name set off with the cue speaks
        aside = _speaker_before(token, index)
        if aside is not None:
            return aside
    named = _name_before_its_role(subjects[0], token) if subjects else None
    if named is not None:  # '"…," Deborah Tamargo, the chairwoman of…, recalled': the name, parsed apart
        subjects = [named, *subjects]
    if subjects:
        # "The official news agency SANA reported": the parser makes both subjects; the one that names someone
        speaker = next((found for found in map(lambda s: resolve_subject(s, index), subjects) if found is not None), None)
        # A subject after the verb that names nobody ('…," Flynn, a surrogate, said on Fox News's "Fox and
        # Friends"', the show parsed as the subject) leaves the speaker to the rules below.
        if speaker is not None or subjects[0].i < token.i:
            return speaker
    # "the Russian side intended to raise the issue of…", "decided to send letters to the UN on…": a cue in what its
    # subject means or decides to do (not "urged Ankara to raise…", whose asked party would do it)
    # (only a head that says it is the subject's own act: "is expected to announce", "has yet to say" say nothing)
    controller = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
        if token.dep_ == "xcomp" and token.head.pos_ == "VERB" \
        and token.head.lemma_.lower() in attribution_config().get("intending_verbs", ()) and not any(
            c.dep_ in ("dobj", "neg") or (c.dep_ == "prep" and c.lower_ in ("on", "upon")) for c in token.head.children) \
        else None
    if not subjects and controller is not None:
        return resolve_subject(controller, index)
    # "…," said Zakharova: the parser often makes the inverted subject an object or attribute.
    # Not "telling Daily Sabah that…", nor '"…," a commander, X, told Zaman al-Wasl': whom one tells is the listener
    # (a name before "told" that the parser made its object still speaks).
    telling = token.lemma_.lower() == "tell" and token.tag_ != "VBG"
    if token.lemma_.lower() in ("say", "add", "write", "state") or telling:
        for child in token.children:
            if child.dep_ in ("dobj", "attr", "npadvmod", "appos") and child.ent_type_ == "PERSON" \
                    and not (telling and child.i > token.i):
                return resolve_subject(child, index)
    if token.lemma_.lower() == "read":  # '"…," read the statement': the document, inverted, is its subject
        document = next((c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in DOCUMENT_NOUNS
                         and c.i > token.i), None)
        if document is not None:
            return resolve_subject(document, index)
    written = written_to_accusing(token)
    if written is not None:
        # "has written to the United Nations accusing the regime of…": who wrote accuses, not whom it wrote to
        writer = next((c for c in written.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return resolve_subject(writer, index) if writer is not None else None
    if token.dep_ in ("relcl", "acl") and token.head.pos_ in ("PROPN", "NOUN"):
        return resolve_subject(token.head, index)
    # "Syrian state news agency SANA, citing a military source, said…": the parser read the agency's name as a verb
    # whose clause the cue reports; the source it cites speaks, else the agency
    misread = next((c for c in token.children if c.dep_ == "ccomp" and c.i < token.i and c.ent_type_ == "ORG"
                    and c.pos_ in ("VERB", "AUX")), None)
    if misread is not None and (agency := entity_of(misread)) is not None:
        cited = _cited_source(misread, index)
        if cited is not None:
            return cited
        actor = gazetteer().resolve(agency.text)
        return Speaker(agency.text, None, actor, False) if actor else None
    # "…, the Russian ambassador to Ankara Alexei Yerkhov told TASS": a subjectless verb, whatever the parser
    # made of it (ROOT, advcl), has its speaker written just before it.
    if token.dep_ == "ROOT" and token.i > 0:
        return _speaker_before(token, index)
    # ("…were recorded in Idlib, Major General Yuri Borenkov, head of the Russian Center…, said": a verb the parser
    # joined to the clause it reports, after a name and its role set off by commas)
    if token.tag_ in ("VBD", "VBZ", "VBP") and token.i > 0 and (token.doc[token.i - 1].pos_ in ("NOUN", "PROPN") or (
            token.dep_ == "conj" and token.doc[token.i - 1].text == ",")):
        before = _speaker_before(token, index)
        if before is not None:
            return before
    # "…, with Washington blaming the regime and Moscow saying that…": a participle with no subject of its own after a
    # party's name set after "with" or "and" (an absolute clause) is that party's, whatever the parser made of it
    absolute = _absolute_subject(token)
    if absolute is not None:
        return resolve_subject(absolute, index)
    # "…, saying Ankara had not…": a participle speaks with its clause's subject, even when the
    # parser hangs it lower ("rejected accusations that jets had bombed…, saying instead…").
    if token.dep_ in ("advcl", "conj", "xcomp", "pcomp"):  # pcomp: "limited herself to saying that…"
        head = token.head
        if token.tag_ == "VBG" and head.dep_ == "advcl" and any(c.dep_ == "mark" for c in head.children) \
                and not _set_against(head):
            # "X issued a statement, two days after Moscow and Damascus announced an offensive, saying…": the parser
            # hangs the participle on the time clause; it speaks with the main clause
            head = head.head
        if relayed(head):
            # "The ministry sent a letter to the UN, state television reported, saying…": the parser hangs the
            # participle on the medium's verb; it speaks with the clause the medium reports
            head = next((c for c in head.children if c.dep_ == "ccomp" and c.i < token.i), head)
        node = head
        for _ in range(4):
            if node.lemma_.lower() in CUES_AND_DENIALS and not relayed(node):
                return _speaker_of(node, index)
            if node.head == node:
                break
            node = node.head
        # 'Palmyra would become "a launchpad…", it said, promising to "…"': a reporting verb beside it speaks
        beside = next((c for c in token.head.children if c != token and c.pos_ == "VERB" and c.lemma_.lower() in CUES
                       and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)), None)
        if beside is not None:
            return _speaker_of(beside, index)
        # "The Ministry called on the Council…, warning that…": the clause's own subject speaks; so does the
        # subject a conjoined verb shares ("Erdogan spoke in Ankara and said…", "took questions and called…")
        # With two subjects (the parser's slip in "Speaking in Salem, New Hampshire, Trump went after Bush, calling
        # him…"), the person
        subject = min((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")),
                      key=lambda c: (c.ent_type_ != "PERSON", c.i), default=None)
        shared = _shares_subject(token) and subject is not None and not any(
            q.start <= t.idx < q.end for q in index.quotes for t in (head, subject)) \
            and token.doc[subject.i - 1].text not in QUOTE_MARKS  # not the quote's verb, not a quoted word
        if subject is not None and (token.tag_ == "VBG" or shared or _continued(token)):
            speaker = resolve_subject(subject, index)
            if speaker is None and token.tag_ == "VBG" and head.dep_ == "ccomp":
                # "Erdogan signalled that his patience was running thin, telling reporters that…": a participle the
                # parser hangs on a complement clause whose subject is no speaker speaks with the clause above it
                above = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
                return resolve_subject(above, index) if above is not None else None
            return speaker
    return None


def _set_against(clause) -> bool:
    """A clause set against the main one ("…, while Ankara, for its part, blames Damascus, saying…"): another party's
    account, whose participle speaks with it, not with the main clause."""
    return any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in clause.children)


def _continued(verb) -> bool:
    """An infinitive cue that goes on from its verb's subject: "The ministry went on to say…", "continued to insist"."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and verb.head.lemma_.lower() in attribution_config().get("continuing_verbs", ())


@lru_cache(maxsize=1)
def _not_sources() -> frozenset[str]:
    """Nouns a described source never is: hearsay (accusation_lexicon `hearsay_nouns`: "reports said"), documents
    (whoever issued one speaks) and texts that "say" things (attribution.yaml `texts_not_speakers`)."""
    from pipeline.analyzer.candidates import lexicon  # lazy: candidates imports this module's neighbours

    return frozenset(lexicon()["rules"]["hearsay_nouns"]) | DOCUMENT_NOUNS \
        | frozenset(attribution_config().get("texts_not_speakers", ()))


def _described_subject(verb) -> Speaker | None:
    """The reporting verb's subject, written before it, or what "according to" cites, when it only describes the
    source ("the bank said", "according to a new poll").

    Reported speech only: a quote whose cue names no one is left to the other rules (nearest speaker, a colon's lead-in),
    which on PolNeAR test find its speaker as often as a description does, and a description matched more quotes
    wrongly there."""
    if verb.lower_ == "according" and verb.i + 1 < len(verb.doc):
        cited = next((c for c in verb.doc[verb.i + 1].children if c.dep_ == "pobj"), None)
        return _described_source(cited) if cited is not None else None
    if verb.lemma_.lower() not in CUES_AND_DENIALS or any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is not None and subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subject = verb.head  # "an architect who said he was stiffed": the one the clause describes
    found = _described_source(subject) if subject is not None else None
    # ("In a statement carried by SANA, the army command said…": a body of the state whose medium carries it)
    return _of_the_listener(verb, found) if found is not None and found.actor is None else found


def _described_source(subject) -> Speaker | None:
    """A source the text only describes ("the bank said", "many Democrats say", "several cast members said"): as
    written, for no party. The statement is kept (who said it, as the article puts it) even when no party is known."""
    # Not a count ("killed 1102 people said the Observatory", commas stripped), not "his group" (whose it is, the
    # rules before this one tell), not hearsay, a document or a text ("which the memorandum said": _not_sources).
    # "Republicans said", "many Democrats say": a group by its creed or party, named by no body
    group = subject.pos_ == "PROPN" and subject.tag_ == "NNPS" and subject.ent_type_ == "NORP"
    if (subject.pos_ != "NOUN" and not group) or {subject.lemma_.lower(), subject.lower_} & _not_sources() \
            or any(c.dep_ == "nummod" or (c.dep_ == "poss" and c.pos_ == "PRON") for c in subject.children):
        return None
    return _named_with_noun_before(subject) or Speaker(described(subject), None, None, False)


def _named_with_noun_before(subject) -> Speaker | None:
    """"The newspaper said" after "the pro-government newspaper al-Watan": the name the same noun stood beside."""
    # A body or a medium, once: not people ("the foreign ministers" after "former deputy minister Abdallah").
    if subject.tag_ != "NN" or subject.lower_ in ROLE_NOUNS or subject.lower_ in unnamed_nouns() \
            or not any(c.lower_ in ("the", "this") for c in subject.children if c.dep_ == "det"):
        return None
    for earlier in reversed(subject.doc[:subject.left_edge.i]):
        if earlier.lower_ != subject.lower_ or earlier.pos_ != "NOUN":
            continue
        run: list = []
        for t in subject.doc[earlier.i + 1: earlier.i + 6]:
            if t.pos_ != "PROPN" and not (run and t.text == "-"):
                break
            run.append(t)
        if run:
            written = subject.doc[run[0].i: run[-1].i + 1].text
            return Speaker(written, None, gazetteer().resolve(written), False)
    return None


QUOTE_MARKS = frozenset(('"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "''", "``"))


def _shares_subject(verb) -> bool:
    """A predicate joined to the one before it by "and" or "but" ("spoke in Ankara and said…", "took questions and
    then called…"), active: "…emerged and was welcomed by some" is no one's speech, and a verb the parser joins
    across a clause that has its own words before it ("the jihadists a monitor said") is none either; nor is one
    inside what was reported ("she said, meaning that he's radical and says…")."""
    doc = verb.doc
    words = [t.lower_ for t in doc[max(verb.i - 3, 0): verb.i] if t.pos_ != "ADV"]
    return (verb.dep_ == "conj" and bool(words) and words[-1] in ("and", "but") and verb.head.dep_ in ("ROOT", "conj")
            and not any(c.dep_ in ("auxpass", "nsubj", "nsubjpass") for c in verb.children))


# "In Ankara's view", "In their telling": whose view a sentence gives (modes._in_their_view reads the same words)
VIEW_NOUNS = frozenset("view telling account version reading words eyes opinion assessment estimation judgment "
                       "judgement".split())


def _in_view_of(token) -> bool:
    """ "In Ankara's view", "in the Kremlin's assessment", "in his words", "in the words of the minister": a frame
    that reports whose view the sentence is."""
    return token.lower_ in VIEW_NOUNS and token.dep_ == "pobj" and token.head.lower_ == "in" \
        and _viewer(token) is not None


def _viewer(view):
    """Whose view: the possessive ("Ankara's", "his") or the "of" after it ("the words of the minister")."""
    owner = next((c for c in view.children if c.dep_ == "poss"
                  and (c.pos_ != "PRON" or c.lower_ in ("his", "her", "its", "their"))), None)
    return owner if owner is not None else next(
        (o for c in view.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"), None)


def _for_party(token):
    """ "For Moscow, the main problem is…", "For Ankara, the offensive breaches…": a sentence opened by "For" and a
    party, then a comma, is told as that party sees it; the party, else None."""
    if token.lower_ != "for" or token.i != token.sent.start or token.dep_ != "prep":
        return None
    party = next((c for c in token.children if c.dep_ == "pobj" and c.pos_ in ("PROPN", "NOUN")), None)
    after = party.right_edge.i + 1 if party is not None else None
    if after is None or after >= len(token.doc) or token.doc[after].text != "," \
            or not gazetteer().resolve(token.doc[party.left_edge.i: after].text):
        return None
    return party


def as_noted(token) -> bool:
    """ "As the diplomat noted, the militants have violated…": a reporting clause set before what it reports."""
    return token.dep_ == "advcl" and token.lemma_.lower() in REPORTING and token.i < token.head.i \
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children) \
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _quoting_verb(token):
    """The "quoted"/"cited" of "Sputnik quoted the ministry as saying…", whether the cue is the "saying" or the
    "quoted" itself; None for any other verb."""
    if token.lemma_.lower() in ("quote", "cite"):
        return token if any(c.lower_ == "as" and any(g.lemma_.lower() in CUES for g in c.children)
                            for c in token.children) else None
    head = token.head if token.head.lower_ != "as" else token.head.head  # "quoted X as saying"
    return head if token.lemma_.lower() in CUES and token.head != token and head.lemma_.lower() in ("quote", "cite") \
        else None


def _quoted(token):
    """ "quoting a military source as saying…", "Sputnik quoted the ministry as saying", "RIA cited Lavrov as telling
    reporters": the one quoted (it speaks), whether the cue is the "saying" or the "quoted" itself."""
    quoting = _quoting_verb(token)
    if quoting is None:
        return None
    objects = [c for c in quoting.children if c.dep_ == "dobj"]
    # "Tasnim quoted IRGC deputy head Hossein Salami as saying", parsed as two objects: the name after the title
    named = next((o for o in objects[1:] if o.pos_ == "PROPN" and o.left_edge.i == objects[0].i + 1), None)
    return named or (objects[0] if objects else None)


def _cited_source(verb, index: SpeakerIndex) -> Speaker | None:
    """ "al-Watan, citing a Syrian military source, said…": the cited source speaks, when it can speak
    (a person, a role noun or a noun of config/attribution.yaml citable_nouns) and the verb's own subject is
    no person ("McConnell said…, citing the release of prisoners" is McConnell's)."""
    # (an aside before the reported clause's "that" is the cue's, wherever the parser hangs it: "Izvestia reported,
    # citing a source in the Russian Defense Ministry, that Turkey had not…")
    asides = [c for clause in verb.children if clause.dep_ == "ccomp" for c in clause.children
              if c.dep_ == "advcl" and verb.i < c.i < min((m.i for m in clause.children if m.dep_ == "mark"), default=-1)]
    cited = next((d for c in (*verb.children, *asides) if c.dep_ == "advcl" and c.lemma_.lower() in ("cite", "quote")
                  for d in c.children if d.dep_ == "dobj"), None)
    if cited is None:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.ent_type_ == "PERSON" and not _medium_named(c) for c in verb.children):
        return None
    citable = _citable()
    if cited.ent_type_ != "PERSON" and cited.lower_ not in citable and cited.lemma_.lower() not in citable:
        return None
    return resolve_subject(cited, index)


def _medium_named(token) -> bool:
    """The token is in a name the NER calls a person that a media noun titles ("the newspaper al-Watan")."""
    ent = entity_of(token)
    return ent is not None and titles_a_medium(ent)


@lru_cache(maxsize=1)
def _citable() -> frozenset[str]:
    """Nouns a cited source can be: role and document nouns and config/attribution.yaml citable_nouns."""
    return ROLE_NOUNS | DOCUMENT_NOUNS | frozenset(attribution_config().get("citable_nouns", ()))


def _of_the_listener(verb, speaker: Speaker) -> Speaker:
    """ "a military source told SANA": an unnamed source speaking to a state's news agency is of that state."""
    g = gazetteer()
    if set(speaker.name.lower().split()) & on_the_ground():
        return speaker  # "local sources told Anadolu": people in Idlib, not Turkish officials
    telling = verb.lemma_.lower() in attribution_config().get("listening_verbs", ())  # not whom one accuses
    listeners = [c for c in verb.children if c.dep_ in ("dobj", "dative") and telling] + [
        o for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]
    # "In a statement carried by the state news agency SANA, the army command said…": the medium that carries it
    listeners += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for d in c.children
                  if d.dep_ == "pobj" and d.lemma_.lower() in DOCUMENT_NOUNS for a in d.children if a.dep_ == "acl"
                  for b in a.children if b.dep_ == "agent" for o in b.children if o.dep_ == "pobj"]
    # "the official news agency SANA quoted a military source as saying…": the medium that quotes it
    quoting = _quoting_verb(verb)
    listeners += [c for c in quoting.children if c.dep_ == "nsubj"] if quoting is not None else []
    for listener in listeners:
        end = listener.right_edge.i + 1
        # "told the state news agency SANA": the parser may leave the agency's name out of its noun
        while end < len(listener.doc) and listener.doc[end].ent_type_ == "ORG" and listener.doc[end].text[:1].isupper():
            end += 1
        whole = listener.doc[listener.left_edge.i: end].text
        # (or the name it gives in brackets: "the official news agency of the regime (SANA)")
        for phrase in (whole, *re.findall(r"\(([^()]+)\)", whole)):
            actor = g.resolve(phrase)
            if actor and g.actors[actor].parent and g.actors[actor].kind == "institution":
                return Speaker(speaker.name, speaker.title, g.rollup(actor), False)
            state = agency_state(phrase)  # "told Al-Watan": a newspaper that is no party, carrying a state's source
            if state:
                return Speaker(speaker.name, speaker.title, state, False)
    return speaker


PERFECT = frozenset(("has", "have", "had"))


def _speaker_before(token, index: SpeakerIndex) -> Speaker | None:
    """A subjectless "…, Rear Admiral Alexander Grinkevich said": the parser hung the speaker elsewhere.

    The speaker is the name ending right before the verb, else the noun phrase back to the last comma.
    """
    doc = token.doc
    # "…, Alexander Lavrentiev, has said": the name ends before the verb's auxiliaries (and a comma the parse kept)
    end = min([token.i, *(c.i for c in token.children if c.dep_ == "aux" and c.i < token.i and c.lower_ in PERFECT)])
    end = end - 1 if end < token.i and end > 0 and doc[end - 1].text == "," else end
    for ent in doc.ents:
        if ent.end in (token.i, end) and ent.label_ == "PERSON":
            return resolve_subject(ent.root, index)
        if ent.label_ == "PERSON" and _set_off_by_commas(ent, token):
            # "…, the Russian ambassador to Ankara, Alexei Yerkhov, said": the parser hung the role on a place
            # before it; the name set off just before the verb is who speaks
            return resolve_subject(ent.root, index)
    titled = _titled_ending(token.i, index) or _titled_ending(end, index)
    if titled is not None:
        return index.person(titled)
    named = _name_before_apposition(token, index)
    if named is not None:
        return named
    start = _phrase_start(doc, end, sentence_of(token).start)
    if start < end and (doc[start].tag_ == "VBG" or doc[start].lower_ in ("who", "whose")) and start > 1 \
            and doc[start - 1].text == ",":
        # "…," a senior Russian diplomat, speaking on condition of anonymity, told Interfax: past the aside (or a
        # relative one: "a rebel commander with the Fastaqim Union, who spoke on condition of anonymity…, said")
        end = start - 1
        start = _phrase_start(doc, end, sentence_of(token).start)
    if start >= end or doc[end - 1].is_punct:
        return None
    heads = [t for t in doc[start:end] if not (start <= t.head.i < end) or t.head == t]
    if len(heads) == 1 and heads[0].pos_ in ("NOUN", "PROPN"):
        return resolve_subject(heads[0], index)
    phrase = _noun_phrase_ending(doc, start, end)
    if phrase is not None and token.dep_ == "conj" and token.tag_ == "VBD":
        # "…continue attempts to break down the cessation of hostilities in Aleppo the Russian center for
        # reconciliation … said": no comma sets the source off (a copy that lost its commas); the parser joins the
        # verb to the clause, and the source is the whole noun phrase that ends right before it
        return resolve_subject(phrase, index)
    return None


def _noun_phrase_ending(doc, start: int, end: int):
    """The source a noun phrase ending right before `end` names: a body, an organisation or an unnamed source
    ("the Russian center for reconciliation of the warring parties in Syria", "a source at Aleppo Police Command"),
    opening on its article, holding no "and" (not "…in Idlib and Aleppo DAESH")."""
    for t in doc[start:end]:
        if t.pos_ not in ("NOUN", "PROPN") or t.right_edge.i != end - 1 or t.left_edge.i < start \
                or t.dep_ not in ("appos", "conj", "pobj", "npadvmod", "dobj"):
            continue
        phrase = doc[t.left_edge.i:end]
        sourcy = t.lower_ in BODY_NOUNS or t.lower_ in ("source", "sources") or t.ent_type_ == "ORG"
        if sourcy and phrase[0].lower_ in ("the", "a", "an") and not any(w.lower_ == "and" for w in phrase):
            return t
    return None


def _phrase_start(doc, end: int, floor: int) -> int:
    """Where the phrase ending before token `end` starts: just after the last comma, dash, bracket or quote mark."""
    start = end - 1
    while start > floor and doc[start - 1].text not in (",", "\u2014", "\u2013", "(", ";", ":", '"', "\u201d"):
        start -= 1
    return start


def _set_off_by_commas(ent, verb) -> bool:
    """A name between two commas that ends right before the verb: "…, Alexei Yerkhov, said", with its rank before it
    ("…, Major General Yury Borenkov, said")."""
    doc = verb.doc
    start = ent.start
    while start > 0 and ent.start - start < 4 and doc[start - 1].dep_ == "compound" and doc[start - 1].is_title:
        start -= 1
    return ent.end == verb.i - 1 and doc[ent.end].text == "," and start > 0 and doc[start - 1].text == ","


def _titled_ending(end: int, index: SpeakerIndex) -> str | None:
    """The titled person whose name ends right before token `end` ("Rear Admiral Oleg Zhuravlev")."""
    return next((name for _, e, name in index.titled if e == end), None)


def _name_before_apposition(verb, index: SpeakerIndex) -> Speaker | None:
    """ '…," Flynn, a top Trump surrogate, said': the person named before an apposition set off by commas."""
    doc, sentence_start = verb.doc, sentence_of(verb).start
    if verb.i < 3 or doc[verb.i - 1].text != ",":
        return None
    # (a role may run long: "…, Major General Yuri Borenkov, head of the Russian Center for Reconciliation of the
    # Opposing Sides in Syria, said")
    for comma in range(verb.i - 2, max(sentence_start, verb.i - 20) - 1, -1):
        if doc[comma].text in ('"', "\u201d", "\u201c", ";", ":"):
            return None
        if doc[comma].text == ",":
            before = doc[comma - 1] if comma > 0 else None
            person = next((e for e in doc.ents if e.end == comma and e.label_ == "PERSON"), None)
            if person is not None:
                return resolve_subject(person.root, index)
            titled = _titled_ending(comma, index)
            if titled is not None:  # "Rear Admiral Oleg Zhuravlev, head of…, told"
                return index.person(titled)
            if before is not None and before.pos_ == "PROPN" and is_capitalised_name(before):
                return resolve_subject(before, index)
            return None
    return None


# "Alexander Lavrentiev:" before an answer, quoted (an interview) or not (a briefing transcript)
# A bracketed aside may stand between the name and the colon: "Mevlut Cavusoglu (retranslated from Russian):",
# "Question (to Sergey Lavrov):".
LABEL = r"([A-Z][\w.'\u2019\- ]{2,60}?)(?:\s*\([^()\n]{1,60}\))?"
INTERVIEW_LABEL = re.compile(rf"^\s*{LABEL}\s*:\s*[\"\u201c\u00ab]?$")
TRANSCRIPT_LABEL = re.compile(rf"^{LABEL}:\s+\S")
NOT_SPEAKERS = frozenset(attribution_config()["label_not_speakers"])  # "QUESTION:", "Background:", "The Latest:"
FUNCTION_WORDS = frozenset(attribution_config()["label_function_words"])  # no name holds one: "Big Win For Bernie:"


def _shaped_as_a_name(label: str) -> bool:
    """A label a person's name could be: no function word ("Big Win For Bernie:", "Three meetings were on tap for
    Trump:"), no possessive ("Monday's Morning Email:"), no digit, not ending in a section word ("Delegate Update:",
    "AP-GfK Poll:"; config label_not_speakers)."""
    words = label.replace("\u2019", "'").split()
    return bool(words) and not any(w.lower() in FUNCTION_WORDS or w.endswith("'s") or any(c.isdigit() for c in w)
                                   for w in words) and words[-1].lower() not in NOT_SPEAKERS


def _interview_label(prefix: str, index: SpeakerIndex) -> Speaker | None:
    """'Alexander Lavrentiev: "The ceasefire is…"': a Q&A answer, labelled with its speaker's name."""
    match = INTERVIEW_LABEL.match(prefix)
    return _labelled(match.group(1), index) if match else None


def _labelled(label: str, index: SpeakerIndex) -> Speaker | None:
    """The person a transcript label names: a surname the article knows, or two to four capitalised words; after an
    office ("President of Turkey Recep Tayyip Erdogan:", "Foreign Minister of Russia Sergey Lavrov:", as the Kremlin's
    and the ministries' transcripts write them), the name the article knows."""
    label = label.strip()
    if label.lower().replace("\u2019", "'") in NOT_SPEAKERS:
        return None
    if not _shaped_as_a_name(label):
        return _name_after_office(label, index)
    words = label.split()
    known = surname_known(label, index)
    if not known and not (2 <= len(words) <= 4 and all(w[:1].isupper() or w.lower() in ("al", "el", "de", "bin") for w in words)):
        return None
    return index.person(label)


def _name_after_office(label: str, index: SpeakerIndex) -> Speaker | None:
    """ "President of Turkey Recep Tayyip Erdogan": the longest name of two to four capitalised words that ends the
    label, whose surname the article knows, after words that hold an office noun."""
    words = label.split()
    for size in range(min(4, len(words) - 1), 1, -1):
        name, office = " ".join(words[-size:]), [w.lower() for w in words[:-size]]
        first = gazetteer().resolve(words[-size])  # ("Turkey" of "President of Turkey" is the office's)
        if _shaped_as_a_name(name) and all(w[:1].isupper() for w in words[-size:]) \
                and (first is None or gazetteer().actors[first].kind == "person") \
                and any(w in ROLE_NOUNS for w in office) and surname_known(name, index):
            return index.person(name)
    return None


def by_interview_label(doc, quote: QuoteSpan, quotes: list[QuoteSpan], spans, index: SpeakerIndex) -> Attribution | None:
    """'Alexander Lavrentiev: "The ceasefire is…"': the label before the answer."""
    p_start, _ = spans[quote.first_paragraph]
    labelled = _interview_label(index.text[p_start:quote.start], index)
    return Attribution("interview", labelled, p_start) if labelled else None


SIGNATURE_NAME = r"((?:[A-Z][\w.'\u2019\-]*|(?:al|el|de|da|van|von|bin)(?:-[A-Z][\w'\u2019]*)?)(?:[^\S\n]+(?:[A-Z][\w.'\u2019\-]*|al|el|de|da|van|von|der|bin|N)){0,4})"


@lru_cache(maxsize=1)
def _signature_pattern() -> re.Pattern[str]:
    dashes = "|".join(re.escape(d) for d in sorted(attribution_config().get("signature_dashes", []), key=len, reverse=True))
    space = r"[^\S\n]"  # spaces, tabs, no-break spaces: not a line break
    return re.compile(rf"^[\"\u201d\u00bb.,!?\u2026]*{space}*\n?\s*(?:{dashes}){space}*{SIGNATURE_NAME}{space}*(?=$|\n|,|\()")


def by_signature(doc, quote: QuoteSpan, quotes: list[QuoteSpan], spans, index: SpeakerIndex) -> Attribution | None:
    """ '"…" ― Adriana Rodarte': a quote signed with a dash and a name (posts, reader comments, epigraphs)."""
    after = index.text[quote.end:quote.end + 80]
    match = _signature_pattern().match(after)
    if match is None:
        return None
    name = match.group(1).strip().rstrip(".")
    position = quote.end + match.start(1)
    if len(name) < 3:
        return None
    g = gazetteer()
    actor = g.resolve(name)
    if actor and g.actors[actor].kind != "person":
        return None
    index.add_person(name, position)
    return Attribution("signature", index.person(name), position)


def relayed(cue) -> bool:
    """A medium reporting someone's words ("…, Swedish newspaper Svenska Dagbladet reported"): another cue of the
    sentence, the one who said them, comes first."""
    config = attribution_config()
    if cue.lemma_.lower() not in config.get("relay_verbs", ()):
        return False
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    return subject is not None and (any(t.lower_ in config.get("media_nouns", ()) for t in subject.subtree)
                                    or gazetteer().resolve(subject.doc[subject.left_edge.i: subject.i + 1].text)
                                    in config.get("news_agencies", ()))


def by_cue(doc, quote: QuoteSpan, quotes: list[QuoteSpan], spans, index: SpeakerIndex) -> Attribution | None:
    """The nearest cue verb (or "according to") around the quote that names a speaker."""
    return _attribute(doc, quote, quotes, spans, index)


def _subordinate(token, start: int, end: int) -> bool:
    """Whether the verb hangs on another verb written in text[start:end] ("When Trump suggested…, Rubio fired
    back:", "Lavrov said…, adding:"); a verb the parser hangs on the quote after the colon is not."""
    return any(start <= t.idx < end and t.pos_ in ("VERB", "AUX") for t in token.ancestors)


def by_colon_lead_in(doc, quote: QuoteSpan, quotes: list[QuoteSpan], spans, index: SpeakerIndex) -> Attribution | None:
    """ 'A senior Western diplomat summed up the outlook: "…"', or 'Zakharova told reporters on Thursday:' ending
    the paragraph before one that opens with the quote (GUIDELINES.md's colon lead-in): a cue of the lead-in's main
    clause speaks, else the subject of the verb the colon closes, else a cue of a clause that sets the scene.
    Tried before the cues of the quote's paragraph: in 'Johnson kept asking her why… Clinton, exasperated,
    responded: "…"' the lead-in, not the question, attributes the quote."""
    p_start, _ = spans[quote.first_paragraph]
    lead_start, lead_end = p_start, quote.start - 1
    if index.text[p_start:quote.start].strip() in ("", "\u201c", '"', "\u00ab"):
        if quote.first_paragraph == 0:
            return None
        lead_start, lead_end = spans[quote.first_paragraph - 1]
    lead = index.text[lead_start:lead_end].rstrip()
    if not lead.endswith(":"):
        return None
    colon = doc.char_span(lead_start + len(lead) - 1, lead_start + len(lead), alignment_mode="expand")
    if colon is None or not len(colon):
        return None
    start = max(sentence_of(colon[0]).start_char, lead_start)
    end = colon[0].idx
    cues = list(reversed(list(_cue_tokens(doc, start, end, quotes))))
    closed = _verb_the_colon_closes(doc, start, end)
    # A cue of the main clause speaks; then the subject of the verb the colon closes; a cue of a clause that only
    # sets the scene ("When Trump suggested…, Rubio fired back:") last.
    attempts = [(t, None) for t in cues if not _subordinate(t, start, end)]  # (verb, its subject if not a cue)
    if closed is not None and not _subordinate(closed[0], start, end):
        attempts.append(closed)
    attempts += [(t, None) for t in cues if _subordinate(t, start, end)]
    if closed is not None:
        attempts.append(closed)
    for token, subject in attempts:
        speaker = _speaker_of(token, index) if subject is None else resolve_subject(subject, index)
        if speaker:
            return Attribution(_cue_text(token), speaker, token.idx)
    # "The timing doesn't surprise Republican pollster Daron Shaw:": no one speaks above, the one named at the colon
    named = doc[colon[0].i - 1] if colon[0].i > 0 else None
    # (not whom the lead-in's verb speaks to: "…, told Enab Baladi:")
    if named is not None and named.ent_type_ == "PERSON" and named.idx >= start and not listens(named):
        speaker = resolve_subject(named, index)
        if speaker is not None and speaker.is_person:
            return Attribution(named.text, speaker, named.idx)
    return None


def _verb_the_colon_closes(doc, start: int, end: int):
    """(verb, subject): the last verb in text[start:end] with its subject before it. The parser often hangs the
    colon on the quote, so the verb the colon closes is found by position."""
    lead_in = doc.char_span(start, end, alignment_mode="contract") or []
    verbs = [t for t in reversed(lead_in) if t.pos_ in ("VERB", "AUX")]
    # (a verb of a clause inside the lead-in is no one's lead-in: "He spelled out what the deal requires of the
    # government, which would have to stop flying where the opposition is present:" is his)
    described = {t.i for v in verbs if v.dep_ in ("relcl", "acl", "ccomp", "csubj", "pcomp", "advcl")
                 for t in v.subtree}
    for verb in [v for v in verbs if v.i not in described] + verbs:
        # not the verb of a clause about what was said ("broke down exactly what was wrong with it:")
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and start <= c.idx < verb.idx
                        and c.tag_ not in ("WP", "WDT", "EX")), None)
        if subject is not None:
            return verb, subject
    return None


def by_description(doc, quote: QuoteSpan, quotes: list[QuoteSpan], spans, index: SpeakerIndex) -> Attribution | None:
    """'"…," the Britain-based monitor said' when nothing resolved it: the common-noun subject of the cue right after
    the quote speaks as the text describes it, not the speaker of the quote before."""
    token = next(iter(_cue_tokens(doc, quote.end, min(quote.end + 60, len(doc.text)), quotes)), None)
    return _by_described_subject(token, quotes) if token is not None else None


def _by_described_subject(token, quotes: list[QuoteSpan]) -> Attribution | None:
    """The cue's common-noun subject with "the" ("the military said"), as the text describes it."""
    subject = next((c for c in token.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"
                    and not any(q.start <= c.idx < q.end for q in quotes)), None)
    if subject is None or not any(c.lower_ == "the" for c in subject.children if c.dep_ == "det"):
        return None
    description = described(subject)
    if not description:
        return None
    actor = gazetteer().resolve(description)  # "the Russian military": Russia's, though no one is named
    speaker = Speaker(description, subject.lower_, actor, False)
    # ("In a statement carried by SANA, the army command said…": a body of the state whose medium carries it)
    return Attribution(_cue_text(token), speaker if actor else _of_the_listener(token, speaker), token.idx)


# Tried in this order; the first that names a speaker attributes the quote.
QUOTE_ATTRIBUTION_RULES = (by_interview_label, by_signature, by_colon_lead_in, by_cue, by_description)


def _attribute(doc, quote: QuoteSpan, quotes: list[QuoteSpan], spans, index: SpeakerIndex) -> Attribution | None:
    p_start, _ = spans[quote.first_paragraph]
    _, p_end = spans[quote.last_paragraph]
    candidates = []
    # A quote inside a sentence belongs to that sentence's reporting verb ("…, accusing Turkey of
    # "seeking to empty the region"."), before any cue in the next sentence.
    inside = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    own_sentences = {sentence_of(inside[0]).start, sentence_of(inside[-1]).start} if inside is not None and len(inside) else set()
    closes = _closes_sentence(doc, quote)
    for token in _cue_tokens(doc, p_start, p_end, quotes):
        if token.idx >= quote.end:
            distance = token.idx - quote.end
        elif token.idx < quote.start:
            distance = quote.start - token.idx + 40  # after the quote is the usual place: prefer it
        else:
            distance = 10_000
        if distance <= MAX_CUE_DISTANCE:
            # a reporting verb before a verb that only frames a quote ("called it …"), in the same sentence
            weak = token.lemma_.lower() not in CUES and token.lower_ != "according"
            # '"Isn't that a bribe?" Trump asked.': the cue right after the closing mark is the quote's own (though
            # the question mark ends the sentence for the parser), and no weaker for being "ask"
            adjacent = _right_after(doc, quote, token)
            own = sentence_of(token).start in own_sentences or adjacent
            # (in another sentence, as its main verb, one such as "slammed" brings in the speaker as "said" does;
            # not "a super PAC called Future45")
            weak = weak and not adjacent and (own or token.dep_ != "ROOT")
            # 'Assad said Syria would back "all sincere efforts", SANA said': the innermost cue whose clause holds
            # the quote speaks it, before a nearer one that relays the whole sentence (a medium that "reported" it
            # comes last whatever the parse: the parser often hangs the quote on it)
            depth = _governing_depth(token, inside) if own else 0
            # a cue in a time or relative clause ('after Cruz accused him…', 'a clip that X called…') sets the scene
            # a quote that closes its sentence goes on from the speaker before it; a cue after it opens a new
            # sentence, often about someone else ('X slammed the raids. "…." Y also accused…' is X's)
            later = AFTER_A_FULL_STOP if closes and token.idx >= quote.end else 0
            candidates.append((not own, relayed(token), -depth, _in_side_clause(token), weak, distance + later, token))
    described_one = None
    for *key, token in sorted(candidates, key=lambda c: c[:6]):
        if key[0] and described_one is not None:
            # 'In its statement the military said the attack "will not go unpunished."': when no cue of the quote's
            # own sentence names anyone, its described subject speaks, not the next sentence's speaker
            return described_one
        speaker = _speaker_of(token, index)
        if speaker:
            return Attribution(_cue_text(token), speaker, token.idx)
        if not key[0] and described_one is None:
            described_one = _by_described_subject(token, quotes)
    return described_one


def _closes_sentence(doc, quote: QuoteSpan) -> bool:
    """The quote is a sentence of its own that ends on a full stop inside its marks or right after them."""
    inside = doc.text[quote.start:quote.end].rstrip()
    after = doc.text[quote.end: quote.end + 3].lstrip("\"\u201d\u2019' ")
    return inside.endswith(".") or after.startswith(".")


def _right_after(doc, quote: QuoteSpan, cue) -> bool:
    """The cue is the first word after the quote's closing mark, or follows only the speaker's name there (not when
    the quote closes on a full stop: 'branded it an "outlaw nation." Russia insisted…' starts a new sentence, while
    '"Isn't that a bribe?" Trump asked' does not)."""
    if cue.idx < quote.end or _closes_sentence(doc, quote):
        return False
    between = doc.text[quote.end: cue.idx]
    return len(between) <= 40 and "\n" not in between and not any(c in between for c in ".;:") \
        and re.fullmatch(r"[\s,\"\u201d\u2019']*(?:[A-Z][\w.'\u2019-]*\s+){0,3}", between) is not None


def _in_side_clause(cue) -> bool:
    """The cue stands in a time, condition or relative clause of its sentence, not in its main clause."""
    node = cue
    for _ in range(6):
        if node.dep_ == "relcl" or (node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children)):
            return True
        if node.head == node or node.dep_ in ("ccomp", "xcomp"):
            return False
        node = node.head
    return False


def _governing_depth(cue, inside) -> int:
    """How deep the cue stands in the parse when the quoted words hang below it (0 when they do not). A clause joined
    to the cue's own by "but that" / "and that" is the outer verb's second report, not the cue's ("the ministry said
    its centre had registered nine violations, but that the truce was “being observed”": the ministry's words)."""
    if inside is None or not any(cue in t.ancestors or t == cue for t in inside):
        return 0
    if any(_second_report(node, cue) for t in inside for node in (t, *t.ancestors) if node.i > cue.i):
        return 0
    return 1 + sum(1 for _ in cue.ancestors)


def _second_report(node, cue) -> bool:
    """A "that" clause conjoined to the cue's own clause, which is itself reported (a ccomp)."""
    return node.dep_ == "conj" and node.head == cue and cue.dep_ == "ccomp" \
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in node.children)


def extract_statements(doc, index: SpeakerIndex | None = None) -> tuple[list[Statement], SpeakerIndex]:
    """Direct quotes and indirect statements in the order they appear."""
    text = doc.text
    index = index or SpeakerIndex(doc)
    spans = paragraphs(text)
    quotes = index.quotes
    # Reported speech first: "Putin said the deal… “I am convinced…,” he said" needs Putin remembered.
    statements: list[Statement] = _indirect(doc, quotes, index, spans)
    last_quote_paragraph, last_speaker = -10, None
    for quote in quotes:
        p_start, _ = spans[quote.first_paragraph]
        attribution = next((found for rule in QUOTE_ATTRIBUTION_RULES
                            if (found := rule(doc, quote, quotes, spans, index)) is not None), None)
        speaker, cue = (attribution.speaker, attribution.cue) if attribution else (None, None)
        opens_paragraph = text[p_start:quote.start].strip() in ("", "\u201c", '"')
        if speaker is None and last_speaker and (quote.first_paragraph == last_quote_paragraph or (
                quote.first_paragraph - last_quote_paragraph == 1 and opens_paragraph)):
            speaker = last_speaker  # a quote with no attribution continues the previous speaker
        alone = opens_paragraph and not text[quote.end:spans[quote.last_paragraph][1]].strip(" \"\u201d.,!?")
        if speaker is None and alone and quote.first_paragraph > 0 and last_quote_paragraph < quote.first_paragraph - 1:
            # 'X said the regime had never respected the truce. || "They are killing civilians every day."': a
            # paragraph that is only a quote goes on from the reported speech that closed the paragraph before
            speaker = _closing_reporter(statements, spans[quote.first_paragraph - 1], text, index)
        if speaker is None:
            # words quoted inside a sentence's reported clause ("told RIA Novosti that … who had “repeatedly
            # attempted to derail the patrols”"): the reporter's
            speaker = next((heard for r in statements if r.kind == StatementKind.INDIRECT
                            and r.char_start < quote.start and quote.end <= r.char_end + 1
                            for at, heard in index.spoken if abs(at - r.char_start) <= 2), None)
        if speaker is None:
            continue
        index.remember(quote.start, speaker)
        last_quote_paragraph, last_speaker = quote.last_paragraph, speaker
        statements.append(Statement(StatementKind.DIRECT, speaker.name, speaker.actor, text[quote.start:quote.end], cue,
                                    quote.start, quote.end, speaker.title))
    statements.sort(key=lambda s: s.char_start)
    statements = _parties_of_the_named(_short_names_in_full(_office_holders_named(statements, text), text))
    statements = _roles_introduced(statements, index)
    written = doc.user_data.get("written")
    if written is not None and written != text:  # the parser read an eased copy: names as the article spells them
        statements = [replace(s, speaker=as_written(s.speaker, text, written)) for s in statements]
    return statements, index


def _closing_reporter(statements: list[Statement], paragraph: tuple[int, int], text: str,
                      index: SpeakerIndex) -> Speaker | None:
    """The speaker of the reported speech that ends a paragraph (its last sentence)."""
    start, end = paragraph
    last = next((s for s in reversed(statements) if start <= s.char_start < end), None)
    if last is None or last.kind != StatementKind.INDIRECT or text[last.char_end:end].strip():
        return None
    return next((speaker for position, speaker in reversed(index.spoken) if start <= position <= last.char_start), None)


def _office_holders_named(statements: list[Statement], text: str) -> list[Statement]:
    """ '"…," the Turkish president said' in an article that names Erdogan anywhere: GUIDELINES.md's speaker is the
    fullest name in the text, so a role goes to the holder of that office the article names (config/gazetteer.yaml
    `offices`), nearest first."""
    g = gazetteer()
    if not any(s.speaker_actor and g.actors[s.speaker_actor].kind != "person" for s in statements):
        return statements
    holders = [m for m in g.mentions(text) if g.actors[m.actor].offices]
    return [_holder_of_role(s, holders, text) for s in statements] if holders else statements


def _short_names_in_full(statements: list[Statement], text: str) -> list[Statement]:
    """ '"…," HTS said' after "Hayat Tahrir al-Sham (HTS)", "Sky reports" after "Sky News": GUIDELINES.md's speaker is
    the fullest name in the text, so a body named by an acronym the article spells out, or a medium by one word of a
    name the article writes in full, is named in full."""
    g = gazetteer()
    spelt = defined_acronyms(text)
    out = []
    for statement in statements:
        short = re.sub(r"^the ", "", statement.speaker or "", flags=re.I)
        person = statement.speaker_actor is not None and g.actors[statement.speaker_actor].kind == "person"
        name = None if person else spelt.get(short) or _medium_in_full(short, text)
        if name is not None:
            statement = replace(statement, speaker=name, speaker_actor=statement.speaker_actor or g.resolve(name))
        out.append(statement)
    return out


ROLE_APPOSITION = re.compile(r"[^,.;:]{0,80},\s*(?:[A-Z][\w.'-]*\s+){0,4}")


def _roles_introduced(statements: list[Statement], index: SpeakerIndex) -> list[Statement]:
    """ '"…," the head of the Russian Centre emphasised' after "Head of the Russian Centre for reconciliation of
    opposing sides, Lieutenant General Vladimir Savchenko, stated": GUIDELINES.md's speaker is the fullest name, so a
    role goes to the one person the article introduced by it, in the sentence that names them (a holder the gazetteer
    knows is _office_holders_named's)."""
    text, out = index.text, []
    for statement in statements:
        role = re.sub(r"^the\s+", "", statement.speaker or "", flags=re.I)
        if not role[:1].islower() or len(role.split()) < 3 or not ROLE_NOUNS.intersection(role.split()):
            out.append(statement)
            continue
        introduced = set()
        for person in index.people:
            start, _ = text_sentence(text, person.position, person.position)
            before = text[start:person.position]
            found = [m for m in re.finditer(rf"\b{re.escape(role)}\b", before, flags=re.I)]
            # (the role, then only its own words, a comma and titles up to the name: "Head of the Russian Centre for
            # reconciliation of opposing sides, Lieutenant General Vladimir Savchenko"; not "A senior Turkish official,
            # speaking on condition of anonymity, told Daily Sabah")
            if found and person.position < statement.char_start and len(person.name.split()) >= 2 \
                    and ROLE_APPOSITION.fullmatch(before[found[-1].end():]):
                introduced.add(person.name)
        if len(introduced) == 1:
            name = introduced.pop()
            statement = replace(statement, speaker=name, speaker_actor=statement.speaker_actor or index.person(name).actor)
        out.append(statement)
    return out


def _parties_of_the_named(statements: list[Statement]) -> list[Statement]:
    """ "Karpov also said that the Turkish side had not fulfilled…" after "Deputy Head of the Russian Center for
    Reconciliation …, Rear Admiral Alexander Karpov, said": one named speaker speaks for one party, the one the article
    gave them where it said (only when it gave them one)."""
    parties: dict[str, set[str]] = {}
    for statement in statements:
        # (a name, not a role: "a military source" here and "a military source" there may be two)
        if statement.speaker and statement.speaker_actor and re.fullmatch(r"(?:[A-Z][\w'.-]*\s?)+", statement.speaker):
            parties.setdefault(statement.speaker, set()).add(statement.speaker_actor)
    return [replace(s, speaker_actor=next(iter(parties[s.speaker])))
            if s.speaker_actor is None and s.speaker and len(parties.get(s.speaker, ())) == 1 else s
            for s in statements]


def _medium_in_full(short: str, text: str) -> str | None:
    """ '"…," Anadolu reported' after "Anadolu Agency", "Sky reports" after "Sky News": a one-word name of a medium
    the article also writes with its media word (config media_nouns), by that fuller name."""
    if not re.fullmatch(r"[A-Z][\w-]+", short):
        return None
    nouns = "|".join(attribution_config().get("media_nouns", ()))
    fuller = {m.group(0) for m in re.finditer(rf"\b{re.escape(short)} ((?i:{nouns}))\b", text) if m.group(1)[0].isupper()}
    return fuller.pop() if len(fuller) == 1 else None


def _holder_of_role(statement: Statement, holders: list, text: str) -> Statement:
    """The statement with its speaker named, when its speaker is a role whose holder the article names."""
    g = gazetteer()
    actor = statement.speaker_actor
    if not statement.speaker or actor is None or g.actors[actor].kind == "person":
        return statement
    said = statement.speaker.lower()
    fits = []
    for mention in holders:
        person = g.actors[mention.actor]
        office = next((o for o in person.offices if said.endswith(o)), None)
        prefix = said[: len(said) - len(office)].split() if office else []
        # "Syria's deputy foreign minister", "the former Turkish president": someone else than the office holder
        if office is None or set(attribution_config().get("not_the_holder", ())).intersection(
                w.removesuffix("'s").removesuffix("’s") for w in prefix) \
                or g.rollup(person.id) != g.rollup(actor) \
                or (g.actors[actor].kind != "state" and person.parent != actor):
            continue
        fits.append((abs(mention.start - statement.char_start), mention))
    fits.sort(key=lambda f: f[0])
    if not fits or any(d == fits[0][0] and m.actor != fits[0][1].actor for d, m in fits[1:]):
        return statement  # two holders as near: no telling which
    nearest = fits[0][1]
    written = max((text[m.start:m.end] for _, m in fits if m.actor == nearest.actor), key=len)
    return replace(statement, speaker=written, speaker_actor=nearest.actor)


def _transcript_speaker(sent, index: SpeakerIndex, turns: list[tuple[int, Speaker | None]]) -> Speaker | None:
    """A briefing or interview transcript: "Zakharova: We count on our Turkish partners…" (no quotation
    marks). Every sentence of the labelled paragraph is the labelled speaker's, and in a transcript (two
    labels or more) so are the paragraphs after it, up to the next label ("MODERATOR:", "QUESTION:" speak
    for no one)."""
    start = index.text.rfind("\n\n", 0, sent.start_char + 1)
    start = 0 if start < 0 else start + 2
    own = next((speaker for at, speaker in turns if at == start), None)
    if own is not None or len(turns) < 2:
        return own
    at, turn = next(((at, speaker) for at, speaker in reversed(turns) if at <= start), (0, None))
    # A turn runs on only for a speaker the article or the gazetteer knows: "Breaking News:" is no one.
    if turn is None or not (turn.actor or surname_known(turn.name, index)):
        return None
    # nor past a paragraph that names the speaker in the third person ("Cruz: Just hang on." as a heading, then "No
    # candidate has less at stake in New Hampshire than Cruz."): the article's own voice, not the turn
    end = index.text.find("\n\n", sent.end_char)
    surname = re.escape(turn.name.split()[-1])
    after_label = index.text.find("\n\n", at)
    return None if re.search(rf"\b{surname}\b", index.text[after_label: end if end >= 0 else len(index.text)]) else turn


def _turns(index: SpeakerIndex) -> list[tuple[int, Speaker | None]]:
    """(paragraph start, speaker) of every labelled paragraph: "Name: text", or "NAME:" alone before the answer;
    an interview's "A:" / "Answer:" is the one interviewed, its "Q:" no one."""
    turns: list[tuple[int, Speaker | None]] = []
    interviewee: list[Speaker | None] = []  # found once, at the first answer
    for match in re.finditer(r"(?:^|\n\n)([^\n]{1,80})", index.text):
        head = match.group(1)
        label = _labelled_head(head)
        if label is None:
            continue
        name = label.group(1).strip()
        if name.lower() in attribution_config()["answer_labels"]:
            interviewee = interviewee or [_interviewee(index)]
            turns.append((match.start(1), interviewee[0]))
            continue
        if name.lower() in attribution_config()["question_labels"]:
            # an interview whose answers carry no label ("Q: Who is doing the shelling?" then the answer): the
            # paragraph after the question opens the interviewee's turn
            interviewee = interviewee or [_interviewee(index)]
            turns.append((match.start(1), None))
            after = index.text.find("\n\n", match.start(1))
            answer = index.text[after + 2: after + 82].split("\n")[0] if after >= 0 else ""
            if interviewee[0] is not None and answer and not _labelled_head(answer):
                turns.append((after + 2, interviewee[0]))
            continue
        # "Bernie Sanders: 1,501." in a tally is a count, not a turn
        end = index.text.find("\n\n", match.start(1))
        said = index.text[match.start(1) + head.index(":", label.end(1)) + 1: end if end >= 0 else len(index.text)]
        tally = len(re.findall(r"[^\W\d_]{2,}", said)) < 2 and bool(said.strip())
        speaker = _labelled(name, index) if not tally else None
        if speaker is not None or tally or name.lower().replace("\u2019", "'") in NOT_SPEAKERS:
            turns.append((match.start(1), speaker))
    return turns


def asked(text: str, position: int) -> bool:
    """The paragraph at `position` is a transcript's question ("Question:", "QUESTION (to Sergey Lavrov):", "Q:"): the
    journalist's words, which no one's release (not the publisher's) asserts."""
    start = text.rfind("\n\n", 0, position + 1)
    label = _labelled_head(text[start + 2 if start >= 0 else 0:][:82].split("\n")[0])
    return label is not None and label.group(1).strip().lower() in attribution_config()["question_labels"]


def _labelled_head(head: str) -> re.Match[str] | None:
    """The label a paragraph opens on ("Name: text", "NAME:" alone, "Q:"/"A:"), if any."""
    return TRANSCRIPT_LABEL.match(head) or re.match(rf"^{LABEL}:\s*$", head) or SHORT_LABEL.match(head)


SHORT_LABEL = re.compile(r"^([QA]):\s+\S")  # "Q: Is the regime abiding by the agreement?" "A: Not a single day…"
# "Syria Direct spoke with Abu Khaled al-Hamawi, a commander…", "Enab Baladi interviewed…": who answers the "A:" turns
INTERVIEWED = re.compile(r"\b(?:(?:spoke|talked|speaks|talks|sat down)\s+(?:with|to)|interviewed)\s+"
                         r"((?:[A-Z][\w'\u2019-]*|al-[A-Z][\w'\u2019-]*)(?:\s+(?:[A-Z][\w'\u2019-]*|al-[A-Z][\w'\u2019-]*|al|bin)){1,4})")


def _interviewee(index: SpeakerIndex) -> Speaker | None:
    """The person an interview is with, named before its first answer."""
    match = INTERVIEWED.search(index.text)
    return index.person(match.group(1)) if match else None


def _sentence_statement(sent, speaker: Speaker, cue: str) -> Statement:
    """An indirect statement spanning the sentence, leading whitespace left out."""
    text = sent.text.strip()
    start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    return Statement(StatementKind.INDIRECT, speaker.name, speaker.actor, text, cue, start, start + len(text), speaker.title)


def _tells_its_antecedent(verb) -> bool:
    """ "…the ceasefire in Idlib, which Russia and Turkey announced in March", "groups that have declared their
    adherence to the truce": a relative clause announcing a thing (an event, a decision, a stance) tells what its
    antecedent is, not the sentence it hangs in (config announcing_verbs; "the attack that Washington blamed on
    Assad" is Washington's charge, and "which the army said had not fallen" the army's words)."""
    return verb.dep_ == "relcl" and verb.lemma_.lower() in attribution_config()["announcing_verbs"] \
        and any(c.dep_ == "dobj" for c in verb.children) and not any(c.dep_ == "ccomp" for c in verb.children)


def _indirect(doc, quotes: list[QuoteSpan], index: SpeakerIndex, spans: list[tuple[int, int]]) -> list[Statement]:
    """Reported speech in sentences that hold no quote: "X said that…", "according to X", transcripts (`spans`: the
    article's paragraphs)."""
    found = []
    turns = _turns(index)
    starts = [start for start, _ in spans]
    # who reports, the paragraph their reported speech goes on in, and whether they speak as a delegate (UN coverage)
    going_on: tuple[Speaker, int, bool] | None = None
    for sent in doc.sents:
        paragraph = max(bisect_right(starts, sent.start_char) - 1, 0)  # the paragraph the sentence starts in
        reporting, going_on = going_on, None
        inside = [q for q in quotes if q.start < sent.end_char and sent.start_char < q.end]
        if inside and not _quoted_within_report(sent, inside, index):
            continue
        if _labelled_head(sent.text.strip()) is not None and sent.text.strip().endswith(":"):
            continue  # a turn's label on its own ("Zakharova:"): the words come in the sentences after it
        labelled = _transcript_speaker(sent, index, turns)
        reported = _reported_in(sent, index, described=False) if labelled is not None else None
        # In a turn, a sentence reporting a third party's words is theirs ("HM: Turkish officials have said
        # repeatedly that the bombing … is a violation"); the rest is the labelled speaker's own.
        if labelled is not None and (reported is None or _first_or_second_person(reported[0])):
            found.append(_sentence_statement(sent, labelled, "transcript"))
            index.remember(found[-1].char_start, labelled)
            continue
        chosen = reported if labelled is not None else _reported_in(sent, index)
        if chosen is not None:
            token, speaker = chosen
            index.remember(sent.start_char, speaker)
            found.append(_sentence_statement(sent, speaker, _cue_text(token)))
            # the speaker's own paragraph (no sentence before this one in it: the parser may split a name in capitals)
            opens = not re.search(r"[.!?]\W*\s", doc.text[spans[paragraph][0]:sent.start_char])
            going_on = (speaker, paragraph, _delegate_speaks(token)) \
                if opens or (reporting is not None and reporting[1] == paragraph) else None
        elif reporting is not None and reporting[1] == paragraph and (reporting[2] or _backshifted(sent)):
            # UN meetings coverage and wire copy report a speech in its own paragraph: "RYCROFT (United Kingdom) said
            # there was no doubt about who was to blame. The regime had continued to bomb…, in flagrant breach of…"
            # (a delegate's paragraph in UN coverage is the delegate's to its end, whatever its tense: "The root of the
            # crisis lay in the non-fulfilment by Turkey of its obligations")
            found.append(_sentence_statement(sent, reporting[0], "continued"))
            going_on = reporting
        elif reporting is not None and reporting[1] == paragraph:
            # a sentence in the plain past between ("Hundreds of armed groups were in the country. The arrangement
            # had been built on one obligation of the United States…") is not told as the speaker's, but the speech
            # goes on past it in its paragraph
            going_on = reporting
    return found


def _quoted_within_report(sent, quotes: list[QuoteSpan], index: SpeakerIndex) -> bool:
    """The sentence's quotes are words set inside the clause it reports, after its cue ("X told RIA Novosti that the
    militants, who had “repeatedly attempted to derail the joint patrols”, …"): the sentence is reported speech all
    the same."""
    chosen = _reported_in(sent, index, described=False)
    return chosen is not None and all(sent.start_char <= q.start and q.end <= sent.end_char + 1
                                      and q.start > chosen[0].idx for q in quotes)


def _delegate_speaks(cue) -> bool:
    """The cue's subject is a delegate as UN meetings coverage names one: "Vassily Nebenzia (Russian Federation)",
    "Speaking for Turkey, Feridun Sinirlioglu"."""
    # ("Vassily Nebenzia (Russian Federation) expressed condolences…, but said…": the subject of the verb it is joined to)
    heads = (cue, cue.head) if cue.dep_ == "conj" else (cue,)
    return any(c.dep_ == "nsubj" and delegation_of(c) is not None for head in heads for c in head.children)


def _backshifted(sent) -> bool:
    """Reported speech told on without a cue: a pluperfect on the sentence's own verb ("The regime had continued to
    bomb…"; not a "would", which in real copy is mostly the writer's conditional)."""
    root = sent.root
    return root.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "had" for c in root.children)


def _deal_as_subject(verb) -> bool:
    """ "…have not respected the ceasefire declared on 17 October": a participle the parser made a clause whose subject
    is a deal or a truce, which says nothing."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in words("commitment_nouns") for c in verb.children)


def _first_or_second_person(cue) -> bool:
    """ "I would like to note", "we said", "as you know": the cue's subject is who speaks in the turn, or its listener."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "we", "you") for c in cue.children)


def _reported_in(sent, index: SpeakerIndex, described: bool = True) -> tuple | None:
    """The cue of a sentence's reported speech and who speaks it: "X said that…", "according to X"."""
    # A source only described ("the bank said", "according to a new poll") speaks when no cue in the sentence
    # names anyone: "According to the agreement, Turkey was to…, Lavrov said" is Lavrov's. (Not in a transcript's
    # turn, which has its speaker: "the American side has not provided any data that would confirm violations".)
    doc, chosen = sent.doc, None
    for token in sent:
        is_according = (token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to") \
            or _in_view_of(token) or _for_party(token) is not None
        # "The strikes, he said, violated the truce": a reporting verb set in the clause it reports
        reported = (token.lemma_.lower() in REPORTING or complains(token)) and token.pos_ == "VERB" and (any(
            c.dep_ in ("ccomp", "xcomp", "prep", "dobj") for c in token.children) or _quoted(token) is not None
            or token.dep_ == "parataxis" or as_noted(token)) and not _tells_its_antecedent(token) \
            and not acts_in_reply(token)
        if not (is_according or reported) or _deal_as_subject(token):
            continue
        speaker = _speaker_of(token, index)
        if speaker is None:
            source = _described_subject(token) if chosen is None and described else None
            if source is not None:
                chosen = (token, source)
            continue
        chosen = (token, speaker)
        break
    return chosen
