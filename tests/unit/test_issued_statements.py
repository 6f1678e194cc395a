"""Whoever releases, issues or posts a statement speaks through it; one who only answers a statement does not."""

import pytest

from tests.conftest import counted_pairs, reported_of


@pytest.mark.parametrize("text, opening, speaker", [
    ("Before her death was announced, her husband posted a photo of her.\n\n"
     "Brendan Cox later released a statement saying his wife would have had no regrets about her life.",
     "Brendan Cox later", "Brendan Cox"),
    ("After the Security Council met, Senate Majority Leader Mitch McConnell issued a statement saying that the "
     "Senate should not confirm anyone before the election.", "After the Security Council", "Mitch McConnell"),
])
def test_the_one_who_releases_a_statement_speaks(text, opening, speaker):
    assert reported_of(text, opening).speaker == speaker


def test_a_state_s_ministry_issuing_a_statement_charges_for_its_state():
    text = "The Syrian Foreign Ministry issued a statement saying Turkey had violated the Sochi agreement in Idlib."
    assert counted_pairs(text) == {("syria", "turkey")}


def test_one_who_rejects_a_statement_does_not_speak_through_it():
    text = ("Damascus rejected a statement by the Turkish Defence Ministry saying Syria had violated the Sochi "
            "agreement in Idlib.")
    assert reported_of(text, "Damascus rejected").speaker_actor != "syria"
