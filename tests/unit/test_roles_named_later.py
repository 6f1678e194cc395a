"""A role named before its holder (the lead's "the deputy premier said", the name a paragraph below) is that holder."""

import pytest

from pipeline.analyzer.speakers import title_fits
from tests.conftest import counted_pairs, direct_quotes, reported_of


def test_a_lead_role_is_the_one_holder_named_below():
    text = ("ANKARA -- Turkey can take in no more people from Idlib, \u201cnot one more family,\u201d the deputy "
            "premier said on Sunday.\n\n"
            "Deputy Prime Minister Bekir Bozdag told reporters that the camps on the border were full.")
    assert direct_quotes(text) == [("not one more family,", "Bekir Bozdag")]


def test_a_state_s_role_is_its_holder_below_who_speaks_for_the_state():
    text = ("DAMASCUS -- Turkey has not fulfilled its obligations under the Sochi memorandum on Idlib, the Russian "
            "ambassador told RIA Novosti on Tuesday.\n\n"
            "Ambassador Ivan Petrovsky said Ankara had not separated the militants from the moderate opposition.")
    statement = reported_of(text, "Turkey has not fulfilled")
    assert (statement.speaker, statement.speaker_actor) == ("Ivan Petrovsky", "russia")
    # the name below speaks for the state the role gave it
    assert reported_of(text, "Ambassador Ivan Petrovsky").speaker_actor == "russia"
    assert ("russia", "turkey") in counted_pairs(text)


@pytest.mark.parametrize("text", [
    # someone anonymous is no one the story names later
    "ANKARA -- \u201cThe regime has broken the Idlib ceasefire again,\u201d a Turkish official said on Tuesday.\n\n"
    "Foreign Minister Mevlut Cavusoglu later told reporters that Ankara would respond.",
    # two holders of the role below: neither is chosen
    "PARIS -- \u201cThe shelling of Idlib must stop now,\u201d the president said.\n\n"
    "French President Jean Dupont spoke on Friday, and U.S. President John Smith spoke on Saturday.",
    # another office of the same rank
    "ANKARA -- \u201cThe regime has broken the Idlib ceasefire again,\u201d the foreign minister said.\n\n"
    "Defence Minister Omer Yildiz said the army would respond.",
    # a lesser office than the one named
    "ANKARA -- \u201cThe regime has broken the Idlib ceasefire again,\u201d the premier said.\n\n"
    "Deputy Prime Minister Omer Yildiz said the army would respond.",
    # another state's ambassador
    "MOSCOW -- \u201cThe Sochi memorandum is not being honoured in Idlib,\u201d the Russian ambassador said.\n\n"
    "Turkish Ambassador Mehmet Samsar said Ankara kept every commitment.",
])
def test_no_one_named_below_is_chosen_for_a_role_that_is_not_theirs(text):
    assert not any(speaker and speaker.endswith(("Cavusoglu", "Dupont", "Smith", "Yildiz", "Samsar"))
                   for _, speaker in direct_quotes(text))


def test_a_counted_group_is_no_one_named_below():
    text = ("WASHINGTON -- Three former aides said the ceasefire in Idlib had been doomed from the start.\n\n"
            "Former aide John Ward told the paper the talks had gone badly.")
    assert reported_of(text, "Three former aides").speaker != "John Ward"


@pytest.mark.parametrize("title, role, qualifiers, fits", [
    ("Deputy Prime Minister", "premier", ("deputy",), True),
    ("Deputy Prime Minister", "premier", (), False),
    ("Prime Minister", "premier", ("deputy",), False),
    ("Jakarta police chief", "chief", ("jakarta", "police"), True),
    ("Foreign Ministry spokeswoman", "spokeswoman", ("foreign", "ministry"), True),
    ("Foreign Ministry spokesperson", "spokeswoman", ("foreign", "ministry"), True),
    ("Defence Minister", "minister", ("foreign",), False),
    ("Sen.", "senator", (), True),
    (None, "senator", (), False),
])
def test_a_title_fits_a_role_and_its_other_words(title, role, qualifiers, fits):
    assert title_fits(title, role, qualifiers) is fits
