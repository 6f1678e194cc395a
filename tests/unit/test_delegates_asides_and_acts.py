"""A delegate's paragraph in UN meetings coverage, speech that goes on past a sentence in the plain past, official
missions as publishers, an "it" for the deal of the sentence before, an aside "it said" and an aside set
in after a subject, a reason given under a supposition. Written for these tests; no labelled set's text."""

import pytest

from pipeline.analyzer.accusations import outlet_voice
from pipeline.analyzer.agreements import named_agreement
from tests.conftest import rule_claims


def test_a_delegate_paragraph_is_the_delegate_s_to_its_end():
    text = ("Vassily Nebenzia (Russian Federation) expressed condolences for the Turkish servicemen, but said they had "
            "been among the combat formations of terrorists. The root of the crisis lay in the non-fulfilment by Turkey "
            "of its obligations under the Sochi memorandum.")
    assert rule_claims(text) == {("russia", "turkey")}


def test_a_delegate_named_by_whom_he_speaks_for():
    text = ("Speaking for Turkey, Feridun Hadi Sinirlioglu said 34 Turkish soldiers had been killed in the attack. The "
            "regime's offensive, launched in flagrant violation of the Sochi memorandum, had encircled several of the "
            "Turkish observation posts.")
    assert ("turkey", "syria") in rule_claims(text)


def test_reported_speech_goes_on_past_a_sentence_in_the_plain_past():
    text = ("Lavrov said the situation in Idlib remained tense. The militants were numerous and well armed. They had "
            "violated the ceasefire dozens of times since March.")
    assert rule_claims(text) == {("russia", "armed_groups")}


@pytest.mark.parametrize("outlet, voice", [
    ("United States Mission to the United Nations", "united_states"),
    ("Permanent Mission of the Russian Federation to the United Nations", "russia"),
    ("Mission Syria blog", None),
])
def test_an_official_mission_publishes_in_its_state_s_voice(outlet, voice):
    assert outlet_voice(outlet) == voice


def test_the_ceasefire_announced_at_the_end_of_august():
    text = "The regime has resumed airstrikes in southern Idlib, in violation of the ceasefire announced at the end of August."
    assert named_agreement(text, "2019-11-22") == "other:aug_2019_truce"


def test_it_for_the_deal_named_in_the_sentence_before():
    text = ("\u201cThis is the end of the Sochi agreement. The regime has torn it up with its aircraft,\u201d Captain Naji "
            "Mustafa, the spokesperson of the National Front for Liberation, said.")
    assert rule_claims(text) == {("armed_groups", "syria")}


def test_an_aside_it_said_is_the_body_that_reports():
    text = ("Ankara's version is the mirror image. Turkish reinforcements continued to cross at Kafr Lusin.\n\nThe "
            "Russian Center for Reconciliation of Opposing Sides reported on March 8 that it had registered several "
            "cease-fire violations, all of them, it said, by terrorist groups shelling government-held areas.")
    assert rule_claims(text) == {("russia", "armed_groups")}


def test_a_subject_before_an_aside_is_still_the_subject():
    text = ("Syrian President Bashar al-Assad spoke on Rossiya 24. Turkey, he said, had not carried out a single one of "
            "its obligations under the Sochi agreement.")
    assert rule_claims(text) == {("syria", "turkey")}


def test_a_reason_given_is_asserted_whatever_the_clause_supposes():
    text = ("The president of the Syrian Opposition Coalition, Anas al-Abdah, said the Coalition would deal with the "
            "agreement with caution, since Russia had not honoured the commitments it made in Sochi and Astana.")
    assert rule_claims(text) == {("armed_groups", "russia")}


def test_a_condition_still_supposes():
    text = "Anas al-Abdah said the Coalition would respond if Russia did not honour the commitments it made in Sochi."
    assert not rule_claims(text)
