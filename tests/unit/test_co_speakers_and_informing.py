"""Every party of a joined subject speaks what it says ("Russia and Turkey have accused each other…", "Damascus and
Moscow said…"), and what one party informs another of is its statement."""

import pytest

from tests.conftest import counted_pairs, reported_of


@pytest.mark.parametrize("text, pairs", [
    ("Both Russia and Turkey have accused each other of failing to honour the deal on Idlib.",
     {("russia", "turkey"), ("turkey", "russia")}),
    ("Damascus and Moscow said the continued presence of Hayat Tahrir al-Sham fighters in the zone was a breach of "
     "the Sochi deal.", {("syria", "armed_groups"), ("russia", "armed_groups")}),
])
def test_every_party_of_a_joined_subject_speaks(text, pairs):
    assert pairs <= counted_pairs(text, date="2019-05-01")


def test_what_one_party_informs_another_of_is_its_statement():
    text = ("The Russian side informed the Turkish side that the militants' attacks on Hmeimim air base breached the "
            "Idlib memorandum.")
    said = reported_of(text, "The Russian side")
    assert said.speaker_actor == "russia"
    assert ("russia", "armed_groups") in counted_pairs(text, date="2019-05-01")
