"""A party's reports that another rejects stay its charge; a name with its Arabic article; who spread allegations;
a city is where, not who; a relative told with its own "it said"; a deed left undone by its own subject; blame laid on
a party; sovereignty is no truce; a deal named after a city is no party; a text speaks for who sent it. Written for
these tests; no labelled set's text."""

from pipeline.analyzer.gazetteer import gazetteer
from tests.conftest import rule_claims


def test_a_partys_reports_rejected_stay_its_charge():
    text = ("The Russian Defence Ministry dismissed reports by rebel factions that its aircraft had bombed a market in "
            "Ariha in violation of the ceasefire.")
    assert rule_claims(text) == {("armed_groups", "russia")}


def test_reports_owned_by_a_party_named_before_the_noun():
    text = "Moscow rejected opposition reports that Russian jets had struck Kafr Nabl in breach of the truce."
    assert rule_claims(text) == {("armed_groups", "russia")}


def test_reports_no_one_stands_behind_stay_denied():
    # the guard: no party is named for the reports
    text = "Moscow rejected reports that Russian jets had struck Kafr Nabl in breach of the truce."
    assert rule_claims(text) == set()


def test_reports_of_attacks_name_what_is_reported_not_who_reports():
    # the guard: "of" tells the content of hearsay, not its owner
    text = "Paris said there were reports of attacks on opposition forces in breach of the truce."
    assert ("armed_groups", "france") not in rule_claims(text)


def test_a_name_written_with_its_arabic_article_is_the_known_name():
    g = gazetteer()
    assert g.resolve("Al-Fath al-Mubin") == g.resolve("Fath al-Mubin") == "armed_groups"
    text = "The Al-Fath al-Mubin operations room said Russian warplanes had violated the Moscow agreement in Sarmin."
    assert rule_claims(text) == {("armed_groups", "russia")}


def test_who_governs_a_syrian_province_is_the_states_official():
    g = gazetteer()
    assert g.resolve("Latakia Governor") == g.resolve("the governor of Tartus") == "syria"
    assert g.resolve("the governor") is None


def test_allegations_spread_by_a_party_stay_its_charge():
    text = ("An army source denied allegations spread by terrorist groups that the Syrian army had breached the "
            "ceasefire near Morek.")
    assert rule_claims(text) == {("armed_groups", "syria")}


def test_a_city_after_a_preposition_is_where_not_who():
    text = ('"Terrorist groups keep shelling the residential quarters of Damascus, which undermines the humanitarian '
            'pause," the Russian general said.')
    assert rule_claims(text) == {("russia", "armed_groups")}


def test_a_relative_with_its_own_it_said_is_a_report_of_its_noun():
    text = ("The Russian Defence Ministry said Syrian troops had repelled an assault by militants who, it said, had "
            "shelled army posts in violation of the de-escalation regime.")
    assert ("russia", "armed_groups") in rule_claims(text)


def test_a_deed_left_undone_by_a_named_subject_is_its_own():
    text = ("Under the deal, both sides were to pull back from the road. The Russian general said the army had pulled "
            "back from the road as the agreements provided, while the militants had not done so.")
    assert rule_claims(text) == {("russia", "armed_groups")}


def test_an_aggression_against_sovereignty_is_no_truce_breach():
    text = ("On October 17 the sides agreed on a pause for the withdrawal of the Kurdish units. Damascus condemned the "
            "Turkish incursion as an aggression against the sovereignty of Syria.")
    assert rule_claims(text) == set()


def test_responsibility_laid_on_a_party_charges_it_not_the_one_who_lays_it():
    text = ("Syrian troops entered Saraqib on Tuesday. Peskov said Moscow still backs the Sochi deal, but he placed the "
            "responsibility for the escalation on Ankara, saying the Turkish side had not met the obligations it took on "
            "under the memorandum.")
    assert rule_claims(text) == {("russia", "turkey")}


def test_a_deal_named_after_a_city_is_no_party():
    text = ('"It is the regime that continues to violate the cease-fire established by the Moscow protocol of March 5, '
            '2020, targeting civilians and schools," Turkish Foreign Minister Mevlut Cavusoglu said.')
    assert rule_claims(text) == {("turkey", "syria")}


def test_a_named_party_whose_restrictive_relative_denies_a_keeping_is_charged():
    text = ("The Syrian Foreign Ministry said the shelling is the responsibility of the Turkish regime which has not "
            "honoured any of the obligations it accepted in Sochi.")
    assert rule_claims(text) == {("syria", "turkey")}


def test_an_adjective_the_parser_takes_for_the_verb_leaves_its_subject_to_the_verb():
    text = "The SDF said that the factions loyal to Ankara, for their part, have not respected the truce."
    assert rule_claims(text) == {("sdf", "armed_groups")}


def test_a_text_speaks_for_who_sent_it():
    text = ("The Syrian Foreign Ministry sent two letters to the UN Secretary-General. The letters held Washington "
            "responsible for undermining the implementation of resolution 2401.")
    assert rule_claims(text) == {("syria", "united_states")}
