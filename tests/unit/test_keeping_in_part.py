"""Commitments kept only in part or not worked towards at all (pipeline/analyzer/obligations.py: left_unkept,
kept_in_part, nothing_done), on sentences written for these tests (none is taken from a labelled set)."""

import pytest

from tests.conftest import rule_claims

CONTEXT = "Ankara and Moscow met again on the Idlib ceasefire agreement this week. "


def rule_pairs(sentence: str) -> set[tuple[str, str]]:
    return rule_claims(CONTEXT + sentence, after=len(CONTEXT))


@pytest.mark.parametrize("sentence, pair", [
    ("Turkey's compliance with its Sochi obligations remains incomplete, Russia's ambassador to Ankara told RIA "
     "Novosti.", ("russia", "turkey")),
    ("The Kremlin said Ankara's implementation of the March protocol had been patchy and insufficient.",
     ("russia", "turkey")),
    ("Russia's ambassador to Ankara said Turkey had only partially complied with its Sochi obligations.",
     ("russia", "turkey")),
    ("Turkish officials said the regime had only partly honoured its commitments under the Astana deal.",
     ("turkey", "syria")),
    ("The Syrian Foreign Ministry said the Turkish side has done nothing to separate moderate rebels from Hayat "
     "Tahrir al-Sham, as the memorandum required.", ("syria", "turkey")),
    ("Moscow said Ankara had made no effort to implement the Sochi memorandum.", ("russia", "turkey")),
    ("Lavrov said the Turkish side had made no attempt to fulfil the Sochi commitments on the M4 highway.",
     ("russia", "turkey")),
])
def test_a_keeping_in_part_or_none_at_all_is_a_charge(sentence, pair):
    assert pair in rule_pairs(sentence)


@pytest.mark.parametrize("sentence", [
    "Turkey said it had done nothing to undermine the truce and rejected the Russian claims.",
    "Erdogan said Turkey had fulfilled its obligations under the Sochi memorandum in full.",
    "The UN said humanitarian access to Idlib remains insufficient despite the ceasefire.",
    "Lavrov said the implementation of the memorandum remains incomplete.",
])
def test_guard_no_party_kept_anything_in_part_here(sentence):
    assert rule_pairs(sentence) == set()
