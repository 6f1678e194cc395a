"""load_feeds refuses a malformed feeds file with one ConfigError line naming the file and the entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import ConfigError, DatabaseUnavailable, describe_dsn
from pipeline.feeds import load_feeds
from pipeline.models import Feed


def _feeds(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "feeds.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path):
    path = _feeds(tmp_path, "feeds:\n  - name: a\n    url: https://example.org/a.xml\n    outlet: A\n    language: fr\n"
                            "  - {name: b, url: 'HTTP://127.0.0.1:8000/b.xml', outlet: B}\n")
    assert load_feeds(path) == [Feed("a", "https://example.org/a.xml", "A", "fr"),
                                Feed("b", "HTTP://127.0.0.1:8000/b.xml", "B", "en")]
    assert load_feeds(_feeds(tmp_path, "feeds: []\n")) == []


def test_the_bundled_feeds_file_loads():
    assert len(load_feeds(Path(__file__).resolve().parents[2] / "config" / "feeds.yaml")) > 5


@pytest.mark.parametrize("text, message", [
    ("feeds: [\n", "YAML syntax error at line 2"),
    ("just a string\n", "expected a top-level 'feeds:' list"),
    ("other: 1\n", "expected a top-level 'feeds:' list"),
    ("feeds: 3\n", "'feeds' must be a list, got int"),
    ("feeds:\n  - [a, b]\n", "feed #1 must be a mapping with name, url and outlet, got list"),
    ("feeds:\n  - name: a\n    url: ''\n    outlet: A\n", "feed #1 ('a') lacks url"),
    ("feeds:\n  - outlet: A\n", "feed #1 lacks name, url"),
    ("feeds:\n  - name: a\n    url: ftp://example.org/a.xml\n    outlet: A\n",
     "feed #1 ('a'): url must be an http(s) URL, got 'ftp://example.org/a.xml'"),
    ("feeds:\n  - name: a\n    url: example.org/a.xml\n    outlet: A\n", "url must be an http(s) URL"),
    ("feeds:\n  - name: a\n    url: 'https://exa mple.org/'\n    outlet: A\n", "url must be an http(s) URL"),
    ("feeds:\n  - name: a\n    url: http://[::1/a\n    outlet: A\n", "url must be an http(s) URL"),
    ("feeds:\n  - {name: a, url: 'http://h/a', outlet: A}\n  - {name: a, url: 'http://h/b', outlet: B}\n",
     "feed #2: name 'a' is used twice (also feed #1)"),
    ("feeds:\n  - {name: true, url: 'http://h/a', outlet: A}\n", "feed #1: name must be a string, got bool"),
    ("feeds:\n  - {name: a, url: 'http://h/a', outlet: {x: 1}}\n", "feed #1 ('a'): outlet must be a string, got dict"),
    ("feeds:\n  - {name: a, url: 'http://h/a', outlet: A, language: null}\n", "language must be a string"),
])
def test_malformed_files(tmp_path, text, message):
    path = _feeds(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_feeds(path)
    text = str(caught.value)
    assert text.startswith(f"{path}: ") and message in text, text
    assert "\n" not in text
    assert isinstance(caught.value, ValueError)  # callers catching ValueError keep working


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match=r"nope\.yaml: cannot read feeds file: No such file"):
        load_feeds(tmp_path / "nope.yaml")


def test_directory(tmp_path):
    with pytest.raises(ConfigError, match="cannot read feeds file"):
        load_feeds(tmp_path)


@pytest.mark.parametrize("dsn, shown", [
    ("postgresql://u:pw@db.internal:6543/news", "db.internal:6543/news"),
    ("postgresql://u:pw@db.internal/news", "db.internal:5432/news"),
    ("host=127.0.0.1 port=1 user=u password=pw dbname=x", "127.0.0.1:1/x"),
    ("host=127.0.0.1 user=monitor", "127.0.0.1:5432/monitor"),
    ("host=127.0.0.1 password=pw dbname", "host=127.0.0.1 password=*** dbname"),
])
def test_describe_dsn(dsn, shown):
    assert describe_dsn(dsn) == shown


def test_database_unavailable_is_a_config_error():
    assert issubclass(DatabaseUnavailable, ConfigError)


@pytest.mark.parametrize("port, message", [("abc", "SMTP_PORT must be a number"), ("70000", "between 1 and 65535")])
def test_bad_smtp_port(port, message):
    from pipeline.config import settings_from_env

    with pytest.raises(ConfigError, match=message):
        settings_from_env({"DATABASE_URL": "postgresql://u@h/db", "SMTP_HOST": "h", "SMTP_PORT": port})


def test_database_unavailable_message_has_no_password():
    error = DatabaseUnavailable("host=h password='s3cr3t pw' dbname",
                                "invalid dsn: missing \"=\" after \"s3cr3t pw\" in connection info string\nmore")
    assert str(error) == ("database host=h password=*** dbname unreachable: "
                          "invalid dsn: missing \"=\" after \"***\" in connection info string")
