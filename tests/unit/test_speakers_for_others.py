"""Who speaks when the writer names a role, a given name or a second subject (a spokesman speaks for someone but is
not that someone, a known surname used as a given name is someone else, a colon after a clause about what was said
closes the speaker's clause, an unnamed employee speaks as described), and charges in shapes grids of written variants
found unread: a view held, an agent the parser hangs on an adverbial, a truce's collapse someone answers for, a pledge
told in one sentence and said undone in the next, a task taken on and said undone, an act told by a plain verb and
named again, unkept commitments named as nouns, a keeping done otherwise; a body for the capital that opens its
sentence, a title's abbreviation, a name in a stance adjective. Written for these tests; no labelled text, save two
PolNeAR train articles read from ../shared (skipped when it is absent).
"""

from pathlib import Path

import pytest

from pipeline.analyzer.gazetteer import gazetteer
from tests.conftest import statement_of


def _rolled(statement) -> str | None:
    return gazetteer().rollup(statement.speaker_actor) if statement.speaker_actor else None


def test_a_known_surname_used_as_a_given_name_is_someone_else():
    text = ('The envoy moved staff to Gaziantep. Spokeswoman Haley Morris says the mission has "always worked with '
            'every party to the ceasefire and will go on doing so." Nikki Haley did not comment.')
    assert statement_of(text, "always worked").speaker == "Haley Morris"


@pytest.mark.parametrize("text, opening, speaker, state", [
    # a spokesman no one has named speaks for the body that spoke last, not as the last person named
    ('The Kremlin said on Monday that the Idlib truce was holding. Turkish President Recep Tayyip Erdogan was due in '
     'Sochi. "Ankara has not fulfilled its obligations under the memorandum," the spokesman said.',
     "Ankara has not", "spokesman", "russia"),
    # whose spokesman it is says whom he speaks for; he is not the one whose he is
    ('Turkish President Recep Tayyip Erdogan will meet Vladimir Putin next week, the president\'s spokesman said. '
     '"Russia has not kept its promises on Idlib," the spokesman said.',
     "Russia has not", "president's spokesman", "turkey"),
])
def test_a_spokesman_speaks_for_someone_else(text, opening, speaker, state):
    statement = statement_of(text, opening)
    assert statement.speaker == speaker and _rolled(statement) == state


def test_a_spokesman_the_article_names_later_is_that_holder():
    text = ('United Nations Secretary-General Antonio Guterres is "deeply alarmed by the escalation around Idlib," his '
            'spokesman said on Saturday. "The ceasefire must be restored without delay," U.N. spokesman Stephane '
            'Dujarric said in a statement.')
    assert statement_of(text, "deeply alarmed").speaker == "Stephane Dujarric"


def test_a_spokesperson_is_a_spokesman():
    text = ("Turkish Presidential Spokesperson Ibrahim Kalin has said Russia must rein in the Assad regime. Kremlin "
            "aide Yuri Ushakov disagreed on Tuesday. The spokesman also rejected Moscow's accusation, saying "
            '"Turkey has fulfilled every one of its obligations."')
    assert statement_of(text, "Turkey has fulfilled").speaker == "Ibrahim Kalin"


def test_a_colon_after_a_clause_about_what_was_said_closes_the_speakers_clause():
    text = ("Russian Foreign Ministry spokeswoman Maria Zakharova laid out exactly what was wrong with the Turkish "
            'position on Idlib: "Ankara has not fulfilled its obligations to separate the terrorists."')
    assert statement_of(text, "Ankara has not").speaker == "Maria Zakharova"


def test_with_two_subjects_the_participle_speaks_with_the_person():
    text = ('Speaking at a town hall event in Salem, New Hampshire, Trump went after Bush, calling him "a total stiff '
            'and a disaster for the party."')
    assert statement_of(text, "a total stiff", title="Campaign").speaker == "Trump"


def test_an_employee_speaks_as_described():
    text = ("The hospital and the health directorate's director, Mohammed Katoub, confirmed that the ward was hit. "
            '"We are shocked, we had just moved the patients," one Idlib hospital employee told AFP.')
    statement = statement_of(text, "We are shocked")
    assert "employee" in statement.speaker and "Katoub" not in statement.speaker


@pytest.mark.parametrize("text, pair", [
    # a view held is a charge made
    ("Russian Foreign Minister Sergei Lavrov met his Egyptian counterpart on Tuesday. He believes that the Turkish "
     "side has not fulfilled its obligations under the Sochi memorandum.", ("russia", "turkey")),
    ("Syrian Foreign Minister Faisal Mekdad spoke in Damascus. Mekdad thinks that Ankara has undermined the "
     "de-escalation agreement on Idlib.", ("syria", "turkey")),
    # the parser hangs the agent on the adverbial's noun
    ('"The Idlib ceasefire is being violated on a daily basis by the militants," Russia\'s Defence Ministry said.',
     ("russia", "armed_groups")),
    # held to answer for the truce's end
    ("Turkish Defence Minister Hulusi Akar said the regime is responsible for the collapse of the truce in Idlib.",
     ("turkey", "syria")),
    ("The Syrian Foreign Ministry said Turkey bears full responsibility for the breakdown of the Sochi agreement.",
     ("syria", "turkey")),
    # a party's promise that did not come true; a keeping left to one unable to do it
    ("The Idlib ceasefire agreed in Moscow was under strain. Russian Foreign Minister Sergei Lavrov said Ankara's "
     "promises to clear the M4 highway of militants have not materialised.", ("russia", "turkey")),
    ("The Idlib ceasefire agreed in Moscow was under strain. Russian Foreign Minister Sergei Lavrov said Turkey is "
     "unwilling to rein in the militants in Idlib as the Sochi deal requires.", ("russia", "turkey")),
])
def test_charges_in_other_shapes(text, pair):
    from tests.conftest import rule_claims

    assert pair in rule_claims(text)


@pytest.mark.parametrize("text", [
    "Since the collapse of the truce in Idlib, Turkish and Russian diplomats have met twice, the Syrian ministry said.",
    "The Kremlin said the collapse of the truce in Idlib was regrettable.",
    "Analysts believe the ceasefire in Idlib will hold.",
    "The Kremlin said the hopes for a lasting truce in Idlib had not materialised.",
])
def test_no_one_is_blamed_for_a_collapse_told_or_a_belief_about_the_truce(text):
    from tests.conftest import rule_claims

    assert rule_claims(text) == set()


def test_a_belief_is_no_quote_cue():
    text = ('"The Russian president considers it inappropriate to resume strikes," Kremlin spokesman Dmitry Peskov '
            'said, adding that Putin thought it necessary to "continue the humanitarian pause in Idlib."')
    assert statement_of(text, "continue the humanitarian").speaker == "Dmitry Peskov"


CONTEXT = "The Idlib ceasefire was under strain on Tuesday. "


@pytest.mark.parametrize("text, pair", [
    # a pledge told in one sentence and said undone in the next
    ("Under the Sochi memorandum, Turkey undertook to separate the moderate opposition from the terrorists. This has "
     "not been done, Russian Foreign Minister Sergei Lavrov said.", ("russia", "turkey")),
    ("The Sochi memorandum obliged Ankara to remove radical groups from the zone. Nothing has been done so far, the "
     "Syrian Foreign Ministry said.", ("syria", "turkey")),
    ("Ankara was supposed to clear the M4 of militants under the Moscow agreement. Lavrov said on Tuesday that this "
     "has still not happened.", ("russia", "turkey")),
    ("Turkey had promised in Sochi to withdraw heavy weapons from the demilitarised zone. The Syrian Foreign Ministry "
     "said Ankara has yet to do so.", ("syria", "turkey")),
    ("Under the March 5 protocol, Turkey pledged to secure the M4 highway. This work is moving very slowly, Lavrov "
     "said.", ("russia", "turkey")),
    ("Under the March 5 protocol, Turkey pledged to secure the M4 highway. But the terrorists continue to control "
     "the road, Lavrov said.", ("russia", "turkey")),
    ("Turkey had promised in Sochi to withdraw heavy weapons from the demilitarised zone. \"We are still waiting for "
     'this to happen," Lavrov said.', ("russia", "turkey")),
    ("Under the March 5 protocol, Ankara pledged to secure the M4 highway. The Syrian Foreign Ministry said Ankara is "
     "still far from fulfilling this commitment.", ("syria", "turkey")),
    # in one sentence: a task its own clause says someone took on, said undone; what a party promised, not done
    ("Lavrov said the separation of the opposition from the terrorists, which Turkey took on in Sochi, is moving very "
     "slowly.", ("russia", "turkey")),
    ("Lavrov said the withdrawal of heavy weapons from the zone, which Ankara was responsible for, has not taken "
     "place.", ("russia", "turkey")),
    ("Cavusoglu said the YPG withdrawal from the border strip has not been completed, contrary to Moscow's promises.",
     ("turkey", "russia")),
])
def test_a_pledge_said_undone_in_the_next_sentence(text, pair):
    from tests.conftest import rule_claims

    assert pair in rule_claims(CONTEXT + text, after=len(CONTEXT))


@pytest.mark.parametrize("text", [
    "Turkey undertook to separate the opposition from the terrorists. This was agreed in Sochi, Lavrov said.",
    "Turkey pledged to secure the M4. This has been done, Lavrov said.",
    "Russia and Turkey undertook to run joint patrols. This has not happened, Lavrov said.",
    "Lavrov said the withdrawal, which Ankara was responsible for, has taken place.",
    "Cavusoglu said the YPG withdrawal from the border strip has been completed, contrary to some reports.",
    # the duty was about the terrorists, not theirs
    "Under the agreement, the terrorists were supposed to be removed from these areas. This has not happened, "
    "Cavusoglu said.",
])
def test_no_pledge_undone_is_read_where_none_is_told(text):
    from tests.conftest import rule_claims

    assert rule_claims(CONTEXT + text, after=len(CONTEXT)) == set()


@pytest.mark.parametrize("text", [
    "Turkey sent more troops into Idlib on Monday. This move violates the ceasefire agreement, the Syrian Foreign "
    "Ministry said.",
    "Turkey sent more troops into Idlib on Monday. The Syrian Foreign Ministry called the move a violation of the "
    "ceasefire agreement.",
    "Turkey sent more troops into Idlib on Monday. Damascus said the step was a flagrant breach of the Sochi "
    "agreement.",
])
def test_an_act_told_by_a_plain_verb_and_named_again_is_its_doers(text):
    from tests.conftest import rule_claims

    assert ("syria", "turkey") in rule_claims(CONTEXT + text, after=len(CONTEXT))


@pytest.mark.parametrize("text", [
    # what was told before is speech, or was not done
    "Lavrov said Turkey sent more troops into Idlib on Monday. Damascus said the step was a flagrant breach of the "
    "Sochi agreement.",
    "Turkey did not send more troops into Idlib on Monday. Damascus said the step would be a flagrant breach of the "
    "Sochi agreement.",
])
def test_no_act_is_pinned_where_none_was_done(text):
    from tests.conftest import rule_claims

    assert ("syria", "turkey") not in rule_claims(CONTEXT + text, after=len(CONTEXT))


@pytest.mark.parametrize("text", [
    "Lavrov said Turkey's non-implementation of the Sochi memorandum was unacceptable.",
    "Lavrov said the Turkish side's refusal to withdraw its troops from the zone, as agreed in Sochi, was unacceptable.",
    "Lavrov pointed to Turkey's inability to separate the terrorists from the opposition, as agreed in Sochi.",
    "Lavrov said not a single provision of the Sochi memorandum had been implemented by Turkey.",
])
def test_unkept_commitments_named_as_nouns_or_counted_out(text):
    from tests.conftest import rule_claims

    assert ("russia", "turkey") in rule_claims(CONTEXT + text, after=len(CONTEXT))


def test_a_single_provision_implemented_is_no_charge():
    from tests.conftest import rule_claims

    text = "Lavrov said a single provision of the Sochi memorandum had been implemented by Turkey so far."
    assert rule_claims(CONTEXT + text, after=len(CONTEXT)) == set()


@pytest.mark.parametrize("text, pairs", [
    ("Lavrov said that instead of separating the terrorists as agreed, Ankara has sent more troops into Idlib.",
     {("russia", "turkey")}),
    ("Instead of honouring the Sochi memorandum, Turkey has reinforced its posts, the Syrian Foreign Ministry said.",
     {("syria", "turkey")}),
    # "rather than", the parser's "rather" on the preposition or on the verb
    ("Rather than abiding by the ceasefire, the regime continued its bombardment of Idlib, the Turkish Defence Ministry "
     "said.", {("turkey", "syria")}),
    ("The regime continued its bombardment of Idlib rather than respecting the ceasefire, the Turkish Defence Ministry "
     "said.", {("turkey", "syria")}),
    # done otherwise, but no deal or agreed act named
    ("Lavrov said that instead of withdrawing, the Turkish convoy stopped in Saraqib.", set()),
    ("Lavrov said that rather than withdrawing, the Turkish convoy stopped in Saraqib.", set()),
])
def test_a_keeping_done_otherwise(text, pairs):
    from tests.conftest import rule_claims

    found = rule_claims(CONTEXT + text, after=len(CONTEXT))
    assert found >= pairs if pairs else found == set()


@pytest.mark.parametrize("text, opening, state", [
    ("In Ankara, the defence ministry said regime artillery had shelled a Turkish observation post near Saraqib.",
     "In Ankara", "turkey"),
    ('In Moscow, the foreign ministry said: "Ankara has not kept its word on the M4 highway."', "Ankara has not", "russia"),
])
def test_a_body_speaks_for_the_capital_that_opens_the_sentence(text, opening, state):
    from tests.conftest import reported_of

    assert _rolled(reported_of(text, opening)) == state


def test_a_country_that_opens_the_sentence_tells_where_not_whose():
    from pipeline.analyzer.core import analyze

    text = "In Syria, the ministry said regime artillery had shelled a Turkish observation post near Saraqib."
    assert all(_rolled(s) != "syria" for s in analyze("Idlib truce", text, quotes_everywhere=True).statements)


@pytest.mark.parametrize("text, opening, speaker", [
    ('"The regime has violated the truce again," said Brig. Gen. Ahmed Berri, chief of staff of the Free Syrian Army.',
     "The regime has", "Ahmed Berri"),
    ('"The militants have shelled our positions," Lt. Col. Ahmed Hamadeh told reporters in Idlib.',
     "The militants have", "Ahmed Hamadeh"),
    ('Pentagon spokesman Navy Capt. Jeff Davis said: "We see no sign that the truce is holding in Idlib."',
     "We see no", "Jeff Davis"),
])
def test_a_titles_abbreviation_ends_no_sentence(text, opening, speaker):
    assert statement_of(text, opening).speaker == speaker


def test_a_name_inside_a_stance_adjective_is_no_speaker():
    from pipeline.analyzer.core import analyze

    text = 'Stand Up Now, a pro-Clinton super PAC, sent a video with one sentence: "This is not what a president says."'
    assert all("Clinton" not in (s.speaker or "") for s in analyze("Idlib truce", text, quotes_everywhere=True).statements)


POLNEAR_TRAIN = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "polnear" / "train"


@pytest.mark.skipif(not POLNEAR_TRAIN.is_dir(), reason="PolNeAR is not beside the repository (../shared/corpus/polnear)")
@pytest.mark.parametrize("article, opening, speaker", [
    # a name the parser hangs on the verb apart from the role noun it stands in apposition to
    ("politico_2016-08-08_inside-the-swing-state-trench-wa", "He looked me right", "Deborah Tamargo"),
    # a name inside a stance adjective ("a pro-Clinton super PAC") is no speaker
    ("usa-today_2016-08-10_nd-amendment-people-his-secret-w", "THIS IS NOT OK", "Priorities USA"),
])
def test_speakers_in_polnear_train_articles(article, opening, speaker):
    """PolNeAR train articles (read for errors; their texts stay in ../shared): the speaker of one quote each."""
    from pipeline.analyzer.core import analyze

    text = next(POLNEAR_TRAIN.glob(f"text/{article}*.txt")).read_text(encoding="utf-8")
    found = [s.speaker for s in analyze(None, text, quotes_everywhere=True).statements if s.quote.startswith(opening)]
    assert found == [speaker]
