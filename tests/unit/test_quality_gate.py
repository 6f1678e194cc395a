"""The quality gate: the analyzer on the annotated dev set must not fall below the committed floors."""

import json

import pytest

from pipeline.analyzer.core import analyze
from pipeline.analyzer.gazetteer import gazetteer
from pipeline.evaluation import check_baseline, evaluate, load_gold
from tests.conftest import ROOT

# The files the floors were measured on: a new annotated file joins the gate with a re-measured baseline.
DEV_FILES = ROOT / "tests" / "data" / "dev"  # every *.jsonl in it
BASELINE = ROOT / "tests" / "data" / "quality_baseline.json"


@pytest.fixture(scope="module")
def report():
    records = load_gold(DEV_FILES)
    assert len(records) >= 200
    return evaluate(records, lambda t, x, o, d: analyze(t, x, quotes_everywhere=True, outlet=o, date=d), gazetteer().rollup)


def test_dev_set_metrics_stay_above_the_committed_floors(report):
    assert check_baseline(report, json.loads(BASELINE.read_text())) == []


def test_the_gate_fails_when_a_floor_is_raised_above_the_measured_value(report):
    impossible = {"quote_f1": report.metrics()["quote_f1"] + 0.01}
    assert check_baseline(report, impossible)


def test_extraction_on_outlet_templates_stays_above_its_floors():
    from pipeline.extraction_eval import evaluate_pages, totals

    result = totals(evaluate_pages(ROOT / "tests" / "data" / "extraction"))
    floors = json.loads((ROOT / "tests" / "data" / "extraction_baseline.json").read_text())
    assert result["pages"] >= 16
    assert {k: result[k] for k in floors if result[k] < floors[k]} == {}
