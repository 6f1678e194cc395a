"""Actor phrases of real news that are not Syria's parties: other states' governments, other wars' groups,
civilians described by nationality, people known by full name only (found on CAMEO's read actor spans)."""

import pytest

from pipeline.analyzer.core import analyze
from pipeline.analyzer.gazetteer import gazetteer
from pipeline.analyzer.model import load_nlp
from pipeline.analyzer.referents import resolve_actors
from tests.conftest import direct_quotes as speakers


def _canonical(actor):
    return gazetteer().rollup(actor) if actor else None


@pytest.mark.parametrize("phrase, expected", [
    # another state qualifies Syria's common words
    ("the government of Iraq", "other:iraq"),
    ("Iraqi government forces", "other:iraq"),
    ("Iraq's government forces", "other:iraq"),
    ("the Kabul government", "other:afghanistan"),
    ("the Sri Lankan government", "other:sri_lanka"),
    # a common word the text capitalises into a name is that name, not the word
    ("The Government of Eritrea", "other:eritrea"),
    ("the Government Accountability Office", None),
    # civilians described by nationality speak for no one
    ("Syrian refugees", None),
    ("An American investigative journalist", None),
    ("Russian military expert Viktor Litovkin", None),
    ("U.S. tech companies", None),
    ("Kurdish prisoners", None),
    # another country's opposition and rebels are that country's; foreign fighters in Syria are not
    ("Mali's opposition leader", "other:mali"),
    ("A prominent Venezuelan opposition leader", "other:venezuela"),
    ("South Sudanese rebels", "other:south_sudan"),
    ("Colombia's leftist rebels", "other:colombia"),
    # other wars' groups by name
    ("Taliban militants", "other:taliban"),
    ("Yemen's Houthi rebels", "other:houthis"),
    # full names only: "May" is a month, "Salman" is not Soleimani
    ("Prime Minister Theresa May", "uk"),
    ("in May 2017", None),
    ("Saudi King Salman", "other:saudi_arabia"),
])
def test_phrases_of_other_wars_resolve_to_their_own_parties(phrase, expected):
    assert _canonical(gazetteer().resolve(phrase)) == expected


@pytest.mark.parametrize("phrase, expected", [
    ("the Syrian opposition", "armed_groups"),
    ("Syrian rebels", "armed_groups"),
    ("Uzbek militants", "armed_groups"),  # foreign jihadists in Idlib stay armed groups
    ("Turkish-backed rebels", "armed_groups"),
    ("the government", "syria"),
    ("government forces", "syria"),
    ("the regime in Damascus", "syria"),
    ("Syrian government forces", "syria"),
    ("a Turkish official", "turkey"),
    ("Russian military police", "russia"),
    ("SANA reporter", "syria"),  # a state agency's reporter speaks for the agency
])
def test_syria_s_own_parties_are_unchanged(phrase, expected):
    assert _canonical(gazetteer().resolve(phrase)) == expected


@pytest.mark.parametrize("sentence, word, expected", [
    ("The European Commission launched legal action against the government of Brazil.", "government", {"other:brazil"}),
    ("The Senate urged the Trudeau government to act.", "government", set()),
    ("Washington warned its NATO ally Turkey against the operation.", "ally", {"turkey"}),
    ("Militants in Syria's Idlib continue to violate the de-escalation regime.", "Militants", {"armed_groups"}),
    ("The government of Bashar al-Assad rejected the plan.", "government", {"syria"}),
])
def test_in_context_a_head_resolves_with_what_qualifies_it(sentence, word, expected):
    doc = load_nlp()(sentence)
    token = next(t for t in doc if t.text == word)
    assert {_canonical(a) for a in resolve_actors(token, set())} == expected


def test_a_named_person_s_office_speaks_as_the_office():
    text = ("In a statement, Israeli Prime Minister Yair Lapid's office thanked Egypt for its efforts but said Israel "
            "\u201creserves the right to respond strongly\u201d if the truce was violated.")
    assert speakers(text) == [("reserves the right t", "Israeli Prime Minister Yair Lapid's office")]


def test_a_state_s_headquarters_speaks_as_written():
    text = ("\u201cThe enemy violated the ceasefire regime once, without casualties among our soldiers,\u201d "
            "the Russian headquarters said in a post.")
    assert speakers(text)[0][1] == "Russian headquarters"


@pytest.mark.parametrize("subject, expected", [
    ("opposition activists", "opposition activists"),  # not the gazetteer's "Armed groups"
    ("the regime", "regime"),
    ("Russian officers", "Russian officers"),
])
def test_a_party_described_by_no_name_speaks_as_written(subject, expected):
    text = f"\u201cThe militants violated the ceasefire in Idlib twice,\u201d {subject} said."
    assert speakers(text)[0][1] == expected


@pytest.mark.parametrize("subject, expected", [("Ankara", "Ankara"), ("the Turkish side", "Turkish side")])
def test_a_state_speaks_as_the_text_spells_it(subject, expected):
    text = f"\u201cThe regime violated the ceasefire in Idlib twice,\u201d {subject} said."
    assert speakers(text)[0][1] == expected


def test_mentions_after_an_ellipsis_or_a_combining_accent_point_at_the_name():
    text = "He said\u2026 that Mevlu\u0308t C\u0327avus\u0327og\u0306lu and Benjamin Netanyahu met in Ankara."
    found = {m.actor: text[m.start:m.end] for m in gazetteer().mentions(text)}
    assert found["benjamin_netanyahu"] == "Benjamin Netanyahu"
    assert found["turkey"] == "Ankara"
    assert found["mevlut_cavusoglu"].startswith("Mevlu")


@pytest.mark.parametrize("phrase, expected", [
    ("Jabhat Fatah al-Sham", "armed_groups"),
    ("the TIP", "armed_groups"),
    ("Russian-backed forces", "syria"),
    ("pro-Assad forces", "syria"),
    ("the 4th Division", "syria"),
    ("Wagner mercenaries", "other:wagner"),  # not Syria's armed groups
    ("the Syrian Observer", "syria_media"),  # a publication, no party
    ("Syrian Network for Human Rights", "snhr"),
])
def test_the_syrian_war_s_own_actors(phrase, expected):
    assert _canonical(gazetteer().resolve(phrase)) == expected


def test_a_statement_by_a_body_is_the_body_s():
    text = "\u201cThe regime violated the ceasefire in Idlib twice,\u201d a statement by the Turkish defence ministry said."
    assert speakers(text) == [("The regime violated ", "Turkish defence ministry")]


@pytest.mark.parametrize("subject, expected", [
    ("Al-Watan newspaper", "Al-Watan newspaper"),
    ("the Syrian daily Al-Watan", "Syrian daily Al-Watan"),
    ("Al-Mayadeen TV", "Al-Mayadeen TV"),
])
def test_a_medium_named_speaks_as_written(subject, expected):
    text = f"\u201cThe militants violated the ceasefire in Idlib twice,\u201d {subject} said."
    assert speakers(text)[0][1] == expected


@pytest.mark.parametrize("phrase, expected", [
    ("the Syrian daily Al-Watan", None),  # a newspaper is no party
    ("Syria's state-run newspaper", "syria"),  # a state's own is the state's
    ("the Syrian official daily", "syria"),
])
def test_newspapers_are_no_party_unless_the_state_s_own(phrase, expected):
    assert _canonical(gazetteer().resolve(phrase)) == expected


def test_a_speaker_s_name_never_runs_back_into_the_quote():
    text = ("\u201cThe regime violated the Idlib ceasefire,\u201d the Syrian Observatory for Human Rights, citing local "
            "sources, said.")
    assert speakers(text)[0][1] == "Syrian Observatory for Human Rights"


@pytest.mark.parametrize("text", [
    "\u201cThe militants violated the ceasefire in Idlib twice,\u201d Syrian state news agency SANA, citing a military "
    "source, said.",
    "Syria's state news agency SANA reported heavy clashes in Idlib. The agency quoted a military source as saying "
    "that the militants had violated the ceasefire twice.",
    "The militants violated the ceasefire in Idlib twice, a military source was quoted as saying by SANA.",
])
def test_a_source_an_agency_cites_or_relays_speaks_for_its_state(text):
    assert ("syria", "armed_groups") in {(gazetteer().rollup(a.accuser), gazetteer().rollup(a.accused))
                                         for a in analyze("Idlib ceasefire", text).accusations}


def test_a_name_the_ner_took_with_its_possessive_is_still_a_possessive():
    text = ("The court rejected the request on Monday. Ivana Trump's brief called the claims \u201cprevious "
            "misinterpreted statements and allegations.\u201d")
    assert speakers(text)[0][1] == "Ivana Trump's brief"


@pytest.mark.parametrize("phrase, expected", [
    ("the Kurdish-led administration", "sdf"),
    ("a Russian-led patrol", "russia"),
    ("the Turkish-run observation post", "turkey"),
    ("the Saudi-led coalition", "other:saudi_arabia"),
    ("state-run media", None),  # "state" is no side
])
def test_led_or_run_by_a_side_is_that_side(phrase, expected):
    assert _canonical(gazetteer().resolve(phrase)) == expected


def test_a_kurdish_led_administration_speaks_for_the_sdf():
    text = ("The Kurdish-led administration in northeast Syria said Turkish forces and their Syrian proxies had shelled "
            "villages near Ain Issa, breaching the October 2019 ceasefire agreement.")
    analysis = analyze("Ain Issa ceasefire", text, date="2020-06-10")
    assert [s.speaker_actor for s in analysis.statements] == ["sdf"]
    assert ("sdf", "turkey") in {(a.accuser, _canonical(a.accused)) for a in analysis.accusations}


@pytest.mark.parametrize("sentence, word, expected", [
    ("Libyan authorities suspended military aid to the country's rebel groups.", "groups", "other:libya"),
    ("Venezuela has banned opposition leader Juan Guaido from holding public office.", "leader", "other:venezuela"),
    ("Congo government rejects demands from rebel group.", "group", "other:congo"),
    # a canonical party, a group that fights in Syria, a Syrian place or a venue of Syria's talks keeps them Syria's
    ("Turkey accused the government of violating the truce.", "government", "syria"),
    ("Hezbollah fighters from Lebanon backed government forces in the battle.", "forces", "syria"),
    ("The government said the rebels in Idlib broke the truce.", "rebels", "armed_groups"),
    ("Rebels said the government had breached the truce announced in the Kazakh capital Nur-Sultan.", "government",
     "syria"),
])
def test_common_words_in_a_sentence_set_in_one_other_state_are_that_states(sentence, word, expected):
    doc = load_nlp()(sentence)
    token = next(t for t in doc if t.text == word)
    assert [_canonical(a) for a in resolve_actors(token, set())][:1] == [expected]


@pytest.mark.parametrize("phrase, expected", [
    ("Former US President Barack Obama", None),
    ("a former Syrian general", None),
    ("the ex-minister", None),
    ("Barack Obama", "united_states"),  # the same man in office
    ("Obama's former campaign strategist", "united_states"),  # an owner's office, as before
])
def test_someone_no_longer_in_office_speaks_for_no_party(phrase, expected):
    assert _canonical(gazetteer().resolve(phrase)) == expected


def test_a_description_opening_its_sentence_speaks_as_written_in_full():
    text = ('Opposition activists said the regime had shelled Kafr Nabl. "This is a violation of the ceasefire," '
            'they added.')
    assert {s.speaker for s in analyze("Idlib ceasefire", text, date="2020-06-10").statements} == {"Opposition activists"}


@pytest.mark.parametrize("phrase", ["Isis fighters", "Isil militants", "ISIS", "Islamic State"])
def test_the_islamic_state_as_british_outlets_spell_it(phrase):
    assert _canonical(gazetteer().resolve(phrase)) == "isis"
