"""Direct quotes and their speakers scored on PolNeAR (real US political news, every attribution annotated).

PolNeAR (../shared/corpus/polnear, BRAT standoff) marks each attribution as a source, a cue and a
content span. This command runs the project's own quote and speaker extraction (the statements the
analyzer stores, kind 'direct') on its articles and scores them as follows.

- Gold direct quote: a passage inside quotation marks (curly or straight; a quote left open at the
  end of a paragraph runs on when the next paragraph opens with a quotation mark) of at least
  MIN_WORDS words, at least half of whose characters lie in the content span of one PolNeAR
  attribution. Its gold source is that attribution's source span.
- Predicted direct quote: a direct statement of at least MIN_WORDS words.
- Match: word tokens (\\w+) of the two spans have Jaccard >= 0.5, or the two spans open on the same
  word. One-to-one, best Jaccard first. Quote precision, recall and F1 over these.
- Speaker accuracy, on matched quotes: the gold source's keys are its head word (the last word of the
  span, possessive and punctuation dropped) and the surname of every capitalised name written in it
  (not a possessive one: "Trump's campaign manager" has no key "Trump"). A source that is only a
  pronoun ("he", "they", "who") takes the keys of the nearest source before it in the article that is not one
  (PolNeAR's own chain; an approximation of the fullest name). The prediction is right when one of
  its words (case and accents folded, a plural "s" ignored) is a key. A source that is only a description
  ("the mayor") also takes the surnames the article writes after that word as a title ("Mayor Bill de
  Blasio"), and a source that is only an acronym the article spells out in brackets ("the Alliance to
  Reclaim Our Schools (AROS)") takes the last word of that name too (GUIDELINES.md's speaker is the fullest
  name). Brackets and what follows a comma in a source are left out ("Rep. X (D-N.C.), head of …" is X); a
  description that ends in a lowercase role and is followed by a name ("the White House spokesman, Josh
  Earnest,") takes that name's surname too. Sources with no key (a span holding only "said") are not judged.
- The text the analyzer reads is the article as the monitor's extractor writes bodies: paragraphs apart
  by a blank line (a few PolNeAR files use a single newline); annotation offsets are moved to match.
- Quote+speaker F1: a predicted quote counts only when it matches and its speaker is right.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.polnear import DEFAULT_DIR, Attribution, CorpusMissing, articles, as_body

MIN_WORDS = 3
JACCARD = 0.5
PUBLISHED = (
    ("Gender Gap Tracker (Asr et al. 2021)", "quote F1 0.84, speaker accuracy 0.86"),
    ("Citron (Newell et al. 2018 / BBC)", "speaker F1 0.82"),
)
# Words that point back to someone named elsewhere: the source is then the one PolNeAR named before.
PRONOUNS = frozenset("he she they it i we you him her them his their its one who whom which that someone another".split())
# A source span holding only a cue word is an annotation slip: not judged.
CUE_WORDS = frozenset("said say says told tell added add asked ask wrote write according".split())
NOT_NAMES = frozenset("the a an he she they it i we his her their its this that these those mr mrs ms dr".split())
OPENING, CLOSING = "\u201c\u00ab", "\u201d\u00bb"
QUOTE_MARKS = OPENING + CLOSING + '"'
# Reported speech the second measure judges: attributions whose cue holds one of these words (as _norm folds
# them). PolNeAR also marks beliefs and feelings ("figures", "likes") that no monitor reads as a statement.
SPEECH_CUES = frozenset("""say said saying tell told telling add added adding according state stated announce announced
claim claimed claiming accuse accused warn warned warning argue argued arguing note noted noting insist insisted
explain explained write wrote report reported acknowledge acknowledged deny denied assert asserted suggest suggested
contend contended maintain maintained confirm confirmed allege alleged predict predicted complain complained charge
charged declare declared stress stressed emphasize emphasized respond responded reply replied tweet tweeted blame
blamed criticize criticized pointed""".split())
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    source: str  # the source span as written
    keys: frozenset[str]  # head word and surnames (see the module docstring)
    pronoun: bool  # the source was a pronoun, keys taken from the source before it


@dataclass(frozen=True)
class GoldReported:
    cue: int  # offset of the cue's first character
    cue_text: str
    source: str
    keys: frozenset[str]
    pronoun: bool


@dataclass
class Scores:
    articles: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    speaker_hits: int = 0
    speaker_total: int = 0
    speaker_unjudged: int = 0
    pronoun_hits: int = 0
    pronoun_total: int = 0
    errors: list[str] = field(default_factory=list)
    reported: Scores | None = None  # reported speech outside quotes (gold_reported), scored the same way

    def judge(self, keys: frozenset[str], pronoun: bool, predicted: str | None) -> bool | None:
        """Count a matched item's speaker: right or wrong, or None (not judged) when its source has no key."""
        if not keys:
            self.speaker_unjudged += 1
            return None
        right = speaker_right(keys, predicted)
        self.speaker_total += 1
        self.speaker_hits += right
        if pronoun:
            self.pronoun_total += 1
            self.pronoun_hits += right
        return right

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def metrics(self) -> dict:
        p, r, f = self._prf(self.tp, self.fp, self.fn)
        # Quote and speaker both right: a matched quote with a wrong (or unjudged) speaker is a miss.
        joint = self.speaker_hits
        jp, jr, jf = self._prf(joint, self.tp + self.fp - joint, self.tp + self.fn - joint)
        return {"articles": self.articles, "quote_precision": p, "quote_recall": r, "quote_f1": f,
                "gold_quotes": self.tp + self.fn, "predicted_quotes": self.tp + self.fp,
                "speaker_accuracy": self.speaker_hits / self.speaker_total if self.speaker_total else None,
                "speaker_judged": self.speaker_total, "speaker_unjudged": self.speaker_unjudged,
                "named_source_accuracy": ((self.speaker_hits - self.pronoun_hits) / (self.speaker_total - self.pronoun_total)
                                          if self.speaker_total > self.pronoun_total else None),
                "pronoun_source_accuracy": self.pronoun_hits / self.pronoun_total if self.pronoun_total else None,
                "pronoun_sources": self.pronoun_total, "quote_speaker_f1": jf, "quote_speaker_precision": jp,
                "quote_speaker_recall": jr,
                **({"reported": self.reported.metrics()} if self.reported is not None else {})}


def quoted_passages(text: str) -> list[tuple[int, int]]:
    """(start, end) of text inside quotation marks, marks excluded, by typography alone (no project code)."""
    found: list[tuple[int, int]] = []
    carry: int | None = None
    position = 0
    for block in re.split(r"(\n\s*\n)", text):
        start, end = position, position + len(block)
        position = end
        if not block.strip() or re.fullmatch(r"\n\s*\n", block):
            continue
        lead = start + len(block) - len(block.lstrip())
        if carry is not None and text[lead] not in OPENING + '"':
            found.append((carry, _rstrip(text, start)))
            carry = None
        opened = None
        for i in range(lead, end):
            char = text[i]
            straight_open = char == '"' and (i == 0 or not text[i - 1].isalnum()) and i + 1 < len(text) and not text[i + 1].isspace()
            if opened is None and carry is not None and i == lead and (char in OPENING or char == '"'):
                continue  # the mark that continues a quote from the paragraph before
            if opened is None and carry is None and (char in OPENING or straight_open):
                opened = i + 1
            elif char in CLOSING or char == '"':
                if opened is not None:
                    found.append((opened, i))
                    opened = None
                elif carry is not None:
                    found.append((carry, i))
                    carry = None
        if opened is not None:
            carry = opened
    if carry is not None:
        found.append((carry, _rstrip(text, len(text))))
    return [(a, b) for a, b in found if b > a]


def _rstrip(text: str, end: int) -> int:
    return len(text[:end].rstrip())


def _fold(text: str) -> str:
    text = text.replace("\u2019", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def _norm(word: str) -> str:
    word = re.sub(r"'s?$", "", _fold(word).strip(".,;:!?\"'()[]\u201c\u201d"))
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ws")) else word


def source_keys(source: str) -> frozenset[str]:
    """Head word and surnames of a source span (see the module docstring).

    Only the first noun phrase counts: brackets ("(D-N.C.)") and what follows a comma ("…, head of the
    Congressional Black Caucus") describe the source, they do not name it.
    """
    source = re.sub(r"\([^)]*\)?", " ", source)
    parts = re.split(r"[,;\u2014\u2013]| -- ", source.strip(" ,"))
    source = parts[0]
    words = [w for w in re.findall(r"[\w'\u2019.\-]+", source)]
    named_after = _name_after_role(words, parts[1] if len(parts) > 1 else "")
    if not words or all(_norm(w) in CUE_WORDS for w in words):
        return frozenset()
    keys = set()
    content = [w for w in words if _norm(w) and _norm(w) not in NOT_NAMES]
    if content:
        keys.add(_norm(content[-1]))
    run: list[str] = []
    for word in [*words, "."]:
        if word[:1].isupper() and _norm(word) not in NOT_NAMES and not word.endswith(("'s", "\u2019s")):
            run.append(word)
            continue
        if word.endswith(("'s", "\u2019s")):
            run = []  # a possessive name ("Trump's campaign manager") is not the speaker
            continue
        if run:
            keys.add(_norm(run[-1]))
        run = []
    if named_after:
        keys.add(_norm(named_after))
    return frozenset(k for k in keys if k)


def _name_after_role(words: list[str], after: str) -> str | None:
    """ "the White House press secretary, Josh Earnest,", "Another pollster, David Woodard of Clemson University": a
    description ending in a lowercase role, then a name set off by a comma; the surname of that name."""
    if not words or not words[-1][:1].islower():
        return None
    name: list[str] = []
    for word in re.findall(r"[\w'\u2019.\-]+", after):
        if not word[:1].isupper() or _norm(word) in NOT_NAMES:
            break
        name.append(word)
    return name[-1] if len(name) >= 2 else None


def titled_names(text: str, source: str) -> frozenset[str]:
    """For a source that is only a description ("the mayor", "the president"): the surnames the article
    writes right after its head word used as a title ("Mayor Bill de Blasio", "President Obama")."""
    if any(w[:1].isupper() and _norm(w) not in NOT_NAMES for w in re.findall(r"[\w'\u2019.\-]+", source)):
        return frozenset()
    words = re.findall(r"\w+", re.split(r"[,(]", source)[0])
    if not words or _norm(words[-1]) in PRONOUNS | CUE_WORDS:
        return frozenset()
    head = re.escape(words[-1])
    found = re.finditer(rf"\b(?i:{head})\.?\s+((?:(?:[A-Z][\w.'\u2019\-]*|de|van|von|der|al|la|le)\s+){{0,3}}[A-Z][\w'\u2019\-]+)"
                        rf"(?!['\u2019]s)", text)
    return frozenset(_norm(m.group(1).split()[-1]) for m in found)


def spelt_out(text: str, source: str) -> frozenset[str]:
    """For a source that is only an acronym ("AROS"): the last word of the name the article writes right before it
    in brackets ("…Reclaim Our Schools (AROS)")."""
    acronym = re.sub(r"^the\s+", "", source.strip(), flags=re.I)
    if not re.fullmatch(r"[A-Z]{2,8}", acronym):
        return frozenset()
    found = re.search(rf"([A-Z][\w'\u2019-]*)\s+\({acronym}\)", text)
    return frozenset({_norm(found.group(1))}) if found else frozenset()


def is_pronoun(source: str) -> bool:
    words = [_norm(w) for w in re.findall(r"\w+", source)]
    return bool(words) and all(w in PRONOUNS for w in words)


def _keys_by_attribution(text: str, attributions: list[Attribution]) -> dict[int, tuple[frozenset[str], bool]]:
    """id(attribution) -> (its source's keys, whether the source was a pronoun resolved to the one before)."""
    ordered = sorted((a for a in attributions if a.source_start >= 0), key=lambda a: a.source_start)
    keys_of: dict[int, tuple[frozenset[str], bool]] = {}
    last_named: frozenset[str] = frozenset()
    for attribution in ordered:
        if is_pronoun(attribution.source):
            keys_of[id(attribution)] = (last_named, True)
        else:
            keys = source_keys(attribution.source) | titled_names(text, attribution.source) \
                | spelt_out(text, attribution.source)
            keys_of[id(attribution)] = (keys, False)
            last_named = keys or last_named
    return keys_of


def gold_quotes(text: str, attributions: list[Attribution]) -> list[GoldQuote]:
    """The direct quotes of an article, each with its attribution's source."""
    keys_of = _keys_by_attribution(text, attributions)
    out = []
    for start, end in quoted_passages(text):
        if len(WORD.findall(text[start:end])) < MIN_WORDS:
            continue
        size = sum(1 for c in text[start:end] if not c.isspace())
        for attribution in attributions:
            inside = sum(1 for i in range(start, end) if not text[i].isspace()
                         and any(a <= i < b for a, b in attribution.content))
            if size and inside * 2 >= size:
                keys, pronoun = keys_of.get(id(attribution), (frozenset(), False))
                out.append(GoldQuote(start, end, attribution.source, keys, pronoun))
                break
    return out


def gold_reported(text: str, attributions: list[Attribution]) -> list[GoldReported]:
    """Reported speech without quotation marks: attributions with a speech cue, all of them (source, cue and
    content) in one paragraph and no quotation mark between their first and last character."""
    keys_of = _keys_by_attribution(text, attributions)
    out = []
    for attribution in attributions:
        if not attribution.cue or attribution.source_start < 0:
            continue
        cue = " ".join(text[a:b] for a, b in attribution.cue)
        if not {_norm(w) for w in WORD.findall(cue)} & SPEECH_CUES:
            continue
        ends = [attribution.source_start, attribution.source_start + len(attribution.source),
                *(x for piece in (*attribution.cue, *attribution.content) for x in piece)]
        between = text[min(ends):max(ends)]
        if "\n\n" in between or any(mark in between for mark in QUOTE_MARKS):
            continue
        keys, pronoun = keys_of.get(id(attribution), (frozenset(), False))
        out.append(GoldReported(attribution.cue[0][0], cue, attribution.source, keys, pronoun))
    return out


def _tokens(text: str, start: int, end: int) -> set[int]:
    return {start + m.start() for m in WORD.finditer(text[start:end])}


def match(text: str, predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> dict[int, int]:
    """Predicted index -> gold index, one to one: Jaccard >= JACCARD or the same opening word, best first."""
    pairs = []
    p_tokens = [_tokens(text, a, b) for a, b in predicted]
    g_tokens = [_tokens(text, a, b) for a, b in gold]
    for p, pt in enumerate(p_tokens):
        for g, gt in enumerate(g_tokens):
            if not pt or not gt:
                continue
            jaccard = len(pt & gt) / len(pt | gt)
            if jaccard >= JACCARD or min(pt) == min(gt):
                pairs.append((-jaccard, p, g))
    taken_p, taken_g, out = set(), set(), {}
    for _, p, g in sorted(pairs):
        if p not in taken_p and g not in taken_g:
            out[p] = g
            taken_p.add(p)
            taken_g.add(g)
    return out


def speaker_right(keys: frozenset[str], predicted: str | None) -> bool:
    words = {_norm(w) for w in re.findall(r"[\w'\u2019\-]+", predicted or "")}
    words |= {part for w in words for part in w.split("-")}  # "al-Assad", "Clinton-Kaine"
    return bool(keys & words)


def score_article(name: str, text: str, attributions: list[Attribution], statements, scores: Scores,
                  keep_errors: bool) -> None:
    gold = gold_quotes(text, attributions)
    direct = [s for s in statements if s.kind == "direct" and len(WORD.findall(s.quote)) >= MIN_WORDS]
    pairs = match(text, [(s.char_start, s.char_end) for s in direct], [(g.start, g.end) for g in gold])
    scores.articles += 1
    scores.tp += len(pairs)
    scores.fp += len(direct) - len(pairs)
    scores.fn += len(gold) - len(pairs)

    def snippet(a: int, b: int) -> str:
        return repr(" ".join(text[a:b].split()[:10]))

    for p, statement in enumerate(direct):
        if p not in pairs:
            if keep_errors:
                scores.errors.append(f"{name} quote fp: {snippet(statement.char_start, statement.char_end)} ({statement.speaker})")
            continue
        item = gold[pairs[p]]
        right = scores.judge(item.keys, item.pronoun, statement.speaker)
        if right is False and keep_errors:
            scores.errors.append(f"{name} speaker: {snippet(item.start, item.end)} predicted {statement.speaker!r}, "
                                 f"gold {item.source!r}{' (pronoun)' if item.pronoun else ''} keys {sorted(item.keys)}")
    matched = set(pairs.values())
    for g, item in enumerate(gold):
        if g not in matched and keep_errors:
            scores.errors.append(f"{name} quote fn: {snippet(item.start, item.end)} (source {item.source!r})")


def score_reported(name: str, text: str, attributions: list[Attribution], statements, scores: Scores,
                   keep_errors: bool) -> None:
    """Reported speech: a gold attribution is found when an indirect statement spans its cue; the speaker is judged
    as for quotes. A statement spanning no PolNeAR cue at all (of any attribution) is a false one."""
    gold = gold_reported(text, attributions)
    indirect = [s for s in statements if s.kind == "indirect"]
    cues = [a.cue[0][0] for a in attributions if a.cue]
    scores.articles += 1

    def snippet(at: int) -> str:
        return repr(" ".join(text[max(0, at - 60):at + 60].split()))

    for statement in indirect:
        if not any(statement.char_start <= cue < statement.char_end for cue in cues):
            scores.fp += 1
            if keep_errors:
                scores.errors.append(f"{name} reported fp: {snippet(statement.char_start + 60)} ({statement.speaker})")
    for item in gold:
        found = next((s for s in indirect if s.char_start <= item.cue < s.char_end), None)
        if found is None:
            scores.fn += 1
            if keep_errors:
                scores.errors.append(f"{name} reported fn: {snippet(item.cue)} (source {item.source!r}, cue {item.cue_text!r})")
            continue
        scores.tp += 1
        right = scores.judge(item.keys, item.pronoun, found.speaker)
        if right is False and keep_errors:
            scores.errors.append(f"{name} reported speaker: {snippet(item.cue)} predicted {found.speaker!r}, gold "
                                 f"{item.source!r}{' (pronoun)' if item.pronoun else ''} keys {sorted(item.keys)}")


def _project_statements(text: str):
    from pipeline.analyzer.core import analyze  # lazy: loading spaCy is slow

    return analyze(None, text, quotes_everywhere=True).statements


def evaluate(root: Path, split: str, limit: int | None = None, keep_errors: bool = False, statements_of=None) -> Scores:
    statements_of = statements_of or _project_statements
    reported = Scores()
    scores = Scores(reported=reported)
    for name, text, attributions in articles(root, split, limit):
        text, attributions = as_body(text, attributions)
        statements = statements_of(text)
        score_article(name, text, attributions, statements, scores, keep_errors)
        score_reported(name, text, attributions, statements, reported, keep_errors)
    return scores


def format_report(split: str, metrics: dict) -> str:
    def f(value) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    lines = [
        f"PolNeAR {split}: {metrics['articles']} articles, {metrics['gold_quotes']} gold direct quotes, "
        f"{metrics['predicted_quotes']} predicted",
        f"quotes            P {f(metrics['quote_precision'])}  R {f(metrics['quote_recall'])}  F1 {f(metrics['quote_f1'])}",
        f"speaker accuracy  {f(metrics['speaker_accuracy'])} on {metrics['speaker_judged']} matched quotes "
        f"({metrics['speaker_unjudged']} unjudged: source with no key)",
        f"  named sources   {f(metrics['named_source_accuracy'])} on {metrics['speaker_judged'] - metrics['pronoun_sources']}; "
        f"pronoun sources (resolved to the source before) {f(metrics['pronoun_source_accuracy'])} on {metrics['pronoun_sources']}",
        f"quote+speaker     P {f(metrics['quote_speaker_precision'])}  R {f(metrics['quote_speaker_recall'])}  "
        f"F1 {f(metrics['quote_speaker_f1'])}",
        *(_reported_lines(metrics["reported"]) if metrics.get("reported") else []),
        "published, for comparison (their own test sets and definitions):",
        *(f"  {who}: {figures}" for who, figures in PUBLISHED),
    ]
    return "\n".join(lines)


def _reported_lines(metrics: dict) -> list[str]:
    def f(value) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    return [
        f"reported speech outside quotes: {metrics['gold_quotes']} gold (speech cues), {metrics['predicted_quotes']} "
        "indirect statements",
        f"  statements      P {f(metrics['quote_precision'])}  R {f(metrics['quote_recall'])}  F1 {f(metrics['quote_f1'])}",
        f"  speaker accuracy {f(metrics['speaker_accuracy'])} on {metrics['speaker_judged']} found "
        f"(named {f(metrics['named_source_accuracy'])}, pronoun {f(metrics['pronoun_source_accuracy'])} on "
        f"{metrics['pronoun_sources']})",
    ]


def main(argv: list[str] | None = None) -> int:
    """`python -m pipeline eval-attribution`: print the figures; exit 2 when the corpus is missing."""
    parser = argparse.ArgumentParser(prog="python -m pipeline eval-attribution", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--polnear", default=str(DEFAULT_DIR), metavar="DIR", help="PolNeAR folder (default: %(default)s)")
    parser.add_argument("--split", choices=("train", "dev", "test"), default="dev")
    parser.add_argument("--limit", type=int, metavar="N", help="the first N articles (by file name)")
    parser.add_argument("--verbose", action="store_true", help="list the errors (refused on the test split)")
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    args = parser.parse_args(argv)
    root = Path(args.polnear)
    if not root.is_dir():
        print(f"eval-attribution: PolNeAR folder {root} is missing, nothing to measure", file=sys.stderr)
        return 2
    if args.verbose and args.split == "test":
        print("eval-attribution: errors are never listed for the test split (measure it, do not read it)", file=sys.stderr)
        return 2
    began = time.monotonic()
    try:
        scores = evaluate(root, args.split, args.limit, keep_errors=args.verbose)
    except CorpusMissing as exc:
        print(f"eval-attribution: {exc}", file=sys.stderr)
        return 2
    metrics = scores.metrics()
    if args.json:
        print(json.dumps(metrics, indent=2, sort_keys=True))
    else:
        print(format_report(args.split, metrics))
        print(f"({time.monotonic() - began:.1f} s)")
    if args.verbose:
        print("\n".join(scores.errors + (scores.reported.errors if scores.reported else [])))
    return 0
