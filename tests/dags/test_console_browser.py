"""The console after a real dag.test() run, as headless Chromium renders it (skips where Chromium is missing).

The pages come from the plugin inside Airflow's real API app, logged in; Chromium parses and lays
them out with nothing from the network (the console ships everything it needs), and a
screenshot of each is kept in the test's temporary folder.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.dags.airflow_harness import RUN_DAG, airflow_env, run_airflow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--window-size=1300,1400"]

FETCH_PAGES = """
import json, pathlib
from airflow.utils.db import initdb
initdb()
from fastapi.testclient import TestClient
from airflow.api_fastapi.app import create_app, get_auth_manager
from airflow.api_fastapi.auth.managers.simple.user import SimpleAuthManagerUser
client = TestClient(create_app())
token = get_auth_manager().generate_jwt(SimpleAuthManagerUser(username="admin", role="ADMIN"))
out = pathlib.Path(__OUT__)
codes = {}
for name, path in (("overview", "/monitor/"), ("claims", "/monitor/claims?accuser=russia"), ("claim", "/monitor/claims/1"),
                   ("statements", "/monitor/statements?speaker=Zakharova")):
    response = client.get(path, cookies={"_token": token})
    codes[name] = response.status_code
    (out / f"{name}.html").write_text(response.text, encoding="utf-8")
print("RESULT " + json.dumps(codes))
"""


def _render(page: Path, shot: Path) -> str:
    """Chromium's DOM of the page after parsing, and a screenshot of it."""
    profile = page.parent / f"profile-{page.stem}"
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={shot}", page.as_uri()],
                   capture_output=True, timeout=120)
    done = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
                          capture_output=True, text=True, timeout=120)
    return done.stdout


@pytest.mark.airflow
@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (Debian package chromium)")
def test_the_console_after_a_real_run_renders_in_chromium(database_url, seed_web, mail_sink, tmp_path):
    feeds = seed_web.write_feeds_yaml(tmp_path / "feeds.yaml")
    env = airflow_env(tmp_path / "airflow", {
        "AIRFLOW_CONN_NEWS_DB": json.dumps({"conn_type": "postgres", "extra": {"dsn": database_url}}),
        "AIRFLOW_CONN_NEWS_SMTP": json.dumps({"conn_type": "smtp", "host": "127.0.0.1", "port": mail_sink.port,
                                              "extra": {"disable_ssl": True, "disable_tls": True}}),
        "AIRFLOW_VAR_FEEDS_PATH": str(feeds),
        "AIRFLOW_VAR_ALERT_RECIPIENTS": "analyst@example.org",
        "AIRFLOW_VAR_ALLOW_PRIVATE_HOSTS": "true",
    })
    assert run_airflow(RUN_DAG, env)["state"] == "success"
    pages = tmp_path / "pages"
    pages.mkdir()
    codes = run_airflow(FETCH_PAGES.replace("__OUT__", repr(str(pages))), env)
    assert set(codes.values()) == {200}, codes

    dom = {name: _render(pages / f"{name}.html", tmp_path / f"{name}.png") for name in codes}

    assert "<svg" in dom["overview"] and "Russia → Turkey" in dom["overview"]  # the chart, actors by name
    assert "Moscow additional protocol" in dom["claims"] and "Russia" in dom["claims"]
    assert "Record review" in dom["claim"] and "class=\"evidence\"" in dom["claim"]
    assert "Maria Zakharova" in dom["statements"]
    for name in codes:
        assert (tmp_path / f"{name}.png").stat().st_size > 10_000, name  # a laid-out page, not a blank one
