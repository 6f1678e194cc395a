"""Speech that goes on from its speaker ("went on to say", "continued to insist"), and a charge the parser joined to
the wrong verb."""

import pytest

from tests.conftest import counted_pairs, direct_quotes, reported_of

OPENING = '"A Russian plane violated Turkish airspace yesterday," the foreign ministry said.\n\n'


@pytest.mark.parametrize("cue", ["went on to say", "continued to say", "proceeded to say"])
def test_a_quote_inside_speech_that_goes_on_is_the_speaker_s(cue):
    text = OPENING + (f"The ministry {cue} that the Russian ambassador had been summoned to \"strongly protest and "
                      "condemn\" the violation.")
    assert ("strongly protest and", "foreign ministry") in direct_quotes(text)


def test_reported_speech_that_goes_on_is_the_speaker_s():
    text = "Sergei Lavrov spoke in Moscow on Monday. Lavrov went on to say that Turkey had not fulfilled its obligations."
    assert reported_of(text, "Lavrov went on").speaker == "Sergei Lavrov"


def test_one_who_declines_to_say_does_not_speak():
    text = ("Sergei Lavrov spoke in Moscow on Monday. Lavrov declined to say whether Turkey had fulfilled its "
            "obligations in Idlib.")
    assert not any(s.startswith("Lavrov declined") for s, _ in direct_quotes(text))
    with pytest.raises(StopIteration):
        reported_of(text, "Lavrov declined")


def test_a_charge_joined_to_an_infinitive_is_the_sentence_subject_s():
    text = ("Erdogan warned that Turkey would not allow the regime to violate the Idlib ceasefire and accused Moscow "
            "of failing to stop the attacks.")
    pairs = counted_pairs(text)
    assert ("turkey", "russia") in pairs and ("syria", "russia") not in pairs


def test_a_charge_joined_to_a_verb_read_as_a_noun_keeps_that_verb_s_subject():
    text = ('Syrian Foreign Minister Walid al-Muallem told reporters in Damascus that Turkey was "procrastinating" in '
            "implementing the Sochi agreement and had not withdrawn the terrorists from the demilitarised zone.")
    assert counted_pairs(text) == {("syria", "turkey")}
