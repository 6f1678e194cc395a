"""Readings of opposition, Turkish and regional copy: a party still where it was bound to leave, or staying in spite of a
deal; a task that "lies with" a party and is said undone; a "non-implementation … by" two parties; a relative "who it
says" before an act "in violation of" a truce; a bare "the coalition's president" after the body the article named; an
attack adjective before a singular "strike"; a deal ended by "it"; the Russian military's "illegal formations"; a
passive attack's doer told by the place it came from. Written for these tests; no labelled set's text."""

import pytest

from pipeline.analyzer.agreements import agreement_in
from pipeline.analyzer.candidates import parties_in
from pipeline.analyzer.core import _parse
from pipeline.analyzer.gazetteer import gazetteer
from pipeline.analyzer.statements import extract_statements
from tests.conftest import rule_claims


@pytest.mark.parametrize("text", [
    "Ankara's defence minister said the YPG fighters are still inside the towns they were supposed to leave under "
    "the October ceasefire agreement.",
    "Lavrov said the jihadists remain in the corridor they pledged to withdraw from under the Sochi memorandum.",
])
def test_still_where_bound_to_leave(text):
    accuser, accused = ("turkey", "sdf") if "YPG" in text else ("russia", "armed_groups")
    assert (accuser, accused) in rule_claims(text)


def test_a_place_left_elsewhere_is_no_charge():
    text = ("Lavrov said the jihadists remain in Idlib and were supposed to withdraw from the corridor under the Sochi "
            "memorandum.")
    assert ("russia", "armed_groups") not in rule_claims(text)


@pytest.mark.parametrize("despite", ["in spite of the deals", "despite the October 2019 agreements",
                                     "contrary to the Sochi memorandum"])
def test_staying_in_spite_of_a_deal(despite):
    text = f"Turkish officials said the YPG is still in Tal Rifaat {despite}."
    assert ("turkey", "sdf") in rule_claims(text)


def test_a_truce_that_stays_is_no_charge():
    assert not rule_claims("Lavrov said the ceasefire remains in force despite the violations.")


def test_a_task_that_lies_with_a_party_and_is_undone():
    text = ("Peskov said the job of clearing the militants from the M4 highway rests with Turkey under the March "
            "protocol and that this has still not been done.")
    assert ("russia", "turkey") in rule_claims(text)


def test_a_non_implementation_by_two_parties_charges_both():
    text = ("Erdogan's spokesman said the non-implementation of the 2019 memorandums by Washington and Moscow "
            "left Turkey no choice.")
    assert {("turkey", "united_states"), ("turkey", "russia")} <= rule_claims(text)


def test_who_it_says_acted_in_violation_of_a_truce():
    text = ("Damascus says its troops are hitting back at jihadists who it says have repeatedly fired rockets at the "
            "Hmeimim base in violation of the ceasefire.")
    assert ("syria", "armed_groups") in rule_claims(text)


def test_the_coalitions_president_after_the_syrian_national_coalition():
    text = ("The Syrian National Coalition condemned the Russian air raid on the market in Ariha. \"This is a "
            "blatant breach of the Moscow ceasefire,\" the coalition's president, Badr Jamous, told reporters.")
    statements, _ = extract_statements(_parse(text))
    assert [s.speaker_actor for s in statements if s.speaker == "Badr Jamous"] == ["armed_groups"]


def test_a_nationality_before_a_singular_strike_is_a_party_named():
    sentence = next(_parse("Moscow's defence ministry said the American strike had undermined the Idlib ceasefire.").sents)
    assert {p.canonical for p in parties_in(sentence)} == {"russia", "united_states"}


def test_destroying_it_after_a_deal_the_sentence_names():
    text = ("An opposition negotiator, Yahya al-Aridi, said: \"Iran, which signed the de-escalation memorandum, is "
            "now destroying it.\"")
    assert ("armed_groups", "iran") in rule_claims(text)


def test_illegal_formations_are_the_armed_groups():
    g = gazetteer()
    assert g.rollup(g.resolve("illegal formations")) == "armed_groups"


def test_a_passive_attacks_doer_is_who_holds_the_place_it_came_from():
    text = ("The Turkish army said its post near Taftanaz was hit by artillery fire from areas under the control of "
            "the regime, calling the attack a breach of the Astana de-escalation deal.")
    assert ("turkey", "syria") in rule_claims(text)


def test_what_was_promised_not_delivered():
    text = "Lavrov said the Turkish side had still not delivered what it undertook under the March protocol."
    assert ("russia", "turkey") in rule_claims(text)
    assert not rule_claims("Lavrov said the Turkish side had delivered what it undertook under the March protocol.")


@pytest.mark.parametrize("text", ["the regime's assault breaks the ceasefire in southern Syria that Amman helped broker",
                                  "Moscow says the southwest deal never covered Nusra"])
def test_the_southwest_zone_named_as_the_south(text):
    assert agreement_in(text, "2018-06-20") == "other:southwest_deescalation_2017"


def test_a_speakers_paragraph_goes_on_in_reported_speech():
    text = ("The cessation was close to collapse, the envoy warned the Council.\n\n"
            "KAREN PIERCE (United Kingdom) said the cause of the crisis was plain. The regime had gone on shelling "
            "the suburbs of Hama in flagrant breach of the cessation of hostilities.")
    assert ("uk", "syria") in rule_claims(text)


def test_a_narrative_paragraph_after_a_statement_is_not_reported_speech():
    text = ("Pedersen told the Council the talks were stalled. \n\nThe regime had gone on shelling the suburbs of "
            "Hama in flagrant breach of the cessation of hostilities.")
    assert not rule_claims(text)


def test_speaking_for_a_state_the_representative_speaks_for_it():
    text = ("The representative of the Russian Federation said the militants had violated the truce. Speaking for "
            "France, the representative said that the regime's offensive had broken the Idlib ceasefire.")
    assert ("france", "syria") in rule_claims(text)
    assert ("russia", "syria") not in rule_claims(text)


@pytest.mark.parametrize("charge", ["made a mockery of the Sochi memorandum", "showed its contempt for the Sochi "
                                                                            "memorandum"])
def test_a_deal_mocked_or_held_in_contempt(charge):
    text = f"The British ambassador said the regime {charge} by bombing the market in Maarat al-Numan."
    assert ("uk", "syria") in rule_claims(text)


def test_a_council_member_speaks_as_described():
    text = '"They seized the bakery and the water station," said a member of the local council in Daraa al-Balad.'
    statements, _ = extract_statements(_parse(text))
    assert [s.speaker for s in statements] == ["member of the local council in Daraa al-Balad"]


@pytest.mark.parametrize("text, pair", [
    ("Zakharova said the militants had, once again, violated the Idlib ceasefire.", ("russia", "armed_groups")),
    ("Zakharova said Ankara has, so far, failed to fulfil its obligations under the Sochi memorandum.",
     ("russia", "turkey")),
    ("Sabbagh said the militants went on shelling Hama, while Ankara had, for more than three years, failed to fulfil "
     "its obligations under the Moscow protocol.", ("syria", "turkey")),
])
def test_an_aside_between_auxiliary_and_participle(text, pair):
    assert pair in rule_claims(text)
