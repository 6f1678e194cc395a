"""Quotes after verbs of going on and answering back, names the tagger took for common nouns, colon lead-ins
whose scene-setting clause holds another cue, and programme titles that are no one's words."""

import pytest

from pipeline.analyzer.core import analyze
from tests.conftest import direct_quotes as direct

LEAD = "Russian Foreign Minister Sergei Lavrov spoke to reporters in Moscow on Monday about Idlib.\n\n"


@pytest.mark.parametrize("attribution", [
    "he continued", "Lavrov went on, visibly irritated", "Lavrov countered", "Lavrov shot back", "Lavrov exclaimed",
])
def test_a_quote_followed_by_a_verb_of_going_on_or_answering_back_is_the_subjects(attribution):
    found = direct(LEAD + f'"We expect our Turkish partners to carry out their obligations in full," {attribution}.')
    assert [speaker for _, speaker in found] == ["Sergei Lavrov"]


def test_continuing_an_action_is_no_speech():
    text = (LEAD + 'Speaking to the channel\'s "Evening With Vladimir Solovyov," Lavrov continued his attacks on '
            'Ankara. The militants continued to shell the town.')
    assert direct(text) == []


def test_a_name_the_tagger_reads_as_a_common_noun_speaks_after_a_quote():
    text = ('"Marco Rubio won tonight and I was very glad to see that. I think we need him back in the Senate," '
            'Hannity said during a panel on his show.')
    assert [speaker for _, speaker in direct(text)] == ["Hannity"]


def test_the_main_clause_of_a_colon_lead_in_speaks_not_the_clause_that_sets_the_scene():
    text = ("When Lavrov suggested that Turkey would pull out of the deal, Cavusoglu fired back forcefully: "
            "\"We are not going anywhere and we expect Russia to keep its word.\"")
    assert [speaker for _, speaker in direct(text)] == ["Mevlut Cavusoglu"]


def test_a_colon_lead_in_adding_to_a_statement_is_still_its_speakers():
    text = 'Lavrov said the militants had violated the truce, adding: "This cannot go on for much longer in Idlib."'
    assert [speaker for _, speaker in direct(text)] == ["Sergei Lavrov"]


def test_a_programme_title_after_a_possessive_is_no_quote_but_a_possessed_phrase_is():
    text = ('Speaking to MSNBC\'s "Andrea Mitchell Reports," Turkish Foreign Minister Mevlut Cavusoglu said '
            'Ankara would stay.\n\nSyria has urged the Security Council to end Turkey\'s "repeated acts of '
            'aggression" against Ain Issa, the Foreign Ministry said.')
    assert [quote for quote, _ in direct(text)] == ["repeated acts of agg"]


@pytest.mark.parametrize("introduced, description, speaker", [
    ("Gen. Frank McKenzie, the head of U.S. Central Command, also testified.", "the general", "Frank McKenzie"),
    ("Sen. Lindsey Graham spoke after the meeting.", "the senator", "Lindsey Graham"),
    ("Maj. Gen. Yury Borenkov briefed reporters at Hmeimim.", "the general", "Yury Borenkov"),
])
def test_an_abbreviated_title_is_the_role_a_later_description_names(introduced, description, speaker):
    text = ("Russian Foreign Minister Sergei Lavrov said on Monday that the militants were shelling Russian positions.\n\n"
            + introduced + f' "The regime has never respected the truce in the northwest," {description} said.')
    assert [found for _, found in direct(text)] == [speaker]


def test_a_role_goes_to_the_one_who_became_the_subject_after_the_last_holder_spoke():
    text = ("Russian Foreign Minister Sergei Lavrov said on Monday that the militants were shelling Russian positions.\n\n"
            "Turkish Foreign Minister Mevlut Cavusoglu arrived in Sochi on Tuesday for talks.\n\n"
            '"We will not leave our posts in Idlib, whatever happens," the minister said.')
    assert [found for _, found in direct(text)] == ["Mevlut Cavusoglu"]


def test_a_verb_joined_by_and_speaks_with_the_subject_it_shares():
    text = ('Russian Foreign Ministry spokeswoman Maria Zakharova took questions on Thursday and called the attack '
            '"a gross violation of the Sochi memorandum."')
    assert [speaker for _, speaker in direct(text)] == ["Maria Zakharova"]


def test_a_charge_after_and_said_is_the_shared_subjects():
    text = ("Turkish President Recep Tayyip Erdogan spoke in Ankara on Tuesday and said the Syrian regime had "
            "violated the Idlib ceasefire again.")
    found = analyze("Erdogan says regime violated Idlib ceasefire", text)
    assert [(a.accuser, a.accused) for a in found.accusations] == [("recep_tayyip_erdogan", "syria")]


def test_a_passive_verb_joined_by_and_is_no_ones_speech():
    text = ('The group emerged in Idlib in late spring and was initially welcomed by some residents as "a force '
            'that would finally protect us".')
    assert direct(text) == []


def test_a_description_no_one_resolves_speaks_as_written_not_as_the_speaker_before():
    text = ('"The truce exists only on paper," said one Syrian refugee in Gaziantep.\n\n'
            '"Russian jets struck Maarat al-Numan twice overnight," the Britain-based monitor said.')
    assert [speaker for _, speaker in direct(text)] == ["one Syrian refugee in Gaziantep", "Britain-based monitor"]


@pytest.mark.parametrize("attribution, speaker", [
    ("said a displaced woman from Kafr Nabl", "displaced woman from Kafr Nabl"),
    ("a teacher in Idlib city told AFP", "teacher in Idlib city"),
    ("said a senior aide to the Turkish president", "senior aide to the Turkish president"),
])
def test_unnamed_people_speak_as_described(attribution, speaker):
    assert [found for _, found in direct(f'"We have nowhere left to go," {attribution}.')] == [speaker]


def test_a_body_the_report_refers_back_to_by_a_common_noun_speaks_under_its_name():
    text = ("Fighting raged in Idlib, the Syrian Observatory for Human Rights said.\n\n"
            '"At least 14 air strikes hit Maarat al-Numan overnight," the Britain-based monitor said.')
    assert [speaker for _, speaker in direct(text)] == ["Syrian Observatory for Human Rights"]


def test_a_body_the_gazetteer_does_not_know_speaks_under_the_name_the_text_gives_it():
    text = ('However, the Union of Medical Care and Relief Organizations said on Thursday, "We have never recorded '
            'so many breaches of the truce in one day."')
    assert [speaker for _, speaker in direct(text)] == ["Union of Medical Care and Relief Organizations"]


def test_one_of_a_counted_group_is_named_without_the_count():
    text = ('Two Turkish officials spoke to Reuters on condition of anonymity on Monday.\n\n'
            '"Russia has not kept a single promise in Idlib," one said.')
    assert [speaker for _, speaker in direct(text)] == ["Turkish official"]
