"""The word lists in config/ name each list once: YAML keeps the last of two keys of one name and drops the first
without a word (config/accusation_lexicon.yaml had two `unkept_words` and two `doing_verbs` of different content).
And a word is a word: YAML reads an unquoted false, no, yes, on, off or null as a boolean or None, so the list
matches nothing (`denial_words` held False, not "false", until quoted)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml

CONFIG = Path(__file__).resolve().parents[2] / "config"


def _repeated_keys(text: str) -> list[str]:
    """Keys written twice in one mapping, with the line of the mapping."""
    found: list[str] = []

    class Loader(yaml.SafeLoader):
        pass

    def mapping(loader, node, deep=False):
        keys = [loader.construct_object(key, deep=deep) for key, _ in node.value]
        found.extend(f"{key} (mapping at line {node.start_mark.line + 1})" for key in sorted(
            {k for k in keys if keys.count(k) > 1}, key=str))
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    yaml.load(text, Loader=Loader)  # noqa: S506 - a SafeLoader subclass
    return found


def test_a_repeated_key_is_caught():
    assert _repeated_keys("a:\n  x: [1]\n  y: [2]\n  x: [3]\n") == ["x (mapping at line 2)"]


@pytest.mark.parametrize("path", sorted(CONFIG.glob("*.yaml")), ids=lambda p: p.name)
def test_no_list_is_named_twice(path):
    assert _repeated_keys(path.read_text(encoding="utf-8")) == []


def _not_words(data, path="") -> list[str]:
    """Items of lists that YAML did not read as text (dates are meant: agreements' `concluded`)."""
    if isinstance(data, dict):
        return [w for key, value in data.items() for w in _not_words(value, f"{path}/{key}")]
    if isinstance(data, list):
        return [w for item in data for w in (_not_words(item, path) if isinstance(item, (dict, list)) else
                                             [] if isinstance(item, (str, datetime.date)) else [f"{path}: {item!r}"])]
    return []


def test_an_unquoted_false_is_caught():
    assert _not_words(yaml.safe_load("words: [deny, false, no, 'yes']")) == ["/words: False", "/words: False"]


@pytest.mark.parametrize("path", sorted(CONFIG.glob("*.yaml")), ids=lambda p: p.name)
def test_every_word_is_text(path):
    assert _not_words(yaml.safe_load(path.read_text(encoding="utf-8"))) == []
