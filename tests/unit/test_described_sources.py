"""Sources a report only describes speak as described ("the bank said", "Western diplomats say", "many lawmakers say"),
found when reported speech outside quotes was first measured on PolNeAR (`eval-attribution`, second block: 0.690 of
its speech cues found on dev). These texts are written for the tests, in the shapes of PolNeAR dev and the written
dev set.

A described source is kept with no party: it never makes anyone an accuser. It is not a document ("which the
memorandum said"), hearsay ("reports said"), a count ("killed 1102 people said the Observatory") or "his group"
(rules before this one tell whose). "The newspaper said" after "the newspaper al-Watan" is al-Watan, and a name the
NER calls a person that a media noun titles ("the pro-government newspaper al-Watan, citing a military source, said")
is no person, so the source it cites speaks. More verbs report speech ("acknowledged", "wrote", "tweeted"), a cue that
names someone wins over a described source in the same sentence, and "Syrian Kurds" are no state's.
"""

import pytest

from tests.conftest import counted_pairs


def _statements(text: str):
    from pipeline.analyzer.core import analyze  # lazy: loading spaCy is slow

    return analyze("Idlib truce", text, quotes_everywhere=True).statements


def _speaker_of_sentence(text: str, opening: str) -> str | None:
    found = [s for s in _statements(text) if s.kind == "indirect" and s.quote.startswith(opening)]
    return found[0].speaker if found else None


@pytest.mark.parametrize("text, opening, speaker", [
    ("Employees opened accounts customers never asked for. The bank said that it had fired the employees responsible.",
     "The bank said", "bank"),
    ("Western diplomats say Russia has violated the ceasefire in Idlib.", "Western diplomats", "Western diplomats"),
    ("The program faces scrutiny. Many lawmakers say there are also national security concerns.", "Many lawmakers",
     "lawmakers"),
    ("The debate was marred by sound problems. The nonpartisan commission says there was indeed a problem with the "
     "microphone.", "The nonpartisan commission", "commission"),
    ("Several cast members said the host had rated contestants by their looks.", "Several cast members",
     "cast members"),
    ("The vote was held on Tuesday. Republicans said the credibility of the Congress was on the line.",
     "Republicans said", "Republicans"),
    ("He refused to pay an architect who said he was stiffed after he designed a clubhouse.", "He refused",
     "architect"),
    ("According to a new poll, the president leads by four points.", "According to", "poll"),
])
def test_a_described_source_speaks_as_written(text, opening, speaker):
    found = _speaker_of_sentence(text, opening)
    assert found is not None and speaker in found


@pytest.mark.parametrize("text, opening, not_speaker", [
    ("Turkish officials point to Manbij, which the memorandum said would be cleared of YPG fighters.",
     "Turkish officials", "memorandum"),
    ("Reports said Turkish troops had entered the village.", "Reports said", "Reports"),
    ("Jaish al-Islam rejected the plan. His group, in a separate statement, said the war had not stopped.",
     "His group", "His group"),
])
def test_texts_hearsay_and_owned_groups_are_not_described_sources(text, opening, not_speaker):
    found = _speaker_of_sentence(text, opening)
    assert found is None or not_speaker.lower() not in found.lower()


def test_the_same_noun_later_is_the_name_it_stood_beside():
    text = ("The pro-government newspaper al-Watan said Ankara had not opened the M4 road.\n\n"
            "The newspaper also accused Ankara of arming terrorist organisations in Idlib.")
    assert _speaker_of_sentence(text, "The newspaper also") == "al-Watan"


def test_people_in_a_role_are_not_the_one_named_in_that_role_before():
    text = ("Assad faced two challengers, former deputy minister Abdallah Salloum Abdallah and Mahmoud Ahmad Marei.\n\n"
            "\"The election was neither free nor fair,\" the foreign ministers of the United States, Britain and France "
            "said in a joint statement.")
    speakers = [s.speaker for s in _statements(text) if s.kind == "direct"]
    assert speakers and "Abdallah" not in speakers[0]


def test_a_medium_that_cites_a_source_lets_the_source_speak():
    text = ("The pro-government newspaper al-Watan, citing a Syrian military source, said Ankara had \"not implemented "
            "a single clause\" of the Additional Protocol in Idlib.\n\n"
            "Citing the same source, al-Watan reported that army units had responded to \"repeated violations\" by "
            "militant groups, which it said had fired rockets at villages in violation of the ceasefire.")
    assert ("syria", "armed_groups") in counted_pairs(text, date="2021-03-10")


def test_a_described_source_accuses_no_one():
    assert counted_pairs("Analysts say Turkey has violated the Idlib ceasefire agreement.") == set()


@pytest.mark.parametrize("text, opening, speaker", [
    ("Peskov acknowledged that Turkey had not fulfilled some of its obligations under the Idlib agreements.",
     "Peskov acknowledged", "Peskov"),
    ("Lavrov wrote in a letter that the militants had not been separated.", "Lavrov wrote", "Lavrov"),
    ("Erdogan tweeted that the regime must stop its attacks.", "Erdogan tweeted", "Erdogan"),
    ("The senator suggested that the plan would cost more than promised.", "The senator", "senator"),
])
def test_more_verbs_report_speech(text, opening, speaker):
    found = _speaker_of_sentence(text, opening)
    assert found is not None and speaker in found


def test_a_cue_that_names_someone_wins_over_a_described_source():
    text = "According to the agreement, Turkey was to remove the militants from the M4, Lavrov said."
    assert "Lavrov" in (_speaker_of_sentence(text, "According to") or "")


def test_a_people_a_state_adjective_qualifies_is_not_the_state():
    assert ("syria", "turkey") not in counted_pairs("Syrian Kurds say Turkey has broken the ceasefire in Idlib.")



@pytest.mark.parametrize("text, pair", [
    ("Hafez al-Assad, the president's son, said Turkey had violated the Idlib ceasefire.", ("syria", "turkey")),
    ("Emine Erdogan said Russia had violated the Sochi agreement in Idlib.", ("turkey", "russia")),
])
def test_a_namesake_is_not_the_known_person(text, pair):
    # a known person's surname after another given name is someone else, of no party (config/given_names.yaml)
    assert pair not in counted_pairs(text, date="2020-06-01")


@pytest.mark.parametrize("text, pair", [
    ("Sergey Lavrov said Turkey had not fulfilled its obligations under the Idlib agreements.", ("russia", "turkey")),
    ("Turkish President Erdogan said Russia had violated the Sochi agreement.", ("turkey", "russia")),
])
def test_the_known_person_by_another_spelling_or_title_still_speaks(text, pair):
    assert pair in counted_pairs(text, date="2020-06-01")
