"""Charges the parser reads wrongly: an act noun parsed as a verb after a calling verb ("considers the regime
offensive a breach"), a breach verb parsed as a noun inside its subject ("the presence of Turkish troops in the
buffer zone breaches the deal"). The sentences are written for these tests in the shapes of agency reports; none is
taken from a labelled set."""

import pytest

from tests.conftest import rule_claims

CONTEXT = "Ankara and Moscow met again on the Idlib ceasefire agreement this week. "


def rule_pairs(sentence: str) -> set[tuple[str, str]]:
    return rule_claims(CONTEXT + sentence, after=len(CONTEXT))


@pytest.mark.parametrize("sentence, pair", [
    ("The Turkish defence ministry said it considers the regime offensive a breach of the Idlib memorandum.",
     ("turkey", "syria")),
    ("The Turkish defence ministry said it considers the regime advance a breach of the Idlib memorandum.",
     ("turkey", "syria")),
    ("Damascus said the continued presence of Turkish troops in the buffer zone breaches the Sochi deal.",
     ("syria", "turkey")),
])
def test_a_charge_the_parser_misreads_is_read_as_written(sentence, pair):
    assert pair in rule_pairs(sentence)


@pytest.mark.parametrize("sentence", [
    # a threat, not a breach: the calling verb names no violation
    "The Turkish defence ministry said it considers the regime offensive a threat to its observation posts.",
    # a breach verb that is the noun it looks like: "breaches" of others, with no object of its own
    "Damascus said the presence of Turkish troops in the buffer zone followed breaches by the militants.",
])
def test_no_charge_without_the_breach_the_shape_needs(sentence):
    assert not {pair for pair in rule_pairs(sentence) if pair[1] in ("syria", "turkey")}


@pytest.mark.parametrize("sentence, pair", [
    # the Turkish defence ministry's English and the wires' name the same army many ways
    ("Turkey's defence ministry said regime elements had violated the ceasefire in Idlib.", ("turkey", "syria")),
    ("The opposition said regime soldiers had violated the ceasefire in Idlib.", ("armed_groups", "syria")),
    ("Moscow said terrorist elements had violated the ceasefire in Idlib.", ("russia", "armed_groups")),
    # the parser tags "forces" a verb here
    ("Turkey said on Monday that forces loyal to Assad had violated the Idlib ceasefire.", ("turkey", "syria")),
])
def test_the_parties_named_as_elements_units_or_loyal_forces(sentence, pair):
    assert pair in rule_pairs(sentence)


@pytest.mark.parametrize("sentence, pair", [
    # a restrictive relative that tells what the party has done asserts it
    ("Moscow says it is fighting terrorists who have repeatedly violated the ceasefire.", ("russia", "armed_groups")),
    ("Damascus said it was targeting terrorist groups that had breached the truce.", ("syria", "armed_groups")),
    # a duty told as what was to be done, and its contrary clause however the parser hangs it
    ('"Under the March 2020 agreements, our Turkish partners were to ensure the separation of the moderate opposition '
     'from terrorists, but this work, regrettably, has stalled," Lavrentiev said.', ("russia", "turkey")),
    ('"Our Turkish partners were supposed to ensure the separation of the moderate opposition from terrorists, but '
     'this has not been done," Lavrentiev said.', ("russia", "turkey")),
    # a truce exploited to strike
    ("The Syrian Arab Army said that terrorist organisations had exploited the cessation of hostilities to attack its "
     "positions.", ("syria", "armed_groups")),
    # an unnamed source speaking to a state's agency, the agency's name left out of its noun by the parser
    ('"The terrorist groups have not complied with the ceasefire," a military source told the state news agency SANA.',
     ("syria", "armed_groups")),
    # the agency named beside its description: both are subjects to the parser
    ("The official news agency SANA reported that the terrorist groups had violated the deal.",
     ("syria", "armed_groups")),
    # "a breach … by the party that is supposed to be the guarantor" names no one; the raids called the breach do
    ('Captain Naji Mustafa of the National Front for Liberation spoke. "The Russian raids on Jabal al-Zawiya are a clear '
     'breach of the agreement by the party that is supposed to be the guarantor of the regime," he said.',
     ("armed_groups", "russia")),
])
def test_charges_told_in_other_shapes(sentence, pair):
    assert pair in rule_pairs(sentence)


@pytest.mark.parametrize("sentence", [
    "Russia said it would strike any groups that violated the truce.",
    "Russia said it targets militants who violate the truce.",
    # a joint duty charges neither party
    "Under the Sochi deal, Russia and Turkey were to conduct joint patrols, but the patrols have not started, "
    "Lavrentiev said.",
    "Under the Sochi deal, Russian and Turkish troops pledged to conduct joint patrols, but the patrols have not "
    "started, Lavrentiev said.",
    "The Syrian army said it used the lull to evacuate the wounded.",
])
def test_no_charge_from_a_description_a_joint_duty_or_a_harmless_use(sentence):
    assert not rule_pairs(sentence)


def test_a_source_in_another_committee_is_not_the_committee_named_before():
    from tests.conftest import statement_of
    text = ("Members of the Daraa Central Negotiating Committee say the government broke the truce. "
            'Citing a source in the security committee, the agency said the gunmen had "attacked military points '
            'around the city."')
    statement = statement_of(text, "attacked military points")
    assert statement.speaker_actor != "armed_groups"


def test_the_2019_memoranda_make_a_story_about_them():
    from pipeline.analyzer.relevance import names_truce
    assert names_truce("the ypg terrorists, who under the 2019 memoranda should have withdrawn, are still there")


@pytest.mark.parametrize("sentence", [
    # a task with its taker in a relative clause, stalled, not yet done, not implemented: the taker is charged, not
    # the groups the task was about
    "Russian officials complain that the clearing of radical groups from the M4 corridor, which Turkey took on under "
    "the March 5 additional protocol, has stalled.",
    "Lavrov said that the separation of the moderate opposition from the terrorists, which Turkey undertook in the "
    "March 2020 agreements, has yet to be completed.",
    "Lavrov said that the separation of the moderate opposition from the terrorists, which Turkey undertook in the "
    "March 2020 agreements, has not been implemented.",
])
def test_a_task_left_undone_charges_who_took_it_on(sentence):
    pairs = rule_pairs(sentence)
    assert ("russia", "turkey") in pairs and ("russia", "armed_groups") not in pairs


@pytest.mark.parametrize("sentence, pair", [
    # an aggression pointed back to charges each party of the attacks told before
    ("The Syrian Foreign Ministry said the Turkish occupation forces and their mercenaries continued their attacks on "
     "Tal Tamr. The letters added that this aggression constitutes a flagrant violation of the Sochi understandings.",
     ("syria", "armed_groups")),
    # the offensive "of" a party is that party's
    ('The Idlib ceasefire collapsed. "The offensive of the terrorist groups is a gross violation of the '
     'Russian-Turkish memorandum," the Russian defence ministry said.', ("russia", "armed_groups")),
])
def test_an_aggression_or_an_offensive_called_a_breach_charges_its_doers(sentence, pair):
    assert pair in rule_pairs(sentence)


@pytest.mark.parametrize("sentence, pair", [
    # a provocation aimed at disrupting the deal: whose act it is
    ("Militants staged a provocation aimed at disrupting the Moscow agreements, the Russian defence ministry said.",
     ("russia", "armed_groups")),
    ('The Moscow agreements are in force. Russia\'s defence ministry said "radical groups" had used civilians as a '
     '"human shield" to block the road, in what it described as a provocation aimed at disrupting the implementation '
     'of the Moscow agreements.', ("russia", "armed_groups")),
    # a commitment named by a verb, the quote's own truce context
    ('"The regime has not allowed the delivery of humanitarian aid as it committed to," US State Department '
     'spokesman John Kirby told reporters.', ("united_states", "syria")),
    # keeping told by a verb and its particle
    ("Lavrov said Washington had not delivered on the central condition of the Geneva arrangement.",
     ("russia", "united_states")),
    ("Lavrov said Washington had failed to follow through on its pledges under the Geneva truce.",
     ("russia", "united_states")),
])
def test_aims_commitments_and_keepings_in_other_words(sentence, pair):
    assert pair in rule_pairs(sentence)


@pytest.mark.parametrize("sentence", [
    "The UN said the regime had delivered on aid access under the Geneva truce.",
    "Lavrov said the US had not delivered the aid the Geneva truce provided for.",
])
def test_delivering_what_is_no_commitment_or_delivering_it_charges_no_one(sentence):
    assert not rule_pairs(sentence)


def test_a_party_named_in_the_accuseds_relative_clause_is_not_the_accused():
    sentence = ("Damascus said terrorist groups launched attacks from the zone. The Syrian Foreign Ministry added that "
                "these organizations, which are listed on the Security Council's lists of terrorism, have persisted in "
                "flagrantly violating the Astana agreements.")
    assert ("syria", "un") not in rule_pairs(sentence)


@pytest.mark.parametrize("sentence", [
    "The Astana guarantors met on the Idlib ceasefire. Zarif accused the United States of violating the nuclear deal.",
    "The Astana guarantors met on the Idlib ceasefire. Zarif said the United States violated the nuclear deal.",
    "Turkey and Russia discussed Idlib and the truce. Moscow accused Kyiv of breaching the grain deal.",
])
def test_a_deal_of_another_file_is_no_truce_of_syrias(sentence):
    assert not rule_pairs(sentence)


@pytest.mark.parametrize("sentence, party", [
    ("Russia says the groups that joined the cessation of hostilities are violating it.", "armed_groups"),
    ("Moscow said factions which had signed up to the truce had shelled government-held districts of Aleppo, "
     "violating the cessation of hostilities.", "armed_groups"),
])
def test_the_groups_that_signed_up_to_the_truce_are_the_armed_opposition(sentence, party):
    assert ("russia", party) in rule_pairs(sentence)


def test_groups_that_signed_something_else_are_no_party():
    from pipeline.analyzer.core import _parse
    from pipeline.analyzer.referents import actor_of_phrase
    doc = _parse("Aid groups that had signed the appeal were shelled in breach of the truce.")
    assert actor_of_phrase(doc[1]) is None
