"""A body speaks under the fullest name the article gives it: an acronym it spells out, a lower-case description
of its name, a description of where it is based."""

import pytest

from pipeline.analyzer.speakers import defined_acronyms
from tests.conftest import reported_of, statement_of

QUOTE = '"The regime forces violated the ceasefire again this morning," '


@pytest.mark.parametrize("text, speaker", [
    ("Fighters of Hayat Tahrir al-Sham (HTS) shelled the town on Monday. " + QUOTE + "HTS said in a statement.",
     "Hayat Tahrir al-Sham"),
    ("The Kurdish People's Protection Units (YPG) reported the attacks. " + QUOTE + "the YPG said.",
     "Kurdish People's Protection Units"),
    ("The Alliance to Reclaim Our Schools (AROS) held rallies in 200 cities. " + QUOTE + "AROS said.",
     "Alliance to Reclaim Our Schools"),
])
def test_an_acronym_the_article_spells_out_speaks_by_its_name(text, speaker):
    assert statement_of(text, "The regime forces").speaker == speaker


@pytest.mark.parametrize("text, expected", [
    ("On Monday the Syrian Observatory for Human Rights (SOHR) said", {"SOHR": "Syrian Observatory for Human Rights"}),
    ("the Syrian Arab News Agency (SANA) reported", {"SANA": "Syrian Arab News Agency"}),
    ("the Islamic Revolutionary Guard Corps (IRGC) said", {"IRGC": "Islamic Revolutionary Guard Corps"}),
    # a dateline, a headline run into the text, a run that may begin before the name: nothing is spelt out
    ("Deir Ezzor (AFP) - Fighting raged on.", {}),
    ("MSF Syrian Regime Used Chemical Weapons in Hama Beirut Doctors Without Borders (MSF) said", {}),
    ("Fighters of Kurdish People's Protection Units (YPG) said", {}),
    ("Sources in the Syrian Observatory (SOHR) said", {}),
])
def test_what_an_acronym_spells(text, expected):
    assert defined_acronyms(text) == expected


@pytest.mark.parametrize("text, speaker", [
    ("The Russian Centre for Reconciliation of Opposing Sides in Syria said militants opened fire. " + QUOTE
     + "the Russian reconciliation centre said.", "Russian Centre for Reconciliation of Opposing Sides in Syria"),
    ("The Turkish Ministry of National Defence said two soldiers died. " + QUOTE + "the Turkish defence ministry said.",
     "Turkish Ministry of National Defence"),
    # where a body is based names no one: without its hyphen, "London based" is not Britain speaking
    ("The Syrian Observatory for Human Rights said 12 civilians died. " + QUOTE + "the London based monitor said.",
     "Syrian Observatory for Human Rights"),
    ("The Syrian Observatory for Human Rights based in Britain said 12 civilians died. " + QUOTE
     + "the Observatory said.", "Syrian Observatory for Human Rights"),
])
def test_a_description_of_a_named_body_speaks_by_the_name(text, speaker):
    assert statement_of(text, "The regime forces").speaker == speaker


def test_a_description_is_no_part_of_the_name():
    text = ("The Britain-based Syrian Observatory for Human Rights said 12 civilians died. " + QUOTE
            + "the observatory said.")
    assert statement_of(text, "The regime forces").speaker == "Syrian Observatory for Human Rights"


def test_a_description_with_words_of_its_own_speaks_as_written():
    text = "The Syrian Democratic Forces said 12 civilians died. " + QUOTE + "the Kurdish-led forces said."
    assert statement_of(text, "The regime forces").speaker == "Kurdish-led forces"


@pytest.mark.parametrize("text, speaker", [
    ("Jaish al-Izza said its fighters repelled the attack on Monday. " + QUOTE + "the rebel group said.", "Jaish al-Izza"),
    ("Hayat Tahrir al-Sham said its fighters repelled the attack. " + QUOTE + "the jihadist group said.",
     "Hayat Tahrir al-Sham"),
])
def test_a_group_described_by_its_side_is_the_group_named_before(text, speaker):
    assert statement_of(text, "The regime forces").speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    ('"A suicide bomber blew himself up in Hasakah city," said Rami Abdel Rahman, head of the Syrian Observatory for '
     "Human Rights. Fighting has forced 13,000 residents to flee Manbij. " + QUOTE + "the head of the Syrian "
     "Observatory said.", "Rami Abdel Rahman"),
    ("Major General Oleg Zhuravlev, head of the Russian Centre for Reconciliation, said militants fired mortars. "
     + QUOTE + "the head of the Russian reconciliation centre said.", "Oleg Zhuravlev"),
])
def test_the_holder_of_a_post_at_a_body_named_before_speaks(text, speaker):
    assert statement_of(text, "The regime forces").speaker == speaker


def test_the_head_of_another_group_is_someone_else():
    text = ("Mohamad Alloush, head of the Jaish al-Islam rebel group, said the truce was fragile. " + QUOTE
            + "the head of another rebel group said.")
    assert statement_of(text, "The regime forces").speaker != "Mohamad Alloush"


def test_a_monitor_in_the_lead_is_the_one_monitor_named_below():
    text = ("Eleven children were killed on Thursday in a barrel bomb attack on Aleppo, a monitor said. "
            + QUOTE + "the Syrian Observatory for Human Rights said.")
    assert reported_of(text, "Eleven children").speaker == "Syrian Observatory for Human Rights"


def test_words_before_a_body_s_name_that_only_describe_it_are_left_out():
    text = QUOTE + "the Britain-based Syrian Observatory for Human Rights said."
    assert statement_of(text, "The regime forces").speaker == "Syrian Observatory for Human Rights"


def test_a_reporter_of_an_agency_is_not_the_agency():
    text = "A SANA reporter in Aleppo said that terrorists fired rockets at the city, violating the truce."
    assert reported_of(text, "A SANA reporter").speaker != "SANA"


def test_the_body_a_noun_points_back_to_is_named_as_the_mention_with_that_noun():
    text = ("The Russian army sent more troops to Hmeimim on Friday, and the Russian military police began patrols. "
            + QUOTE + "the army said in a statement.")
    assert statement_of(text, "The regime forces").speaker == "Russian army"


def test_an_embassy_is_named_with_the_post_the_article_gave_it():
    text = ("Shots were heard in Ankara, according to the U.S. Embassy in Ankara. The U.S. Embassy said in a statement: "
            "\"We urge U.S. citizens to contact family and friends to let them know you are safe.\"")
    assert statement_of(text, "We urge").speaker == "U.S. Embassy in Ankara"


@pytest.mark.parametrize("text, speaker", [
    ("Britain's Sky News says it received the data from a former member of the group. " + QUOTE + "Sky reports.",
     "Sky News"),
    ("Turkish troops entered Idlib on Monday, Anadolu Agency reported. " + QUOTE + "Anadolu said.", "Anadolu Agency"),
    # two fuller names: no telling which
    ("Sky News and Sky TV both carried the report. " + QUOTE + "Sky said.", "Sky"),
])
def test_a_medium_s_one_word_name_is_the_fuller_one_the_article_writes(text, speaker):
    assert statement_of(text, "The regime forces").speaker == speaker
