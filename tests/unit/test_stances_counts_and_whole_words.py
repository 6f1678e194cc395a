"""Violations recorded "mostly by" a party, a relative hung on the place an act was told at, a party's stated
position, a charge hung on the accused, an attack on a norm, truce words as whole words, a title tagged as a person.
Written for these tests; no labelled set's text."""

from pipeline.analyzer.accusations import CONTEXT
from pipeline.analyzer.core import analyze
from tests.conftest import rule_claims


def test_violations_recorded_mostly_by_a_party():
    text = ("The Russian reconciliation centre said it had recorded 14 violations of the ceasefire over the past day, "
            "mostly by Jabhat al-Nusra in Latakia province.")
    assert rule_claims(text) == {("russia", "armed_groups")}


def test_violations_recorded_by_a_monitor_name_no_violator():
    # the guard: a passive "recorded by" names who recorded them
    text = "Twelve violations of the ceasefire were recorded by the Russian side of the joint commission."
    assert rule_claims(text) == set()


def test_a_relative_hung_on_the_place_an_act_was_told_at():
    text = ('"We have seen continued regime attacks, including in Wadi Barada, which clearly run counter to the '
            'ceasefire," State Department spokesman Mark Toner said.')
    assert rule_claims(text) == {("united_states", "syria")}


def test_a_party_s_stated_position():
    text = ("Turkey protested the offensive in the Idlib zone. Ankara's position is that Moscow has failed to meet its "
            "responsibilities as a guarantor of the zone.")
    assert rule_claims(text) == {("turkey", "russia")}


def test_a_charge_hung_on_the_accused_that_is_no_breach():
    text = ("The first joint patrol on the M4 was cut short, the Russian military said, accusing militants of using "
            "civilians as human shields.")
    assert rule_claims(text) == set()


def test_a_breach_charge_hung_on_the_accused():
    # the guard: the same frame with a breach
    text = ("The first joint patrol on the M4 was cut short, the Russian military said, accusing militants of violating "
            "the ceasefire.")
    assert rule_claims(text) == {("russia", "armed_groups")}


def test_an_attack_on_a_norm_is_no_breach_of_a_truce():
    text = ("Damascus condemned the Turkish threats as an attack on Syria's sovereignty, according to a foreign ministry "
            "statement carried by SANA.")
    assert rule_claims(text) == set()


def test_truce_words_are_whole_words():
    assert CONTEXT.search("according to a statement carried by SANA") is None
    assert CONTEXT.search("an ideal compromise, dealt with later") is None
    assert CONTEXT.search("the Sochi accord and the deal") is not None


def test_a_title_tagged_as_a_person_is_the_name_after_it():
    text = ("Moscow urged Ankara to show restraint, Russian Presidential Special Envoy for Syria Alexander Lavrentiev told "
            "reporters on Wednesday.\n\n\"We hope that we will be able to convince our Turkish partners,\" the diplomat "
            "said.")
    quotes = [s for s in analyze("Lavrentiev on Turkey", text, quotes_everywhere=True,
                                 date="2022-11-23").statements if s.kind == "direct"]
    assert [s.speaker for s in quotes] == ["Alexander Lavrentiev"]
