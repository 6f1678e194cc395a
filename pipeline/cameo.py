"""ConfliBERT's CAMEO actor spans as the actor evaluation reads them: sentences, their source and target spans, ids.

`cameo_ner/{train,test}.txt` is CoNLL: one token and its BIO tag per line, a blank line between sentences;
S marks the source actor, T the target and R joint actors. The raw sentence is taken from
`cameo_class/{split}.tsv` when one there has the same characters (spaces aside); otherwise the tokens are
joined as written text. A span's id is `split:sentence:span` and carries a short hash of its sentence, so a
label never silently lands on another sentence.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "cameo"
NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|\u2019s|'|\u2019|n't)$")
NO_SPACE_AFTER = frozenset("( [ { $ \u201c".split())


@dataclass(frozen=True)
class Span:
    """One tagged actor span: where it sits in its sentence and what role CAMEO gives it."""

    id: str
    sha: str
    role: str  # S source, T target, R joint
    start: int
    end: int
    sentence: str

    @property
    def text(self) -> str:
        return self.sentence[self.start:self.end]


class CorpusMissing(Exception):
    """The CAMEO folder (or the split in it) is not there."""


def sentence_sha(sentence: str) -> str:
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:8]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _raw_sentences(root: Path, split: str) -> dict[str, str]:
    """The class file's sentences by their characters without spaces."""
    path = root / "cameo_class" / f"{split}.tsv"
    if not path.is_file():
        return {}
    raw: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        sentence = line.rsplit("\t", 1)[0].strip()
        raw.setdefault(_squeeze(sentence), sentence)
    return raw


def _conll(path: Path) -> list[list[tuple[str, str]]]:
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        token, _, tag = line.rpartition(" ")
        current.append((token, tag))
    if current:
        sentences.append(current)
    return sentences


def _place(tokens: list[str], raw: str | None) -> tuple[str, list[tuple[int, int]]]:
    """The sentence text and each token's (start, end) in it: found in the raw sentence, else joined."""
    if raw is not None:
        offsets, at = [], 0
        for token in tokens:
            start = raw.find(token, at)
            if start < 0:
                break
            offsets.append((start, start + len(token)))
            at = start + len(token)
        else:
            return raw, offsets
    text, offsets = "", []
    for i, token in enumerate(tokens):
        if text and not NO_SPACE_BEFORE.match(token) and tokens[i - 1] not in NO_SPACE_AFTER:
            text += " "
        offsets.append((len(text), len(text) + len(token)))
        text += token
    return text, offsets


def spans(root: Path, split: str) -> list[Span]:
    """Every S, T and R span of a split, in order."""
    path = root / "cameo_ner" / f"{split}.txt"
    if not path.is_file():
        raise CorpusMissing(f"no CAMEO NER {split} split at {path}")
    raw = _raw_sentences(root, split)
    out = []
    for number, tagged in enumerate(_conll(path)):
        tokens = [token for token, _ in tagged]
        sentence, offsets = _place(tokens, raw.get(_squeeze("".join(tokens))))
        sha = sentence_sha(sentence)
        found: list[tuple[int, int, str]] = []  # (first token, last token + 1, role)
        for i, (_, tag) in enumerate(tagged):
            kind, _, role = tag.partition("-")
            if kind == "I" and found and found[-1][2] == role and found[-1][1] == i:
                found[-1] = (found[-1][0], i + 1, role)
            elif kind in ("B", "I"):
                found.append((i, i + 1, role))
        for k, (first, last, role) in enumerate(found):
            out.append(Span(f"{split}:{number}:{k}", sha, role, offsets[first][0], offsets[last - 1][1], sentence))
    return out
