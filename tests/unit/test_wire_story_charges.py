"""Charges and speakers of long wire stories: phrasal verbs of keeping, a speaker set off by a relative aside or a long
role, counted breaches whose share is told after them, "those committing the violations are…", breaches told before the
attacks, duties said undone by "not one" or "neither", pledges whose object "is still there", and a body named as "the
Coalition". Written for these tests; no labelled set's text."""

import pytest

from tests.conftest import counted_pairs, reported_of, rule_claims


@pytest.mark.parametrize("text, pair", [
    ("Turkey has not lived up to its commitments under the Sochi memorandum, Lavrov said.", ("russia", "turkey")),
    ("The SDF said Moscow had failed to deliver on its promises under the ceasefire.", ("sdf", "russia")),
    ("Zakharova said Ankara must finally make good on its pledges under the Idlib agreements.", ("russia", "turkey")),
])
def test_phrasal_verbs_of_keeping_read_as_keeping(text, pair):
    assert pair in rule_claims(text)


def test_living_up_to_a_distance_keeps_nothing():
    text = "Residents of Idlib said they live up to ten kilometres from the ceasefire line and fear the shelling."
    assert rule_claims(text) == set()


def test_a_speaker_set_off_by_a_relative_aside_speaks():
    text = ("In Aleppo, a rebel commander with the Fastaqim Union, who spoke on condition of anonymity because he was "
            "not authorised to brief the media, said government forces had violated the truce.")
    assert reported_of(text, "In Aleppo").speaker_actor == "armed_groups"
    assert ("armed_groups", "syria") in rule_claims(text)


def test_a_truce_that_it_let_fail_charges_no_party():
    text = ("A cease-fire brokered by the United States and Russia appeared close to collapse, after the Syrian military "
            "declared it over and officials in Moscow and Washington traded blame over who had let it fail.")
    assert not {pair for pair in rule_claims(text) if pair[1] == "united_states"}


@pytest.mark.parametrize("text", [
    "The Russian coordination centre said it had registered nine breaches of the truce in the past 24 hours, most of "
    "them shelling of government-held districts by rebel groups.",
    "The Russian reconciliation centre said it had recorded 12 ceasefire violations over the previous day, the bulk of "
    "them by rebel groups in Hama and Aleppo provinces.",
    "The Russian reconciliation centre said it had recorded violations of the truce by groups that it said had signed "
    "up to the ceasefire.",
])
def test_counted_breaches_are_put_on_the_party_their_share_is_told_of(text):
    assert ("russia", "armed_groups") in rule_claims(text)


def test_those_committing_the_violations_are_who_they_are_said_to_be():
    text = ("Cavusoglu spoke of the Syrian ceasefire on Monday. \"Those committing the violations are the regime, "
            "Hezbollah and other groups,\" the Turkish foreign minister said.")
    assert {("turkey", "syria"), ("turkey", "other:hezbollah")} <= rule_claims(text)


def test_the_attack_the_same_speaker_tells_after_breaches_is_a_breach():
    text = ("A rebel spokesman, Issam al-Rayyes, said there had been \"limited breaches\" near the town of Tafas in "
            "Syria. Government troops had fired mortars at rebel positions on both days, he said.")
    assert ("armed_groups", "syria") in rule_claims(text)


def test_an_attack_after_another_speakers_breaches_is_not_that_speakers_charge():
    text = ("The UN said there had been breaches of the truce near Tafas in Syria. Government troops had fired mortars "
            "at rebel positions, a rebel spokesman said.")
    assert ("armed_groups", "syria") not in rule_claims(text)


@pytest.mark.parametrize("text", [
    "Under the Sochi memorandum, Ankara undertook to rid the zone of terrorist groups. Not one of these commitments "
    "has been implemented, the Syrian army command said.",
    "The Turkish side undertook to separate the moderate groups from the terrorists and to secure the road under the "
    "Moscow protocol, but it has done neither, the Syrian army said.",
])
def test_a_duty_said_undone_by_not_one_or_neither_charges_who_took_it_on(text):
    assert ("syria", "turkey") in rule_claims(text)


def test_a_pledge_whose_object_is_still_there_charges_who_pledged():
    text = ("The patrols were agreed under the additional protocol. Turkey pledged to remove the militants from the M4 "
            "corridor. Six months on, they are still there, Russia's envoy Alexander Lavrentiev told reporters.")
    assert ("russia", "turkey") in rule_claims(text)


def test_attacks_counted_in_a_total_are_their_agents_when_called_violations():
    text = ("The Turkish defence ministry said a total of 10 harassment attacks had been carried out by the YPG from "
            "areas it was required to vacate since the deals were signed, describing them as violations of the "
            "agreements.")
    assert ("turkey", "sdf") in rule_claims(text)


def test_a_long_role_set_off_before_said_keeps_its_name():
    text = ("Over the past 24 hours, 19 shelling attacks by illegal armed groups in violation of the ceasefire were "
            "recorded in Idlib, Major General Yuri Borenkov, head of the Russian Center for Reconciliation of the "
            "Opposing Sides in Syria, said on Wednesday.")
    assert ("russia", "armed_groups") in counted_pairs(text, date="2020-01-16")


def test_those_who_want_to_sabotage_are_no_one_named():
    text = ("The Turkish Defence Ministry rejected Moscow's assertion that Ankara had failed to secure the road. The "
            "attacks on the patrols were the work of \"those who want to sabotage the process\", it said.")
    assert ("turkey", "russia") not in rule_claims(text)


def test_the_head_of_the_coalition_speaks_for_the_coalition():
    text = ("The Syrian National Coalition held the regime responsible for violations of the ceasefire. The head of the "
            "Coalition, Nasr al-Hariri, said Russia had \"failed in its obligations as a guarantor\".")
    assert ("armed_groups", "russia") in rule_claims(text)


def test_obligations_that_remain_unfulfilled_charge_who_assumed_them():
    text = ("The obligations assumed by Ankara under the Sochi memorandum remain unfulfilled, the Russian Defence "
            "Ministry said.")
    assert ("russia", "turkey") in rule_claims(text)


def test_breaches_all_by_what_it_called_terrorists_are_theirs():
    text = ("The Russian Defence Ministry said it had recorded 24 violations of the ceasefire over the previous day, all "
            "of them by what it called terrorist groups in Idlib.")
    assert ("russia", "armed_groups") in rule_claims(text)


def test_unfortunately_opens_what_goes_against_a_pledge_told_before():
    text = ("Peskov said that under the Sochi agreements Turkey had undertaken to neutralise the terrorist groups in "
            "Idlib. Unfortunately, these groups are continuing their attacks on Syrian forces, he said.")
    assert ("russia", "turkey") in rule_claims(text)


def test_not_done_what_it_promised_to_do_charges_who_promised():
    text = "SDF commander Mazloum Abdi said Russia has not done what it promised to do under the Sochi understanding."
    assert ("sdf", "russia") in rule_claims(text)


def test_a_we_no_one_is_quoted_saying_is_the_publishing_body_or_no_one():
    text = ("The Memorandum provided for a demilitarised zone free of radical groups in Idlib. Eight months later, these "
            "provisions have still not been implemented. We expect our Turkish colleagues to fulfil the obligations "
            "they assumed to separate the moderate opposition from the terrorists.")
    assert ("russia", "turkey") in rule_claims(text, outlet="Russian Ministry of Foreign Affairs")
    assert not {pair for pair in rule_claims(text) if pair[0] == "armed_groups"}


def test_responding_to_fire_is_no_speech():
    text = ("The Russian reconciliation centre said rebels had shelled western Aleppo since the truce began. Such attacks, "
            "the centre said, \"grossly violate the regime of calm,\" and the Syrian army had responded only to the "
            "sources of fire.")
    assert reported_of(text, "grossly violate").speaker_actor == "russia_mod"


def test_the_commitments_of_2019_make_a_story_on_them_relevant():
    from pipeline.analyzer.core import relevance_of

    title = "Neither Washington nor Moscow kept their promises on the YPG, Erdogan says"
    text = ("Neither the United States nor Russia has fulfilled the commitments they made to Turkey in 2019 to clear the "
            "YPG from the border, President Recep Tayyip Erdogan said on Wednesday.\n\nThe YPG still holds Tal Rifaat and "
            "Manbij in northern Syria, he said, and Turkey would do what is necessary.")
    assert relevance_of(title, text).relevant


def test_it_in_what_a_reporter_says_is_the_reporters_not_the_last_body_named():
    text = ("The United Nations said aid had reached Moadamiya. Lieutenant-General Sergei Kuralenko, who heads a Russian "
            "centre set up to monitor the truce, said it had registered nine violations in the previous 24 hours, most "
            "of them shelling by what he called \"illegal armed formations\".")
    claims = rule_claims(text)
    assert ("russia", "armed_groups") in claims and ("un", "armed_groups") not in claims


def test_a_pronoun_for_what_turkey_calls_terrorists_is_the_ypg_in_a_story_on_the_ypg():
    text = ("Turkish Foreign Minister Mevlut Cavusoglu said the YPG had not left the border area covered by the 2019 "
            "ceasefire. \"Today, the terrorists are still there, and they are attacking our soldiers,\" Cavusoglu said.")
    claims = rule_claims(text)
    assert ("turkey", "sdf") in claims and ("turkey", "armed_groups") not in claims
