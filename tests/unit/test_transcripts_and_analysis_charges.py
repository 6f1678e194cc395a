"""Transcripts and long analysis pieces: a turn label with a bracketed aside, a third party's words reported inside a
turn, UN delegates written "NAME (Country)", charges made by "blowing apart" a truce, by "no longer abiding", by
"not willing to fulfil", by a statement "accusing X of A and Y of B", and a "they" that is the group the sentence
before was about. Written for these tests; no labelled set's text."""

import pytest

from tests.conftest import counted_pairs, reported_of, rule_claims

TRANSCRIPT = (
    "Press conference of the foreign ministers, Ankara\n\n"
    "Sergey Lavrov: We discussed the situation in the Idlib de-escalation zone in detail.\n\n"
    "Mevlut Cavusoglu (interpreted from Turkish): We are concerned. The regime's shelling of villages south of Idlib "
    "violates the ceasefire of March 5.\n\n"
    "Question (to Sergey Lavrov): Will the joint patrols on the M4 resume?\n\n"
    "Sergey Lavrov: Our Turkish colleagues undertook to separate the moderate opposition from the terrorists, but "
    "this task has still not been fulfilled.\n")


def test_a_turn_label_with_a_bracketed_aside_names_its_speaker():
    assert reported_of(TRANSCRIPT, "The regime's shelling").speaker_actor == "mevlut_cavusoglu"
    assert ("turkey", "syria") in rule_claims(TRANSCRIPT)
    assert ("russia", "syria") not in rule_claims(TRANSCRIPT)


def test_a_question_labelled_with_its_addressee_is_no_ones_turn():
    assert reported_of(TRANSCRIPT, "Our Turkish colleagues").speaker_actor == "sergei_lavrov"
    with pytest.raises(StopIteration):
        reported_of(TRANSCRIPT, "Question (to Sergey Lavrov)")


INTERVIEW = (
    "An interview on the Idlib front\n\n"
    "Karim Nassar: What does Ankara make of the offensive?\n\n"
    "Omar Halabi: Turkish officials have said repeatedly that the regime's bombing of Maarat al-Numan is a violation "
    "of the de-escalation agreement. I would add that the offensive has displaced thousands. So far Moscow has not shown any "
    "evidence that would confirm its claims.\n")


def test_a_third_partys_words_reported_inside_a_turn_are_theirs():
    # (the turn's label is a sentence of its own: the reported words open the next)
    assert reported_of(INTERVIEW, "Turkish officials").speaker_actor == "turkey"
    assert ("turkey", "syria") in rule_claims(INTERVIEW)


@pytest.mark.parametrize("opening", ["I would add", "So far Moscow"])
def test_the_rest_of_a_turn_stays_the_labelled_speakers(opening):
    assert reported_of(INTERVIEW, opening).speaker == "Omar Halabi"


def test_a_un_delegate_written_with_a_country_in_brackets_speaks_for_it():
    text = ("The Security Council met on the collapse of the truce in Aleppo.\n\n"
            "PETER WILSON (United Kingdom) said the Syrian regime had violated the cessation of hostilities.")
    assert reported_of(text, "PETER WILSON").speaker_actor == "uk"
    assert ("uk", "syria") in rule_claims(text)


def test_a_delegates_name_the_ner_took_for_an_organisation_is_a_persons():
    from spacy.tokens import Span

    from pipeline.analyzer.core import _parse
    from pipeline.analyzer.model import whole_names

    doc = _parse("SAMANTHA POWER (United States) said the regime had wrecked the cessation of hostilities.")
    doc.ents = [Span(doc, 0, 2, label="ORG"), *(e for e in doc.ents if e.start >= 2)]  # the NER's slip in a long page
    assert [(e.text, e.label_) for e in whole_names(doc).ents][0] == ("Samantha Power", "PERSON")


@pytest.mark.parametrize("text, pair", [
    ("The French envoy said Russia and the regime had blown apart the cessation of hostilities in Aleppo.",
     ("france", "syria")),
    ("Erdogan made clear over the weekend that his patience was wearing thin, telling reporters that Russia was "
     "no longer abiding by the Sochi agreement.", ("turkey", "russia")),
    ("The Syrian foreign minister said that Ankara does not appear willing to fulfil its obligations under the "
     "Sochi memorandum.", ("syria", "turkey")),
    ("Rebel commanders made the same charge, accusing Russia of continuing reconnaissance flights and sporadic "
     "airstrikes on the villages of Jabal al-Zawiya in breach of the truce.", ("armed_groups", "russia")),
    ("Damascus suspended the truce on Monday, with an army statement accusing Turkey of failing to honour its "
     "commitments under the Sochi memorandum.", ("syria", "turkey")),
])
def test_charges_of_analysis_pieces(text, pair):
    assert pair in rule_claims(text)


def test_a_charge_joined_to_a_second_party_charges_that_party():
    text = ("The Syrian army accused Turkey of failing to honour its Sochi commitments and the armed groups of refusing "
            "to abide by the ceasefire.")
    assert {("syria", "turkey"), ("syria", "armed_groups")} <= rule_claims(text)


def test_they_are_the_officials_the_sentence_before_was_about():
    text = ("Mr Jaafari said Turkey had not implemented the commitments it made in Moscow. Turkish officials reject "
            "that account. They point instead to what they call Russia's failure to honour the October 2019 "
            "memorandum on the YPG's withdrawal from the border.")
    assert ("turkey", "russia") in counted_pairs(text)
    assert ("syria", "russia") not in counted_pairs(text)


def test_groups_that_declared_their_adherence_to_the_truce_are_its_armed_parties():
    text = ("The Russian centre in Hmeimim said it had registered twelve violations of the truce by groups that had "
            "officially declared their adherence to the cessation of hostilities.")
    assert ("russia", "armed_groups") in rule_claims(text)
    assert reported_of(text, "The Russian centre").speaker_actor != "armed_groups"


@pytest.mark.parametrize("text", [
    "Cavusoglu said Turkey is willing to fulfil its obligations under the Sochi memorandum.",
    "The rebels kept up their attacks on the regime's positions, a monitor said, but no one mentioned the truce.",
    "Delegates of France and Germany said they would meet in New York next week to discuss aid deliveries.",
])
def test_no_charge_without_one(text):
    assert rule_claims(text) == set()


def _agreements(text: str, date: str) -> set[str | None]:
    """The agreements of the pairs the whole analyzer counts in a written text."""
    from pipeline.analyzer.core import analyze

    return {a.agreement for a in analyze("Syria truce", text, date=date).accusations if a.mode.value == "claim"}


def test_ten_of_the_factions_speak_as_the_factions():
    text = ("In a joint statement on Monday, ten of the factions that signed the agreement announced that they had "
            "suspended their participation in the talks, accusing the regime forces of committing \"repeated and big "
            "violations\" of the ceasefire in Wadi Barada.")
    assert ("armed_groups", "syria") in rule_claims(text)


def test_a_share_of_the_breaches_put_on_a_party_charges_it_and_not_the_one_set_apart():
    text = ("The US envoy told Congress that there had been several violations of the ceasefire in the north-east, most "
            "of them by Turkish-backed Syrian opposition fighters rather than the Turkish army itself.")
    assert ("united_states", "armed_groups") in rule_claims(text)
    assert ("united_states", "turkey") not in rule_claims(text)


def test_a_share_attributed_to_a_party_charges_it():
    text = ("The Russian reconciliation centre said it had registered eleven ceasefire violations in the provinces of "
            "Latakia, Hama and Aleppo, most of which it attributed to illegal armed formations that had not joined "
            "the truce.")
    assert ("russia", "armed_groups") in rule_claims(text)


def test_it_in_a_joined_clause_is_the_body_the_sentence_opened_on():
    text = ("The Russian reconciliation center has kept publishing daily tallies of ceasefire violations, and on "
            "Tuesday it said militants had shelled army positions in northern Latakia in breach of the Sochi deal.")
    assert ("russia", "armed_groups") in rule_claims(text)


def test_a_ceasefire_declared_by_a_party_in_august_2019_is_that_truce():
    text = ("A ceasefire declared by Russia on 31 August has brought some calm to Idlib. Turkish officials said the "
            "regime had kept up its shelling of villages in violation of the ceasefire declared by Russia on 31 August.")
    assert _agreements(text, "2019-09-12") == {"other:aug_2019_truce"}


@pytest.mark.parametrize("text, pair", [
    ("Germany's delegate said the Syrian army's assault on Douma, backed by Iranian militias, was a flagrant violation of "
     "resolution 2401.", ("germany", "syria")),
    ("The British envoy said Moscow, which had signed the Sochi memorandum, had done nothing to ensure that the "
     "militants left the demilitarised zone.", ("uk", "russia")),
    ("The regime, a Turkish diplomat said, was shelling the villages of Jabal al-Zawiya in order to sabotage the "
     "Moscow protocol.", ("turkey", "syria")),
    ("When a regime drone strike hit a Turkish observation post near Saraqib on Sunday, the Turkish Defence Ministry "
     "said the attack contravened the Moscow protocol.", ("turkey", "syria")),
    ("General Konashenkov said two rockets had been fired by militants at the Hmeimim base overnight and called the "
     "attack a gross violation of the Sochi agreement.", ("russia", "armed_groups")),
])
def test_charges_of_council_speeches_and_ministry_statements(text, pair):
    assert pair in rule_claims(text)


def test_a_purpose_nobody_charges_is_no_charge():
    text = "The Turkish army moved reinforcements to Idlib in order to monitor the truce, the ministry said."
    assert rule_claims(text) == set()


@pytest.mark.parametrize("text, pair", [
    ("Peskov said this week that Turkey had promised to disarm the militants in the Idlib zone and had not done so.",
     ("russia", "turkey")),
    ("Zakharova: Under the Sochi memorandum, Ankara undertook to withdraw the heavy weapons from the zone, and we have "
     "to note that, so far, this has not happened.", ("russia", "turkey")),
    ("The Syrian army command said it would resume operations in Idlib, claiming that the armed groups had refused to "
     "abide by the ceasefire.", ("syria", "armed_groups")),
    ("The Central Negotiations Committee of Daraa accused the regime of violating the 2018 settlement agreement by "
     "shelling the old city.", ("armed_groups", "syria")),
])
def test_pledges_said_undone_and_charges_made_while_announcing(text, pair):
    assert pair in rule_claims(text)


def test_he_after_a_delegate_is_the_delegate():
    text = ("The Russian delegate said the United States had not fulfilled its commitments under the September deal. "
            "He said the armed groups had violated the truce more than 300 times.")
    assert reported_of(text, "He said the armed groups").speaker_actor == "russia"
    assert ("russia", "armed_groups") in rule_claims(text)


def test_the_truce_of_a_september_2019_idlib_story_is_the_august_truce():
    text = ("The truce has brought some calm to Idlib. Turkish officials said the regime had kept up its shelling of "
            "villages south of Idlib in violation of the truce.")
    assert _agreements(text, "2019-09-16") == {"other:aug_2019_truce"}
