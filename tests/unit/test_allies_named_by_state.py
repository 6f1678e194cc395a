"""Someone's allies: a sponsor's proxies, or the state their adjective names, never the one whose allies they are."""

import pytest

from tests.conftest import counted_pairs, rule_claims


@pytest.mark.parametrize("sentence, accused, not_accused", [
    ("Ankara accused Moscow's Syrian ally of breaking the Idlib truce.", "syria", "russia"),
    ("Ankara accused Moscow\u2019s Syrian ally of breaking the Idlib truce.", "syria", "russia"),
    ("The opposition said Russia's Syrian ally had violated the truce in Idlib.", "syria", "russia"),
    ("Turkey said Damascus's Russian ally had violated the truce in Idlib.", "russia", "syria"),
])
def test_the_ally_a_state_adjective_names_is_charged_not_its_partner(sentence, accused, not_accused):
    accused_parties = {b for _, b in counted_pairs(sentence)}
    assert accused in accused_parties and not_accused not in accused_parties


@pytest.mark.parametrize("sentence, pairs", [
    # a sponsor's allies are its proxies, whatever nationality they bear
    ("The SDF accused Turkey and its Syrian allies of shelling villages in breach of the truce.",
     {("sdf", "turkey"), ("sdf", "armed_groups")}),
    ("Rebels accused the regime and its Russian allies of violating the Idlib ceasefire.",
     {("armed_groups", "syria"), ("armed_groups", "russia")}),
])
def test_allies_joined_to_their_partner_are_charged_as_before(sentence, pairs):
    # The reading is the rules'; whether the learned decision counts each pair is weighed on labelled sets (the SDF's
    # charge of "its Syrian allies" sits at its threshold: 0.699 against 0.70 from rules-128 on), never a proxy here.
    assert rule_claims(sentence) == pairs
    assert counted_pairs(sentence) <= pairs
