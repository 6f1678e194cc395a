"""Accusation rules on sentences written for these tests (not taken from the dev set)."""

import pytest

from pipeline.analyzer.accusations import extract_accusations
from pipeline.analyzer.core import _parse, analyze
from pipeline.analyzer.statements import extract_statements
from pipeline.analyzer.gazetteer import gazetteer

LEAD = "Russia and Turkey agreed a ceasefire in Idlib under the Sochi memorandum.\n\n"


def pairs(sentence: str) -> set[tuple[str, str, str]]:
    g = gazetteer()
    found = analyze("Idlib ceasefire", LEAD + sentence).accusations
    return {(g.rollup(a.accuser), g.rollup(a.accused), a.breach_type) for a in found}


@pytest.mark.parametrize("sentence, expected", [
    ("Ankara has still not carried out its main obligation under the Sochi deal, the Kremlin said on Monday.",
     ("russia", "turkey", "delayed_or_unfulfilled_commitments")),
    ("Damascus said on Friday that Ankara had not lived up to its promises under the memorandum.",
     ("syria", "turkey", "delayed_or_unfulfilled_commitments")),
    ("The Russian Foreign Ministry said that Turkey has yet to fulfil its commitment to separate the moderate "
     "opposition from terrorists.", ("russia", "turkey", "delayed_or_unfulfilled_commitments")),
    ("Neither Moscow nor Damascus has honoured the commitments made in Sochi, Turkish Defence Minister Hulusi "
     "Akar said.", ("turkey", "russia", "delayed_or_unfulfilled_commitments")),
])
def test_unfulfilled_commitments_however_they_are_phrased(sentence, expected):
    assert expected in pairs(sentence)


def test_an_action_in_breach_of_an_agreement_is_charged_to_its_doer():
    found = pairs("The French Foreign Ministry said the offensive by the regime is in flagrant breach of the "
                  "de-escalation arrangements.")
    assert ("france", "syria") in {(a, b) for a, b, _ in found}


def test_a_cleft_sentence_names_the_accused():
    found = pairs("\u201cIt is the regime that keeps violating the ceasefire every day,\u201d Ibrahim Kalin said.")
    assert ("turkey", "syria") in {(a, b) for a, b, _ in found}


def test_everyone_named_between_accused_and_of_is_accused():
    found = pairs("The SDF accused Turkey and its allied Syrian factions of breaking the truce near Tal Tamr.")
    assert {("sdf", "turkey"), ("sdf", "armed_groups")} <= {(a, b) for a, b, _ in found}


def test_a_pronoun_accuser_is_the_person_who_spoke_last():
    found = pairs("Turkish Defence Minister Hulusi Akar spoke to reporters on Sunday.\n\n"
                  "He accused Damascus of shelling a Turkish observation post in breach of the memorandum.")
    assert ("turkey", "syria") in {(a, b) for a, b, _ in found}


def test_keeping_a_commitment_is_no_accusation():
    assert not pairs("Ankara has carried out its obligations under the Sochi deal, the Kremlin said on Monday.")


def test_proxies_are_named_by_their_backer():
    g = gazetteer()
    assert g.rollup(g.resolve("some of the Turkish-backed Syrian fighters")) == "armed_groups"
    assert g.rollup(g.resolve("the US-backed Kurdish-led forces")) == "sdf"
    assert g.rollup(g.resolve("Turkish troops")) == "turkey"


def test_a_grievance_that_is_no_breach_is_not_an_accusation():
    assert not pairs("Kurdish officials accused Washington of abandoning them by pulling troops back from the "
                     "border this month.")


def test_an_inverted_condition_is_hypothetical():
    found = analyze("Idlib ceasefire", LEAD + "\u201cWe will respond with even greater force should the regime "
                    "attack our soldiers in breach of the ceasefire,\u201d Recep Tayyip Erdogan said.").accusations
    assert found and all(a.mode == "hypothetical" for a in found)


def test_it_said_is_the_body_that_the_sentence_before_was_about():
    text = (LEAD + "Turkey's defence ministry said on Saturday that regime forces had breached the truce.\n\n"
            "Russia's Centre for Reconciliation of the Opposing Sides in Syria, which is run by the Russian defence "
            "ministry, gave a different account.\n\n\u201cOver the past day, illegal armed groups violated the "
            "ceasefire regime 12 times,\u201d it said in its daily bulletin.")
    g = gazetteer()
    analysis = analyze("Idlib ceasefire", text)
    assert analysis.statements[-1].speaker.startswith("Russia's Centre for Reconciliation")
    assert ("russia", "armed_groups") in {(g.rollup(a.accuser), g.rollup(a.accused)) for a in analysis.accusations}


def test_a_passive_breach_is_charged_to_its_agent_and_an_agentless_one_to_no_one():
    assert ("turkey", "syria") in {(a, b) for a, b, _ in pairs(
        "\u201cThe ceasefire in Idlib is being violated by the regime every day,\u201d said Ibrahim Kalin, the "
        "Turkish presidential spokesman.")}
    assert not pairs("Ibrahim Kalin said the Sochi memorandum had been breached many times.")


@pytest.mark.parametrize("sentence, expected", [
    ("The SDF said Turkish drones struck a village near Qamishli, a clear breach of the October ceasefire.",
     ("sdf", "turkey")),
    ("Damascus holds Ankara responsible for the violations of the Sochi agreement in Idlib, SANA reported.",
     ("syria", "turkey")),
])
def test_breaches_named_beside_the_event_or_held_against_someone(sentence, expected):
    assert expected in {(a, b) for a, b, _ in pairs(sentence)}


def test_a_denial_answered_with_an_accusation_is_a_counter_accusation():
    analysis = analyze("Idlib ceasefire", LEAD + "Ankara denied violating the ceasefire and accused the regime of "
                       "shelling its observation posts in Idlib, the Turkish Defence Ministry said.")
    g = gazetteer()
    modes = {(g.rollup(a.accuser), g.rollup(a.accused)): a.mode for a in analysis.accusations}
    assert modes.get(("turkey", "syria")) == "counter"


def test_a_claim_inside_rejected_accusations_stays_the_accusers_and_the_reply_is_the_rejecters():
    found = analyze("Idlib ceasefire", LEAD + "Moscow rejected Turkish accusations that Russian jets had bombed "
                    "civilians in breach of the truce, saying instead that Ankara had failed to separate moderate "
                    "rebels from terrorists as agreed in Sochi.").accusations
    g = gazetteer()
    pairs_modes = {(g.rollup(a.accuser), g.rollup(a.accused), a.mode) for a in found}
    assert ("turkey", "russia", "claim") in pairs_modes
    assert ("russia", "turkey", "counter") in pairs_modes


@pytest.mark.parametrize("sentence, expected", [
    ("The Kremlin said Turkish non-compliance with its obligations under the Sochi memorandum remains the main "
     "obstacle.", ("russia", "turkey")),
    ("Turkish officials said the attack on the patrol was the work of radical groups seeking to sabotage the calm.",
     ("turkey", "armed_groups")),
    ("A Kurdish official said Turkish forces have kept up attacks on Kurdish-held towns since the ceasefire.",
     ("sdf", "turkey")),
    ("Tehran blamed the escalation in Idlib on terrorist groups that have breached the Sochi agreement.",
     ("iran", "armed_groups")),
])
def test_more_ways_of_laying_a_breach_at_someones_door(sentence, expected):
    # The rules' reading (one generator of the learned decision, whose threshold eval measures): the Tehran
    # sentence's claim scores 0.78 with the model of 2026-12-03, under its threshold of 0.80.
    doc = _parse(LEAD + sentence)
    statements, index = extract_statements(doc)
    g = gazetteer()
    assert expected in {(g.rollup(a.accuser), g.rollup(a.accused))
                        for a in extract_accusations(doc, statements, index, None) if a.mode == "claim"}


@pytest.mark.parametrize("sentence", [
    "The Russian Reconciliation Center said it had registered no ceasefire violations by Syrian government troops.",
    "Iran condemned Israel's missile strikes near Damascus as a \u201cflagrant violation\u201d of Syria's "
    "sovereignty and of international law.",
])
def test_no_violation_and_other_norms_are_no_ceasefire_accusations(sentence):
    assert not pairs(sentence)


def test_a_source_a_paper_quotes_charges_both_forces_it_names():
    """The rules' reading: both. The learned decision keeps Russia and, with model 8491e57a6a1f, not the regime
    (p 0.51 under its threshold 0.55): bare "regime" in "regime and Russian forces" is no party the candidate
    generators see (an alias "regime" would also match "the regime of calm"), so only the rule proposes the pair."""
    text = ("Enab Baladi quoted Naji Mustafa, spokesman of the National Liberation Front, as saying that regime and "
            "Russian forces had shelled Jabal al-Zawiya 40 times in breach of the ceasefire.")
    g = gazetteer()
    doc = _parse(LEAD + text)
    statements, index = extract_statements(doc)
    found = {(g.rollup(a.accuser), g.rollup(a.accused)) for a in extract_accusations(doc, statements, index, None)
             if a.mode == "claim"}
    assert {("armed_groups", "syria"), ("armed_groups", "russia")} <= found
    assert ("armed_groups", "russia") in {(a, b) for a, b, _ in pairs(text)}


@pytest.mark.parametrize("sentence, expected", [
    ("The newspaper al-Watan, citing a Syrian military source, said Ankara had not implemented a single clause "
     "of the Additional Protocol signed in Moscow.", {("syria", "turkey")}),
    ("The SDF commander condemned the shelling and held Russia responsible as the guarantor of the ceasefire.",
     {("sdf", "russia")}),
    ("Turkish Defence Minister Hulusi Akar said: \u201cThe PKK/YPG terrorists who are still present in Tal Rifaat, "
     "contrary to the commitments made to our country, continue their harassment attacks.\u201d", {("turkey", "sdf")}),
])
def test_quoted_and_cited_sources_held_responsible_and_named_groups(sentence, expected):
    assert expected <= {(a, b) for a, b, _ in pairs(sentence)}


def test_groups_controlled_by_a_state_are_the_groups_not_the_state():
    found = {(a, b) for a, b, _ in pairs("The Russian Defence Ministry accused armed groups controlled by Turkey of "
                                         "attacking a joint patrol on the M4 highway in breach of the ceasefire.")}
    assert ("russia", "armed_groups") in found and ("russia", "turkey") not in found


@pytest.mark.parametrize("sentence, expected", [
    ("A military source told SANA that terrorist groups had breached the ceasefire dozens of times by shelling "
     "Aleppo.", ("syria", "armed_groups")),
    ("TASS reported that militants had violated the ceasefire regime in the Idlib zone 14 times.",
     ("russia", "armed_groups")),
])
def test_state_news_agencies_speak_for_their_state_and_lend_it_to_unnamed_sources(sentence, expected):
    assert expected in {(a, b) for a, b, _ in pairs(sentence)}


@pytest.mark.parametrize("sentence, expected", [
    ("\u201cWe will not tolerate the regime's violations of the truce any longer,\u201d Mevlut Cavusoglu said.",
     ("turkey", "syria")),
    ("The Russian Defence Ministry said it would not accept the militants' breaches of the ceasefire.",
     ("russia", "armed_groups")),
])
def test_refusing_to_put_up_with_breaches_asserts_them(sentence, expected):
    assert expected in {(a, b) for a, b, _ in pairs(sentence)}


def test_a_breach_not_recorded_is_still_no_accusation():
    assert not pairs("The Russian Defence Ministry said it had not recorded any violations of the ceasefire by Turkey.")


@pytest.mark.parametrize("outlet, expected", [
    ("Russian Ministry of Defence", {("russia", "armed_groups")}),  # the body's own release
    ("Reuters", set()),  # a news agency's narration is nobody's claim
    ("TASS", set()),  # state-run or not
    (None, set()),
])
def test_an_official_bodys_own_release_speaks_in_its_voice(outlet, expected):
    g = gazetteer()
    text = LEAD + ("Over the past day the ceasefire regime was violated by militants of the Hayat Tahrir al-Sham "
                   "group, who fired mortars at government positions near Kabani.")
    found = analyze("Idlib de-escalation zone", text, outlet=outlet).accusations
    assert {(g.rollup(a.accuser), g.rollup(a.accused)) for a in found if a.mode == "claim"} == expected
    assert all(a.speaker == outlet for a in found)  # the alert names the body that published it


@pytest.mark.parametrize("sentence, expected", [
    # the reporting verb is far above the breach: two "that" clauses
    ("Sergei Shoigu stressed that the militants still held the hills above the highway and that their units kept "
     "firing at Syrian army posts and at the villages below in violation of the ceasefire regime.",
     ("russia", "armed_groups")),
    # "by X" after the breach noun, hung on the verb by the parser
    ("Maria Zakharova said the Syrian troops were only responding to constant breaches of the truce by the "
     "militants of Hayat Tahrir al-Sham.", ("russia", "armed_groups")),
    # a place name tagged as a verb between the breach and its doer
    ("The Russian Center for Reconciliation said that terrorist groups had fired on army positions in the Hama "
     "countryside and in the Sahl al-Ghab plains in violation of the cessation of hostilities.",
     ("russia", "armed_groups")),
])
def test_breaches_far_from_their_doer_or_reporter(sentence, expected):
    assert expected in {(a, b) for a, b, _ in pairs(sentence)}


def test_an_army_responding_to_violations_is_not_the_one_who_reports_them():
    found = {(a, b) for a, b, _ in pairs("Maria Zakharova said the Syrian army was merely responding to violations "
                                         "of the ceasefire by the militants.")}
    assert ("russia", "armed_groups") in found and ("syria", "armed_groups") not in found


@pytest.mark.parametrize("sentence, expected", [
    ("Iranian diplomats were more outspoken. One said the Turkish army had broken the ceasefire near Saraqib twice "
     "this week.", ("iran", "turkey")),
    ("Syrian officials tell a different story. In their account, Turkey has never honoured its commitments under "
     "the Sochi memorandum.", ("syria", "turkey")),
    ("In Ankara's view, Damascus has failed to respect the truce since the day it began.", ("turkey", "syria")),
])
def test_claims_attributed_to_a_group_named_in_the_sentence_before(sentence, expected):
    assert expected in {(a, b) for a, b, _ in pairs(sentence)}


def test_in_a_view_without_an_owner_is_nobodys_claim():
    assert pairs("In this view, the regime never respected the truce.") == set()


def test_continuing_to_arm_the_groups_is_a_charge():
    found = pairs("Faisal Mekdad accused Ankara of continuing to supply the militants in Idlib with drones and "
                  "ammunition despite the memorandum.")
    assert ("syria", "turkey") in {(a, b) for a, b, _ in found}


def test_a_breach_hung_on_a_subjectless_verb_goes_to_the_nearest_party_before_it():
    # The parser makes "militants" the subject of "based", leaving "fired" without one.
    found = pairs("The Russian Defence Ministry said that the militants based in the south of the zone, led by "
                  "Hurras al-Din, have fired dozens of rockets on villages near Hama, in violation of the "
                  "arrangements agreed in Sochi.")
    assert ("russia", "armed_groups") in {(a, b) for a, b, _ in found}


def test_violations_it_did_not_mention_are_no_charge():
    found = pairs("The Russian Defence Ministry said militants had opened fire on army posts 12 times, without "
                  "mentioning any violations by Ankara.")
    assert ("russia", "armed_groups") in {(a, b) for a, b, _ in found}
    assert ("russia", "turkey") not in {(a, b) for a, b, _ in found}


def test_a_paragraph_break_ends_the_quote_before_it():
    # Without the break the parser runs the Iranian envoy's quote into the next paragraph's sentence.
    found = pairs("\u201cAll sides must respect the de-escalation arrangements in Idlib,\u201d said Iran's envoy "
                  "Ali Asghar Khaji\n\nSyria's ambassador Bashar al-Jaafari, who led the delegation, accused Turkey "
                  "of failing to fulfil its commitments under the Astana agreements.")
    assert {(a, b) for a, b, _ in found} == {("syria", "turkey")}


def test_a_breach_of_the_agreement_by_someone_names_them():
    found = pairs("A spokesman for the Syrian Democratic Forces said the strikes were \u201ca clear breach of the "
                  "October agreement by the Turkish occupiers.\u201d")
    assert ("sdf", "turkey") in {(a, b) for a, b, _ in found}


def test_stalling_is_a_charge_even_far_from_any_truce_word():
    text = ("Russia and Turkey agreed a ceasefire in Idlib under the Sochi memorandum.\n\n"
            "Residents left the town on Friday.\n\n"
            "Mustafa Bali, a spokesman for the Syrian Democratic Forces, said the group had left the town. "
            "\u201cThe Turkish side has been stalling for days,\u201d he said.")
    g = gazetteer()
    found = {(g.rollup(a.accuser), g.rollup(a.accused)) for a in analyze("Idlib ceasefire", text).accusations}
    assert ("sdf", "turkey") in found


def test_an_attack_far_from_any_truce_word_is_no_charge():
    text = ("Russia and Turkey agreed a ceasefire in Idlib under the Sochi memorandum.\n\n"
            "Residents left the town on Friday.\n\n"
            "Mustafa Bali, a spokesman for the Syrian Democratic Forces, said Turkish drones had attacked a "
            "market in Qamishli.")
    assert analyze("Idlib ceasefire", text).accusations == ()


def test_accusing_joined_to_a_reported_clause_is_the_reporters_charge():
    text = ("Russia and Turkey agreed a ceasefire in Idlib.\n\nThe Russian Defence Ministry said the patrol had been cut "
            "short. It said the militants were trying to undermine the truce and accused the Turkish side of not "
            "yet having secured the route.")
    g = gazetteer()
    found = {(g.rollup(a.accuser), g.rollup(a.accused)) for a in analyze("Idlib patrol", text).accusations}
    assert ("russia", "turkey") in found and ("armed_groups", "turkey") not in found


def test_the_president_is_the_one_who_has_been_speaking():
    text = ("Russia and Turkey agreed a ceasefire in Idlib.\n\n\u201cWe will not let this go unanswered,\u201d Turkish "
            "President Recep Tayyip Erdogan said on Wednesday, recalling the deal he had signed with Russian "
            "President Vladimir Putin.\n\nThe president also accused the regime of violating the ceasefire.")
    g = gazetteer()
    found = {(g.rollup(a.accuser), g.rollup(a.accused)) for a in analyze("Idlib truce", text).accusations}
    assert found == {("turkey", "syria")}


def test_these_groups_are_the_ones_just_named():
    found = pairs("Sergei Lavrov said terrorist groups still held the south of the zone. \u201cThese groups have been "
                  "shelling army positions every day, in direct violation of the ceasefire,\u201d he said.")
    assert ("russia", "armed_groups") in {(a, b) for a, b, _ in found}


def test_a_delegate_named_with_of_country_speaks_for_it():
    found = pairs("Christoph Heusgen of Germany said Russia, as a guarantor of the de-escalation zone, had failed to "
                  "honour its commitments.")
    assert ("germany", "russia") in {(a, b) for a, b, _ in found}


def test_the_source_keeps_the_side_it_was_given_when_it_first_spoke():
    text = ("Russia and Turkey agreed a ceasefire in Idlib.\n\nA military source told SANA that the army had repelled "
            "an attack near Saraqib.\n\nThe source added that the Turkish side has not fulfilled its obligations "
            "under the memorandum.")
    g = gazetteer()
    found = {(g.rollup(a.accuser), g.rollup(a.accused)) for a in analyze("Idlib ceasefire", text).accusations}
    assert ("syria", "turkey") in found


def test_they_in_a_joined_clause_is_the_first_clauses_subject():
    found = pairs("Naji Mustafa of the National Front for Liberation said: \u201cThe Russians are the guarantors of the "
                  "regime, and they are the ones breaking the truce from the air.\u201d")
    assert ("armed_groups", "russia") in {(a, b) for a, b, _ in found}
    assert ("armed_groups", "syria") not in {(a, b) for a, b, _ in found}


def test_the_turkish_source_is_not_the_russian_source_that_spoke_before():
    text = ("Russia and Turkey agreed a ceasefire in Idlib.\n\nA Russian military source told Kommersant that Ankara "
            "had not secured the M4 highway.\n\nA source in the Turkish Defence Ministry disagreed. \u201cThe regime's "
            "shelling breaks the ceasefire every day,\u201d the Turkish source said.")
    g = gazetteer()
    found = {(g.rollup(a.accuser), g.rollup(a.accused)) for a in analyze("Idlib ceasefire", text).accusations}
    assert ("turkey", "syria") in found and ("russia", "syria") not in found


def test_a_relative_pronoun_is_the_noun_its_clause_hangs_on():
    # "that" is "provocations", not the nearest party named before it (the Syrian army).
    found = pairs("Sergei Lavrov said militants keep shelling the positions of the Syrian army. \u201cThese are "
                  "provocations that are in direct breach of the ceasefire,\u201d he said.")
    assert ("russia", "syria") not in {(a, b) for a, b, _ in found}
