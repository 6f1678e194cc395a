"""Commitments: what each party pledged, agreed or vowed, on sentences written for these tests."""

from pipeline.analyzer.core import analyze
from pipeline.analyzer.gazetteer import gazetteer

LEAD = "Fighting in Idlib went on despite the ceasefire, officials said.\n\n"


def commitments(text: str) -> list[tuple[str | None, str | None, str, str]]:
    g = gazetteer()
    found = analyze("Idlib ceasefire", LEAD + text).commitments
    return [(g.rollup(c.actor) if c.actor else None, c.agreement, c.kind, c.clause) for c in found]


def test_each_party_to_an_agreement_gets_the_clause_after_the_verb():
    found = commitments("Under the Sochi memorandum of September 2018, Turkey and Russia agreed to set up a "
                        "demilitarised zone from which heavy weapons were to be withdrawn.")
    assert {(actor, agreement, kind) for actor, agreement, kind, _ in found} == {
        ("turkey", "sochi_2018", "agreed"), ("russia", "sochi_2018", "agreed")}
    assert all(clause.startswith("to set up a demilitarised zone") for *_, clause in found)


def test_an_undertaking_and_a_vow_are_kept_with_their_kind():
    found = commitments("\u201cThe Turkish side undertook to separate the armed opposition from the terrorists,\u201d "
                        "Sergei Lavrov said.\n\nThe Syrian army vowed to retake every inch of Idlib.")
    kinds = {(actor, kind) for actor, _, kind, _ in found}
    assert ("turkey", "pledge") in kinds and ("syria", "vow") in kinds


def test_a_pledge_with_no_ceasefire_clause_is_not_a_commitment():
    assert commitments("Turkey pledged to build 50,000 houses for families in northern Syria.") == []
