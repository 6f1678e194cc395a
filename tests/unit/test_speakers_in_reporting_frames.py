"""Who speaks when a medium relays the words, a description or a document names the source, or a name only
qualifies an unnamed one (sentences written for these tests, in the shapes of real wire copy)."""

import pytest

from pipeline.analyzer.gazetteer import gazetteer
from tests.conftest import direct_quotes as speakers
from tests.conftest import rule_claims, statement_of


def test_the_one_a_medium_quoted_as_saying_speaks_not_the_medium():
    text = ("Syrian Foreign Minister Faisal Mekdad met his Russian counterpart in Moscow on Tuesday.\n\n"
            "\u201cThe Turkish side has not kept its word on the M4 road,\u201d Sputnik quoted him as saying.")
    assert speakers(text) == [("The Turkish side has", "Faisal Mekdad")]


def test_a_quote_inside_reported_speech_belongs_to_the_one_reported_not_to_the_agency_relaying_it():
    text = ("Sergei Lavrov said Moscow expected Ankara to \u201cseparate the moderate opposition from the "
            "terrorists without further delay\u201d, the TASS news agency said.")
    assert speakers(text) == [("separate the moderat", "Sergei Lavrov")]


def test_a_newspaper_that_reported_the_words_does_not_speak_them_whatever_the_parse():
    text = ("Turkish Defence Minister Hulusi Akar said on Friday the talks in Moscow had been \u201cproductive "
            "and sincere\u201d, the Hurriyet newspaper reported.")
    assert speakers(text) == [("productive and since", "Hulusi Akar")]


def test_a_described_speaker_of_the_quotes_own_sentence_speaks_not_the_next_sentences():
    text = ("Rebel positions near Saraqeb came under fire overnight. In a statement on Sunday the military said "
            "the shelling \u201cwill receive a firm and proportionate response.\u201d The Syrian Observatory for Human "
            "Rights said five fighters were killed.")
    assert statement_of(text, "will receive").speaker == "military"


def test_a_described_speaker_named_with_its_state_speaks_for_that_state():
    text = ("Rebel positions near Saraqeb came under fire overnight. In a statement on Sunday the Russian military "
            "said the shelling \u201cwill receive a firm and proportionate response.\u201d The Observatory said "
            "five fighters were killed.")
    statement = statement_of(text, "will receive")
    assert statement.speaker == "Russian military"
    assert gazetteer().rollup(statement.speaker_actor) == "russia"


def test_a_name_that_only_qualifies_an_unnamed_aide_is_not_the_speaker():
    text = "\u201cMoscow has not kept the promises it made in Sochi,\u201d an Erdogan aide told Reuters on Monday."
    statement = statement_of(text, "Moscow has not kept")
    assert (statement.speaker, statement.speaker_actor) == ("Erdogan aide", "turkey")
    assert rule_claims(text) == {("turkey", "russia")}


def test_a_name_after_the_role_is_still_the_speaker():
    text = "\u201cAnkara has not kept the promises it made in Sochi,\u201d Kremlin spokesman Dmitry Peskov told reporters."
    assert speakers(text) == [("Ankara has not kept ", "Dmitry Peskov")]


def test_a_statement_from_a_named_body_is_that_bodys():
    text = ("\u201cThe regime and its allies have violated the truce more than 300 times since it began,\u201d "
            "a statement from the Syrian National Coalition said on Saturday.")
    statement = statement_of(text, "The regime and its")
    assert statement.speaker == "Syrian National Coalition"


def test_a_statement_from_a_group_described_is_the_group_named_before():
    text = ("Islamic State claimed the bombings in a statement posted online by its Amaq news agency.\n\n"
            "A second statement from the militant group said the attacks were \u201crevenge for the air strikes "
            "on Muslim towns.\u201d")
    assert speakers(text)[-1][1] == "Islamic State"


def test_he_after_an_unnamed_one_in_a_role_is_that_one_not_someone_named_earlier():
    text = ("Bashar al-Assad has denied that his forces used chemical weapons.\n\n"
            "Germany's foreign minister called for an urgent session of the Security Council on Wednesday. "
            "\u201cThose who bombed the hospital in Idlib have broken every promise they made,\u201d he added.")
    statement = statement_of(text, "Those who bombed")
    assert (statement.speaker, gazetteer().rollup(statement.speaker_actor)) == ("Germany's foreign minister", "germany")


def test_he_after_a_named_one_who_came_after_the_role_is_the_named_one():
    text = ("A Turkish official said the talks in Sochi had been difficult. Sergei Lavrov spoke to reporters in "
            "Moscow later. \u201cWe expect Turkey to keep its word on Idlib,\u201d he said.")
    assert speakers(text) == [("We expect Turkey to ", "Sergei Lavrov")]


def test_the_white_house_and_its_national_security_staff_speak_for_the_united_states():
    text = ("\u201cMoscow is not living up to its commitment to ground its aircraft over Aleppo,\u201d Deputy National "
            "Security Adviser Ben Rhodes told reporters.\n\n"
            "The White House said separately that the Syrian government had violated the truce.")
    assert rule_claims(text) == {("united_states", "russia"), ("united_states", "syria")}


def test_the_one_told_is_the_listener_not_the_speaker():
    text = ("Russian Foreign Minister Sergei Lavrov met Hakan Fidan in Moscow on Friday. Lavrov went further, telling "
            "Yeni Safak that the shelling of Saraqeb amounted to \u201ca blatant breach of the agreement\u201d.")
    assert speakers(text) == [("a blatant breach of ", "Sergei Lavrov")]


def test_a_cue_right_after_a_question_is_the_quotes_though_the_question_mark_ends_the_sentence():
    text = ("Russian diplomats said the talks in Ankara had failed. \u201cWhere is the separation of the terrorists "
            "that Turkey promised?\u201d Lavrov asked.")
    assert speakers(text) == [("Where is the separat", "Lavrov")]


def test_a_cue_in_a_time_clause_sets_the_scene_and_does_not_speak():
    text = ("\u201cOur observation posts will stay where they are,\u201d Turkish Defence Minister Hulusi Akar told "
            "Anadolu, after Sergei Lavrov said that Turkey must withdraw them. \u201cWe will not leave Idlib to the "
            "regime.\u201d")
    assert [s for _, s in speakers(text)] == ["Hulusi Akar", "Hulusi Akar"]


@pytest.mark.parametrize("cue", ["retaliated", "whispered", "interrupted", "cut in"])
def test_verbs_of_answering_back_attribute_the_quote(cue):
    text = ("\u201cThe regime has broken every promise it made in Sochi,\u201d Lavrov said.\n\n"
            f"\u201cTurkey will never leave Idlib to the terrorists,\u201d an angry Hulusi Akar {cue}.")
    assert speakers(text)[-1] == ("Turkey will never le", "Hulusi Akar")


def test_the_one_a_medium_cited_as_telling_speaks():
    text = ("Sergei Lavrov met Hakan Fidan in Moscow on Friday.\n\n"
            "\u201cAnkara has still not separated the opposition from the terrorists,\u201d RIA Novosti cited the "
            "Russian minister as telling reporters.")
    assert speakers(text)[-1][1] == "Sergei Lavrov"


@pytest.mark.parametrize("text, cue, adjacent", [
    ('Japan branded North Korea an "outlaw nation in the neighborhood." Russia insisted on talks.', "insisted", False),
    ('"Isn\'t that a bribe?" Trump asked.', "asked", True),
    ('"The truce is holding," Lavrov said.', "said", True),
])
def test_a_cue_after_a_quote_that_closes_on_a_full_stop_is_the_next_sentences(text, cue, adjacent):
    from pipeline.analyzer.core import _parse
    from pipeline.analyzer.quotes import find_quotes
    from pipeline.analyzer.statements import _right_after

    doc = _parse(text)
    quote = find_quotes(text)[0]
    assert _right_after(doc, quote, next(t for t in doc if t.text == cue)) is adjacent


def test_a_state_the_gazetteer_does_not_know_speaks_as_written():
    text = ("Kazakhstan said the next round of talks in Astana would be \u201ca step in the right direction for "
            "Syria\u201d.\n\n\u201cThe ceasefire must hold in Idlib,\u201d Japan said in a statement.")
    assert speakers(text) == [("a step in the right ", "Kazakhstan"), ("The ceasefire must h", "Japan")]
