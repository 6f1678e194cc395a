"""Analysis speed: articles per second for the relevance prefilter alone and for the full analysis,
and the share of articles that reach the parser, on a realistic mix (about 1 in 20 relevant).

Prints figures, asserts nothing.

    .venv/bin/python bench/analysis_speed.py [--articles 2000] [--relevant-share 0.05]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ingest import make_pages  # noqa: E402


def load_mix(count: int, share: float) -> list[tuple[str, str]]:
    """Annotated dev articles (relevant and hard negatives) topped up with generated filler to the share asked."""
    dev = []
    for path in sorted((ROOT / "tests" / "data" / "dev").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                dev.append((record["label"]["relevant"], record.get("title") or "", record["text"]))
    relevant = [(t, x) for r, t, x in dev if r]
    negatives = [(t, x) for r, t, x in dev if not r]
    filler = [(p.title, p.text) for p in make_pages(max(1, count // 50), 50, 0.0)]
    rng = random.Random(3)
    mix = []
    for _ in range(count):
        if relevant and rng.random() < share:
            mix.append(rng.choice(relevant))
        elif negatives and rng.random() < 0.2:
            mix.append(rng.choice(negatives))
        else:
            mix.append(rng.choice(filler))
    return mix


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--relevant-share", type=float, default=0.05)
    args = parser.parse_args()

    from pipeline.analyzer.core import analyze
    from pipeline.analyzer.model import load_nlp
    from pipeline.analyzer.relevance import prefilter

    mix = load_mix(args.articles, args.relevant_share)
    started = time.perf_counter()
    load_nlp()
    print(f"model load: {time.perf_counter() - started:.2f} s")

    started = time.perf_counter()
    passed = sum(bool(prefilter(title, text)) for title, text in mix)
    prefilter_seconds = time.perf_counter() - started

    started = time.perf_counter()
    relevant = sum(analyze(title, text).relevance.relevant for title, text in mix)
    full_seconds = time.perf_counter() - started

    print(f"{len(mix)} articles, {relevant} judged relevant")
    print(f"prefilter alone: {len(mix) / prefilter_seconds:,.0f} articles/s; {passed / len(mix):.1%} reach the parser")
    print(f"full analysis:   {len(mix) / full_seconds:,.1f} articles/s on this machine")
    candidates = [(t, x) for t, x in mix if prefilter(t, x)][:200]
    if candidates:
        started = time.perf_counter()
        for title, text in candidates:
            analyze(title, text)
        print(f"parsed articles only: {len(candidates) / (time.perf_counter() - started):,.1f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
