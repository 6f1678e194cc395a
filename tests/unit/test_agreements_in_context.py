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
