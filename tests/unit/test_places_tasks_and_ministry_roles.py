"""A body named by its place after its noun speaks for itself; "it was X's task to…, and that had not happened"; a
role set after a body's noun speaks for the body last named; groups under a party's control. Written for these tests;
no labelled set's text."""

from tests.conftest import direct_quotes, rule_claims, statement_of


def test_a_council_named_by_its_place_speaks_not_the_body_before():
    text = ("The Syrian Observatory said four people died. The local council of Maarat al-Numan said that the truce "
            "“has been broken every day since it was signed”.")
    assert [speaker for _, speaker in direct_quotes(text)] == ["local council of Maarat al-Numan"]


def test_a_bare_ministry_still_is_the_one_that_spoke():
    # the guard: no place named, the ministry that spoke before
    text = ("The Russian Defence Ministry said four people died. The ministry said that the truce “has been broken "
            "every day since it was signed”.")
    assert [speaker for _, speaker in direct_quotes(text)] == ["Russian Defence Ministry"]


def test_a_task_owned_by_name_and_not_done_is_unkept():
    text = ("Zakharova said that under the protocol it was Ankara's task to clear the M4 highway of militants, and that "
            "this still had not happened.")
    assert rule_claims(text) == {("russia", "turkey")}


def test_a_task_owned_and_done_is_no_charge():
    # the guard: no clause says it is undone
    text = "Zakharova said that under the protocol it was Ankara's task to clear the M4 highway of militants."
    assert rule_claims(text) == set()


def test_a_role_after_a_bodys_noun_speaks_for_the_body_named_before():
    text = ("The Turkish Defence Ministry said the attacks had intensified. \"The regime is violating the truce,\" "
            "ministry spokesman Ahmet Yildiz told reporters in Ankara.")
    assert statement_of(text, "The regime is violating").speaker_actor == "turkey_mod"


def test_groups_under_a_partys_control_are_armed_groups():
    text = ('"Washington and the groups under its control have not kept a single commitment under the truce," the '
            'Russian general said.')
    assert rule_claims(text) == {("russia", "united_states"), ("russia", "armed_groups")}
