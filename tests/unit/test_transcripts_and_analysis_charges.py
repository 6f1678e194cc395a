"""Transcripts and long analysis pieces: a turn label with a bracketed aside, a third party's words reported inside a
turn, UN delegates written "NAME (Country)", charges made by "blowing apart" a truce, by "no longer abiding", by
"not willing to fulfil", by a statement "accusing X of A and Y of B", and a "they" that is the group the sentence
before was about. Written for these tests; no labelled set's text."""

import pytest

from tests.conftest import counted_pairs, reported_of, rule_claims

TRANSCRIPT = (
    "Press conference of the foreign ministers, Ankara\n\n"
    "Sergey Lavrov: We discussed the situation in the Idlib de-escalation zone in detail.\n\n"
    "Mevlut Cavusoglu (interpreted from Turkish): We are concerned. The regime's shelling of villages south of Idlib "
    "violates the ceasefire of March 5.\n\n"
    "Question (to Sergey Lavrov): Will the joint patrols on the M4 resume?\n\n"
    "Sergey Lavrov: Our Turkish colleagues undertook to separate the moderate opposition from the terrorists, but "
    "this task has still not been fulfilled.\n")


def test_a_turn_label_with_a_bracketed_aside_names_its_speaker():
    assert reported_of(TRANSCRIPT, "The regime's shelling").speaker_actor == "mevlut_cavusoglu"
    assert ("turkey", "syria") in rule_claims(TRANSCRIPT)
    assert ("russia", "syria") not in rule_claims(TRANSCRIPT)


def test_a_question_labelled_with_its_addressee_is_no_ones_turn():
    assert reported_of(TRANSCRIPT, "Our Turkish colleagues").speaker_actor == "sergei_lavrov"
    with pytest.raises(StopIteration):
        reported_of(TRANSCRIPT, "Question (to Sergey Lavrov)")


INTERVIEW = (
    "An interview on the Idlib front\n\n"
    "Karim Nassar: What does Ankara make of the offensive?\n\n"
    "Omar Halabi: Turkish officials have said repeatedly that the regime's bombing of Maarat al-Numan is a violation "
    "of the de-escalation agreement. I would add that the offensive has displaced thousands. So far Moscow has not shown any "
    "evidence that would confirm its claims.\n")


def test_a_third_partys_words_reported_inside_a_turn_are_theirs():
    assert reported_of(INTERVIEW, "Omar Halabi: Turkish officials").speaker_actor == "turkey"
    assert ("turkey", "syria") in rule_claims(INTERVIEW)


@pytest.mark.parametrize("opening", ["I would add", "So far Moscow"])
def test_the_rest_of_a_turn_stays_the_labelled_speakers(opening):
    assert reported_of(INTERVIEW, opening).speaker == "Omar Halabi"


def test_a_un_delegate_written_with_a_country_in_brackets_speaks_for_it():
    text = ("The Security Council met on the collapse of the truce in Aleppo.\n\n"
            "PETER WILSON (United Kingdom) said the Syrian regime had violated the cessation of hostilities.")
    assert reported_of(text, "PETER WILSON").speaker_actor == "uk"
    assert ("uk", "syria") in rule_claims(text)


@pytest.mark.parametrize("text, pair", [
    ("The French envoy said Russia and the regime had blown apart the cessation of hostilities in Aleppo.",
     ("france", "syria")),
    ("Erdogan made clear over the weekend that his patience was wearing thin, telling reporters that Russia was "
     "no longer abiding by the Sochi agreement.", ("turkey", "russia")),
    ("The Syrian foreign minister said that Ankara does not appear willing to fulfil its obligations under the "
     "Sochi memorandum.", ("syria", "turkey")),
    ("Rebel commanders made the same charge, accusing Russia of continuing reconnaissance flights and sporadic "
     "airstrikes on the villages of Jabal al-Zawiya in breach of the truce.", ("armed_groups", "russia")),
    ("Damascus suspended the truce on Monday, with an army statement accusing Turkey of failing to honour its "
     "commitments under the Sochi memorandum.", ("syria", "turkey")),
])
def test_charges_of_analysis_pieces(text, pair):
    assert pair in rule_claims(text)


def test_a_charge_joined_to_a_second_party_charges_that_party():
    text = ("The Syrian army accused Turkey of failing to honour its Sochi commitments and the armed groups of refusing "
            "to abide by the ceasefire.")
    assert {("syria", "turkey"), ("syria", "armed_groups")} <= rule_claims(text)


def test_they_are_the_officials_the_sentence_before_was_about():
    text = ("Mr Jaafari said Turkey had not implemented the commitments it made in Moscow. Turkish officials reject "
            "that account. They point instead to what they call Russia's failure to honour the October 2019 "
            "memorandum on the YPG's withdrawal from the border.")
    assert ("turkey", "russia") in counted_pairs(text)
    assert ("syria", "russia") not in counted_pairs(text)


def test_groups_that_declared_their_adherence_to_the_truce_are_its_armed_parties():
    text = ("The Russian centre in Hmeimim said it had registered twelve violations of the truce by groups that had "
            "officially declared their adherence to the cessation of hostilities.")
    assert ("russia", "armed_groups") in rule_claims(text)
    assert reported_of(text, "The Russian centre").speaker_actor != "armed_groups"


@pytest.mark.parametrize("text", [
    "Cavusoglu said Turkey is willing to fulfil its obligations under the Sochi memorandum.",
    "The rebels kept up their attacks on the regime's positions, a monitor said, but no one mentioned the truce.",
    "Delegates of France and Germany said they would meet in New York next week to discuss aid deliveries.",
])
def test_no_charge_without_one(text):
    assert rule_claims(text) == set()
