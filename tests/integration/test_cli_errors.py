"""Configuration errors and an unreachable database: one line on stderr, exit status 2, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg2
import pytest

from localdev import embedded_db
from localdev.mailsink import _free_port

ROOT = Path(__file__).resolve().parents[2]
GOOD_FEEDS = "feeds:\n  - name: a\n    url: http://127.0.0.1:9/a.xml\n    outlet: A\n"

# (case id, feeds.yaml text or None for a missing file, what the message must say besides the file name)
FEEDS_CASES = [
    ("missing-file", None, "cannot read"),
    ("yaml-syntax", "feeds:\n  - name: a\n    url: [http://127.0.0.1:9/a.xml\n    outlet: A\n", "YAML syntax error"),
    ("yaml-tab", "feeds:\n\t- name: a\n", "YAML syntax error"),
    ("not-a-mapping", "- name: a\n  url: http://127.0.0.1:9/a.xml\n  outlet: A\n", "top-level 'feeds:' list"),
    ("empty-file", "", "top-level 'feeds:' list"),
    ("feeds-not-a-list", "feeds:\n  name: a\n  url: http://127.0.0.1:9/a.xml\n", "'feeds' must be a list"),
    ("entry-not-a-mapping", GOOD_FEEDS + "  - http://127.0.0.1:9/b.xml\n", "feed #2"),
    ("missing-url", "feeds:\n  - name: a\n    outlet: A\n", "feed #1 ('a') lacks url"),
    ("missing-name", "feeds:\n  - url: http://127.0.0.1:9/a.xml\n    outlet: A\n", "feed #1 lacks name"),
    ("missing-outlet", GOOD_FEEDS + "  - name: b\n    url: http://127.0.0.1:9/b.xml\n", "feed #2 ('b') lacks outlet"),
    ("url-not-http", "feeds:\n  - name: a\n    url: file:///etc/passwd\n    outlet: A\n", "http(s)"),
    ("url-no-host", "feeds:\n  - name: a\n    url: 'http:///a.xml'\n    outlet: A\n", "http(s)"),
    ("duplicate-name", GOOD_FEEDS + "  - name: a\n    url: http://127.0.0.1:9/b.xml\n    outlet: B\n", "used twice"),
    ("name-not-string", "feeds:\n  - name: 42\n    url: http://127.0.0.1:9/a.xml\n    outlet: A\n", "name must be a string"),
    ("outlet-not-string", "feeds:\n  - name: a\n    url: http://127.0.0.1:9/a.xml\n    outlet: [A, B]\n",
     "outlet must be a string"),
    ("language-not-string", GOOD_FEEDS + "    language: 7\n", "language must be a string"),
    ("not-utf8", "feeds:\n  - name: caf\xe9\n".encode("latin-1"), "cannot read"),
]


def _env(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SMTP_", "ALERT_", "FEEDS_", "ALLOW_"))}
    env["DATABASE_URL"] = database_url
    return env


def _run(command: str, feeds: Path, database_url: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", command, "--feeds", str(feeds)], env=_env(database_url),
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def _write(tmp_path: Path, text: str | bytes | None) -> Path:
    path = tmp_path / "feeds.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    elif text is not None:
        path.write_text(text, encoding="utf-8")
    return path


def _one_error_line(done: subprocess.CompletedProcess) -> str:
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("error: "), lines[0]
    assert done.stdout == ""
    return lines[0]


def _tables(database_url: str) -> list[str]:
    conn = psycopg2.connect(database_url)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
            return [row[0] for row in cur.fetchall()]
    finally:
        conn.close()


@pytest.mark.parametrize("command", ["run-once", "migrate"])
@pytest.mark.parametrize("case, text, expected", FEEDS_CASES, ids=[c[0] for c in FEEDS_CASES])
def test_malformed_feeds_file_is_one_line_naming_the_file(command, case, text, expected, database_url, tmp_path):
    feeds = _write(tmp_path, text)

    line = _one_error_line(_run(command, feeds, database_url))

    assert str(feeds) in line and expected in line, line
    assert _tables(database_url) == []  # reported before any migration, poll or fetch


def test_feeds_errors_come_before_the_database(tmp_path):
    feeds = _write(tmp_path, "feeds:\n  - name: a\n    outlet: A\n")

    line = _one_error_line(_run("run-once", feeds, f"postgresql://u@127.0.0.1:{_free_port('127.0.0.1')}/news"))

    assert str(feeds) in line and "lacks url" in line, line


@pytest.mark.parametrize("command", ["run-once", "migrate"])
def test_nothing_listening_names_the_server_not_the_password(command, tmp_path):
    port = _free_port("127.0.0.1")
    feeds = _write(tmp_path, GOOD_FEEDS)

    line = _one_error_line(_run(command, feeds, f"postgresql://monitor:s3cr3t-pw@127.0.0.1:{port}/news"))

    assert line.startswith(f"error: database 127.0.0.1:{port}/news unreachable: "), line
    assert "Connection refused" in line or "could not connect" in line, line
    assert "s3cr3t" not in line


def test_wrong_database_name(pg_server, tmp_path):
    feeds = _write(tmp_path, GOOD_FEEDS)
    url = embedded_db.database_url(pg_server, "no_such_database_here")

    line = _one_error_line(_run("run-once", feeds, url))

    assert line.startswith("error: database ") and "/no_such_database_here unreachable: " in line, line
    assert "does not exist" in line, line


@pytest.mark.parametrize("dsn", [
    "host=127.0.0.1 password=s3cr3t-pw dbname",  # key=value form, a key without '='
    "host=127.0.0.1 password='s3cr3t-pw",  # unterminated quote
    "postgresql://monitor:s3cr3t-pw@127.0.0.1:notaport/news",
])
def test_bad_dsn_syntax(dsn, tmp_path):
    feeds = _write(tmp_path, GOOD_FEEDS)

    line = _one_error_line(_run("run-once", feeds, dsn))

    assert line.startswith("error: database ") and " unreachable: " in line, line
    assert "s3cr3t" not in line


def test_bad_smtp_port_is_still_one_line(database_url, tmp_path):
    feeds = _write(tmp_path, GOOD_FEEDS)
    env = {**_env(database_url), "SMTP_HOST": "127.0.0.1", "SMTP_PORT": "twenty-five"}

    done = subprocess.run([sys.executable, "-m", "pipeline", "run-once", "--feeds", str(feeds)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)

    assert "SMTP_PORT" in _one_error_line(done)
