"""A title is the post a person holds: not a relative clause about what they did, not the sex of someone it names."""

import pytest

from pipeline.analyzer.gender import sex_of_title
from tests.conftest import direct_quotes, reported_of


def test_a_relative_clause_in_an_apposition_gives_the_person_no_party():
    text = ("His remarks contrasted with those of Jane Holloway, the senator's likely rival in the November election, "
            "who urged more airstrikes on Islamic State territory.\n\n"
            "Holloway said the truce in Idlib had been broken by the regime.")
    statement = reported_of(text, "Holloway said")
    assert statement.speaker == "Jane Holloway" and statement.speaker_actor != "isis"


def test_she_is_the_woman_an_apposition_calls_the_rival_of_a_man():
    text = ("Donald Trump said the attack in Idlib showed the truce had failed. His comments contrasted with those of "
            "Hillary Clinton, the wealthy businessman's likely Democratic rival in the election, who urged more "
            "airstrikes on Islamic State territory.\n\n"
            "\u201cThe Orlando terrorist may be dead, but the virus remains,\u201d Trump said.\n\n"
            "In her response to the massacre, Clinton, warned against demonizing Muslim Americans.\n\n"
            "\u201cWe must attack the virus that poisoned his mind,\u201d she said in a speech in Cleveland.")
    assert direct_quotes(text)[-1] == ("We must attack the v", "Hillary Clinton")


def test_a_post_held_stays_in_the_title():
    text = "\u201cThe regime has broken the truce,\u201d said Abu Omar, a commander who leads the Hamza Division, in Idlib."
    assert reported_of(text, "The regime has broken").speaker_actor == "armed_groups"


@pytest.mark.parametrize("title, sex", [
    ("the wealthy businessman's likely Democratic rival", None),
    ("the businessman\u2019s daughter", "f"),
    ("the businessman", "m"),
    ("Foreign Ministry spokeswoman", "f"),
])
def test_a_possessor_s_sex_is_not_the_title_holder_s(title, sex):
    assert sex_of_title(title) == sex
