"""Ceasefire monitor page inside the Airflow UI: feed health, failures, runs, alert outbox, latest claims."""

from __future__ import annotations

from airflow.api_fastapi.core_api.security import get_user
from airflow.plugins_manager import AirflowPlugin
from fastapi import Depends, FastAPI
from fastapi.responses import HTMLResponse

# No /docs, /redoc or /openapi.json: Airflow does not guard plugin apps, so FastAPI's generated docs
# would describe the monitor's API to anyone who can reach the api-server.
app = FastAPI(title="Ceasefire monitor", docs_url=None, redoc_url=None, openapi_url=None)


def _report() -> dict:
    # Read at request time: the connection may change while the api-server runs.
    from airflow.models.connection import Connection

    from pipeline import db
    from pipeline.config import dsn_from_parts
    from pipeline.report import operator_report

    news = Connection.get_connection_from_secrets("news_db")
    dsn = dsn_from_parts(news.host, news.port, news.login, news.password, news.schema, news.extra_dejson)
    with db.connection(dsn) as conn:
        return operator_report(conn)


@app.get("/", response_class=HTMLResponse)
def page(user=Depends(get_user)) -> str:  # noqa: B008 - FastAPI dependency; Airflow does not guard plugin apps
    """The operator page; requires a logged-in Airflow user."""
    from pipeline.report import render_html

    return render_html(_report())


@app.get("/api/feed-health")
def feed_health(user=Depends(get_user)) -> list[dict]:  # noqa: B008
    """Feed health as JSON."""
    return _report()["feeds"]


class CeasefireMonitorPlugin(AirflowPlugin):
    """Adds the monitor page under /monitor and a link to it in the UI's navigation."""

    name = "ceasefire_monitor"
    fastapi_apps = [{"app": app, "url_prefix": "/monitor", "name": "Ceasefire monitor"}]
    external_views = [{"name": "Ceasefire monitor", "href": "/monitor/", "url_route": "ceasefire-monitor",
                       "destination": "nav"}]
