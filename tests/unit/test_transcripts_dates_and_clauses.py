"""Agreements by date and kind, briefing transcripts and clauses: a place a later deal covers, in a story written before
it; a generic name beside a specific zone; "the ceasefire" of an Eastern Ghouta story that also names Nusra; the
south-west zone in the June 2018 offensive; "the ceasefire" in Idlib after March 2020, which names no deal by itself;
a briefing's question, which is no release of the ministry that publishes it; a restrictive relative that tells what a
party keeps doing; a "but that" clause the parser hung on the reported verb; a paragraph's first word after a line
with no full stop; an act "inconsistent with" a truce under "chose to"; a transcript label with an office before the
name; an act made a passive's subject, whose doer was told before. Written for these tests; no labelled set's text."""

import pytest

from pipeline.analyzer.agreements import article_agreement, named_agreement
from tests.conftest import counted_pairs, rule_claims, statement_of


def test_a_place_a_later_deal_covers_names_no_deal_before_it():
    sentence = ("The general said the shelling by the Turkish armed forces of positions near the town of Tal Abyad on "
                "Friday evening was a violation of the truce.")
    assert named_agreement(sentence, "2016-03-05", sentence) != "ne_syria_2019"
    assert named_agreement(sentence, "2019-11-05", sentence) == "ne_syria_2019"


def test_a_generic_name_yields_to_the_specific_zone_the_story_names():
    text = ("We are alarmed by reports from the southwestern de-escalation zone. The militants there keep shelling "
            "government areas. Washington says Russia is violating the de-escalation arrangement.")
    assert article_agreement(text, "2018-06-28") == "other:southwest_deescalation_2017"


def test_the_ceasefire_of_an_eastern_ghouta_story_that_names_nusra():
    text = ("The regime pressed its assault on Eastern Ghouta on Monday with air strikes, artillery and a ground "
            "offensive. It is a violation of the ceasefire, the spokeswoman said. Moscow says the fight against Nusra "
            "will go on.")
    assert article_agreement(text, "2018-02-27") == "other:ghouta_truce_2018"


def test_the_south_west_zone_in_the_june_2018_offensive():
    text = "The militants in Daraa and Quneitra have violated the ceasefire dozens of times, the ministry said."
    assert article_agreement(text, "2018-06-28") == "other:southwest_deescalation_2017"


def test_the_ceasefire_in_idlib_after_march_2020_names_no_deal():
    assert article_agreement("Militants violated the ceasefire in Idlib 12 times over the past day.", "2021-06-12") is None
    assert article_agreement("Militants violated the protocol in Idlib 12 times over the past day.",
                             "2021-06-12") == "moscow_2020"


def test_a_briefing_question_is_no_release_of_its_publisher():
    text = ("Question: The US State Department has called the humanitarian pause a joke and says the Syrian army is "
            "violating the ceasefire in Eastern Ghouta. How would you comment?\n\n"
            "Maria Zakharova: The militants entrenched there are shelling the humanitarian corridor in violation of "
            "the truce.")
    claims = rule_claims(text, outlet="Ministry of Foreign Affairs of the Russian Federation")
    assert ("russia", "syria") not in claims
    assert ("russia", "armed_groups") in claims


@pytest.mark.parametrize("habit", ["on a daily basis", "every day", "repeatedly"])
def test_a_restrictive_relative_of_what_a_party_keeps_doing(habit):
    text = (f"Syrian Foreign Minister Faisal Mekdad said the army has the right to respond to the attacks of the "
            f"terrorists who violate the ceasefire {habit}.")
    assert ("syria", "armed_groups") in rule_claims(text)


def test_a_restrictive_relative_of_what_any_such_party_would_be():
    assert not rule_claims("Syrian Foreign Minister Faisal Mekdad said the army would strike groups that violate the "
                           "ceasefire.")


def test_a_but_that_clause_is_the_outer_verb_s_report():
    text = ('In Moscow, the Russian Defence Ministry said its coordination centre at the Hmeimim air base in Latakia had '
            'registered nine violations of the ceasefire by armed groups, but that the truce was "being observed in '
            'general".')
    assert statement_of(text, "being observed").speaker == "Russian Defence Ministry"


def test_a_paragraph_s_first_word_after_a_line_with_no_full_stop():
    text = ("Russia proposed joint strikes on Nusra in Syria, the ministry said.\n\n"
            "READ MORE: Lavrov: Moderates still sharing positions with Nusra in Aleppo\n\n"
            "Washington promised in February to separate the moderate opposition from Nusra, but that has still not "
            "happened, Russian Foreign Minister Sergey Lavrov said on Thursday.")
    assert ("russia", "united_states") in counted_pairs(text, date="2016-05-20")


def test_an_act_inconsistent_with_the_truce_under_chose_to():
    text = ("Russian and Syrian forces have instead chosen to pursue a military path, inconsistent with the cessation "
            "of hostilities, State Department spokesman John Kirby said.")
    assert {("united_states", "syria"), ("united_states", "russia")} <= rule_claims(text)


def test_a_transcript_label_with_an_office_before_the_name():
    text = ("President of Russia Vladimir Putin: Mr President, friends, ladies and gentlemen,\n\n"
            "We focused on the developments in Syria, above all in the Idlib de-escalation zone.\n\n"
            "President of Turkey Recep Tayyip Erdogan (retranslated): Mr President, dear friend,\n\n"
            "I would like to thank President Putin for his hospitality.\n\n"
            "The current crisis in Idlib was caused by the attacks of the regime, which violated the Sochi memorandum "
            "and the ceasefire.")
    assert rule_claims(text, outlet="President of Russia") == {("turkey", "syria")}


def test_an_act_made_a_passive_s_subject_is_its_doer_s_told_before():
    text = ("Militants fired shells at Aleppo from the zone, Konashenkov said. The shelling was carried out in violation "
            "of the Sochi agreement, he said.")
    assert rule_claims(text) == {("russia", "armed_groups")}
