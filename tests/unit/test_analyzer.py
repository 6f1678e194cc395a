"""The analyzer on sentences written for these tests, in several outlets' styles."""

import pytest

from pipeline.analyzer.core import analyze
from pipeline.analyzer.gazetteer import gazetteer
from pipeline.analyzer.model import load_nlp
from pipeline.analyzer.quotes import find_quotes
from pipeline.analyzer.relevance import prefilter, score
from pipeline.analyzer.statements import extract_statements

IDLIB_STORY = "\n\n".join([
    "Turkey's Defence Ministry accused Syrian government forces on Monday of violating the ceasefire in Idlib "
    "eight times, in breach of the March 5 protocol agreed with Russia.",
    "Turkish Defence Minister Hulusi Akar said observation posts near Saraqib had come under artillery fire.",
    "\u201cWe will not allow the regime to destroy the calm that was achieved with great effort,\u201d the minister "
    "said. \u201cOur patience has limits.\u201d",
    "Moscow denied that the Syrian army had violated the truce and said militants of Hayat Tahrir al-Sham had "
    "shelled government positions first.",
    "\u201cIf Ankara fails to rein in the terrorists, the agreement will collapse,\u201d Akar's Russian counterpart "
    "Sergei Shoigu told reporters. He added that joint patrols on the M4 would continue.",
])


def accusations(text, title="Idlib ceasefire"):
    return {(gazetteer().rollup(a.accuser), gazetteer().rollup(a.accused), a.mode) for a in analyze(title, text).accusations}


@pytest.mark.parametrize("title, text", [
    ("Libya truce talks resume", "Russia and Turkey urged Libya's rival sides in Tripoli to respect the ceasefire. "
     "Haftar's forces and the Tripoli government traded accusations of violating the truce near Sirte. " * 3),
    ("Karabakh monitors", "Turkish and Russian officers monitor the ceasefire in Nagorno-Karabakh from a centre in "
     "Azerbaijan. Armenia and Azerbaijan accuse each other of truce violations. " * 3),
    ("Aleppo bakeries reopen", "Flour deliveries resumed in Aleppo and Homs, where queues for bread had grown. " * 4),
    ("Lira hits record low", "The Turkish lira fell again on Monday.\n\nMarkets were calm.\n\n"
     "Related: Russia, Turkey agree on Idlib ceasefire patrols"),
])
def test_stories_that_are_not_about_a_syria_ceasefire_are_rejected(title, text):
    assert not score(title, text).relevant


def test_an_idlib_violation_story_is_relevant_with_evidence():
    relevance = score("Turkey says regime broke Idlib truce", IDLIB_STORY)
    assert relevance.relevant and relevance.idlib and relevance.evidence


def test_prefilter_keeps_the_parser_off_unrelated_text():
    assert not prefilter("Football", "Galatasaray won the derby in Istanbul on Sunday.")
    assert prefilter("Idlib", IDLIB_STORY)


def test_metonyms_aliases_and_accents_resolve_and_roll_up():
    g = gazetteer()
    assert g.rollup(g.resolve("Ankara")) == "turkey"
    assert g.rollup(g.resolve("the Kremlin")) == "russia"
    assert g.rollup(g.resolve("the regime")) == "syria"
    assert g.rollup(g.resolve("Hay\u2019at Tahrir al-Sham")) == "armed_groups"
    assert g.rollup(g.resolve("the YPG")) == "sdf"
    assert g.resolve("Erdo\u011fan") == g.resolve("Erdogan") is not None
    assert g.resolve("let us") is None  # "us" is not the US
    assert g.resolve("the U.K.'s foreign secretary") == "uk" and g.resolve("E.U.") == "eu"  # as U.S. and U.N. are


def test_the_gazetteer_fixes_the_base_model_tagging_groups_and_towns_as_people():
    doc = load_nlp()("Tahrir al-Sham fighters entered Jisr al-Shughur.")
    assert not [e for e in doc.ents if e.label_ == "PERSON"]


def test_quotes_split_by_attribution_run_over_paragraphs_and_skip_scare_quotes():
    text = ("\u201cThe first part is here,\u201d she said. \u201cAnd the second part follows it.\u201d\n\n"
            "\u201cThis quote starts here\n\n\u201cand ends in the next paragraph,\u201d he said.\n\n"
            "He asked Moscow to \u201cstop\u201d Damascus.")
    quotes = [text[q.start:q.end] for q in find_quotes(text)]
    # The quote as written, its own comma included: a gold "starts_with" may or may not carry it.
    assert quotes[0] == "The first part is here," and quotes[1].startswith("And the second part")
    assert quotes[2].startswith("This quote starts here") and quotes[2].endswith("next paragraph,")
    assert len(quotes) == 3


def test_speakers_named_by_role_pronoun_or_surname_resolve_to_the_full_name():
    statements, _ = extract_statements(load_nlp()(IDLIB_STORY))
    direct = [s for s in statements if s.kind == "direct"]
    assert [s.speaker for s in direct] == ["Hulusi Akar", "Hulusi Akar", "Sergei Shoigu"]
    assert gazetteer().rollup(direct[0].speaker_actor) == "turkey"
    assert gazetteer().rollup(direct[2].speaker_actor) == "russia"


def test_accusations_denials_and_hypotheticals_are_told_apart():
    found = accusations(IDLIB_STORY)
    assert ("turkey", "syria", "claim") in found
    assert ("russia", "armed_groups", "counter") in found  # the counter-accusation
    assert ("russia", "syria", "claim") not in found and ("syria", "turkey", "claim") not in found
    assert not any(mode == "claim" and accused == "turkey" for _, accused, mode in found)  # "if Ankara fails" is hypothetical


def test_a_description_in_a_relative_clause_is_not_an_accusation():
    text = ("Russia says its jets in Idlib only strike militants who violate the ceasefire agreed in Moscow, "
            "the defence ministry said.\n\nThe ceasefire in Idlib has held since March, with joint patrols on the M4.")
    assert not {a for a in accusations(text) if a[2] == "claim"}


def test_an_institution_named_as_the_ministry_is_the_speaker():
    text = ("The Russian Defence Ministry reported new violations of the Idlib ceasefire by militants on Tuesday.\n\n"
            "\u201cTerrorists shelled positions of the Syrian army near Saraqib four times,\u201d the ministry said.")
    statements, _ = extract_statements(load_nlp()(text))
    direct = [s for s in statements if s.kind == "direct"]
    assert direct and direct[0].speaker == "Russian Defence Ministry"


def test_a_story_told_in_compliance_words_is_relevant_but_a_deal_story_without_a_truce_is_not():
    promises = ("Erdogan says Moscow has not kept its promises in northern Syria",
                "Neither Russia nor the United States has kept its promise to remove Kurdish fighters from the "
                "border strip in northern Syria, Turkish President Recep Tayyip Erdogan said.\n\n"
                "Under the Sochi memorandum, Kurdish units were to withdraw 30 km from the border.\n\n"
                "\u201cThey are still there,\u201d Erdogan said of the fighters near Tal Abyad, adding that the "
                "commitments made to Ankara had not been fulfilled.")
    oil = ("Syria and Iran sign oil agreement",
           "Syria and Iran signed an agreement in Damascus on oil deliveries.\n\n"
           "The deal commits Tehran to two tankers a month, officials said.\n\nSyria's economy has shrunk by half.")
    assert score(*promises).relevant
    assert not score(*oil).relevant


def test_an_actor_listed_twice_in_the_gazetteer_is_refused(tmp_path):
    from pipeline.analyzer.gazetteer import Gazetteer

    path = tmp_path / "gazetteer.yaml"
    path.write_text("actors:\n  - {id: a, name: A, kind: state, aliases: [A]}\n"
                    "  - {id: a, name: A, kind: state, aliases: [Aa]}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="listed more than once: a"):
        Gazetteer(path)
