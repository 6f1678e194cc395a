"""Charges told in the voices of ministry releases and agency copy: "has not abided by" (which the parser reads
with a passive's agent), a victim's passive ("a soldier was killed in a regime attack, in violation of…"),
"in what X called a violation", and indirect statements after "affirmed", "stressed", "emphasised". The
sentences are written for these tests; none is taken from a labelled set."""

import pytest

from pipeline.analyzer.core import analyze
from tests.conftest import rule_claims

CONTEXT = "Ankara and Moscow met again on the Idlib ceasefire agreement this week. "


def rule_pairs(sentence: str) -> set[tuple[str, str]]:
    return rule_claims(CONTEXT + sentence, after=len(CONTEXT))


@pytest.mark.parametrize("sentence, pair", [
    ("The Syrian Foreign Ministry said that Turkey has not abided by its commitments under the Sochi agreement.",
     ("syria", "turkey")),
    ("Russian officials said the militants had not abided by the truce.", ("russia", "armed_groups")),
    # the passive it is told apart from: the agent is who did not keep them
    ("The Russian ministry said the obligations had not been met by the Turkish side.", ("russia", "turkey")),
])
def test_a_commitment_not_abided_by_charges_the_subject(sentence, pair):
    assert pair in rule_pairs(sentence)


@pytest.mark.parametrize("sentence, pair", [
    ("The Turkish Defence Ministry said one Turkish soldier was killed in a regime attack in Idlib, in a clear "
     "violation of the ceasefire.", ("turkey", "syria")),
    ("The Turkish Defense Ministry said two soldiers were wounded by Syrian government shelling on an observation "
     "post, a clear breach of the Idlib ceasefire.", ("turkey", "syria")),
    ("The Turkish Defence Ministry said an observation post was shelled by regime forces in violation of the truce.",
     ("turkey", "syria")),
])
def test_a_victims_passive_charges_who_did_it_not_the_victim(sentence, pair):
    found = rule_pairs(sentence)
    assert pair in found
    assert ("turkey", "turkey") not in found


def test_a_passive_that_names_no_doer_charges_no_one():
    assert rule_pairs("The Russian defence ministry said its base was attacked in violation of the ceasefire.") == set()


@pytest.mark.parametrize("sentence, pair", [
    ("Regime forces shelled the town of Ariha, in what the Turkish Defence Ministry called a flagrant violation of "
     "the truce.", ("turkey", "syria")),
    ("The Turkish Defence Ministry said regime forces shelled Ariha, in what it described as a clear violation of the "
     "ceasefire.", ("turkey", "syria")),
    ("A Russian soldier was wounded in an attack by militants, in what the Russian military described as a violation "
     "of the ceasefire.", ("russia", "armed_groups")),
])
def test_in_what_someone_called_a_violation_is_their_charge(sentence, pair):
    assert pair in rule_pairs(sentence)


@pytest.mark.parametrize("verb", ["affirmed", "stressed", "emphasised", "reiterated", "noted"])
def test_a_ministry_that_affirms_makes_a_statement_with_its_charge(verb):
    text = (CONTEXT + f"The Syrian Foreign Ministry {verb} that Turkey has not complied with its commitments under "
            "the Sochi agreement.")
    analysis = analyze("Idlib ceasefire", text, date="2020-06-10")
    statements = [s for s in analysis.statements if s.kind == "indirect"]
    assert [s.speaker for s in statements] == ["Syrian Foreign Ministry"]
    assert ("syria_mfa", "turkey") in {(a.accuser, a.accused) for a in analysis.accusations}


def test_whom_a_source_accuses_is_not_whom_it_speaks_to():
    text = (CONTEXT + "A military source accused the Turkish army of failing to fulfil its pledges under the Moscow "
            "agreement. Another military source told SANA that the terrorists had shelled Suqaylabiyah.")
    statements = analyze("Idlib ceasefire", text, date="2020-06-10").statements
    assert [s.speaker_actor for s in statements if s.kind == "indirect"] == [None, "syria"]


def test_a_lead_whose_speaker_stands_in_apposition_before_has_said():
    text = ("Washington's continued military presence in north-eastern Syria is undermining the de-escalation "
            "arrangements reached within the Astana format, Russia's special presidential envoy for Syria, Alexander "
            "Lavrentiev, has said.")
    analysis = analyze("US presence undermines Astana de-escalation efforts", text, date="2019-12-11")
    assert [s.speaker for s in analysis.statements] == ["Alexander Lavrentiev"]
    assert ("alexander_lavrentiev", "united_states") in {(a.accuser, a.accused) for a in analysis.accusations}


def test_a_body_or_state_that_says_in_a_relative_clause_speaks():
    text = CONTEXT + "Russia, which says the militants have violated the ceasefire hundreds of times, has stepped up air strikes."
    analysis = analyze("Idlib ceasefire", text, date="2020-06-10")
    assert [s.speaker_actor for s in analysis.statements] == ["russia"]
    assert ("russia", "armed_groups") in {(a.accuser, a.accused) for a in analysis.accusations}


@pytest.mark.parametrize("sentence", [
    "Terrorist shelling of government positions violated the ceasefire, the Russian Reconciliation Centre said.",
    "The Russian Reconciliation Centre said militant attacks on government positions were a violation of the ceasefire.",
])
def test_terrorist_or_militant_attacks_are_the_armed_groups(sentence):
    assert ("russia", "armed_groups") in rule_pairs(sentence)


def test_a_reporting_verb_in_an_adverbial_clause_does_not_frame_the_sentence():
    sentence = ("Jet strikes blamed on the Syrian regime hit the opposition-held cities hours after the US and Russia "
                "announced a deal intended to bring a ceasefire.")
    assert ("united_states", "syria") not in rule_pairs(sentence)
    assert ("united_states", "syria") in rule_pairs("The US announced that the Syrian regime had violated the ceasefire.")


@pytest.mark.parametrize("sentence, charged, not_charged", [
    ("Iran condemned the continued Israeli attacks on Syria as a violation of the ceasefire.", "israel", "syria"),
    ("Iran's Foreign Ministry spokesman blamed the recent escalation in Syria's northwestern province of Idlib on "
     "terrorist groups that violate the truce.", "armed_groups", "syria"),
])
def test_where_an_act_happened_is_not_who_is_charged_with_it(sentence, charged, not_charged):
    found = {accused for _, accused in rule_pairs(sentence)}
    assert charged in found and not_charged not in found
