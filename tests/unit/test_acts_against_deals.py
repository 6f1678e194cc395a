"""Acts said to go against a deal, acts called a breach, tasks pledged and not done, titles and bodies that
publish: sentences written for these tests (none is taken from a labelled set)."""

import pytest

from pipeline.analyzer.accusations import outlet_voice
from pipeline.analyzer.core import _parse
from pipeline.analyzer.gazetteer import gazetteer
from pipeline.analyzer.speakers import SpeakerIndex
from pipeline.analyzer.statements import extract_statements
from tests.unit.test_reference_and_charges import rule_pairs


@pytest.mark.parametrize("sentence, pair", [
    ("Tehran's envoy said Ankara's troop movements near Saraqib contradict the Astana understandings.",
     ("iran", "turkey")),
    ('"What Russia is doing around Kobani is not in line with the October memorandum," the SDF commander said.',
     ("sdf", "russia")),
    ("The Turkish foreign ministry said the shelling was carried out by Syrian army artillery. "
     '"The attack is contrary to the agreements reached in Sochi," the ministry said.', ("turkey", "syria")),
    ("Moscow condemned a drone raid by the militants on the Hmeimim base, saying the assault ran counter to the "
     "Moscow protocol.", ("russia", "armed_groups")),
    ("A rebel spokesman said the regime's shelling of Ariha was inconsistent with the ceasefire.",
     ("armed_groups", "syria")),
])
def test_an_act_said_to_go_against_a_deal_charges_its_doer(sentence, pair):
    assert pair in rule_pairs(sentence)


@pytest.mark.parametrize("sentence", [
    "Lavrov said the joint patrols on the M4 were in line with the March protocol.",
    "The Turkish defence minister said the deployment of new troops was in keeping with the Sochi memorandum.",
    "The Kremlin said Russia's air strikes were not contrary to the Idlib agreements.",
])
def test_an_act_said_to_keep_a_deal_charges_no_one(sentence):
    assert rule_pairs(sentence) == set()


def test_an_act_called_a_breach_of_a_truce_charges_whoever_was_said_to_do_it():
    text = ("The opposition's negotiators said Russian jets bombed a market in Ariha on Monday, describing the raid "
            "as a flagrant breach of the truce.")
    assert ("armed_groups", "russia") in rule_pairs(text)


def test_an_act_called_a_breach_of_sovereignty_is_no_truce_charge():
    text = "The Syrian foreign ministry described the Turkish deployment as a flagrant violation of Syria's sovereignty."
    assert rule_pairs(text) == set()


def test_a_task_pledged_in_a_relative_clause_and_not_done_charges_the_pledger():
    text = ("The Russian foreign minister Sergei Lavrov said the withdrawal of heavy weapons from the zone, which "
            "Ankara undertook to ensure under the Sochi memorandum, has not been completed.")
    assert ("russia", "turkey") in rule_pairs(text)


def test_a_possessive_state_in_a_title_is_the_speakers_side():
    doc = _parse("Qatar's envoy Khalid Ibrahim al-Bahri said the talks had failed.")
    index = SpeakerIndex(doc)
    assert index.person("Khalid Ibrahim al-Bahri").actor == "other:qatar"


def test_an_armed_groups_own_site_speaks_in_its_voice_but_an_agency_or_a_wire_does_not():
    assert outlet_voice("SDF Press Centre") == "sdf"
    assert outlet_voice("Syrian National Coalition") == "armed_groups"
    # GUIDELINES: the army statements SANA carries are `syria`, its own narration is no one's accusation
    assert outlet_voice("SANA") is None
    assert outlet_voice("Anadolu Agency") is None and outlet_voice("Reuters") is None


def test_the_state_agencys_own_narration_charges_no_one_but_the_army_statement_it_carries_does():
    narration = ("The Idlib de-escalation zone was established according to the outcome of the Astana meetings, but "
                 "the terrorist organizations, backed by the Turkish regime, have continued their attacks on the safe areas.")
    assert rule_pairs(narration, outlet="SANA") == set()
    carried = "The General Command of the Army said the terrorist groups had violated the ceasefire in Hama."
    assert ("syria", "armed_groups") in rule_pairs(carried, outlet="SANA")


def test_an_armed_groups_release_charges_in_its_own_voice():
    text = "The Turkish occupation army and its mercenaries committed 40 violations of the ceasefire in Ain Issa."
    assert ("sdf", "turkey") in rule_pairs(text, outlet="SDF Press Centre")
    assert rule_pairs(text, outlet="North Press Agency") == set()


def test_a_faction_written_with_its_article_apart_is_still_known():
    g = gazetteer()
    assert g.resolve("Faylaq Al Rahman") == g.resolve("Faylaq al-Rahman") == "armed_groups"
    assert g.resolve("a commander of the Fastaqim Union rebel faction") == "armed_groups"
    assert g.resolve("the rebel-held districts") is None


def test_an_epithet_before_the_regime_still_names_it():
    text = "The rebels said the criminal regime had violated the ceasefire again."
    assert ("armed_groups", "syria") in rule_pairs(text)


def test_the_security_councils_truce_resolution_is_a_commitment_in_view():
    text = ('"Damascus and Moscow are not complying with resolution 2401," the French ambassador said.')
    assert {("france", "syria"), ("france", "russia")} <= rule_pairs(text)


def test_the_operations_room_is_the_group_named_before_it():
    text = ("Factions of the Fatah al-Mubin operations room shelled army positions. The operations room said the "
            'shelling came "in response to the continuous violations of the ceasefire by the regime".')
    assert ("armed_groups", "syria") in rule_pairs(text)


@pytest.mark.parametrize("sentence, pair", [
    ("The Kremlin said Ankara went back on the Sochi deal.", ("russia", "turkey")),
    ("The SDF said Turkey had abandoned the ceasefire agreement.", ("sdf", "turkey")),
    ("Two Turkish officials said Moscow had not held up its end of the bargain.", ("turkey", "russia")),
    ("The rebels said the regime failed to keep its end of the bargain.", ("armed_groups", "syria")),
])
def test_leaving_a_deal_or_not_keeping_ones_end_charges_the_leaver(sentence, pair):
    assert pair in rule_pairs(sentence)


@pytest.mark.parametrize("sentence", [
    "Lavrov said Russia would not walk away from its commitments.",
    "Turkey said it had kept its side of the deal.",
    "Turkish troops pulled back from the observation post, the ministry said.",
])
def test_staying_in_a_deal_or_pulling_back_troops_charges_no_one(sentence):
    assert rule_pairs(sentence) == set()


def test_in_a_partys_view_is_that_partys_claim():
    text = "In Ankara's view, the regime's advance constitutes a clear breach of the Sochi deal."
    assert ("turkey", "syria") in rule_pairs(text)


def test_an_act_pinned_on_a_party_in_the_lead_is_the_act_called_a_breach_later():
    text = ("A Russian airstrike killed dozens of fighters at a camp near Kafr Takharim. The camp belonged to a "
            "faction of the National Front for Liberation. Its spokesman called the strike a clear violation of the "
            "ceasefire agreement.")
    assert ("armed_groups", "russia") in rule_pairs(text)


def test_a_briefing_transcript_turn_runs_until_the_next_label():
    text = ("MODERATOR: Over to you, Ambassador.\n\nAmbassador Jeffrey: Thank you.\n\n"
            "The regime has been violating the Sochi agreement since April, with the support of Russian aircraft.\n\n"
            "QUESTION: Do you agree with Moscow?\n\nThe Russians say the militants broke the truce.")
    doc = _parse(text)
    statements, _ = extract_statements(doc)
    spoken = {s.quote[:20]: s.speaker for s in statements}
    assert spoken.get("The regime has been ") == "Jeffrey"
    assert "The Russians say the" not in spoken or spoken["The Russians say the"] != "Jeffrey"


@pytest.mark.parametrize("text, name, actor", [
    ("The deal, announced by US Vice President Mike Pence in Ankara, was welcomed.", "Mike Pence", "united_states"),
    ("Lieutenant-General Sergei Kuralenko, who heads a Russian centre at the Hmeymim air base, said so.",
     "Sergei Kuralenko", "russia"),
    ("Faylaq al-Sham is part of the National Front for Liberation. Naji Mustafa, a spokesman for the front, "
     "said so.", "Naji Mustafa", "armed_groups"),
])
def test_a_post_written_around_a_name_gives_the_side(text, name, actor):
    index = SpeakerIndex(_parse(text))
    assert gazetteer().rollup(index.person(name).actor) == actor


def test_fighters_backed_by_a_sponsor_are_its_proxies_not_the_sponsor():
    text = "The SDF also accused Syrian fighters backed by Turkey of blocking a corridor in breach of the deal."
    assert rule_pairs(text) == {("sdf", "armed_groups")}


def test_rebels_backed_by_a_sponsor_keep_their_own_name():
    assert ("sdf", "armed_groups") in rule_pairs("Kurdish officials accused rebels backed by Ankara of violating the truce.")


def test_attacks_not_stopped_are_a_charge_and_attacks_stopped_are_not():
    assert ("sdf", "turkey") in rule_pairs("Despite the truce, the Turkish army has not stopped its attacks on "
                                           "Ain Issa, the SDF said.")
    assert ("armed_groups", "syria") in rule_pairs("The rebels said the regime had failed to halt the shelling of "
                                                   "Ariha since the ceasefire.")
    assert rule_pairs("Russia said the militants stopped their attacks after the truce.") == set()


@pytest.mark.parametrize("sentence, pair", [
    ('"The militants never left the 15-kilometre zone they were obliged to leave under the Sochi memorandum," the '
     "Russian defence minister said.", ("russia", "armed_groups")),
    ("The Kremlin said Ankara has not taken the steps it committed to in Sochi.", ("russia", "turkey")),
])
def test_an_act_one_was_bound_to_and_did_not_do_is_a_charge(sentence, pair):
    assert pair in rule_pairs(sentence)


@pytest.mark.parametrize("sentence", [
    "The Syrian army has not entered the areas it agreed to stay out of, Russia said.",
    "Turkey has not changed the position it took in Astana, Lavrov said.",
])
def test_not_doing_what_one_was_not_bound_to_charges_no_one(sentence):
    assert rule_pairs(sentence) == set()


def test_a_body_described_then_named_speaks_by_its_name():
    from pipeline.analyzer.statements import extract_statements as statements_of
    doc = _parse("Syria's main opposition group, the High Negotiations Committee, said the government had "
                 '"shown disdain for the international community and its resolutions."')
    # (the quote, and the sentence that reports it around the quoted words)
    statements = statements_of(doc)[0]
    assert [s.kind for s in statements] == ["indirect", "direct"]
    assert all(s.speaker == "High Negotiations Committee" and s.speaker_actor == "armed_groups" for s in statements)


def test_read_more_lines_are_no_transcript_turns():
    text = ("READ MORE: Russian jets strike militant hideouts in Idlib\n\n"
            "The Syrian army said militants had violated the truce near Saraqib.\n\n"
            "READ MORE: Turkey sends reinforcements to Idlib\n\n"
            "The Turkish defence ministry said the regime had shelled an observation post.")
    statements, _ = extract_statements(_parse(text))
    speakers = {s.quote[:12]: s.speaker for s in statements}
    assert "READ MORE" not in speakers.values()
    assert speakers.get("The Turkish ") not in (None, "READ MORE")


# "regime" and "government" before an attack noun name the Syrian side, as "regime forces" does
@pytest.mark.parametrize("sentence, pair", [
    ("Turkish officials said regime shelling had violated the ceasefire in Idlib.", ("turkey", "syria")),
    ("The opposition said government air strikes on Ariha had broken the truce.", ("armed_groups", "syria")),
    ("Ankara said the regime bombardment of Idlib was a flagrant violation of the memorandum.", ("turkey", "syria")),
])
def test_the_regimes_attacks_name_the_regime(sentence, pair):
    assert pair in rule_pairs(sentence)



def test_what_an_attack_hit_is_not_its_doer():
    assert ("turkey", "russia") not in rule_pairs(
        "Ankara said the bombardment of Russian positions was a flagrant violation of the memorandum.")
    # the doer after "of" an offensive stays the doer
    assert ("turkey", "syria") in rule_pairs(
        "Turkey said the offensive of the regime and its allies was a flagrant breach of the Sochi deal.")
