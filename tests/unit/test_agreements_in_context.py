"""An agreement named by its year or place is the one the article's context points to when the sentence does not
say ("the 2018 agreement" in a Daraa story is the southern settlement, not the Sochi memorandum), and the Daraa
settlements are agreements of their own. Written for these tests; no labelled set's text."""

from pipeline.analyzer.agreements import named_agreement

DARAA = ("Government forces have besieged Daraa al-Balad for weeks. The Daraa Central Negotiating Committee says "
         "the government broke the settlement that ended the fighting in the south. ")


def test_a_year_alone_is_the_deal_of_the_articles_region():
    quote = "The 2018 agreement guaranteed that the army would not enter our neighbourhoods."
    assert named_agreement(quote, "2021-08-11", DARAA + quote) == "other:daraa_settlement_2018"


def test_without_the_article_the_year_keeps_its_default():
    assert named_agreement("The 2018 agreement guaranteed that the army would not enter.", "2021-08-11") == "sochi_2018"


def test_the_2018_deal_in_an_idlib_story_is_the_sochi_memorandum():
    idlib = "Turkish observation posts in Idlib came under fire again. "
    quote = "The 2018 agreement obliged Ankara to separate the moderate opposition from terrorists."
    assert named_agreement(quote, "2019-11-02", idlib + quote) == "sochi_2018"


def test_the_daraa_settlements_are_named():
    assert named_agreement("under the Russian-brokered settlement agreement", "2019-03-01") == "other:daraa_settlement_2018"
    assert named_agreement("the September settlement agreement in Daraa al-Balad", "2021-10-01") == "other:daraa_settlement_2021"


def test_a_place_followed_by_its_date_is_the_deal_of_that_day():
    from pipeline.analyzer.agreements import agreement_in
    sentence = ("The letters said the aggression is a flagrant violation of the understandings reached in Sochi on "
                "October 22nd, as Ankara did with the Sochi agreement on Idlib.")
    assert agreement_in(sentence, "2019-11-25") == "ne_syria_2019"
    assert agreement_in(sentence) == "ne_syria_2019"  # no article date: the day and month say it


def test_a_deal_reached_by_two_presidents_named_in_full():
    sentence = ("the task, which Turkey undertook in the agreements reached by Presidents Vladimir Putin and Recep "
                "Tayyip Erdogan in March 2020, has yet to be accomplished")
    assert named_agreement(sentence, "2022-08-23") == "moscow_2020"


def test_a_generic_process_yields_to_the_truce_in_force():
    from pipeline.analyzer.agreements import most_specific
    sentence = ("the regime's violations of the cease-fire in Idlib aimed to sabotage Turkish-Russian cooperation "
                "and the spirit of the Astana process")
    assert most_specific("astana", sentence, "2019-05-13") == "sochi_2018"
    assert most_specific("astana", "violations of the Astana understandings", "2019-05-13") == "astana"


def test_the_astana_memorandum_is_astanas_not_sochis():
    from pipeline.analyzer.agreements import agreement_in
    assert agreement_in("Moscow said the rebels had violated the Astana memorandum on de-escalation zones.",
                        "2019-06-10") == "astana"
    assert agreement_in("Ankara had not honoured the de-escalation memorandum, the Syrian ministry said.",
                        "2019-09-10") == "astana"
    assert agreement_in("Ankara had not honoured the memorandum on Idlib, Lavrov said.", "2019-03-10") == "sochi_2018"
