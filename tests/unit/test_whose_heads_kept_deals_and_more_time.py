"""Who heads a body named by "whose" speaks for it; a truce kept from being kept; more time given for an owed act; a
party's statements that another rejects stay its charge; "the resolution" of a truce resolution named before; "those
who accuse" name no one. Written for these tests; no labelled set's text."""

from tests.conftest import rule_claims


def test_whose_head_speaks_for_the_body():
    text = ("Lavrentiev dismissed the claims of the opposition delegation, whose spokesman, Yahya al-Aridi, accused "
            "the Syrian army of breaking the ceasefire.")
    assert ("armed_groups", "syria") in rule_claims(text)


def test_a_truce_kept_from_being_kept_is_obstructed():
    text = "Cavusoglu said the regime was trying to stop the truce from being implemented in Idlib."
    assert rule_claims(text) == {("turkey", "syria")}


def test_stopping_a_convoy_from_entering_is_no_obstruction_of_the_truce():
    # the guard: what is kept from happening is no keeping of the truce
    text = "Cavusoglu said the regime stopped the convoy from entering Idlib during the truce."
    assert rule_claims(text) == set()


def test_more_time_given_for_an_owed_act_is_a_delay():
    text = ("The Russian Defence Ministry said the Turkish side had been given more time under the Moscow protocol to "
            "separate the moderate opposition from the terrorists.")
    assert rule_claims(text) == {("russia", "turkey")}


def test_more_time_given_for_a_summit_is_no_charge():
    # the guard: the time is for no owed act
    text = "The Russian Defence Ministry said the Turkish side had been given more time under the protocol to plan talks."
    assert rule_claims(text) == set()


def test_a_partys_statements_rejected_stay_its_charge():
    text = ("The Russian envoy rejected statements by the opposition delegation, whose head accused the Syrian army of "
            "violating the ceasefire.")
    assert rule_claims(text) == {("armed_groups", "syria")}


def test_statements_no_one_made_rejected_are_denied():
    # the guard: the statements are no named party's
    text = "Moscow rejected statements that Russian jets had violated the ceasefire."
    assert rule_claims(text) == set()


def test_the_resolution_of_a_truce_named_before_is_that_truce():
    context = "The Security Council adopted resolution 2401 on Saturday, demanding a 30-day truce across Syria.\n\n"
    text = context + "A Failaq al-Rahman spokesman accused regime forces of violating the resolution every day."
    assert rule_claims(text, after=len(context)) == {("armed_groups", "syria")}


def test_a_resolution_with_no_truce_named_is_no_truce():
    # the guard: no truce resolution in the article
    text = "A Failaq al-Rahman spokesman accused regime forces of violating the resolution every day."
    assert rule_claims(text) == set()


def test_those_who_accuse_are_no_one_named():
    context = "The Security Council adopted resolution 2401, demanding a 30-day truce across Syria.\n\n"
    text = context + ('Russia\'s UN envoy said: "Those who are accusing Moscow and Damascus of violating the resolution '
                      'ignore the militants."')
    assert rule_claims(text, after=len(context)) == set()
