"""This session's analyzer classes on sentences written for these tests: parties outside the canonical list,
transliterated surnames, possessive states, reciprocal accusations and coordinated parties."""

import pytest

from pipeline.analyzer.gazetteer import gazetteer, skeleton
from tests.conftest import rule_claims


def rule_pairs(sentence: str) -> set[tuple[str, str]]:
    return rule_claims(sentence)


@pytest.mark.parametrize("phrase, party", [
    ("Hezbollah fighters", "other:hezbollah"),
    ("Iranian-backed militias", "other:iran_backed_militias"),
    ("the Saudis", "other:saudi_arabia"),
    ("Saudi-backed rebels", "armed_groups"),
    ("Syria's main opposition group", "armed_groups"),
    ("the High Negotiations Committee", "armed_groups"),
    ("Iranian-backed Hezbollah", "other:hezbollah"),
    ("the Iran-backed Lebanese Hezbollah group", "other:hezbollah"),
    ("Iran-backed militias", "other:iran_backed_militias"),
    ("Turkish-backed factions shelled SDF positions", "armed_groups"),
])
def test_parties_roll_up_as_the_guidelines_label_them(phrase, party):
    g = gazetteer()
    actor = g.resolve(phrase)
    assert g.is_party(actor) and g.rollup(actor) == party


def test_a_state_in_the_possessive_yields_only_to_another_party():
    g = gazetteer()
    assert g.rollup(g.resolve("Syria's government")) == "syria"
    assert g.resolve("Russia's foreign ministry") == "russia_mfa"


@pytest.mark.parametrize("spelling, person", [
    ("Foreign Minister Walid al-Moualem", "walid_al_muallem"),
    ("Faisal Miqdad", "faisal_mekdad"),
    ("Sergei Shoygu", "sergei_shoigu"),
    ("Lavrentyev", "alexander_lavrentiev"),
])
def test_known_people_under_other_transliterations(spelling, person):
    assert gazetteer().resolve(spelling) == person


def test_short_skeletons_need_a_given_name_or_an_article():
    assert skeleton("Aside") == skeleton("Assad") == "asd"
    assert gazetteer().resolve("Aside from that") is None


def test_parties_that_accuse_each_other_are_two_claims():
    assert {("syria", "armed_groups"), ("armed_groups", "syria")} <= rule_pairs(
        "The Syrian army and the rebels in Idlib accused each other of violating the ceasefire on Sunday.")
    assert {("sdf", "turkey"), ("turkey", "sdf")} <= rule_pairs(
        "Kurdish-led forces and Ankara traded accusations on Saturday of violating the truce.")


def test_praise_for_each_other_is_no_accusation():
    assert rule_pairs("Russia and Turkey met in Sochi and praised each other for the calm.") == set()


def test_every_coordinated_accused_is_charged():
    assert {("syria", "turkey"), ("syria", "other:qatar")} <= rule_pairs(
        "The Syrian foreign ministry accused Turkey and Qatar of undermining the Idlib ceasefire by arming the militants.")


def test_two_parties_charged_in_one_sentence_when_the_parser_joins_the_second_to_the_first_object():
    sentence = ("Zakharova said the terrorists in Idlib had violated the ceasefire and Turkey had failed to fulfil its "
                "obligations.")
    assert rule_pairs(sentence) == {("russia", "armed_groups"), ("russia", "turkey")}


def test_guard_a_second_verb_after_a_list_of_places_keeps_its_own_subject():
    sentence = "Zakharova said the militants had shelled Saraqeb and Ariha and violated the Idlib ceasefire."
    assert rule_pairs(sentence) == {("russia", "armed_groups")}
