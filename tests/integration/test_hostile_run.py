"""The issue's acceptance run: one run-once over a web full of hostile pages and feeds, with defaults.

Every good article is stored, every claim is emailed exactly once, every hostile page and feed is
recorded with its reason, and the run closes as finished. (Its wall time is printed by
bench/hostile_run.py, not asserted here.)"""

from __future__ import annotations

from bench.hostile_run import BAD_PAGES, HostileWeb, figures, run_once


def test_a_run_over_a_hostile_web_stores_every_good_article_and_emails_each_claim_once(database_url, mail_sink, tmp_path):
    with HostileWeb() as web:
        _, done = run_once(database_url, web.feeds_yaml(tmp_path / "feeds.yaml"), mail_sink.port)
        found = figures(database_url)

    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert found["articles"] == web.good_pages()
    assert found["claims"] >= 20  # the demo's stories carry two dozen
    assert found["alerts"] == {"sent": found["claims"]}
    assert len(mail_sink.messages()) == found["claims"]
    assert web.hung_up == 2  # the dripping page and feed: the monitor walked away from both
    failures = found["failures"]
    assert failures["poll hostile-xml"] == 2 and failures["poll not-a-feed"] == 1 and failures["poll timeout"] == 1
    assert sum(n for kind, n in failures.items() if kind.startswith("fetch ")) == len(BAD_PAGES) - 2  # charsets stored
    assert found["runs"] == [("finished", None)]
