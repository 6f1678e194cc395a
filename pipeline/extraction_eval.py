"""Extraction quality: token-level precision, recall and F1 of stored bodies against reference bodies.

A page set is a directory of `NAME.html` files, each with `NAME.txt` holding the reference body
(the article's own text, no headline, captions, related links or boilerplate), as
shared/eval/FORMAT.md scores extraction.

    python -m pipeline eval-extraction --pages DIR [--baseline FILE] [--part dev|heldout|all]
                                       [--compare] [--verbose]

--compare scores trafilatura alone on the same pages in the same run (default, favor_precision and
favor_recall settings; reader comments off in all three, as the project never stores them), prints
each extractor's time per page, lists the pages where a trafilatura setting finds an article
(MIN_BODY_CHARS or more) but the project's extractor finds none, and fails when the project's F1 is
below trafilatura's best setting by more than COMPARE_MARGIN or when there is such a page.

--part splits a page set deterministically (PART_RULE): tune on `dev`, measure `heldout` once.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura

from pipeline.extract import _CONFIG, MIN_BODY_CHARS, ExtractionError, decode_html, extract_article

TOKEN = re.compile(r"\w+", re.UNICODE)
PROJECT = "project"
# Trafilatura on its own, as `trafilatura.extract` with its defaults apart from reader comments (off:
# they are never article text; with them on trafilatura scores lower on the real pages).
TRAFILATURA_SETTINGS: dict[str, dict[str, bool]] = {
    "trafilatura default": {},
    "trafilatura favor_precision": {"favor_precision": True},
    "trafilatura favor_recall": {"favor_recall": True},
}
COMPARE_MARGIN = 0.002  # F1 noise allowed below trafilatura's best setting
PART_RULE = ("a page's key is its file name when that is a SHA-256 hex digest (as in shared/corpus/extraction), "
             "else the SHA-256 of the file name's stem; keys starting 0-9 or a are dev, b-f held-out")
HEX_DIGEST = re.compile(r"[0-9a-f]{64}")


def tokens(text: str) -> Counter[str]:
    """Lower-cased word tokens with their counts (a bag: order is not scored, repetition is)."""
    return Counter(t.lower() for t in TOKEN.findall(text))


@dataclass(frozen=True)
class PageScore:
    """Token overlap of one page's extracted body with its reference."""

    name: str
    overlap: int
    predicted: int
    reference: int
    error: str | None = None
    chars: int = 0  # length of the extracted body

    @property
    def precision(self) -> float:
        return self.overlap / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.overlap / self.reference if self.reference else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_page(name: str, extracted: str, reference: str, error: str | None = None) -> PageScore:
    """Token-level overlap between an extracted body and the reference body."""
    got, want = tokens(extracted), tokens(reference)
    return PageScore(name, sum((got & want).values()), sum(got.values()), sum(want.values()), error,
                     len(extracted.strip()))


def page_part(name: str) -> str:
    """`dev` or `heldout` for a page file name, by PART_RULE (stable across machines and runs)."""
    stem = Path(name).stem.lower()
    key = stem if HEX_DIGEST.fullmatch(stem) else hashlib.sha256(stem.encode("utf-8")).hexdigest()
    return "dev" if key[0] in "0123456789a" else "heldout"


def project_body(html: str, url: str) -> str:
    """The project's stored body (raises ExtractionError when it stores none)."""
    return extract_article(html, url).body_text


def trafilatura_extractor(**settings: Any) -> Callable[[str, str], str]:
    """Trafilatura's own plain-text body with the given settings, comments off."""
    def extract(html: str, url: str) -> str:
        return trafilatura.extract(html, url=url, include_comments=False, config=_CONFIG, **settings) or ""
    return extract


EXTRACTORS: dict[str, Callable[[str, str], str]] = {
    PROJECT: project_body,
    **{name: trafilatura_extractor(**settings) for name, settings in TRAFILATURA_SETTINGS.items()},
}


@dataclass
class Run:
    """One extractor's scores over a page set and the time it took."""

    name: str
    scores: list[PageScore]
    seconds: float

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.seconds / len(self.scores) if self.scores else 0.0

    def extracted(self, score: PageScore) -> bool:
        return score.error is None and score.predicted > 0


def page_paths(directory: Path, part: str = "all") -> list[Path]:
    """The NAME.html pages of a directory, all of them or one part (PART_RULE)."""
    pages = sorted(directory.glob("*.html"))
    return pages if part == "all" else [p for p in pages if page_part(p.name) == part]


def evaluate_extractors(directory: Path, names: Iterable[str] = (PROJECT,), part: str = "all") -> dict[str, Run]:
    """Score each named extractor (EXTRACTORS) on the pages, interleaved page by page so the time per page
    of each is measured under the same machine load."""
    runs = {name: Run(name, [], 0.0) for name in names}
    paths = page_paths(directory, part)
    if paths:  # one untimed call each first: trafilatura's lazy set-up would be charged to the first extractor
        warm_up = decode_html(paths[0].read_bytes(), None)
        for name in names:
            try:
                EXTRACTORS[name](warm_up, "https://example.org/")
            except ExtractionError:
                pass
    for html_path in paths:
        reference = html_path.with_suffix(".txt").read_text(encoding="utf-8")
        html = decode_html(html_path.read_bytes(), None)
        url = f"https://example.org/{html_path.name}"
        for name, run in runs.items():
            started = time.perf_counter()
            try:
                body, error = EXTRACTORS[name](html, url), None
            except ExtractionError as exc:
                body, error = "", str(exc)
            run.seconds += time.perf_counter() - started
            if not body and error is None:
                error = "no body"
            run.scores.append(score_page(html_path.stem, body, reference, error))
    return runs


def evaluate_pages(directory: Path, part: str = "all") -> list[PageScore]:
    """Extract every NAME.html in the directory with the project's extractor and score it against NAME.txt."""
    return evaluate_extractors(directory, (PROJECT,), part)[PROJECT].scores


def totals(scores: list[PageScore]) -> dict[str, float]:
    """Micro-averaged precision, recall and F1 over all pages (token counts summed), and the page count."""
    overall = PageScore("all", sum(s.overlap for s in scores), sum(s.predicted for s in scores),
                        sum(s.reference for s in scores))
    return {"extraction_precision": round(overall.precision, 4), "extraction_recall": round(overall.recall, 4),
            "extraction_f1": round(overall.f1, 4), "pages": len(scores)}


def missed_pages(runs: dict[str, Run]) -> list[tuple[str, str]]:
    """(page, trafilatura setting) where that setting found an article (MIN_BODY_CHARS or more characters of
    text; the project refuses shorter bodies as stubs) and the project's extractor stored no body."""
    ours = runs[PROJECT].scores
    missed = []
    for i, score in enumerate(ours):
        if runs[PROJECT].extracted(score):
            continue
        for name, run in runs.items():
            if name != PROJECT and run.scores[i].error is None and run.scores[i].chars >= MIN_BODY_CHARS:
                missed.append((score.name, name))
                break
    return missed


def best_trafilatura(runs: dict[str, Run]) -> tuple[str, dict[str, float]] | None:
    """The trafilatura setting with the highest F1 among the runs, and its totals."""
    rows = [(name, totals(run.scores)) for name, run in runs.items() if name != PROJECT]
    return max(rows, key=lambda row: row[1]["extraction_f1"]) if rows else None


def compare_failures(runs: dict[str, Run], margin: float = COMPARE_MARGIN) -> list[str]:
    """Why the project's extractor is worse than trafilatura alone on these pages (empty when it is not)."""
    failures = []
    best = best_trafilatura(runs)
    ours = totals(runs[PROJECT].scores)
    if best and ours["extraction_f1"] < best[1]["extraction_f1"] - margin:
        failures.append(f"F1 {ours['extraction_f1']:.4f} < {best[0]} {best[1]['extraction_f1']:.4f} - {margin}")
    failures += [f"{page}: {setting} finds an article, the project's extractor none" for page, setting in
                 missed_pages(runs)]
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline eval-extraction", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", required=True, help="directory of NAME.html + NAME.txt pairs")
    parser.add_argument("--baseline", help="JSON with floors for extraction_precision / _recall / _f1")
    parser.add_argument("--part", choices=("all", "dev", "heldout"), default="all",
                        help="score one part of the pages only: " + PART_RULE)
    parser.add_argument("--compare", action="store_true",
                        help="also score trafilatura alone (default, favor_precision, favor_recall) in the same run")
    parser.add_argument("--verbose", action="store_true", help="one line per page")
    args = parser.parse_args(argv)
    names = (PROJECT, *TRAFILATURA_SETTINGS) if args.compare else (PROJECT,)
    runs = evaluate_extractors(Path(args.pages), names, args.part)
    scores = runs[PROJECT].scores
    if not scores:
        print(f"no *.html pages in {args.pages}" + (f" (part {args.part})" if args.part != "all" else ""),
              file=sys.stderr)
        return 2
    if args.verbose:
        for i, s in enumerate(scores):
            note = f"  ({s.error})" if s.error else ""
            others = "".join(f"  | {name.split()[-1]} F1 {run.scores[i].f1:.3f}" for name, run in runs.items()
                             if name != PROJECT)
            print(f"{s.name:<40} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}{others}{note}")
    result = totals(scores)
    part = "" if args.part == "all" else f" ({args.part})"
    print(f"{result['pages']} pages{part}  precision {result['extraction_precision']:.3f}  "
          f"recall {result['extraction_recall']:.3f}  F1 {result['extraction_f1']:.3f}")
    failed = []
    if args.compare:
        for name, run in runs.items():
            row = totals(run.scores)
            empty = sum(not run.extracted(s) for s in run.scores)
            print(f"  {name:<29} P {row['extraction_precision']:.4f}  R {row['extraction_recall']:.4f}  "
                  f"F1 {row['extraction_f1']:.4f}  empty {empty:>3}  {run.ms_per_page:6.1f} ms/page")
        for page, setting in missed_pages(runs):
            print(f"  empty here, extracted by {setting}: {page}")
        failed += compare_failures(runs)
    if args.baseline:
        floors = json.loads(Path(args.baseline).read_text())
        failed += [f"{k}: {result[k]:.3f} < floor {v:.3f}" for k, v in floors.items()
                   if k in result and isinstance(v, (int, float)) and result[k] < v]
    for line in failed:
        print("below floor: " + line, file=sys.stderr)
    return 1 if failed else 0
