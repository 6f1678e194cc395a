"""Charges no one stands behind are not counted, an act's name is not its doer, and a keeping left undone is read in
a few more words (found by grids of written frames × the three states, each read by the whole analyzer).

A charge is counted (claim or counter) only when someone named makes it: not when it sits in claims someone rejects
and no one is named as making, in reports said to be false, in "no evidence that…", under a negated or future
accusing verb, or in a blame set on a condition. "Condemned the move as a violation of the Moscow agreement" charges
whoever made the move, never the capital an agreement is named after. "Unable or unwilling to separate", "failed to
restrain", "done nothing to stop" charge the subject. Written for these tests; no labelled text.
"""

import pytest

from tests.conftest import counted_pairs

LEAD = ("The ceasefire in Syria's Idlib province, agreed by Russia and Turkey, has come under growing pressure this "
        "week.\n\n")


def _counted(text: str) -> set[tuple[str, str]]:
    return counted_pairs(LEAD + text)


@pytest.mark.parametrize("text", [
    # claims rejected that no one is named as making
    "Moscow rejected claims that it had failed to honour its obligations under the Sochi memorandum.",
    "The Turkish defence ministry dismissed allegations that its troops had breached the ceasefire near Saraqib.",
    "The Russian military denied reports that its jets had violated the truce in southern Idlib.",
    # reports said to be false; no evidence
    "The Syrian foreign ministry said reports that the army had broken the ceasefire were baseless.",
    "Ankara said there was no evidence that Russian forces had violated the Idlib deal.",
    # reports still being checked, or not confirmed
    "The Russian defence ministry said it was checking reports that Turkish troops had breached the truce.",
    "The Kremlin said it could not confirm claims that the Syrian army had violated the March agreement.",
    # a negated or future accusing verb, a blame set on a condition
    "The Kremlin has never accused Ankara of breaching the March agreement, Dmitry Peskov said.",
    "Damascus did not blame Moscow for the violations of the ceasefire, the statement said.",
    "Russia will hold Turkey responsible for any breach of the memorandum, the ambassador said.",
    "Ankara would hold Damascus responsible if the truce in Idlib collapsed, the minister said.",
])
def test_a_charge_no_one_stands_behind_is_not_counted(text):
    assert _counted(text) == set()


@pytest.mark.parametrize("text, pairs", [
    # a claim someone is named as making stays theirs when another rejects it
    ("Moscow rejected Ankara's claims that Russian aircraft had violated the ceasefire in Idlib.",
     {("turkey", "russia")}),
    # an accusation made in the same sentence as a denial answers it
    ("Ankara denied breaching the truce and accused the Syrian army of violating the Moscow agreement.",
     {("turkey", "syria")}),
    # reports confirmed are asserted
    ("The Russian reconciliation centre confirmed reports that the militants had violated the ceasefire in Idlib.",
     {("russia", "armed_groups")}),
    # "even if" concedes; the charge stands
    ("Russia accused Turkey of violating the Sochi deal, even if Ankara denies it, the ministry said.",
     {("russia", "turkey")}),
])
def test_a_charge_someone_makes_still_counts(text, pairs):
    assert pairs <= _counted(text)


@pytest.mark.parametrize("text, pair", [
    ("Turkish troops crossed into Idlib on Sunday. Damascus condemned the move as a violation of the Moscow "
     "agreement.", ("syria", "turkey")),
    ("The Syrian army pushed towards Saraqib overnight. Ankara denounced the step as a breach of the Moscow deal.",
     ("turkey", "syria")),
    ("Turkey moved artillery to the M4 highway. Russia condemned this move as a violation of the Moscow protocol.",
     ("russia", "turkey")),
])
def test_an_act_named_after_a_capital_charges_whoever_made_it(text, pair):
    counted = _counted(text)
    assert pair in counted and all(accused != "russia" for _, accused in counted)


@pytest.mark.parametrize("text, pair", [
    # two adjectives joined: the second's keeping is the subject's too
    ("Russian Foreign Minister Sergei Lavrov said Ankara was unable or unwilling to separate the moderate rebels from "
     "the terrorists, as the Sochi memorandum requires.", ("russia", "turkey")),
    ("Turkey is either unwilling or unable to honour its commitments under the March agreement, Lavrov said.",
     ("russia", "turkey")),
    # reining in, restraining, stopping: what a guarantor owes, left undone
    ("Turkish officials said Moscow had failed to restrain the Syrian government forces it had promised to keep out "
     "of the demilitarised zone.", ("turkey", "russia")),
    ("The Kremlin said Ankara had done nothing to stop the militants from attacking Syrian troops, despite the "
     "ceasefire.", ("russia", "turkey")),
])
def test_a_keeping_left_undone_in_other_words(text, pair):
    assert pair in _counted(text)


@pytest.mark.parametrize("text", [
    "Moscow accused Ankara of breaching the ceasefire in Nagorno-Karabakh by sending Syrian mercenaries there.",
    "Lavrov also accused Turkey of violating the truce in Libya, where Ankara backs the Tripoli government.",
])
def test_a_truce_abroad_is_not_ours(text):
    assert _counted(text) == set()


def test_a_truce_of_ours_told_beside_one_abroad_still_counts():
    text = "The SDF accused Turkey of violating the ceasefire in northeast Syria with mercenaries who had fought in Libya."
    assert ("sdf", "turkey") in _counted(text)


@pytest.mark.parametrize("text, pair", [
    # a demand to stop a breach says the one asked is breaching
    ("Russian Defence Minister Sergei Shoigu called on Ankara to stop violating the Idlib ceasefire.", ("russia", "turkey")),
    ("The Syrian foreign ministry urged the Turkish regime to cease its attacks on the demilitarised zone.",
     ("syria", "turkey")),
    # asked to halt another's attacks: the other attacks
    ("Erdogan called on Putin to halt the regime's attacks on Idlib, which breach the Sochi deal.", ("turkey", "syria")),
    # not serious about keeping the deal
    ("Lavrov said the Turkish side was not serious about implementing the March agreement.", ("russia", "turkey")),
])
def test_a_demand_to_stop_a_breach_and_no_will_to_keep(text, pair):
    assert pair in _counted(text)


@pytest.mark.parametrize("text, not_pair", [
    ("The UN envoy urged all sides to stop violating the truce in Idlib.", None),
    ('"The regime has kept up its attacks despite the truce, and we have asked the Russian side to stop these '
     'violations," the Turkish defence ministry said.', ("turkey", "russia")),
    ("Erdogan called on Putin to halt the regime's attacks on Idlib, which breach the Sochi deal.", ("turkey", "russia")),
])
def test_a_demand_to_stop_charges_no_one_else(text, not_pair):
    counted = _counted(text)
    assert counted == set() if not_pair is None else not_pair not in counted


@pytest.mark.parametrize("text, pair", [
    # a keeping set against one who did not keep
    ('"Moscow has honoured every one of its commitments, unlike our Turkish partners," Zakharova said.',
     ("russia", "turkey")),
    # a truce put to use by a noun
    ("The Russian defence ministry said the militants had taken advantage of the lull to regroup and resupply.",
     ("russia", "armed_groups")),
    # a keeping never meant
    ("The Syrian National Coalition said the regime had never intended to abide by the ceasefire.",
     ("armed_groups", "syria")),
])
def test_a_keeping_set_against_another_put_to_use_or_never_meant(text, pair):
    assert pair in _counted(text)


@pytest.mark.parametrize("text", [
    "Russia and Turkey, unlike the militants' sponsors, have agreed to extend the truce, Lavrov said.",
    "The Kremlin said it did not intend to abandon the ceasefire in Idlib.",
    "Turkey said it would take advantage of the talks to press for a lasting truce.",
])
def test_no_charge_where_no_keeping_is_set_against_anyone(text):
    assert _counted(text) == set()
