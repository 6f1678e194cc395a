"""The analyst's console inside the Airflow UI: trends, claims with review, statements, operations, exports.

Every route requires a logged-in Airflow user (Airflow does not guard plugin apps itself). Pages
are rendered by pipeline/console_html.py from pipeline/store/reads.py's queries.
"""

from __future__ import annotations

import hashlib
import hmac
from contextlib import contextmanager
from urllib.parse import parse_qs

from airflow.api_fastapi.core_api.security import get_user
from airflow.plugins_manager import AirflowPlugin
from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response

# No /docs, /redoc or /openapi.json: Airflow does not guard plugin apps, so FastAPI's generated docs
# would describe the monitor's API to anyone who can reach the api-server.
app = FastAPI(title="Ceasefire monitor", docs_url=None, redoc_url=None, openapi_url=None)
COOKIE = "_token"  # Airflow's session JWT cookie


@contextmanager
def _conn():
    # Read at request time: the connection may change while the api-server runs.
    from airflow.models.connection import Connection

    from pipeline.config import dsn_from_parts
    from pipeline.store import db

    news = Connection.get_connection_from_secrets("news_db")
    dsn = dsn_from_parts(news.host, news.port, news.login, news.password, news.schema, news.extra_dejson)
    with db.connection(dsn) as conn:
        yield conn


def _filters(request: Request):
    from pipeline.console import Filters

    try:
        return Filters.from_params(dict(request.query_params))
    except ValueError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from None


def _page(request: Request) -> int:
    value = request.query_params.get("page", "1")
    return max(1, int(value)) if value.isdigit() else 1


def _csrf(request: Request) -> str:
    """A token only a page served to this session can know: an HMAC of its session cookie."""
    session = request.cookies.get(COOKIE, "")
    return hmac.new(session.encode(), b"ceasefire-monitor review", hashlib.sha256).hexdigest()[:32]


@app.get("/", response_class=HTMLResponse)
def overview(request: Request, user=Depends(get_user)) -> str:  # noqa: B008 - FastAPI dependency
    """Trend chart, latest claims, feed health and recent runs."""
    from pipeline import console, console_html
    from pipeline.store import reads

    filters = _filters(request)
    with _conn() as conn:
        return console_html.overview_page(reads.trends(conn, filters), reads.claims(conn, filters, 1, 10)[0],
                                          console.facets(conn), filters, reads.operator_report(conn))


@app.get("/claims", response_class=HTMLResponse)
def claims(request: Request, user=Depends(get_user)) -> str:  # noqa: B008
    """The claim browser: filters, search over evidence and speakers, paging."""
    from pipeline import console, console_html
    from pipeline.store import reads

    filters, page = _filters(request), _page(request)
    with _conn() as conn:
        rows, total = reads.claims(conn, filters, page)
        return console_html.claims_page(rows, total, page, console.facets(conn), filters)


@app.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim(claim_id: int, request: Request, user=Depends(get_user)) -> str:  # noqa: B008
    """One claim: every report with its evidence in its paragraph, and the review form."""
    from pipeline import console_html
    from pipeline.store import reads

    with _conn() as conn:
        found = reads.claim_detail(conn, claim_id)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no claim {claim_id}")
    return console_html.claim_page(found, _csrf(request))


@app.post("/claims/{claim_id}/review")
async def review(claim_id: int, request: Request, user=Depends(get_user)) -> Response:  # noqa: B008
    """Record the logged-in user's verdict on a claim, then show the claim again."""
    from pipeline.review import ReviewError, record_review

    form = {k: v[0] for k, v in parse_qs((await request.body()).decode("utf-8", "replace")).items()}
    if request.cookies.get(COOKIE) and not hmac.compare_digest(form.get("csrf", ""), _csrf(request)):
        raise HTTPException(status_code=403, detail="the review form is stale or foreign: reload the claim page")
    with _conn() as conn:
        try:
            record_review(conn, claim_id, form.get("verdict", ""), form.get("note", ""), user.get_name())
        except ReviewError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from None
    return RedirectResponse(f"/monitor/claims/{claim_id}", status_code=303)


@app.get("/statements", response_class=HTMLResponse)
def statements(request: Request, user=Depends(get_user)) -> str:  # noqa: B008
    """Who said what, searchable by speaker and by words in the quote."""
    from pipeline import console_html
    from pipeline.store import reads

    speaker, q, page = request.query_params.get("speaker"), request.query_params.get("q"), _page(request)
    with _conn() as conn:
        rows, total = reads.statements(conn, speaker, q, page)
    return console_html.statements_page(rows, total, page, speaker, q)


@app.get("/operations", response_class=HTMLResponse)
def operations(user=Depends(get_user)) -> str:  # noqa: B008
    """Feed health, runs, the alert outbox and recent failures."""
    from pipeline import console_html
    from pipeline.store.reads import operator_report

    with _conn() as conn:
        return console_html.operations_page(operator_report(conn))


@app.get("/export/{what}.{fmt}")
def export(what: str, fmt: str, request: Request, user=Depends(get_user)) -> Response:  # noqa: B008
    """Claims, statements or trends under the page's filters, as CSV or JSON."""
    from pipeline import exports
    from pipeline.store import reads

    if what not in exports.EXPORT_COLUMNS or fmt not in ("csv", "json"):
        raise HTTPException(status_code=404, detail="export claims, statements or trends as csv or json")
    filters = _filters(request)
    with _conn() as conn:
        rows = reads.export_rows(conn, what, filters, request.query_params.get("speaker"), request.query_params.get("q"))
    if fmt == "json":
        return Response(exports.render(rows, what, fmt), media_type="application/json")
    return PlainTextResponse(exports.render(rows, what, fmt), media_type="text/csv",
                             headers={"Content-Disposition": f'attachment; filename="{what}.csv"'})


@app.get("/api/feed-health")
def feed_health(user=Depends(get_user)) -> list[dict]:  # noqa: B008
    """Feed health as JSON."""
    from pipeline.store.reads import operator_report

    with _conn() as conn:
        return operator_report(conn)["feeds"]


class CeasefireMonitorPlugin(AirflowPlugin):
    """Adds the console under /monitor and a link to it in the UI's navigation."""

    name = "ceasefire_monitor"
    fastapi_apps = [{"app": app, "url_prefix": "/monitor", "name": "Ceasefire monitor"}]
    external_views = [{"name": "Ceasefire monitor", "href": "/monitor/", "url_route": "ceasefire-monitor",
                       "destination": "nav"}]
