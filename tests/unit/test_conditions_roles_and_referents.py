"""Referents, roles and conditions: the de-escalation regime of a story on Daraa; "it" in a clause joined to a
reported one; a generic deal described, in a story on a specific one; a researcher on a country, who speaks for no
state; an act "in violation of" a deal, whose doer is the act's; a break through defences, which breaks no deal; a
charge set as a condition ("depended on"); "the groups" after groups described. Written for these tests; no labelled
set's text."""

from pipeline.analyzer.agreements import article_agreement
from pipeline.analyzer.core import analyze
from tests.conftest import rule_claims, statement_of


def test_the_de_escalation_regime_of_a_story_on_daraa():
    text = ("The militants in Daraa and Quneitra have stepped up their attacks on Jabhat al-Nusra's orders, in gross "
            "violation of the de-escalation regime. Nusra still controls much of the zone.")
    assert article_agreement(text, "2018-06-28") == "other:southwest_deescalation_2017"


def test_it_in_a_clause_joined_to_a_reported_one_is_the_reported_subject():
    text = ("Muallem said Ankara had pledged under the Sochi agreement with Russia to remove heavy weapons from the zone, "
            "but it did not fulfill its obligations.")
    assert rule_claims(text) == {("syria", "turkey")}


def test_a_generic_deal_described_in_a_story_on_a_specific_one():
    text = ("Syria's Foreign Minister said Turkey has failed to fulfill its obligations under a de-escalation deal for "
            "the northwestern province of Idlib.\n\nHe said Ankara had pledged under the September 2018 Sochi agreement "
            "to remove heavy weapons from a demilitarized zone, and that the Sochi memorandum had not been implemented.")
    found = analyze("Muallem: Turkey failed to meet Sochi commitments", text, date="2019-05-21").accusations
    assert {a.agreement for a in found if a.accused == "turkey"} == {"sochi_2018"}


def test_a_researcher_on_a_country_speaks_for_no_state():
    text = "“Turkey has not kept its promises,” said Omar Kassem, a researcher on Syria at a Beirut-based think tank."
    assert statement_of(text, "Turkey has not").speaker_actor is None
    assert not rule_claims(text)


def test_an_act_in_violation_of_a_deal_is_its_doer_s():
    text = ("Putin said the militants in Idlib continued to attack Syrian army positions. He expressed concern over what "
            "he described as the militants' continuing attacks “in violation of the Sochi memorandum.”")
    assert rule_claims(text) == {("russia", "armed_groups")}


def test_a_break_through_defences_breaks_no_deal():
    text = ("“Large groups of terrorists broke through the defences of the Syrian army with the support of Turkish "
            "artillery fire,” the Russian centre said in a statement on the ceasefire.")
    assert not rule_claims(text)
    assert ("russia", "armed_groups") in rule_claims("Russia said the militants broke the ceasefire in Idlib 12 times.")


def test_a_charge_set_as_a_condition():
    text = ("The High Negotiations Committee said it agreed to a temporary truce, but that its acceptance depended on "
            "Russia and the Syrian government halting attacks on civilians.")
    assert not rule_claims(text)


def test_the_groups_after_groups_described():
    text = ("Syrian rebel groups said Monday they were freezing talks, accusing the regime of violating the truce.\n\n"
            "The groups accused government forces and Lebanon's Hezbollah movement of breaching the truce in the Wadi "
            "Barada valley.")
    assert ("armed_groups", "other:hezbollah") in rule_claims(text)
