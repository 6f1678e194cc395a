"""Score the analyzer on annotated articles as shared/eval/FORMAT.md defines: relevance, accusations, quotes."""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pipeline.models import Accusation, Analysis

Analyze = Callable[[str | None, str, str | None, str | None], Analysis]  # (title, text, outlet, date)
Rollup = Callable[[str], str]

# Narrative, hypothetical and denial readings are not anybody's claim, so FORMAT.md does not count them.
COUNTED_MODES = frozenset({"claim", "counter"})
QUOTE_CHARS = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'", "`": "'",
                             "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})


@dataclass
class Counts:
    """True positives, false positives and false negatives of one metric."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        # Nothing predicted is perfect only when there was nothing to find.
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else float(self.fp == 0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    """Hits over the number of items judged."""

    hits: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None


@dataclass
class ArticleErrors:
    """What the analyzer got wrong in one article."""

    id: str
    relevance: str | None = None  # 'FP' | 'FN'
    accusation_fp: list[str] = field(default_factory=list)
    accusation_fn: list[str] = field(default_factory=list)
    agreement: list[str] = field(default_factory=list)
    quote_fp: list[str] = field(default_factory=list)
    quote_fn: list[str] = field(default_factory=list)
    speaker: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any(value for key, value in asdict(self).items() if key != "id")

    def lines(self) -> list[str]:
        """One line per error, prefixed with the article id."""
        out = [f"{self.id} relevance {self.relevance}"] if self.relevance else []
        for kind in ("accusation_fp", "accusation_fn", "agreement", "quote_fp", "quote_fn", "speaker"):
            out += [f"{self.id} {kind.replace('_', ' ')}: {item}" for item in getattr(self, kind)]
        return out


@dataclass
class Report:
    """All metrics of one evaluation run and the per-article errors behind them."""

    articles: int = 0
    relevance: Counts = field(default_factory=Counts)
    accusations: Counts = field(default_factory=Counts)
    quotes: Counts = field(default_factory=Counts)
    agreement: Accuracy = field(default_factory=Accuracy)
    speaker: Accuracy = field(default_factory=Accuracy)
    errors: list[ArticleErrors] = field(default_factory=list)

    def metrics(self) -> dict[str, float | None]:
        """Flat metric names as a baseline file uses them."""
        out: dict[str, float | None] = {}
        for name, counts in (("relevance", self.relevance), ("accusation", self.accusations), ("quote", self.quotes)):
            out.update({f"{name}_precision": counts.precision, f"{name}_recall": counts.recall, f"{name}_f1": counts.f1})
        out["agreement_accuracy"] = self.agreement.value
        out["speaker_accuracy"] = self.speaker.value
        return out


def normalise(text: str) -> str:
    """Lower case, one kind of quote mark and apostrophe, single spaces."""
    return re.sub(r"\s+", " ", text.translate(QUOTE_CHARS)).strip().lower()


def surname_matches(gold_speaker: str | None, predicted_speaker: str | None) -> bool:
    """True when the predicted speaker contains the gold speaker's last token, ignoring case and accents."""
    tokens = _fold(gold_speaker or "").split()
    # "Jaafari" names Bashar al-Jaafari: outlets drop the Arabic article as often as they keep it.
    surname = re.sub(r"^(?:al|el)-(?=\w)", "", tokens[-1]) if tokens else ""
    return bool(surname) and surname in _fold(predicted_speaker or "")


def _fold(text: str) -> str:
    # "Erdoğan" and "Erdogan" name the same person; outlets differ in whether they keep the accents.
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def default_rollup() -> Rollup:
    """The project's actor roll-up (gazetteer parents up to the canonical ids)."""
    from pipeline.analyzer.gazetteer import gazetteer  # lazy: the metric code stays importable on its own

    return gazetteer().rollup


def load_gold(paths: str | Path | Iterable[str | Path]) -> list[dict]:
    """Records from JSONL files, directories of *.jsonl (sorted), or JSON files holding one object (like the seed)."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    records: list[dict] = []
    for raw in paths:
        path = Path(raw)
        for file in sorted(path.glob("*.jsonl")) if path.is_dir() else [path]:
            records.extend(_with_text(item, file) for item in _read_objects(file))
    return records


def _read_objects(file: Path) -> list[dict]:
    content = file.read_text(encoding="utf-8")
    if file.suffix != ".jsonl":
        loaded = json.loads(content)
        return loaded if isinstance(loaded, list) else [loaded]
    items = []
    for number, line in enumerate(content.splitlines(), 1):
        if line.strip():
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{file}:{number}: {exc}") from exc
    return items


CORPUS_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "news"
_corpora: dict[str, dict[str, dict]] = {}


class CorpusMissing(Exception):
    """A gold record names a corpus (source + id) whose folder is not beside the repository."""


def corpus_article(source: str, article_id: str) -> dict:
    """One article of ../shared/corpus/news/<source>.jsonl (texts stay there; only labels are committed)."""
    if source not in _corpora:
        file = CORPUS_DIR / f"{source}.jsonl"
        if not CORPUS_DIR.is_dir():
            raise CorpusMissing(f"corpus folder {CORPUS_DIR} is missing (needed for records with a 'source')")
        if not file.is_file():
            raise CorpusMissing(f"corpus file {file} is missing")
        _corpora[source] = {r["id"]: r for r in _read_objects(file)}
    try:
        return _corpora[source][article_id]
    except KeyError:
        raise ValueError(f"{source}: no article {article_id!r} in {CORPUS_DIR}") from None


def _from_corpus(item: dict) -> dict:
    """Title, outlet, date and text from the corpus; quote starts (first 6 tokens) from the quote's offsets."""
    article = corpus_article(item["source"], str(item["id"]))
    text = article["text"]
    label = dict(item["label"])
    label["quotes"] = [q if "starts_with" in q else {**q, "starts_with": " ".join(text[q["start"]:q["end"]].split()[:6])}
                       for q in label.get("quotes") or []]
    filled = {key: article.get(key) for key in ("title", "outlet", "date")}
    return {**filled, **{k: v for k, v in item.items() if v is not None}, "label": label, "text": text}


def _with_text(item: dict, file: Path) -> dict:
    if "label" not in item:
        raise ValueError(f"{file}: record {item.get('id')!r} has no label")
    if "text" in item:
        return item
    if "source" in item:
        return _from_corpus(item)
    if "text_file" in item:
        return {**item, "text": (file.parent / item["text_file"]).read_text(encoding="utf-8")}
    raise ValueError(f"{file}: record {item.get('id')!r} has neither text nor text_file")


def evaluate(records: Iterable[dict], analyze: Analyze, rollup: Rollup | None = None) -> Report:
    """Run analyze(title, text, outlet, date) on every record and score it against the record's label."""
    rollup = rollup or default_rollup()
    report = Report()
    for record in records:
        label = record["label"]
        analysis = analyze(record.get("title"), record["text"], record.get("outlet"), record.get("date"))
        errors = ArticleErrors(str(record.get("id", report.articles)))
        report.articles += 1
        gold_relevant = bool(label.get("relevant"))
        _score_relevance(report.relevance, errors, analysis.relevance.relevant, gold_relevant)
        if gold_relevant:
            _score_accusations(report, errors, label.get("accusations") or [], analysis.accusations, rollup)
        _score_quotes(report, errors, label.get("quotes") or [], analysis)
        if errors:
            report.errors.append(errors)
    return report


def _score_relevance(counts: Counts, errors: ArticleErrors, predicted: bool, gold: bool) -> None:
    if predicted and gold:
        counts.tp += 1
    elif predicted:
        counts.fp += 1
        errors.relevance = "FP"
    elif gold:
        counts.fn += 1
        errors.relevance = "FN"


def _score_accusations(report: Report, errors: ArticleErrors, gold_items: list[dict],
                       predicted_items: tuple[Accusation, ...], rollup: Rollup) -> None:
    gold: dict[tuple[str, str], str | None] = {}
    for item in gold_items:
        gold.setdefault((rollup(item["accuser"]), rollup(item["accused"])), item.get("agreement"))
    predicted: dict[tuple[str, str], Accusation] = {}
    for accusation in predicted_items:
        if accusation.mode not in COUNTED_MODES:
            continue
        pair = (rollup(accusation.accuser), rollup(accusation.accused))
        # Duplicates of one pair count once; the most confident one speaks for the agreement.
        if pair not in predicted or accusation.confidence > predicted[pair].confidence:
            predicted[pair] = accusation
    for pair, accusation in predicted.items():
        if pair not in gold:
            report.accusations.fp += 1
            errors.accusation_fp.append(f"{pair[0]} -> {pair[1]}")
            continue
        report.accusations.tp += 1
        report.agreement.total += 1
        if accusation.agreement == gold[pair]:
            report.agreement.hits += 1
        else:
            errors.agreement.append(f"{pair[0]} -> {pair[1]}: predicted {accusation.agreement}, gold {gold[pair]}")
    for pair in sorted(gold.keys() - predicted.keys()):
        report.accusations.fn += 1
        errors.accusation_fn.append(f"{pair[0]} -> {pair[1]}")


def _score_quotes(report: Report, errors: ArticleErrors, gold_items: list[dict], analysis: Analysis) -> None:
    direct = [s for s in analysis.statements if s.kind == "direct"]
    gold = [normalise(item["starts_with"]) for item in gold_items]
    pairs = match_quotes([normalise(s.quote) for s in direct], gold)
    for p, statement in enumerate(direct):
        if p not in pairs:
            report.quotes.fp += 1
            errors.quote_fp.append(repr(statement.quote[:70]))
            continue
        report.quotes.tp += 1
        report.speaker.total += 1
        speaker = gold_items[pairs[p]].get("speaker")
        if surname_matches(speaker, statement.speaker):
            report.speaker.hits += 1
        else:
            errors.speaker.append(f"{gold_items[pairs[p]]['starts_with']!r}: predicted {statement.speaker!r}, gold {speaker!r}")
    matched = set(pairs.values())
    for g, item in enumerate(gold_items):
        if g not in matched:
            report.quotes.fn += 1
            errors.quote_fn.append(repr(item["starts_with"]))


def match_quotes(predicted: list[str], gold: list[str]) -> dict[int, int]:
    """Predicted index -> gold index: as many matches as possible, each gold quote used at most once.

    A normalised prediction can match a gold start it begins with or contains; a greedy pass could
    let one prediction take the only gold quote another prediction fits, so augmenting paths are used.
    """
    options = [sorted((g for g, start in enumerate(gold) if start and start in text),
                      key=lambda g, text=text: not text.startswith(gold[g])) for text in predicted]  # type: ignore[misc]
    owner: dict[int, int] = {}

    def assign(p: int, seen: set[int]) -> bool:
        for g in options[p]:
            if g not in seen:
                seen.add(g)
                if g not in owner or assign(owner[g], seen):
                    owner[g] = p
                    return True
        return False

    for p in range(len(predicted)):
        assign(p, set())
    return {p: g for g, p in owner.items()}


def format_table(report: Report) -> str:
    """A plain-text table: metric, precision, recall, F1 or accuracy, support."""
    lines = [f"{report.articles} articles", f"{'metric':<20}{'precision':>10}{'recall':>10}{'F1/acc':>10}{'support':>10}"]
    for name, counts in (("relevance", report.relevance), ("accusations", report.accusations), ("quotes", report.quotes)):
        lines.append(f"{name:<20}{counts.precision:>10.3f}{counts.recall:>10.3f}{counts.f1:>10.3f}{counts.tp + counts.fn:>10}")
    for name, accuracy in (("agreement accuracy", report.agreement), ("speaker accuracy", report.speaker)):
        value = "n/a" if accuracy.value is None else f"{accuracy.value:.3f}"
        lines.append(f"{name:<20}{'':>20}{value:>10}{accuracy.total:>10}")
    return "\n".join(lines)


def check_baseline(report: Report, baseline: dict[str, float]) -> list[str]:
    """One message per metric below its floor (or unknown, or with nothing to measure)."""
    metrics = report.metrics()
    failures = []
    for name, floor in baseline.items():
        value = metrics.get(name)
        if name not in metrics:
            failures.append(f"{name}: unknown metric")
        elif value is None:
            failures.append(f"{name}: nothing to measure (floor {floor:.3f})")
        elif value < floor - 1e-9:
            failures.append(f"{name}: {value:.3f} < floor {floor:.3f}")
    return failures


def _project_analyzer() -> Analyze:
    from pipeline.analyzer.core import analyze  # lazy: loading spaCy is slow

    # FORMAT.md scores quotes in every article, so irrelevant ones are parsed for statements too.
    def project(title: str | None, text: str, outlet: str | None, date: str | None) -> Analysis:
        return analyze(title, text, quotes_everywhere=True, outlet=outlet, date=date)

    return project


def main(argv: list[str] | None = None, analyze: Analyze | None = None) -> int:
    """`python -m pipeline eval`: print the metrics; exit 1 when a --baseline floor is broken."""
    parser = argparse.ArgumentParser(prog="python -m pipeline eval", description=__doc__)
    parser.add_argument("--gold", action="append", required=True, metavar="FILE",
                        help="JSONL file, directory of *.jsonl, or JSON file with one record (repeatable)")
    parser.add_argument("--baseline", metavar="FILE", help="JSON of metric floors")
    parser.add_argument("--verbose", action="store_true", help="list every false positive and false negative")
    parser.add_argument("--json", action="store_true", help="print metrics (and errors with --verbose) as JSON")
    parser.add_argument("--cv", action="store_true",
                        help="also: grouped cross-validation by outlet of the learned accusation decision on these "
                             "labels (pool: the training labels plus these), per-generator and per-breach-type P/R")
    args = parser.parse_args(argv)
    try:
        records = load_gold(args.gold)
    except CorpusMissing as exc:
        print(f"eval: {exc}", file=sys.stderr)
        return 2
    report = evaluate(records, analyze or _project_analyzer())
    if args.json:
        payload: dict = {"articles": report.articles, "metrics": report.metrics()}
        if args.verbose:
            payload["errors"] = [asdict(errors) for errors in report.errors]
        print(json.dumps(payload, indent=2, sort_keys=True))
    else:
        print(format_table(report))
        if args.verbose:
            print("\n".join(line for errors in report.errors for line in errors.lines()))
    if args.cv:
        from pipeline.analyzer.training import report as cv_report

        print(cv_report(args.gold))
    failures = check_baseline(report, json.loads(Path(args.baseline).read_text())) if args.baseline else []
    for failure in failures:
        print(f"below floor: {failure}", file=sys.stderr)
    return 1 if failures else 0
