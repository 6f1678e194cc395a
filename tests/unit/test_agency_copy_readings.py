"""Readings of agency and newspaper copy: a medium told is no party a pronoun stands for, a truce named only in a
question left open, a source cited in an aside before "that", a "non-" keeping whose "by" the parser hung elsewhere,
Damascus dailies, "the first of August", an interview's "A:" turns, a name set after a role at a body, "a statement
in which it said", a demand after the deal's work is said undone, a party set off by an aside after "and", groups
"part of" a truce, acts "aimed at undermining" a deal, Astana's memorandum on de-escalation zones, a name with
particles after a body's name, parties "responsible for most of the violations", an agency's cited source when the
parser reads the agency as a verb, "the non-compliance of" a party, an interview's unlabelled answers, a body named in
quotation marks, "accused of refusing to abide" and parties "not committed to" a deal. Written for these tests; no
labelled set's text."""

import pytest

from pipeline.analyzer.core import analyze
from pipeline.analyzer.gazetteer import gazetteer
from tests.conftest import reported_of, rule_claims, statement_of


def _agreements_charged(text: str, accused: str, date: str, outlet: str | None = None) -> list[str | None]:
    """The agreement of each accusation against this party, in the order found."""
    return [a.agreement for a in analyze("Idlib truce", text, outlet=outlet, date=date).accusations
            if gazetteer().rollup(a.accused) == accused]


def test_a_medium_told_is_not_who_they_are():
    text = ('"The regime has not kept a single clause of the Moscow agreement," Naji Mustafa, a spokesman for the '
            'National Front for Liberation, told Anadolu. "Every day they shell our villages in Jabal al-Zawiya."')
    assert ("armed_groups", "syria") in rule_claims(text)
    assert ("armed_groups", "turkey") not in rule_claims(text)


def test_an_attack_outside_a_question_left_open_is_no_breach():
    text = ("A Russian officer said on Monday that militants had shelled army posts near Kafr Nabl, without saying "
            "whether the shelling breached the Idlib truce.")
    assert ("russia", "armed_groups") not in rule_claims(text)
    said = ("A Russian officer said on Monday that militants had shelled army posts near Kafr Nabl in breach of the "
            "Idlib truce.")
    assert ("russia", "armed_groups") in rule_claims(said)


def test_a_source_cited_in_an_aside_before_that_speaks():
    text = ("Kommersant reported, citing a source in the Russian Defence Ministry, that Ankara had not fulfilled its "
            "obligations under the Moscow protocol on Idlib.")
    assert ("russia", "turkey") in rule_claims(text)


def test_a_non_keeping_by_a_party_hung_on_another_noun_is_that_partys():
    text = ("Russian Foreign Ministry spokeswoman Maria Zakharova said the escalation was the consequence of the "
            "non-implementation by Ankara of its commitments under the Sochi memorandum.")
    assert ("russia", "turkey") in rule_claims(text)


def test_a_source_talking_to_a_damascus_daily_is_syrian():
    text = "A military source told Al-Watan that the terrorists had breached the ceasefire in the Ghab plain on Friday."
    assert ("syria", "armed_groups") in rule_claims(text)
    own_copy = "A military source said the terrorists had breached the ceasefire in the Ghab plain on Friday."
    assert ("syria", "armed_groups") in rule_claims(own_copy, outlet="Al-Watan")
    assert gazetteer().resolve("the Syrian daily Al-Watan") is None  # no party itself


def test_the_truce_announced_on_the_first_of_august():
    text = ("The Syrian army resumed its operations in northern Hama, the largest offensive since the Sochi memorandum "
            "of September 2018. A military source said the terrorists had refused to abide by the ceasefire announced "
            "on the first of August.")
    assert _agreements_charged(text, "armed_groups", date="2019-08-20", outlet="SANA")[:1] == ["other:aug_2019_truce"]


INTERVIEW = (
    "Enab Baladi spoke with Mahmoud Darwish al-Halabi, a commander in the National Front for Liberation, about the "
    "ceasefire in Idlib.\n\n"
    "Q: Is the regime keeping the ceasefire?\n\n"
    "A: No. The regime has violated the ceasefire every day since March, shelling Kansafra and al-Bara.\n\n"
    "Q: And the joint patrols?\n\n"
    "A: They stopped in August.\n")


def test_a_question_turn_is_no_ones():
    assert not any(s.quote.startswith("Is the regime") and s.speaker
                   for s in analyze("Idlib truce", INTERVIEW).statements)


def test_a_name_set_after_a_role_at_a_body_speaks():
    text = ("The researcher at the Jusoor Center for Studies, Firas Faham, told Enab Baladi that Russia \"uses the "
            "presence of Hayat Tahrir al-Sham as a pretext\" to press Turkey over Idlib.")
    assert reported_of(text, "uses the presence").speaker == "Firas Faham"


def test_it_in_a_statement_in_which_it_said_is_the_issuer():
    text = ("Jaish al-Izza said on Saturday it would keep its heavy weapons in the zone.\n\n"
            "Hayat Tahrir al-Sham issued a statement on Sunday in which it said that it \"will not hand over its weapons "
            "to anyone\" whatever the Sochi memorandum says.")
    assert statement_of(text, "will not hand over").speaker == "Hayat Tahrir al-Sham"


def test_a_demand_after_the_deals_work_is_said_undone():
    said = ("Lavrov said the work under the Sochi memorandum had not been completed and that Moscow expected Ankara to "
            "fulfil its obligations on separating the opposition from terrorists.")
    assert ("russia", "turkey") in rule_claims(said)
    appeal = "Lavrov said Moscow expected Ankara to fulfil its obligations under the Sochi memorandum."
    assert ("russia", "turkey") not in rule_claims(appeal)


def test_a_party_set_off_by_an_aside_after_and_is_the_next_verbs_subject():
    text = ("The regime has been shelling villages in breach of the Moscow protocol, and Russia, as a guarantor of the "
            "deal, has not fulfilled its duty to restrain it, the Turkish Defence Ministry said.")
    assert ("turkey", "russia") in rule_claims(text)


def test_groups_that_claim_to_be_part_of_the_truce_are_the_armed_opposition():
    text = ('Russian Foreign Minister Sergey Lavrov said that "groups which claim to be part of the truce are fighting '
            'alongside Nusra near Aleppo and violating it."')
    assert ("russia", "armed_groups") in rule_claims(text)


@pytest.mark.parametrize("acts", ["the moves of the Turkish side", "the Turkish side's moves"])
def test_acts_aimed_at_undermining_a_deal_are_their_doers(acts):
    text = f"Russian Defence Minister Sergei Shoigu said {acts} were aimed at undermining the Sochi memorandum on Idlib."
    assert ("russia", "turkey") in rule_claims(text)


def test_the_memorandum_on_de_escalation_zones_is_astanas():
    text = ("Militants launched an offensive north of Hama on Tuesday in violation of the memorandum on the creation of "
            "de-escalation zones, Colonel General Sergei Rudskoy of the Russian General Staff said.")
    assert _agreements_charged(text, "armed_groups", date="2017-09-20")[:1] == ["astana"]


@pytest.mark.parametrize("subject, name", [
    ("The head of the Free Syrian Police in the northern countryside, Ahmad al-Saleh,", "Ahmad al-Saleh"),
    ("The director of the General Establishment for Grain in Idlib, Khaled al-Omar,", "Khaled al-Omar"),
])
def test_a_name_set_after_a_role_speaks_whatever_its_particles_or_the_body(subject, name):
    text = f'{subject} told Enab Baladi that the regime "has never respected the truce for a single day" in Idlib.'
    assert statement_of(text, "has never respected").speaker == name


def test_a_bodys_name_going_on_after_a_rank_word_is_no_persons():
    from pipeline.analyzer.core import _parse
    from pipeline.analyzer.names import titled_names

    doc = _parse("The director of the General Establishment for Grain in Idlib said bread would cost more.")
    assert "Establishment" not in [span.text for span in titled_names(doc)]


def test_parties_responsible_for_most_of_the_violations_are_charged():
    text = ("Turkish Foreign Minister Mevlut Cavusoglu said on Thursday that the regime and the Lebanese Shiite movement "
            "Hezbollah were responsible for most of the violations of the nationwide ceasefire.")
    assert {("turkey", "syria"), ("turkey", "other:hezbollah")} <= rule_claims(text)


@pytest.mark.parametrize("agency", ["Syrian state news agency SANA", "State news agency SANA"])
def test_a_source_an_agency_cites_speaks_though_the_parser_reads_the_agency_as_a_verb(agency):
    text = (f"{agency}, citing a military source, said on Monday that \"terrorist groups\" had fired mortar shells on "
            "the city of Mhardeh in breach of the Idlib ceasefire.")
    assert reported_of(text, agency).speaker == "military source"
    assert ("syria", "armed_groups") in rule_claims(text)


def test_the_non_compliance_of_a_party_is_that_partys():
    text = ("The Syrian Foreign Ministry said the continued non-compliance of the Turkish regime with its commitments "
            "under the Sochi agreement encourages the terrorists to escalate their attacks.")
    assert ("syria", "turkey") in rule_claims(text)


INTERVIEW_UNLABELLED = (
    "Syria Direct spoke with Abu Omar al-Dar'awi, a commander in the Southern Front, about the ceasefire in Daraa.\n\n"
    "Q: Has the regime kept the ceasefire since it took effect?\n\n"
    "The regime has violated the ceasefire every night, shelling Daraa al-Balad with mortars.\n\n"
    "Q: What comes next?\n\n"
    "A: We wait for the guarantors.\n")


@pytest.mark.parametrize("interview, interviewee", [(INTERVIEW, "Mahmoud Darwish al-Halabi"),
                                                   (INTERVIEW_UNLABELLED, "Abu Omar al-Dar'awi")])
def test_an_interviews_answers_labelled_or_not_are_the_interviewees(interview, interviewee):
    assert reported_of(interview, "The regime has violated").speaker == interviewee
    assert ("armed_groups", "syria") in rule_claims(interview)


def test_a_body_named_in_quotation_marks_speaks():
    text = ("Meanwhile, the \u201cNational Front for Liberation\u201d said in a statement that the regime forces had "
            "breached the truce in Jabal al-Zawiya since its first hours.")
    assert ("armed_groups", "syria") in rule_claims(text)


def test_accused_of_refusing_to_abide_by_the_truce():
    text = ("The Syrian army said in a statement that the truce was over, accusing the \u201cterrorist groups backed by "
            "Turkey\u201d of refusing to abide by the truce.")
    assert ("syria", "armed_groups") in rule_claims(text)


def test_parties_not_committed_to_a_deal_are_charged():
    text = ("The Syrian National Coalition said the shelling was new proof that Russia and the regime are not committed "
            "to the Moscow ceasefire agreement.")
    assert {("armed_groups", "russia"), ("armed_groups", "syria")} <= rule_claims(text)
