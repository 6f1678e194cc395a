"""pipeline/vocab.py against a migrated database: each enum has exactly the values its CHECK constraint allows.

A value added to a CHECK constraint (a new migration) but not to its enum, or the other way round,
fails here; so does a new CHECK vocabulary on a text column that vocab.py does not know. The
vocabularies without a CHECK are compared with the column COMMENT that documents them, and the
actor kinds also with the actors the gazetteer loads.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg2
import pytest

from localdev import embedded_db
from pipeline import vocab

ROOT = Path(__file__).resolve().parents[2]
QUOTED = re.compile(r"'((?:[^']|'')*)'")


@pytest.fixture(scope="module")
def schema(pg_server):
    """A database migrated the operator's way (`python -m pipeline migrate`), dropped afterwards; yields its URL."""
    name = f"vocab_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(pg_server)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    url = embedded_db.database_url(pg_server, name)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SMTP_", "ALERT_", "FEEDS_", "ALLOW_"))}
    env["DATABASE_URL"] = url
    done = subprocess.run([sys.executable, "-m", "pipeline", "migrate", "--feeds", str(ROOT / "config" / "feeds.yaml")],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    yield url
    with admin.cursor() as cur:
        cur.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                    (name,))
        cur.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.close()


def _rows(url: str, sql: str, args: tuple = ()) -> list[tuple]:
    conn = psycopg2.connect(url)
    try:
        with conn.cursor() as cur:
            cur.execute(sql, args)
            return cur.fetchall()
    finally:
        conn.close()


def check_vocabularies(url: str) -> dict[tuple[str, str], set[str]]:
    """Every single-column `column IN (...)` CHECK constraint of the public schema: (table, column) -> its values."""
    rows = _rows(url, """
        SELECT c.conrelid::regclass::text, a.attname, pg_get_constraintdef(c.oid)
          FROM pg_constraint c
          JOIN pg_namespace n ON n.oid = c.connamespace
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         WHERE c.contype = 'c' AND n.nspname = 'public' AND cardinality(c.conkey) = 1""")
    found: dict[tuple[str, str], set[str]] = {}
    for table, column, definition in rows:
        # PostgreSQL gives `status IN ('a', 'b')` back as CHECK ((status = ANY (ARRAY['a'::text, 'b'::text]))).
        listed = re.search(r"= ANY \(ARRAY\[(.*)\]\)", definition)
        if listed:
            values = {v.replace("''", "'") for v in QUOTED.findall(listed.group(1))}
            assert (table, column) not in found, f"two CHECK vocabularies on {table}.{column}"
            found[(table, column)] = values
    return found


def comment_vocabulary(url: str, table: str, column: str) -> set[str]:
    """The values a column's COMMENT lists: "a, b or c." or "What is alleged: a, b, c."."""
    (comment,), = _rows(url, """
        SELECT col_description(a.attrelid, a.attnum) FROM pg_attribute a
         WHERE a.attrelid = %s::regclass AND a.attname = %s""", (table, column))
    assert comment, f"{table}.{column} has no COMMENT"
    # The list after the colon, if any ("What is alleged: a, b, c."), else the whole comment ("a, b or c.").
    listed = comment.split(":", 1)[1] if ":" in comment else comment
    return {w for w in re.split(r",\s*|\s+or\s+|\s+and\s+", listed.strip().rstrip(".")) if w}


def test_the_schema_has_check_vocabularies(schema):
    assert len(check_vocabularies(schema)) >= 7


@pytest.mark.parametrize("table,column", sorted(vocab.CHECKED), ids=lambda v: v)
def test_enum_equals_check_constraint(schema, table, column):
    enum = vocab.CHECKED[(table, column)]
    allowed = check_vocabularies(schema).get((table, column))
    assert allowed is not None, f"no CHECK constraint lists the values of {table}.{column} (vocab.{enum.__name__})"
    values = {member.value for member in enum}
    assert values == allowed, (f"vocab.{enum.__name__} and the CHECK on {table}.{column} differ: "
                               f"only in the enum {sorted(values - allowed)}, only in SQL {sorted(allowed - values)}")


def test_every_check_vocabulary_has_an_enum(schema):
    missing = sorted(set(check_vocabularies(schema)) - set(vocab.CHECKED))
    assert not missing, f"CHECK vocabularies without an enum in pipeline/vocab.py: {missing}"


@pytest.mark.parametrize("table,column", sorted(vocab.DOCUMENTED), ids=lambda v: v)
def test_enum_equals_documented_vocabulary(schema, table, column):
    enum = vocab.DOCUMENTED[(table, column)]
    assert (table, column) not in check_vocabularies(schema), f"{table}.{column} has a CHECK now: move it to vocab.CHECKED"
    documented = comment_vocabulary(schema, table, column)
    values = {member.value for member in enum}
    assert values == documented, (f"vocab.{enum.__name__} and the COMMENT on {table}.{column} differ: "
                                  f"only in the enum {sorted(values - documented)}, only in the comment {sorted(documented - values)}")


def test_gazetteer_actor_kinds_are_actor_kinds(schema):
    kinds = {kind for (kind,) in _rows(schema, "SELECT DISTINCT kind FROM actors")}
    assert kinds, "migrate loaded no actors"
    assert kinds <= {k.value for k in vocab.ActorKind}, sorted(kinds - {k.value for k in vocab.ActorKind})


def test_members_are_the_strings_stored():
    # What lets the enums replace bare strings one module at a time: equal, hashed and formatted as their value.
    assert vocab.AccusationMode.CLAIM == "claim" and hash(vocab.AlertStatus.NO_RECIPIENTS) == hash("no_recipients")
    assert f"{vocab.Verdict.NOT_A_CLAIM}" == "not_a_claim" and str(vocab.RunStatus.FAILED) == "failed"
    assert vocab.AccusationMode("denial") is vocab.AccusationMode.DENIAL
