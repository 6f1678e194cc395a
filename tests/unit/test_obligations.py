"""Rule readings of commitments not kept (pipeline/analyzer/obligations.py), counted breaches and coordinated
modifiers, on sentences written for these tests (none is taken from a labelled set)."""

import pytest

from pipeline.analyzer.core import _parse
from pipeline.analyzer.gazetteer import gazetteer
from pipeline.analyzer.obligations import READERS
from tests.conftest import rule_claims

CONTEXT = "Ankara and Moscow met again on the Idlib ceasefire agreement this week. "


def rule_pairs(sentence: str) -> set[tuple[str, str]]:
    return rule_claims(CONTEXT + sentence, after=len(CONTEXT))


def test_every_frame_is_registered_by_name():
    assert [name for name, _ in READERS] == ["late_keeping", "demanded_keeping", "awaited_keeping", "due_keeping", "reminded_of_debt",
                                             "pledge_unkept", "pledged_before_undone", "promise_undone", "undone_in_relative", "contrary_to_promises", "instead_of_keeping",
                                             "pledged_then_instead",
                                             "taken_on_and_undone", "undone_then_taken_on", "pledger_said_undone", "step_said_undone",
                                             "truce_exploited",
                                             "no_steps_taken", "keeping_refused", "not_as_agreed", "against_the_deal", "harms_listed", "called_a_breach",
                                             "called_a_breach_in_order", "left_the_deal",
                                             "own_end_not_kept", "delivered_on_nothing", "attacks_not_stopped",
                                             "owed_not_done", "no_will_to_keep", "asked_to_stop", "kept_unlike", "left_unkept", "came_to_nothing",
                                             "debt_unpaid",
                                             "dragged_feet", "slow_keeping", "hastening_demanded", "kept_in_part",
                                             "nothing_done", "more_to_do", "no_progress", "still_where_bound_to_leave",
                                             "stays_despite_the_deal", "given_more_time"]


@pytest.mark.parametrize("sentence, pair", [
    ("The fulfilment by Damascus of its pledges under the memorandum is being held up, the Turkish foreign ministry said.",
     ("turkey", "syria")),
    ("Russia's implementation of its commitments is being delayed, a Turkish defence ministry statement said.",
     ("turkey", "russia")),
    ("The Kremlin spokesman said the implementation by Ankara of the provisions on the highway had not been completed.",
     ("russia", "turkey")),
])
def test_a_late_keeping_charges_its_keeper(sentence, pair):
    assert pair in rule_pairs(sentence)


@pytest.mark.parametrize("sentence, pair", [
    ("Damascus demanded that Ankara honour the promises it made to the guarantors.", ("syria", "turkey")),
    ("We expect our American colleagues to finally carry out their obligations, Lavrov told a news conference.",
     ("russia", "united_states")),
])
def test_a_demand_framed_as_unkept_is_a_charge(sentence, pair):
    assert pair in rule_pairs(sentence)


@pytest.mark.parametrize("sentence", [
    "The UN urged all parties to fulfil their obligations under the ceasefire.",
    "Turkey said it expected Russia to fulfil its responsibilities as a guarantor.",
    "Lavrov said Russia expects to fulfil its obligations under the memorandum.",
    "The implementation of the memorandum was delayed by heavy rain, officials said.",
])
def test_appeals_and_plain_delays_charge_no_one(sentence):
    assert not rule_pairs(sentence)


def test_a_pledge_with_its_contrary_is_a_charge():
    assert ("russia", "turkey") in rule_pairs(
        "Ankara undertook to pull the militants back from the highway, yet they remain there, Zakharova said.")
    assert not rule_pairs("Russia and Turkey pledged to respect the ceasefire, and the truce has held since then.")


def test_a_truce_used_to_rearm_is_a_charge():
    assert ("russia", "armed_groups") in rule_pairs(
        "Shoigu said on Friday that the militants were using the lull to rearm and regroup near Saraqib.")
    assert not rule_pairs("Shoigu said on Friday that the militants were using the roads near Saraqib.")


def test_counted_breaches_by_a_named_party_are_the_counters_claim():
    assert ("turkey", "syria") in rule_pairs(
        "The Turkish defence ministry recorded 31 breaches of the truce by regime forces in two days.")


def test_coordinated_nationalities_name_both_parties():
    assert {("turkey", "russia"), ("turkey", "syria")} <= rule_pairs(
        "Syrian and Russian jets bombed Ariha in violation of the ceasefire, the Turkish defence ministry said.")


def test_a_charge_of_trying_to_breach_is_a_breach():
    assert ("russia", "united_states") in rule_pairs("Moscow accused Washington of seeking to sabotage the truce.")
    assert not rule_pairs("The army accused Ankara of abandoning the talks.")


def test_attempts_to_break_a_truce_are_their_makers():
    assert ("russia", "armed_groups") in rule_pairs(
        "The Russian reconciliation centre said the militants continue attempts to wreck the truce near Atareb.")


@pytest.mark.parametrize("body, kept", [
    ("BEIRUT/AMMAN A Syrian rebel group said the regime broke the truce.", "A Syrian rebel group"),
    ("MOSCOW, May 20 (TASS) - Turkey has not kept its promises, Lavrov said.", "Turkey has not"),
    ("UNICEF Director said the children of Idlib need help.", "UNICEF Director"),
])
def test_a_dateline_is_no_party(body, kept):
    from pipeline.analyzer.core import _prepare

    prepared = _prepare(body)
    assert len(prepared) == len(body) and prepared.lstrip().startswith(kept)


def test_a_guarantor_that_takes_no_steps_is_charged():
    assert ("turkey", "russia") in rule_pairs(
        "Akar said Moscow had not taken the necessary measures to stop the regime's shelling.")
    assert not rule_pairs("The minister said Russia had done its part under the agreement.")


def test_breaches_committed_by_a_party_are_charged_to_it():
    assert ("syria", "armed_groups") in rule_pairs(
        "The Syrian army declared the truce over, citing dozens of violations committed by the militants.")


def test_norms_that_are_not_truce_commitments_charge_no_one():
    assert not rule_pairs("The State Department says the regime is violating the rules of war in Idlib.")
    assert ("iran", "turkey") in rule_pairs(
        "Tehran said the Turkish operation flouted the sovereignty that the guarantors had pledged to uphold.")
    assert gazetteer().rollup(gazetteer().resolve("The Syrian Coalition")) == "armed_groups"


@pytest.mark.parametrize("sentence, pair", [
    ("The Turkish defence minister said the YPG militants had not left the strip as stipulated in the October deals.",
     ("turkey", "sdf")),
    ("Moscow says the armed groups have withdrawn their heavy weapons only partly, as the memorandum required.",
     ("russia", "armed_groups")),
])
def test_an_act_the_deal_called_for_not_done_is_charged(sentence, pair):
    assert pair in rule_pairs(sentence)


def test_an_act_done_as_agreed_is_no_charge():
    from pipeline.analyzer.obligations import not_as_agreed

    assert not rule_pairs("The Turkish defence minister said the YPG militants had left the strip as stipulated.")
    # not done, but nothing says the deal called for it: no reading
    doc = _parse("The YPG had not left the strip, the Turkish minister said.")
    assert [not_as_agreed(t) for t in doc if t.text == "left"] == [None]


# Commitments kept only in part or not worked towards at all (left_unkept, kept_in_part, nothing_done)
@pytest.mark.parametrize("sentence, pair", [
    ("Turkey's compliance with its Sochi obligations remains incomplete, Russia's ambassador to Ankara told RIA "
     "Novosti.", ("russia", "turkey")),
    ("The Kremlin said Ankara's implementation of the March protocol had been patchy and insufficient.",
     ("russia", "turkey")),
    ("Russia's ambassador to Ankara said Turkey had only partially complied with its Sochi obligations.",
     ("russia", "turkey")),
    ("Turkish officials said the regime had only partly honoured its commitments under the Astana deal.",
     ("turkey", "syria")),
    ("The Syrian Foreign Ministry said the Turkish side has done nothing to separate moderate rebels from Hayat "
     "Tahrir al-Sham, as the memorandum required.", ("syria", "turkey")),
    ("Moscow said Ankara had made no effort to implement the Sochi memorandum.", ("russia", "turkey")),
    ("Lavrov said the Turkish side had made no attempt to fulfil the Sochi commitments on the M4 highway.",
     ("russia", "turkey")),
])
def test_a_keeping_in_part_or_none_at_all_is_a_charge(sentence, pair):
    assert pair in rule_pairs(sentence)


@pytest.mark.parametrize("sentence", [
    "Turkey said it had done nothing to undermine the truce and rejected the Russian claims.",
    "Erdogan said Turkey had fulfilled its obligations under the Sochi memorandum in full.",
    "The UN said humanitarian access to Idlib remains insufficient despite the ceasefire.",
    "Lavrov said the implementation of the memorandum remains incomplete.",
])
def test_guard_no_party_kept_anything_in_part_here(sentence):
    assert rule_pairs(sentence) == set()


# A debt named by the party's share of a deal, a keeping denied through its subject's quantifier, a possessive the
# parser hangs on the split "non" of "non-compliance"
@pytest.mark.parametrize("sentence, pair", [
    ("The Kremlin said it was still expecting Turkey to implement its part of the Idlib agreements.",
     ("russia", "turkey")),
    ("The Russian ambassador said not all the provisions of the March 5 protocol had been implemented by Ankara.",
     ("russia", "turkey")),
    ("The Russian ambassador said none of the provisions of the March 5 protocol had been implemented by Ankara.",
     ("russia", "turkey")),
    ("Russian officials complained about Turkey's non-compliance with the Idlib agreements.", ("russia", "turkey")),
])
def test_a_share_a_quantified_denial_and_a_split_non_compliance_are_read(sentence, pair):
    assert pair in rule_pairs(sentence)


@pytest.mark.parametrize("sentence", [
    "None of the armed groups violated the truce overnight, the Russian military said.",
    "Not all the factions broke the ceasefire, the Turkish defence ministry said.",
    "The Kremlin said it expected Turkey to play its part in the talks.",
])
def test_guard_no_one_is_charged_by_a_quantifier_or_a_part_in_talks(sentence):
    assert rule_pairs(sentence) == set()


def test_a_monitoring_group_named_syrian_is_not_the_syrian_state():
    pairs = rule_pairs("Regime forces and Iran-backed militias continued to violate the ceasefire in Idlib, the Syrian "
                       "Response Coordinators group said in a statement.")
    assert not any(accuser == "syria" for accuser, _ in pairs)


@pytest.mark.parametrize("sentence, pair", [
    ("Zakharova said Ankara must at last implement its obligations on the M4 highway.", ("russia", "turkey")),
    ("The Turkish defence minister said Moscow has to carry out in full the commitments it made in Sochi.",
     ("turkey", "russia")),
    ("Moscow reminded Ankara of its obligation to disarm the militants in the demilitarised zone.",
     ("russia", "turkey")),
    ("Lavrov said Moscow was still waiting for Ankara to meet its Sochi obligations.", ("russia", "turkey")),
])
def test_a_keeping_said_to_be_due_awaited_or_reminded_of_is_a_charge(sentence, pair):
    assert pair in rule_pairs(sentence)


@pytest.mark.parametrize("sentence", [
    "Turkey must fulfil its obligations on Idlib, Lavrov said.",
    "All parties to the conflict must at last implement their obligations under the ceasefire, the UN envoy said.",
    "Lavrov reminded Ankara of the need for further talks on Idlib.",
    "Russia was still waiting for the UN to send its report on the ceasefire in Idlib, Nebenzia said.",
])
def test_guard_a_plain_appeal_a_reminder_of_no_debt_and_a_wait_for_no_keeping_charge_no_one(sentence):
    assert not rule_pairs(sentence)


@pytest.mark.parametrize("sentence, pair", [
    ("Peskov said Turkey's obligations under the March 5 protocol had not been carried out.", ("russia", "turkey")),
    ("The Syrian foreign ministry said the commitments undertaken by Ankara in Sochi were never carried out.",
     ("syria", "turkey")),
    ("Lavrov said the obligations Turkey took on in Sochi have still not been carried out.", ("russia", "turkey")),
    ("Zakharova said Ankara was dragging its feet on the separation of the militants under the deal.",
     ("russia", "turkey")),
    ("Peskov said the Turkish side had backtracked on its commitments under the Idlib deal.", ("russia", "turkey")),
    ("Damascus said Ankara had shirked its obligations under the memorandum.", ("syria", "turkey")),
])
def test_a_debt_left_unpaid_stalled_or_gone_back_on_is_a_charge(sentence, pair):
    assert pair in rule_pairs(sentence)


def test_a_word_not_kept_is_a_commitment_not_kept_with_no_truce_named():
    assert rule_claims("Peskov said on Tuesday that Turkey had not kept its word on Idlib.") == {("russia", "turkey")}


@pytest.mark.parametrize("sentence", [
    "Lavrov said the obligations of all parties had not been carried out.",
    "Akar said Turkey's commitments under the memorandum had been carried out in full.",
    "Peskov said the talks on the Idlib deal dragged their feet for hours.",
])
def test_guard_a_debt_of_no_one_a_debt_paid_or_feet_dragged_on_nothing_owed_charge_no_one(sentence):
    assert not rule_pairs(sentence)


@pytest.mark.parametrize("sentence, pair", [
    ("Turkish officials said Moscow had gone back on its word on the Idlib de-escalation zone.",
     ("turkey", "russia")),
    ("Zakharova said Ankara had backed out of its commitments on the M4 highway.", ("russia", "turkey")),
])
def test_a_phrasal_verb_of_reneging_on_a_commitment_is_a_charge(sentence, pair):
    assert pair in rule_pairs(sentence)


def test_guard_going_back_on_a_day_owes_nothing():
    assert not rule_pairs("Lavrov said the Turkish delegation went back on Tuesday to Ankara after the Idlib talks.")


@pytest.mark.parametrize("sentence, pair", [
    # nothing done is not done
    ("The Kremlin said Turkey had done nothing to neutralise terrorists in Idlib, as required under the Sochi deal.",
     ("russia", "turkey")),
    ("The Kremlin said Turkey had taken no steps to separate the moderate opposition from terrorists in Idlib, as it "
     "had pledged under the Sochi memorandum.", ("russia", "turkey")),
    # charges joined by "and" are each a charge; procrastinating is delaying
    ("Syria's Foreign Ministry accused Ankara of procrastinating and evading its commitments under the Sochi memorandum.",
     ("syria", "turkey")),
    ("Syria's Foreign Ministry accused Ankara of procrastinating in implementing its commitments under the memorandum.",
     ("syria", "turkey")),
])
def test_nothing_done_and_joined_charges(sentence, pair):
    assert pair in rule_pairs(sentence)


@pytest.mark.parametrize("sentence", [
    # another's aim joined to the charge in another form is no charge of the accused
    "Konashenkov said the terrorists were preparing provocations to accuse the Syrian government of using chemical "
    "weapons and to disrupt the agreement.",
    # doing nothing to break a deal is keeping it
    "The Turkish defence ministry said Russia had done nothing to violate the Idlib agreement.",
])
def test_nothing_done_and_joined_charges_guards(sentence):
    assert ("russia", "syria") not in rule_pairs(sentence) and ("turkey", "russia") not in rule_pairs(sentence)


def test_no_steps_taken_reads_took_no_measures_as_did_not_take_them():
    assert ("turkey", "russia") in rule_pairs(
        "The Turkish defence ministry said Russia, a guarantor of the Idlib truce, had taken no measures in the face "
        "of the regime's violations.")


@pytest.mark.parametrize("sentence, pair", [
    ("Russian officials said Ankara had been slow to clear the M4 highway, as it had undertaken to do under the March 5 "
     "protocol.", ("russia", "turkey")),
    ("Russian officials complained that Turkey is moving too slowly to set up the observation posts it committed to in "
     "Astana.", ("russia", "turkey")),
    ("Moscow accused Ankara of being slow to implement the Sochi agreement.", ("russia", "turkey")),
    ("Lavrov urged Turkey to speed up the implementation of its obligations under the Sochi memorandum.",
     ("russia", "turkey")),
    ("The Turkish foreign ministry called on Damascus to accelerate the fulfilment of its commitments.",
     ("turkey", "syria")),
])
def test_slowness_in_an_owed_act_and_a_demand_to_hasten_it_are_delays(sentence, pair):
    assert pair in rule_pairs(sentence)


@pytest.mark.parametrize("sentence", [
    "Turkey was not slow to implement the Sochi agreement, Erdogan said.",
    "The Syrian army advanced slowly to retake the town, a monitor said.",
    "Lavrov urged Turkey to speed up the talks on the constitution.",
])
def test_slowness_not_in_an_owed_act_charges_no_one(sentence):
    assert rule_pairs(sentence) == set()


def test_a_demand_the_parser_joins_to_the_reported_clause_is_the_reporters():
    sentence = ("Russian Foreign Minister Sergey Lavrov said terrorist groups in Idlib had not stopped their attacks on "
                "the Syrian army, and urged Turkey to speed up the implementation of its obligations.")
    found = rule_pairs(sentence)
    assert ("russia", "turkey") in found
    assert ("armed_groups", "turkey") not in found


def test_whose_commitment_an_apposition_says_the_undone_task_is():
    found = rule_claims("Russia has said the separation of moderate rebels from terrorists, a key Turkish commitment "
                        "under the Sochi deal, has not happened.")
    assert ("russia", "turkey") in found and ("russia", "armed_groups") not in found


def test_a_pledged_task_behind_schedule_is_a_delay_of_the_pledger():
    assert ("russia", "turkey") in rule_claims(
        "The Kremlin said the creation of the security corridor along the M4 highway, which Ankara had agreed to under "
        "the March deal, was behind schedule.")


def test_a_task_on_schedule_is_no_delay():
    assert rule_claims("The Kremlin said the joint patrols on the M4 highway were on schedule under the March deal.") \
        == set()


def test_obliged_to_and_not_done_is_a_pledge_unkept():
    text = ("Kremlin spokesman Dmitry Peskov spoke to reporters. He said the Turkish side was obliged to neutralise "
            "the terrorists but had not done so.")
    assert ("russia", "turkey") in rule_claims(text)


def test_obliged_to_and_done_is_no_charge():
    assert rule_claims("Peskov said the Turkish side was obliged to neutralise the terrorists under the Sochi deal and "
                       "had done so.") == set()


@pytest.mark.parametrize("sentence, pair", [
    ("Turkey said Kurdish fighters had not completed their withdrawal from the safe zone within the 120-hour pause "
     "agreed with Washington.", ("turkey", "sdf")),
    ("Russia said Turkey had not finished the separation of the moderate opposition from the terrorists under the "
     "Sochi deal.", ("russia", "turkey")),
])
def test_a_keeping_left_unfinished_charges_whoever_did_not_finish_it(sentence, pair):
    assert pair in rule_claims(sentence)


def test_a_keeping_finished_is_no_charge():
    assert rule_claims("Turkey said Kurdish fighters had completed their withdrawal from the safe zone within the "
                       "120-hour pause agreed with Washington.") == set()
