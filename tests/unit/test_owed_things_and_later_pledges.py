"""A thing not done that someone says was owed under a deal, a task said undone and taken on in the sentence after,
each speaker of an absolute clause. Written for these tests; no labelled set's text."""

from tests.conftest import rule_claims


def test_a_thing_said_to_be_owed_under_a_deal_and_not_done():
    text = ("The UN's aid coordinator said the government had not yet granted the permits needed for the trucks to "
            "enter eastern Ghouta, which he said Damascus was obliged to grant under the truce.")
    assert rule_claims(text) == {("un", "syria")}


def test_a_thing_not_owed_charges_no_one():
    # the guard: no one is said to owe it
    text = ("The UN's aid coordinator said the government had not yet granted the permits needed for the trucks to "
            "enter eastern Ghouta, which he said the agencies had requested under the truce.")
    assert rule_claims(text) == set()


def test_a_task_undone_then_taken_on():
    text = ('"The key task, pulling the heavy weapons back from the contact line, has not been achieved. Our Turkish '
            'colleagues took this commitment upon themselves in Sochi," the Russian envoy Alexander Lavrentiev said.')
    assert rule_claims(text) == {("russia", "turkey")}


def test_a_task_undone_then_praised_charges_no_one():
    # the guard: the party after it took nothing on
    text = ('"The key task, pulling the heavy weapons back from the contact line, has not been achieved. Our Turkish '
            'colleagues have worked hard on it," the Russian envoy Alexander Lavrentiev said.')
    assert rule_claims(text) == set()


def test_each_party_of_an_absolute_clause_speaks_for_its_own():
    text = ("The truce unravelled by the summer, with Washington blaming government airstrikes on civilian areas and "
            "Moscow saying that US-backed rebels had used the lull to regroup alongside the Nusra Front.")
    assert ("russia", "armed_groups") in rule_claims(text)
    assert ("united_states", "armed_groups") not in rule_claims(text)
