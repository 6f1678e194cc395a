"""Trailing attributions in wire and state-agency reporting ("…, X told TASS"): sentences written for these tests."""

from pipeline.analyzer.core import analyze
from pipeline.analyzer.gazetteer import gazetteer


def statements(text: str) -> list[tuple[str, str, str | None]]:
    """(kind, speaker, actor rolled up) for each statement the analyzer finds."""
    g = gazetteer()
    return [(s.kind, s.speaker, g.rollup(s.speaker_actor) if s.speaker_actor else None)
            for s in analyze("Idlib truce", text, date="2020-06-14", outlet="tass").statements]


# 1. A trailing attribution the parser hangs as a subjectless clause after an apposition

def test_a_titled_name_after_a_posting_speaks_for_the_state_that_posted_it():
    text = "Ankara has not withdrawn its heavy weapons from the zone, the Russian ambassador to Ankara Pavel Orlov told TASS."
    assert statements(text) == [("indirect", "Pavel Orlov", "russia")]


def test_a_quote_with_a_trailing_posted_title_and_name():
    text = "\u201cThe Turkish side keeps delaying the patrols,\u201d Russian Ambassador to Turkey Pavel Orlov told RIA Novosti."
    assert statements(text) == [("direct", "Pavel Orlov", "russia")]


# 2. A name after a rank is a person whatever the NER says; "head of <body>" gives the body

def test_a_rank_makes_a_person_and_the_apposition_gives_the_body():
    text = ("Armed groups opened fire on army posts eleven times, Rear Admiral Igor Sokolov, head of the Russian "
            "reconciliation centre, told a briefing.")
    assert statements(text) == [("indirect", "Igor Sokolov", "russia")]


def test_a_surname_alone_later_is_the_titled_person():
    text = ("Major General Igor Sokolov, chief of the Russian reconciliation center, spoke in Hmeimim.\n\n"
            "\u201cThe militants shelled our positions twice,\u201d Sokolov said.")
    assert statements(text)[-1] == ("direct", "Igor Sokolov", "russia")


def test_a_place_after_a_title_is_not_a_person():
    text = "Militants breached the truce near Saraqib, the Russian envoy in Damascus said."
    [(kind, speaker, actor)] = statements(text)
    assert speaker == "Russian envoy in Damascus" and actor == "russia"


def test_a_body_after_a_title_is_not_a_person():
    text = "Turkish troops are still at their posts, the commander of the Hmeimim base told RIA Novosti."
    [(kind, speaker, actor)] = statements(text)
    assert "Hmeimim" in speaker and speaker != "Hmeimim" and actor == "russia"


# 3. The agency told is never the speaker

def test_an_unnamed_source_told_an_agency_is_of_the_agency_state_not_the_agency():
    text = "Gunmen attacked a checkpoint near Kafr Nabl, a military source told SANA."
    assert statements(text) == [("indirect", "military source", "syria")]


def test_a_named_official_told_an_agency_keeps_the_speech():
    text = "\u201cWe expect Ankara to keep its word,\u201d Deputy Foreign Minister Oleg Belov told Anadolu."
    [(kind, speaker, _)] = statements(text)
    assert speaker == "Oleg Belov"


def test_an_agency_quoting_someone_is_not_the_speaker():
    text = "Militants violated the ceasefire nine times, Sputnik quoted the Russian Defence Ministry as saying."
    assert statements(text) == [("indirect", "Russian Defence Ministry", "russia")]


def test_residents_told_an_agency():
    text = "Shelling hit the market in Ariha overnight, residents told Reuters."
    [(kind, speaker, actor)] = statements(text)
    assert speaker == "residents" and actor is None


# 4. Officials known only by title roll up to their state or body

def test_a_deputy_head_of_a_body_rolls_up_to_the_body():
    text = "Militants fired on army positions 14 times over the past day, the deputy head of the Russian reconciliation centre said."
    assert statements(text) == [("indirect", "deputy head of the Russian reconciliation centre", "russia")]


def test_a_ministry_source_told_anadolu_is_turkish():
    text = "Regime forces shelled the observation post, a Turkish defence ministry source told Anadolu."
    assert statements(text) == [("indirect", "Turkish defence ministry source", "turkey")]


def test_an_unnamed_official_described_by_a_place_keeps_the_description():
    # (who governs a Syrian province is the state's official: config gazetteer provincial_roles)
    text = "The rebels broke the truce at dawn, the governor of Hama said."
    assert statements(text) == [("indirect", "governor of Hama", "syria")]
