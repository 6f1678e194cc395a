"""Attacks set against a truce; blame laid on a party; groups that joined a de-escalation regime; a name the NER calls
a body beside a role; an adviser to a body named before; a pro-government paper's military source; the Russian
military's "regime of silence". Written for these tests; no labelled set's text."""

from pipeline.analyzer.core import relevance_of
from tests.conftest import rule_claims


def test_an_attack_despite_the_truce_is_charged():
    text = ("Turkish Defence Minister Hulusi Akar said regime forces struck villages near Ariha despite the "
            "arrangement reached in Moscow.")
    assert rule_claims(text) == {("turkey", "syria")}


def test_an_attack_despite_losses_is_no_charge():
    # the guard: what the attack is set against is no truce
    text = ("Hulusi Akar said regime forces struck villages near Ariha despite heavy losses, as ceasefire talks went on "
            "in Moscow.")
    assert rule_claims(text) == set()


def test_blame_placed_on_parties_is_theirs():
    text = "Ankara said the truce violations threatened the talks and put the blame on the regime and Hezbollah."
    assert rule_claims(text) == {("turkey", "syria"), ("turkey", "other:hezbollah")}


def test_groups_that_joined_the_de_escalation_regime_are_armed_groups():
    text = ('Rudskoy said: "Groups that joined the de-escalation regime in Rastan keep shelling army posts, which is a '
            'violation of the commitments they undertook."')
    assert rule_claims(text) == {("russia", "armed_groups")}


def test_a_name_beside_a_role_speaks_for_the_body_it_serves():
    text = ("Hamza Bayraqdar, a spokesman for Jaish al-Islam, the largest faction in Douma, told reporters that regime "
            "forces had not observed the truce for a single hour.")
    assert statement_of_reported(text).speaker_actor == "armed_groups"


def test_an_adviser_to_the_delegation_speaks_for_it():
    text = ("The opposition delegation reached Astana on Monday. Yahya al-Aridi, an adviser to the delegation, told "
            "reporters that Iran had violated the ceasefire hundreds of times.")
    assert rule_claims(text) == {("armed_groups", "iran")}


def test_a_military_source_of_a_pro_government_paper_is_syrian():
    text = "A military source told Al-Masdar News that the militants had violated the ceasefire near Daraa."
    assert rule_claims(text, outlet="Al-Masdar News") == {("syria", "armed_groups")}


def test_the_regime_of_silence_is_a_truce():
    text = ("MOSCOW, June 2. The regime of silence in Syria was violated 40 times over the past day, the Russian "
            "reconciliation centre said.\n\nMost of the violations were recorded in Aleppo and Latakia, it said. "
            "Militants shelled government positions in Aleppo, breaking the regime of silence, the centre said.")
    assert relevance_of("Russian military: regime of silence violated 40 times in Syria", text).relevant


def statement_of_reported(text: str):
    """The one statement the analyzer finds in a written text."""
    from pipeline.analyzer.core import analyze

    return next(s for s in analyze("Idlib truce", text, quotes_everywhere=True).statements)
