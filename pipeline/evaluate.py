"""Evaluation on annotated articles (shared/eval/FORMAT.md): relevance, accusations, quotes, speakers."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.analyzer.gazetteer import fold
from pipeline.models import Analysis

ATTRIBUTED = ("claim", "counter")


@dataclass
class Counts:
    """True positives, false positives and false negatives of one metric."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """All metrics of one evaluation run, plus the errors behind them."""

    articles: int = 0
    relevance: Counts = field(default_factory=Counts)
    accusations: Counts = field(default_factory=Counts)
    quotes: Counts = field(default_factory=Counts)
    agreement_hits: int = 0
    agreement_total: int = 0
    speaker_hits: int = 0
    speaker_total: int = 0
    errors: list[str] = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        return {
            "relevance_precision": self.relevance.precision, "relevance_recall": self.relevance.recall,
            "relevance_f1": self.relevance.f1,
            "accusation_precision": self.accusations.precision, "accusation_recall": self.accusations.recall,
            "accusation_f1": self.accusations.f1,
            "agreement_accuracy": self.agreement_hits / self.agreement_total if self.agreement_total else 1.0,
            "quote_precision": self.quotes.precision, "quote_recall": self.quotes.recall, "quote_f1": self.quotes.f1,
            "speaker_accuracy": self.speaker_hits / self.speaker_total if self.speaker_total else 1.0,
        }


def normalise(text: str) -> str:
    """Lower case, one kind of quote and apostrophe, single spaces."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def load_gold(paths: Iterable[str | Path]) -> list[dict]:
    """Records from JSONL files, directories of *.jsonl, or single-object JSON files (like the seed)."""
    records = []
    for raw in paths:
        path = Path(raw)
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            content = file.read_text(encoding="utf-8")
            items = [json.loads(content)] if file.suffix == ".json" else [json.loads(l) for l in content.splitlines() if l.strip()]
            for item in items:
                if "text" not in item and "text_file" in item:
                    item["text"] = (file.parent / item["text_file"]).read_text(encoding="utf-8")
                records.append(item)
    return records


def evaluate(records: list[dict], analyze: Callable[[str | None, str], Analysis], rollup: Callable[[str], str]) -> Report:
    """Run the analyzer on every record and score it as FORMAT.md defines."""
    report = Report()
    for record in records:
        report.articles += 1
        label = record["label"]
        analysis = analyze(record.get("title"), record["text"])
        rid = record.get("id", "?")
        predicted, gold = analysis.relevance.relevant, bool(label.get("relevant"))
        if predicted and gold:
            report.relevance.tp += 1
        elif predicted:
            report.relevance.fp += 1
            report.errors.append(f"{rid} relevance FP (score {analysis.relevance.score})")
        elif gold:
            report.relevance.fn += 1
            report.errors.append(f"{rid} relevance FN (score {analysis.relevance.score})")
        if gold:
            _score_accusations(report, rid, label, analysis, rollup)
        _score_quotes(report, rid, label, analysis)
    return report


def _score_accusations(report: Report, rid: str, label: dict, analysis: Analysis, rollup) -> None:
    gold = {(a["accuser"], a["accused"]): a.get("agreement") for a in label.get("accusations", [])}
    predicted: dict[tuple[str, str], str | None] = {}
    for a in analysis.accusations:
        if a.mode in ATTRIBUTED:
            predicted.setdefault((rollup(a.accuser), rollup(a.accused)), a.agreement)
    for pair, agreement in predicted.items():
        if pair in gold:
            report.accusations.tp += 1
            report.agreement_total += 1
            report.agreement_hits += agreement == gold[pair]
            if agreement != gold[pair]:
                report.errors.append(f"{rid} agreement {pair}: predicted {agreement}, gold {gold[pair]}")
        else:
            report.accusations.fp += 1
            report.errors.append(f"{rid} accusation FP {pair}")
    for pair in gold.keys() - predicted.keys():
        report.accusations.fn += 1
        report.errors.append(f"{rid} accusation FN {pair}")


def _score_quotes(report: Report, rid: str, label: dict, analysis: Analysis) -> None:
    gold = [(normalise(q["starts_with"]), q.get("speaker") or "") for q in label.get("quotes", [])]
    used = set()
    for statement in (s for s in analysis.statements if s.kind == "direct"):
        text = normalise(statement.quote)
        match = next((i for i, (start, _) in enumerate(gold) if i not in used and (text.startswith(start) or start in text)), None)
        if match is None:
            report.quotes.fp += 1
            report.errors.append(f"{rid} quote FP: {statement.quote[:60]!r}")
            continue
        used.add(match)
        report.quotes.tp += 1
        report.speaker_total += 1
        surname = fold(gold[match][1].split()[-1]).lower() if gold[match][1] else ""
        if surname and surname in fold(statement.speaker or "").lower():
            report.speaker_hits += 1
        else:
            report.errors.append(f"{rid} speaker: predicted {statement.speaker!r}, gold {gold[match][1]!r}")
    for i, (start, _) in enumerate(gold):
        if i not in used:
            report.quotes.fn += 1
            report.errors.append(f"{rid} quote FN: {start[:60]!r}")


def format_table(report: Report) -> str:
    """A plain-text table of the metrics."""
    m = report.metrics()
    rows = [
        ("relevance", report.relevance, None),
        ("accusations", report.accusations, None),
        ("quotes", report.quotes, None),
    ]
    lines = [f"{report.articles} articles", f"{'metric':<14}{'precision':>10}{'recall':>10}{'F1':>10}{'support':>10}"]
    for name, counts, _ in rows:
        lines.append(f"{name:<14}{counts.precision:>10.3f}{counts.recall:>10.3f}{counts.f1:>10.3f}{counts.tp + counts.fn:>10}")
    lines.append(f"{'speaker acc.':<14}{m['speaker_accuracy']:>30.3f}{report.speaker_total:>10}")
    lines.append(f"{'agreement acc.':<14}{m['agreement_accuracy']:>30.3f}{report.agreement_total:>10}")
    return "\n".join(lines)


def check_baseline(report: Report, baseline: dict[str, float]) -> list[str]:
    """Metrics that fell below their floor in the baseline."""
    metrics = report.metrics()
    return [f"{k}: {metrics[k]:.3f} < floor {v:.3f}" for k, v in baseline.items() if k in metrics and metrics[k] + 1e-9 < v]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline eval", description=__doc__)
    parser.add_argument("--gold", action="append", required=True, help="JSONL file, directory of *.jsonl, or JSON file")
    parser.add_argument("--baseline", help="JSON of metric floors; exit 1 when one is broken")
    parser.add_argument("--verbose", action="store_true", help="list every error")
    parser.add_argument("--json", action="store_true", help="print metrics as JSON")
    args = parser.parse_args(argv)
    from pipeline.analyzer.core import analyze
    from pipeline.analyzer.gazetteer import gazetteer

    report = evaluate(load_gold(args.gold), lambda title, text: analyze(title, text, quotes_everywhere=True),
                      gazetteer().rollup)
    print(json.dumps(report.metrics(), indent=2, sort_keys=True) if args.json else format_table(report))
    if args.verbose:
        print("\n".join(report.errors))
    if args.baseline:
        failures = check_baseline(report, json.loads(Path(args.baseline).read_text()))
        for failure in failures:
            print(f"REGRESSION {failure}", file=sys.stderr)
        return 1 if failures else 0
    return 0
