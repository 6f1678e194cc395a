"""Names in wire and UN copy: accented names the tagger misses unless it sees them plain (and that are stored as the
article spells them), "the Government" as the UN's house style writes it, a known person the tagger calls a place,
and an aside ("…, he said, …") that speaks for the clause it interrupts. Written for these tests; no labelled text."""

import pytest

from pipeline.analyzer.core import analyze
from pipeline.analyzer.gazetteer import gazetteer
from tests.conftest import rule_claims, statement_of


def test_an_accented_name_is_found_and_kept_as_written():
    text = ("Feridun Sinirlioğlu of Turkey said the regime's attacks in the de-escalation area were in violation of "
            'the Sochi arrangements. "This is unacceptable," Sinirlioğlu said.')
    statement = statement_of(text, "This is unacceptable")
    assert statement.speaker == "Feridun Sinirlioğlu" and gazetteer().rollup(statement.speaker_actor) == "turkey"


def test_quotes_and_evidence_keep_their_accents():
    text = ('Idlib ceasefire talks went on. "Rejim ateşkesi ihlal etti and the truce is broken," '
            "Feridun Sinirlioğlu of Turkey said.")
    analysis = analyze("Idlib ceasefire", text, quotes_everywhere=True)
    assert any("ateşkesi" in s.quote for s in analysis.statements)


@pytest.mark.parametrize("text, pair", [
    ("Feridun Sinirlioglu of Turkey said the Government's attacks in the de-escalation area were in violation of "
     "the Sochi arrangements.", ("turkey", "syria")),
    # the aside speaks for the clause; "rejected it" is no statement of the groups
    ("Bashar Ja'afari of Syria said the Government had accepted the truce in good faith. The terrorist groups had "
     "rejected it, he said, while Turkey, a year on, still had not fulfilled its obligations under the Sochi "
     "memorandum.", ("syria", "turkey")),
])
def test_un_meeting_coverage(text, pair):
    pairs = rule_claims(text)
    assert pair in pairs and ("armed_groups", "turkey") not in pairs


def test_a_name_that_goes_on_is_no_government_of_ours():
    mentions = gazetteer().mentions("The Government Accountability Office and the Government of Eritrea said so.")
    assert not any(m.actor == "syria" for m in mentions)


def test_a_known_person_the_tagger_calls_a_place_still_speaks():
    text = ("Erdoğan, speaking to reporters in New York after attending the U.N. General Assembly, said he expected "
            'the Idlib talks to be productive. "We will discuss the steps we can take together in Syria," he said.')
    statement = statement_of(text, "We will discuss the steps")
    assert statement.speaker_actor == "recep_tayyip_erdogan"
