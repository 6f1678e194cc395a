"""One who speaks for another ("a spokesman for President Erdogan") speaks, for the state of the one served."""

import pytest

from tests.conftest import counted_pairs, direct_quotes, reported_of


@pytest.mark.parametrize("text, served", [
    ("\u201cWe all know this is one of the trickiest points in Idlib,\u201d a spokeswoman for British Prime Minister "
     "David Cameron said.", "David Cameron"),
    ("\u201cThe regime has violated the Sochi deal in Idlib,\u201d a spokesman for President Erdogan told reporters.",
     "Erdogan"),
])
def test_the_one_served_is_not_the_speaker(text, served):
    (_, speaker), = direct_quotes(text)
    assert speaker != served and "spokes" in speaker


def test_one_who_speaks_for_a_president_charges_for_the_president_s_state():
    text = ("ANKARA -- A spokesman for Turkish President Recep Tayyip Erdogan said the regime had violated the "
            "Idlib truce.")
    assert reported_of(text, "A spokesman for").speaker != "Recep Tayyip Erdogan"
    assert counted_pairs(text) == {("turkey", "syria")}


@pytest.mark.parametrize("text, speaker", [
    # the spokesman's own name, set beside the body served
    ("A spokesman for the Turkish-backed National Front for Liberation, Naji Mustafa, said the strikes in Idlib were "
     "\u201ca clear breach of the Moscow agreement by the Russian occupiers.\u201d", "Naji Mustafa"),
    ("Asked about that, a spokesman for the Kurdish-led Syrian Democratic Forces, Mustafa Bali, said on Twitter: "
     "\u201cNo one in Moscow briefings speaks for the people of northeast Syria.\u201d", "Mustafa Bali"),
])
def test_a_spokesman_named_beside_the_body_is_the_speaker(text, speaker):
    assert direct_quotes(text)[0][1] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Russia and Syria's leader Bashar al-Assad, Gen Breedlove said, were \u201cdeliberately weaponising migration in "
     "an attempt to overwhelm European structures.\u201d", "Breedlove"),
    ("The regime and its Iranian allies, Naji Mustafa said, had \u201cnever once respected the ceasefire in Idlib.\u201d",
     "Naji Mustafa"),
])
def test_a_name_set_off_with_its_cue_speaks_not_the_clause_s_subject(text, speaker):
    (_, found), = direct_quotes(text)
    assert found.endswith(speaker)
