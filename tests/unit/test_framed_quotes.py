"""Quotes framed by verbs other than "say" ("called the attack "…"", "promised to "…""), and the charge they carry."""

import pytest

from tests.conftest import direct_quotes as direct


@pytest.mark.parametrize("text, speaker", [
    ('The Russian Defence Ministry called the attack "a flagrant violation of the ceasefire regime".',
     "Russian Defence Ministry"),
    ('Turkish Defence Minister Hulusi Akar branded the shelling "a clear breach of the Sochi deal".', "Hulusi Akar"),
    ('Lavrov also bemoaned the fact that militants "continue to shell government positions".', "Lavrov"),
    ('Erdogan promised to "respond in the strongest terms" to any attack on Turkish posts.', "Erdogan"),
])
def test_a_quote_framed_by_a_verb_of_naming_or_promising_is_its_subjects(text, speaker):
    found = direct(text)
    assert len(found) == 1 and speaker in (found[0][1] or "")


def test_a_reporting_verb_of_the_sentence_comes_before_a_verb_inside_what_was_reported():
    text = ("Russia's Defence Ministry gave a different account. It said the Turkish soldiers had been \"among the "
            "combat formations of terrorist groups\" when they came under fire, and that Ankara had not informed "
            "Moscow of their positions or promised anything.")
    assert [speaker for _, speaker in direct(text)] == ["Russia's Defence Ministry"]


def test_a_participle_beside_a_reporting_verb_speaks_with_its_subject_not_with_a_place():
    text = ("The army general command said its forces took the city.\n\n"
            "Palmyra would become \"a launchpad to expand military operations\" against the group, it said, "
            "promising to \"tighten the noose on the terrorist group\".")
    assert all(speaker != "Palmyra" for _, speaker in direct(text))


def test_a_term_set_off_in_quotation_marks_is_still_no_quote():
    text = 'Under what Moscow called the "de-escalation zone" arrangement, the guarantors promised to keep the truce.'
    assert direct(text) == []


@pytest.mark.parametrize("breached", ['"a violation of the ceasefire regime"', "a violation of the regime of calm"])
def test_the_ceasefire_regime_is_a_truce_not_the_syrian_regime(breached):
    from pipeline.analyzer.accusations import extract_accusations
    from pipeline.analyzer.core import _parse
    from pipeline.analyzer.statements import extract_statements

    text = ("Militants of Hayat Tahrir al-Sham shelled Syrian army positions near Idlib on Monday. "
            f"Russia called the attack {breached}.")
    doc = _parse(text)
    statements, index = extract_statements(doc)
    pairs = {(a.accuser, a.accused) for a in extract_accusations(doc, statements, index, None)}
    assert ("russia", "armed_groups") in pairs


def test_a_colon_lead_in_closing_the_paragraph_before_attributes_the_quote():
    text = ("Russian Foreign Ministry spokeswoman Maria Zakharova told reporters on Thursday:\n\n"
            "\"Ankara has not fulfilled its obligations under the Sochi memorandum. The terrorists are still there.\"")
    assert direct(text) == [("Ankara has not fulfi", "Maria Zakharova")]


def test_a_colon_with_no_reporting_verb_before_it_attributes_nothing():
    text = ("The talks ended on Monday. The agenda was as follows:\n\n"
            "\"Withdrawal of heavy weapons from the zone and joint patrols on the M4 highway.\"")
    assert direct(text) == []


@pytest.mark.parametrize("text, speaker", [
    ('But a senior Western diplomat summed up the outlook: "This meeting risks being endless and I fear the '
     'results will be extremely small."', "diplomat"),
    ('Turkish President Recep Tayyip Erdogan posted a message on Twitter: "We will not allow the regime to violate '
     'the ceasefire in Idlib."', "Recep Tayyip Erdogan"),
])
def test_the_subject_of_a_colon_lead_in_speaks_whatever_its_verb(text, speaker):
    found = direct(text)
    assert len(found) == 1 and speaker in (found[0][1] or "")
