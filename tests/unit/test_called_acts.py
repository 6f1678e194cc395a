"""Acts called breaches: ", which X called a breach" after an act, after a clause, after
a recording verb's act; violations "attributed to" a party by a joined verb; "calling it a violation" after "accused X
of shelling"; "The Front's spokesman" after the front is named; a relative that carries its own "it said" under a
hypothetical; a briefing's question after the briefing's opening. Written for these tests; no labelled set's
text."""

import pytest

from tests.conftest import rule_claims, statement_of


@pytest.mark.parametrize("text, pair", [
    ("After the raid, rebels answered with a barrage of rockets on regime positions in the Hama countryside, which "
     "Syrian state media called a breach of the truce.", ("syria", "armed_groups")),
    ("A senior Turkish official told reporters that Russian drones had been spotting targets for the regime's "
     "artillery, which he called a clear breach of the truce.", ("turkey", "russia")),
    ("Russian general Sergei Kuralenko also said the center had registered artillery fire from Turkish territory "
     "toward the Kurdish-held town of Tal Abyad, which he described as a breach of the cessation.", ("russia", "turkey")),
])
def test_which_x_called_a_breach(text, pair):
    assert pair in rule_claims(text)


def test_the_clause_before_which_x_called_a_breach_charges_its_doer_not_its_last_party():
    text = ("A senior Turkish official told reporters that Russian drones had been spotting targets for the regime's "
            "artillery, which he called a clear breach of the truce.")
    assert ("turkey", "syria") not in rule_claims(text)


@pytest.mark.parametrize("share", ["all of them", "most of them"])
def test_violations_attributed_to_a_party_by_a_joined_verb(share):
    text = (f"Russia's defence ministry said it had recorded 14 violations of the truce over the previous 24 hours and "
            f"attributed {share} to armed opposition groups.")
    assert rule_claims(text) == {("russia", "armed_groups")}


def test_violations_attributed_to_something_else_charge_no_one():
    text = ("Russia's defence ministry said it had recorded 14 violations of the truce and attributed the rise to the "
            "weather.")
    assert not rule_claims(text)


def test_the_front_s_spokesman_after_the_front_is_named():
    text = ("The National Front for Liberation announced that it had completed the withdrawal of its heavy weapons.\n\n"
            "The Front's spokesman, Captain Naji Mustafa, told SMART that “our fighters remain in their positions.”\n\n"
            "Mustafa accused regime forces of shelling the villages of al-Tamanah and al-Zarzour the same day, calling "
            "it “a clear violation of the Sochi agreement”.")
    assert statement_of(text, "our fighters").speaker_actor == "armed_groups"
    assert ("armed_groups", "syria") in rule_claims(text)


def test_a_relative_with_its_own_it_said_under_a_hypothetical():
    text = ("The Syrian military, in a statement carried by SANA, made no mention of the hospital. It said instead that "
            "it would respond to “terrorist groups” which, it said, had shelled government-held districts in violation "
            "of the truce.")
    assert rule_claims(text) == {("syria", "armed_groups")}


def test_a_briefing_question_after_its_opening_is_the_asker_s_report():
    text = ("Briefing by the Foreign Ministry spokeswoman on the situation in Eastern Ghouta.\n\n"
            "Question: The US State Department has called the humanitarian pause a joke and says the Syrian army is "
            "violating the ceasefire in Eastern Ghouta.\n\n"
            "Maria Zakharova: The militants entrenched there are shelling the humanitarian corridor in violation of "
            "the truce.")
    claims = rule_claims(text, outlet="Ministry of Foreign Affairs of the Russian Federation")
    assert ("united_states", "syria") in claims and ("russia", "syria") not in claims
