"""Boilerplate lines that article templates put inside the body are dropped; article text is kept."""

import pytest

from pipeline.extract import ExtractionError, _is_boilerplate, _paragraphs, _without_headline, extract_article


@pytest.mark.parametrize("line", [
    "Reporting by Ellen Francis in Beirut; Editing by Alex Richardson",
    "Sign up for Reuters Daily Briefing",
    "Everything you need to know to start your day, delivered to your inbox each weekday.",
    "Read also: Turkey sends more troops to Idlib",
    "Think your friends would be interested? Share this story!",
    "___",
    "More AP soccer: https://apnews.com/Soccer and https://twitter.com/AP_Sports",
    "Our flagship newsletter breaks down the biggest headlines of the day.",
    "|---|---|---|",
])
def test_template_lines_are_boilerplate(line):
    assert _is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "The ministry said the patrol was completed despite the attack, and urged the other side to sign up to the "
    "ceasefire.",
    "\u201cWe will not read more into this than there is,\u201d the envoy said of the related talks.",
    "\u2014 Sputnik (@SputnikInt) March 19, 2020",  # who wrote the embedded tweet above it
    "http://amzn.to/2iJFhRj",  # a link the author put in the text on its own
    "| Pos | Player | Plays |",  # a table row
])
def test_article_sentences_are_not(line):
    assert not _is_boilerplate(line)


def test_an_embedded_tweet_keeps_its_text_and_author_without_the_media_link():
    text = "M4 karayolunda ilk devriye icra edildi. pic.twitter.com/Ab1Cd2Ef3G\n\u2014 MSB (@tcsavunma) March 15, 2020"
    assert _paragraphs(text) == "M4 karayolunda ilk devriye icra edildi.\n\n\u2014 MSB (@tcsavunma) March 15, 2020"


@pytest.mark.parametrize("body, title, expected", [
    ("Ceasefire holds\n\nThe truce held.", "Ceasefire holds", "The truce held."),
    ("Review\n\nCeasefire holds in Idlib\n\nThe truce held.", "Ceasefire holds in Idlib", "The truce held."),
    ("Ceasefire holds in Idlib\n\nThe truce held.", "Ceasefire holds in Idlib | Daily Sabah", "The truce held."),
    # a lede that rephrases the headline is article text
    ("Turkey and Russia agreed a ceasefire in Idlib on Thursday after talks in Moscow.\n\nMore.",
     "Turkey and Russia agree Idlib ceasefire", None),
    # the headline after real paragraphs is not at the start of the body
    ("The truce held overnight in the north-west.\n\nCeasefire holds in Idlib\n\nMore.", "Ceasefire holds in Idlib",
     None),
])
def test_the_headline_is_not_repeated_at_the_start_of_the_body(body, title, expected):
    assert _without_headline(body, title) == (body if expected is None else expected)


ARTICLE = "".join(f"<p>Paragraph {i}: the ministry said the patrol on the M4 highway was completed despite an attack "
                  f"on the convoy near Ariha, and urged all sides to respect the ceasefire agreed in Moscow.</p>"
                  for i in range(6))


def _page(body: str) -> str:
    return (f"<html><head><title>Patrol completed on M4</title></head><body><nav><a href='/'>Home</a></nav>"
            f"{body}<footer>Copyright</footer></body></html>")


def test_a_template_class_on_the_article_container_does_not_drop_the_article():
    # real pages wrap whole articles in "Page-ad-margins" or "m-advertisement-off-canvas--pusher"
    page = _page(f"<div class='Page-ad-margins'><article>{ARTICLE}"
                 f"<div class='related-stories'><p>Other story one</p><p>Other story two</p></div></article></div>")
    body = extract_article(page).body_text
    assert body.count("Paragraph") == 6 and "Other story" not in body


def test_when_dropping_template_blocks_leaves_no_article_trafilaturas_own_reading_is_kept():
    # three template-looking thirds of one article: none holds most of the text, together they are all of it
    paragraphs = ARTICLE.replace("</p>", "</p>\0").split("\0")[:6]
    thirds = "".join(f"<div class='share-wrap'>{''.join(paragraphs[i:i + 2])}</div>" for i in (0, 2, 4))
    body = extract_article(_page(f"<article>{thirds}</article>")).body_text
    assert body.count("Paragraph") == 6 and "\n\n" in body and not body.startswith("Patrol completed")


def test_a_page_without_an_article_still_raises():
    with pytest.raises(ExtractionError):
        extract_article(_page("<p>Short.</p>"))
