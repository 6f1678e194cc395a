"""Charges in clauses a speaker reports in the ways wire copy does: a cue set inside the clause, a participle after a
time clause, and a breach verb whose object is no commitment (sentences written for these tests)."""

import pytest

from tests.conftest import rule_claims


def test_a_reporting_verb_set_inside_the_clause_reports_it():
    text = ("\u201cWe see no progress on the corridor,\u201d Turkish Defence Minister Hulusi Akar told reporters. "
            "The regime's shelling of Jabal al-Zawiya, he said, was a violation of the March agreement.")
    assert rule_claims(text) == {("turkey", "syria")}


def test_a_participle_after_a_time_clause_speaks_with_the_main_clause():
    text = ("The Turkish Foreign Ministry issued a sharp statement on Friday, two days after Moscow and Damascus "
            "announced a new offensive, saying the regime had violated the ceasefire in Idlib.")
    assert ("turkey", "syria") in rule_claims(text)
    assert ("russia", "syria") not in rule_claims(text)


@pytest.mark.parametrize("text", [
    "Rudskoy said the siege of the observation post was broken within hours by Syrian troops near the de-escalation zone.",
    "The Russian general said Syrian troops broke the encirclement of the military police in the de-escalation zone.",
])
def test_breaking_a_siege_or_an_encirclement_is_no_breach(text):
    assert rule_claims(text) == set()


def test_breaking_the_truce_still_is():
    text = "The Russian general said Syrian troops broke the truce in the de-escalation zone."
    assert rule_claims(text) == {("russia", "syria")}


def test_an_act_a_speaker_names_a_violation_charges_its_doer():
    text = ("The Russian Defence Ministry said Jabhat al-Nusra had launched a large-scale offensive on army positions "
            "near Hama, an attack which it described as a violation of the Astana memorandum.")
    assert rule_claims(text) == {("russia", "armed_groups")}


def test_a_party_named_an_obstacle_is_no_act_named_a_breach():
    text = ("Russian officials have complained that Ankara has yet to act against Hayat Tahrir al-Sham, which Moscow "
            "regards as the main obstacle to calm in the zone.")
    assert ("russia", "armed_groups") not in rule_claims(text)
