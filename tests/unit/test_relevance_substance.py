"""Relevance on real news: the truce must be a topic (headline, lead, more than a background clause).

The sentences are written for these tests in the styles of wire, state-media and Arab outlets.
"""

from pipeline.analyzer.core import relevance_of
from pipeline.analyzer.relevance import (about_compliance, is_background, is_call, is_statement, names_truce, sentences,
                                        substance)

BATTLE = (
    "Air strikes on the rebel-held town of Atareb in Aleppo province killed at least 12 civilians on Tuesday a monitor said. "
    "The Syrian Observatory for Human Rights said warplanes hit a market and a bakery. "
    "Rescue workers were searching the rubble for survivors. "
    "The government has pressed an offensive in the province for weeks. "
    "Rebels shelled government-held districts of Aleppo city in response. "
    "Hospitals in the area are overwhelmed the local health directorate said. "
)


def test_one_background_clause_in_a_battle_story_is_not_relevant():
    text = BATTLE + "The fighting has escalated since a US-Russian brokered truce collapsed in September. More raids followed."
    assert not relevance_of("Air strikes kill 12 in Syria's Aleppo province", text).relevant


def test_the_same_story_with_the_truce_in_the_lead_is_relevant():
    text = ("Air strikes killed at least 12 civilians in Atareb in Aleppo province on Tuesday despite a de-escalation "
            "zone agreed by Russia Turkey and Iran. ") + BATTLE
    assert relevance_of("Air strikes kill 12 in Syria's Aleppo province", text).relevant


def test_a_truce_in_the_headline_is_relevant():
    assert relevance_of("Syria truce largely holds in Aleppo on first day", BATTLE).relevant


def test_two_sentences_on_the_truce_make_it_a_topic():
    text = BATTLE + ("Government forces have shelled the area repeatedly during the truce. "
                     "Aid deliveries under the ceasefire have reached only two towns in the province.")
    found = substance("Air strikes kill 12 in Syria's Aleppo province", text)
    assert found.substantive == 2 and found.carries
    assert relevance_of("Air strikes kill 12 in Syria's Aleppo province", text).relevant
    one = substance("Air strikes kill 12 in Syria's Aleppo province",
                    BATTLE + "Aid deliveries under the ceasefire have reached only two towns in the province.")
    assert one.substantive == 1 and not one.carries


def test_a_party_statement_on_the_truce_counts_as_a_paragraph():
    assert is_statement("The French foreign minister said he was outraged, declaring the end of the cessation of hostilities.")
    assert not is_statement("The truce has reduced violence in the west of the country.")
    text = BATTLE + "The opposition said government forces had breached the ceasefire 40 times in Aleppo."
    assert substance("Air strikes kill 12 in Syria's Aleppo province", text).substantive == 2
    assert relevance_of("Air strikes kill 12 in Syria's Aleppo province", text).relevant


def test_no_sentence_break_after_a_month_abbreviation():
    assert sentences("Since Sept. 19 when the army declared the truce over, 300 people have died.") == [
        "Since Sept. 19 when the army declared the truce over, 300 people have died."]


def test_background_cues_collapse_date_and_coverage():
    assert is_background("Hundreds have been killed since the breakdown of a ceasefire last month.")
    assert is_background("Idlib is one of four de-escalation zones under a deal brokered by Russia Turkey and Iran in May.")
    assert is_background("Nusra was excluded from the cessation of hostilities.")
    assert is_background("A truce agreed by Russia and the United States in February has unravelled.")
    # implementation or violation is substance even with a background cue
    assert not is_background("Terrorists have breached the cessation of hostilities since it came into effect on February 27.")
    assert not is_background("The deaths come despite the area falling within the de-escalation zone.")
    assert not is_background("Syria declared a 72-hour truce in Aleppo on Friday.")


def test_a_call_for_a_ceasefire_does_not_make_a_lead():
    assert is_call("The United Nations called on world powers to push for a ceasefire in Syria.")
    text = ("The United Nations called for an urgent ceasefire in Aleppo on Tuesday. ") + BATTLE
    assert not substance("Air strikes kill 12 in Syria's Aleppo province", text).lead


def test_golan_ceasefire_line_is_not_a_truce():
    assert not names_truce("An Israeli strike hit a village near the Golan Heights ceasefire line.")
    text = BATTLE + "The village lies on the ceasefire line with the Israeli-occupied Golan Heights near Quneitra in Syria."
    assert not relevance_of("Israeli strike kills five Syrian soldiers", text).relevant


def test_tag_lists_and_related_teasers_are_not_text():
    assert not any(names_truce(s) for s in sentences("Tags Syria Aleppo US ceasefire Hundreds were killed on Monday."))
    assert not any(names_truce(s) for s in sentences("Print Tweet Views 140 Related UN pleads for a 48-hour truce in Aleppo"))


def test_a_local_deal_between_the_warring_sides_leading_an_aid_story_is_relevant():
    text = ("An aid convoy entered the besieged Syrian town of Madaya on Monday. "
            "Trucks reached the town as part of an agreement between warring sides the Red Cross said. ") + BATTLE
    assert relevance_of("Aid convoy enters besieged Syrian town", text).relevant


def test_agreement_compliance_in_broad_terms_counts_as_substance():
    assert about_compliance("Russia is failing to honour its role as a guarantor of the Astana agreement.")
    assert not about_compliance("Talks in Astana resumed on Tuesday.")


def test_ceasefires_elsewhere_stay_out():
    text = ("Russia and Turkey urged the rival sides in Libya to respect the ceasefire in Tripoli and Sirte. "
            "The Libyan truce has held since October. Haftar's forces denied violations near Sirte. "
            "Syria was also discussed briefly.")
    assert not relevance_of("Libya ceasefire holds as Russia and Turkey meet", text).relevant


def test_the_north_east_agreements_named_by_their_year_are_a_truce():
    assert names_truce("Ankara says Moscow and Washington broke their promises under the 2019 agreements.")
    assert names_truce("Turkey cites the deals of October 2019 on the YPG's withdrawal.")
    assert not names_truce("The two leaders met in 2019 to discuss trade.")
