"""A complaint made by a letter, a protest or a call for attention is reported speech, and a keeping a party was
unable to do is undone when the deal called for it (found by grids of frames in the voices of state media, each read
by the whole analyzer; written for these tests, no labelled text).

"The Foreign Ministry sent two identical letters to the UN on the continuous Turkish violations…", "lodged a complaint
over…", "drew attention to…", "raised the issue of…" say what "complained about…" says. "Turkey had been unable to
neutralise the terrorists, as required by the Sochi agreements" charges Turkey as "had not neutralised…, as required"
does; "as it undertook to do" is such a requirement too. A keeping a relative clause says is not done ("…, which it
has not done", "…, something it has yet to do") charges who was to keep it.
"""

import pytest

from tests.conftest import counted_pairs

LEAD = ("The ceasefire in Syria's Idlib province, agreed by Russia and Turkey, has come under growing pressure this "
        "week.\n\n")


def _counted(text: str) -> set[tuple[str, str]]:
    return counted_pairs(LEAD + text, date="2020-09-10")


@pytest.mark.parametrize("text, pair", [
    ("The Syrian Foreign Ministry sent two identical letters to the UN Secretary-General on the continued violations by "
     "the Turkish regime of the ceasefire agreement.", ("syria", "turkey")),
    ("The Russian Foreign Ministry sent a letter to the Security Council about the militants' violations of the truce.",
     ("russia", "armed_groups")),
    ("The Syrian Foreign Ministry lodged a complaint over Turkey's violations of the ceasefire.", ("syria", "turkey")),
    ("The Turkish Foreign Ministry drew attention to the regime's violations of the Idlib ceasefire.", ("turkey", "syria")),
    ("The Russian envoy raised the issue of Turkey's violations of the Sochi memorandum with the UN.", ("russia", "turkey")),
    ("The Syrian Foreign Ministry protested against Turkey's violations of the ceasefire.", ("syria", "turkey")),
    ("The Russian Defence Ministry referred to repeated violations of the ceasefire by the militants.",
     ("russia", "armed_groups")),
])
def test_a_complaint_by_letter_or_protest_is_the_complainers_charge(text, pair):
    assert pair in _counted(text)


@pytest.mark.parametrize("text", [
    "The Syrian Foreign Ministry sent a letter to Ankara on the implementation of the ceasefire.",
    "The Russian envoy raised the issue of the ceasefire with Turkish officials.",
    "Lavrov drew attention to the need for all parties to respect the ceasefire.",
    "The ministry referred to the ceasefire agreement signed in Moscow in March.",
    "The UN sent a letter to all parties urging them to respect the ceasefire.",
])
def test_a_letter_or_an_issue_with_no_breach_in_it_charges_no_one(text):
    assert _counted(text) == set()


@pytest.mark.parametrize("text", [
    "Peskov said Turkey had so far been unable to neutralise the terrorists in Idlib, as required by the Sochi agreements.",
    "Peskov said Turkey had been unable to neutralise the terrorists in Idlib, as it undertook to do under the Sochi "
    "agreements.",
    "Peskov said Turkey had not neutralised the terrorists in Idlib, as it undertook to do under the Sochi agreements.",
])
def test_an_owed_act_a_party_was_unable_to_do_is_undone(text):
    assert ("russia", "turkey") in _counted(text)


@pytest.mark.parametrize("text", [
    "Turkish troops were unable to reach the observation post as planned because of the shelling, the ministry said.",
    "The army was unable to advance as it had hoped, a military source said.",
    "Russia said the joint patrol had been unable to complete its route as agreed because protesters blocked the road.",
])
def test_an_act_hindered_by_others_charges_no_one(text):
    assert _counted(text) == set()


@pytest.mark.parametrize("text", [
    "Turkey was supposed to withdraw its heavy weapons from the zone, which it has not done, Lavrov said.",
    "Ankara had pledged to clear the M4 highway of militants, something it has yet to do, Lavrov said.",
    "Under the Sochi memorandum, Turkey undertook to separate the opposition from the terrorists, which has not "
    "happened, Lavrov said.",
])
def test_a_keeping_a_relative_clause_says_is_undone(text):
    assert ("russia", "turkey") in _counted(text)


@pytest.mark.parametrize("text", [
    "Turkey agreed to withdraw from the posts, which it has done, Lavrov said.",
    "The Turkish army was to set up observation posts, which it did within a month, Lavrov said.",
])
def test_a_keeping_a_relative_clause_says_is_done_is_no_charge(text):
    assert _counted(text) == set()
