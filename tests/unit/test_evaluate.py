"""The metric arithmetic of the eval command, on hand-made predictions (the analyzer is not under test here)."""

from pipeline.evaluate import check_baseline, evaluate, format_table
from pipeline.models import Accusation, Analysis, Relevance, Statement


def record(rid, relevant, accusations=(), quotes=()):
    return {"id": rid, "title": "t", "text": "x", "label": {
        "relevant": relevant, "accusations": [{"accuser": a, "accused": b, "agreement": g} for a, b, g in accusations],
        "quotes": [{"speaker": s, "starts_with": q} for s, q in quotes]}}


def predict(relevant, accusations=(), quotes=()):
    acc = tuple(Accusation(a, b, g, "other", "e", 0, 1, 0.9, mode=m) for a, b, g, m in accusations)
    sts = tuple(Statement("direct", s, None, q, "said", 0, len(q)) for s, q in quotes)
    return Analysis(Relevance(relevant, relevant, 1.0 if relevant else 0.0), sts, acc)


def run(pairs):
    return evaluate([r for r, _ in pairs], lambda t, x, it=iter([p for _, p in pairs]): next(it), lambda a: a)


def test_relevance_precision_and_recall():
    report = run([(record("a", True), predict(True)), (record("b", False), predict(True)), (record("c", True), predict(False))])
    assert (report.relevance.tp, report.relevance.fp, report.relevance.fn) == (1, 1, 1)


def test_only_claims_and_counters_count_as_predicted_accusations():
    gold = record("a", True, [("russia", "turkey", "moscow_2020")])
    report = run([(gold, predict(True, [("russia", "turkey", "moscow_2020", "narrative")]))])
    assert (report.accusations.tp, report.accusations.fn) == (0, 1)
    report = run([(gold, predict(True, [("russia", "turkey", "sochi_2018", "claim")]))])
    assert report.accusations.tp == 1 and report.agreement_hits == 0 and report.agreement_total == 1


def test_quotes_match_on_normalised_start_and_each_gold_quote_once():
    gold = record("a", False, quotes=[("Maria Zakharova", "Ankara is, nevertheless, delaying")])
    predicted = predict(False, quotes=[("Zakharova", "Ankara is, nevertheless,  DELAYING to honor"),
                                        ("Zakharova", "Ankara is, nevertheless, delaying again")])
    report = run([(gold, predicted)])
    assert (report.quotes.tp, report.quotes.fp, report.quotes.fn) == (1, 1, 0)
    assert report.speaker_hits == 1


def test_curly_and_straight_quotes_are_the_same_character():
    gold = record("a", False, quotes=[("Peskov", "We don\u2019t agree")])
    report = run([(gold, predict(False, quotes=[("Dmitry Peskov", "We don't agree with it")]))])
    assert report.quotes.tp == 1


def test_no_predictions_means_zero_recall_and_a_printable_table():
    report = run([(record("a", True, [("syria", "turkey", None)], [("X Y", "one two three")]), predict(False))])
    assert report.accusations.recall == 0.0 and report.quotes.recall == 0.0
    assert "accusations" in format_table(report)
    assert check_baseline(report, {"quote_f1": 0.5}) == ["quote_f1: 0.000 < floor 0.500"]
