"""Who a name, a title or a pronoun points to, and charges of not keeping, on sentences written for these
tests (none is taken from a labelled set)."""

import pytest

from pipeline.analyzer.core import _parse
from pipeline.analyzer.statements import extract_statements
from tests.conftest import rule_claims

CONTEXT = "The ceasefire in Idlib was under strain again this week. "


def analysed(text: str):
    doc = _parse(CONTEXT + text)
    statements, index = extract_statements(doc)
    return doc, statements, index


def rule_pairs(text: str, outlet: str | None = None) -> set[tuple[str, str]]:
    """(accuser, accused) of the rules' claims, rolled up, in the sentences after CONTEXT."""
    return rule_claims(CONTEXT + text, after=len(CONTEXT), outlet=outlet)


@pytest.mark.parametrize("text, pair", [
    # a name the parse split at its hyphen, or that runs past its head noun
    ("Faylaq al-Rahman said on Tuesday that government forces had breached the truce in Jobar.",
     ("armed_groups", "syria")),
    ("The National Front for Liberation said that Russian jets broke the ceasefire over Kafranbel.",
     ("armed_groups", "russia")),
])
def test_a_body_named_in_several_words_speaks(text, pair):
    assert pair in rule_pairs(text)


def test_a_title_pointing_back_at_a_body_speaks_for_it():
    text = ("The Russian Centre for Reconciliation counted 17 ceasefire violations on Sunday. "
            "\"Terrorist groups shelled the villages of Jurin and Shathah,\" the centre's deputy head "
            "Rear Admiral Oleg Petrov said.")
    assert ("russia", "armed_groups") in rule_pairs(text)


def test_a_title_pointing_at_no_body_named_before_speaks_for_no_one():
    text = "\"Terrorist groups shelled the villages of Jurin and Shathah,\" the centre's deputy head Oleg Petrov said."
    doc, statements, _ = analysed(text)
    assert [s.speaker_actor for s in statements if s.speaker == "Oleg Petrov"] == [None]


@pytest.mark.parametrize("text, pair", [
    # "it" is the one who said it, not the body a sentence before spoke for
    ("The opposition accused government troops of breaking the truce in Hama. "
     "Russia, in turn, said it had recorded eleven violations by rebels.", ("russia", "armed_groups")),
    # "according to her" is the woman who spoke last
    ("Maria Zakharova briefed reporters in Moscow on Thursday. According to her, the militants keep shelling "
     "Aleppo in breach of the memorandum.", ("russia", "armed_groups")),
])
def test_a_pronoun_speaker_is_who_reports_it(text, pair):
    assert pair in rule_pairs(text)


@pytest.mark.parametrize("text, pair", [
    ("Ankara accused the Kurdish militia of not withdrawing from the border strip as required under the October memorandum.",
     ("turkey", "sdf")),
    ("Damascus accused Ankara of dragging its feet on carrying out the Idlib deal.", ("syria", "turkey")),
    ("The Syrian foreign minister said Turkey seemed unable to honour its commitments under the deal.",
     ("syria", "turkey")),
    ("Russian officials said Turkey had failed to rein in the jihadists of Hayat Tahrir al-Sham, who continue to attack "
     "the joint patrols.", ("russia", "armed_groups")),
])
def test_charges_of_not_keeping(text, pair):
    assert pair in rule_pairs(text)


def test_a_possessive_speaker_reads_as_written():
    _, statements, _ = analysed("Syria's deputy foreign minister said Turkey had not kept its pledges under the deal.")
    assert "Syria's deputy foreign minister" in {s.speaker for s in statements}


def test_an_indefinite_official_is_someone_new():
    text = ("A senior official of the Syrian opposition said the army had shelled Daraya. "
            "Later, a Syrian foreign ministry official accused Qatar of trying to wreck the truce.")
    _, statements, _ = analysed(text)
    assert [s.speaker_actor for s in statements if "Qatar" in s.quote] == ["syria_mfa"]


@pytest.mark.parametrize("text, pair", [
    # "the group" is the group just named, by its name
    ("Ahrar al-Sham said it had not yet decided on the memorandum. The group accused Russia of failing to stop the "
     "air strikes on Ariha.", ("armed_groups", "russia")),
    # "This is a violation": the attacks the sentence before told of
    ("Dmitry Peskov said that shelling by the militants on the Syrian army's positions went on.\n\n"
     "\"This is a gross violation of the agreements,\" Peskov said.", ("russia", "armed_groups")),
    # the same speaker goes on: the truce in view in the sentence before is in view here
    ("Ilham Ahmed, a senior SDF official, said the Turkish army had not respected the truce.\n\n"
     "\"Their mercenaries are attacking our villages,\" she said.", ("sdf", "armed_groups")),
    # "the government" in a Syria story is Syria's
    ("The opposition delegation said the government and its allies had committed over 60 violations of the truce.",
     ("armed_groups", "syria")),
])
def test_who_a_reference_points_to(text, pair):
    assert pair in rule_pairs(text)


def test_only_a_lower_case_definite_group_noun_points_back():
    from pipeline.analyzer.names import points_to_group

    doc = _parse("The group said a group of monitors and the Organisation for Security and Co-operation had met.")
    found = {(t.text, t.i): points_to_group(t) for t in doc if t.lower_ in ("group", "organisation")}
    assert found == {("group", 1): True, ("group", 4): False, ("Organisation", 9): False}


def speakers_of(text: str) -> list[tuple[str | None, str]]:
    _, statements, _ = analysed(text)
    return [(s.speaker, s.quote) for s in statements]


def test_given_names_before_a_particle_are_part_of_the_name():
    text = ("U.N. High Commissioner for Human Rights Hani Sa'ad al Hariri said the camps were full.\n\n"
            "\"No one can stay here for long,\" Hani said in a statement.")
    assert {speaker for speaker, _ in speakers_of(text)} == {"Hani Sa'ad al Hariri"}


def test_an_acronym_written_alone_is_spelt_out():
    text = "\"Twelve fighters were killed in the clashes near Douma,\" the SOHR said in a statement."
    assert [speaker for speaker, _ in speakers_of(text)] == ["Syrian Observatory for Human Rights"]


def test_a_medium_that_reports_words_is_not_their_speaker():
    text = ("The round ended on Friday.\n\nU.N. special envoy Staffan de Mistura said on Friday the meeting was "
            "\"frank and useful\", German newspaper Frankfurter Allgemeine reported.")
    # (the quote, and the sentence that reports it around the quoted words)
    assert [speaker for speaker, _ in speakers_of(text)] == ["Staffan de Mistura"] * 2


def test_who_said_makes_its_antecedent_the_one_he_stands_for():
    text = ("Turkish lawmaker Ahmet Yilmaz said the talks were doomed.\n\n"
            "The plan was criticised by Russian Prime Minister Dmitry Medvedev, who said it could prolong the war.\n\n"
            "\"Everyone must sit at the negotiating table,\" he told a German newspaper.")
    assert [speaker for speaker, quote in speakers_of(text) if quote.startswith("Everyone")] == ["Dmitry Medvedev"]


@pytest.mark.parametrize("text, pair", [
    # the one asked to stop is the one charged ("urged X to stop…")
    ("Washington urged Damascus to stop violating the cessation of hostilities around Aleppo.",
     ("united_states", "syria")),
    # concern voiced over someone's violations
    ("The Kremlin expressed concern over repeated violations of the truce by the militants in Idlib.",
     ("russia", "armed_groups")),
    # militias fighting for the government are the government's side
    ("The Southern Front alleged that pro-government militias had broken the truce near Daraa.",
     ("armed_groups", "syria")),
])
def test_demands_concern_and_sides(text, pair):
    assert pair in rule_pairs(text)


def test_a_promise_to_someone_is_the_promisers_act():
    from pipeline.analyzer.referents import subject_of

    doc = _parse("Moscow promised Ankara to rein in the militias, and urged Damascus to hold fire.")
    verbs = {t.text: t for t in doc}
    assert subject_of(verbs["rein"]).text == "Moscow"
    assert subject_of(verbs["hold"]).text == "Damascus"


@pytest.mark.parametrize("text, pair, not_pair", [
    ("The SDF accused Turkey and its Syrian allies of shelling villages in breach of the truce.",
     ("sdf", "armed_groups"), ("sdf", "syria")),
    ("Kurdish officials said Ankara's proxies kept violating the ceasefire near Ain Issa.",
     ("sdf", "armed_groups"), ("sdf", "turkey")),
])
def test_a_sponsors_allies_are_its_proxies(text, pair, not_pair):
    found = rule_pairs(text)
    assert pair in found and not_pair not in found


@pytest.mark.parametrize("text, pair", [
    # ", a charge X denies": the accused's denial leaves the accuser's claim standing
    ("The rebels say government forces have broken the truce a dozen times, a charge Damascus denies.", ("armed_groups", "syria")),
    # a relative pronoun inside "which it says…" is the noun the clause hangs on
    ("Ankara accuses Moscow of failing to rein in the regime, which it says has broken the truce again and again.",
     ("turkey", "syria")),
    # disrupting the patrols the deal set up
    ("Hayat Tahrir al-Sham fighters keep trying to disrupt the joint patrols under the Moscow protocol, the Russian "
     "defence ministry said.", ("russia", "armed_groups")),
])
def test_charges_in_journalists_formulas(text, pair):
    assert pair in rule_pairs(text)


def test_the_source_keeps_the_description_it_was_brought_in_with():
    text = ("A source close to the talks told Reuters the opposition had accepted a two-week truce.\n\n"
            "\"They have to handle the Nusra question very carefully,\" the source said.")
    assert {speaker for speaker, _ in speakers_of(text)} == {"source close to the talks"}


def test_a_known_person_is_named_as_the_text_spells_him():
    text = "Mevlüt Çavuşoğlu said the regime had broken the truce in Idlib."  # tagged ORG: the gazetteer names him
    _, statements, _ = analysed(text)
    assert [(s.speaker, s.speaker_actor) for s in statements] == [("Mevlüt Çavuşoğlu", "mevlut_cavusoglu")]
