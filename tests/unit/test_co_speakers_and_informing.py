"""Every party of a joined subject speaks what it says ("Russia and Turkey have accused each other…", "Damascus and
Moscow said…"), and what one party informs another of is its statement."""

import pytest

from tests.conftest import counted_pairs, reported_of


@pytest.mark.parametrize("text, pairs", [
    ("Both Russia and Turkey have accused each other of failing to honour the deal on Idlib.",
     {("russia", "turkey"), ("turkey", "russia")}),
    ("Damascus and Moscow said the continued presence of Hayat Tahrir al-Sham fighters in the zone was a breach of "
     "the Sochi deal.", {("syria", "armed_groups"), ("russia", "armed_groups")}),
])
def test_every_party_of_a_joined_subject_speaks(text, pairs):
    assert pairs <= counted_pairs(text, date="2019-05-01")


def test_what_one_party_informs_another_of_is_its_statement():
    text = ("The Russian side informed the Turkish side that the militants' attacks on Hmeimim air base breached the "
            "Idlib memorandum.")
    said = reported_of(text, "The Russian side")
    assert said.speaker_actor == "russia"
    assert ("russia", "armed_groups") in counted_pairs(text, date="2019-05-01")


@pytest.mark.parametrize("text", [
    "Turkey has pledged to clear the M4 highway of militants under the ceasefire deal, but Russia says the work has "
    "not started.",
    "Turkey has pledged to clear the M4 highway of militants under the ceasefire deal, but Moscow says the work has "
    "barely begun.",
])
def test_a_pledge_and_a_party_saying_it_is_not_kept(text):
    assert ("russia", "turkey") in counted_pairs(text, date="2020-04-10")


def test_a_keeping_waited_for_is_not_yet_kept():
    text = ('"We have been waiting for two years for our Turkish partners to fulfil their obligations on Idlib," '
            "Russian Foreign Minister Sergei Lavrov said.")
    assert ("russia", "turkey") in counted_pairs(text, date="2020-09-10")
    # not waiting for it is no charge
    assert counted_pairs(text.replace("We have been waiting for two years for", "We are not waiting for"),
                         date="2020-09-10") == set()


def test_shelling_from_held_ground_is_the_holder_s():
    text = ("The ceasefire in Idlib was violated 11 times over the past day, the Russian reconciliation center said. "
            "Shelling from positions controlled by Hayat Tahrir al-Sham was recorded in Kafr Nabl and Kansafra, "
            "according to the center.")
    assert ("russia", "armed_groups") in counted_pairs(text, date="2019-05-10")


@pytest.mark.parametrize("text, date, agreement", [
    ("Turkey said the regime's offensive in southern Idlib violated the agreements with Russia.", "2019-05-10",
     "sochi_2018"),
    ("Turkey said the regime had violated the de-escalation zone by attacking villages near Idlib.", "2017-12-05",
     "astana"),
])
def test_an_idlib_deal_named_by_its_other_party_or_its_zone(text, date, agreement):
    from pipeline.analyzer.core import analyze
    found = analyze("Idlib ceasefire", text, date=date).accusations
    assert found and {a.agreement for a in found} == {agreement}


def test_a_person_named_after_a_body_s_role_speaks_for_the_body():
    # the parser makes the body the subject and the unknown spokesman its apposition
    text = ("The National Front for Liberation's spokesman, Captain Naji Mustafa, told Enab Baladi that the regime and "
            "Russian forces had bombed civilian areas, in a clear breach of the ceasefire.")
    said = reported_of(text, "The National Front")
    assert said.speaker == "Naji Mustafa" and said.speaker_actor == "armed_groups"
    assert ("armed_groups", "syria") in counted_pairs(text, date="2021-06-10")


@pytest.mark.parametrize("text", [
    "Regime forces have committed hundreds of violations since the Moscow agreement, the opposition said.",
    "The opposition's interim government said the guarantors had failed to restrain the Assad militias, which have "
    "committed hundreds of breaches since the Moscow agreement.",
])
def test_who_committed_a_count_of_breaches(text):
    assert ("armed_groups", "syria") in counted_pairs(text, date="2021-06-10")


@pytest.mark.parametrize("text", [
    "Moscow pointed to the non-implementation by Ankara of its obligations under the March protocol on Idlib.",
    "The Kremlin said there had been no progress on Turkey's commitment to clear the M4 highway of militants.",
])
def test_a_debt_with_nothing_done_on_it(text):
    assert ("russia", "turkey") in counted_pairs(text, date="2020-05-10")


def test_no_progress_in_talks_is_no_charge():
    assert counted_pairs("The Kremlin said there had been no progress in the talks with Turkey on the Idlib ceasefire.",
                         date="2020-05-10") == set()


def test_it_telling_a_relative_clause_is_the_sentence_s_subject():
    text = "Damascus called on Ankara to respect the Astana agreements, which it said Turkey had repeatedly violated."
    assert reported_of(text, "Damascus called").speaker_actor == "syria"
    assert ("syria", "turkey") in counted_pairs(text, date="2019-05-10")


def test_a_relative_clause_hung_on_the_place_of_an_act_is_about_the_act():
    text = "Russia has stepped up air strikes in Idlib, which Turkey says violate the Sochi memorandum."
    assert ("turkey", "russia") in counted_pairs(text, date="2019-05-10")


def test_who_cites_what_it_calls_breaches():
    text = ("The opposition suspended its participation in the talks, citing what it called repeated violations of the "
            "truce by the regime.")
    assert ("armed_groups", "syria") in counted_pairs(text, date="2019-05-10")


def test_whose_forces_are_the_forces_of_the_noun_the_clause_hangs_on():
    text = ("Ankara accused Moscow of failing to rein in the regime, whose forces it said had violated the ceasefire "
            "hundreds of times.")
    assert {("turkey", "russia"), ("turkey", "syria")} <= counted_pairs(text, date="2020-05-10")


def test_who_after_a_noun_said_of_a_party_is_that_party():
    text = ('Syrian Foreign Minister Faisal Mekdad said the Turkish forces were "occupiers" who had violated every '
            "agreement they signed.")
    assert ("syria", "turkey") in counted_pairs(text, date="2020-06-10")
