"""The monitor page plugin: loaded by Airflow's plugin manager, served inside the real API app, login required."""

from __future__ import annotations

import json

import psycopg2

from pipeline.store import db
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
import re
cookies = {"_token": token}
pages = {path: client.get(path, cookies=cookies).status_code
         for path in ("/monitor/claims", "/monitor/statements", "/monitor/operations", "/monitor/claims?mode=rumour")}
claim_page = client.get("/monitor/claims/1", cookies=cookies).text
csrf = re.search(r"name='csrf' value='([0-9a-f]+)'", claim_page).group(1)
forged = client.post("/monitor/claims/1/review", cookies=cookies, content="verdict=not_a_claim&csrf=0",
                     headers={"Content-Type": "application/x-www-form-urlencoded"}, follow_redirects=False)
anonymous_review = client.post("/monitor/claims/1/review", content="verdict=not_a_claim",
                               headers={"Content-Type": "application/x-www-form-urlencoded"}, follow_redirects=False)
reviewed = client.post("/monitor/claims/1/review", cookies=cookies,
                       content=f"verdict=not_a_claim&note=a+question%2C+not+a+charge&csrf={csrf}",
                       headers={"Content-Type": "application/x-www-form-urlencoded"}, follow_redirects=False)
after = client.get("/monitor/claims/1", cookies=cookies).text
export_all = client.get("/monitor/export/claims.csv?include_wrong=1", cookies=cookies)
export_default = client.get("/monitor/export/claims.csv", cookies=cookies)
print("RESULT " + json.dumps({
    "pages": pages, "forged": forged.status_code, "anonymous_review": anonymous_review.status_code,
    "reviewed": reviewed.status_code, "location": reviewed.headers.get("location"),
    "after_has_verdict": "wrong: not a claim" in after and "a question, not a charge" in after,
    "export_all_rows": len(export_all.text.strip().splitlines()) - 1,
    "export_default_rows": len(export_default.text.strip().splitlines()) - 1,
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
            cur.execute("""INSERT INTO articles (url, outlet, title, body_text, body_hash)
                           VALUES ('http://127.0.0.1:9/a', 'Outlet', 'T', 'Moscow said Ankara broke the truce.', 'h')""")
            cur.execute("""INSERT INTO claims (accuser, accused, breach_type, first_article_id, first_outlet, first_seen, last_seen)
                           VALUES ('russia', 'turkey', 'ceasefire_violation', 1, 'Outlet', now(), now())""")
            cur.execute("""INSERT INTO accusations (article_id, claim_id, accuser, accused, breach_type, evidence,
                             char_start, char_end, confidence) VALUES (1, 1, 'russia', 'turkey', 'ceasefire_violation',
                             'Moscow said Ankara broke the truce.', 0, 35, 0.9)""")
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
    assert result["pages"] == {"/monitor/claims": 200, "/monitor/statements": 200, "/monitor/operations": 200,
                               "/monitor/claims?mode=rumour": 400}
    assert result["forged"] == 403 and result["anonymous_review"] == 401  # no review without the page's token, or a login
    assert result["reviewed"] == 303 and result["location"] == "/monitor/claims/1"
    assert result["after_has_verdict"]
    assert (result["export_all_rows"], result["export_default_rows"]) == (1, 0)  # marked wrong: out unless asked
    with psycopg2.connect(database_url) as conn, conn.cursor() as cur:
        cur.execute("SELECT verdict, reviewer, note FROM reviews")
        assert cur.fetchall() == [("not_a_claim", "admin", "a question, not a charge")]  # the logged-in Airflow user
