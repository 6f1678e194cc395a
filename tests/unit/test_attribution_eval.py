"""eval-attribution: the PolNeAR direct-quote metric, and floors on a fixed sample of PolNeAR dev."""

from pathlib import Path

import pytest

from pipeline.attribution_eval import main, match, quoted_passages, source_keys, speaker_right, titled_names
from pipeline.polnear import Attribution, read_brat

ROOT = Path(__file__).resolve().parents[2]
POLNEAR = ROOT.parent / "shared" / "corpus" / "polnear"
# Measured on the first 30 dev articles: quote F1 0.904, speaker accuracy 0.839 (named sources 0.908),
# quote+speaker F1 0.741 since verbs of going on, shared subjects and unresolved descriptions speak (2026-12-04,
# third session; before: quote F1 0.893, speaker 0.840, quote+speaker 0.733; earlier: quote F1 0.872, speaker
# 0.807); sixth session (quoted fragments after a determiner or a participle): quote F1 0.920, speaker 0.844
# (named 0.924), quote+speaker F1 0.759. Floors a little below, for a parse flipping on another CPU.
FLOORS = {"quote_f1": 0.91, "speaker_accuracy": 0.82, "named_source_accuracy": 0.91, "quote_speaker_f1": 0.75}


def test_quoted_passages_split_quotes_and_run_over_paragraphs():
    text = '\u201cFirst part,\u201d he said, \u201csecond part.\u201d\n\n\u201cStill open\n\n\u201cand closed.\u201d'
    found = [text[a:b] for a, b in quoted_passages(text)]
    assert found == ["First part,", "second part.", "Still open\n\n\u201cand closed."]


def test_source_keys_take_the_name_not_its_description():
    assert source_keys("Rep. G.K. Butterfield (D-N.C.), head of the Congressional Black Caucus") == {"butterfield"}
    assert "conway" in source_keys("Trump's campaign manager Kellyanne Conway")
    assert "trump" not in source_keys("Trump's campaign manager Kellyanne Conway")
    assert source_keys("said") == frozenset()
    assert source_keys("a senior official") == {"official"}


def test_a_description_takes_the_name_written_after_it_as_a_title():
    assert "blasio" in titled_names("Mayor Bill de Blasio spoke. Later the mayor said…", "the mayor")


def test_speaker_right_compares_words_not_substrings():
    assert speaker_right(frozenset({"trump"}), "Donald Trump")
    assert not speaker_right(frozenset({"trump"}), "Trumpet player")
    assert speaker_right(frozenset({"official"}), "senior officials")


def test_matching_is_one_to_one_by_jaccard_or_same_opening():
    text = "one two three four five six seven eight"
    assert match(text, [(0, 13)], [(0, 40)]) == {0: 0}  # same opening
    assert match(text, [(4, 23)], [(8, 29)]) == {0: 0}  # Jaccard 3/5
    assert match(text, [(14, 23)], [(0, 40)]) == {}


def test_brat_attributions_with_discontinuous_content():
    text = "He said: \u201cabc def ghi\u201d and more"
    ann = "T1\tSource 0 2\tHe\nT2\tContent 9 20;21 25\tx\nT3\tCue 3 7\tsaid\nE1\tAttribution:T3 Content:T2 Source:T1\n"
    assert read_brat(ann, text) == [Attribution(((9, 20), (21, 25)), "He", 0)]


def test_a_missing_corpus_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["--polnear", str(tmp_path / "nowhere"), "--split", "dev"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_errors_are_never_listed_for_the_test_split(tmp_path):
    assert main(["--polnear", str(tmp_path), "--split", "test", "--verbose"]) == 2


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="PolNeAR is not beside the repository (../shared/corpus/polnear)")
def test_polnear_dev_sample_stays_above_its_floors():
    from pipeline.attribution_eval import evaluate

    metrics = evaluate(POLNEAR, "dev", limit=30).metrics()
    below = {name: round(metrics[name], 3) for name, floor in FLOORS.items() if metrics[name] < floor}
    assert not below, f"below floors {FLOORS}: {below}"
