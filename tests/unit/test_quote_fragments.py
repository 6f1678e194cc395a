"""Attributed mid-sentence fragments are quotes (GUIDELINES.md: three words or more); terms and formulas are not.
Sentences written for these tests."""

import pytest

from pipeline.analyzer.quotes import find_quotes


def quoted(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


@pytest.mark.parametrize("text, fragment", [
    ('The envoy described the shelling as "a blatant provocation" on Tuesday.', "a blatant provocation"),
    ('Ankara warned of "grave consequences for the region" if the attacks went on.', "grave consequences for the region"),
    # after a determiner, a phrase in lower case is still the speaker's words
    ('The minister described the raids as a "violation of all humanitarian laws" on Monday.',
     "violation of all humanitarian laws"),
    ('Lavrov said the Astana meeting would be the "moment of truth" for the guarantors.', "moment of truth"),
    # a participle reports speech too
    ('The group claimed the attacks in a statement, saying its fighters had targeted "gatherings of army officers".',
     "gatherings of army officers"),
])
def test_a_fragment_in_reported_speech_is_a_quote(text, fragment):
    assert fragment in quoted(text)


@pytest.mark.parametrize("text", [
    'Residents spoke of the so-called "zone of silence" along the road, the agency said.',
    'The talks on the "cessation of hostilities" resumed, the minister said.',
    'Aid reached the "hard to reach" areas on Monday.',
    # after a determiner, a phrase written as a name is a name
    'The minister said the "Army of Conquest" had left the town.',
    'The minister said the "Hayat Tahrir al-Sham" fighters had left the town.',
])
def test_terms_formulas_and_unattributed_phrases_are_not(text):
    assert len(quoted(text)) == 0


def test_every_mark_is_found_on_request_for_titles_a_speaker_is_never_hidden_in():
    text = 'Graham said on Sunday on CBS\u2019s \u201cFace the Nation\u201d that the truce was over.'
    assert quoted(text) == []
    assert [text[q.start:q.end] for q in find_quotes(text, every=True)] == ["Face the Nation"]


@pytest.mark.parametrize("subhead", ['"FAILING PROJECT"', '"Blood And Bodies"', '\u201cA Truce On Paper\u201d'])
def test_a_quoted_subhead_standing_as_its_own_paragraph_is_no_quote(subhead):
    text = f'"The regime has broken every truce," the spokesman said.\n\n{subhead}\n\nThe talks resumed on Monday.'
    assert quoted(text) == ["The regime has broken every truce,"]


def test_a_short_quote_standing_as_its_own_paragraph_is_still_a_quote():
    text = 'The spokesman spoke of the Idlib front.\n\n"We will not retreat."\n\nThe talks resumed on Monday.'
    assert quoted(text) == ["We will not retreat."]
