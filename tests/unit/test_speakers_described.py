"""Speakers a report names by an epithet, a party or nation, or a name at a colon."""

import pytest

from tests.conftest import direct_quotes

QUOTE = '"The regime has violated the truce again and again," '


def test_the_age_epithet_is_the_person_named_last():
    text = ("Abu Ahmad fled Maarat al-Numan in December with his family. " + QUOTE + "the 34-year-old told AFP.")
    assert direct_quotes(text) == [("The regime has viola", "Abu Ahmad")]


def test_a_person_named_inside_a_quote_is_not_the_epithet_s_person():
    text = '"Donald is, and always has been, an amazing leader," said the 46-year-old.'
    assert direct_quotes(text) == [("Donald is, and alway", "46-year-old")]


def test_an_age_with_an_indefinite_article_is_someone_new():
    text = "Abu Ahmad fled Maarat al-Numan in December. " + QUOTE + "said a 34-year-old resident of the town."
    assert direct_quotes(text) == [("The regime has viola", "34-year-old resident of the town")]


@pytest.mark.parametrize("subject, speaker", [
    ("one Republican involved in the planning", "one Republican involved in the planning"),
    ("one Syrian", "one Syrian"),
])
def test_one_of_a_party_or_nation_speaks_as_described(subject, speaker):
    assert direct_quotes(QUOTE + f"said {subject}.") == [("The regime has viola", speaker)]


def test_one_of_a_nation_speaks_for_no_state():
    from pipeline.analyzer.core import analyze

    statements = analyze("Idlib truce", QUOTE + "said one Syrian.", quotes_everywhere=True).statements
    assert [s.speaker_actor for s in statements] == [None]


def test_the_person_named_at_a_colon_speaks_when_no_one_above_does():
    text = ("The timing of the surge does not surprise Republican pollster Daron Shaw: \"Historically, lesser-known "
            "candidates have seen the biggest boost in their national support.\"")
    assert direct_quotes(text) == [("Historically, lesser", "Daron Shaw")]


def test_one_who_speaks_above_a_colon_keeps_the_quote():
    text = "Erdogan went after Assad on Tuesday: \"He is a murderer who has violated every ceasefire in Idlib.\""
    assert direct_quotes(text) == [("He is a murderer who", "Erdogan")]


def test_the_pontiff_is_the_pope_named_before():
    text = ("Pope Francis called for peace on Sunday. \"We must give comfort and relief to the civil population,\" "
            "the pontiff said.")
    assert direct_quotes(text) == [("We must give comfort", "Francis")]


def test_a_title_phrase_names_its_role_but_not_for_a_lesser_title():
    from pipeline.analyzer.speakers import holds_role

    assert holds_role("Turkish Prime Minister", "premier") and holds_role("Pope", "pontiff")
    assert not holds_role("Deputy Prime Minister", "premier")
