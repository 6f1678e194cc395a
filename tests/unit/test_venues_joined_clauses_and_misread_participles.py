"""Where a charge was made is no party to it; a clause joined beside another with its own speaker is that speaker's;
participles the parser read as the verb; bare "regime" as a subject; the
states a plural role speaks for; "those who violate … are"; the owner's coordinated modifiers; "told <outlet>" after a
quote. Written for these tests; no labelled set's text."""

from tests.conftest import direct_quotes, rule_claims


def test_the_meeting_where_they_accused_is_no_party():
    text = ("Moscow accused Ankara at a closed UN Security Council session on Tuesday of breaking the Idlib "
            "ceasefire.")
    assert rule_claims(text) == {("russia", "turkey")}


def test_a_joined_clause_with_its_own_speaker_is_not_the_main_speakers():
    text = ("Russia said on Thursday that it was ready for talks on Idlib, while Western diplomats accused Damascus "
            "of tearing up the ceasefire.")
    assert rule_claims(text) == set()


def test_traded_charges_about_the_truce_still_count():
    # the guard: the clause of the trading verb names the truce
    text = "Damascus and the rebels accused each other of violating the ceasefire in Idlib on Thursday."
    assert rule_claims(text) == {("syria", "armed_groups"), ("armed_groups", "syria")}


def test_a_group_tied_by_a_participle_keeps_its_verb():
    text = ("A military source told SANA that the terrorists of Jaish al-Islam and the groups affiliated to it in "
            "Douma have violated the truce.")
    assert rule_claims(text, outlet="SANA") == {("syria", "armed_groups")}


def test_a_weapon_launched_by_a_party_is_its_doing():
    text = ("The Russian Defence Ministry said rockets fired by militants from the zone had hit a village in Latakia, "
            "in what it called a violation of the ceasefire.")
    assert rule_claims(text) == {("russia", "armed_groups")}


def test_bare_regime_before_a_misread_attack_is_the_regime():
    text = "Opposition activists said regime shelling hit two villages on Monday in violation of the truce."
    assert rule_claims(text) == {("armed_groups", "syria")}


def test_the_states_a_plural_role_speaks_for_each_accuse():
    text = ("Jaafari answered the envoys of Britain, France and Germany, who accused the Syrian government of "
            "violating the ceasefire.")
    assert rule_claims(text) == {("uk", "syria"), ("france", "syria"), ("germany", "syria")}


def test_those_who_violate_are_the_ones_named():
    text = 'A Turkish official said: "Those who violate the ceasefire are the regime and its Iranian allies."'
    assert ("turkey", "syria") in rule_claims(text)


def test_those_who_violate_will_be_punished_names_no_one():
    # the guard: a threat to whoever violates
    text = 'A Turkish official said: "Those who violate the ceasefire will be punished."'
    assert rule_claims(text) == set()


def test_the_owners_coordinated_modifiers_each_did_it():
    text = ('The French envoy said: "The Russian and Syrian government forces\' strikes on markets violate the '
            'ceasefire."')
    assert rule_claims(text) == {("france", "russia"), ("france", "syria")}


def test_the_outlet_told_after_a_quote_does_not_speak():
    text = ('"The regime broke the truce on the first night. Its tanks moved at dawn," a commander in Jaish al-Izza, '
            'Abu Khalid al-Hamwi, told Zaman al-Wasl.')
    assert [speaker for _, speaker in direct_quotes(text)] == ["Abu Khalid al-Hamwi"]
