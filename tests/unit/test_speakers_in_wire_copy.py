"""Who speaks in wire copy: state media left unnamed, a document's sender, a quote standing after its speaker's
sentence, a side named by its group's adjective, a role no one was given (sentences written for these tests, in
the shapes of real agency reports)."""

from pipeline.analyzer.gazetteer import gazetteer
from tests.conftest import reported_of, rule_claims, statement_of


def _side(statement) -> str | None:
    return gazetteer().rollup(statement.speaker_actor) if statement.speaker_actor else None


def test_a_quote_standing_after_its_speakers_sentence_is_not_the_next_speakers():
    text = ("Turkish Defence Minister Hulusi Akar condemned the shelling of the observation post near Morek. "
            "\u201cSuch attacks cannot be tolerated and run against everything agreed in Sochi.\u201d Russian Foreign "
            "Minister Sergei Lavrov accused Ankara of failing to rein in the militants.")
    assert statement_of(text, "Such attacks").speaker == "Hulusi Akar"


def test_state_media_left_unnamed_speak_as_written_for_the_state_whose_media_the_story_named():
    text = ("Rebels shelled villages in the Latakia countryside on Monday, Syria's official news agency SANA "
            "reported.\n\n\u201cThe terrorist groups have violated the ceasefire agreement once again,\u201d state "
            "television said.")
    statement = statement_of(text, "The terrorist groups")
    assert (statement.speaker, _side(statement)) == ("state television", "syria")
    assert ("syria", "armed_groups") in rule_claims(text)


def test_state_media_no_one_named_speak_as_written_for_no_side():
    text = ("\u201cThe army has foiled an attempt by terrorists to storm the town from several axes,\u201d state media "
            "said on Tuesday.")
    statement = statement_of(text, "The army has foiled")
    assert (statement.speaker, statement.speaker_actor) == ("state media", None)


def test_the_statement_said_speaks_for_those_who_released_it():
    text = ("A statement released jointly by 33 rebel factions called on the government to halt air strikes.\n\n"
            "\u201cNegotiations under the present conditions are meaningless,\u201d the statement said.")
    assert _side(statement_of(text, "Negotiations under")) == "armed_groups"


def test_a_medium_that_carried_the_statement_did_not_issue_it():
    text = ("In a statement carried by the state news agency SANA, the Syrian Foreign Ministry said Turkish troops "
            "were shielding terrorists.\n\n\u201cThe Turkish regime continues to violate its commitments,\u201d the "
            "statement said.")
    statement = statement_of(text, "The Turkish regime")
    assert "Ministry" in statement.speaker and _side(statement) == "syria"


def test_a_participle_after_the_medium_that_relays_it_speaks_with_the_reported_clause():
    text = ("The Syrian Foreign Ministry sent a letter to the United Nations, state television reported, saying the "
            "bombings were a \u201cdangerous escalation by the hostile regimes in Ankara and Doha\u201d.")
    assert statement_of(text, "dangerous escalation").speaker == "Syrian Foreign Ministry"


def test_a_group_adjective_names_the_side_before_a_nationality():
    g = gazetteer()
    assert g.resolve("a Syrian rebel commander") == "armed_groups"
    assert g.resolve("a Syrian Kurdish official") == "sdf"
    assert g.rollup(g.resolve("a Syrian army officer")) == "syria"


def test_the_coalition_is_the_one_the_story_described_not_the_one_the_bare_word_names():
    text = ("The Syrian rebel coalition known as the High Negotiations Committee met in Riyadh on Saturday.\n\n"
            "The coalition said Russia had \u201cshown disdain for the truce and for the lives of Syrians.\u201d")
    assert _side(statement_of(text, "shown disdain")) == "armed_groups"


def test_a_role_no_one_was_given_is_the_one_the_story_turned_to():
    text = ("\u201cThe talks are going on,\u201d Kremlin spokesman Dmitry Peskov told reporters.\n\n"
            "Recep Tayyip Erdogan addressed his party's lawmakers in Ankara on Wednesday. \u201cRussia has not kept "
            "its promises in Idlib,\u201d the 66-year-old leader said.")
    assert statement_of(text, "Russia has not kept").speaker == "Recep Tayyip Erdogan"
    assert ("turkey", "russia") in rule_claims(text)


def test_a_person_of_a_named_group_speaks_for_that_group():
    text = ("\u201cThe regime violated the truce 40 times today,\u201d Yasser al-Youssef of the Nour al-Din al-Zenki "
            "movement told AFP.")
    assert _side(statement_of(text, "The regime violated")) == "armed_groups"
    assert ("armed_groups", "syria") in rule_claims(text)


def test_a_person_of_a_group_set_off_by_commas_speaks_for_it_and_one_from_a_town_for_no_one():
    group = ("\u201cThere is renewed bombardment and it is heavy,\u201d Zakaria Malhifji, of the Aleppo-based "
             "Fastaqim group, told Reuters.")
    town = "\u201cThere is renewed bombardment and it is heavy,\u201d Ahmed Hamdo of the town of Saraqeb told Reuters."
    assert _side(statement_of(group, "There is renewed")) == "armed_groups"
    assert statement_of(town, "There is renewed").speaker_actor is None


def _indirect_speaker(text: str) -> str | None:
    from pipeline.analyzer.core import analyze
    return next(s.speaker for s in analyze("Idlib truce", text, quotes_everywhere=True).statements if s.kind == "indirect")


def test_a_relative_clause_on_a_named_speaker_names_someone_else():
    text = "Moscow, which backs President Bashar al-Assad, has said Turkey has yet to fulfil its side of the Idlib deal."
    assert _indirect_speaker(text) == "Moscow"
    assert ("russia", "turkey") in rule_claims(text)
    assert ("syria", "turkey") not in rule_claims(text)


def test_when_a_side_spoke_is_not_part_of_its_name():
    text = "Russia on Thursday accused Turkey of failing to honour the Idlib deal."
    assert _indirect_speaker(text) == "Russia"


def test_a_common_nouns_relative_clause_may_give_its_name():
    text = ("\u201cWe saw the helicopters and heard shooting near the truce line,\u201d a resident who gave only his "
            "first name, Ahmad, said by phone.")
    assert statement_of(text, "We saw the helicopters").speaker == "Ahmad"


LEAD = ("Russian Foreign Minister Sergei Lavrov met his Turkish counterpart in Moscow on Monday to discuss the Idlib "
        "agreement.\n\n")


def test_in_his_words_reports_the_person_just_named():
    text = LEAD + "In his words, the Turkish side has not yet ensured the withdrawal of heavy weapons from the zone."
    assert _indirect_speaker(text) == "Sergei Lavrov"
    assert ("russia", "turkey") in rule_claims(text)


def test_in_the_words_of_a_role_reports_that_role():
    text = "In the words of the Russian defence minister, the militants have violated the ceasefire."
    assert ("russia", "armed_groups") in rule_claims(text)


def test_as_the_diplomat_noted_frames_what_follows():
    text = LEAD + "As the diplomat noted, the militants have repeatedly violated the ceasefire regime."
    assert _indirect_speaker(text) == "Sergei Lavrov"
    assert ("russia", "armed_groups") in rule_claims(text)


def test_as_in_a_clause_that_reports_nothing_frames_nothing():
    text = LEAD + "As the talks began, the militants violated the ceasefire regime."
    assert rule_claims(text) == set()


def test_whom_a_named_state_stands_by_in_apposition_is_not_who_speaks():
    text = ("Moscow, a close ally of President Bashar al-Assad, has said Turkey has yet to fulfil its side of the "
            "Idlib deal.")
    assert _indirect_speaker(text) == "Moscow"
    assert ("russia", "turkey") in rule_claims(text)


def test_a_role_in_apposition_is_still_named_by_its_holder():
    text = "Russia's special envoy, Alexander Lavrentiev, said Turkey had not fulfilled its obligations under the deal."
    assert _indirect_speaker(text) == "Alexander Lavrentiev"


def test_a_source_quoted_by_an_agency_is_described_without_the_agency_and_speaks_for_its_state():
    text = ("Militants breached the Russian-Turkish ceasefire deal in Idlib on Sunday, shelling army positions near "
            "Kafr Nabl, according to a military source quoted by state news agency SANA.")
    assert reported_of(text, "Militants breached").speaker == "military source"
    assert ("syria", "armed_groups") in rule_claims(text)


def test_a_document_owned_by_a_body_is_that_bodys_word():
    text = "The Syrian Foreign Ministry's letter to the UN said Turkey had violated the Sochi agreement in Idlib."
    statement = reported_of(text, "The Syrian Foreign Ministry")
    assert (statement.speaker, statement.speaker_actor) == ("Syrian Foreign Ministry", "syria_mfa")


def test_an_aside_set_off_by_dashes_is_no_part_of_a_bodys_name():
    text = ("In a statement issued late on Friday, Russia's Defence Ministry - which, along with Turkey, is a guarantor "
            "of the truce - said terrorists had fired on Syrian army positions near Saraqeb.")
    assert reported_of(text, "In a statement").speaker == "Russia's Defence Ministry"


def test_a_role_is_the_office_holder_the_article_names_anywhere():
    text = ("\u201cThe regime is violating the ceasefire,\u201d the Turkish president said on Tuesday.\n\n"
            "Speaking to reporters in Ankara, Recep Tayyip Erdogan added that Turkey would not allow its posts in Idlib "
            "to be surrounded.")
    statement = statement_of(text, "The regime is violating")
    assert (statement.speaker, statement.speaker_actor) == ("Recep Tayyip Erdogan", "recep_tayyip_erdogan")


def test_a_qualified_role_or_another_states_minister_is_not_the_office_holder():
    text = ("\u201cThe terrorists have violated the truce,\u201d Syria's deputy foreign minister said.\n\n"
            "Foreign Minister Walid al-Muallem met Russia's envoy on Monday.")
    assert statement_of(text, "The terrorists").speaker == "Syria's deputy foreign minister"
    text = ("\u201cTurkey has not fulfilled its commitments in Idlib,\u201d the Russian foreign minister said.\n\n"
            "Turkish Foreign Minister Mevlut Cavusoglu rejected the charge.")
    assert statement_of(text, "Turkey has not").speaker == "Russian foreign minister"


def test_the_un_envoy_is_the_envoy_the_article_names_but_a_states_un_envoy_is_not_its_special_envoy():
    text = ("\u201cAll parties must respect the ceasefire in Idlib,\u201d the UN envoy said.\n\n"
            "Geir Pedersen briefed the Security Council on Tuesday.")
    assert statement_of(text, "All parties").speaker == "Geir Pedersen"
    text = ("\u201cThe truce in Idlib is holding,\u201d Russia's UN envoy said.\n\nAlexander Lavrentiev visited Damascus.")
    assert statement_of(text, "The truce").speaker == "Russia's UN envoy"
