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
