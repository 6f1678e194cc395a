"""Agreements named by where and when they were concluded, and the truce an article's date points to
(pipeline/analyzer/agreements.py, config/agreement_cues.yaml). Sentences written for these tests."""

import datetime

import pytest

from pipeline.analyzer.agreements import agreement_in, article_agreement, by_date, when

NE = "Kurdish officials in Qamishli said "


@pytest.mark.parametrize("sentence, date, expected", [
    ("Ankara has not honoured the deal reached in Moscow, the ministry said.", "2020-06-02", "moscow_2020"),
    ("The minister said Turkey had yet to implement what it signed in Moscow.", "2020-08-11", "moscow_2020"),
    ("Both sides agreed in Moscow on March 5 to set up joint patrols.", None, "moscow_2020"),
    ("The army kept shelling despite the accord struck in Sochi, the rebels said.", "2019-03-04", "sochi_2018"),
    ("He said the deal sealed in the Black Sea resort of Sochi was dead.", "2019-06-20", "sochi_2018"),
    (NE + "Turkish drones broke the agreement struck in Sochi.", "2019-11-20", "ne_syria_2019"),
    ("He said Russia had breached the Sochi understandings on the YPG withdrawal.", "2020-02-01", "ne_syria_2019"),
    ("The commitments made in Astana were ignored, the opposition said.", "2018-03-01", "astana"),
])
def test_an_agreement_is_named_by_where_it_was_concluded(sentence, date, expected):
    assert agreement_in(sentence, date) == expected


@pytest.mark.parametrize("sentence, date", [
    ("Ankara has not honoured the deal reached in Moscow, the ministry said.", "2019-05-02"),  # not yet concluded
    ("The Libyan sides signed the ceasefire agreed in Moscow on Monday.", "2020-06-02"),  # a conflict abroad
    ("Haftar's forces broke the truce that took effect on January 12, Tripoli said.", "2020-01-20"),
    ("The delegations concluded two days of talks in Ankara on Tuesday.", "2020-09-10"),  # talks, no deal
    ("Yemen's truce, agreed in Stockholm in 2018, is fraying.", "2020-09-10"),  # concluded elsewhere
])
def test_a_place_names_nothing_abroad_before_the_deal_or_without_one(sentence, date):
    assert agreement_in(sentence, date) is None


@pytest.mark.parametrize("sentence, date, expected", [
    ("Damascus said Ankara was ignoring last September's deal.", "2019-04-10", "sochi_2018"),
    ("Rebels said the regime never respected the agreement reached in March.", "2020-09-01", "moscow_2020"),
    ("Rebels said the regime never respected the agreement reached in March.", "2021-02-01", "moscow_2020"),
    ("The ministry said militants had violated the deal of September 17.", "2019-02-14", "sochi_2018"),
    ("He said the 17th of September memorandum had been buried.", "2019-02-14", "sochi_2018"),
    ("Ankara had not fulfilled last year's deal, Moscow said.", "2019-06-05", "sochi_2018"),
    ("The opposition blamed Moscow for the collapse of the 2018 deal.", None, "sochi_2018"),
    (NE + "the agreement reached in October was being violated daily.", "2019-11-02", "ne_syria_2019"),
    ("Rebels said government forces kept breaking last month's truce.", "2016-03-15",
     "other:feb_2016_cessation_of_hostilities"),
    ("Fighters in Homs said the army had broken the truce agreed in July.", "2017-08-20",
     "other:homs_deescalation_2017"),
    # the parties between the verb and the time ("brokered by Moscow and Ankara in March")
    ("Rebels said the regime never respected the truce brokered by Moscow and Ankara in March.", "2020-07-15",
     "moscow_2020"),
    ("The army said the rebels broke the ceasefire agreed between Russia and Turkey in March.", "2020-07-15",
     "moscow_2020"),
])
def test_an_agreement_is_named_by_when_it_was_concluded(sentence, date, expected):
    assert agreement_in(sentence, date) == expected


@pytest.mark.parametrize("sentence, date", [
    ("Damascus said Ankara was ignoring last September's deal.", None),  # no date: unresolvable
    ("Rebels said the regime never respected the agreement reached in June.", "2020-09-01"),  # nothing in June
    ("Ankara had not fulfilled last year's deal, Moscow said.", "2017-03-05"),  # 2016 had several truces
    ("Both Homs and Daraa factions said the truce agreed in July was broken.", "2017-08-20"),  # two July deals
])
def test_an_unresolvable_or_ambiguous_time_names_nothing(sentence, date):
    assert agreement_in(sentence, date) is None


def test_time_phrases_resolve_against_the_article_date():  # nearest first
    assert when("last September", datetime.date(2019, 4, 10)) == [(2018, 9, None)]
    assert when("March", datetime.date(2021, 2, 1)) == [(2020, 3, None), (2019, 3, None)]
    assert when("last month", datetime.date(2020, 1, 15)) == [(2019, 12, None)]
    assert when("September 17, 2018", None) == [(2018, 9, 17)]
    assert when("March", None) == []


@pytest.mark.parametrize("text, date, expected", [
    # (after the Moscow protocol "the ceasefire in Idlib" and "the Russian-Turkish agreements on Idlib" name no deal by
    # themselves: every label set past March 2020 leaves them null; "the protocol" names it)
    ("Rebels accused the regime of breaking the ceasefire in Idlib.", "2020-05-14", None),
    ("Rebels accused the regime of breaking the protocol in Idlib.", "2020-05-14", "moscow_2020"),
    ("Rebels accused the regime of breaking the ceasefire in Idlib.", "2019-05-14", "sochi_2018"),
    ("Rebels accused the regime of breaking the ceasefire in Idlib.", "2020-01-20", "jan_2020_truce"),
    ("Rebels accused the regime of breaking the ceasefire in Idlib.", "2017-11-20", "astana"),  # the Astana zone
    ("Rebels accused the regime of breaking the ceasefire in Daraa.", "2017-09-01", "other:southwest_deescalation_2017"),
    ("Rebels accused the regime of breaking the ceasefire near Rastan.", "2017-10-01", "other:homs_deescalation_2017"),
    ("Rebels accused the regime of breaking the ceasefire in Idlib.", "2017-04-20", "other:dec_2016_ceasefire"),
    ("Ankara said Moscow must honour the Russian-Turkish agreements on Idlib.", "2020-11-03", None),
    ("Rebels accused the regime of breaking the ceasefire in Idlib.", "2020-03-04", "sochi_2018"),  # the day before the protocol
    ("Kurdish officials said Turkish-backed fighters broke the truce near Ain Issa.", "2019-11-10", "ne_syria_2019"),
    # a deal named once in the background gives way to the truce of the day the article keeps describing
    ("The truce in Idlib was broken within hours. Rebels said the regime ignored the truce, and Moscow blamed "
     "the militants for the breaches of the truce. The Sochi memorandum of 2018 never took hold.",
     "2020-01-14", "jan_2020_truce"),
])
def test_an_article_that_names_no_agreement_gets_the_truce_of_its_date(text, date, expected):
    assert article_agreement(text, date) == expected


@pytest.mark.parametrize("text, date", [
    ("Rebels accused the regime of breaking the ceasefire in Idlib.", None),  # no date, no era
    ("Haftar's forces broke the ceasefire around Tripoli, the GNA said.", "2020-05-14"),  # Libya: no Idlib context
    ("Armenia and Azerbaijan accused each other of breaking the truce.", "2020-10-12"),
])
def test_no_date_or_another_war_gives_no_era_default(text, date):
    assert article_agreement(text, date) is None


def test_the_best_supported_period_wins_and_reports_its_support():
    text = "The SDF said the ceasefire was broken near Kobani and Qamishli; a monitor in Idlib agreed."
    assert by_date(text, "2020-06-01") == ("ne_syria_2019", 1)
    assert by_date("The ceasefire in Idlib held.", "2019-06-01") == ("sochi_2018", 1)
    assert by_date("The ceasefire in Idlib held.", "2020-06-01") is None  # the protocol's period has no truce words
    assert by_date("The protocol held in Idlib.", "2020-06-01") == ("moscow_2020", 1)


def test_a_sentence_naming_several_agreements_gets_the_most_specific():
    assert agreement_in("Russia is violating the Sochi and Astana agreements, Erdogan said.") == "sochi_2018"
    assert agreement_in("Russia is violating the Astana agreements, Erdogan said.") == "astana"


def test_a_cue_for_a_deal_not_yet_concluded_names_nothing():
    assert agreement_in("US forces patrolled the safe zone around Manbij.", "2016-06-12") is None
    assert agreement_in("US forces patrolled the safe zone around Manbij.", "2019-12-12") == "ne_syria_2019"
    assert agreement_in("US forces patrolled the safe zone around Manbij.") == "ne_syria_2019"


@pytest.mark.parametrize("sentence, expected", [
    ("Turkish forces shelled villages near Tal Rifaat in violation of the Sochi understandings.", "ne_syria_2019"),
    ("Turkish forces shelled villages near Saraqeb in violation of the Sochi understandings.", "sochi_2018"),
])
def test_sochi_after_october_2019_is_the_north_easts_memorandum_where_the_north_east_is_named(sentence, expected):
    assert agreement_in(sentence, "2022-11-25") == expected
