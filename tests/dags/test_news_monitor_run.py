"""The seed scenario through Airflow: dag.test() of news_monitor against an initialised metadata DB."""

from __future__ import annotations


import psycopg2
import pytest

from tests.dags.airflow_harness import RUN_DAG, monitor_env, run_airflow


@pytest.mark.parametrize("shards", [1, 3])
def test_news_monitor_dag_run_stores_the_seed_claim_and_sends_one_email(database_url, seed_web, mail_sink, tmp_path, shards):
    feeds = seed_web.write_feeds_yaml(tmp_path / "feeds.yaml")
    # shards=3: every heavy stage mapped three ways, the same result
    env = monitor_env(tmp_path / "airflow", database_url, mail_sink.port, feeds, shards=str(shards))

    result = run_airflow(RUN_DAG, env)

    assert result["state"] == "success", result
    assert set(result["tasks"].values()) == {"success"}, result
    with psycopg2.connect(database_url) as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*), count(*) FILTER (WHERE is_relevant) FROM articles")
        assert cur.fetchone() == (4, 1)
        cur.execute("SELECT accuser, accused, agreement FROM accusations WHERE mode = 'claim'")
        assert ("russia", "turkey", "moscow_2020") in cur.fetchall()
        cur.execute("SELECT count(*) FROM statements WHERE kind = 'direct' AND speaker = 'Maria Zakharova'")
        assert cur.fetchone()[0] == 4
        cur.execute("SELECT source, finished_at IS NOT NULL, counts->>'alerts_sent' FROM runs")
        source, finished, sent = cur.fetchone()
        assert finished and sent == "1" and source.startswith("manual__")
    assert len(mail_sink.messages()) == 1
