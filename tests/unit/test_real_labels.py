"""The real-news labels (tests/data/real) are well-formed and hold ids and offsets only, never corpus text."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "news"
FILES = ("dev.jsonl", "heldout.jsonl", "quotes_dev.jsonl", "quotes_heldout.jsonl", "quotes2_dev.jsonl", "quotes2_heldout.jsonl",
         "quotes3_dev.jsonl", "quotes3_heldout.jsonl")
SOURCES = ("fakes", "wire2016")
ACTORS = {"russia", "turkey", "syria", "united_states", "iran", "armed_groups", "sdf", "isis", "un", "eu",
          "france", "germany", "uk", "israel"}
AGREEMENTS = {"astana", "sochi_2018", "moscow_2020", "ne_syria_2019", "jan_2020_truce"}
BREACHES = {"violation", "attack", "non_fulfilment", "delay", "undermine"}
MODES = {"claim", "counter"}
# Names, metonyms, titles and pronouns by which a sentence can refer to each party.
MENTIONS = {
    "russia": r"russia|moscow|kremlin|putin|lavrov|shoigu|peskov|zakharova|konashenkov|kuralenko|center|centre",
    "syria": r"syria|damascus|regime|assad|government|army|military|sana|officials",
    "armed_groups": r"rebel|opposition|terrorist|militant|nusra|insurgent|faction|coalition|group|foes|hnc",
    "isis": r"islamic state|isis|isil|daesh",
    "united_states": r"u\.?s\.?|united states|washington|america|white house|rhodes|kerry",
    "france": r"france|french|paris|ayrault",
    "turkey": r"turk|ankara|erdogan",
}
PRONOUNS = r"\b(?:he|she|it|they|we|its|their|his|her)\b"


def records(name: str) -> list[dict]:
    path = REAL / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def all_records() -> list[tuple[str, dict]]:
    return [(name, record) for name in FILES for record in records(name)]


def corpus() -> dict[str, dict[str, dict]]:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus/news is absent")
    return {source: {r["id"]: r for r in map(json.loads, (CORPUS / f"{source}.jsonl").open(encoding="utf-8"))}
            for source in SOURCES}


def canonical(value: str, known: set[str]) -> bool:
    return value in known or bool(re.fullmatch(r"other:[a-z0-9_]+", value))


def test_fields_and_canonical_ids():
    seen = set()
    for _, record in all_records():
        assert set(record) <= {"source", "id", "outlet", "date", "label"}, record["id"]
        assert record["source"] in SOURCES and record["id"] not in seen
        seen.add(record["id"])
        label = record["label"]
        assert set(label) == {"relevant", "idlib", "accusations", "quotes"}
        assert isinstance(label["relevant"], bool) and isinstance(label["idlib"], bool)
        if label["accusations"]:
            assert label["relevant"], f"{record['id']}: accusations are labelled in relevant articles only"
        pairs = set()
        for item in label["accusations"]:
            assert canonical(item["accuser"], ACTORS) and canonical(item["accused"], ACTORS)
            assert item["agreement"] is None or canonical(item["agreement"], AGREEMENTS)
            assert item["breach"] in BREACHES and item["mode"] in MODES
            key = (item["accuser"], item["accused"], item["agreement"])
            assert key not in pairs, f"{record['id']}: one entry per accuser, accused and agreement"
            pairs.add(key)
            assert 0 <= item["evidence"]["start"] < item["evidence"]["end"]
        for quote in label["quotes"]:
            assert set(quote) == {"speaker", "start", "end"} and quote["speaker"].strip()
            assert 0 <= quote["start"] < quote["end"]


def test_split_follows_the_id_hash():
    for name, record in all_records():
        heldout = int(hashlib.sha256(record["id"].encode()).hexdigest()[:8], 16) % 3 == 0
        prefix = name[:name.index("_") + 1] if "_" in name else ""  # quotes_dev.jsonl, quotes2_heldout.jsonl
        assert name == prefix + ("heldout.jsonl" if heldout else "dev.jsonl"), record["id"]


def test_no_corpus_text_committed():
    for name in FILES:
        for line in (REAL / name).read_text(encoding="utf-8").splitlines():
            def walk(value, key="", name=name):
                if isinstance(value, dict):
                    for k, v in value.items():
                        walk(v, k)
                elif isinstance(value, list):
                    for v in value:
                        walk(v, key)
                elif isinstance(value, str) and key != "id":
                    assert len(value) <= 200, f"{name}: field {key!r} is {len(value)} characters long"
            walk(json.loads(line))


def test_ids_and_offsets_fit_the_corpus():
    texts = corpus()
    for _, record in all_records():
        article = texts[record["source"]].get(record["id"])
        assert article is not None, f"{record['id']} is not in {record['source']}"
        text = article["text"]
        for quote in record["label"]["quotes"]:
            assert quote["end"] <= len(text)
            span = text[quote["start"]:quote["end"]]
            assert len(span.split()) >= 3, f"{record['id']}: quote {span[:40]!r} is under 3 words"
            assert text[quote["start"] - 1] in "\"“” " or quote["start"] == 0
        for item in record["label"]["accusations"]:
            start, end = item["evidence"]["start"], item["evidence"]["end"]
            assert end <= len(text)
            sentence = text[start:end].lower()
            for party in (item["accuser"], item["accused"]):
                pattern = MENTIONS.get(party.split(":")[0], re.escape(party.split(":")[-1].replace("_", " ")))
                assert re.search(pattern, sentence) or re.search(PRONOUNS, sentence), \
                    f"{record['id']}: evidence does not name {party}"


def test_eval_loader_fills_text_from_the_corpus():
    corpus()
    from pipeline.evaluation import load_gold

    loaded = load_gold(REAL / "dev.jsonl")
    assert loaded and all(r["text"] for r in loaded)
    for record in loaded:
        for quote in record["label"]["quotes"]:
            assert 1 <= len(quote["starts_with"].split()) <= 6


def test_missing_corpus_is_one_line_and_exit_2(monkeypatch, capsys, tmp_path):
    from pipeline import evaluation

    monkeypatch.setattr(evaluation, "CORPUS_DIR", tmp_path / "absent")
    monkeypatch.setattr(evaluation, "_corpora", {})
    code = evaluation.main(["--gold", str(REAL / "dev.jsonl")], analyze=lambda *args: None)
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1 and "missing" in err[0]
