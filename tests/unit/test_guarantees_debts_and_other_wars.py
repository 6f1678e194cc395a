"""Guarantees demanded, debts pointed back to, failings "of" a party, acts that go on, bodies named again by their
short name or by the medium that carries them, parties of other wars, dates that name a truce only with one, and a
commitment talked about rather than kept. Written for these tests; no labelled set's text."""

import pytest

from pipeline.analyzer.agreements import named_agreement, sentence_agreement
from pipeline.analyzer.relevance import _patterns
from tests.conftest import counted_pairs, reported_of, rule_claims


def test_a_demand_to_fulfil_the_guarantees_given_charges_each_guarantor():
    text = ("The General Commander of the SDF, Mazloum Abdi, demanded that Washington and Moscow fulfil the guarantees "
            "they gave the people of the region in October 2019.")
    assert rule_claims(text) == {("sdf", "united_states"), ("sdf", "russia")}


def test_a_debt_pointed_back_to_is_owed_by_who_owed_it_before():
    text = ("The SDF General Command said the occupation army had shelled Til Temir again. The General Command pointed to "
            "the commitments made by the Russian side in Sochi to stop the advance of the occupation army. These "
            "commitments, the statement said, have not been fulfilled to this day.")
    assert ("sdf", "russia") in rule_claims(text)


def test_a_commitment_only_commented_on_is_not_one_left_unkept():
    text = ("The SDF said that it had completed the withdrawal of its fighters, in line with the understanding reached "
            "in Ankara. It has not yet commented officially on the Sochi memorandum, but Russian news agencies reported "
            "that the SDF's commander spoke by phone with Russian Defence Minister Sergei Shoigu.")
    assert not rule_claims(text)


def test_a_promise_delivered_on_is_still_a_keeping():
    assert rule_claims("Lavrov said Turkey had not delivered on its promises under the Sochi memorandum.") == \
        {("russia", "turkey")}


def test_a_party_of_another_war_is_neither_accused_nor_accuser():
    text = ("Erdogan said Russia's attack on a training centre in Idlib showed that Moscow did not want peace. Turning "
            "to the Nagorno-Karabakh conflict, Erdogan said Armenia had violated the humanitarian cease-fires brokered "
            "by Moscow and Washington within hours.")
    assert not {pair for pair in counted_pairs(text, "2020-10-26") if "other:armenia" in pair}


def test_a_subjectless_closing_cue_is_the_ranked_name_set_off_before_it():
    text = ("Militants in the Idlib de-escalation zone have continued to shell positions of Syrian government troops "
            "despite the ceasefire that took effect there on January 12, the head of the Russian Center for "
            "Reconciliation of the Opposing Parties in Syria, Major General Yury Borenkov, said.")
    statement = reported_of(text, "Militants in the Idlib")
    assert "Borenkov" in statement.speaker
    assert rule_claims(text) == {("russia", "armed_groups")}


def test_an_act_said_not_to_have_stopped_charges_its_doer_not_its_target():
    text = ('"Terrorists in the Idlib zone continue to violate the ceasefire regime. Shelling of the positions of the '
            'Syrian armed forces and of residential areas has not stopped," the Russian diplomat Dmitry Polyanskiy said.')
    assert rule_claims(text) == {("russia", "armed_groups")}


@pytest.mark.parametrize("text", [
    "Sergei Lavrov said the attacks were the result of the failure of the Turkish side to fulfil its obligations.",
    "Sergei Lavrov said the attacks stemmed from the failure of Turkey to fulfil its obligations under the Sochi "
    "memorandum.",
    "Sergei Lavrov said the attacks were a result of the refusal of Ankara to separate the moderate opposition from "
    "the terrorists, as the Sochi memorandum requires.",
])
def test_a_failure_of_a_party_to_do_what_it_owed(text):
    assert rule_claims(text) == {("russia", "turkey")}


def test_the_failure_of_talks_charges_no_one():
    assert not rule_claims("Sergei Lavrov blamed the failure of the Geneva talks for the collapse of the truce.")


def test_a_body_named_again_by_the_end_of_its_name():
    text = ("In a statement carried by SANA on Sunday, the Syrian army's General Command said the armed terrorist groups "
            "had refused to abide by the ceasefire. On Monday, the General Command said that condition had not been "
            "met, and that the Turkish side had failed to fulfil any of its obligations under the agreement.")
    assert ("syria", "turkey") in rule_claims(text)


def test_a_body_described_only_speaks_for_the_state_whose_medium_carries_its_statement():
    text = ("In a statement carried by the official news agency SANA, the army command said that the armed terrorist "
            "groups had refused to abide by the truce.")
    assert rule_claims(text) == {("syria", "armed_groups")}


def test_a_body_that_describes_an_act_as_a_breach_is_the_one_named_before():
    text = ("Syrian regime forces carried out a deliberate attack on a Turkish observation post in Idlib, the Turkish "
            "Defense Ministry said. The post came under fire from 35 mortar shells, the ministry said in a written "
            "statement.\n\n\"It is assessed that the attack was carried out deliberately,\" the statement read.\n\n"
            "The ministry described the shelling as a clear breach of last year's understandings with Moscow.")
    assert ("turkey", "syria") in rule_claims(text, after=text.index("The ministry described"))


def test_a_date_names_the_2016_cessation_only_with_a_truce_word_or_its_year():
    killing = ("The talks followed the killing of 34 Turkish soldiers in an air strike in Idlib on Feb. 27, which Ankara "
               "blamed on Syrian government forces.")
    counted = ("The Russian center for the cessation of hostilities registered 604 breaches by terrorist groups since "
               "it came into effect on February 27.")
    assert sentence_agreement(killing, 0, len(killing), killing, "2020-03-05", None) is None
    assert sentence_agreement(counted, 0, len(counted), counted, "2016-04-01", None) == \
        "other:feb_2016_cessation_of_hostilities"


def test_last_year_s_understandings_on_idlib_are_the_protocol_not_january_s_truce():
    text = "Turkey has failed to fulfil its obligations under last year's understandings on Idlib."
    assert named_agreement(text, "2021-12-22") == "moscow_2020"


def test_the_black_sea_resort_is_no_other_war_but_the_black_sea_grain_deal_is():
    elsewhere = _patterns()[3]
    assert not elsewhere.search("met in the Black Sea resort of Sochi to discuss Idlib")
    assert elsewhere.search("the Black Sea grain deal")


def test_a_deal_described_by_its_time_before_a_generic_one_named_beside_it():
    text = ("Turkey has so far failed to fulfil a number of its obligations under last year's understandings on Idlib, "
            "the Russian envoy told journalists on the sidelines of the international meeting on Syria in the Astana "
            "format.")
    assert sentence_agreement(text, 0, len(text), text, "2021-12-22", None) == "moscow_2020"
