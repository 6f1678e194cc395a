"""Translated copy: "the attacks of the regime"; a keeping said to be absent; a source an agency quotes is that agency's
state's; where a group is deployed is no verb of the clause; condemning someone's words is no breach charge; returning
to an accusation is making it. Written for these tests; no labelled set's text."""

from tests.conftest import rule_claims
from tests.unit.test_trailing_attribution import statements


def test_the_attacks_of_the_regime_are_the_regimes():
    text = ('"The attacks of the regime on the villages of Jabal al-Zawiya are a clear violation of the Moscow '
            'protocol," Turkish Defence Minister Hulusi Akar said.')
    assert rule_claims(text) == {("turkey", "syria")}


def test_the_attacks_of_a_place_or_on_positions_name_no_doer():
    # the guard: after "of", a place or what was hit is no party
    text = ('"The attacks of Turkish positions near Saraqib are a clear violation of the Moscow protocol," the Russian '
            "Defence Ministry said.")
    assert ("russia", "turkey") not in rule_claims(text)


def test_a_keeping_said_to_be_absent_falls_short():
    text = ("The SDF said the implementation by the Russian side of its commitments as a guarantor of the ceasefire is "
            "absent on the ground.")
    assert rule_claims(text) == {("sdf", "russia")}


def test_patrols_absent_from_an_area_charge_no_one():
    # the guard: what is absent is no keeping
    assert rule_claims("The SDF said the Russian patrols were absent from the area near the ceasefire line.") == set()


def test_a_source_an_agency_quotes_is_that_agencys_state():
    text = "SANA quoted a military source as saying that the terrorists had breached the truce near Saraqib."
    assert statements(text) == [("indirect", "military source", "syria")]


def test_where_a_group_is_deployed_is_no_verb_of_the_clause():
    text = ("A military source told SANA that the terrorist groups deployed in the Idlib area had breached the "
            "cessation of hostilities agreement 13 times.")
    assert rule_claims(text) == {("syria", "armed_groups")}


def test_condemning_someones_statements_is_no_breach_charge():
    text = ("The Syrian Foreign Ministry strongly condemned the statements made by Turkish Foreign Minister Mevlut "
            "Cavusoglu about the ceasefire in Wadi Barada.")
    assert ("syria", "turkey") not in rule_claims(text)


def test_returning_to_an_accusation_is_making_it():
    text = ("State Department spokeswoman Heather Nauert returned to accusing Russia and the Syrian government of "
            "violating resolution 2401.")
    assert rule_claims(text) == {("united_states", "russia"), ("united_states", "syria")}
