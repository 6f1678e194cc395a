"""Who speaks and who is charged when the parser misreads or the text names a party only by what it is: a role set off
before a name, "the group's spokesman", "the occupation state", a party the words are "said of", a clause set against
the main one, a finite verb read as a noun, counts of breaches and joined modifiers."""

import pytest

from tests.conftest import counted_pairs, reported_of, rule_claims


@pytest.mark.parametrize("text", [
    "The regime has broken every ceasefire agreement it has signed, the head of the Syrian opposition's negotiating "
    "body, Nasr al-Hariri, told reporters.",
    "Government forces have violated the truce in Idlib dozens of times, the spokesman of the National Liberation "
    "Front, Naji Mustafa, told AFP.",
])
def test_a_role_set_off_before_a_name_gives_the_speaker_a_side(text):
    assert ("armed_groups", "syria") in counted_pairs(text, date="2019-06-01")


def test_the_group_s_spokesman_speaks_for_the_group_just_named():
    text = ("Jaish al-Izza, a rebel group in northern Hama, said on Sunday that government forces had shelled its "
            "positions. The group's spokesman Mustafa Maarati said the regime had violated the Idlib ceasefire.")
    said = reported_of(text, "The group's spokesman")
    assert said.speaker_actor == "armed_groups"


@pytest.mark.parametrize("text, accused", [
    ("The Turkish occupation army shelled the village of Saida near Ain Issa. The SDF General Command said the "
     "occupation state was violating the ceasefire agreements.", "turkey"),
    ("SANA said the US occupation forces had looted oil near Hasakah. The Syrian army said the occupation forces had "
     "violated the truce.", "united_states"),
])
def test_the_occupier_is_the_party_last_called_so_by_name(text, accused):
    assert accused in {b for _, b in rule_claims(text)}


def test_an_occupier_never_named_charges_no_one():
    text = "The SDF said the occupation forces were violating the ceasefire agreements."
    assert rule_claims(text) == set()


@pytest.mark.parametrize("text, pair", [
    ('"There is no ceasefire. They never respected it," a rebel commander said of the regime.',
     ("armed_groups", "syria")),
    ('"They have not kept a single promise," Lavrov said of the Turkish side.', ("russia", "turkey")),
])
def test_the_party_words_are_said_of_is_their_they(text, pair):
    assert pair in rule_claims(text)


def test_a_clause_set_against_the_main_one_speaks_for_its_own_subject():
    text = ("Russia has long complained that Ankara is not living up to its side of the Idlib bargain, while Ankara, "
            "for its part, blames Damascus for the violence, saying regime forces have repeatedly breached the truce.")
    pairs = rule_claims(text)
    assert ("russia", "turkey") in pairs and ("turkey", "syria") in pairs
    assert ("russia", "syria") not in pairs


def test_a_participle_on_a_time_clause_still_speaks_with_the_main_clause():
    text = ("The Turkish defence ministry issued a statement, two days after Moscow announced a new offensive, saying "
            "regime forces had violated the Idlib ceasefire.")
    assert ("turkey", "syria") in rule_claims(text)


def test_a_finite_verb_read_as_a_noun_has_the_phrase_before_it_for_subject():
    text = ("Damascus and Moscow have said the presence of HTS fighters in the buffer zone breaches the deal on "
            "Idlib.")
    pairs = rule_claims(text)
    assert ("syria", "armed_groups") in pairs and ("russia", "armed_groups") in pairs


def test_a_count_of_breaches_by_a_party():
    text = ("The strike was the latest in a series of violations of the truce by Russian aircraft, the Syrian National "
            "Coalition said.")
    assert ("armed_groups", "russia") in rule_claims(text)


def test_what_a_party_is_doing_called_a_breach_is_its_breach():
    text = '"What the regime is doing in Idlib is a clear violation of the Sochi agreement," Cavusoglu told reporters.'
    assert ("turkey", "syria") in rule_claims(text)
    # "what is happening" names no one
    assert rule_claims(text.replace("What the regime is doing", "What is happening")) == set()


def test_blame_traded_by_officials_of_two_states():
    text = "Russian and Turkish officials traded blame on Thursday for the collapse of the ceasefire in Idlib."
    assert {("russia", "turkey"), ("turkey", "russia")} <= rule_claims(text)


def test_a_participle_adding_a_charge_asserts_it():
    text = ("A Hayat Tahrir al-Sham official said the group would not abide by a deal it was not party to, adding "
            "that Russia had violated previous agreements on Idlib.")
    assert ("armed_groups", "russia") in rule_claims(text)


def test_a_ghouta_truce_story_is_relevant():
    from pipeline.analyzer.core import relevance_of

    text = ("Jaish al-Islam, the main rebel group in Eastern Ghouta, said on Sunday that government forces had violated "
            "the de-escalation agreement, launching a ground offensive on Harasta.")
    assert relevance_of("Rebels say regime broke Ghouta truce", text).relevant


def test_this_points_to_the_act_told_just_before():
    text = ('Abu Omar, a Faylaq al-Sham commander, spoke to Reuters. "The regime is massing troops near Kafr Nabl. This '
            'is a violation of the Moscow agreement," he said.')
    assert ("armed_groups", "syria") in rule_claims(text)



@pytest.mark.parametrize("text, accused", [
    ("The Russian military accused U.S.-backed rebels of breaking the truce by shelling Aleppo.", "armed_groups"),
    ("The Russian military accused the US-backed opposition of violating the cessation of hostilities.",
     "armed_groups"),
    ("The Syrian army said US-backed forces had violated the truce near Deir ez-Zor.", "sdf"),
])
def test_backed_rebels_are_the_opposition_and_backed_forces_the_proxies(text, accused):
    assert accused in {b for _, b in rule_claims(text)}


def test_which_they_say_breaches_stands_for_the_clause_before_a_place():
    text = ("Opposition fighters say the government has used the lull to seize territory near Aleppo, which they say "
            "breaches the agreement on the truce.")
    assert ("armed_groups", "syria") in rule_claims(text)


def test_feet_dragged_on_the_undertaking_told_just_before():
    text = ("Under the Sochi memorandum, Turkey undertook to remove radical groups from the demilitarised zone. Moscow "
            "has since complained that Ankara has dragged its feet.")
    assert ("russia", "turkey") in rule_claims(text)
    # with nothing undertaken in view, dragging one's feet charges nothing
    assert rule_claims("Moscow has since complained that Ankara has dragged its feet.") == set()


@pytest.mark.parametrize("text, pair", [
    ("The regime stands accused by the opposition of breaching the truce in Idlib at least 300 times.",
     ("armed_groups", "syria")),
    ("Turkey was accused by Russia of violating the Idlib deal.", ("russia", "turkey")),
])
def test_a_participle_with_an_agent_accuses_its_subject(text, pair):
    assert pair in rule_claims(text)


def test_which_is_a_violation_after_a_party_is_the_clause():
    text = ("Turkey keeps sending weapons to the militants, which is a violation of the Astana agreements, the Syrian "
            "foreign ministry said.")
    assert rule_claims(text) == {("syria", "turkey")}


def test_this_joined_to_a_presence_told_in_the_same_sentence():
    text = ('"Our military are in constant contact. But the terrorists are still there, and this is a violation of the '
            'Sochi memorandum," Kremlin spokesman Dmitry Peskov told reporters.')
    assert ("russia", "armed_groups") in rule_claims(text)
    # a state called a guarantor is no act
    assert rule_claims("Russia is a guarantor of the deal, and this is a violation of the Sochi memorandum, Akar "
                       "said.") == set()


def test_an_act_charged_in_violation_of_the_truce():
    text = ("Opposition sources accused Russia of using the Turkish delays as a pretext to resume bombardment of "
            "southern Idlib, in violation of the truce.")
    assert ("armed_groups", "russia") in rule_claims(text)
    # a grievance with no breach in it charges nothing
    assert rule_claims("Opposition sources accused Russia of using the Turkish delays as a pretext.") == set()


def test_a_statement_on_pledges_not_abided_by_is_relevant():
    from pipeline.analyzer.core import relevance_of

    text = ("Damascus, SANA - Deputy Foreign Minister Faisal Mekdad said that Erdogan's regime has not abided by any of "
            "the pledges it made in Astana and Sochi, stressing that Syria will restore every inch of its land.")
    assert relevance_of("Mekdad: Erdogan's regime has not abided by any of its pledges", text).relevant


def test_a_state_s_militias_are_its_proxies_not_the_speakers_side():
    text = ("The Syrian National Coalition said the regime and Iran's militias had never complied with any truce in "
            "Idlib.")
    assert {("armed_groups", "syria"), ("armed_groups", "other:iran_backed_militias")} <= rule_claims(text)


@pytest.mark.parametrize("text", [
    "The terrorists have not been removed from the demilitarised zone as Turkey promised, Lavrov said.",
    "Lavrov said the heavy weapons had not been withdrawn from the zone, as the Turkish side had undertaken to do under "
    "the Sochi memorandum.",
    'Lavrov said Russia was "very disappointed" that the terrorists had not been removed from the demilitarised zone, '
    "as Turkey had promised.",
])
def test_what_was_not_done_as_a_party_promised_is_that_party_s_failure(text):
    assert rule_claims(text) == {("russia", "turkey")}


def test_a_passive_s_subject_is_never_who_failed():
    assert rule_claims("Russia said the terrorists had not been separated from the moderate opposition in Idlib.") \
        == set()


def test_whose_attention_is_drawn_to_a_breach():
    text = ("The Russian side has more than once drawn the attention of its Turkish partners to the non-fulfilment of "
            "the Idlib agreements, the Russian ambassador in Damascus said.")
    assert ("russia", "turkey") in rule_claims(text)


def test_each_accusing_the_other():
    text = "Moscow and Ankara each accuse the other of failing to abide by the Idlib agreement."
    assert {("russia", "turkey"), ("turkey", "russia")} <= rule_claims(text)


def test_a_party_s_allies_are_never_the_party():
    text = "The regime's allies, Russia and Iran, have also breached the truce in Idlib, according to the opposition."
    pairs = rule_claims(text)
    assert {("armed_groups", "russia"), ("armed_groups", "iran")} <= pairs
    assert ("armed_groups", "syria") not in pairs


def test_the_source_described_in_the_next_sentence():
    text = ('"Turkey is not fulfilling its obligations under the Idlib agreements," the source said. The Russian '
            "military source added that Moscow had repeatedly raised the issue with Ankara.")
    assert ("russia", "turkey") in rule_claims(text)
    assert rule_claims('"Turkey is not fulfilling its obligations under the Idlib agreements," the source said.') \
        == set()


def test_a_modifier_joined_to_another_names_its_party():
    text = "The National Liberation Front said Russian and regime violations were continuing despite the truce in Idlib."
    assert {("armed_groups", "russia"), ("armed_groups", "syria")} <= rule_claims(text)
