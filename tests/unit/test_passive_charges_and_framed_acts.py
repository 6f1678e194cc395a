"""Who accuses in a passive ("was accused by Turkey of…"), an act told before and called a breach now ("…killed in a
regime attack. The ministry said the attack was a violation…"), a keeping left undone by not leaving a zone, a demand
"in full" far from its verb, and the breach type of charges told in an army's voice. The sentences are written for
these tests in the shapes of agency reports; none is taken from a labelled set."""

import pytest

from pipeline.analyzer.breaches import breach_type
from pipeline.analyzer.gazetteer import gazetteer
from pipeline.vocab import BreachType
from pipeline.analyzer.core import analyze
from tests.conftest import reported_of, rule_claims

CONTEXT = "Ankara and Moscow met again on the Idlib ceasefire agreement this week. "


def rule_pairs(sentence: str) -> set[tuple[str, str]]:
    return rule_claims(CONTEXT + sentence, after=len(CONTEXT))


@pytest.mark.parametrize("sentence, pair", [
    ("The YPG has been accused by Ankara of breaching the truce around Ain Issa.", ("turkey", "sdf")),
    ("Turkey was accused by Moscow of failing to honour its commitments under the Sochi memorandum.",
     ("russia", "turkey")),
    ("The Syrian army was blamed by opposition factions for the violations of the truce in Jabal al-Zawiya.",
     ("armed_groups", "syria")),
])
def test_a_passive_accusation_is_made_by_its_agent_against_its_subject(sentence, pair):
    pairs = rule_pairs(sentence)
    assert pair in pairs and pair[::-1] not in pairs


def test_the_agent_of_a_passive_accusation_is_its_speaker():
    statement = reported_of(CONTEXT + "The YPG has been accused by Ankara of breaching the truce around Ain Issa.",
                             "The YPG has been")
    assert gazetteer().rollup(statement.speaker_actor) == "turkey"


def test_the_subject_of_a_passive_accusation_with_no_agent_is_not_its_speaker():
    text = CONTEXT + "Turkey has been accused of breaching the truce around Ain Issa, the Kurdish-led SDF said."
    assert gazetteer().rollup(reported_of(text, "Turkey has been").speaker_actor) == "sdf"


def test_the_subject_of_a_passive_quoting_verb_still_speaks():
    text = CONTEXT + "Peskov was quoted by RIA Novosti as saying that Ankara had not fulfilled its commitments."
    assert reported_of(text, "Peskov was quoted").speaker_actor == "dmitry_peskov"


def test_an_attack_told_before_with_a_bare_regime_is_the_regimes_when_called_a_breach():
    text = ("Two Turkish soldiers were wounded in a regime attack near Saraqib on Sunday. "
            "The Turkish Defence Ministry said the attack was a flagrant breach of the Moscow agreement.")
    assert ("turkey", "syria") in rule_claims(text)


def test_regime_strikes_called_a_breach_charge_the_regime():
    assert ("turkey", "syria") in rule_pairs(
        "The Turkish Foreign Ministry said regime strikes on Ariha were a violation of the ceasefire.")


def test_regime_attacks_told_in_passing_charge_no_one():
    pairs = rule_pairs("Turkey's foreign minister said Moscow was not abiding by the Idlib deal, as regime air strikes "
                       "wounded three Turkish soldiers near Saraqib.")
    assert ("turkey", "russia") in pairs and ("turkey", "syria") not in pairs


@pytest.mark.parametrize("sentence", [
    "Russian officials said the jihadists had not left the demilitarised zone as the Sochi memorandum required.",
    "The Russian Defence Ministry said the militants had still not vacated the buffer zone around the M4.",
])
def test_not_leaving_a_zone_is_a_keeping_left_undone(sentence):
    assert ("russia", "armed_groups") in rule_pairs(sentence)


def test_civilians_not_leaving_charge_no_one():
    assert rule_pairs("The UN said thousands of civilians had not left the town despite the ceasefire.") == set()


def test_a_demand_in_full_is_read_however_far_from_its_verb():
    assert ("russia", "turkey") in rule_pairs(
        "Lavrov said Moscow expected Ankara to carry out its obligations under the March agreements in full.")


def test_a_demand_not_framed_as_unkept_is_an_appeal():
    assert rule_pairs("Lavrov said Moscow expected Ankara to carry out its obligations under the March agreements.") \
        == set()


@pytest.mark.parametrize("sentence, expected", [
    ("Sources in the Syrian army said terrorists had violated the ceasefire 15 times.", BreachType.CEASEFIRE_VIOLATION),
    ("The armed groups and the terrorists violated the truce, the ministry said.", BreachType.CEASEFIRE_VIOLATION),
    ("Turkish-backed militants violated the truce near Tal Tamr.", BreachType.CEASEFIRE_VIOLATION),
    ("Damascus said Ankara keeps arming the militants in Idlib.", BreachType.SUPPORT_FOR_DESIGNATED_GROUPS),
    ("Moscow accused Ankara of supporting terrorist groups.", BreachType.SUPPORT_FOR_DESIGNATED_GROUPS),
])
def test_an_army_or_armed_groups_are_no_support_for_terrorists(sentence, expected):
    assert breach_type(sentence, "violate") == expected


@pytest.mark.parametrize("sentence, pair", [
    ("The Turkish Defence Ministry called the regime shelling a flagrant violation of the truce.", ("turkey", "syria")),
    ("Moscow deems the attacks by the militants a violation of the truce.", ("russia", "armed_groups")),
    ("The Syrian government considers the presence of Turkish troops a flagrant violation of the Astana "
     "understandings.", ("syria", "turkey")),
])
def test_an_act_called_a_breach_charges_its_doer_however_the_parser_reads_the_call(sentence, pair):
    assert pair in rule_pairs(sentence)


@pytest.mark.parametrize("sentence", [
    "Damascus called the Turkish incursion a blatant violation of Syrian sovereignty.",
    "The Foreign Ministry called on all parties to respect the ceasefire, describing the situation as a threat.",
])
def test_a_call_that_names_no_truce_breach_charges_no_one(sentence):
    assert rule_pairs(sentence) == set()


def test_a_sentence_opened_by_for_a_party_is_told_as_that_party_sees_it():
    sentence = ("For Moscow, the main problem is that Ankara has not delivered on its pledge to disarm the jihadists "
                "under the Sochi deal.")
    assert ("russia", "turkey") in rule_pairs(sentence)
    assert reported_of(CONTEXT + sentence, "For Moscow").speaker_actor == "russia"


def test_for_a_while_is_no_party():
    assert reported_of(CONTEXT + "For years, Russia has accused Turkey of violating the truce.",
                        "For years").speaker_actor == "russia"


def test_an_agency_that_reports_a_statement_is_not_its_accuser():
    text = CONTEXT + ("Russian Deputy Foreign Minister Sergei Vershinin said Turkey had not lived up to its obligations "
                      "on the M4 highway, RIA Novosti reported.")
    accusations = [a for a in analyze("Idlib truce", text).accusations if a.accused == "turkey"]
    assert accusations and {a.accuser for a in accusations} == {"sergei_vershinin"}


def test_an_agency_reporting_on_its_own_still_speaks():
    text = CONTEXT + "Turkey had not lived up to its obligations on the M4 highway, RIA Novosti reported."
    assert {a.accuser for a in analyze("Idlib truce", text).accusations if a.accused == "turkey"} == {"ria_novosti"}


def test_their_attacks_are_each_subjects():
    pairs = rule_pairs("The Turkish occupation army and its mercenaries continued their attacks on the villages of Tal "
                       "Tamr despite the ceasefire agreement, the Syrian Democratic Forces said in a statement.")
    assert {("sdf", "turkey"), ("sdf", "armed_groups")} <= pairs


def test_their_in_a_subject_is_not_the_sentences_other_parties():
    pairs = rule_pairs("The presence of terrorist groups in Idlib and their repeated attacks on civilians and on the "
                       "Syrian army are a clear violation of the Astana agreements, the Iranian Foreign Ministry said.")
    assert ("iran", "armed_groups") in pairs and ("iran", "syria") not in pairs


@pytest.mark.parametrize("sentence", [
    "The opposition said the regime was using the ceasefire as a pretext to mass troops near Saraqeb.",
    "Opposition factions said the regime was using the truce as a cover to advance on Kafr Nabl.",
])
def test_a_truce_used_as_cover_is_turned_to_gaining_ground(sentence):
    assert ("armed_groups", "syria") in rule_pairs(sentence)


def test_a_truce_used_for_aid_is_no_charge():
    assert rule_pairs("The UN said it had used the ceasefire to deliver aid to Maarat al-Numan.") == set()


@pytest.mark.parametrize("sentence, pair", [
    ("Russian military police patrols came under fire from militants near Ariha, in a breach of the Moscow protocol, "
     "the Russian Defence Ministry said.", ("russia", "armed_groups")),
    ("The Russian reconciliation centre said it had recorded 12 violations of the ceasefire regime, all from territory "
     "held by Hayat Tahrir al-Sham.", ("russia", "armed_groups")),
])
def test_fire_from_a_party_or_ground_it_holds_is_that_partys(sentence, pair):
    assert pair in rule_pairs(sentence)


def test_fire_from_nowhere_named_charges_no_one():
    assert rule_pairs("Russian military police patrols came under fire near Ariha, in a breach of the Moscow protocol, "
                      "the Russian Defence Ministry said.") == set()


def test_daraas_central_committee_speaks_for_the_opposition():
    assert ("armed_groups", "syria") in rule_pairs(
        "The Central Committee in Daraa said the Fourth Division had violated the terms of the settlement deal.")


@pytest.mark.parametrize("sentence", [
    "Peskov said Turkey should fulfil what it promised under the Idlib deal.",
    "Lavrov said Moscow expected Ankara to carry out what was agreed in Sochi.",
])
def test_what_was_promised_is_a_debt_taken_on(sentence):
    assert ("russia", "turkey") in rule_pairs(sentence)


def test_doing_what_one_can_is_no_debt():
    assert rule_pairs("Lavrov said Moscow expected Ankara to do what it can to calm the situation.") == set()
