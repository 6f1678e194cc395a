"""Actor resolution scored on real news: CAMEO source and target spans labelled with FORMAT.md's party ids.

ConfliBERT's CAMEO sentences (../shared/corpus/cameo) tag each event's source and target actors in real news of
many conflicts. The committed label files (tests/data/real/cameo_actors.jsonl, read; tests/data/heldout/
cameo_actors.jsonl, unread) give each span the canonical party it stands for (`russia`, `syria+russia` for
several), `other` for an actor outside the list or `none` for no actor; they hold ids and labels, never text.

Each span is read two ways, and each way is scored on canonical parties only:
- in context: the analyzer parses the sentence and resolves the span's head word and the words joined to it by
  "and" as it resolves an accuser or an accused (`referents.resolve_actors`);
- as a phrase: the gazetteer resolves the span's text alone, as it resolves a speaker's name.
A span is right when the canonical parties predicted equal the gold ones (`other` and `none` have none).
Party precision and recall count each party of each span; per-party figures follow.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.cameo import DEFAULT_DIR, CorpusMissing, Span, spans

ROOT = Path(__file__).resolve().parents[1]
READ_LABELS = ROOT / "tests" / "data" / "real" / "cameo_actors.jsonl"
HELDOUT_LABELS = ROOT / "tests" / "data" / "heldout" / "cameo_actors.jsonl"
WAYS = ("context", "phrase")


@dataclass
class Tally:
    """Span accuracy and party counts for one way of resolving."""

    right: int = 0
    judged: int = 0
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)

    def add(self, gold: frozenset[str], predicted: frozenset[str]) -> bool:
        ok = gold == predicted
        if gold or predicted:
            self.judged += 1
            self.right += ok
        self.tp.update(gold & predicted)
        self.fp.update(predicted - gold)
        self.fn.update(gold - predicted)
        return ok

    def metrics(self) -> dict:
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        return {"span_accuracy": _ratio(self.right, self.judged), "spans_judged": self.judged,
                **_prf(tp, fp, fn),
                "per_party": {party: _prf(self.tp[party], self.fp[party], self.fn[party])
                              for party in sorted(set(self.tp) | set(self.fp) | set(self.fn))}}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def _prf(tp: int, fp: int, fn: int) -> dict:
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = round(2 * p * r / (p + r), 3) if p and r else None
    return {"precision": p, "recall": r, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def gold_parties(label: str) -> frozenset[str]:
    """The canonical parties a label names (`other` and `none` name none)."""
    from pipeline.analyzer.gazetteer import CANONICAL

    return frozenset(part for part in label.split("+") if part in CANONICAL)


def read_labels(path: Path) -> dict[str, tuple[str, str]]:
    """{span id: (sentence hash, label)} from a label file."""
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            labels[row["id"]] = (row["sha"], row["gold"])
    return labels


def _canonical(actors) -> frozenset[str]:
    from pipeline.analyzer.gazetteer import CANONICAL, gazetteer

    g = gazetteer()
    return frozenset(party for party in (g.rollup(a) for a in actors if a) if party in CANONICAL)


def resolve_span(doc, span: Span) -> dict[str, frozenset[str]]:
    """The canonical parties a span names, in context and as a phrase."""
    from pipeline.analyzer.gazetteer import gazetteer
    from pipeline.analyzer.referents import resolve_actors

    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    heads = [words.root, *(c for c in words.root.conjuncts if span.start <= c.idx < span.end)] if words is not None else []
    in_context = [actor for head in heads for actor in resolve_actors(head, set())]
    return {"context": _canonical(in_context), "phrase": _canonical([gazetteer().resolve(span.text)])}


def evaluate(root: Path, labels: dict[str, tuple[str, str]], keep_errors: bool = False) -> tuple[dict, list[str]]:
    """Score every labelled span whose sentence is unchanged; errors listed when asked."""
    from pipeline.analyzer.model import load_nlp

    nlp = load_nlp()
    tallies, errors, stale = {way: Tally() for way in WAYS}, [], 0
    wanted = [s for split in sorted({key.split(":")[0] for key in labels}) for s in spans(root, split) if s.id in labels]
    docs = {}
    for span in wanted:
        sha, label = labels[span.id]
        if sha != span.sha:
            stale += 1
            continue
        if span.sentence not in docs:
            docs[span.sentence] = nlp(span.sentence)
        gold, found = gold_parties(label), resolve_span(docs[span.sentence], span)
        for way in WAYS:
            if not tallies[way].add(gold, found[way]) and keep_errors:
                errors.append(f"{span.id} [{way}] gold {label} got {'+'.join(sorted(found[way])) or '-'}: "
                              f"«{span.text}» in: {span.sentence}")
    metrics: dict = {way: tallies[way].metrics() for way in WAYS}
    metrics["spans"] = len(wanted) - stale
    metrics["stale"] = stale + len(labels) - len(wanted)
    return metrics, errors


def format_report(name: str, metrics: dict) -> str:
    lines = [f"CAMEO actor spans ({name}): {metrics['spans']} labelled spans"
             + (f", {metrics['stale']} stale labels skipped" if metrics["stale"] else "")]
    for way in WAYS:
        m = metrics[way]
        lines.append(f"  {way:8} span accuracy {m['span_accuracy']} ({m['spans_judged']} spans with a party)  "
                     f"parties P {m['precision']} R {m['recall']} F1 {m['f1']}")
    lines.append("  per party, in context (P / R, gold count):")
    for party, m in metrics["context"]["per_party"].items():
        lines.append(f"    {party:14} {m['precision']} / {m['recall']}  ({m['tp'] + m['fn']})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """`python -m pipeline eval-actors`: print the figures; exit 2 when the corpus or labels are missing."""
    parser = argparse.ArgumentParser(prog="python -m pipeline eval-actors", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cameo", default=str(DEFAULT_DIR), metavar="DIR", help="CAMEO folder (default: %(default)s)")
    parser.add_argument("--labels", default=str(READ_LABELS), metavar="FILE", help="label file (default: %(default)s)")
    parser.add_argument("--heldout", action="store_true", help=f"score the unread labels ({HELDOUT_LABELS.name})")
    parser.add_argument("--verbose", action="store_true", help="list the errors (refused on the unread labels)")
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    args = parser.parse_args(argv)
    path = HELDOUT_LABELS if args.heldout else Path(args.labels)
    if args.verbose and path.resolve() == HELDOUT_LABELS.resolve():
        print("eval-actors: errors are never listed for the unread labels (measure them, do not read them)", file=sys.stderr)
        return 2
    if not Path(args.cameo).is_dir() or not path.is_file():
        print(f"eval-actors: {args.cameo} or {path} is missing, nothing to measure", file=sys.stderr)
        return 2
    began = time.monotonic()
    try:
        metrics, errors = evaluate(Path(args.cameo), read_labels(path), keep_errors=args.verbose)
    except CorpusMissing as exc:
        print(f"eval-actors: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(metrics, indent=2, sort_keys=True))
    else:
        print(format_report(path.name, metrics))
        print(f"({time.monotonic() - began:.1f} s)")
    if args.verbose:
        print("\n".join(errors))
    return 0
