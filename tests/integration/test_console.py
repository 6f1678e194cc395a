"""The console's queries, review and exports over a real run of the demo's sample web, checked against SQL."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import psycopg2
import pytest

from localdev.sampleweb import SampleWeb, demo_pages
from pipeline import console, console_html, stages
from pipeline.console import Filters
from pipeline.review import ReviewError, record_review, reviews_as_labels
from pipeline.store import reads
from tests.conftest import ROOT, make_settings


@pytest.fixture(scope="module")
def demo_db(pg_server, tmp_path_factory):
    """One run over the demo's 16 pages (two dozen claims), shared by the tests of this module (read-mostly)."""
    import uuid

    from localdev import embedded_db

    name = f"console_{uuid.uuid4().hex[:8]}"
    url = embedded_db.ensure_database(pg_server, name)
    with SampleWeb(demo_pages()) as web:
        feeds = web.write_feeds_yaml(tmp_path_factory.mktemp("console") / "feeds.yaml")
        stages.run_once(make_settings(url, feeds, None))
    return url


def one(url: str, sql: str, *args):
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute(sql, args or None)
        return cur.fetchone()[0]


def test_filters_paging_and_search_agree_with_sql(demo_db):
    with psycopg2.connect(demo_db) as conn:
        rows, total = reads.claims(conn, Filters(), page=1, page_size=10)
        assert total == one(demo_db, "SELECT count(*) FROM claims") >= 20
        pages = [reads.claims(conn, Filters(), page=p, page_size=10)[0] for p in (1, 2, 3)]
        ids = [r["claim"] for page in pages for r in page]
        assert len(ids) == len(set(ids)) == total  # paging covers every claim once
        russia = Filters.from_params({"accuser": "russia"})
        assert reads.claims(conn, russia)[1] == one(demo_db, "SELECT count(*) FROM claims WHERE accuser = 'russia'")
        word = next(r["speaker"] for r in rows + pages[1] + pages[2] if r["speaker"]).split()[-1]
        found, _ = reads.claims(conn, Filters.from_params({"q": word}))
        assert len(found) == one(demo_db, """SELECT count(DISTINCT claim_id) FROM accusations
                                             WHERE evidence ILIKE %s OR speaker ILIKE %s""", f"%{word}%", f"%{word}%") > 0
        week_sum = sum(r["claims"] for r in reads.trends(conn, Filters()))
        assert week_sum == total == one(demo_db, "SELECT sum(accusations) FROM accusation_trends")
        statements, count = reads.statements(conn, speaker=word)
        assert count == one(demo_db, "SELECT count(*) FROM statements WHERE speaker ILIKE %s", f"%{word}%") > 0


def test_malformed_filters_are_refused_with_their_name():
    for params, word in (({"mode": "rumour"}, "mode"), ({"since": "yesterday"}, "since"), ({"accuser": "x'; drop"}, "accuser")):
        with pytest.raises(ValueError, match=word):
            Filters.from_params(params)


def test_a_claim_marked_wrong_leaves_trends_and_exports_and_comes_back_as_a_label(demo_db, tmp_path):
    with psycopg2.connect(demo_db) as conn:
        before, total = reads.claims(conn, Filters())
        target = before[0]["claim"]
        with pytest.raises(ReviewError):
            record_review(conn, target, "maybe", "", "ana")
        record_review(conn, target, "confirmed", "checked the briefing", "ana")
        record_review(conn, target, "wrong_accused", "it was the armed groups", "ben")  # the latest review wins
        assert reads.claims(conn, Filters())[1] == total - 1
        assert reads.claims(conn, Filters(include_wrong=True))[1] == total
        assert sum(r["claims"] for r in reads.trends(conn, Filters())) == total - 1
        assert one(demo_db, "SELECT sum(accusations) FROM accusation_trends") == total - 1
        labels = reviews_as_labels(conn)
        rejected = [r for record in labels for r in record["rejected"]]
        assert rejected and rejected[0]["verdict"] == "wrong_accused" and rejected[0]["wrong"] == "accused"
        detail = reads.claim_detail(conn, target)
        assert [r["verdict"] for r in detail["reviews"]] == ["wrong_accused", "confirmed"]
        assert len(detail["report_rows"]) == detail["reports"] >= 1
        report = detail["report_rows"][0]
        before_text, evidence, after_text = report["paragraph"]
        assert evidence and evidence == one(demo_db, "SELECT substr(body_text, %s + 1, %s) FROM articles WHERE id = %s",
                                             report["char_start"], report["char_end"] - report["char_start"], report["article"])
        assert "\n\n" not in before_text and "\n\n" not in after_text  # the evidence's own paragraph(s), no more

    env = {**os.environ, "DATABASE_URL": demo_db}
    out = subprocess.run([sys.executable, "-m", "pipeline", "export", "claims", "--format", "csv"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    exported = list(csv.DictReader(io.StringIO(out.stdout)))
    assert len(exported) == total - 1 and str(target) not in {r["claim"] for r in exported}
    out = subprocess.run([sys.executable, "-m", "pipeline", "export", "trends", "--format", "json", "--include-wrong"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert sum(r["claims"] for r in json.loads(out.stdout)) == total
    out = subprocess.run([sys.executable, "-m", "pipeline", "export", "reviews"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert any(json.loads(line)["rejected"] for line in out.stdout.splitlines())
    out = subprocess.run([sys.executable, "-m", "pipeline", "review", str(target), "confirmed", "--reviewer", "cli-ana"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "confirmed" in out.stdout
    bad = subprocess.run([sys.executable, "-m", "pipeline", "export", "claims", "--since", "soon"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and bad.stderr.startswith("error: since")


def test_pages_render_escaped_with_a_chart(demo_db):
    with psycopg2.connect(demo_db) as conn:
        filters = Filters()
        page = console_html.overview_page(reads.trends(conn, filters), reads.claims(conn, filters, 1, 10)[0],
                                          console.facets(conn), filters, {"feeds": [], "runs": []})
        assert "<svg" in page and "Claims per week" in page and "cdn" not in page.lower()
        claim = reads.claims(conn, filters)[0][0]
        detail = console_html.claim_page(reads.claim_detail(conn, claim["claim"]), "token")
        assert "Record review" in detail and "<mark class='evidence'>" in detail
    hostile = [{"claim": 1, "first_seen": None, "accuser_name": "<b>x</b>", "accused_name": "y", "agreement": None,
                "breach_type": "other", "reports": 1, "outlets": 1, "speaker": "<script>", "evidence": "a & b", "verdict": None}]
    html_text = console_html.claims_table(hostile)
    assert "<script>" not in html_text and "&lt;script&gt;" in html_text and "&lt;b&gt;x" in html_text
