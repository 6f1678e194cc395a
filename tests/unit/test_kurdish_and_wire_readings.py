"""Readings of Kurdish, Russian and wire copy: an appositive breach the parser hung on the cue; a source a sentence's
agency relays in another agency's copy; shelling "from the positions of" a party, reported; a thing condemned as
something other than a breach; "On the other side," which has no one accuse the other; "it" for a deal in a second
"that" clause; "the statement added" after the statement was named again; a truce that "declared" nothing; a source
described past a clause of its own; "the two states" for the parties named together; a role before an unknown name
that names a state's body; "the delegation of" a party; a caption before the dateline; a party whose relative clause
tells its pledge, said not to have done it; a title the tagger took for a name; a name the parser split; "intent on
undermining"; "its officials"; government warplanes; a deal named by a city; air strikes "despite" a truce.
Written for these tests; no labelled set's text."""

import pytest

from pipeline.analyzer.core import _dateline
from tests.conftest import rule_claims


@pytest.mark.parametrize("cue", ["The Syrian army command said", "A Syrian military source told reporters that"])
def test_an_appositive_breach_hung_on_the_cue(cue):
    text = (f"{cue} militants had fired rockets at residential neighbourhoods of Hama from the buffer zone, a breach of "
            "the Sochi memorandum.")
    assert ("syria", "armed_groups") in rule_claims(text)


def test_a_source_the_sentence_relays_is_of_the_relaying_agency():
    text = ("The Syrian news agency SANA quoted a military source as saying that militants had shelled Mhardeh from "
            "the demilitarised zone, a breach of the Sochi agreement.")
    assert rule_claims(text, outlet="TASS") == {("syria", "armed_groups")}


def test_shelling_from_a_party_s_positions_reported_in_violation():
    text = ("The Russian reconciliation centre has been reporting daily shelling from the positions of Hurras al-Din "
            "in the Idlib zone in violation of the ceasefire regime.")
    assert ("russia", "armed_groups") in rule_claims(text)


def test_condemned_as_something_other_than_a_breach():
    opening = "Government troops deployed under the October ceasefire agreement. "
    assert not rule_claims(opening + "Damascus condemned the American presence east of the Euphrates as an occupation.")
    assert ("syria", "united_states") in rule_claims(
        opening + "Damascus condemned the American raid east of the Euphrates as a violation of the ceasefire.")


def test_on_the_other_side_is_no_mutual_charge():
    text = ("On the other side, the Syrian National Coalition said the regime and Russia had violated the Moscow "
            "agreement every day.")
    claims = rule_claims(text)
    assert {("armed_groups", "syria"), ("armed_groups", "russia")} <= claims
    assert ("syria", "russia") not in claims and ("russia", "syria") not in claims


def test_it_in_a_second_that_clause_is_the_deal():
    text = ("An official of the Kurdish administration told reporters that the Moscow protocol was a bargain between "
            "Ankara and Moscow and that it ignored the people displaced from Afrin.")
    assert not rule_claims(text)


def test_the_statement_added_after_it_was_named_again():
    text = ('In a statement issued on Thursday, the SDF Media Center said its fighters had repelled the attack, adding '
            'that it came "within a series of daily attacks by the occupation." The statement held the Turkish state '
            'fully responsible for the attacks, which it described as "a new violation of the ceasefire agreement." The '
            "mercenaries of the so-called Syrian National Army, the statement added, have not respected the ceasefire "
            "declared on 17 October for a single day.")
    assert ("sdf", "armed_groups") in rule_claims(text)


def test_a_source_described_past_its_own_clause():
    text = ("A commander from the al-Fateh al-Mubin operations room, which brings together HTS and the National Front "
            "for Liberation, told reporters that Russian jets had violated the Moscow agreement.")
    assert ("armed_groups", "russia") in rule_claims(text)


def test_the_syriac_military_council_is_of_the_sdf():
    text = "A source in the Syriac Military Council told reporters that Turkish forces had violated the October ceasefire."
    assert ("sdf", "turkey") in rule_claims(text)


@pytest.mark.parametrize("pair", ["the two countries", "both states"])
def test_the_two_states_are_the_parties_named_together(pair):
    text = (f"The Kurdish administration said Washington and Moscow guaranteed the October truce, but {pair} have not "
            "kept their commitments.")
    assert {("sdf", "united_states"), ("sdf", "russia")} <= rule_claims(text)


@pytest.mark.parametrize(("speaker", "charged"), [
    ("Head of the Syrian government delegation, Deputy Foreign Minister Bassam Khalil,", True),
    ("Syrian Kurdish activist Havidar Khalil", False),  # a state's adjective alone names no body
])
def test_a_role_naming_a_state_body_before_an_unknown_name(speaker, charged):
    text = f"{speaker} told reporters that Turkey had not met its obligations under the Astana agreements."
    assert (("syria", "turkey") in rule_claims(text)) is charged


def test_the_delegation_of_a_party():
    text = "The delegation of the Syrian opposition said the Ankara ceasefire had been breached by government forces."
    assert ("armed_groups", "syria") in rule_claims(text)


def test_a_caption_before_the_dateline():
    text = ("FILE - A Turkish tank near Ras al-Ain, Oct. 20, 2019.\n\nCEYLANPINAR, TURKEY / RAS AL-AIN, SYRIA — The "
            "truce held as Turkey and the SDF traded accusations.")
    start, end = _dateline(text)
    assert text[start:end].startswith("CEYLANPINAR") and text[end:].startswith("The truce")
    assert not {("turkey", "syria"), ("syria", "turkey")} & rule_claims(text)


@pytest.mark.parametrize(("relative", "charged"), [
    ("which had undertaken to secure the M4", True),
    ("which had taken control of the M4", False),  # no pledge
])
def test_a_party_whose_relative_clause_tells_its_pledge_has_not_done_it(relative, charged):
    text = (f"The Russian Defence Ministry said that the Turkish side, {relative} under the Moscow protocol, had not "
            "yet done so.")
    assert (("russia", "turkey") in rule_claims(text)) is charged


def test_a_title_the_tagger_took_for_a_name():
    text = ('"The Turkish side has not met its obligations," a Syrian diplomat said.\n\n'
            "Russian Presidential Special Envoy for Syria Alexander Lavrentiev said militants of Hayat Tahrir al-Sham "
            "had repeatedly violated the ceasefire regime established under the March 2020 additional protocol.")
    assert ("russia", "armed_groups") in rule_claims(text)


def test_a_name_the_parser_split_is_named_in_full():
    text = "Damascus said the presence of Hayat Tahrir al-Sham in the zone breached the ceasefire."
    assert ("syria", "armed_groups") in rule_claims(text)


def test_those_intent_on_undermining_a_deal():
    text = ("The Syrian National Coalition said the strike showed that Russia and the Assad government were intent on "
            "undermining the March agreement.")
    assert {("armed_groups", "russia"), ("armed_groups", "syria")} <= rule_claims(text)


def test_its_officials_speak_for_the_body_the_sentence_before_is_about():
    text = ("Hayat Tahrir al-Sham rejects the deal. Its officials told reporters that Russia had violated every truce "
            "declared in Idlib since 2018.")
    assert ("armed_groups", "russia") in rule_claims(text)


def test_government_warplanes_are_the_syrian_army_s():
    text = "The opposition said that government warplanes had bombed Idlib in violation of the truce."
    assert ("armed_groups", "syria") in rule_claims(text)


def test_a_deal_named_by_a_city_breaches_nothing():
    text = ("An official of Jaysh al-Islam told reporters that government forces had shelled Douma hours after the "
            "Cairo understandings took effect, in violation of their terms.")
    assert rule_claims(text) == {("armed_groups", "syria")}


@pytest.mark.parametrize(("when", "charged"), [("despite the truce", True), ("before the truce", False)])
def test_air_strikes_set_against_a_truce(when, charged):
    text = f"The State Department said the regime had launched air strikes on Aleppo {when}."
    assert (("united_states", "syria") in rule_claims(text)) is charged
