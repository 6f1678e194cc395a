"""An act named again ("the advance", "the shelling") is the act the report told with its own verb, and its doer's;
a body or a person after a fronted place phrase or behind "his" speaks."""

import pytest

from tests.conftest import reported_of, rule_claims, statement_of

SHELLED = "Syrian government forces shelled the town of Maarat al-Numan on Sunday, killing five civilians. "
ADVANCED = "Turkish officials said regime troops had advanced toward Saraqib. "


@pytest.mark.parametrize("text, pair", [
    (SHELLED + "The opposition National Coalition called the shelling a breach of the Moscow agreement.",
     ("armed_groups", "syria")),
    (ADVANCED + "Ankara regards the advance as a violation of the Sochi memorandum, a Turkish diplomat said.",
     ("turkey", "syria")),
    ("Regime troops advanced toward Saraqib on Monday. Ankara said the advance violated the Sochi memorandum.",
     ("turkey", "syria")),
    ("Turkey deployed more troops around Idlib. Damascus described the deployment as a breach of the Astana "
     "agreements.", ("syria", "turkey")),
])
def test_an_act_named_again_charges_whoever_the_report_told_doing_it(text, pair):
    second = text.index(". ") + 2
    assert pair in rule_claims(text, after=second)


@pytest.mark.parametrize("text", [
    # told in the passive: who was shelled is not who shelled
    "Syrian government positions were shelled on Sunday. Damascus called the shelling a breach of the truce.",
    # an act not pointed back to ("an advance") is not the one told before
    "Regime troops advanced toward Saraqib on Monday. Ankara said an advance would violate the Sochi memorandum.",
    # the verb tells a thing, not a party, doing it
    "Talks advanced slowly in Moscow. Ankara regards the advance as a violation of the Sochi memorandum.",
])
def test_no_doer_is_taken_from_an_act_told_otherwise(text):
    second = text.index(". ") + 2
    assert not {pair for pair in rule_claims(text, after=second) if pair[1] in ("syria", "turkey")}


def test_a_charge_condemned_as_a_breach_is_a_violation_not_an_attack():
    from pipeline.analyzer.core import analyze

    text = SHELLED + "The opposition National Coalition condemned the shelling as a breach of the Moscow agreement."
    found = [a for a in analyze("Idlib truce", text).accusations if a.mode.value == "claim"]
    assert [(a.accuser, a.accused, a.breach_type.value) for a in found] == [
        ("armed_groups", "syria", "ceasefire_violation")]


@pytest.mark.parametrize("opening, speaker", [
    ("After a meeting with villagers in the Idlib countryside, Saleh said", "Saleh"),
    ("Speaking to reporters in the provincial capital, Mustafa said", "Mustafa"),
])
def test_a_name_after_a_fronted_place_phrase_speaks(opening, speaker):
    text = f"{opening} the regime had breached the truce in Idlib."
    assert reported_of(text, opening[:12]).speaker == speaker


def test_the_kazakh_capital_named_after_a_comma_is_still_a_place():
    text = "Talks were held in the Kazakh capital, Nur-Sultan, on Monday. Lavrov said the militants violated the truce."
    assert reported_of(text, "Lavrov").speaker == "Sergei Lavrov"


@pytest.mark.parametrize("text, actor", [
    ("Russia's foreign minister Sergei Lavrov met his Turkish counterpart. His ministry said Turkey had failed to "
     "separate the terrorists as the Sochi deal required.", "russia_mfa"),
    ("Putin met Erdogan in Moscow. His government said Turkey had failed to separate moderate rebels from "
     "terrorists.", "russia"),
])
def test_his_ministry_is_the_body_of_the_person_the_pronoun_is(text, actor):
    statement = reported_of(text, "His ")
    assert (statement.speaker_actor, "(" in statement.speaker) == (actor, True)


def test_his_campaign_is_a_person_s_body_for_no_state():
    text = "Bernie Sanders is raising money in Iowa. His campaign said he ended December with $28.4 million in cash."
    statement = reported_of(text, "His campaign")
    assert (statement.speaker, statement.speaker_actor) == ("campaign (Bernie Sanders)", None)


SYTNIK = ("The deputy head of the Russian Center for Reconciliation of the Opposing Sides, Rear Admiral Vyacheslav "
          "Sytnik, said militants had opened fire 21 times over the past day. ")


def test_an_office_is_not_the_last_one_named_of_that_state_when_their_title_is_another():
    statement = reported_of(SYTNIK + "The Russian envoy in Damascus said Ankara was not fulfilling the Sochi "
                                     "agreements.", "The Russian envoy")
    assert (statement.speaker, statement.speaker_actor) == ("Russian envoy in Damascus", "russia")


@pytest.mark.parametrize("before, said, speaker", [
    # a kind of person fits any title
    (SYTNIK, "The Russian official said", "Vyacheslav Sytnik"),
    # an office the title holds, or one alike
    ("Russian Ambassador Alexei Yerkhov met Turkish officials on Monday. ", "The Russian envoy said", "Alexei Yerkhov"),
    ("Turkish Foreign Minister Mevlut Cavusoglu spoke in Ankara on Monday. ", "The Turkish minister said",
     "Mevlut Cavusoglu"),
])
def test_the_role_is_the_one_named_before_when_the_title_fits(before, said, speaker):
    text = before + said + " the militants had violated the Idlib ceasefire."
    assert reported_of(text, said).speaker == speaker


TATTERS = "The Sochi deal on Idlib is in tatters. "


def test_a_cleft_parsed_as_two_reported_clauses_charges_its_focus():
    text = TATTERS + "Moscow says it is Ankara that has failed to separate the moderates from the terrorists."
    assert ("russia", "turkey") in rule_claims(text, after=len(TATTERS))


def test_not_doing_enough_to_keep_a_duty_is_not_keeping_it():
    text = TATTERS + "Turkey insists that Russia has not done enough to restrain the Syrian army in Idlib."
    assert ("turkey", "russia") in rule_claims(text, after=len(TATTERS))


def test_doing_enough_to_keep_a_duty_charges_no_one():
    text = TATTERS + "Turkey says Russia has done enough to restrain the Syrian army in Idlib."
    assert ("turkey", "russia") not in rule_claims(text, after=len(TATTERS))


def test_a_medium_described_then_named_speaks_by_its_name_for_its_owner():
    statement = statement_of('According to Hezbollah\'s official television station Al-Manar, "two members of the '
                             'National Defence Forces were killed when an Israeli drone targeted their car."', "two")
    assert (statement.speaker, statement.speaker_actor) == ("Al-Manar", "other:hezbollah")


def test_a_body_named_in_lower_case_runs_on_to_the_place_its_name_ends_with():
    text = ("Terrorists continue attempts to break down the ceasefire in Aleppo the Russian center for reconciliation of "
            "the warring parties in Syria said in its bulletin. \"In all 40 people were killed in the city,\" the center "
            "said.")
    assert statement_of(text, "In all").speaker == "Russian center for reconciliation of the warring parties in Syria"


def test_a_truce_never_respected_is_a_violation():
    from pipeline.analyzer.core import analyze

    text = ("The head of the Syrian Negotiation Commission, Nasr al-Hariri, said the Russian occupation and the regime "
            "militias had never respected any truce.")
    found = {(a.accused, a.breach_type.value) for a in analyze("Idlib truce", text).accusations}
    assert found == {("russia", "ceasefire_violation"), ("syria", "ceasefire_violation")}


def test_counted_shelling_incidents_by_a_party_charge_it():
    text = ("The Russian reconciliation center said it had registered 26 shelling incidents by terrorists in the Idlib "
            "de-escalation zone.")
    assert ("russia", "armed_groups") in rule_claims(text)


def test_counted_incidents_of_no_breach_charge_no_one():
    text = "The Russian reconciliation center said it had registered 26 traffic incidents by terrorists in the Idlib zone."
    assert rule_claims(text) == set()


def test_extremist_groups_are_the_armed_groups():
    text = "Moscow considers the presence of extremist groups in the demilitarized zone a breach of the Sochi understandings."
    assert ("russia", "armed_groups") in rule_claims(text)


def test_the_pronoun_of_what_one_informs_another_of_is_the_informer():
    text = ("Diplomatic sources said Moscow had informed Ankara that it considers the presence of extremist groups in the "
            "demilitarized zone a breach of the Sochi understandings.")
    assert rule_claims(text) == {("russia", "armed_groups")}


def test_a_resident_of_a_town_the_ner_calls_a_person_speaks_as_a_resident():
    text = '"The planes have not stopped since the morning," a resident of Maaret al-Numan told AFP by phone.'
    assert statement_of(text, "The planes").speaker == "resident of Maaret al-Numan"


def test_a_role_given_to_a_name_is_that_person_not_an_unnamed_one_of_the_body():
    text = ("Mohammed Rasheed, a spokesman for the Jaish al-Nasr rebel group, said government forces had attacked in "
            'breach of the truce. The rebel spokesman added that "the regime cannot be trusted at all."')
    assert statement_of(text, "the regime cannot").speaker == "Mohammed Rasheed"


def test_an_unnamed_source_brought_in_is_still_the_source_said_again():
    text = ('A military source told SANA that terrorists had violated the truce. "The terrorists shelled the town '
            'twice," the source said.')
    assert statement_of(text, "The terrorists shelled").speaker_actor == "syria"
