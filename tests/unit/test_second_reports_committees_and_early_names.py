"""A second reported clause apart from the first one's modal, a deal named months before it was concluded, "other
militias" after named parties, local negotiating committees, a speaker who introduced himself by name, an outlet told
something at a colon. Written for these tests; no labelled set's text."""

from pipeline.analyzer.agreements import named_agreement
from tests.conftest import direct_quotes, rule_claims


def test_a_second_reported_clause_is_no_warning():
    text = ("SDF spokesman Mustafa Bali told reporters that his fighters would respect the ceasefire but that Turkey "
            "and its proxies were not respecting it.")
    assert rule_claims(text) == {("sdf", "turkey"), ("sdf", "armed_groups")}


def test_a_clause_under_the_modal_stays_a_warning():
    # the guard: one clause, one modal
    text = "SDF spokesman Mustafa Bali told reporters that Turkey would not respect the ceasefire."
    assert rule_claims(text) == set()


def test_a_deal_named_months_before_its_conclusion_is_not_that_deal():
    sentence = "The regime keeps violating the truce, and we will not go to Astana while it does."
    assert named_agreement(sentence, "2017-01-10") != "astana"
    assert named_agreement(sentence, "2017-06-10") == "astana"


def test_other_militias_after_named_parties_are_no_new_party():
    text = ("Turkish Foreign Minister Mevlut Cavusoglu said the ceasefire was being violated by the regime, Hezbollah "
            "and other militias.")
    assert rule_claims(text) == {("turkey", "syria"), ("turkey", "other:hezbollah")}


def test_a_local_negotiating_committee_is_the_opposition():
    text = ("The negotiating committee of the town of Talbiseh condemned the regime's violation of the de-escalation "
            "agreement on Sunday.")
    assert rule_claims(text) == {("armed_groups", "syria")}


def test_one_who_introduced_himself_by_name_speaks():
    text = ('One of the protesters, who introduced himself as Abu Khaled from Sarmin, told the agency: "We will not '
            'let their patrols pass through our land."')
    assert direct_quotes(text) == [("We will not let thei", "Abu Khaled")]


def test_the_outlet_told_at_a_colon_does_not_speak():
    text = 'One of the protesters told Enab Baladi: "We will not let their patrols pass through our land."'
    assert "Enab Baladi" not in [speaker for _, speaker in direct_quotes(text)]


def test_one_of_many_with_a_name_beside_is_that_person():
    text = "Hundreds rallied in the square. “Look around you,” one of the supporters, Kemal Aydin, 41, said."
    assert direct_quotes(text) == [("Look around you,", "Kemal Aydin")]


def test_who_received_a_statement_did_not_send_it():
    text = ("In a statement received by Zaman al-Wasl, the negotiating committee of Talbiseh said the shelling resumed. "
            '“The regime does not want a truce,” the statement said.')
    assert direct_quotes(text) == [("The regime does not ", "negotiating committee of Talbiseh")]


def test_a_deal_made_into_a_dead_letter():
    text = "Opposition negotiator Yahya al-Aridi said Moscow had turned the Moscow protocol into a dead letter."
    assert rule_claims(text) == {("armed_groups", "russia")}


def test_a_deal_made_into_something_else_is_no_charge():
    # the guard: what the deal was made into is no nothing
    text = "Opposition negotiator Yahya al-Aridi said Moscow had turned the Moscow protocol into a lasting truce."
    assert rule_claims(text) == set()


def test_accused_of_not_doing_enough_to_keep_what_was_agreed():
    text = ("Moscow has repeatedly accused Ankara of not doing enough to rein in the radical groups in Idlib as agreed "
            "under the March deal.")
    assert rule_claims(text) == {("russia", "turkey")}


def test_not_doing_enough_with_no_deal_named_is_no_truce_charge():
    # the guard: reining in an ally is owed under no deal the sentence names
    text = "US officials have accused Moscow of not doing enough to rein in its ally, President Bashar al-Assad."
    assert rule_claims(text) == set()


def test_who_is_told_or_spoken_to_listens():
    from pipeline.analyzer.core import _parse
    from pipeline.analyzer.names import listens

    told = _parse('A man from Sarmin told Enab Baladi: "We will stay."')
    spoken_to = _parse("A member of the commission, speaking to Asharq Al-Awsat, said the talks had failed.")
    surprised = _parse('The timing does not surprise pollster Daron Shaw: "It was always coming."')
    assert listens(next(t for t in told if t.text == "Baladi"))
    assert listens(next(t for t in spoken_to if t.text == "Awsat"))
    assert not listens(next(t for t in surprised if t.text == "Shaw"))  # (the guard: surprised, not told)
