"""PolNeAR as the attribution evaluation reads it: articles, their BRAT attributions, bodies as the monitor writes them."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "polnear"


@dataclass(frozen=True)
class Attribution:
    """One PolNeAR attribution: its content pieces and its source text and offset."""

    content: tuple[tuple[int, int], ...]
    source: str
    source_start: int
    cue: tuple[tuple[int, int], ...] = ()


class CorpusMissing(Exception):
    """The PolNeAR folder (or the split in it) is not there."""


def split_dir(root: Path, split: str) -> Path:
    for candidate in (root / split, root / "data" / split):
        if (candidate / "text").is_dir() and (candidate / "attributions").is_dir():
            return candidate
    raise CorpusMissing(f"no PolNeAR {split} split (text/ and attributions/) under {root}")


def articles(root: Path, split: str, limit: int | None = None) -> list[tuple[str, str, list[Attribution]]]:
    """(name, text, attributions) of a split's articles in name order; one annotator's file per article."""
    folder = split_dir(root, split)
    annotations: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        annotations.setdefault(re.sub(r"_[0-9a-f]{4}$", "", ann.stem), ann)
    out = []
    for text_file in sorted((folder / "text").glob("*.txt")):
        if text_file.stem not in annotations:
            continue
        text = text_file.read_text(encoding="utf-8")
        out.append((text_file.stem, text, read_brat(annotations[text_file.stem].read_text(encoding="utf-8"), text)))
        if limit and len(out) >= limit:
            break
    return out


def read_brat(ann: str, text: str) -> list[Attribution]:
    """Attributions (E lines) with their content and source spans (T lines, possibly discontinuous)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, offsets = parts[1].partition(" ")
            pieces = [tuple(int(x) for x in piece.split()) for piece in offsets.split(";") if piece.strip()]
            spans[parts[0]] = (kind, [p for p in pieces if len(p) == 2])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(role.split(":", 1) for role in parts[1].split() if ":" in role))
    found = []
    for event in events:
        content = spans.get(event.get("Content", ""), ("", []))[1]
        source = spans.get(event.get("Source", ""), ("", []))[1]
        cue = spans.get(event.get("Cue", ""), ("", []))[1]
        if not content:
            continue
        source_text = " ".join(text[a:b] for a, b in source)
        found.append(Attribution(tuple(content), source_text, source[0][0] if source else -1, tuple(cue)))
    return found


def as_body(text: str, attributions: list[Attribution]) -> tuple[str, list[Attribution]]:
    """The article as the monitor's extractor writes a body, paragraphs apart by a blank line (some PolNeAR
    files use a single newline), with the annotation offsets moved to match."""
    singles = [m.start() for m in re.finditer(r"(?<!\n)\n(?!\n)", text)]
    if not singles:
        return text, attributions

    def moved(offset: int) -> int:
        return offset + bisect.bisect_left(singles, offset)

    body = re.sub(r"(?<!\n)\n(?!\n)", "\n\n", text)
    return body, [Attribution(tuple((moved(a), moved(b)) for a, b in item.content), item.source,
                              moved(item.source_start) if item.source_start >= 0 else -1,
                              tuple((moved(a), moved(b)) for a, b in item.cue)) for item in attributions]
