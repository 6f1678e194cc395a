"""The real CeleryExecutor check (scripts/celery_check.py) when a Redis broker answers on loopback; skipped otherwise.

Two Celery workers run news_monitor's shards; the rows and emails must equal a single-process run,
and killing one worker mid-shard must still leave every article stored once and every claim emailed once.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from celery_check import broker_answers  # noqa: E402


@pytest.mark.airflow
@pytest.mark.skipif(not broker_answers(), reason="no Redis on 127.0.0.1:6379 to run Celery against")
def test_two_celery_workers_split_the_run_and_survive_one_dying():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "celery_check.py")], cwd=ROOT, capture_output=True,
                          text=True, timeout=1500)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-3000:]
    assert "worker-killed: killed worker1 while it ran fetch_articles" in done.stdout
    assert "all checks hold" in done.stdout
