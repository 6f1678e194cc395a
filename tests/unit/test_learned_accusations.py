"""The learned accusation decision: generators, features, the numpy logistic regression, agreements by date."""

from __future__ import annotations

import numpy as np

from pipeline.analyzer import decision
from pipeline.analyzer.agreements import agreement_in, article_agreement, parse_date
from pipeline.analyzer.candidates import GENERATORS
from pipeline.analyzer.features import FEATURES
from pipeline.analyzer.training import fold_of, group_of


def test_generators_and_features_are_named_registries():
    assert {"reported_speech", "cue_subject", "nominalisation", "demand", "passive", "previous_sentence",
            "publisher"} <= set(GENERATORS)
    assert "syn:accused_subject_of_breach" in FEATURES and "lex:breach_verbs" in FEATURES


def test_logistic_regression_is_deterministic_and_separates():
    rows = [{"a": 1.0, "bias": 1.0}] * 5 + [{"b": 1.0, "bias": 1.0}] * 15
    labels = [1] * 5 + [0] * 15
    names, w1 = decision.fit(rows, labels, l2=1.0)
    _, w2 = decision.fit(rows, labels, l2=1.0)
    assert np.array_equal(w1, w2)
    model = decision.Model(tuple(names), w1, 0.5)
    p = model.probabilities([{"a": 1.0, "bias": 1.0}, {"b": 1.0, "bias": 1.0}])
    assert p[0] > 0.5 > p[1]


def test_model_file_round_trip(tmp_path):
    names, weights = decision.fit([{"a": 1.0, "bias": 1.0}, {"bias": 1.0}], [1, 0])
    path = tmp_path / "m.json"
    path.write_text(decision.to_json(names, weights, 0.6, {"l2": 1.0}))
    model = decision.load(path)
    assert model.threshold == 0.6 and model.names == tuple(names)
    assert len(decision.model_version(path)) == 12


def test_committed_model_loads_and_its_hash_is_in_the_analyzer_version():
    from pipeline.analyzer import core

    assert decision.load() is not None
    if core.ACCUSATION_DECISION == "learned":
        assert decision.model_version() in core.ANALYZER_VERSION


def test_folds_group_outlets():
    assert group_of("Daily Sabah") == group_of("dailysabah")
    assert fold_of(group_of("Reuters")) == fold_of(group_of("reuters"))


def test_agreements_by_name_and_by_date():
    assert agreement_in("Turkey has not kept the M-4 understandings") == "moscow_2020"
    assert agreement_in("under UN Security Council resolution 2401") == "other:ghouta_truce_2018"
    assert parse_date("7/12/16").isoformat() == "2016-07-12"
    assert article_agreement("Rebels said the cessation of hostilities was broken.", "2016-03-02") == \
        "other:feb_2016_cessation_of_hostilities"
    assert article_agreement("Rebels said the cessation of hostilities was broken.", "2021-03-02") is None
    assert article_agreement("Rebels said the truce was broken.", None) is None


def test_learned_accusations_carry_signals():
    from pipeline.analyzer.core import _parse
    from pipeline.analyzer.learned import learned_accusations
    from pipeline.analyzer.statements import extract_statements

    text = ("Russia accused Turkey on Tuesday of failing to fulfil its obligations under the March 5 "
            "ceasefire agreement in Idlib.\n\nThe Russian Foreign Ministry said Ankara had not separated "
            "the moderate opposition from terrorists, as agreed.")
    doc = _parse(text)
    statements, index = extract_statements(doc)
    found = learned_accusations(doc, statements, index, "moscow_2020")
    pairs = {(a.accuser, a.accused) for a in found if a.mode == "claim"}
    assert ("russia", "turkey") in pairs
    accusation = next(a for a in found if (a.accuser, a.accused) == ("russia", "turkey"))
    assert accusation.signals["decision"] == "learned" and "rule" in accusation.signals["generators"]


def test_row_weights_weigh_real_articles_and_default_to_the_unweighted_fit():
    from pipeline.analyzer.training import Article, row_weights

    rows = [{"a": 1.0, "bias": 1.0}, {"a": 1.0, "bias": 1.0}] + [{"b": 1.0, "bias": 1.0}] * 4
    labels = [1, 0, 1, 0, 0, 0]
    _, plain = decision.fit(rows, labels)
    _, ones = decision.fit(rows, labels, row_weights=[1.0] * 6)
    assert np.array_equal(plain, ones)
    names, weighted = decision.fit(rows, labels, row_weights=[10.0, 1, 1, 1, 1, 1])
    a = [{"a": 1.0, "bias": 1.0}]
    assert decision.Model(tuple(names), weighted, 0.5).probabilities(a)[0] > \
        decision.Model(tuple(names), plain, 0.5).probabilities(a)[0]
    candidate = (("russia", "turkey"), {"bias": 1.0}, frozenset(), None)
    real = Article("r", "reuters", "tests/data/real/dev.jsonl", True, {}, candidates=[candidate, candidate])
    written = Article("w", "x", "tests/data/dev", True, {}, candidates=[candidate])
    assert row_weights([real, written], 3.0) == [3.0, 3.0, 1.0]
    assert row_weights([real, written]) == [1.0, 1.0, 1.0]


def test_the_choice_takes_the_strongest_l2_the_cv_cannot_tell_from_the_best():
    from pipeline.analyzer.training import L2_GRID, THRESHOLDS, TOLERANCE, on_plateau

    def table(best_l2: float, margin: float) -> dict[str, float]:
        # every L2 has its plateau at 0.55-0.65 (the smoothed peak at 0.6); best_l2 is ahead of the others by margin
        return {f"{l2}@{t}": (0.9 if 0.549 < t < 0.651 else 0.85) + (margin if l2 == best_l2 else 0.0)
                for l2 in L2_GRID for t in THRESHOLDS}

    assert on_plateau(table(3.0, TOLERANCE / 2)) == (max(L2_GRID), 0.6)  # fold noise: the strongest L2
    assert on_plateau(table(3.0, TOLERANCE * 3)) == (3.0, 0.6)  # a real difference: the best
