"""SimHash near-duplicate detection."""

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.dedup import NEAR_DUPLICATE_BITS, bands, distance, simhash

words = st.lists(st.sampled_from("russia turkey idlib patrol ceasefire said the on of army ministry road town "
                                 "protocol moscow ankara syria troops march zone corridor".split()), min_size=60, max_size=200)


@given(words)
def test_identical_text_has_distance_zero_and_fits_a_bigint(tokens):
    text = " ".join(tokens)
    value = simhash(text)
    assert distance(value, simhash(text)) == 0
    assert -(2**63) <= value < 2**63


@settings(max_examples=50)
@given(words, st.integers(min_value=0, max_value=59))
def test_one_changed_word_in_a_long_text_stays_near(tokens, position):
    base = tokens * 3  # a long article: one edit is a small share of the shingles
    edited = list(base)
    edited[position] = "correction"
    assert distance(simhash(" ".join(base)), simhash(" ".join(edited))) <= 12


def test_different_stories_are_far_apart():
    a = "Russian and Turkish troops completed a joint patrol on the M4 highway in Idlib on Tuesday. " * 5
    b = "The central bank kept interest rates unchanged as the lira steadied against the dollar on Thursday. " * 5
    assert distance(simhash(a), simhash(b)) > NEAR_DUPLICATE_BITS * 4


@given(st.integers(min_value=-(2**63), max_value=2**63 - 1))
def test_bands_reassemble_the_hash(value):
    parts = bands(value)
    assert len(parts) == 4 and all(0 <= p < 65536 for p in parts)
    assert sum(p << (16 * i) for i, p in enumerate(parts)) == value & (2**64 - 1)
