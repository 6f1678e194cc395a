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


def test_who_undertook_in_an_as_clause_is_the_main_subject():
    text = ('"Regrettably, our Turkish colleagues have not yet managed to fully separate the moderate groups from the '
            'terrorists, as they undertook to do under the Moscow protocol," the Russian envoy Alexander Lavrentiev '
            'said.')
    assert rule_claims(text) == {("russia", "turkey")}


def test_an_act_described_as_a_breach_in_the_passive():
    text = ("The Syrian army launched an offensive on rebel towns in Daraa last week. The offensive has been described "
            "by Washington as a violation of the de-escalation arrangement.")
    assert rule_claims(text) == {("united_states", "syria")}


def test_the_act_a_verb_was_done_in_described_as_a_breach():
    text = ("Russian jets bombed a base of US-backed rebels near the border on Thursday, killing four fighters, in raids "
            "that US officials described as a violation of the cessation of hostilities.")
    assert rule_claims(text) == {("united_states", "russia")}


def test_a_department_that_publishes_speaks_in_its_voice():
    from pipeline.analyzer.accusations import outlet_voice

    assert outlet_voice("U.S. Department of State") is not None
    assert outlet_voice("Reuters") is None


def test_a_repeated_complaint_reports_speech():
    text = ("In Moscow, Foreign Minister Sergei Lavrov repeated the complaint that Washington had not honoured its "
            "promise to pull the rebels it backs out of the areas the Nusra Front holds.")
    statement = reported_of(text, "In Moscow")
    assert statement.speaker == "Sergei Lavrov"


def test_a_party_said_to_be_one_that_breaches():
    text = ("Opposition negotiator Yahya al-Aridi said Moscow was not a guarantor but a party that breaks the truces "
            "it signs.")
    assert rule_claims(text) == {("armed_groups", "russia")}


def test_compelling_a_party_to_abide_by_a_truce():
    text = ("The Syrian National Coalition urged the guarantor states to compel the Assad regime to abide by the "
            "ceasefire in Idlib.")
    assert rule_claims(text) == {("armed_groups", "syria")}


def test_compelling_a_party_to_abide_by_other_resolutions_is_no_truce_charge():
    # the guard: resolutions on terrorism are no truce
    text = ("The Syrian National Coalition urged the Security Council to compel the Assad regime to abide by "
            "resolutions 2170 and 2178.")
    assert rule_claims(text) == set()


def test_the_militias_of_the_regime_are_the_regime():
    from pipeline.analyzer.gazetteer import gazetteer

    assert gazetteer().resolve("the regime's militias") == "syria"
    assert gazetteer().resolve("Syria's main opposition group") == "armed_groups"
    assert gazetteer().resolve("the regime's ally Russia") == "russia"  # (the guard: a party named after it)
