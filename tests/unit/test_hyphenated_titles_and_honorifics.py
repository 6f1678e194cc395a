"""A hyphenated title ("co-chair", Kurdish and north-east Syrian bodies' usual title) is one token and a role, so the
name set after it speaks; an honorific before a name ("Ayatollah Seyyed Ali Khamenei", "Sayyed Hassan Nasrallah") is a
title, not the name. Written for these tests; no labelled set's text."""

from tests.unit.test_trailing_attribution import statements


def test_the_name_after_a_co_chair_speaks():
    text = ("The co-chair of the Executive Council in the Jazira region, Berivan Xalid, said that the Turkish army had "
            'shelled the villages, "in a clear violation of the ceasefire agreement."')
    assert {speaker for _, speaker, _ in statements(text)} == {"Berivan Xalid"}


def test_a_co_chair_title_is_one_word():
    from pipeline.analyzer.core import _parse
    assert "co-chair" in [t.text for t in _parse("The co-chair of the council, Berivan Xalid, spoke on Monday.")]


def test_an_honorific_is_no_part_of_the_name():
    text = ("The Leader of the Islamic Revolution Ayatollah Seyyed Ali Khamenei warned on Tuesday that an attack would "
            'harm the region. "A military attack on northern Syria would harm Turkey and Syria," the Leader said.')
    assert all("Khamenei" in speaker for _, speaker, _ in statements(text))
