"""Every DAG in dags/ imports cleanly, is tagged, documented and retried."""

import pytest

from tests.dags.airflow_harness import CHECK_DAGS, ROOT, airflow_env, run_airflow


@pytest.fixture(scope="module")
def dagbag(tmp_path_factory):
    return run_airflow(CHECK_DAGS, airflow_env(tmp_path_factory.mktemp("af")))


def test_dags_import_without_errors(dagbag):
    assert dagbag["errors"] == {}
    assert "news_monitor" in dagbag["dags"]


def test_every_dag_has_tags_and_docs(dagbag):
    for dag_id, dag in dagbag["dags"].items():
        assert dag["tags"], f"{dag_id} has no tags"
        assert dag["doc_md"], f"{dag_id} has no doc_md"


def test_every_task_retries_with_backoff_and_has_a_timeout(dagbag):
    for dag_id, dag in dagbag["dags"].items():
        for task_id, task in dag["tasks"].items():
            assert task["retries"] >= 1, f"{dag_id}.{task_id} has no retries"
            assert task["backoff"], f"{dag_id}.{task_id} retries without backoff"
            assert task["timeout"], f"{dag_id}.{task_id} has no execution_timeout"


def test_news_monitor_runs_every_15_minutes_without_catchup(dagbag):
    dag = dagbag["dags"]["news_monitor"]
    assert dag["catchup"] is False
    assert "*/15" in dag["schedule"]
    assert sorted(dag["tasks"]) == sorted(["prepare", "plan_shards", "poll_feeds", "fetch_articles", "analyze_articles",
                                           "send_alerts"])


def test_dag_files_import_nothing_heavy_at_top_level():
    heavy = ("import spacy", "from spacy", "import trafilatura", "import psycopg2", "from pipeline")
    for path in (ROOT / "dags").glob("*.py"):
        top_level = [line for line in path.read_text().splitlines() if line.startswith(("import ", "from "))]
        assert not [line for line in top_level if line.startswith(heavy)], path.name
