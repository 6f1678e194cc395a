"""A charge asked of a council, the "it" of "in what it described as", "any attack will be…", an act told last, a
charge committed "as they described it", a duty held to, an attack told as a reply, "those fighters", "count on",
a Kurdish agency's dateline. Written for these tests; no labelled set's text."""

from pipeline.analyzer.core import analyze
from pipeline.analyzer.gazetteer import gazetteer
from tests.conftest import counted_pairs, rule_claims


def test_a_charge_asked_of_a_council_is_not_made():
    text = ("The Syrian Foreign Ministry said in two letters that the shelling proved the terrorist groups had not "
            "honoured the Sochi agreement, and demanded that the Security Council condemn it.")
    assert rule_claims(text) == {("syria", "armed_groups")}


def test_the_it_of_in_what_it_described_is_who_reports():
    text = ("Russian military police began patrols near the border on Wednesday.\n\nThe state news agency SANA said "
            "Turkish forces and allied factions stormed two villages west of Tal Tamr, in what it described as a "
            "flagrant breach of the memorandum signed in Sochi.")
    assert rule_claims(text) == {("syria", "turkey"), ("syria", "armed_groups")}


def test_a_pronoun_of_what_an_ordinary_clause_says_is_kept():
    # the guard: a "what" clause with no reporting verb above it is left as it was read
    text = "The SDF said Turkey had broken the ceasefire, which is what it had warned of."
    assert rule_claims(text) == {("sdf", "turkey")}


def test_any_attack_that_will_be_a_violation_has_not_happened():
    text = ('"Any Turkish incursion will be a gross violation of the 2019 understandings," the SDF commander told '
            'reporters.')
    assert rule_claims(text) == set()


def test_an_act_told_last_is_what_this_points_to():
    text = ("Government troops, supported by Russian air strikes, have advanced on Kafr Nabuda this week.\n\n"
            '"The regime is trying to seize more ground in Idlib. This is a breach of the Sochi memorandum," Turkish '
            "Defence Minister Hulusi Akar said.")
    assert rule_claims(text) == {("turkey", "syria")}


def test_a_charge_of_committing_what_they_called_breaches():
    text = ("The rebel factions suspended their part in the talks, accusing government forces of committing what "
            "they described as daily breaches of the truce in the Damascus countryside.")
    assert rule_claims(text) == {("armed_groups", "syria")}


def test_a_party_held_to_a_duty_to_come_is_not_charged():
    text = ("The truce in the south-west is under strain. Washington holds Moscow responsible, as a guarantor of the "
            "zone, to restrain the regime and stop the offensive, the spokeswoman said.")
    assert ("united_states", "russia") not in rule_claims(text)


def test_a_party_held_responsible_for_attacks_is_charged():
    # the guard: held responsible for something done
    text = "The SDF holds Russia responsible, as a guarantor of the ceasefire, for the shelling of Ain Issa."
    assert ("sdf", "russia") in rule_claims(text)


def test_an_attack_told_as_a_reply_charges_no_one():
    text = ("The Russian military said it had recorded 30 ceasefire violations by militants in Idlib this week, as "
            "government troops shelled their positions in response to the attacks.")
    assert rule_claims(text) == {("russia", "armed_groups")}


def test_those_fighters_are_the_ones_named_with_the_same_noun():
    text = ("US envoy James Jeffrey told senators that Washington had documented abuses by Turkish-backed Syrian opposition fighters "
            "during Turkey's operation, and that those fighters had also violated the ceasefire.")
    assert {pair[1] for pair in rule_claims(text)} == {"armed_groups"}


def test_counting_on_a_party_to_fulfil_in_full():
    text = ("Lavrov said: we count on our Turkish partners to implement in full the commitments they took on under the "
            "March protocol.")
    assert rule_claims(text) == {("russia", "turkey")}


def test_counting_on_a_party_to_fulfil_is_only_an_appeal():
    # the guard: a demand not framed as non-fulfilment
    text = "Lavrov said: we count on our Turkish partners to implement their commitments under the March protocol."
    assert rule_claims(text) == set()


def test_a_kurdish_agency_dateline_with_letters_beyond_ascii():
    text = ("KOBAN\u00ca - The General Command of the Syrian Democratic Forces said the Turkish army and its "
            "mercenaries have not stopped their attacks on the villages, despite the ceasefire agreement.")
    g = gazetteer()
    found = {(g.rollup(a.accuser), g.rollup(a.accused)) for a in analyze("SDF statement", text, date="2019-10-26").accusations}
    assert ("sdf", "turkey") in found
    assert ("sdf", "turkey") in counted_pairs(text, "2019-10-26")
