"""Extraction quality: token-level precision, recall and F1 of stored bodies against reference bodies.

A page set is a directory of `NAME.html` files, each with `NAME.txt` holding the reference body
(the article's own text, no headline, captions, related links or boilerplate), as
shared/eval/FORMAT.md scores extraction.

    python -m pipeline eval-extraction --pages tests/data/extraction [--baseline FILE] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pipeline.extract import ExtractionError, decode_html, extract_article

TOKEN = re.compile(r"\w+", re.UNICODE)


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
    return PageScore(name, sum((got & want).values()), sum(got.values()), sum(want.values()), error)


def evaluate_pages(directory: Path) -> list[PageScore]:
    """Extract every NAME.html in the directory with the project's extractor and score it against NAME.txt."""
    scores = []
    for html_path in sorted(directory.glob("*.html")):
        reference = html_path.with_suffix(".txt").read_text(encoding="utf-8")
        try:
            body = extract_article(decode_html(html_path.read_bytes(), None), f"https://example.org/{html_path.name}").body_text
            error = None
        except ExtractionError as exc:
            body, error = "", str(exc)
        scores.append(score_page(html_path.stem, body, reference, error))
    return scores


def totals(scores: list[PageScore]) -> dict[str, float]:
    """Micro-averaged precision, recall and F1 over all pages (token counts summed), and the page count."""
    overall = PageScore("all", sum(s.overlap for s in scores), sum(s.predicted for s in scores),
                        sum(s.reference for s in scores))
    return {"extraction_precision": round(overall.precision, 4), "extraction_recall": round(overall.recall, 4),
            "extraction_f1": round(overall.f1, 4), "pages": len(scores)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline eval-extraction", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", required=True, help="directory of NAME.html + NAME.txt pairs")
    parser.add_argument("--baseline", help="JSON with floors for extraction_precision / _recall / _f1")
    parser.add_argument("--verbose", action="store_true", help="one line per page")
    args = parser.parse_args(argv)
    scores = evaluate_pages(Path(args.pages))
    if not scores:
        print(f"no *.html pages in {args.pages}", file=sys.stderr)
        return 2
    if args.verbose:
        for s in scores:
            note = f"  ({s.error})" if s.error else ""
            print(f"{s.name:<40} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}{note}")
    result = totals(scores)
    print(f"{result['pages']} pages  precision {result['extraction_precision']:.3f}  "
          f"recall {result['extraction_recall']:.3f}  F1 {result['extraction_f1']:.3f}")
    if args.baseline:
        floors = json.loads(Path(args.baseline).read_text())
        failed = [f"{k}: {result[k]:.3f} < floor {v:.3f}" for k, v in floors.items() if k in result and result[k] < v]
        for line in failed:
            print("below floor: " + line, file=sys.stderr)
        return 1 if failed else 0
    return 0
