"""The indexed attribute_ruler gives the stock ruler's annotations exactly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.analyzer import attribute_index
from pipeline.analyzer.core import _prepare
from pipeline.analyzer.model import load_nlp

DEV = Path(__file__).resolve().parents[1] / "data" / "dev" / "part_b.jsonl"
ODD = ("Y'all gonna see it, let's go, c'mon! I ain't got nothin' but it is what it is. There are  two  spaces "
       "here.\n\n Did he do it? He did, and that's that. There were 3 of them; you know it and I know it.")


def _signature(doc) -> list[tuple]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_the_loaded_pipeline_uses_the_index(nlp):
    assert isinstance(getattr(nlp.get_pipe("attribute_ruler").match, "__self__", None), attribute_index.AttributeIndex)


def test_the_index_finds_the_matchers_matches_and_the_docs_are_identical(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    index = ruler.match.__self__
    texts = [ODD] + [_prepare(json.loads(line)["text"]) for line in DEV.read_text(encoding="utf-8").splitlines()[:12]]
    upstream = [name for name in nlp.pipe_names if name not in ("tok2vec", "tagger", "parser")]
    with nlp.select_pipes(disable=upstream):
        parsed = list(nlp.pipe(texts))
    for doc in parsed:
        stock = type(ruler).match(ruler, doc)  # spaCy's Matcher
        assert set(index.match(doc)) == set(stock)
        by_stock, by_index = doc.copy(), doc.copy()
        ruler.set_annotations(by_stock, stock)
        ruler(by_index)
        assert _signature(by_index) == _signature(by_stock)


def test_a_pattern_it_cannot_index_leaves_the_ruler_alone():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": {">": 3}}]], {"LEMMA": "long"})
    assert attribute_index.install(nlp) is False and "match" not in vars(ruler)
