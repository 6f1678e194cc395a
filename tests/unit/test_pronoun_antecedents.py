"""Whom a later "he" or "she" stands for: the one a sentence is about, not someone a clause inside it names, and
not someone a relative clause beside the name describes (sentences written for these tests, in the shapes of
real wire copy)."""

from pipeline.analyzer.core import analyze
from tests.conftest import direct_quotes as speakers


def test_a_later_he_is_not_the_subject_of_a_clause_inside_the_sentence_before():
    text = ("Turkish Defence Minister Hulusi Akar visited troops on the border on Sunday.\n\n"
            "He wanted to show them that as long as the offensive went on, Bashar al-Assad would not be allowed "
            "to advance.\n\n"
            "\u201cWe will not withdraw a single observation post,\u201d he said.")
    assert speakers(text) == [("We will not withdraw", "Hulusi Akar")]


def test_a_later_she_is_not_the_one_a_clause_inside_the_sentence_before_names():
    text = ("Russian Foreign Ministry spokeswoman Maria Zakharova was in Ankara on Thursday.\n\n"
            "She met diplomats to explain to them who Rania al-Abdullah was.\n\n"
            "\u201cOur Turkish partners have not separated the terrorists from the opposition,\u201d she said.")
    assert speakers(text) == [("Our Turkish partners", "Maria Zakharova")]


def test_guard_the_one_a_clause_of_the_pronouns_own_sentence_is_about_may_be_the_pronoun():
    text = ("Sergei Lavrov spoke to reporters in Moscow on Monday.\n\n"
            "A week after Maria Zakharova lost patience with Ankara, when she said \u201cthe terrorists are still "
            "in the zone\u201d, Lavrov called his Turkish counterpart.")
    assert speakers(text) == [("the terrorists are s", "Maria Zakharova")]


def test_a_relative_clause_about_someone_elses_husband_is_no_title_and_no_sex():
    text = ("Huda Saleh, whose husband, White Helmets volunteer Khaled Saleh, was one of five rescuers killed in "
            "the 2019 strike on Maarat al-Numan, discussed the truce with Reuters on Thursday.\n\n"
            "Though weary of promises, Saleh said she does not believe Rania al-Abdullah should be blamed for it.\n\n"
            "\u201cEvery truce they signed was broken within days,\u201d she told Reuters.")
    statements = analyze("Idlib truce", text, quotes_everywhere=True).statements
    assert [(s.kind, s.speaker) for s in statements] == [("indirect", "Huda Saleh"), ("direct", "Huda Saleh")]
    assert not any("husband" in (s.speaker_title or "") for s in statements)


def test_a_later_he_is_the_one_a_sentence_the_parser_left_without_a_subject_is_about():
    # the parser reads "U.N. Secretary-General Antonio Guterres" as an apposition and leaves "called" without
    # a subject, so nothing in the sentence was a subject before
    text = ("\u201cThe regime has broken every promise,\u201d opposition spokesman Yahya al-Aridi said.\n\n"
            "At a briefing in New York, U.N. Secretary-General Antonio Guterres called on the guarantors to "
            "restore the calm in Idlib within days.\n\n"
            "\u201cThis requires courage from all sides,\u201d he said.")
    assert speakers(text)[-1] == ("This requires courag", "Antonio Guterres")


def test_a_person_the_model_files_as_a_body_is_still_the_one_she_stands_for():
    # the small model tags "Alessandra Vellucci" and "Vellucci" ORG; her surname speaking alone says she is a person
    text = ("A U.N. spokeswoman said fighting in Aleppo had cut the only road for aid deliveries. "
            "Alessandra Vellucci said on Tuesday that the Castello Road had been rendered \u201cimpassable\u201d since "
            "last week. Vellucci said 300000 people depended on the road. She said the U.N. continued to receive "
            "\u201cdistressing reports of aerial bombardment and shelling on civilian areas in Aleppo.\u201d")
    assert speakers(text)[-1][1] == "Alessandra Vellucci"


def test_a_later_he_is_the_person_just_introduced_with_a_title_not_the_last_speaker():
    text = ("Omar Haddad, a local council member in Ariha, said the shelling had gone on all night. \u201cNobody "
            "sleeps here any more,\u201d he said.\n\n"
            "The attacks on the market are something that troubles Karim Nasser, head of the Idlib Health "
            "Directorate. \u201cThe hospitals cannot take more wounded. We have no beds left,\u201d he said.")
    assert speakers(text)[-1] == ("The hospitals cannot", "Karim Nasser")


def test_guard_a_person_named_in_what_the_last_speaker_said_is_not_the_one_a_later_he_stands_for():
    text = ("Recep Tayyip Erdogan addressed his party's lawmakers in Ankara on Wednesday.\n\n"
            "Erdogan said the strike ran against the protocol agreed with Russian President Vladimir Putin in "
            "Moscow.\n\n"
            "\u201cThose who wish to drag the region into blood will not achieve their aim,\u201d he added.")
    assert speakers(text)[-1] == ("Those who wish to dr", "Recep Tayyip Erdogan")


def test_guard_a_newcomer_of_the_other_sex_is_passed_over():
    text = ("Omar Haddad, a local council member in Ariha, said the shelling had gone on all night. \u201cNobody "
            "sleeps here any more,\u201d he said.\n\n"
            "The attacks also trouble Leila Nasser, head of the Idlib Health Directorate. \u201cWe cannot go on "
            "like this,\u201d he said.")
    assert speakers(text)[-1] == ("We cannot go on like", "Omar Haddad")
