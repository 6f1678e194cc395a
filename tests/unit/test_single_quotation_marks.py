"""Quotes in curly single quotation marks (British style) are quotes, within one paragraph; inside double marks they
are nested; apostrophes ("the rebels’ positions", "‘Ain Issa") and straight single marks (titles, nested
quotes, '' as a double mark) open and close nothing."""

import pytest

from pipeline.analyzer.quotes import find_quotes
from tests.conftest import statement_of


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text, every=True)]


@pytest.mark.parametrize("text, opening, speaker", [
    ("\u2018The regime has violated the ceasefire dozens of times,\u2019 said Naji Mustafa, a spokesman for the "
     "National Front for Liberation.", "The regime has", "Naji Mustafa"),
    ("Erdogan told reporters: \u2018We will not allow the regime to violate the ceasefire again.\u2019",
     "We will not", "Erdogan"),
    ("\u2018The Turkish side is not fulfilling its obligations,\u2019 the Russian envoy said.", "The Turkish side",
     "Russian envoy"),
])
def test_a_quote_in_single_marks_is_a_quote_with_its_speaker(text, opening, speaker):
    assert speaker in statement_of(text, opening).speaker


def test_single_marks_inside_double_ones_are_nested_not_a_quote_of_their_own():
    text = ('"He told me the rebels\u2019 positions were shelled, and called it \'a clear violation of the truce\'," '
            "the official said.")
    assert quoted(text) == ["He told me the rebels\u2019 positions were shelled, and called it 'a clear violation of "
                            "the truce',"]


@pytest.mark.parametrize("text, expected", [
    # an apostrophe that closes nothing does not hide the double quote after it
    ("Fighting raged near the town of \u2018Ain Issa, and the SDF said: \"Turkey has violated the ceasefire again and "
     "again.\"", ["Turkey has violated the ceasefire again and again."]),
    # possessives are no closing marks
    ("\u2018The rebels\u2019 positions and the army\u2019s posts were both shelled overnight,\u2019 the monitor said.",
     ["The rebels\u2019 positions and the army\u2019s posts were both shelled overnight,"]),
    ("Assad's forces and the rebels' allies traded fire near Saraqeb on Tuesday.", []),
    # straight single marks are left alone: titles, and "''" as a double mark in some copy
    ("Obama Says Museum Will Tell of 'Suffering and Delight' as it opens its doors to the public.", []),
])
def test_apostrophes_open_and_close_nothing(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize("text", [
    "[\u2018The guilt of being alive is heavy,\u2019 survivor of nightclub shooting says]",
    "Limbaugh: Hillary Asking Moderator To Fact Check Trump \u2018Reeks of Fear.\u2019 Her campaign has asked NBC.",
])
def test_a_headline_in_single_marks_is_no_quote(text):
    assert quoted(text) == []


def test_a_quote_in_single_marks_does_not_run_past_its_paragraph():
    assert quoted("\u2018The regime has not stopped its attacks for one day\n\nThe army said it had responded.") == []


def test_a_long_headline_in_single_marks_is_no_quote():
    assert quoted("Kasich: \u2018We Are Going To Go All The Way To Cleveland\u2019 and win it there.") == []


def test_a_single_mark_that_would_swallow_a_double_quote_is_an_apostrophe():
    text = ("Richards, who said \u2018I\u2019m done, told the crowd: \u201cHis comments were, one, outrageous and "
            "dangerous for all of us,\u201d to applause.")
    assert quoted(text) == ["His comments were, one, outrageous and dangerous for all of us,"]
