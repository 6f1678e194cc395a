"""Runs Airflow code in a child process with an isolated AIRFLOW_HOME and an initialised metadata DB."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from localdev.airflow_env import news_monitor_env

ROOT = Path(__file__).resolve().parents[2]

CHECK_DAGS = """
import json
from airflow.dag_processing.dagbag import DagBag
bag = DagBag(dag_folder=__DAGS__)
out = {"errors": {k: str(v) for k, v in bag.import_errors.items()}, "dags": {}}
for dag_id, dag in bag.dags.items():
    out["dags"][dag_id] = {
        "tags": sorted(dag.tags), "doc_md": bool(dag.doc_md), "catchup": dag.catchup,
        "schedule": str(dag.schedule),
        "tasks": {t.task_id: {"retries": t.retries, "backoff": bool(t.retry_exponential_backoff),
                              "timeout": t.execution_timeout.total_seconds() if t.execution_timeout else None}
                  for t in dag.tasks},
    }
print("RESULT " + json.dumps(out))
"""

RUN_DAG = """
import json
from airflow.utils.db import initdb
initdb()
from airflow.dag_processing.dagbag import DagBag
dag = DagBag(dag_folder=__DAGS__).get_dag("news_monitor")
run = dag.test()
states = {ti.task_id: str(ti.state) for ti in run.get_task_instances()}
print("RESULT " + json.dumps({"state": str(run.state), "tasks": states}))
"""


def airflow_env(home: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for an isolated Airflow: temp home, SQLite metadata, no examples, project on the path."""
    home.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
    env.update({
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__DAGS_FOLDER": str(ROOT / "dags"),
        "AIRFLOW__CORE__PLUGINS_FOLDER": str(ROOT / "plugins"),
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home / 'airflow.db'}",
        "PYTHONPATH": str(ROOT),
    })
    env.update(extra or {})
    return env


def monitor_env(home: Path, database_url: str, smtp_port: int, feeds: Path, **variables: str) -> dict[str, str]:
    """airflow_env for news_monitor over local servers: the project DB, the SMTP sink, the feeds, Variables."""
    return airflow_env(home, news_monitor_env(database_url, smtp_port, feeds, **variables))


def run_airflow(script: str, env: dict[str, str], timeout: int = 900) -> dict:
    """Run a snippet in a child Python and return the JSON it printed after 'RESULT '."""
    script = script.replace("__DAGS__", repr(str(ROOT / "dags")))
    done = subprocess.run([sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    for line in reversed(done.stdout.splitlines()):
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT "):])
    raise AssertionError(f"airflow child failed (exit {done.returncode}):\n{done.stdout[-4000:]}\n{done.stderr[-8000:]}")
