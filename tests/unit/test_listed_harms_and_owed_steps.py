"""Charges the text lists, relays or ties to a duty, and whose spokesman an "its" names: acts listed after a colon as a
truce's problems, "in what it called a breach", a step owed and said undone, "by X as well as by Y", members "from"
two groups, a verb the parser joined to a reported clause, "Its spokesman", and the agreement a sentence names
outright before the place a deal covers. Written for these tests; no labelled set's text."""

import pytest

from pipeline.analyzer.agreements import agreement_in
from tests.conftest import counted_pairs, reported_of, rule_claims


@pytest.mark.parametrize("text, expected", [
    ("Lavrov named two obstacles to the implementation of the Idlib agreements: continued shelling by terrorists from "
     "the zone and Turkey's failure to separate the moderate opposition from them.",
     {("russia", "armed_groups"), ("russia", "turkey")}),
    ("Kerry identified two problems that have undermined the truce in Syria: rocket fire carried out by the Nusra Front "
     "and indiscriminate air raids by Assad's forces.",
     {("united_states", "armed_groups"), ("united_states", "syria")}),
])
def test_acts_listed_as_a_truces_problems_charge_their_doers(text, expected):
    assert expected <= rule_claims(text)


def test_problems_of_no_deal_charge_no_one():
    text = ("Kerry identified two problems in the camps near Idlib after the ceasefire: shortages of bread and attacks "
            "by gangs.")
    assert rule_claims(text) == set()


def test_in_what_it_called_a_breach_the_clause_is_the_act_and_its_subject_the_doer():
    text = ("The state news agency SANA said that terrorist groups in the buffer zone had fired rockets at army "
            "positions near Hama, in what it called a breach of the agreement.")
    assert ("syria", "armed_groups") in rule_claims(text)


def test_a_step_owed_and_said_undone_charges_who_owed_it():
    text = ("The militants were supposed to leave the demilitarised zone by mid-October, a step that Moscow says has "
            "not been completed.")
    assert ("russia", "armed_groups") in rule_claims(text)


def test_a_step_of_a_passive_duty_charges_no_one():
    text = ("The militants were supposed to be removed from the demilitarised zone, a step that Moscow says has not "
            "been completed.")
    assert ("russia", "armed_groups") not in rule_claims(text)


def test_its_spokesman_speaks_for_the_body_the_sentence_before_is_about():
    text = ("The Syrian National Army told a different story on Monday. Its spokesman Youssef Hammoud said SDF "
            "fighters had attacked its positions in violation of the ceasefire in northeast Syria.")
    assert reported_of(text, "Its spokesman").speaker_actor == "armed_groups"


def test_its_spokesman_is_not_the_body_accused_last():
    text = ("The National Front for Liberation accused regime forces and Russia of breaching the truce. Its spokesman, "
            "Captain Naji Mustafa, said the factions had only responded.")
    assert reported_of(text, "Its spokesman").speaker_actor == "armed_groups"


def test_a_second_by_joined_to_the_first_charges_its_object_too():
    text = ("The US envoy James Jeffrey said Washington had seen violations of the truce by Turkish forces as well as "
            "by the SDF in northeast Syria.")
    assert {("united_states", "turkey"), ("united_states", "sdf")} <= rule_claims(text)


def test_members_from_two_groups_name_both():
    text = ("Terrorists from Jabhat al-Nusra and the Islamic State have violated the ceasefire in Idlib, the Russian "
            "reconciliation centre said.")
    assert {("russia", "armed_groups"), ("russia", "isis")} <= rule_claims(text)


def test_members_from_a_place_name_no_one_else():
    text = "Terrorists from Idlib and Hama have violated the ceasefire, the Russian reconciliation centre said."
    assert rule_claims(text) == {("russia", "armed_groups")}


def test_a_verb_joined_to_the_reported_clause_is_the_reporters():
    text = ("Regime forces hit Turkish positions in Idlib on Thursday, the governor said. Turkish Defence Minister Hulusi "
            "Akar said the attack came without warning, and called it a violation of the Sochi deal.")
    assert ("turkey", "syria") in counted_pairs(text, date="2020-02-28")


@pytest.mark.parametrize("sentence, date, expected", [
    ("Turkey's military presence in northeastern Syria contradicts the Astana agreements.", "2019-11-20", "astana"),
    ("Ankara has not fulfilled the Sochi memorandum of September 2018 while it fights east of the Euphrates.",
     "2019-12-01", "sochi_2018"),
    ("Turkish shelling of Tal Abyad violated the ceasefire.", "2019-10-25", "ne_syria_2019"),
    ("Ankara violated the ceasefire in northeast Syria, the SDF said.", "2019-11-02", "ne_syria_2019"),
])
def test_where_a_deal_applies_names_it_only_when_the_sentence_names_no_deal(sentence, date, expected):
    assert agreement_in(sentence, date) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Turkish officials point to Manbij, which the memorandum said would be cleared of YPG fighters.", "ne_syria_2019"),
    ("The militants in Idlib keep violating the memorandum.", "sochi_2018"),
    ("The militants keep violating the memorandum.", "sochi_2018"),  # no context: the default
])
def test_a_bare_memorandum_is_the_one_its_context_points_to(sentence, expected):
    assert agreement_in(sentence, "2020-10-22") == expected


def test_the_regime_of_a_zone_is_a_truce_not_the_syrian_regime():
    text = ("Militants shelled Aleppo from the Idlib zone, the Russian Defence Ministry said. \"We regard it as a gross "
            "violation by the militants of the regime of the demilitarized zone,\" spokesman Igor Konashenkov said.")
    assert ("russia", "syria") not in rule_claims(text)


def test_expressed_hope_reports_speech_and_an_announcing_relative_clause_does_not():
    text = ("Lavrentiev expressed hope that Ankara would refrain from a new military operation in northern Syria, which "
            "President Recep Tayyip Erdogan announced at the end of May.")
    assert reported_of(text, "Lavrentiev expressed hope").speaker == "Lavrentiev"


def test_a_deal_announced_in_a_relative_clause_does_not_make_its_makers_accusers():
    text = "The militants violated the ceasefire in Idlib, which Russia and Turkey announced in March."
    assert rule_claims(text) == set()


def test_a_charge_in_a_relative_clause_is_still_its_makers():
    text = ("The rebels shelled Aleppo, an attack that Moscow blamed on Nusra militants in violation of the ceasefire, the "
            "ministry said.")
    assert ("russia", "armed_groups") in rule_claims(text)
