"""A relative hung on an act's target, an act called "contrary to" a deal, a writer's participle after its addressee,
a blame put on what someone calls so, the means of an act, bodies run by the opposition, idioms of a bargain and
its period, a task's own words, a keeping that has not taken place, words quoted inside reported speech, a share
read as a clause, a clause of the outlet's own, an epithet on "regime". Written for these tests; no labelled set's
text."""

from pipeline.analyzer.core import _parse
from pipeline.analyzer.referents import doer_of
from pipeline.analyzer.statements import extract_statements
from tests.conftest import rule_claims


def test_a_relative_hung_on_the_target_of_an_act():
    text = ("Government forces shelled a camp for displaced people near Sarmada on Monday, killing nine civilians. The "
            "Turkish Foreign Ministry said it condemned the attack on the camp, which, it said, was contrary to the "
            "agreements reached with Russia on Idlib.")
    assert rule_claims(text) == {("turkey", "syria")}


def test_an_act_described_as_against_a_deal():
    text = ("A Turkish diplomat told reporters that Ankara had raised the Russian air raids on Ariha with Moscow, "
            "describing them as incompatible with the March 2020 agreement.")
    assert rule_claims(text) == {("turkey", "russia")}


def test_an_act_described_as_in_keeping_with_a_deal_charges_no_one():
    # the guard: "in line with" is no breach
    text = ("A Turkish diplomat said Ankara had discussed the Russian patrols with Moscow, describing them as in line "
            "with the March 2020 agreement.")
    assert rule_claims(text) == set()


def test_a_writer_accuses_not_whom_it_wrote_to():
    text = ("The opposition's negotiating committee has written to the United Nations accusing the Assad government and "
            "its Iranian backers of breaching the two-day-old truce dozens of times.")
    assert rule_claims(text) == {("armed_groups", "syria"), ("armed_groups", "iran")}


def test_a_state_owning_a_rebel_body_is_where_it_is():
    text = ("Syria's main rebel coalition wrote to the United Nations on Monday accusing the regime and its Russian "
            "backers of violating the week-old truce repeatedly.")
    assert rule_claims(text) == {("armed_groups", "syria"), ("armed_groups", "russia")}


def test_a_blame_put_on_what_someone_calls_so():
    text = ("The Russian defence ministry said it had counted 11 breaches of the truce on Friday, blaming most of them "
            "on what it called 'radical groups' near Latakia.")
    assert rule_claims(text) == {("russia", "armed_groups")}


def test_the_means_of_an_act_called_a_breach():
    text = ("The Syrian army command said militants had wounded six soldiers by shelling its posts near Kafr Nabl, in "
            "what it called a new breach of the truce.")
    assert rule_claims(text) == {("syria", "armed_groups")}


def test_a_body_run_by_the_opposition_speaks_for_it():
    text = ('Ahmad Hamdan, head of the opposition-run Idlib provincial council, told reporters the truce was a sham. '
            '"The regime has never honoured a single truce in this province," Hamdan said.')
    assert rule_claims(text) == {("armed_groups", "syria")}


def test_the_end_of_a_bargain_is_a_commitment():
    text = ('"Damascus is not living up to its end of the bargain on the convoys," said Ned Price, the State Department '
            'spokesman.')
    assert rule_claims(text) == {("united_states", "syria")}


def test_the_agreed_period_is_a_commitment():
    text = ("Ankara has accused the Kurdish fighters of failing to leave Tal Rifaat within the agreed period.")
    assert rule_claims(text) == {("turkey", "sdf")}


def test_a_clause_joined_to_the_reported_one_speaks_with_no_one():
    text = ('"The truce was conditional on the implementation by the Turkish side of its commitments, foremost the '
            'withdrawal of the militants to a depth of 20 kilometres and the withdrawal of their heavy weapons, but the '
            'Turkish side has not fulfilled any of these commitments," the Syrian army\'s general command said.')
    assert rule_claims(text) == {("syria", "turkey")}


def test_a_task_named_with_a_place_is_no_party():
    text = ("The Russian ministry said the measures set out in the protocol signed in Moscow to protect the road had not "
            "been carried out, and that the Russian side expected its Turkish partners to meet their obligations soon.")
    assert rule_claims(text) == {("russia", "turkey")}


def test_a_keeping_that_has_not_taken_place():
    text = ('"We mean the fulfilment by the Turkish side of its obligation to pull the militants back from the '
            'road, which, regrettably, has not taken place," Dmitry Peskov said.')
    assert rule_claims(text) == {("russia", "turkey")}


def test_a_promised_event_that_has_not_taken_place_charges_no_one():
    # the guard: an event, not a keeping
    text = '"The meeting on the Idlib truce, which was planned for May, has not taken place," Dmitry Peskov said.'
    assert rule_claims(text) == set()


def test_words_quoted_inside_reported_speech_are_the_reporter_s():
    text = ("The deputy head of the Russian Centre for Reconciliation told TASS that the blast was a gross violation of "
            "the truce and that its organisers were militants who had \u201crepeatedly tried to wreck the joint "
            "patrols.\u201d\n\n\u201cThe groups are doing everything to derail the agreements,\u201d the officer said.\n\n"
            "He added that the Turkish side had still not fulfilled its obligations under the protocol.")
    doc = _parse(text)
    statements, _ = extract_statements(doc)
    assert [s.kind for s in statements] == ["indirect", "direct", "direct", "indirect"]
    assert {s.speaker_actor for s in statements} == {"russia_mod"}
    assert statements[1].quote.startswith("repeatedly tried to wreck")
    assert ("russia", "turkey") in rule_claims(text)


def test_a_share_read_as_a_clause_is_put_on_its_by():
    doc = _parse('"Over the past day, 14 ceasefire violations were recorded in Damascus province, two in Homs province '
                 'and one in Quneitra, all of them shelling by illegal armed groups," the Russian centre said.')
    shelling = next(t for t in doc if t.lower_ == "shelling")
    assert doer_of(shelling).lower_ == "groups"


def test_a_clause_of_the_outlet_s_own_is_not_the_accuser_s():
    text = ("The truce in Idlib appeared to be faltering on Wednesday as government artillery resumed shelling villages "
            "near Saraqib, and the Russian military accused the militants of dozens of violations.")
    assert rule_claims(text) == {("russia", "armed_groups")}


def test_an_epithet_makes_the_regime_syria_s():
    text = ('The Fateh al-Mubin operations room said the strike was "a flagrant violation by the Russian aggressor and '
            'the criminal regime of the ceasefire agreement signed in Moscow."')
    assert rule_claims(text) == {("armed_groups", "russia"), ("armed_groups", "syria")}
