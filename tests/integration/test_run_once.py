"""End to end through the CLI: sample web over HTTP -> PostgreSQL -> one alert email over SMTP."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg2

from tests.conftest import ROOT


def run_cli(database_url: str, feeds: Path, smtp_port: int, *extra: str) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(smtp_port),
        "ALERT_RECIPIENTS": "analyst@example.org, desk@example.org",
    }
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run-once", "--feeds", str(feeds), "--allow-private-hosts", "--json", *extra],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def rows(database_url: str, sql: str) -> list[tuple]:
    with psycopg2.connect(database_url) as conn, conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchall()


def table_counts(database_url: str) -> dict[str, int]:
    tables = ["articles", "statements", "accusations", "claims", "alerts", "feed_items", "commitments"]
    return {t: rows(database_url, f"SELECT count(*) FROM {t}")[0][0] for t in tables}


def test_seed_scenario_stores_one_accusation_four_quotes_and_sends_one_email(database_url, seed_web, mail_sink, tmp_path):
    feeds = seed_web.write_feeds_yaml(tmp_path / "feeds.yaml")

    summary = run_cli(database_url, feeds, mail_sink.port)

    assert summary["feeds_polled"] == 1 and summary["feeds_failed"] == 0
    assert summary["articles_new_or_changed"] == 4
    assert rows(database_url, "SELECT count(*) FROM articles")[0][0] == 4
    relevant = rows(database_url, "SELECT url FROM articles WHERE is_relevant")
    assert [url for (url,) in relevant] == [f"{seed_web.base_url}/articles/idlib-commitments.html"]

    body = rows(database_url, "SELECT body_text FROM articles WHERE is_relevant")[0][0]
    assert "Back to top button" not in body and "Most read" not in body and "Home" not in body.split("\n")[0]

    accusations = rows(
        database_url,
        "SELECT accuser, accused, agreement, evidence FROM accusations WHERE mode IN ('claim', 'counter')",
    )
    assert ("russia", "turkey", "moscow_2020") in {a[:3] for a in accusations}

    quotes = rows(
        database_url,
        "SELECT speaker, quote, char_start, char_end FROM statements WHERE kind = 'direct' ORDER BY char_start",
    )
    starts = ["Despite the success", "The terrorist groups of Hay", "Ankara is, nevertheless", "The purge of the remaining"]
    assert [q[1][: len(s)] for q, s in zip(quotes, starts)] == starts and len(quotes) == 4
    assert {q[0] for q in quotes} == {"Maria Zakharova"}
    for _speaker, quote, start, end in quotes:  # offsets point into the stored body
        assert body[start:end] == quote

    messages = mail_sink.messages()
    assert len(messages) == 1
    message = messages[0]
    assert set(message["To"].replace(" ", "").split(",")) == {"analyst@example.org", "desk@example.org"}
    parts = {part.get_content_type(): part.get_payload(decode=True).decode() for part in message.walk() if not part.is_multipart()}
    assert set(parts) == {"text/plain", "text/html"}
    for text in parts.values():
        assert "Russia" in text and "Turkey" in text and "5 March 2020" in text
        assert "Press TV" in text and "/articles/idlib-commitments.html" in text
    assert "&ldquo;" in parts["text/html"] or "\u201c" in parts["text/html"] or "criticized Turkey" in parts["text/html"]
    assert rows(database_url, "SELECT status, attempts FROM alerts") == [("sent", 1)]

    before = table_counts(database_url)
    again = run_cli(database_url, feeds, mail_sink.port)
    assert again["new_items"] == 0 and again["articles_new_or_changed"] == 0 and again["alerts_sent"] == 0
    assert table_counts(database_url) == before
    assert len(mail_sink.messages()) == 1
