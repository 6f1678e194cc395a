"""A dateline after a headline and a byline, a body led by someone, a demand joined to another asked act, a pledge
the parser hung on a noun, a reluctant keeping, "countered that", a task said undone after the demand, a place as no
doer. Written for these tests; no labelled set's text."""

from pipeline.analyzer.core import _dateline
from tests.conftest import reported_of, rule_claims


def test_a_dateline_after_a_headline_and_a_byline_is_found():
    text = ("Truce talks stall in the Kazakh capital as rival delegations trade charges over the front\n\n"
            "By Anna Brown and Omar Said\n\nASTANA, Kazakhstan — The two delegations met for an hour on Tuesday.")
    span = _dateline(text)
    assert span is not None and text[span[0]:span[1]] == "ASTANA, Kazakhstan — "


def test_a_story_paragraph_before_it_is_no_heading():
    # the guard: a long first paragraph is the story, and a place and a dash after it are the story's own words
    text = ("The talks between the government and the armed opposition stalled on Tuesday after the two delegations "
            "refused to sit in one room, diplomats said, and the mediators from Russia, Turkey and Iran left early\n\n"
            "Damascus — and its allies — rejected the call.")
    assert _dateline(text) is None


def test_a_dateline_set_close_against_its_dash():
    text = "WASHINGTON—Russian jets struck a rebel camp near the border last week."
    span = _dateline(text)
    assert span is not None and text[span[0]:span[1]] == "WASHINGTON—"


def test_the_body_speaks_not_the_one_who_leads_it():
    text = ("The opposition delegation, headed by Nasr al-Hariri, claimed that government forces had broken the truce "
            "in the south of the zone several times this week.")
    assert rule_claims(text) == {("armed_groups", "syria")}


def test_a_demand_joined_to_another_asked_act():
    text = ('"We urge our Turkish colleagues to stop arming the militants and sending them fighters, and to fulfil '
            'the commitments they made in Sochi," Foreign Ministry spokeswoman Maria Zakharova said.')
    assert rule_claims(text) == {("russia", "turkey")}


def test_a_conjunct_with_its_own_subject_is_no_act_asked_for():
    # the guard: "we will keep ours" is the speaker's own promise
    text = ('"We urge our Turkish colleagues to pull back their guns, and we will fulfil the commitments we made in '
            'Sochi," Foreign Ministry spokeswoman Maria Zakharova said.')
    assert rule_claims(text) == set()


def test_a_pledge_the_parser_hung_on_a_noun():
    text = ("A source at the Syrian Foreign Ministry said in remarks carried by state television that Ankara had "
            "promised under the Sochi memorandum to pull the militants back from the road, yet the shelling "
            "continues.")
    assert rule_claims(text) == {("syria", "turkey")}


def test_a_reluctant_keeping_is_a_charge():
    text = ("Syrian Foreign Minister Faisal Mekdad said Turkey seemed reluctant to honour its obligations under the "
            "Moscow protocol.")
    assert rule_claims(text) == {("syria", "turkey")}


def test_countered_that_reports_speech():
    text = ("Russian Ambassador Vassily Nebenzia countered that the militants, not the army, were violating the "
            "de-escalation zone.")
    statement = reported_of(text, "Russian Ambassador")
    assert statement.speaker == "Vassily Nebenzia"
    assert rule_claims(text) == {("russia", "armed_groups")}


def test_a_task_said_undone_after_the_demand():
    text = ("Foreign Ministry spokeswoman Maria Zakharova said Moscow expected Ankara to meet its obligation to "
            "disarm the radicals in Idlib, adding that this had not been done a year after the deal.")
    assert rule_claims(text) == {("russia", "turkey")}


def test_a_demand_with_nothing_said_undone_is_an_appeal():
    # the guard: what is said after the demand is no task left undone
    text = ("Foreign Ministry spokeswoman Maria Zakharova said Moscow expected Ankara to meet its obligation to "
            "disarm the radicals in Idlib, adding that the talks had not been easy.")
    assert rule_claims(text) == set()


def test_a_place_where_an_attack_struck_names_no_doer():
    text = ("The Russian Defence Ministry said a joint patrol had been targeted by an explosive device in Syria's "
            "Idlib province on Tuesday.")
    assert rule_claims(text) == set()
