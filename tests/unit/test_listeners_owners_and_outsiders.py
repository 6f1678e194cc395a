"""Whom a speaker speaks to, a body named after its description, a role's owner named before, the place a story is
told of, a truce taken as an opportunity, a sponsor's militias, an attacker outside the truce. Written for these
tests; no labelled set's text."""

from pipeline.analyzer.agreements import article_agreement
from pipeline.analyzer.core import _parse
from pipeline.analyzer.statements import extract_statements
from tests.conftest import rule_claims


def speakers(text: str) -> list[tuple[str, str | None]]:
    statements, _ = extract_statements(_parse(text))
    return [(s.speaker, s.speaker_actor) for s in statements]


def test_the_outlet_spoken_to_is_no_speaker():
    text = ("A senior member of the Syrian Negotiation Commission, speaking to Asharq Al-Awsat on condition of "
            "anonymity, said Moscow had given up its role as a guarantor.")
    assert speakers(text) == [("senior member of the Syrian Negotiation Commission", "armed_groups")]


def test_a_body_named_after_its_description():
    text = ("The UN envoy said he was alarmed by the reports.\n\nThe state news agency, SANA, reported that army units "
            "had \u201cdestroyed the positions of terrorists near Ariha.\u201d")
    assert speakers(text)[-1] == ("SANA", "sana")


def test_a_role_owned_by_the_body_named_before():
    text = ("Members of the rebel delegation left the hall in protest. The delegation\u2019s spokesman, Munir al-Hasan, "
            "said government forces had violated the ceasefire hundreds of times.")
    assert speakers(text) == [("Munir al-Hasan", "armed_groups")]
    assert rule_claims(text) == {("armed_groups", "syria")}


def test_a_role_owned_by_the_body_the_sentence_before_is_about():
    text = ("The High Negotiations Committee rejected the plan on Monday. Its spokesman, Munir al-Hasan, said the regime "
            "had breached the truce in Daraa.")
    assert speakers(text)[-1] == ("Munir al-Hasan", "armed_groups")


def test_a_story_told_of_idlib_is_not_the_north_east_s():
    text = ("Russia says Turkey has not met its obligations under a bilateral agreement on Idlib, as militants keep "
            "violating a ceasefire there.\n\n\"The implementation by the Turkish side of the additional protocol of "
            "March 5, 2020 is still being delayed,\" Zakharova said. The ceasefire in Idlib remains fragile, she added, "
            "and militants in Idlib breach the ceasefire daily, while US forces still occupy oil fields east of the "
            "Euphrates in breach of every agreement.")
    assert article_agreement(text, "2021-04-02") == "moscow_2020"


def test_a_story_of_the_north_east_keeps_its_deal():
    # the guard: the north-east told mostly, in the north-east's time
    text = ("The SDF said Turkish-backed factions had shelled Ain Issa and Tal Tamr in violation of the ceasefire "
            "agreement, the third attack on Ain Issa this week. Idlib was calm.")
    assert article_agreement(text, "2019-11-20") == "ne_syria_2019"


def test_a_truce_taken_as_an_opportunity():
    text = ('"Every time, the regime took the truce as an opportunity to advance," opposition spokeswoman Bassma Kodmani '
            'said.')
    assert rule_claims(text) == {("armed_groups", "syria")}


def test_a_truce_taken_seriously_is_no_charge():
    # the guard: "take" with a truce and no gain
    text = "The opposition said the regime had taken the truce seriously in its first week."
    assert rule_claims(text) == set()


def test_a_sponsor_s_militias_by_their_own_name():
    text = ('"The regime and its Iranian militias keep attacking our positions in violation of the ceasefire," the '
            'Free Syrian Army said in a statement.')
    assert rule_claims(text) == {("armed_groups", "syria"), ("armed_groups", "other:iran_backed_militias")}


def test_an_attacker_outside_the_truce_breaches_none():
    text = ("Islamic State fighters, who are not party to the ceasefire, attacked the Kurdish-held town of Manbij before "
            "dawn, the SDF said.")
    assert rule_claims(text) == set()


def test_an_attacker_inside_the_truce_is_charged():
    # the guard: a party to it
    text = ("Rebel groups, which signed the ceasefire, attacked army positions near Hama overnight, the Syrian army "
            "said.")
    assert rule_claims(text) == {("syria", "armed_groups")}


def test_a_body_named_with_a_rank_s_word_is_no_name():
    text = ('"The truce is holding on the whole, with isolated breaches," Colonel General Pavel Sidorenko of the Russian '
            'General Staff told a briefing in Moscow.')
    assert speakers(text) == [("Pavel Sidorenko", "russia")]


def test_a_colon_lead_in_speaks_by_its_main_clause():
    text = ('"We are announcing a plan tonight," Kerry told reporters.\n\nHe set out what the plan asks of the government, '
            'which would have to ground its jets in areas where the moderate opposition is present:\n\n"This requires '
            'everybody to live up to their obligations."')
    assert [speaker for speaker, _ in speakers(text)] == ["Kerry", "Kerry"]
