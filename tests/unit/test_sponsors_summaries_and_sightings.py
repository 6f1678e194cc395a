"""A sponsor named in "backed by" is not whom "their" stands for, "something" and "a commitment" that sum up the clause
before, a UN dateline with two parentheses, a channel named after the country, what was "described as" violations by a
bare noun, going on violating, a breach seen done "by" someone, disregard shown, a pledger who did otherwise instead,
the most specific deal an article names, a time description of the cessation. Written for these tests; no labelled
set's text."""

from pipeline.analyzer.agreements import article_agreement, named_agreement
from pipeline.analyzer.core import analyze
from pipeline.analyzer.gazetteer import gazetteer
from tests.conftest import rule_claims


def test_a_sponsor_in_backed_by_is_not_their():
    text = ('"The rebels backed by Washington keep up their attacks on the army despite the truce," Lavrov said.')
    assert rule_claims(text) == {("russia", "armed_groups")}


def test_groups_backed_by_a_sponsor_of_militias_are_its_militias():
    text = ('"Despite the ceasefire, the extremist groups supported by Iran continue to shell the villages," Turkish '
            'Defence Minister Hulusi Akar said.')
    assert ("turkey", "iran") not in rule_claims(text)


def test_something_that_sums_up_a_pledge_said_undone():
    text = ("Peskov said Ankara had undertaken under the Sochi memorandum to remove heavy weapons from the zone, something "
            "he said had not been done.")
    assert rule_claims(text) == {("russia", "turkey")}


def test_something_that_sums_up_an_act_said_a_breach():
    text = ("The Russian Defence Ministry said Hayat Tahrir al-Sham had been launching drones at Hmeimim from the "
            "demilitarised zone, something it said was in breach of the Sochi memorandum.")
    assert rule_claims(text) == {("russia", "armed_groups")}


def test_a_commitment_set_off_after_the_duty_it_sums_up():
    text = ("Moscow has said that Ankara is obliged to clear the M4 corridor of militants, a commitment Russian officials "
            "say has yet to be met.")
    assert rule_claims(text) == {("russia", "turkey")}


def test_a_un_dateline_with_two_parentheses():
    text = ("United Nations (United States) (AFP) - Britain accused the Syrian regime on Friday of tearing up last "
            "September's deal on a buffer zone in Idlib, as the UN warned of a humanitarian catastrophe.")
    g = gazetteer()
    found = {(g.rollup(a.accuser), g.rollup(a.accused)) for a in analyze("Britain accuses Damascus of wrecking Idlib deal", text,
                                                                                date="2019-05-17").accusations}
    assert ("uk", "syria") in found
    assert ("un", "syria") not in found


def test_a_channel_named_after_the_country_is_no_state_voice():
    text = ("The factions shelled army positions near Kafr Nubl, in violation of the ceasefire, Syria TV reported.")
    assert ("syria", "armed_groups") not in rule_claims(text)


def test_the_state_television_is_the_state_s_voice():
    # the guard: Syrian state television speaks for Damascus
    text = "The factions shelled army positions near Kafr Nubl, in violation of the ceasefire, Syrian TV reported."
    assert rule_claims(text) == {("syria", "armed_groups")}


def test_what_they_described_as_violations_by_a_bare_noun():
    text = ("Rebel factions said they were suspending their part in the talks because of what they described as "
            "government violations of the truce in the Damascus countryside.")
    assert rule_claims(text) == {("armed_groups", "syria")}


def test_going_on_violating_is_the_subject_s():
    text = ("Mohammed Alloush, the chief opposition negotiator, said government forces had gone on violating the nationwide "
            "cease-fire throughout the talks.")
    assert rule_claims(text) == {("armed_groups", "syria")}


def test_a_breach_seen_done_by_someone():
    text = ('"We saw the truce announced, and we have seen it violated, week after week, by the regime\'s air strikes," '
            'the French ambassador Nicolas de Riviere said.')
    assert rule_claims(text) == {("france", "syria")}


def test_disregard_shown_by_an_act():
    text = ("Josep Borrell said the offensive by the Syrian regime showed flagrant disregard for the commitments made in "
            "the Sochi memorandum.")
    assert rule_claims(text) == {("eu", "syria")}


def test_a_pledger_that_did_otherwise_instead():
    text = ("The State Department said Russia, which as a guarantor had pledged to restrain the regime, had instead "
            "joined its offensive on the de-escalation zone.")
    assert rule_claims(text) == {("united_states", "russia")}


def test_the_most_specific_deal_an_article_names():
    text = ("NUR-SULTAN - The guarantor states met for the Astana talks in Nur-Sultan on Friday, the thirteenth round of "
            "the Astana format. The Syrian delegation said the Sochi memorandum was not being carried out, and the Astana "
            "guarantors promised to meet again in Nur-Sultan.")
    assert article_agreement(text, "2019-08-02") == "sochi_2018"


def test_a_time_description_of_the_cessation():
    text = "He said the armed groups had repeatedly violated the December cessation of hostilities."
    assert named_agreement(text, "2017-05-04") == "other:dec_2016_ceasefire"
