"""A name set off by commas before its verb speaks, past a place the parser hung it on and past a participle aside;
a one-word scare quote hides no party; a state agency's dateline makes its unnamed sources that state's; a pledge to
keep something safe that is struck is a pledge not kept; deals named by who made them or who sponsored them."""

import pytest

from tests.conftest import counted_pairs, reported_of, rule_claims, statement_of


@pytest.mark.parametrize("text, opening, surname", [
    ("Turkey has not fulfilled some of its obligations on Idlib, the Russian ambassador to Ankara, Alexei Yerkhov, "
     "told RIA Novosti.", "Turkey has not", "Yerkhov"),
    ("The regime has violated the truce many times, the opposition's chief negotiator in Geneva, Mohammed Alloush, "
     "told reporters.", "The regime has", "Alloush"),
    ("Russia has not honoured its commitments, the Turkish ambassador to Moscow, Mehmet Samsar, said on Monday.",
     "Russia has not", "Samsar"),
])
def test_a_name_set_off_before_a_subjectless_verb_speaks_not_the_place_before_it(text, opening, surname):
    assert surname in (reported_of(text, opening).speaker or "")


def test_a_state_role_with_a_name_set_off_after_it_is_that_person_of_that_state():
    said = statement_of('"The Turkish side is not respecting the agreements," the speaker of Russia\'s upper house of '
                        'parliament, Valentina Matviyenko, said.', "The Turkish side")
    assert said.speaker == "Valentina Matviyenko" and said.speaker_actor == "russia"


def test_a_participle_aside_between_the_source_and_its_verb_is_passed_over():
    said = statement_of('"Turkey is not fulfilling its obligations," a senior Russian diplomat, speaking on condition '
                        'of anonymity, told Interfax.', "Turkey is not")
    assert "diplomat" in said.speaker and said.speaker_actor == "russia"


def test_a_place_set_off_with_no_verb_after_it_stays_a_place():
    # "in Idlib, Saraqib," is no speaker: the verb after it has its own subject
    said = reported_of("Shelling hit two towns in Idlib, Saraqib and Ariha, the Syrian Observatory said.", "Shelling")
    assert said.speaker_actor == "sohr"


@pytest.mark.parametrize("text", [
    'The Syrian government blamed the collapse of the ceasefire in Idlib on the "terrorist" groups, saying they had '
    'shelled army positions near Kafr Nabudah.',
    'Damascus said the so-called "moderate" rebels violated the truce, SANA reported.',
])
def test_a_one_word_scare_quote_hides_no_party(text):
    assert ("syria", "armed_groups") in counted_pairs(text, date="2019-08-12")


def test_an_unnamed_source_in_a_state_agency_s_dateline_copy_speaks_for_that_state():
    text = ("DAMASCUS, (SANA) - A military source said that the terrorist organizations positioned in the Idlib "
            "de-escalation zone have violated the ceasefire agreement, targeting safe areas in the northern Hama "
            "countryside with rocket shells.")
    assert ("syria", "armed_groups") in counted_pairs(text)
    # a wire's dateline gives its unnamed source no state
    wire = text.replace("DAMASCUS, (SANA)", "BEIRUT (AP)")
    assert ("syria", "armed_groups") not in counted_pairs(wire)


@pytest.mark.parametrize("text, pair", [
    ("The Turkish side undertook to ensure the safety of the joint patrols on the M4, but the patrols have been "
     "attacked repeatedly, the Russian Defence Ministry said.", ("russia", "turkey")),
    ("Ankara pledged to guarantee the security of the observation posts, but the posts were shelled on Sunday, "
     "Damascus said.", ("syria", "turkey")),
])
def test_a_pledge_to_keep_something_safe_that_was_struck_is_not_kept(text, pair):
    assert pair in rule_claims(text)


def test_a_pledge_to_keep_one_thing_safe_is_not_broken_by_another_struck():
    text = ("The Turkish side undertook to ensure the safety of the joint patrols on the M4, but the villages have "
            "been shelled repeatedly, the Russian Defence Ministry said.")
    assert ("russia", "turkey") not in rule_claims(text)


def _agreement(text: str, date: str) -> str | None:
    from pipeline.analyzer.core import analyze

    found = analyze("Idlib truce", text, date=date).accusations
    return found[0].agreement if found else "no accusation"


@pytest.mark.parametrize("text, date, agreement", [
    ("The SDF accused Turkey of breaching the pause in the offensive agreed with US Vice President Mike Pence.",
     "2019-10-25", "ne_syria_2019"),
    ("Damascus accused Ankara of breaching the US-Turkish ceasefire by sending more troops across the border.",
     "2019-10-25", "ne_syria_2019"),
    ("Russia accused the United States of violating the cessation of hostilities agreement it co-sponsored in "
     "February.", "2016-10-20", "other:feb_2016_cessation_of_hostilities"),
])
def test_a_deal_told_by_who_made_or_sponsored_it_is_named(text, date, agreement):
    assert _agreement(text, date) == agreement


@pytest.mark.parametrize("text, state", [
    ("Regime forces continue to violate the Idlib ceasefire, local sources told Anadolu Agency.", None),
    ("Regime forces continue to violate the Idlib ceasefire, residents told Anadolu Agency.", None),
    # an official source is of the agency's state, and so is SANA's "field source"
    ("Regime forces continue to violate the Idlib ceasefire, Turkish security sources told Anadolu Agency.", "turkey"),
    ("Terrorists violated the ceasefire in the Idlib de-escalation zone, a field source told SANA.", "syria"),
])
def test_people_on_the_ground_are_not_of_the_state_whose_agency_they_tell(text, state):
    from pipeline.analyzer.gazetteer import gazetteer

    actor = reported_of(text, text[:12]).speaker_actor
    assert (gazetteer().rollup(actor) if actor else None) == state


@pytest.mark.parametrize("text, charged", [
    ("Russia expects Turkey to fulfil all of its commitments under the Russian-Turkish memorandum on Idlib, Deputy "
     "Foreign Minister Sergei Vershinin told TASS.", True),
    ("Russia expects Turkey to fulfil all its obligations under the Sochi memorandum on Idlib, Vershinin said.", True),
    # an appeal, not framed as unpaid
    ("Russia expects Turkey to fulfil its commitments under the Russian-Turkish memorandum on Idlib, Deputy Foreign "
     "Minister Sergei Vershinin told TASS.", False),
])
def test_a_demand_to_keep_every_commitment_says_some_are_not_kept(text, charged):
    assert (("russia", "turkey") in rule_claims(text)) is charged


@pytest.mark.parametrize("lead", [
    "Speaking to Al Jazeera, opposition spokesman Yahya al-Aridi said the regime had never respected the truce.",
    "Opposition spokesman Yahya al-Aridi said the regime had never respected the truce.",
])
def test_a_paragraph_that_is_only_a_quote_goes_on_from_the_reported_speech_before(lead):
    text = lead + '\n\n"The regime and its Russian backers are killing civilians every day. They want no ceasefire."'
    assert statement_of(text, "The regime and its").speaker == "Yahya al-Aridi"


def test_a_quote_paragraph_with_its_own_attribution_is_not_taken_from_the_paragraph_before():
    from pipeline.analyzer.core import analyze

    text = ("Foreign Minister Mevlut Cavusoglu raised the issue with Sergei Lavrov in a phone call, according to "
            "diplomatic sources.\n\n"
            '"The attacks on our posts are unacceptable and put the whole ceasefire at risk," one of the sources said.')
    found = [s for s in analyze("Idlib truce", text, quotes_everywhere=True).statements if s.quote.startswith("The attacks")]
    assert not found or "Cavusoglu" not in (found[0].speaker or "")


@pytest.mark.parametrize("text", [
    "Lavrov said Turkey had not done what it promised under the Idlib deal.",
    "Lavrov said Turkey had yet to do what it had promised under the Idlib deal.",
])
def test_what_was_promised_said_not_done_charges_who_promised_it(text):
    assert ("russia", "turkey") in rule_claims(text)


def test_doing_what_was_promised_charges_no_one():
    assert ("russia", "turkey") not in rule_claims("Lavrov said Turkey had done what it promised under the Idlib deal.")


@pytest.mark.parametrize("text, agreement", [
    ("Lavrov said Turkey had not fulfilled what it promised in Sochi, as the militants remain in the zone.",
     "sochi_2018"),
    ("Muallem said the Turkish side had so far failed to carry out what it had pledged in Sochi and in Moscow, above "
     "all the reopening of the M4 highway.", "moscow_2020"),
])
def test_a_promise_told_by_where_it_was_made_names_the_deal(text, agreement):
    assert _agreement(text, "2020-04-21") == agreement


ATTACKS = "Shoigu said the militants' attacks on the Hmeimim air base had "


@pytest.mark.parametrize("text, charged", [
    (ATTACKS + "continued despite Turkish assurances, in breach of the Idlib truce.", True),
    (ATTACKS + "continued despite Ankara's guarantees under the Idlib ceasefire.", True),
    # what stopped is no assurance broken
    (ATTACKS + "stopped after Turkish assurances under the Idlib ceasefire.", False),
])
def test_what_goes_on_despite_a_party_s_assurances_charges_the_party(text, charged):
    assert (("russia", "turkey") in rule_claims(text)) is charged


@pytest.mark.parametrize("text, counted", [
    ('"According to our information, militants of Hayat Tahrir al-Sham in Idlib are planning to stage a chemical '
     'attack in breach of the truce," Zakharova said.', False),
    ("Zakharova said militants of Hayat Tahrir al-Sham were preparing an attack on Hmeimim in breach of the truce.",
     False),
    ("Zakharova said militants of Hayat Tahrir al-Sham had staged an attack on Hmeimim in breach of the truce.", True),
])
def test_an_act_planned_or_prepared_is_not_yet_a_breach(text, counted):
    assert (("russia", "armed_groups") in rule_claims(text)) is counted


def test_pointing_the_finger_blames_and_a_clause_after_the_blamed_names_no_one_else():
    text = ("The ceasefire in Idlib has been repeatedly violated since it took effect on March 6. Turkey blames the "
            "regime, while Russia points the finger at the militants of Hayat Tahrir al-Sham.")
    assert rule_claims(text) == {("turkey", "syria"), ("russia", "armed_groups")}


@pytest.mark.parametrize("phrase, source", [
    ("in Aleppo a source at Aleppo Police Command", "source"),
    # a phrase holding "and", or with no article, names no source
    ("in the Syrian regime in Idlib and Aleppo DAESH", None),
    ("in Damascus suburbs local sources", None),
])
def test_the_source_a_comma_less_phrase_ends_on(phrase, source):
    """The noun phrase a subjectless cue's speaker is read from when no comma sets the source off (the parse that
    joins the verb to the clause comes from real copy that lost its commas; the phrase rule is tested on its own)."""
    from pipeline.analyzer.core import _parse
    from pipeline.analyzer.statements import _noun_phrase_ending

    doc = _parse(f"Militants shelled the town {phrase} said on Friday.")
    said = next(t for t in doc if t.lower_ == "said")
    found = _noun_phrase_ending(doc, 0, said.i)
    assert (found.lower_ if found is not None else None) == source


@pytest.mark.parametrize("text", [
    '"What is happening in Idlib is a violation of the agreements we reached with Russia," Turkish Foreign Minister '
    "Mevlut Cavusoglu told reporters in Ankara, referring to the regime's offensive.",
    '"This is a violation of the Sochi agreement," Cavusoglu told reporters, referring to the regime\'s offensive on '
    "Maarat al-Numan.",
])
def test_the_act_a_speaker_refers_to_is_whose_breach_it_is(text):
    assert ("turkey", "syria") in rule_claims(text)


def test_referring_to_no_one_s_act_charges_no_one():
    text = ('"This is a violation of the Sochi agreement," Cavusoglu told reporters, referring to the situation in '
            "Maarat al-Numan.")
    assert not {pair for pair in rule_claims(text) if pair[0] == "turkey"}


@pytest.mark.parametrize("text, pair", [
    ("The SDF said Turkish artillery had pounded villages near Ain Issa despite the ceasefire.", ("sdf", "turkey")),
    ("The opposition said regime forces had raided Kafr Nabudah despite the truce.", ("armed_groups", "syria")),
])
def test_pounding_and_raiding_despite_a_truce_are_charges(text, pair):
    assert pair in rule_claims(text)


def test_a_speaker_telling_its_own_side_s_strike_beside_an_ally_s_charges_neither():
    text = ("The Russian Defence Ministry said militants had attacked a joint patrol on the M4 in violation of the "
            "ceasefire, and that Russian and Syrian aircraft had bombed militant positions in response.")
    assert rule_claims(text) == {("russia", "armed_groups")}
    # a common noun beside the doer is no side of the speaker's: "allied militias" do not shield the government
    said = ("Zakaria Malahifji, of the Fastaqim rebel group, said government forces and allied militias had shelled "
            "the route the convoys were meant to take, in violation of the agreement.")
    assert ("armed_groups", "syria") in rule_claims(said)
