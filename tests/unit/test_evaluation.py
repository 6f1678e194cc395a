"""Metric arithmetic of pipeline.evaluation on hand-made predictions (the analyzer itself is not under test)."""

import json
import re

import pytest

from pipeline.evaluation import (
    Counts,
    check_baseline,
    default_rollup,
    evaluate,
    format_table,
    load_gold,
    main,
    match_quotes,
    normalise,
    surname_matches,
)
from pipeline.models import Accusation, Analysis, Relevance, Statement
from tests.conftest import ROOT, SEED_DIR

CANONICAL = {"russia", "turkey", "syria", "united_states", "iran", "armed_groups", "sdf", "isis", "un", "eu",
             "france", "germany", "uk", "israel"}
AGREEMENTS = {"astana", "sochi_2018", "moscow_2020", "ne_syria_2019", "jan_2020_truce", None}


def record(rid, relevant, accusations=(), quotes=()):
    return {"id": rid, "title": "t", "text": "x", "label": {
        "relevant": relevant,
        "accusations": [{"accuser": a, "accused": b, "agreement": g} for a, b, g in accusations],
        "quotes": [{"speaker": s, "starts_with": q} for s, q in quotes]}}


def accusation(accuser, accused, agreement=None, mode="claim", confidence=0.9):
    return Accusation(accuser, accused, agreement, "ceasefire_violation", "e", 0, 1, confidence, mode=mode)


def quote(speaker, text, kind="direct"):
    return Statement(kind, speaker, None, text, "said", 0, len(text))


def predict(relevant, accusations=(), statements=()):
    return Analysis(Relevance(relevant, relevant, float(relevant)), tuple(statements), tuple(accusations))


def run(pairs, rollup=lambda actor: actor):
    """Evaluate records against fixed predictions, handed out in order."""
    predictions = iter([p for _, p in pairs])
    return evaluate([r for r, _ in pairs], lambda title, text, outlet, date: next(predictions), rollup)


def test_counts_give_precision_recall_and_harmonic_f1():
    counts = Counts(tp=2, fp=1, fn=2)
    assert (counts.precision, counts.recall) == (pytest.approx(2 / 3), 0.5)
    assert counts.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))


def test_empty_counts_are_perfect_only_when_nothing_was_there_to_find():
    assert (Counts().precision, Counts().recall, Counts().f1) == (1.0, 1.0, 1.0)
    assert (Counts(fn=3).precision, Counts(fn=3).recall, Counts(fn=3).f1) == (0.0, 0.0, 0.0)
    assert (Counts(fp=2).precision, Counts(fp=2).recall) == (0.0, 0.0)


def test_relevance_is_scored_over_all_articles():
    report = run([(record("a", True), predict(True)), (record("b", False), predict(True)),
                  (record("c", True), predict(False)), (record("d", False), predict(False))])
    assert (report.relevance.tp, report.relevance.fp, report.relevance.fn) == (1, 1, 1)
    assert report.articles == 4


def test_accusations_in_gold_irrelevant_articles_are_not_scored():
    report = run([(record("a", False), predict(True, [accusation("russia", "turkey")]))])
    assert (report.accusations.tp, report.accusations.fp, report.accusations.fn) == (0, 0, 0)


def test_accusations_in_gold_relevant_articles_count_even_when_predicted_irrelevant():
    report = run([(record("a", True, [("russia", "turkey", None)]), predict(False))])
    assert report.accusations.fn == 1


def test_only_claim_and_counter_modes_count_as_predicted_accusations():
    gold = record("a", True, [("russia", "turkey", None), ("syria", "turkey", None)])
    predicted = predict(True, [accusation("russia", "turkey", mode="narrative"),
                               accusation("russia", "turkey", mode="hypothetical"),
                               accusation("turkey", "russia", mode="denial"),
                               accusation("syria", "turkey", mode="counter")])
    report = run([(gold, predicted)])
    assert (report.accusations.tp, report.accusations.fp, report.accusations.fn) == (1, 0, 1)


def test_accusation_pairs_match_after_rolling_up_both_sides():
    parents = {"russia_mfa": "russia", "hts": "armed_groups"}
    report = run([(record("a", True, [("russia", "armed_groups", None)]),
                   predict(True, [accusation("russia_mfa", "hts")]))], rollup=lambda a: parents.get(a, a))
    assert report.accusations.tp == 1


def test_a_reversed_pair_is_a_false_positive_and_a_false_negative():
    report = run([(record("a", True, [("russia", "turkey", None)]), predict(True, [accusation("turkey", "russia")]))])
    assert (report.accusations.tp, report.accusations.fp, report.accusations.fn) == (0, 1, 1)


def test_duplicate_predicted_accusations_count_once():
    predicted = predict(True, [accusation("russia", "turkey"), accusation("russia", "turkey"),
                               accusation("syria", "turkey"), accusation("syria", "turkey")])
    report = run([(record("a", True, [("russia", "turkey", None)]), predicted)])
    assert (report.accusations.tp, report.accusations.fp) == (1, 1)


def test_agreement_accuracy_is_judged_on_matched_pairs_by_the_most_confident_duplicate():
    gold = record("a", True, [("russia", "turkey", "moscow_2020"), ("syria", "turkey", "sochi_2018")])
    predicted = predict(True, [accusation("russia", "turkey", "sochi_2018", confidence=0.4),
                               accusation("russia", "turkey", "moscow_2020", confidence=0.8),
                               accusation("syria", "turkey", None),
                               accusation("iran", "turkey", "astana")])
    report = run([(gold, predicted)])
    assert (report.agreement.hits, report.agreement.total) == (1, 2)
    assert report.metrics()["agreement_accuracy"] == 0.5


def test_no_predictions_give_zero_precision_recall_and_unmeasured_accuracies():
    gold = record("a", True, [("syria", "turkey", None)], [("Faisal Mekdad", "Turkey has not implemented a single")])
    report = run([(gold, predict(False))])
    metrics = report.metrics()
    assert metrics["accusation_recall"] == metrics["accusation_precision"] == 0.0
    assert metrics["quote_f1"] == metrics["relevance_f1"] == 0.0
    assert metrics["agreement_accuracy"] is None and metrics["speaker_accuracy"] is None


def test_a_quote_matches_when_it_starts_with_or_contains_the_gold_start():
    gold = record("a", False, quotes=[("Sergei Lavrov", "This has not been done so far"),
                                      ("Sergei Lavrov", "the fight against the terrorists in Idlib")])
    predicted = predict(False, statements=[quote("Lavrov", "This has not been done so far, and HTS grew"),
                                           quote("Lavrov", "but the fight against the terrorists in Idlib will go on")])
    report = run([(gold, predicted)])
    assert (report.quotes.tp, report.quotes.fp, report.quotes.fn) == (2, 0, 0)


def test_curly_and_straight_quotes_and_apostrophes_are_the_same_character():
    gold = record("a", False, quotes=[("Hulusi Akar", "The regime\u2019s attacks are a \u201cclear\u201d violation")])
    predicted = predict(False, statements=[quote("Akar", 'The regime\'s attacks are a "clear" violation of the truce')])
    assert run([(gold, predicted)]).quotes.tp == 1
    assert normalise("\u2018It\u2019s  \n OK\u2019") == "'it's ok'"


def test_case_and_whitespace_do_not_affect_quote_matching():
    gold = record("a", False, quotes=[("Maria Zakharova", "Ankara is, nevertheless, delaying to")])
    predicted = predict(False, statements=[quote("Zakharova", "ANKARA is,\nnevertheless,   delaying to honor")])
    assert run([(gold, predicted)]).quotes.tp == 1


def test_each_gold_quote_is_matched_at_most_once_so_duplicates_are_false_positives():
    gold = record("a", False, quotes=[("Dmitry Peskov", "This is absolutely unacceptable")])
    predicted = predict(False, statements=[quote("Peskov", "This is absolutely unacceptable"),
                                           quote("Peskov", "This is absolutely unacceptable")])
    report = run([(gold, predicted)])
    assert (report.quotes.tp, report.quotes.fp, report.quotes.fn) == (1, 1, 0)
    assert report.speaker.total == 1


def test_quote_matching_finds_the_assignment_a_greedy_pass_would_miss():
    # The first prediction starts with one gold quote and contains another; the second fits only the first.
    predicted = ["we will respond firmly to any attack", "we will respond"]
    gold = ["we will respond", "any attack"]
    assert match_quotes(predicted, gold) == {0: 1, 1: 0}


def test_a_merged_prediction_covering_two_gold_quotes_matches_only_one():
    gold = record("a", False, quotes=[("Sergei Lavrov", "The Turkish side undertook to separate"),
                                      ("Sergei Lavrov", "This has not been done so far")])
    predicted = predict(False, statements=[quote("Lavrov", "The Turkish side undertook to separate. This has not been done so far")])
    report = run([(gold, predicted)])
    assert (report.quotes.tp, report.quotes.fn) == (1, 1)


def test_indirect_statements_are_not_scored_as_quotes():
    gold = record("a", False, quotes=[("Sergei Lavrov", "We will continue our efforts together")])
    predicted = predict(False, statements=[quote("Lavrov", "We will continue our efforts together", kind="indirect")])
    report = run([(gold, predicted)])
    assert (report.quotes.tp, report.quotes.fp, report.quotes.fn) == (0, 0, 1)


def test_quotes_are_scored_in_irrelevant_articles_too():
    report = run([(record("a", False, quotes=[("Nizar Mahrous", "We created the better chances")]),
                   predict(False, statements=[quote("Mahrous", "We created the better chances in the first half"),
                                              quote("Skocic", "Syria are a well-organised team")]))])
    assert (report.quotes.tp, report.quotes.fp) == (1, 1)


def test_speaker_accuracy_needs_the_gold_surname_ignoring_case_and_accents():
    gold = record("a", False, quotes=[("Recep Tayyip Erdogan", "Neither the Americans nor the Russians"),
                                      ("Maria Zakharova", "Nobody has cancelled the agreements"),
                                      ("Dmitry Peskov", "The Russian side has fully complied"),
                                      ("Sergei Shoigu", "The withdrawal of the Kurdish formations")])
    predicted = predict(False, statements=[quote("President ERDOĞAN", "Neither the Americans nor the Russians have"),
                                           quote("Zakharova", "Nobody has cancelled the agreements on Idlib"),
                                           quote("Dmitry", "The Russian side has fully complied with"),
                                           quote(None, "The withdrawal of the Kurdish formations and")])
    report = run([(gold, predicted)])
    assert (report.speaker.hits, report.speaker.total) == (2, 4)


def test_a_surname_without_its_arabic_article_still_names_the_speaker():
    assert surname_matches("Bashar al-Jaafari", "Jaafari") and surname_matches("Bashar al-Jaafari", "Bashar al-Jaafari")
    assert not surname_matches("Bashar al-Jaafari", "Bashar al-Assad") and not surname_matches("", "Jaafari")


def test_errors_are_listed_per_article_for_verbose_output():
    gold = record("a7", True, [("russia", "turkey", "moscow_2020")], [("Sergei Lavrov", "If our Turkish colleagues fail")])
    predicted = predict(True, [accusation("russia", "armed_groups")], [quote("Lavrov", "We have a good mechanism")])
    report = run([(gold, predicted), (record("ok", False), predict(False))])
    assert [errors.id for errors in report.errors] == ["a7"]
    errors = report.errors[0]
    assert errors.accusation_fp == ["russia -> armed_groups"] and errors.accusation_fn == ["russia -> turkey"]
    assert errors.quote_fp and errors.quote_fn and errors.relevance is None
    assert any(line.startswith("a7 accusation fn") for line in errors.lines())


def test_format_table_lists_every_metric_with_its_support():
    gold = record("a", True, [("russia", "turkey", None)], [("Sergei Lavrov", "We have a good mechanism")])
    table = format_table(run([(gold, predict(True, [accusation("russia", "turkey")]))]))
    for name in ("relevance", "accusations", "quotes", "agreement accuracy", "speaker accuracy"):
        assert name in table
    assert "n/a" in table  # no quote matched, so speaker accuracy has nothing to measure


def test_check_baseline_reports_floors_broken_unknown_names_and_unmeasured_metrics():
    report = run([(record("a", True, [("syria", "turkey", None)]), predict(True, [accusation("syria", "turkey")]))])
    assert check_baseline(report, {"accusation_f1": 1.0, "relevance_f1": 0.9}) == []
    failures = check_baseline(report, {"relevance_precision": 1.0, "quote_f1": 1.0, "speaker_accuracy": 0.5, "quote_f2": 0.1})
    assert failures == ["speaker_accuracy: nothing to measure (floor 0.500)", "quote_f2: unknown metric"]
    report = run([(record("a", True, [("syria", "turkey", None)]), predict(True))])
    assert check_baseline(report, {"accusation_recall": 0.5}) == ["accusation_recall: 0.000 < floor 0.500"]


def test_load_gold_reads_directories_sorted_jsonl_and_single_object_json_with_text_file(tmp_path):
    (tmp_path / "b.jsonl").write_text(json.dumps(record("b1", True)) + "\n\n" + json.dumps(record("b2", False)) + "\n")
    (tmp_path / "a.jsonl").write_text(json.dumps(record("a1", False)) + "\n")
    (tmp_path / "ignored.json").write_text("{}")
    (tmp_path / "body.txt").write_text("Breadcrumb\n\nBody text.\n\nBack to top button")
    single = tmp_path / "seed.gold.json"
    single.write_text(json.dumps({"id": "s", "text_file": "body.txt", "label": {"relevant": True}}))
    records = load_gold([tmp_path, single])
    assert [r["id"] for r in records] == ["a1", "b1", "b2", "s"]
    assert records[-1]["text"] == "Breadcrumb\n\nBody text.\n\nBack to top button"  # read as is, never cleaned
    assert [r["id"] for r in load_gold(str(tmp_path / "a.jsonl"))] == ["a1"]


def test_load_gold_names_the_file_and_line_of_a_broken_record(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record("a", True)) + "\n{not json\n")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2"):
        load_gold(path)
    path.write_text(json.dumps({"id": "x", "label": {}}) + "\n")
    with pytest.raises(ValueError, match="neither text nor text_file"):
        load_gold(path)


@pytest.mark.skipif(not SEED_DIR.exists(), reason="needs ../shared/seed beside the checkout")
def test_load_gold_reads_the_seed_annotation_with_its_text_file():
    (seed,) = load_gold(SEED_DIR / "idlib_turkey_commitments.gold.json")
    assert seed["text"].startswith("SyriaTurkeyWest Asia") and len(seed["label"]["quotes"]) == 4


def test_dev_gold_files_are_well_formed():
    records = load_gold(ROOT / "tests" / "data" / "dev")
    assert len({r["id"] for r in records}) == len(records)
    for r in records:
        label = r["label"]
        assert all(q["starts_with"] in r["text"] for q in label["quotes"]), r["id"]
        for a in label["accusations"]:
            # FORMAT.md: a party or truce outside the canonical lists is written other:<slug>
            assert all(p in CANONICAL or re.fullmatch(r"other:[a-z0-9_]+", p) for p in (a["accuser"], a["accused"])), r["id"]
            assert a["agreement"] in AGREEMENTS or re.fullmatch(r"other:[a-z0-9_]+", a["agreement"]), r["id"]
            assert a.get("evidence_starts_with", "") in r["text"], r["id"]


def gold_file(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record("a", True, [("russia", "turkey", None)])) + "\n")
    return path


def test_main_exits_1_when_a_baseline_floor_is_broken_and_0_otherwise(tmp_path, capsys):
    gold, baseline = gold_file(tmp_path), tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"relevance_f1": 0.9, "accusation_recall": 0.9}))
    assert main(["--gold", str(gold), "--baseline", str(baseline)], analyze=lambda t, x, o, d: predict(True)) == 1
    assert "accusation_recall" in capsys.readouterr().err
    found = predict(True, [accusation("russia", "turkey")])
    assert main(["--gold", str(gold), "--baseline", str(baseline)], analyze=lambda t, x, o, d: found) == 0
    assert main(["--gold", str(gold)], analyze=lambda t, x, o, d: predict(False)) == 0


def test_main_prints_metrics_and_errors_as_json(tmp_path, capsys):
    assert main(["--gold", str(gold_file(tmp_path)), "--json", "--verbose"], analyze=lambda t, x, o, d: predict(True)) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["articles"] == 1 and payload["metrics"]["relevance_f1"] == 1.0
    assert payload["errors"][0]["accusation_fn"] == ["russia -> turkey"]


def test_default_rollup_rolls_finer_actors_up_to_canonical_ids():
    rollup = default_rollup()
    assert rollup("maria_zakharova") == "russia" and rollup("russia") == "russia"
