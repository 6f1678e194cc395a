"""The monitor page plugin: loaded by Airflow's plugin manager, served inside the real API app, login required."""

from __future__ import annotations

import json

import psycopg2

from pipeline import db
from tests.dags.airflow_harness import airflow_env, run_airflow

SCRIPT = """
import json
from airflow.utils.db import initdb
initdb()
from airflow import plugins_manager
plugins, errors = plugins_manager._get_plugins()
ours = [p for p in plugins if p.name == "ceasefire_monitor"]
from fastapi.testclient import TestClient
from airflow.api_fastapi.app import create_app, get_auth_manager
from airflow.api_fastapi.auth.managers.simple.user import SimpleAuthManagerUser
client = TestClient(create_app())
anonymous = client.get("/monitor/")
anonymous_api = client.get("/monitor/api/feed-health")
docs = {path: client.get(path).status_code for path in
        ("/monitor/docs", "/monitor/redoc", "/monitor/openapi.json", "/monitor/docs/oauth2-redirect")}
token = get_auth_manager().generate_jwt(SimpleAuthManagerUser(username="admin", role="ADMIN"))
page = client.get("/monitor/", cookies={"_token": token})
api = client.get("/monitor/api/feed-health", headers={"Authorization": "Bearer " + token})
print("RESULT " + json.dumps({
    "errors": {k: str(v) for k, v in errors.items()},
    "loaded": len(ours),
    "views": ours[0].external_views if ours else [],
    "anonymous": anonymous.status_code, "anonymous_api": anonymous_api.status_code, "docs": docs,
    "page": page.status_code, "html": page.text,
    "api": api.status_code, "feeds": api.json() if api.status_code == 200 else None,
}, default=str))
"""


def test_monitor_page_needs_login_has_no_public_api_docs_and_shows_failing_feeds_escaped(database_url, tmp_path):
    with db.connection(database_url) as conn:
        db.migrate(conn)
        with conn.cursor() as cur:
            cur.execute("""INSERT INTO feeds (name, url, outlet, consecutive_failures, last_error)
                           VALUES ('broken', 'http://127.0.0.1:9/x', 'Outlet', 3, 'not-a-feed: <script>x</script>')""")
        conn.commit()
    env = airflow_env(tmp_path / "airflow", {
        "AIRFLOW_CONN_NEWS_DB": json.dumps({"conn_type": "postgres", "extra": {"dsn": database_url}}),
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": "admin:admin",
    })

    result = run_airflow(SCRIPT, env)

    assert result["errors"] == {} and result["loaded"] == 1
    assert result["views"][0]["href"] == "/monitor/"
    assert result["anonymous"] == 401 and result["anonymous_api"] == 401
    # FastAPI's own docs would describe the plugin's API to anyone: they are off
    assert all(status in (401, 403, 404) for status in result["docs"].values()), result["docs"]
    assert result["page"] == 200
    assert "&lt;script&gt;x&lt;/script&gt;" in result["html"] and "<script>x" not in result["html"]
    assert result["api"] == 200 and result["feeds"][0]["name"] == "broken"
    assert result["feeds"][0]["health"] == "failing"
