"""Attacks before a truce began, acts to be prevented, a sky no one must leave, a task to come held as a duty and a
truce only called for charge no one; a relative that puts an act on a party, "who is violating it … it is X" and
"whoever is violating it is X", a fronted subject before an aside, refusing or obstructing a keeping, being "not
faithful" to a deal, being slow "in" an owed act and an act described as aimed at a deal charge. Written for these
tests; no labelled set's text."""

import pytest

from tests.conftest import rule_claims
from tests.unit.test_trailing_attribution import statements


def test_an_attack_before_the_truce_began_breaches_nothing():
    text = ("A military source told SANA that terrorist groups had shelled the Hamdaniya district with rockets, a few "
            "hours before the cessation of hostilities came into force.")
    assert rule_claims(text) == set()


def test_an_attack_after_the_truce_began_still_charges():
    # the guard: after its start, the attack is a breach
    text = ("A military source told SANA that terrorist groups had shelled the Hamdaniya district with rockets, hours "
            "after the cessation of hostilities came into force.")
    assert rule_claims(text) == {("syria", "armed_groups")}


def test_acts_to_be_prevented_are_not_done():
    text = ("The Turkish Defence Ministry said the joint patrol took a shorter route to prevent provocations by radical "
            "groups along the ceasefire line.")
    assert rule_claims(text) == set()


def test_a_sky_is_no_place_anyone_must_leave():
    text = ("Opposition sources said Russian drones have not left the skies over Jabal al-Zawiya since the ceasefire "
            "took effect.")
    assert rule_claims(text) == set()


def test_held_responsible_for_a_task_to_come_is_a_duty():
    text = ("The State Department said Washington holds Moscow responsible for restraining the regime so that the "
            "ceasefire in Idlib holds.")
    assert ("united_states", "russia") not in rule_claims(text)


def test_held_responsible_for_an_attack_still_charges():
    # the guard: responsibility for a breach is a charge
    text = "The State Department said Washington holds Moscow responsible for the violations of the Idlib ceasefire."
    assert ("united_states", "russia") in rule_claims(text)


def test_a_truce_only_called_for_gives_an_attack_no_truce_to_breach():
    text = ("The French Foreign Ministry condemned the regime's bombardment of Daraa al-Balad and called for an "
            "immediate ceasefire.")
    assert rule_claims(text) == set()


def test_a_relative_that_puts_an_act_on_a_party_names_its_doer():
    text = ("The Turkish Defence Ministry said the artillery strike, which it attributed to regime forces, ran counter "
            "to the Moscow protocol.")
    assert rule_claims(text) == {("turkey", "syria")}


@pytest.mark.parametrize("text", [
    '"When we look at who is breaking the ceasefire, it is the regime and Hezbollah," Cavusoglu told reporters.',
    '"If you look at who is violating the truce, you see that it is the regime," Cavusoglu told reporters.',
])
def test_who_is_looked_at_for_a_breach_is_who_the_answer_names(text):
    assert ("turkey", "syria") in rule_claims(text)


def test_whoever_is_violating_it_is_who_the_copula_names():
    text = ('"Whoever is breaking the truce in Eastern Ghouta is the regime," said Hamza Bayraqdar, a spokesman for '
            "Jaish al-Islam.")
    assert rule_claims(text) == {("armed_groups", "syria")}


def test_a_subject_fronted_before_an_aside_is_the_doer():
    text = ("The Syrian army and its Russian allies, Jeffrey told reporters in Washington, have breached every truce "
            "agreed for Idlib.")
    assert rule_claims(text) == {("united_states", "syria"), ("united_states", "russia")}


def test_refusing_the_implementation_of_a_deals_terms():
    text = ("A Syrian military source said the armed groups in Daraa al-Balad had obstructed the implementation of the "
            "terms of the settlement agreement.")
    assert rule_claims(text) == {("syria", "armed_groups")}


def test_not_faithful_to_a_deal():
    assert rule_claims("Erdogan said Moscow was not being faithful to the Sochi memorandum.") == {("turkey", "russia")}


def test_slow_in_an_owed_act():
    text = "Lavrov said Ankara has been slow in clearing the M4 highway of militants, as the Moscow protocol requires."
    assert rule_claims(text) == {("russia", "turkey")}


def test_an_act_described_as_aimed_at_a_deal_is_its_doers():
    text = ("The Russian Defence Ministry described the actions of the militants near Saraqib as a provocation aimed at "
            "undermining the Sochi memorandum.")
    assert ("russia", "armed_groups") in rule_claims(text)


def test_whom_one_informs_is_not_the_doer_of_what_one_tells():
    text = ("The Turkish side informed the Russian side that the continued shelling of civilians by regime forces "
            "amounted to a violation of the Moscow protocol.")
    assert ("turkey", "russia") not in rule_claims(text)


def test_an_act_that_confirms_is_evidence_not_a_speaker():
    text = ("The Syrian Foreign Ministry said the terrorist attack on the joint patrol confirms that the Turkish regime "
            "has not fulfilled its obligations under the Moscow protocol.")
    assert rule_claims(text) == {("syria", "turkey")}


def test_an_agency_named_in_brackets_gives_its_state_to_its_source():
    text = ("The official news agency of the regime (SANA) quoted a military source as saying that the terrorist "
            "groups had breached the cessation of hostilities near Latakia.")
    assert statements(text)[0][2] == "syria"


def test_an_envoy_of_a_president_for_syria_is_the_presidents():
    from pipeline.analyzer.gazetteer import gazetteer
    assert gazetteer().resolve("the special envoy of the Russian President for Syria") == "russia"


def test_a_dateline_after_a_sites_page_lines():
    from pipeline.analyzer.core import dateline_agency, _dateline
    text = ("Gulf Daily\n\nWorld > Middle East\n\nTurkey, Russia trade accusations over Idlib\n\nAFP\n"
            "Filed on May 14, 2019 | Updated 07.35 am\n\nBeirut / Ankara - Turkey on Monday accused Syrian forces of "
            "targeting one of its observation posts.")
    span = _dateline(text)
    assert span is not None and text[span[0]:span[1]].startswith("Beirut / Ankara")
    assert dateline_agency(text) is None


def test_their_after_a_party_and_its_ally_is_both():
    text = ("The Syrian National Coalition said the regime and its Iranian allies were besieging the town and that "
            "their attacks were a flagrant violation of the Astana agreements.")
    assert rule_claims(text) == {("armed_groups", "syria"), ("armed_groups", "iran")}
