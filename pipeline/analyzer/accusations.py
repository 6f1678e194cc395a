"""Accusations: who says whom breached which commitment, from the parse, lexicons and the gazetteer.

Breach types: ceasefire_violation, attack, delayed_or_unfulfilled_commitments,
support_for_designated_groups, obstruction_of_patrols, failure_to_honor_deescalation, other.
"""

from __future__ import annotations

import re
from itertools import islice
from dataclasses import replace
from typing import Any

from pipeline.analyzer.agreements import agreement_in, sentence_agreement, truce_abroad
from pipeline.analyzer.breaches import ATTACK_WORDS, breach_type
from pipeline.analyzer.candidates import deal_named_before, lexicon, verb_lemma, words
from pipeline.analyzer.gazetteer import gazetteer
from pipeline.analyzer.reciprocal import reciprocal_accusations
from pipeline.analyzer.names import BODY_NOUNS, DOCUMENT_NOUNS, unnamed_source_state
from pipeline.analyzer.modes import (ACCUSE, COMMITMENT_NOUNS, SPEECH_NOUNS, binds, denies_in_sentence, failing, held_back, holds_responsible,
                                    looked_at,
                                    mode_of, negated, none_of, reporter_of, reporting_subject, speaks_apart,
                                    under_denial)
from pipeline.analyzer.obligations import (asked_to_stop, done_despite_a_truce, ended, is_deal, lister_of, obligation_reading,
                                          of_a_deal, pledger_of, slowed, struck_despite_a_truce)
from pipeline.analyzer.referents import (ACTION_NOUNS, ATTACK_NOUNS, BACKING, BREACH_NOUNS, CALLED_BREACHES, CLAIM_NOUNS, POINTING,
                                         actor_of_phrase,
                                         actor_up_to_head, actor_word_before,
                                         agent_of, attacker_told_before, claimed_by, counted_incident, doer_of,
                                         doer_of_these, held_responsible, is_passive, named_or_mover, non_compliance, owner_of, participle_agent,
                                         read_as_a_noun, relative_antecedent, reporting_verb_joined, resolve_actor,
                                         resolve_actors, sentence_before, sentential_which, so_called, subject_of)
from pipeline.analyzer.sentences import sentence_of
from pipeline.analyzer.subjects import resolve_subject
from pipeline.analyzer.speakers import SpeakerIndex
from pipeline.analyzer.statements import CUES, _speaker_of, as_noted, asked
from pipeline.models import Accusation, Statement
from pipeline.vocab import AccusationMode

RULE_WORDS = lexicon()["rules"]  # config/accusation_lexicon.yaml, section `rules`
BREACH = RULE_WORDS["breach_verbs"]
COMPLY = RULE_WORDS["comply_verbs"]
COMPLIANCE_VERBS = RULE_WORDS["compliance_verbs"]
DEMAND_VERBS = lexicon()["demand_verbs"]
# What one takes a commitment on by: "the commitments made by the Russian side", "the promises Ankara gave".
TAKING_ON = lexicon()["obligations"]["undertaking_verbs"]
ATTACK_VERBS = lexicon()["attack_verbs"]
ACCUSE_CHARGES = RULE_WORDS["accuse_charges"]
BREACH_WORDS = BREACH | BREACH_NOUNS | ACCUSE_CHARGES
CONTEXT = re.compile(
    # (whole words where a longer word holds them: "according to", "ideal", "dealt with", "compromise")
    r"cease-?fire|truce|agreement|\bdeals?\b|\baccords?\b|commitments?|obligations?|memorandum|protocol|de-?escalation|"
    r"understanding|patrols?|demilitari[sz]ed|pledges?|\bpromis(?:e|es|ed|ing)\b|arrangements?|Sochi|Astana|March 5|5 March|"
    r"\bas (?:had been |was |it |they )?(?:agreed|undertaken)\b|"  # "failed to secure the highway as agreed"
    r"\bas (?:it|they|he|she|we|\w+) (?:had )?(?:committed|pledged|promised|undertook|agreed) to\b|"  # "as it committed to"
    r"\bobligated\b|\bobliged to\b|"  # "was obliged to neutralise the terrorists but had not done so"
    r"violations?|breach(?:es)?|guarantors?|guarantees|assurances|pause|calm|lull|cessation\b|(?:its|their|his|her|our) word\b|"
    r"\b(?:end|side|half|part) of the bargain\b|"  # "is not living up to its end of the bargain"
    r"\bagreed (?:period|deadline|time-?frame|timetable|timeline|time limit)\b|"  # "…within the agreed period"
    r"resolution\s+(?:2268|2336|2401)\b",  # the Security Council's ceasefire resolutions (2016, 2016, 2018)
    re.IGNORECASE)
# Breaches of norms that are not ceasefire commitments: "a flagrant violation of Syria's sovereignty".
# ("an attack on Syria's sovereignty": an attack on a norm as well)
# "called for an immediate ceasefire", "urging a new truce": a truce asked for, none in force (a new one, not "the")
TRUCE_CALLED_FOR = re.compile(r"\b(?:call(?:s|ed|ing)?\s+for|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?)\s+[\"\u201c]?"
                              r"(?:a|an)\s+(?:(?:immediate|new|nationwide|full|complete|lasting|permanent|urgent)\s+)*"
                              r"(?:cease-?fire|truce)\b", re.IGNORECASE)
OTHER_NORMS = re.compile(r"(?:violations?|breach(?:es)?|violat\w+|(?:attacks?|assaults?)\s+on|aggression\s+(?:against|on))[\"\u201d']?\s+(?:of\s+)?"
                         r"(?:(?!commitment|obligation|agreement|cease|truce|deal|memorandum|protocol|pledge)[^.;]){0,40}?"
                         r"(?:" + lexicon()["other_norms_re"].pattern + r")", re.IGNORECASE)




# An outlet that is itself an official body ("Russian Ministry of Defence", "Republic of Türkiye Ministry
# of National Defence") publishes its own statements: what its text asserts without a reporting verb,
# it asserts. News agencies, state-run or not, report: their narration is never made a claim.
OFFICIAL_OUTLET = re.compile(r"\b(?:ministry|ministère|command|centre|center|presidency|government|embassy|"
                             r"(?:permanent )?mission (?:to|of)|armed forces|department|white house|kremlin)\b",
                             re.IGNORECASE)


def outlet_voice(outlet: str | None) -> str | None:
    """The actor an article's own narration speaks for: the official body that published it, else None.
    An armed group or opposition body that publishes ("SDF Press Centre", "Syrian National Coalition")
    is never a news agency: its site speaks for it whatever it is called."""
    if not outlet:
        return None
    listed = lexicon()["publisher_outlets"].get(re.sub(r"[^a-z0-9]", "", outlet.lower()))
    if listed:  # a body's own site known by its outlet name (the Syrian National Coalition's etilaf.org)
        return listed
    g = gazetteer()
    actor = g.resolve(outlet)
    if actor is None:
        return None
    if g.actors[actor].kind == "armed_group":
        return actor
    official = OFFICIAL_OUTLET.search(outlet) and g.actors[actor].kind in ("institution", "state")
    return actor if official else None


def extract_accusations(doc, statements: list[Statement], index: SpeakerIndex, article_agreement: str | None,
                        outlet: str | None = None, date: str | None = None) -> list[Accusation]:
    """Accusations in a parsed article; claims are recorded as claims, never as facts."""
    found: list[Accusation] = []
    g = gazetteer()
    publisher = outlet_voice(outlet)
    previous: tuple[Any, int | None] | None = None  # the sentence before (a spaCy Span) and its statement
    for sent in doc.sents:
        context = _statement_of(sent, statements)
        scope = statements[context].quote if context is not None and statements[context].kind == "direct" else sent.text
        paragraph = paragraph_of(index.text, sent.start_char)  # doc.text re-joins every token: use the index's copy
        question = asked(index.text, sent.start_char)  # a briefing's question is no release of its publisher
        # (a quote inside the sentence is read with its sentence: 'called for "an immediate ceasefire"')
        in_context = any(_names_truce(text) for text in (sent.text, paragraph, *((scope,) if scope not in sent.text else ()))) \
            or _goes_on_with_truce(previous, context, statements) or _truce_resolution(sent.text, index.text)
        # Wire copy gives a sentence a paragraph: a keeping left undone goes on from a truce told just before
        # ("…since the ceasefire collapsed. | Peskov said Turkey had failed to separate the opposition…").
        keeping_in_view = in_context or _truce_before(previous)
        told_before, previous = previous, (sent, context)
        if truce_abroad(sent.text):
            continue  # "accused Ankara of breaching the ceasefire in Nagorno-Karabakh": not a Syrian truce
        for token in sent:
            lemma = verb_lemma(token)
            if not in_context and lemma not in COMPLIANCE_VERBS and not (keeping_in_view and lemma in COMPLY):
                continue  # "kept attacking the town": an attack is a breach where a truce is in view
            if lemma in ATTACK_VERBS and _truce_left_open(sent, token):
                continue  # "…had attacked…, without saying whether the attacks violated the truce"
            if _asked_and_left_open(token):
                continue  # "He did not say whether Ankara considered the strike a violation…": no one says it is
            if lemma in ATTACK_VERBS and _before_the_truce(token):
                continue  # "…had targeted the neighbourhood, hours before the regime of calm took effect": no truce yet
            accuser_token = accused_token = reported_by = None
            trigger = None
            if (lemma in ACCUSE or holds_responsible(token)) and token.pos_ == "VERB" and (negated(token) or held_back(token)):
                continue  # "Moscow has never accused Ankara of…", "does not hold Turkey responsible", "avoided criticizing"
            if holds_responsible(token) and _held_to_a_duty(token):
                continue  # "holds Russia responsible … to use its influence over the regime to stop the attacks"
            if holds_responsible(token) and CONTEXT.search(paragraph):
                # "held Russia responsible as the guarantor of the ceasefire"
                accuser_token = subject_of(token)
                held = [c for c in token.children if c.dep_ in ("dobj", "nsubj") and c.i > token.i] or [
                    c for r in token.children if r.lower_ == "responsible" for c in r.children if c.dep_ == "nsubj"]
                accused_token, trigger = (held[0] if held else None), "violate"
            elif (pointed_at := _points_the_finger(token)) is not None:
                # "Russia points the finger at the militants": an idiom of blame
                accuser_token, accused_token, trigger = subject_of(token), pointed_at, "blame"
            elif lemma in ACCUSE and ((misread := _subject_of_misread_verb(token)) is not None or token.pos_ == "VERB"):
                if _asked_for(token) or _purposed(token):
                    continue  # "called on the council to condemn it", "provocations … in order to accuse": not made
                # ("The regime stands accused by the opposition of…", "Turkey, accused by Moscow of…": a participle
                # with an agent is passive too)
                passive = any(c.dep_ == "auxpass" for c in token.children) or (
                    token.tag_ == "VBN" and any(c.dep_ == "agent" for c in token.children))
                # "Turkey was accused by Russia of…": the agent accuses, the subject is accused; with no agent the
                # accuser is whoever reports it
                accuser_token = doer_of(token) if passive else subject_of(token) or misread
                joined = reporting_verb_joined(token)
                if joined is not None:
                    # "It said the militants were trying to… and accused the Turkish side of…": the parser
                    # joins "accused" to the reported clause; the one who reports also accuses.
                    reporting = _speaker_of(joined, index)
                    if reporting is not None and reporting.actor:
                        accuser_token, reported_by = None, reporting.actor
                objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")] or _accused_by_participle(token)
                if objects and objects[0].tag_ in ("WDT", "WP") and token.dep_ == "relcl":
                    objects = [relative_antecedent(token)]  # "…to rein in Syrian forces, which they accuse of violating…"
                    accuser_token = _teller(accuser_token, sent)  # "they" are who speak, not the forces
                if objects and objects[0].lemma_.lower() in CLAIM_NOUNS | SPEECH_NOUNS and lemma != "blame":
                    continue  # "condemned the statements made by Cavusoglu, in which he claimed…": words, no breach
                # "Turkey sent more troops. Damascus condemned the move as a violation…": whose move it was
                accused_token = named_or_mover(objects[0]) if objects else None
                # "blamed the escalation on terrorist groups": the blamed is after "on"
                # (or on what someone calls so: "blaming all of them on what it called 'terrorist groups'")
                on = [o for head in (token, *objects) for c in head.children if c.dep_ == "prep" and c.lower_ == "on"
                      for o in (*(p for p in c.children if p.dep_ == "pobj"),
                                *filter(None, (so_called(p) for p in c.children)))]
                if lemma == "blame" and on:
                    accused_token = on[0]
                    if objects and objects[0].lemma_.lower() in RULE_WORDS["blameless_things"]:
                        continue  # "blame the Idlib stalemate on jihadists and Ankara": no breach is blamed
                trigger = lemma
                # (the parser may hang the charge on the agent: "accused by the opposition of breaching…")
                charges = [obj for head in (token, *(o for a in token.children if a.dep_ == "agent" for o in a.children))
                           for prep in head.children if prep.dep_ == "prep" and prep.i > token.i
                           and prep.lower_ in ("for", "of", "over") for obj in prep.children if obj.dep_ in ("pobj", "pcomp")]
                # (or on the accused: "accusing militants of using civilians as human shields", "of" hung on "militants";
                # a gerund only, not "the leader of the rebels")
                charges += [obj for accused in objects for prep in accused.children if prep.dep_ == "prep"
                            and prep.lower_ == "of" for obj in prep.children if obj.dep_ == "pcomp" and obj.tag_ == "VBG"]
                # "of procrastinating and evading its commitments": each joined charge is one
                # (of the same form: "of using chemical weapons and to disrupt the agreement" is another's aim)
                charges += [c for charge in charges for c in charge.conjuncts if c.tag_ == charge.tag_]
                if charges:
                    # "accused Washington of abandoning them" is a grievance, not a breach
                    breaches = [c for c in charges if _is_breach(c)]
                    trigger = breaches[0].lemma_.lower() if breaches else None
                    # (anywhere in the charge: "of continuing … airstrikes on the Jabal al-Zawiya area in breach of
                    # the truce", where the parser hangs the breach on the place)
                    if trigger is None and (_in_breach_of(token) or any(_in_breach_of(t) for c in charges for t in c.subtree)):
                        trigger = "violation"  # "accused Russia of using the delays as a pretext…, in violation of…"
                elif _only_other_norms(sent):
                    trigger = None  # "condemned the strikes, describing them as a violation of Syria's sovereignty"
                else:  # "condemned the shelling as a breach of the agreement": what it is called, a breach
                    called = [o for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "as"
                              for o in prep.children if o.dep_ == "pobj"]
                    trigger = next((o.lemma_.lower() for o in called if o.lemma_.lower() in BREACH_NOUNS), trigger)
                    if called and trigger == lemma:
                        continue  # "condemned the Turkish presence as an occupation": called something, not a breach
            elif (lemma in BREACH or (reneged := _went_back_on(token)) or _ended_a_deal(token)) \
                    and (token.pos_ in ("VERB", "AUX") or read_as_a_noun(token)) and not negated(token) \
                    and not _other_norm(token) and not _no_commitment_broken(token) and asked_to_stop(token) is None \
                    and not _in_reply(token):
                # "the clearing of radical groups …, which Turkey took on …, has stalled": who took the task on
                # "This move violates the agreement": the act told the sentence before, and who did it
                accused_token = named_or_mover(_who_took_on(token) or doer_of(token))
                if accused_token is not None and accused_token.lemma_.lower() in ATTACK_NOUNS and lemma in COMPLIANCE_VERBS:
                    # "…the attacks, which it said were carried out by regime forces. It said the attacks violated…"
                    accused_token = attacker_told_before(accused_token) or accused_token
                trigger = lemma if lemma in BREACH else "renege" if reneged else "undermine"
                if lemma in ATTACK_VERBS and _outside_the_truce(accused_token):
                    continue  # "Islamic State militants, who are not party to the truce, attacked…": no truce of theirs
            elif lemma in ATTACK_VERBS and not negated(token) and struck_despite_a_truce(token):
                # "Syrian government forces have continued to strike residential areas despite the arrangement"
                accused_token, trigger = (agent_of(token) if is_passive(token) else subject_of(token)), "attack"
            elif lemma == "open" and any(c.lower_ == "fire" for c in token.children) and not negated(token):
                accused_token, trigger = subject_of(token), "attack"
            elif lemma in ATTACK_VERBS and token.pos_ == "VERB" and not negated(token) \
                    and _breaches_told_before(told_before, context, statements):
                # "…said there had been 'limited breaches' near Tafas. Government troops had fired mortars at rebel
                # positions, he said": the attack the same speaker tells after breaches no one was named for
                accused_token, trigger = (None if is_passive(token) else subject_of(token)), "attack"
            elif token.pos_ == "VERB" and (lemma in COMPLY or binds(token)) and (negated(token) or failing(token)) \
                    and not _watching_from_above(token):
                # "the obligations had not been met by the Turkish side": a passive's agent is who did not keep them
                # (an active "has not abided by its commitments", parsed with an agent, keeps its subject)
                passive = is_passive(token)
                agent = agent_of(token) if passive else None
                # "the separation …, which Turkey undertook, has not been implemented"
                # (a passive's subject is what was not kept or done, never who failed: "the heavy weapons had not been
                # withdrawn, as the Turkish side had undertaken" is read below, by who undertook it)
                accused_token = agent or _who_took_on(token) or (_debtor_of(token) if passive else subject_of(token))
                if accused_token is not None and _an_act(accused_token):
                    # "Shelling of the positions of the Syrian armed forces has not stopped": the act goes on, and
                    # its doer is charged (never whom its "of" says it hit)
                    accused_token = owner_of(accused_token) or attacker_told_before(accused_token, pointing=True)
                trigger = lemma if lemma in COMPLY else "fail"
            elif lemma in RULE_WORDS["collapse_nouns"] and token.pos_ == "NOUN" and of_a_deal(token) \
                    and held_responsible(token) is not None:
                accused_token, trigger = held_responsible(token), "undermine"
            # ("the non-fulfilment by the Turkish side": the tagger may read the word after "non-" as an adjective)
            elif (lemma in BREACH_NOUNS or non_compliance(token) or counted_incident(token)
                  or (lemma in ATTACK_NOUNS and done_despite_a_truce(token))) \
                    and (token.pos_ == "NOUN" or (non_compliance(token) and token.dep_ in ("pobj", "nsubj", "dobj", "attr"))) \
                    and not none_of(token) and not ended(token) and asked_to_stop(token) is None and not _prevented(token):
                accused_token, trigger = _whose_breach(token), lemma
            reading = obligation_reading(token) if accused_token is None else None
            if reading is not None:  # a keeping late, demanded, or pledged and not done
                accused_token, trigger, accuser_token = reading.accused, reading.trigger, reading.accuser
            if trigger is None:
                continue
            clause = _clause(token)
            focus = _focus_of_cleft(clause) if accused_token is not None and accused_token.lower_ in ("who", "that", "whoever") \
                else None
            if focus is not None:
                accused_token = focus  # "It is the regime that has been violating the ceasefire"
            elif (clause_doer := sentential_which(accused_token)) is not None:
                accused_token = clause_doer  # "…entered Idlib without notice, which violates…": who entered
            elif accused_token is not None and accused_token.tag_ in ("WDT", "WP") and accused_token.dep_ == "nsubj" \
                    and (said := _clause(accused_token.head)).dep_ == "ccomp" \
                    and said.head.dep_ == "relcl" and said.head.lemma_.lower() in CUES and not any(
                        c.dep_ in ("nsubj", "nsubjpass", "auxpass") and c != accused_token for c in said.children):
                # "the militants, who it says have violated the truce" (or "…have fired rockets in violation of it":
                # the clause of the one who acts, not of the breach noun)
                accused_token = relative_antecedent(said.head)
                accuser_token = accuser_token or _teller(subject_of(said.head), sent)
            elif accused_token is not None and accused_token.lower_ in ("who", "what", "whoever") and clause.dep_ != "relcl":
                continue  # "who respects the agreements and who violates them" names no one
            elif accused_token is not None and accused_token.lower_ in ("that", "which") and clause.dep_ == "relcl" \
                    and clause.head.lemma_.lower() in ACTION_NOUNS and owner_of(clause.head) is not None:
                accused_token = owner_of(clause.head)  # "have launched an assault that violates the cease-fire"
            elif accused_token is not None and accused_token.lower_ in ("who", "that", "which") and clause.dep_ == "relcl" \
                    and accused_token.i > 0 and doc[accused_token.i - 1].text != "," \
                    and not _told_of_them(clause):
                continue  # "targets militants who violate the truce" describes; ", which violated" asserts
            accuser = reported_by
            if accuser_token is None and accuser is None:
                # (or who lists the act among a truce's problems: "Kerry identified two problems…: attacks by…")
                accuser_token = claimed_by(token) or lister_of(token) or (_demander_of(token) if lemma in COMPLY else None)
            if accuser_token is not None and accuser_token.lower_ in ("we", "i") and context is not None:
                accuser = statements[context].speaker_actor  # "We hold it responsible…", said the SDF
            elif accuser_token is not None and accuser_token.lower_ in ("we", "i"):
                # a "we" no one is quoted saying: the official body whose own release it is, else no one (never the
                # last party named: "We expect our Turkish colleagues to separate the moderate opposition…")
                accuser = publisher
            elif accuser_token is not None and accuser_token.lower_ in ("he", "she"):
                speaker = index.last_speaker(accuser_token.idx, "person")
                accuser = speaker.actor if speaker else None
            elif accuser_token is not None and accuser_token.lower_ == "it" and context is not None \
                    and accuser_token.head.lemma_.lower() in CUES and statements[context].speaker_actor:
                # "The Russian Center … reported that it had registered violations, all of them, it said, by…": the
                # "it" of a cue inside the statement is the body the statement is of (as the speaker was read)
                accuser = statements[context].speaker_actor
            elif accuser_token is not None and (speaking := _continues_speaking(accuser_token, token, index)):
                # "…," the statement said. It accused Ankara of…": "it" is the body that has been speaking, not the
                # last party named (Turkey, inside the quote)
                accuser = speaking
            elif accuser_token is not None:
                if _no_one_named(accuser_token):
                    continue  # "Those who are accusing Russia and Damascus of…": neither the speaker nor the last one
                accuser = resolve_actor(accuser_token, set())
                if accuser is None and accuser_token.pos_ == "PRON":
                    speaker = index.last_speaker(accuser_token.idx)
                    accuser = speaker.actor if speaker else None
                elif accuser is None and accuser_token.pos_ == "NOUN" and accuser_token.lower_ in BODY_NOUNS | DOCUMENT_NOUNS:
                    # "The ministry described the shelling as a clear breach…", "The letters held the United States
                    # responsible for…": the body named before, or who issued the text, as a cue's subject is read
                    speaker = resolve_subject(accuser_token, index)
                    accuser = speaker.actor if speaker else None
            framed = context is not None and _frames(statements[context], sent, token)
            # ("Turkey pledged…, but…": the pledger reports no charge; but a reading the sentence's statement does not
            # frame is its own reporter's: "…, with Washington blaming X and Moscow saying that the rebels had used the
            # lull to regroup")
            if accuser is None and (reading is None or (context is not None and not framed)):
                reporter = reporter_of(token, index)
                if reporter:
                    accuser = reporter.actor
            if accuser is None and framed and context is not None:
                accuser = statements[context].speaker_actor or unnamed_source_state(statements[context].speaker, outlet, sent)
            published_by_accuser = accuser is None and publisher is not None and not question
            if published_by_accuser:
                accuser = publisher  # the body's own release, in its own voice
            mode = "claim"
            if accuser is None:
                mode = "narrative"
            targets = [accused_token, *_conjuncts(accused_token), *_members_of(accused_token),
                       *_co_subjects(accused_token), *_answerable(token, accused_token), *_the_two(accused_token)] \
                if accused_token is not None else []
            exclude = {g.rollup(accuser)} if accuser else set()
            if accuser and accused_token is not None and lemma not in ACCUSE and reading is None \
                    and _among_the_doers(accused_token, g.rollup(accuser)):
                continue  # "Russian and Syrian aircraft bombed militant positions in response", Moscow said: its own act
            # (actor, the words that named it): a word's sense may depend on who speaks
            named = [(actor, target) for target in targets for actor in resolve_actors(target, exclude)]
            if lemma in ACCUSE:
                named += [(actor, None) for actor in _named_between(token, exclude)]
            accused_ids = [_as_the_speaker_means(actor, words, accuser, index.text) for actor, words in named]
            # (a body's own release has no one else accuse with it: "The United States and Russia pledged…, and the
            # two states have not honoured…" in the SDC's statement charges both, and neither of them speaks)
            accusers = [accuser, *([] if published_by_accuser else _co_accusers(accuser, accuser_token, token))] \
                if accuser is not None else []
            charged = list(dict.fromkeys(a for a in accused_ids if a is not None))
            # "Turkey and the jihadist group respectively accused Damascus and its ally Moscow of…": in order
            paired = dict(zip(charged, accusers)) if _respectively(token) and 1 < len(charged) == len(accusers) else {}
            for accused in dict.fromkeys(accused_ids):
                if accused is None or g.rollup(accused) in {g.rollup(a) for a in accusers}:
                    continue  # a party among those who speak is not their accused ("the government and its allies say they…")
                for each in accusers:
                    if not (g.is_party(accused) and g.is_party(each)) or (paired and paired[accused] != each) \
                            or g.of_another_war(accused) or g.of_another_war(each):
                        continue
                    accusation = _accusation(sent, scope, token, lemma, trigger, each, accused, mode, context,
                                             statements, article_agreement, date)
                    if published_by_accuser and accusation.speaker is None:
                        accusation = replace(accusation, speaker=outlet)  # alerts and claims name the publishing body
                    found.append(accusation)
    found += reciprocal_accusations(doc, article_agreement)
    return _best_per_pair(found)


def _asked_for(verb) -> bool:
    """ "called on the council to condemn it", "calls upon the Security Council to shoulder its responsibilities … and
    to condemn these crimes", "demanded that the Council condemn it": what a demand asks for."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in DEMAND_VERBS:
        return True
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in DEMAND_VERBS and (
            verb.tag_ == "VB" or any(c.dep_ == "aux" and c.lower_ == "should" for c in verb.children)):
        return True  # "demanded that the Council condemn it": a subjunctive asks for the charge
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return any(a.dep_ in ("xcomp", "advcl") and a.head.lemma_.lower() in DEMAND_VERBS
               and any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children) for a in islice(verb.ancestors, 4))


def _in_reply(verb) -> bool:
    """An attack told as an answer ("pounded militant positions in response to attacks on its troops")."""
    return verb.lemma_.lower() in ATTACK_VERBS and any(
        p.dep_ == "prep" and p.lower_ == "in" and any(o.lemma_.lower() in RULE_WORDS["reply_nouns"] for o in p.children)
        for p in verb.children)


def _held_to_a_duty(hold) -> bool:
    """ "holds Russia responsible, as a guarantor…, to use its influence…": held to a task to come (an infinitive),
    with nothing it is held responsible for."""
    heads = [hold, *(r for r in hold.subtree if r.lower_ == "responsible")]
    duty = any(c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for h in heads for c in h.children)
    fors = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "for"]
    # "held Russia responsible for using its influence to stop them": a task to come, told as a gerund
    tasks = [g for f in fors for g in f.children if g.dep_ == "pcomp" and g.tag_ == "VBG"
             and g.lemma_.lower() in RULE_WORDS["duty_gerunds"]]
    return (duty and not fors) or (bool(tasks) and len(tasks) == len(fors))


def _purposed(verb) -> bool:
    """ "militants were preparing staged provocations … in order to accuse the government troops": a charge someone
    means to make, not one made."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and any(
        a.lower_ == "order" or a.lemma_.lower() in RULE_WORDS["planning_verbs"] for a in islice(verb.ancestors, 4))


def _in_breach_of(head) -> bool:
    """The act is said to be "in violation of" / "in breach of" something: what one is accused of is a breach."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(o.dep_ == "pobj" and o.lemma_.lower() in CALLED_BREACHES
                                                                and any(p.lower_ == "of" for p in o.children)
                                                                for o in c.children) for c in head.children)


def _accused_by_participle(verb) -> list:
    """Who a participle with an agent accuses: the subject of the verb it hangs on ("The regime stands accused by…"),
    or the noun it describes ("Turkey, accused by Moscow of…")."""
    if verb.tag_ != "VBN" or not any(c.dep_ == "agent" for c in verb.children):
        return []
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return [verb.head]
    subject = subject_of(verb.head) if verb.dep_ in ("advcl", "xcomp", "acomp", "oprd") else None
    return [subject] if subject is not None else []


def _teller(subject, sent):
    """Who tells a relative clause ("Ankara accuses Moscow of…, which it says…", "Turkish officials say…, which they
    accuse of…"): its subject, but a pronoun there is the one the sentence is about, when that names a party."""
    if subject is None or subject.pos_ != "PRON":
        return subject
    about = subject_of(sent.root)
    return about if about is not None and actor_of_phrase(about) else None


def _among_the_doers(doer, side: str) -> bool:
    """The speaker's own side is told doing the act beside another ("Russian and Syrian aircraft", said by Moscow)."""
    g = gazetteer()
    return any(g.rollup(actor) == side for target in (doer, *_conjuncts(doer)) if _named_by_state(target)
               for actor in resolve_actors(target, set()))


def _named_by_state(token) -> bool:
    """The phrase names its doer by a state's name or adjective ("Russian aircraft", "Russia"), not a common noun
    ("allied militias", which reads as any side's)."""
    return token.ent_type_ in ("GPE", "NORP") or any(c.ent_type_ in ("GPE", "NORP") and c.dep_ in ("amod", "compound", "poss")
                                                     for c in token.children)


def _points_the_finger(verb):
    """Whom "points the finger at" (or "pointed fingers at") blames: the object of "at"; whom "placed the blame on"
    (config rules laying_verbs) blames: the object of "on"."""
    if verb.pos_ != "VERB" or negated(verb):
        return None
    if verb.lemma_.lower() == "point" and any(c.dep_ == "dobj" and c.lemma_.lower() == "finger" for c in verb.children):
        at = "at"
    elif verb.lemma_.lower() in RULE_WORDS["laying_verbs"] and any(
            c.dep_ == "dobj" and c.lemma_.lower() == "blame" for c in verb.children):
        at = "on"
    else:
        return None
    return next((o for head in (verb, *verb.children) for c in head.children if c.dep_ == "prep" and c.lower_ == at
                 for o in c.children if o.dep_ == "pobj"), None)


def _subject_of_misread_verb(token):
    """ "Moscow and Damascus accuse Ankara of…": the parser may read a plural subject's verb as a noun heading the
    sentence, its subject as a modifier; with an object of its own it is the verb, and the name before it its subject."""
    if token.pos_ != "NOUN" or token.dep_ != "ROOT" or not any(c.dep_ == "dobj" for c in token.children):
        return None
    return next((c for c in token.children if c.dep_ in ("nmod", "compound", "nsubj") and c.i < token.i
                 and c.pos_ == "PROPN"), None)


def _co_accusers(accuser: str, accuser_token, trigger) -> list[str]:
    """The others who make the same charge: "Moscow and Damascus said the militants' presence breaches the deal",
    "Russia and Syria accused Turkey of…" (the conjuncts of the accusing or reporting subject)."""
    subject = accuser_token if accuser_token is not None else reporting_subject(trigger)
    if subject is not None and subject.lower_ in ("who", "that") and subject.head.dep_ == "relcl":
        subject = subject.head.head  # "the representatives of…, who accused": whom the clause is about
    if subject is None or subject.pos_ == "PRON":
        return []
    g = gazetteer()
    # (names only: a clause the parser joins to the subject is no one who speaks with it)
    found = [actor_of_phrase(c) for c in (*subject.conjuncts, *_represented(subject)) if c.pos_ in ("NOUN", "PROPN")]
    return [a for a in dict.fromkeys(found) if a and g.rollup(a) != g.rollup(accuser)]


def _represented(subject) -> list:
    """ "the representatives of the United States, Britain and France": the others a plural role speaks for."""
    if subject.tag_ != "NNS":
        return []
    return [c for p in subject.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if o.dep_ == "pobj" for c in o.conjuncts]


def _continues_speaking(subject, verb, index: SpeakerIndex) -> str | None:
    """The actor of the body last heard, for an "it" that accuses in the sentence after its statement."""
    if subject.lower_ != "it" or subject.head != verb or verb.lemma_.lower() not in ACCUSE:
        return None
    speaker = index.last_speaker(subject.idx, "institution")
    sentence = subject.sent
    heard = max((at for at, sp in index.spoken if at < subject.idx and sp == speaker), default=-1)
    previous_start = subject.doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
    return speaker.actor if speaker is not None and heard >= previous_start else None


def _outside_the_truce(doer) -> bool:
    """The doer is said, in a clause of its own, to be no party to the truce ("who are not party to the truce", "which
    is excluded from the ceasefire", "not covered by the truce")."""
    if doer is None:
        return False
    for clause in (c for c in doer.children if c.dep_ in ("relcl", "acl", "appos")):
        words = {t.lemma_.lower() for t in clause.subtree}
        negative = any(t.dep_ == "neg" for t in clause.subtree)
        if _names_truce(" ".join(t.text for t in clause.subtree)) and (
                ("party" in words and negative) or "exclude" in words or ("cover" in words and negative)):
            return True
    return False


def _frames(statement: Statement, sent, trigger) -> bool:
    """Whether a reported statement's cue frames the trigger: a quote does; an indirect one's cue verb does unless it
    sits in an adverbial clause that does not hold the trigger ("Jet strikes blamed on the regime hit the city hours
    after the US and Russia announced a deal": the announcers blame no one), save "As the diplomat noted, …"."""
    if statement.kind != "indirect" or not statement.cue:
        return True
    word = statement.cue.split()[0]
    cue = next((t for t in sent if t.text == word), None)
    # (nor one joined to a clause of the outlet's own: "…appeared to be faltering as regime artillery resumed shelling
    # towns, and the Russian military accused the militants of…" does not tell the shelling as Moscow's)
    # "…, with Washington blaming X and Moscow saying that…": another cue, of another report (not the trigger itself,
    # not one inside the statement's own cue or holding it: "…, a source was quoted as saying"), holds it
    if cue is not None and trigger not in cue.subtree and any(
            t.lemma_.lower() in CUES and t.pos_ == "VERB" and t != trigger and t not in cue.subtree
            and cue not in t.subtree and trigger in t.subtree for t in sent):
        return False
    # (nor a charge another subject makes in a clause joined beside the cue's: "Russia and Turkey blamed each other…,
    # while Western envoys accused Moscow and Damascus of…")
    if cue is not None and any(speaks_apart(a) for a in _up_to(trigger, cue)):
        return False
    above_the_cue = {cue.head.i, *(h.i for h in cue.head.ancestors)} if cue is not None else set()
    told_aside = cue is not None and cue.dep_ == "conj" and any(
        a.dep_ == "advcl" for a in trigger.ancestors if a.i not in above_the_cue)
    return cue is None or (cue.dep_ != "advcl" and not told_aside) or trigger in cue.subtree or as_noted(cue)


def _up_to(token, top) -> list:
    """The token and its ancestors below `top` (all of them when `top` is not above it)."""
    path = []
    for node in (token, *token.ancestors):
        if node == top:
            break
        path.append(node)
    return path


def _statement_of(sent, statements: list[Statement]) -> int | None:
    """The quote this sentence is in, or that is in it ('"…," Lavrov said, "they continue to shell…"'), else the
    reported speech the sentence is."""
    context = next((i for i, s in enumerate(statements)
                    if s.kind == "direct" and s.char_start < sent.end_char and sent.start_char < s.char_end), None)
    begins = sent.start_char + len(sent.text) - len(sent.text.lstrip())  # past a blanked-out dateline
    return context if context is not None else next(
        (i for i, s in enumerate(statements) if s.kind == "indirect" and s.char_start == begins), None)


def _who_took_on(verb):
    """Who took on the task that is the verb's subject, in a clause hung on it ("…, which Turkey undertook, …")."""
    task = subject_of(verb)
    return pledger_of(task) if task is not None else None


def _demander_of(token):
    """ "The ministry called on Turkey to fulfil its obligations under the Sochi deal, which have yet to be met": a
    relative clause in what a party demands, saying the debt is unpaid, is that party's word (a keeping only: in
    "called on Putin to halt the regime's attacks, which breach the deal" the parse of "which" is not to be trusted)."""
    clause = next((a for a in islice(token.ancestors, 6) if a.dep_ == "relcl"), None) if token.dep_ != "relcl" else token
    if clause is None:
        return None
    demand = next((a for a in clause.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in DEMAND_VERBS), None)
    return subject_of(demand) if demand is not None else None


def _respectively(verb) -> bool:
    """ "X and Y respectively accused A and B of…": each accuser charges the accused in the same place."""
    return any(c.lower_ == "respectively" for c in verb.children) or any(
        t.lower_ == "respectively" for t in verb.doc[max(verb.i - 2, 0): verb.i + 2])


def _an_act(token) -> bool:
    """An attack named as a noun or a gerund subject ("the shelling", "Shelling of the positions … has not stopped")."""
    return token.lemma_.lower() in ATTACK_NOUNS or token.lower_ in ATTACK_NOUNS or (
        token.tag_ == "VBG" and token.dep_ in ("csubj", "nsubj") and token.lemma_.lower() in ATTACK_VERBS)


def _debtor_of(verb):
    """ "Turkey's obligations under the Sochi deal have yet to be met", "…to fulfil its obligations, which have yet to
    be met": whose debts a passive keeping says are unpaid (the commitment it is of, or its relative's noun)."""
    clause = verb.head if verb.dep_ == "xcomp" else verb  # "have yet to be met", "remain to be fulfilled"
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) or next(
        (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    nouns = [subject] if subject is not None else []
    if subject is not None and subject.tag_ in ("WDT", "WP") and clause.dep_ == "relcl":
        # (the parser may hang the clause on the last noun of the debt's phrase: "its obligations under the Sochi
        # deal, which have yet to be met")
        nouns = [clause.head]
        while nouns[-1].dep_ == "pobj" and nouns[-1].head.dep_ == "prep" and len(nouns) < 4:
            nouns.append(nouns[-1].head.head)
    return next((owner for noun in nouns if noun.lemma_.lower() in COMMITMENT_NOUNS
                 for owner in (_owner_of_debt(noun) or _debt_told_before(noun),) if owner is not None), None)


def _owner_of_debt(noun):
    """Who owes a commitment its phrase names: "Turkey's obligations", "the commitments made by the Russian side",
    "the promises Ankara gave"."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    for taking in (c for c in noun.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in TAKING_ON):
        owner = agent_of(taking) if taking.dep_ == "acl" else next(
            (c for c in taking.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")), None)
        if owner is not None:
            return owner
    return None


def _debt_told_before(noun):
    """ "The General Command pointed to the commitments made by the Russian side… These commitments … have not been
    fulfilled": a debt pointed back to ("these", "those", "such") is owed by whoever owed it in the sentence before."""
    if not any(c.dep_ == "det" and c.lower_ in ("these", "those", "such", "this", "that") for c in noun.children) \
            or noun.sent.start == 0:
        return None
    before = noun.doc[noun.sent.start - 1].sent
    return next((owner for t in before if t.lemma_.lower() == noun.lemma_.lower()
                 for owner in (_owner_of_debt(t),) if owner is not None), None)


def _whose_breach(breach):
    """Its owner when the phrase names a party, else the doer of the act called the breach: "a breach … by the party
    that is supposed to be the guarantor" names none, "The Russian raids … are a clear breach…" tells whose it is."""
    # ("government violations of the ceasefire": a bare noun that names its party with "the" says whose breach it is;
    # not whose attack: "to stop regime attacks" is no charge of a breach)
    owner = _those_committing(breach) or owner_of(breach) or (
        actor_word_before(breach) if breach.lemma_.lower() in CALLED_BREACHES else None)
    if owner is not None and owner.pos_ == "NOUN" and owner.lemma_.lower() in ACTION_NOUNS:
        # 'the campaign of the regime and Russia "is a flagrant violation…"': the act's doer, with those joined to it
        owner = owner_of(owner) or owner
    if owner is not None and not (owner.pos_ == "NOUN" and actor_of_phrase(owner) is None):
        return _offered_by(owner) or owner
    shown = _shown_by(breach)
    if shown is not None:
        return shown
    act = doer_of_these(breach)
    return _offered_by(act) or act or owner


def _shown_by(breach):
    """ "the offensive by the Syrian regime showed blatant disregard for the commitments", "Russia has displayed contempt
    for the deal": who shows the breach (config rules showing_verbs), or whose act shows it."""
    verb = breach.head
    if breach.dep_ != "dobj" or verb.lemma_.lower() not in RULE_WORDS["showing_verbs"]:
        return None
    shower = subject_of(verb)
    if shower is not None and shower.lemma_.lower() in ACTION_NOUNS | ATTACK_NOUNS:
        return owner_of(shower) or actor_word_before(shower)
    return shower


def _offered_by(act):
    """ "The support offered by Turkey, Saudi Arabia and Qatar … constitutes a blatant violation": who did the act a
    participle tells the doer of (each of them, where the act's phrase would name only its longest name). Not a
    party's backer or master ("the armed groups, backed by Turkey", "formations not controlled by Turkey")."""
    if act is None or act.pos_ != "NOUN" or actor_up_to_head(act) is not None:
        return None
    agent = participle_agent(act, BACKING | words("holding_verbs"))
    return agent if agent is not None and actor_of_phrase(agent) else None  # ("fired by laser-guided artillery")


def _those_committing(breach):
    """ "Those committing the violations are the regime, Hezbollah and other groups": who "those" who commit the
    breaches are said to be."""
    act = breach.head
    those = act.head if breach.dep_ == "dobj" and act.dep_ == "acl" else None
    if those is None or those.lower_ not in ("those", "ones") or those.dep_ != "nsubj" or those.head.lemma_ != "be":
        return None
    return next((c for c in those.head.children if c.dep_ == "attr"), None)


def _told_of_them(clause) -> bool:
    """A restrictive relative that tells what its noun's party has done or keeps doing ("fighting terrorists who have
    repeatedly violated the ceasefire", "the terrorists who violate that ceasefire on a daily basis"), not what any
    such party would be ("strikes any groups that violate the truce")."""
    if clause.head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "parataxis" and c.lemma_.lower() in CUES
                                                     for c in clause.children):
        return True  # "militants who, it said, had attacked government positions in violation of…": a report of them
    # ("the Turkish regime which has not fulfilled any of the obligations it undertook": a keeping denied, told of it)
    unkept = clause.lemma_.lower() in words("comply_verbs") and negated(clause)
    if clause.lemma_.lower() not in words("breach_verbs") and not unkept:  # "groups that have been targeting civilians"
        return False
    done = clause.tag_ == "VBD" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in clause.children) \
        or any(c.dep_ in ("advmod", "npadvmod", "prep") and " ".join(t.lower_ for t in c.subtree) in words("habitual_modifiers")
               for c in clause.children)
    any_such = any(c.dep_ == "det" and c.lower_ in ("any", "every", "all", "those", "whoever") for c in clause.head.children)
    return done and not any_such and clause.head.pos_ in ("NOUN", "PROPN")


def _focus_of_cleft(clause):
    """ "It is the regime that…", "it was the militants, not the Syrian army, who…": the party the cleft puts first
    (the parser may hang the clause on the denied one)."""
    if clause.dep_ == "csubj" and clause.head.lemma_ == "be":
        return next((c for c in clause.head.children if c.dep_ == "attr"), None)  # "Whoever is violating it is the regime"
    looked = looked_at(clause)
    if looked is not None:
        # "When we look at who is violating the ceasefire, it is the regime", "…, we see that it is Hezbollah"
        main = looked.head
        cleft = main if main.lemma_ == "be" else next((c for c in main.children if c.dep_ == "ccomp" and c.lemma_ == "be"), None)
        if cleft is not None and any(s.dep_ == "nsubj" and s.lower_ == "it" for s in cleft.children):
            return next((c for c in cleft.children if c.dep_ == "attr"), None)
    if clause.dep_ == "ccomp":
        # "Moscow says it is Ankara that has failed…", parsed as two reported clauses: the "it is X" before this one
        cleft = next((c for c in clause.head.children if c.dep_ == "ccomp" and c.lemma_ == "be" and c.i < clause.i
                      and any(s.dep_ == "nsubj" and s.lower_ == "it" for s in c.children)), None)
        return next((c for c in cleft.children if c.dep_ == "attr"), None) if cleft is not None else None
    if clause.dep_ != "relcl":
        return None
    head = clause.head
    if head.lower_ in ("one", "ones", "party", "side", "country", "state", "those"):
        return _subject_said_to_be(head) or _focus_of_pseudo_cleft(head, clause)
    if head.dep_ == "appos" and head.left_edge.i > 0 and head.doc[head.left_edge.i - 1].lower_ == "not":
        head = head.head
    subject = subject_of(head.head) if head.dep_ == "attr" else None
    return head if subject is not None and subject.lower_ == "it" else None


def _subject_said_to_be(head):
    """ "Russia is a party that violates the agreements it signs", "was not a guarantor but a party that…": what the
    subject of the copula is said to be does what the clause says (not when the copula denies it)."""
    attr = head.head if head.dep_ == "conj" and head.head.dep_ == "attr" else head
    if attr.dep_ != "attr" or attr.head.lemma_ != "be":
        return None
    contrasted = attr is not head and any(c.dep_ == "cc" and c.lower_ == "but" for c in attr.children)
    if negated(attr.head) and not contrasted:
        return None
    return next((c for c in attr.head.children if c.dep_ == "nsubj" and c.lower_ not in ("it", "this", "that")), None)


def _focus_of_pseudo_cleft(head, clause):
    """ "The one who violated the understanding is the QSD": what "the one" who did it is (the parser may leave the
    copula after the clause without a subject: "…did not fire a single bullet, the one who violated … is the QSD")."""
    be = head.head if head.dep_ == "nsubj" and head.head.lemma_ == "be" else None
    after = clause.right_edge.i + 1
    if be is None and after < len(head.doc) and head.doc[after].lemma_ == "be" \
            and not any(c.dep_ == "nsubj" for c in head.doc[after].children):
        be = head.doc[after]
    return next((c for c in be.children if c.dep_ == "attr"), None) if be is not None else None


def _names_truce(text: str) -> bool:
    """The text names a truce, a deal or a commitment (not only a norm that is none: "Syria's sovereignty", nor a truce
    only called for: "called for an immediate ceasefire" says there is none to breach)."""
    return bool(CONTEXT.search(TRUCE_CALLED_FOR.sub("", OTHER_NORMS.sub("", text))))


def _watching_from_above(verb) -> bool:
    """ "Russian reconnaissance aircraft had not left the sky of the region": a sky is no place a deal has anyone leave."""
    return verb.lemma_.lower() in lexicon()["obligations"]["left_places"] and any(
        c.dep_ == "dobj" and c.lemma_.lower() in RULE_WORDS["skies"] for c in verb.children)


def _prevented(act) -> bool:
    """ "in order to prevent provocations by radical groups", "to avoid violations by the militants": an act to be
    kept from happening has not happened."""
    return act.dep_ == "dobj" and act.head.lemma_.lower() in RULE_WORDS["preventing_verbs"]


def _asked_and_left_open(token) -> bool:
    """The token is in a "whether" clause that someone does not answer ("did not say whether…", "declined to say
    whether…", "it was not clear whether…")."""
    node = token
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in node.children):
            asker = node.head
            return negated(asker) or negated(asker.head) or asker.head.lemma_.lower() in ("decline", "refuse")
        if node.head == node:
            return False
        node = node.head
    return False


def _before_the_truce(verb) -> bool:
    """An attack told as done before its truce began ("…, hours before the regime of calm took effect", "before the
    ceasefire"): no breach of a truce not yet in force."""
    before = [c for c in verb.children if (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "before"
                                                                        for m in c.children))
              or (c.dep_ == "prep" and c.lower_ == "before")]
    return any(_names_truce(" ".join(t.text for t in c.subtree)) for c in before)


def _truce_left_open(sent, token) -> bool:
    """The sentence names its truce only in a question it leaves open ("…, without saying whether the attacks violated
    the truce", "it was not clear whether…"), and the token is outside it: no one calls the act a breach."""
    asked = {t.i for mark in sent if mark.dep_ == "mark" and mark.lower_ == "whether" for t in mark.head.subtree}
    if not asked or token.i in asked:
        return False
    return not _names_truce(" ".join(t.text for t in sent if t.i not in asked))


def _no_one_named(token) -> bool:
    """ "Those who are accusing…", "anyone who violates…": a relative on "those" or "anyone" names no party."""
    return token.lower_ in ("who", "that") and token.head.dep_ == "relcl" and token.head.head.lower_ in ("those", "anyone")


def _truce_resolution(sentence: str, article: str) -> bool:
    """ "had not observed the resolution": the sentence speaks of "the resolution" in an article that names a UN
    resolution that called a truce (config rules truce_resolutions: 2401 for Eastern Ghouta, 2268, 2336)."""
    return bool(RESOLUTION.search(sentence)) and bool(TRUCE_RESOLUTIONS.search(article))


RESOLUTION = re.compile(r"\b(?:the|this|that|its) (?:UN |U\.N\. |Security Council |council )?resolution\b", re.IGNORECASE)
TRUCE_RESOLUTIONS = re.compile(r"\b(?:" + "|".join(RULE_WORDS["truce_resolutions"]) + r")\b")


def _truce_before(previous) -> bool:
    """The sentence before names a truce or a deal."""
    return previous is not None and _names_truce(previous[0].text)


def _same_speaker_goes_on(previous, context: int | None, statements: list[Statement]) -> bool:
    """The sentence before (a (sentence, statement) pair) and this one are the same party's words."""
    if previous is None or previous[1] is None or context is None:
        return False
    before, now = statements[previous[1]], statements[context]
    return before.speaker_actor is not None and before.speaker_actor == now.speaker_actor


def _goes_on_with_truce(previous, context: int | None, statements: list[Statement]) -> bool:
    """The same speaker goes on from a sentence with a truce in view ("…had not respected the ceasefire. 'Their
    mercenaries are attacking our positions,' he said."): the truce is in view here too."""
    return _same_speaker_goes_on(previous, context, statements) and _truce_before(previous)


def _breaches_told_before(previous, context: int | None, statements: list[Statement]) -> bool:
    """The same speaker told breaches in the sentence before and named no one for them ("there had been 'limited
    breaches' near Tafas")."""
    return _same_speaker_goes_on(previous, context, statements) and any(
        t.pos_ == "NOUN" and t.lemma_.lower() in CALLED_BREACHES and not negated(t.head) and owner_of(t) is None
        for t in previous[0])


def _as_the_speaker_means(accused: str | None, target, accuser: str | None, text: str) -> str | None:
    """Generic words whose referent depends on who speaks (config/gazetteer.yaml, speaker_usage).

    Turkish officials call the YPG "terrorists": in a Turkish claim in an article about the YPG,
    "the terrorists" are the SDF, not the Idlib armed groups.
    """
    if accused is None or accuser is None or target is None:
        return accused
    g = gazetteer()
    if target.tag_ in ("WP", "WDT") and target.head.dep_ == "relcl":
        target = target.head.head  # "The terrorists, who are violating the ceasefire": the words of "who"'s noun
    phrase = target.doc[target.left_edge.i: target.i + 1].text.lower()
    if target.pos_ == "PRON" and target.lower_ in ("they", "them", "their"):
        # "the terrorists are still there, and they are attacking our soldiers": the words the pronoun stands for, in
        # its sentence or the one before
        before = sentence_before(sentence_of(target))
        start = before.start if before is not None else sentence_of(target).start
        phrase = target.doc[start: target.i].text.lower()
    for usage in g.speaker_usage:
        if g.rollup(accuser) == usage["speaker"] and accused == usage["instead_of"] \
                and any(re.search(rf"\b{re.escape(w)}\b", phrase) for w in usage["words"]) \
                and any(re.search(rf"\b{re.escape(w)}\b", text) for w in usage["when_article_names"]):
            return usage["means"]
    return accused



PLACE_PREPS = frozenset(("on", "against", "in", "at", "near", "across", "inside"))
VENUE_PREPS = frozenset(("in", "at", "during"))  # on the accusing verb itself: where or when it accused
SPONSORED_BY = re.compile(r"\b(?:backed|supported|sponsored|funded|armed|financed)\s+by\b", re.IGNORECASE)


def _named_between(verb, exclude: set[str]) -> list[str]:
    """Actors named between "accused" and its "of"/"for": "accused Turkey and allied Syrian factions of…"."""
    doc, end = verb.doc, None
    for token in doc[verb.i + 1: min(verb.i + 14, sentence_of(verb).end)]:
        if token.lower_ in ("of", "for", "over", "as"):  # "condemned the Israeli attacks on Syria as a violation of…"
            end = token.i
            break
        if token.tag_ in ("VBD", "VBZ", "VBP") or (token.dep_ == "mark" and token.lower_ in ("while", "whereas")):
            return []  # "Turkey blames the regime, while Russia points the finger at the militants of…": another clause
    if end is None:
        return []
    # "the Israeli attacks on Syria", "the escalation in Syria's Idlib": where or what was hit is not who is charged
    # (nor where the charge was made: "blamed each other at an emergency UN Security Council meeting for…")
    placed = {t.i for p in doc[verb.i + 1: end] if p.dep_ == "prep" and (
              (p.lower_ in PLACE_PREPS and p.head.pos_ in ("NOUN", "PROPN")) or (p.head == verb and p.lower_ in VENUE_PREPS))
              for t in p.subtree}
    named = "".join(t.text_with_ws for t in doc[verb.i + 1: end] if t.i not in placed)
    found = []
    for part in re.split(r",|\band\b", named):
        if re.search(r"\b(?:its|their|his|her)\b|['\u2019]s?\s", part) and part.split()[-1].lower() in gazetteer().proxy_nouns:
            continue  # "Turkey and its Syrian allies", "Moscow's Syrian ally": someone's allies, read from the parse (resolve_actor)
        part = re.sub(r"^\s*(?:its|their|his|her)\s+", "", part)
        if SPONSORED_BY.search(part):
            continue  # "Syrian fighters backed by Turkey": the sponsor's proxies, read from the parse (resolve_actor)
        actor = gazetteer().resolve(part) if part.strip() else None
        if actor and gazetteer().rollup(actor) not in exclude:
            found.append(actor)
    return found


def _only_other_norms(sent) -> bool:
    """The sentence calls something a breach of a norm that is no truce commitment, and names no truce besides."""
    return bool(OTHER_NORMS.search(sent.text)) and not _names_truce(sent.text)


def _other_norm(verb) -> bool:
    """ "is violating the rules of war", "violated Syria's sovereignty": a norm that is no truce commitment."""
    objects = [o for o in verb.children if o.dep_ == "dobj"]
    rest = verb.doc[verb.i + 1: verb.right_edge.i + 1].text  # "…integrity that the guarantors pledged to uphold"
    return any(OTHER_NORMS.match(f"violating {verb.doc[o.left_edge.i: o.right_edge.i + 1].text}") for o in objects) \
        and not CONTEXT.search(lexicon()["other_norms_re"].sub("", rest))  # ("the nuclear deal" is no deal of ours)


def _went_back_on(verb) -> bool:
    """ "went back on its word", "walked back from its commitments": a phrasal verb of reneging (config rules
    renege_phrases) whose object is a commitment."""
    for phrase in RULE_WORDS["renege_phrases"]:
        head, particle, preposition = phrase.split()
        particles = [c for c in verb.children if c.lower_ == particle and c.dep_ in ("prt", "advmod", "prep")]
        if verb.lemma_.lower() == head and particles:
            # the preposition hangs on the verb, or on the particle ("wriggle out of", "out" parsed a preposition)
            owed = [o for c in (*verb.children, *particles[0].children) if c.dep_ == "prep" and c.lower_ == preposition
                    for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in COMMITMENT_NOUNS]
            if owed:
                return True
    return False


def _ended_a_deal(verb) -> bool:
    """ "wiped out the cessation of hostilities", "scuttled the truce": a verb of ending or endangering (config rules
    deal_ending_verbs) whose object is a deal."""
    # (or "it" for a deal the sentence names: "Russia, which is one of the guarantors of this agreement, is now taking
    # part in destroying it")
    dealt = any(c.dep_ == "dobj" and (is_deal(c) or (c.lower_ == "it" and deal_named_before(c))) for c in verb.children)
    return dealt and (verb.lemma_.lower() in RULE_WORDS["deal_ending_verbs"] or _made_worthless(verb))


def _made_worthless(verb) -> bool:
    """ "have turned the Sochi agreement into a dead letter", "reduced the truce to ink on paper": a deal made into
    nothing (config rules worthless_results)."""
    if verb.lemma_.lower() not in RULE_WORDS["making_into_verbs"]:
        return False
    results = [" ".join(t.lower_ for t in o.subtree if t.dep_ != "det") for p in verb.children
               if p.dep_ == "prep" and p.lower_ in ("into", "to") for o in p.children if o.dep_ == "pobj"]
    return any(result in RULE_WORDS["worthless_results"] for result in results)


def _no_commitment_broken(verb) -> bool:
    """ "the encirclement was broken by Syrian troops", "broke the siege", "broke through": what is broken is no
    commitment; "who had let it fail": an "it" that fails with nothing failed to do, nothing failed and no role failed
    in is the thing (the truce) coming to its end."""
    things = lexicon()["broken_things"]
    if verb.lemma_.lower() == "fail":
        return any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children) and not any(
            c.dep_ in ("xcomp", "dobj", "prep", "advcl", "ccomp") for c in verb.children)
    # ("broke through the defences of the Syrian army", "clashes broke out", "broke into the town": no deal broken)
    return verb.lemma_.lower() == "break" and any(
        (o.dep_ in ("dobj", "nsubjpass") and o.lemma_.lower() in things)
        or (o.dep_ in ("prep", "prt") and o.lower_ in lexicon()["broken_through"]) for o in verb.children)


def _clause(verb):
    """The clause a verb's chain belongs to: "attack" in "who continue to attack" is the relative clause's."""
    while verb.dep_ in ("xcomp", "conj") and verb.head != verb:
        verb = verb.head
    return verb


def _is_breach(charge) -> bool:
    """What someone is accused of is a breach: a breach word, an attack, or a commitment not kept."""
    lemma = charge.lemma_.lower()
    if charge.pos_ == "VERB" and _other_norm(charge):
        return False  # "accused the United States of violating the nuclear deal"
    if lemma in BREACH_WORDS or ATTACK_WORDS.match(lemma):
        return True
    if lemma in COMPLY and any(c.dep_ == "neg" for c in charge.children):  # "of not withdrawing as agreed"
        return True
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in COMPLY and failing(c) for c in charge.children):
        return True  # "of refusing to abide by the truce", "of failing to honour its commitments"
    # "of not doing enough to rein in the groups as agreed under the March deal" (the keeping an advcl of "doing"),
    # when the deal is named: "of not doing enough to rein in its ally Assad" is no truce's
    if any(c.dep_ == "advcl" and c.lemma_.lower() in COMPLY and failing(c) and CONTEXT.search(c.doc[c.i: c.right_edge.i + 1].text)
           for c in charge.children):
        return True
    if lemma in RULE_WORDS["committing_verbs"] and _done_to_breaches_told(charge):
        return True  # "recorded nine violations…, accusing armed groups of carrying them out"
    if lemma in ("continue", "keep", "persist"):  # "of continuing to supply the groups"
        return any(_is_breach(c) for c in charge.children if c.dep_ in ("xcomp", "pcomp"))
    if any(c.dep_ == "ccomp" and any(w.lower_ == "what" for w in c.children)
           and any(t.lemma_.lower() in BREACH_WORDS and t.pos_ == "NOUN" for t in c.subtree) for c in charge.children):
        return True  # "of committing what they described as repeated violations of the truce": a breach so called
    # The charge's own words, two levels down, not a "by …" means or a clause hung on it
    # ("abandoning them by pulling troops back, opening the way for the Turkish assault").
    words, frontier = [charge], [charge]
    for _ in range(2):
        frontier = [c for t in frontier for c in t.children
                    if c.dep_ not in ("advcl", "acl", "relcl", "conj") and not (c.dep_ == "prep" and c.lower_ == "by")]
        words += frontier
    phrase = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
    # "of trying to undermine the agreement", "of seeking to sabotage the truce": a breach verb one level down
    tried = any(t.lemma_.lower() in BREACH and t.pos_ == "VERB" and t.dep_ == "xcomp" for t in words)
    # "of being slow to implement the agreement": slowness in an owed act (obligations.slow_keeping)
    slow = any(slowed(t) is not None for t in charge.subtree)
    return bool(tried or slow or CONTEXT.search(phrase) or ATTACK_WORDS.search(phrase))


def _done_to_breaches_told(verb) -> bool:
    """ "carrying them out", "committing these", "committing the violations": a verb of doing whose object points back
    to breaches told before it in its sentence."""
    done = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if done is None:
        return False
    if done.lemma_.lower() in BREACH_NOUNS:
        return True
    pointing = done.lower_ in POINTING | {"them", "it"} or any(c.dep_ == "det" and c.lower_ in POINTING
                                                                 for c in done.children)
    return pointing and any(t.lemma_.lower() in BREACH_NOUNS and t.pos_ == "NOUN"
                            for t in verb.doc[verb.sent.start: verb.i])


def paragraph_of(text: str, position: int) -> str:
    start = text.rfind("\n\n", 0, position)
    end = text.find("\n\n", position)
    return text[start + 2 if start >= 0 else 0: end if end >= 0 else len(text)]


def _answerable(trigger, accused) -> list:
    """ "holds Moscow responsible for the regime's violations": the one who breached and the one held to answer for
    it are both charged."""
    if trigger.pos_ == "VERB" and trigger.lemma_.lower() == "hold":  # the breaker, named in what the held answer for
        breaches = [o for r in trigger.subtree if r.lower_ == "responsible" for p in r.children if p.lower_ == "for"
                    for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in BREACH_NOUNS]
        return [c for b in breaches for c in b.children if c.dep_ == "poss" and c.pos_ != "PRON" and c != accused]
    if trigger.pos_ != "NOUN" or trigger.lemma_.lower() not in BREACH_NOUNS:
        return []
    holder = held_responsible(trigger)
    return [holder] if holder is not None and holder != accused else []


def _conjuncts(token) -> list:
    """Y and Z in "accused X, Y and Z" (also when the parser makes Y an apposition: "the regime, Iran and Russia");
    not a party set apart ("by opposition fighters rather than the Turkish army itself", "X, not Y")."""
    listed = [a for a in token.children if a.dep_ == "appos" and any(c.dep_ in ("conj", "cc") for c in a.children)]
    joined = [t for t in token.conjuncts if t.i > token.i] + [t for a in listed for t in (a, *a.conjuncts) if t.i > token.i]
    return [t for t in joined if not _set_apart(t)] + _by_again(token)


def _set_apart(conjunct) -> bool:
    """A conjunct after "rather than", "instead of" or "not": the party the sentence says is not the one."""
    before = " ".join(t.lower_ for t in conjunct.doc[max(0, conjunct.left_edge.i - 2): conjunct.left_edge.i])
    return before.endswith(("rather than", "instead of", "not"))


JOINING = re.compile(r"\s*,?\s*(?:as well as|and|or|but also)\s*", re.IGNORECASE)


def _by_again(token) -> list:
    """ "violations by Turkish forces as well as by the SDF", "by the regime and by Russia": the object of a "by" joined
    to this one, wherever the parser hung it."""
    by = token.head
    if token.dep_ != "pobj" or by.lower_ != "by":
        return []
    end = token.right_edge.i + 1
    doc = token.doc
    later = next((t for t in doc[end: end + 5] if t.lower_ == "by" and JOINING.fullmatch(doc[end: t.i].text)), None)
    return [o for o in later.children if o.dep_ == "pobj"] if later is not None else []


def _co_subjects(token) -> list:
    """The verb's other subjects: "both the regime's artillery and Russia's aircraft were violating…" parsed as
    two subjects, not a subject and its conjunct."""
    if token.dep_ not in ("nsubj", "nsubjpass"):
        return []
    return [c for c in token.head.children if c.dep_ == token.dep_ and c is not token and c.pos_ in ("NOUN", "PROPN")]


def _the_two(token) -> list:
    """ "The United States and Russia pledged…, and the two states have not honoured the commitments": the parties
    the sentence (or the one before) last names joined, for "the two" or "both" of a noun config pair_nouns lists."""
    if token.lemma_.lower() not in words("pair_nouns") or not any(
            c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet") for c in token.children):
        return []
    sentence = sentence_of(token)
    before = sentence_of(token.doc[sentence.start - 1]) if sentence.start > 0 else None
    for span in (sentence, before):
        joined = [t for t in span or () if t.i < token.i and t.dep_ != "conj" and actor_of_phrase(t)
                  and any(actor_of_phrase(c) for c in t.conjuncts)]
        if joined:
            return [joined[-1], *joined[-1].conjuncts]
    return []


def _members_of(token) -> list:
    """The bodies a plural head belongs to ("militants of Jabhat al-Nusra and the Islamic State", "terrorists from
    Jabhat al-Nusra and ISIS")."""
    if token.tag_ != "NNS":
        return []
    # (a "from" only when its first object is a party: "terrorists from the zone and Turkey's failure…" is a list;
    # never a deal: "a violation by the militants of the regime of the demilitarized zone" breaches a truce regime)
    return [t for prep in token.children if prep.dep_ == "prep" and prep.lower_ in ("of", "from")
            for o in prep.children if o.dep_ == "pobj" and (prep.lower_ == "of" or actor_of_phrase(o)) and not is_deal(o)
            for t in (o, *o.conjuncts)]


def _accusation(sent, scope, token, lemma, trigger, accuser, accused, mode, context, statements,
                article_agreement, date: str | None = None) -> Accusation:
    """Build one accusation record with its mode, agreement, breach type and confidence."""
    if under_denial(token):
        mode = "denial"
    elif mode_of(token) == "hypothetical":
        mode = "hypothetical"
    elif mode == "claim" and denies_in_sentence(sent, accuser):
        mode = "counter"  # "Ankara denied violating the truce and accused the regime of…"
    # the article's date resolves "last September's memorandum", "the March agreement"
    # as written: the confidence does not hang on the date (save for a name several deals share)
    named = agreement_in(sent.text, context=sent.doc.text, shared_date=date)
    agreement = sentence_agreement(sent.doc.text, sent.start_char, sent.end_char, scope, date, article_agreement)
    confidence = 0.6 + (0.15 if lemma in ACCUSE else 0) + (0.1 if named else 0) + (
        0.1 if context is not None else 0)
    return Accusation(
        accuser=accuser, accused=accused, agreement=agreement, breach_type=breach_type(sent.text, trigger),
        evidence=sent.text.strip(), char_start=sent.start_char, char_end=sent.end_char,
        confidence=round(min(confidence, 0.95), 2), mode=AccusationMode(mode),
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
