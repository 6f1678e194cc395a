"""The extraction gate on real article pages (shared/corpus/extraction, 161 pages with reference bodies).

The project's extractor must be at least as good as trafilatura alone, measured on the same pages in the
same run (its best of the default, favor_precision and favor_recall settings, less COMPARE_MARGIN for
noise), must store a body for every page where trafilatura finds an article, and must stay above the
committed floors (tests/data/extraction_real_baseline.json). The pages are not part of the repository:
the tests skip when ../shared is absent (CI clones).
"""

import json

import pytest

from pipeline.extraction_eval import (PROJECT, TRAFILATURA_SETTINGS, compare_failures, evaluate_extractors,
                                      missed_pages, totals)
from tests.conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus" / "extraction"
BASELINE = ROOT / "tests" / "data" / "extraction_real_baseline.json"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"{CORPUS} is absent (real pages are not in the repo)")


@pytest.fixture(scope="module")
def runs():
    # four extractors over 161 pages: about 15 s on one core
    return evaluate_extractors(CORPUS, (PROJECT, *TRAFILATURA_SETTINGS))


def test_the_project_extractor_is_at_least_as_good_as_trafilatura_alone(runs):
    ours = totals(runs[PROJECT].scores)
    theirs = {name: totals(run.scores)["extraction_f1"] for name, run in runs.items() if name != PROJECT}
    assert [f for f in compare_failures(runs) if f.startswith("F1")] == [], (ours, theirs)


def test_no_page_trafilatura_extracts_comes_out_empty(runs):
    assert missed_pages(runs) == []


def test_real_pages_stay_above_the_committed_floors(runs):
    result = totals(runs[PROJECT].scores)
    floors = json.loads(BASELINE.read_text())
    assert {k: result[k] for k, v in floors.items() if isinstance(v, (int, float)) and result[k] < v} == {}
