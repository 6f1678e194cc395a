"""Boilerplate lines that article templates put inside the body are dropped; article text is kept."""

import pytest

from pipeline.extract import _is_boilerplate


@pytest.mark.parametrize("line", [
    "M4 karayolunda ilk devriye icra edildi. pic.twitter.com/Ab1Cd2Ef3G",
    "\u2014 Sputnik (@SputnikInt) March 19, 2020",
    "Reporting by Ellen Francis in Beirut; Editing by Alex Richardson",
    "Sign up for Reuters Daily Briefing",
    "Everything you need to know to start your day, delivered to your inbox each weekday.",
    "Read also: Turkey sends more troops to Idlib",
    "Think your friends would be interested? Share this story!",
    "___",
    "More AP soccer: https://apnews.com/Soccer and https://twitter.com/AP_Sports",
    "Our flagship newsletter breaks down the biggest headlines of the day.",
])
def test_template_lines_are_boilerplate(line):
    assert _is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "The ministry said the patrol was completed despite the attack, and urged the other side to sign up to the "
    "ceasefire.",
    "\u201cWe will not read more into this than there is,\u201d the envoy said of the related talks.",
])
def test_article_sentences_are_not(line):
    assert not _is_boilerplate(line)
