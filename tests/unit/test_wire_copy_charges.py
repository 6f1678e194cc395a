"""Charges as wire copy and daily military bulletins tell them: a keeping left undone in a one-sentence paragraph
after the truce was named, an ability or success denied ("has not been able to separate"), "the strikes" whose doer
the sentence before named, counted breaches put on one party ("23 violations, including 18 by…"), the broker of a
deal (no keeper of it), and a cleft that denies one party to charge another. The sentences are written for these
tests; none is taken from a labelled set."""

import pytest

from tests.conftest import rule_claims

CONTEXT = "Ankara and Moscow met again on the Idlib ceasefire agreement this week. "


def rule_pairs(sentence: str) -> set[tuple[str, str]]:
    return rule_claims(CONTEXT + sentence, after=len(CONTEXT))


def test_a_keeping_undone_goes_on_from_the_truce_named_just_before():
    text = ("Moscow and Ankara have traded barbs over Idlib since the ceasefire collapsed last month.\n\n"
            "Kremlin spokesman Dmitry Peskov said Turkey had failed to separate the opposition from the terrorists.")
    assert ("russia", "turkey") in rule_claims(text)


def test_a_keeping_undone_with_no_truce_in_view_charges_no_one():
    text = ("Moscow and Ankara have traded barbs over trade tariffs for a month.\n\n"
            "Kremlin spokesman Dmitry Peskov said Turkey had failed to separate the opposition from the terrorists.")
    assert rule_claims(text) == set()


@pytest.mark.parametrize("sentence", [
    "Peskov said Turkey had not yet been able to separate the opposition from the terrorists in the Idlib zone.",
    "The Russian Foreign Ministry said the Turkish side had not managed to fulfil its obligations under the deal.",
    "Zakharova said Ankara has not succeeded in separating the moderate rebels from the terrorists in Idlib.",
])
def test_an_ability_or_success_denied_leaves_the_keeping_undone(sentence):
    assert ("russia", "turkey") in rule_pairs(sentence)


def test_an_ability_granted_is_no_charge():
    assert rule_pairs("Peskov said Turkey had been able to separate the opposition from the terrorists "
                      "in the Idlib zone.") == set()


def test_the_strikes_are_whose_the_sentence_before_told():
    text = ("Russian warplanes struck the outskirts of Idlib city on Sunday in the heaviest bombing since the March "
            "ceasefire. Opposition officials said the strikes violated the truce.")
    assert ("armed_groups", "russia") in rule_claims(text)


def test_the_strikes_no_one_was_said_to_carry_out_charge_no_one():
    text = ("Explosions were heard on the outskirts of Idlib city on Sunday. "
            "Opposition officials said the strikes violated the truce.")
    assert rule_claims(text) == set()


@pytest.mark.parametrize("sentence, pair", [
    ("The Russian Centre for Reconciliation registered 23 ceasefire violations in the Idlib de-escalation zone over "
     "the past 24 hours, including 18 by the Hayat Tahrir al-Sham terrorist group, Rear Admiral Vadim Kulit said.",
     ("russia", "armed_groups")),
    ("The Turkish Defence Ministry recorded 40 violations of the ceasefire, 35 of them by the Syrian army.",
     ("turkey", "syria")),
    ("The Russian reconciliation centre registered 12 ceasefire violations, of which nine were by Jabhat al-Nusra.",
     ("russia", "armed_groups")),
    ("The Turkish Defence Ministry said there had been 40 violations of the ceasefire, most of them by regime forces.",
     ("turkey", "syria")),
])
def test_counted_breaches_are_put_on_the_party_most_are_by(sentence, pair):
    assert pair in rule_pairs(sentence)


def test_killings_told_in_a_clause_on_an_escalation_are_no_share_of_breaches():
    found = rule_pairs("Erdogan and Putin announced the deal on Thursday evening, after weeks of escalation in which "
                       "dozens of Turkish soldiers were killed by regime attacks.")
    assert ("turkey", "syria") not in found and ("russia", "syria") not in found


def test_the_broker_of_a_truce_is_not_who_its_pronoun_stands_for():
    found = rule_pairs("Syrian Democratic Council co-chair Ilham Ahmed said Turkey had not abided by the truce "
                       "brokered by Washington and was continuing its attacks.")
    assert ("sdf", "turkey") in found
    assert ("sdf", "united_states") not in found


def test_a_cleft_charges_the_party_it_puts_first_not_the_one_it_denies():
    found = rule_pairs("Lavrov said it was the militants, not the Syrian army, who were breaking the ceasefire "
                       "in Idlib.")
    assert ("russia", "armed_groups") in found
    assert ("russia", "syria") not in found


SANA_REPORT = ("Terrorist groups positioned in the Idlib de-escalation zone targeted the safe villages of the Hama "
               "countryside with rocket shells on Sunday. The terrorists continue their breaches of the de-escalation "
               "agreement, taking advantage of the support offered to them.")


def test_an_agency_or_a_wire_narrating_a_breach_in_its_own_voice_charges_no_one():
    # GUIDELINES: the outlet's own unattributed narrative is no accusation, the state agency's included
    assert rule_claims(SANA_REPORT, outlet="SANA") == set()
    assert rule_claims(SANA_REPORT, outlet="Reuters") == set()


def test_which_after_a_place_is_the_party_placed_there_not_a_name_in_its_own_clause():
    found = rule_claims("The Syrian army said its units responded to attacks by terrorist organizations positioned in "
                        "the de-escalation zone in Idlib, which violated the Moscow agreement by targeting safe areas.")
    assert ("syria", "armed_groups") in found
    assert ("syria", "russia") not in found


@pytest.mark.parametrize("sentence", [
    "Ankara says Moscow is responsible for the regime's violations of the ceasefire.",
    "Ankara holds Moscow responsible for the regime's violations of the ceasefire.",
])
def test_who_breached_and_who_is_held_to_answer_for_it_are_both_charged(sentence):
    found = rule_pairs(sentence)
    assert ("turkey", "russia") in found and ("turkey", "syria") in found


def test_a_task_failed_as_agreed_is_a_commitment_in_view():
    assert ("russia", "turkey") in rule_claims("Russia said Turkey had failed to secure the M4 highway as agreed.")


def test_a_pledged_task_withdrawn_from_a_place_charges_the_pledger_not_the_place():
    found = rule_pairs("Lavrov said the withdrawal of heavy weapons from the zone, which Ankara undertook to ensure "
                       "under the Sochi memorandum, has not been completed.")
    assert ("russia", "turkey") in found


def test_a_plural_subjects_accuse_the_parser_reads_as_a_noun_still_accuses():
    found = rule_pairs("Moscow and Damascus accuse Ankara of failing to separate the moderate rebels from jihadists "
                       "under the deal.")
    assert ("russia", "turkey") in found and ("syria", "turkey") in found


def test_a_relative_clause_set_off_by_a_comma_asserts_whatever_its_clause_supposes():
    assert ("syria", "armed_groups") in rule_pairs(
        "The Syrian army command said it would respond to any breach by the terrorist groups, which have repeatedly "
        "violated the truce since it came into force.")


def test_a_supposed_breach_alone_is_no_claim():
    assert rule_pairs("The Syrian army command said it would respond to any breach of the truce by the terrorist "
                      "groups.") == set()


def test_they_in_a_single_bodys_report_are_the_attackers_the_sentence_before_named():
    text = ("Hayat Tahrir al-Sham fighters attacked Syrian army positions near Kabani on Sunday. Russia's "
            "reconciliation centre said they had violated the ceasefire.")
    found = rule_claims(text)
    assert ("russia", "armed_groups") in found
    assert ("russia", "syria") not in found


def test_they_are_every_conjunct_of_the_subject_before():
    text = ("The Turkish army and its allies shelled Ain Issa. The Kurdish administration said they had breached the "
            "agreement reached with Russia.")
    found = rule_claims(text)
    assert ("sdf", "turkey") in found and ("sdf", "armed_groups") in found


def test_they_of_officials_who_report_are_the_officials():
    text = ("Turkish officials met their Russian counterparts on the Idlib deal. Turkish officials said they had "
            "violated the ceasefire.")
    assert ("turkey", "russia") not in rule_claims(text)


def test_who_registered_the_violations_did_not_commit_them():
    found = rule_pairs("The Russian Centre for Reconciliation reports ceasefire violations registered by the Russian "
                       "and Turkish parts of the joint commission on a daily basis.")
    assert ("russia", "turkey") not in found


def test_who_committed_the_violations_did():
    assert ("turkey", "syria") in rule_pairs("The Turkish side said 30 violations committed by regime forces were "
                                             "recorded on Sunday in the ceasefire zone.")


def test_strikes_condemned_as_a_breach_of_sovereignty_alone_are_no_truce_charge():
    text = ("Iranian Foreign Ministry spokesman Abbas Mousavi said Tehran remains committed to the Astana ceasefire.\n\n"
            "Mousavi also condemned Israel's latest missile strikes on the outskirts of Damascus, describing them as a "
            "\"flagrant violation\" of Syria's sovereignty and of international law.")
    assert ("iran", "israel") not in rule_claims(text)


def test_strikes_condemned_as_a_breach_of_sovereignty_and_of_the_truce_are():
    assert ("iran", "israel") in rule_pairs(
        "Mousavi also condemned Israel's latest missile strikes on Damascus, describing them as a flagrant violation "
        "of Syria's sovereignty and of the Astana ceasefire.")


def test_a_body_asked_to_condemn_is_neither_accuser_nor_accused():
    found = rule_pairs("In letters to the UN secretary-general, the Syrian Foreign Ministry said the attack showed that "
                       "the terrorist groups had not abided by the Sochi agreement and called on the council to "
                       "condemn it.")
    assert ("syria", "armed_groups") in found and ("syria", "un") not in found


@pytest.mark.parametrize("sentence, pair", [
    ("The Russian Defence Ministry reported new ceasefire violations on the part of the militants in Idlib.",
     ("russia", "armed_groups")),
    ("Kurdish officials said the violations of the ceasefire were being committed by Turkish-backed factions.",
     ("sdf", "armed_groups")),
    ("The Turkish Foreign Ministry said the responsibility for the attack on the ceasefire zone rests with the regime.",
     ("turkey", "syria")),
])
def test_who_the_breaches_are_on_the_part_of_committed_by_or_rest_with(sentence, pair):
    assert pair in rule_pairs(sentence)
