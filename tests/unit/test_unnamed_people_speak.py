"""People a report describes rather than names speak as described, and a "he" or "she" after them is theirs (found in
the errors of tests/data/real/quotes_dev.jsonl and quotes2_dev.jsonl, real news; these texts are written for the
tests, in the same shapes).

"…, a relative told AFP. '…,' he said" is the relative's; "Mateen's former wife said…" is the wife's, not Mateen's;
"A woman named Duygu said…" names a person, whatever the NER calls the name; "A government spokesman, Giorgos Kyritis,
said…" is Kyritis's and "Tasnim quoted IRGC deputy head Hossein Salami as saying" Salami's; a group of unnamed people
("Several witnesses reported…") is no "she"; "a University of Notre Dame law professor" says nothing of his sex; a
name the NER ends a word short ("Paulo Sergio | Pinheiro") is whole; "the U.K.'s new foreign secretary" is no American
secretary of state; "the group said" after a body spoke is that body; "he said" after "the victory speech of Nigel
Farage" is Farage's.
"""

import pytest

from tests.conftest import statement_of


@pytest.mark.parametrize("text, opening, speaker", [
    ("Ahmad, a resident, said the blast was heard across the city.\n\nBoth the groom and bride were safe, but the "
     "groom's father and brother were killed in the attack, a relative told AFP.\n\n\"The groom's wounds are light "
     "and he is staying at a relative's home,\" he said.", "The groom's wounds", "relative"),
    ("Omar Mateen's father, Seddique Mateen, said his son had been angered by the sight of two men kissing.\n\n"
     "Mateen's former wife said she met Mateen online about eight years ago.\n\n\"He was not a stable person,\" she "
     "said.", "He was not a stable", "Mateen's former wife"),
    ("\"It was terrible,\" said Ali Tekin, who was at the arrivals hall.\n\nA woman named Duygu, who was at passport "
     "control having just arrived from Germany, said she threw herself onto the floor. Several witnesses also "
     "reported hearing gunfire shortly before the attacks.\n\n\"Everyone started running away,\" she said outside the "
     "airport.", "Everyone started", "Duygu"),
    ("Twitter Inc said it had teams around the world investigating reports of violations.\n\n\"Social media plays an "
     "important role in allowing ISIS to recruit foreign fighters,\" said Jimmy Gurule, a University of Notre Dame "
     "law professor.\n\n\"But at the end of the day, is there a sufficient nexus?\" he continued.",
     "But at the end", "Jimmy Gurule"),
    ("\"It's either prison or the street,\" she told Reuters.\n\nA government spokesman, Giorgos Kyritis, said the "
     "government was doing its best to support refugees.\n\n\"The government cannot afford to support these people "
     "financially,\" he said.", "The government cannot", "Giorgos Kyritis"),
])
def test_a_described_person_speaks_and_is_the_pronoun_after(text, opening, speaker):
    assert statement_of(text, opening, title="Syria war").speaker == speaker


def test_the_name_after_a_title_is_who_is_quoted_as_saying():
    text = ("Russia delivered the first part of the S-300 system to Iran in April.\n\n\"Hezbollah has 100,000 missiles "
            "that are ready to hit Israel,\" Tasnim quoted IRGC deputy head Hossein Salami as saying.")
    assert statement_of(text, "Hezbollah has", title="Iran").speaker == "Hossein Salami"


def test_a_name_the_ner_ends_a_word_short_is_whole():
    text = ("They based their findings on actions taken by the Islamic State since August 2014.\n\n\u201cGenocide has "
            "occurred and is ongoing,\u201d Paulo S\u00e9rgio Pinheiro, chairman of the panel, said in a statement.\n\n"
            "\u201cISIS has subjected every Yazidi woman to the most horrific atrocities,\u201d he told reporters.")
    assert statement_of(text, "ISIS has subjected", title="Syria").speaker == "Paulo S\u00e9rgio Pinheiro"


def test_a_states_office_is_held_by_no_one_of_another_state():
    text = ("Secretary of State John Kerry said he had worked with the new foreign secretary before.\n\nAfter Donald Trump "
            "called for a shutdown of Muslims entering the United States, the U.K.'s new foreign secretary took aim.\n\n"
            "He said Trump was \"clearly out of his mind\" and that his \"comments are complete and utter nonsense.\"")
    said = statement_of(text, "clearly out of his mind", title="Britain")
    assert said.speaker != "John Kerry" and said.speaker_actor == "uk"


def test_the_group_is_the_body_that_just_spoke():
    text = ("He blamed the coup on military units influenced by Fethullah Gulen.\n\n\"We categorically deny such "
            "claims,\" said the Alliance for Shared Values, which is connected to the cleric.\n\nIn a statement sent "
            "to media, the group said: \"We condemn any military intervention in domestic politics of Turkey.\"")
    assert statement_of(text, "We condemn", title="Turkey").speaker == "Alliance for Shared Values"


@pytest.mark.parametrize("text, opening, speaker", [
    ("\"People feel that they have no voice,\" Yascha Mounk said.\n\nThe contempt was clear in the victory speech of "
     "Nigel Farage, the head of the U.K. Independence Party.\n\n\"This will be a victory for the real people,\" he "
     "said early Friday morning.", "This will be a victory", "Nigel Farage"),
    ("Donald Trump has made nationalism the theme of his campaign.\n\n\"The elites are corrupt,\" Yascha Mounk said."
     "\n\nIt's a sentiment that can be heard in Trump's most recent campaign speech. \"When I see the crumbling roads,"
     "\" he said, \"I know these problems can all be fixed.\"", "When I see", "Donald Trump"),
    # one who speaks of another's statement goes on speaking
    ("\"There's no legal way to exclude a single mother,\" Tanner said.\n\nConservative economist Aparna Mathur said "
     "Ivanka Trump's statement didn't clarify the matter.\n\n\"I don't see details about who is left out,\" she said.",
     "I don't see details", "Aparna Mathur"),
])
def test_the_owner_of_a_speech_just_named_is_the_pronoun_after(text, opening, speaker):
    assert statement_of(text, opening, title="Politics").speaker == speaker


def test_a_name_beside_a_role_keeps_the_roles_body():
    from tests.conftest import rule_claims

    text = ("The ceasefire in Idlib has come under pressure.\n\nA Turkish defence ministry spokesman, Ahmet Yilmaz, said "
            "regime forces had violated the ceasefire in Idlib.")
    assert ("turkey", "syria") in rule_claims(text)


@pytest.mark.parametrize("title, sex", [
    ("a University of Notre Dame law professor", None),
    ("Prince Sultan University lecturer", None),
    ("Foreign Ministry Spokeswoman", "f"),
    ("Lady Ashton's spokeswoman", "f"),
    ("his mother", "f"),
])
def test_a_title_says_a_sex_only_outside_the_names_it_holds(title, sex):
    from pipeline.analyzer.gender import sex_of_title

    assert sex_of_title(title) == sex
