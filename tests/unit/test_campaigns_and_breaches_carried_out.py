"""A campaign "of" its parties is theirs, joined parties included, when it is called a breach; accusing someone of
"carrying them out" after breaches are told charges them with those breaches; a question left open charges no one;
a party cited with "according to" is not whom "their" stands for; a source telling the state's television is the
state's. Written for these tests; no labelled set's text."""

from tests.conftest import counted_pairs, rule_claims


def test_the_campaign_of_two_parties_called_a_breach_is_theirs():
    text = ('The Syrian Negotiation Commission said the campaign of the regime and Iran "is a flagrant violation of '
            'the Astana agreements."')
    assert rule_claims(text) == {("armed_groups", "syria"), ("armed_groups", "iran")}


def test_a_campaign_against_a_place_names_no_doer():
    # the guard: after "of", a place is where, not who
    text = 'The Syrian Negotiation Commission said the campaign of bombardment on Idlib "is a violation of the truce."'
    assert ("armed_groups", "syria") not in rule_claims(text)


def test_accusing_a_party_of_carrying_out_breaches_told_before():
    text = ("The Russian reconciliation centre said it had registered twelve violations of the ceasefire regime in "
            "Latakia, accusing the militants of carrying them out.")
    assert rule_claims(text) == {("russia", "armed_groups")}


def test_accusing_a_party_of_carrying_out_a_plan_is_no_breach():
    # the guard: what is carried out is no breach told before
    text = ("The Russian reconciliation centre said the ceasefire in Latakia was holding, accusing the militants of "
            "carrying out a media campaign against it.")
    assert rule_claims(text) == set()


def test_a_question_left_open_charges_no_one():
    # (the whole analyzer: the rules read it as supposed, and the learned decision had counted it)
    text = ("Erdogan said on Tuesday that a Russian air strike had hit Turkish soldiers in Idlib. He did not say whether "
            "Ankara considered the strike a violation of the bilateral agreements, and said that Turkey would continue "
            "its contacts with Moscow.")
    assert ("turkey", "russia") not in counted_pairs(text, date="2020-06-01")


def test_who_is_cited_is_not_whom_their_stands_for():
    text = ("The offensive began after the militants, according to Damascus and Moscow, stepped up their attacks from "
            "the demilitarised zone agreed in Sochi.")
    assert ("syria", "russia") not in rule_claims(text)


def test_a_source_telling_the_states_television_is_the_states():
    text = ("A military source told the correspondent of Syrian TV that the Turkish side has not fulfilled any of its "
            "obligations under the Astana agreements.")
    assert rule_claims(text) == {("syria", "turkey")}
