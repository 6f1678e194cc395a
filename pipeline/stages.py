"""The pipeline's stages, each idempotent and resumable: the DAG runs them as tasks, the CLI in a row."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from pipeline import db, store
from pipeline.alerts import drain_outbox
from pipeline.config import Settings
from pipeline.extract import ExtractionError, compress, decode_html, extract_article
from pipeline.feeds import body_hash, load_feeds, poll_feed
from pipeline.fetch import HTML_TYPES, FetchError, HttpClient, Response
from pipeline.store import PendingItem

log = logging.getLogger(__name__)

FETCH_BATCH = 500  # pages per fetch stage; the rest wait for the next run
ANALYZE_BATCH = 500
PERMANENT_FETCH_ERRORS = {"refused-address", "robots", "content-type", "too-large", "invalid-url", "extraction"}


def _record(settings: Settings, run_id: int | None, counts: dict, finished: bool = False) -> None:
    if run_id is not None:
        with db.connection(settings.database_url) as conn:
            db.add_run_counts(conn, run_id, {k: v for k, v in counts.items() if isinstance(v, int)}, finished)


def prepare(settings: Settings) -> dict[str, int]:
    """Apply migrations and sync configured feeds and the actor gazetteer into the database."""
    from pipeline.analyzer.gazetteer import gazetteer

    with db.connection(settings.database_url) as conn:
        applied = db.migrate(conn)
        feeds = store.sync_feeds(conn, load_feeds(settings.feeds_path))
        with conn.cursor() as cur:
            for actor_id, name, kind, parent in gazetteer().rows():
                cur.execute(
                    """INSERT INTO actors (id, name, kind, parent_id) VALUES (%s, %s, %s, %s)
                       ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, parent_id = EXCLUDED.parent_id""",
                    (actor_id, name, kind, parent),
                )
        conn.commit()
    return {"migrations_applied": len(applied), "feeds_configured": len(feeds)}


def poll_feeds(settings: Settings, run_id: int | None = None) -> dict[str, int]:
    """Poll every due feed (conditional GET) and store new items; a failing feed is recorded, never fatal."""
    feeds = load_feeds(settings.feeds_path)
    counts = {"feeds_polled": 0, "feeds_unchanged": 0, "feeds_failed": 0, "feeds_deferred": 0, "new_items": 0}
    with db.connection(settings.database_url) as conn, HttpClient(settings.fetch) as client:
        now = store.utcnow()
        due = store.feeds_due(conn, [f.name for f in feeds], now)
        todo = [f for f in feeds if f.name in due]
        counts["feeds_deferred"] = len(feeds) - len(todo)
        results = client.map(lambda feed: poll_feed(client, feed, due[feed.name][1]), todo)
        for result in results:
            counts["feeds_polled"] += 1
            feed_id = due[result.feed.name][0]
            counts["new_items"] += store.record_poll(conn, feed_id, result, now)
            if result.status == "failed":
                counts["feeds_failed"] += 1
                db.record_event(conn, run_id, "poll", result.feed.url, result.error_kind or "error", result.error or "")
            elif result.status == "unchanged":
                counts["feeds_unchanged"] += 1
    _record(settings, run_id, counts)
    return counts


@dataclass(frozen=True)
class _Fetched:
    item: PendingItem
    response: Response | None = None
    error_kind: str | None = None
    error: str | None = None


def _fetch_one(client: HttpClient, item: PendingItem) -> _Fetched:
    try:
        return _Fetched(item, client.get(item.link, accept=HTML_TYPES))
    except FetchError as exc:
        return _Fetched(item, error_kind=exc.kind, error=str(exc))


def fetch_articles(settings: Settings, run_id: int | None = None, limit: int = FETCH_BATCH) -> dict:
    """Fetch pending pages, extract bodies, store articles; return counts and the ids needing analysis."""
    counts = {"pages_fetched": 0, "pages_failed": 0, "articles_new_or_changed": 0}
    article_ids: list[int] = []
    with db.connection(settings.database_url) as conn, HttpClient(settings.fetch) as client:
        items = store.pending_items(conn, limit)
        for fetched in client.map(lambda item: _fetch_one(client, item), items):
            item = fetched.item
            kind, error = fetched.error_kind, fetched.error
            if fetched.response is not None:
                raw = fetched.response.body
                try:
                    page = extract_article(decode_html(raw, fetched.response.charset), fetched.response.url)
                except ExtractionError as exc:
                    kind, error = "extraction", f"extraction: {item.link}: {exc}"
                else:
                    article_id, changed = store.upsert_article(
                        conn, item, fetched.response.url, page.title, page.published_at, page.language,
                        page.body_text, body_hash(page.body_text.encode("utf-8")), compress(raw),
                    )
                    counts["pages_fetched"] += 1
                    if changed:
                        counts["articles_new_or_changed"] += 1
                        article_ids.append(article_id)
                    continue
            counts["pages_failed"] += 1
            store.mark_item_failed(conn, item.id, error or "unknown error", final=kind in PERMANENT_FETCH_ERRORS)
            db.record_event(conn, run_id, "fetch", item.link, kind or "error", error or "")
    _record(settings, run_id, counts)
    return {**counts, "article_ids": article_ids}


def analyze_articles(settings: Settings, run_id: int | None = None, limit: int = ANALYZE_BATCH) -> dict[str, int]:
    """Analyse every article not yet analysed (or analysed by an older analyzer) and store results with alerts."""
    from pipeline.analyzer.core import ANALYZER_VERSION, analyze
    from pipeline.analyzer.gazetteer import gazetteer
    from pipeline.claims import save_analysis, save_irrelevant

    counts = {"articles_analyzed": 0, "relevant": 0, "statements": 0, "accusations": 0, "new_claims": 0, "analysis_failed": 0}
    with db.connection(settings.database_url) as conn:
        with conn.cursor() as cur:
            cur.execute(
                """SELECT id, title, body_text FROM articles
                   WHERE analyzed_at IS NULL OR analyzer_version IS DISTINCT FROM %s ORDER BY id LIMIT %s""",
                (ANALYZER_VERSION, limit),
            )
            rows = cur.fetchall()
        conn.commit()
        irrelevant = []
        for article_id, title, body in rows:
            try:
                analysis = analyze(title, body)
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch; it is recorded
                conn.rollback()
                counts["analysis_failed"] += 1
                db.record_event(conn, run_id, "analyze", f"article {article_id}", type(exc).__name__, str(exc))
                # Not retried every run: the next analyzer version tries it again.
                with conn.cursor() as cur:
                    cur.execute("""UPDATE articles SET analyzed_at = now(), analyzer_version = %s, is_relevant = NULL,
                                     relevance_evidence = %s WHERE id = %s""",
                                (ANALYZER_VERSION, json.dumps([f"analysis failed: {type(exc).__name__}"]), article_id))
                conn.commit()
                continue
            counts["articles_analyzed"] += 1
            if not analysis.relevance.relevant:
                irrelevant.append((article_id, analysis))  # written in batches: most articles are these
                if len(irrelevant) >= 200:
                    save_irrelevant(conn, irrelevant, ANALYZER_VERSION)
                    irrelevant = []
                continue
            saved = save_analysis(conn, article_id, analysis, ANALYZER_VERSION, gazetteer().rollup, settings.alert_recipients)
            counts["relevant"] += 1
            counts["statements"] += saved.statements
            counts["accusations"] += saved.accusations
            counts["new_claims"] += saved.new_claims
        save_irrelevant(conn, irrelevant, ANALYZER_VERSION)
    _record(settings, run_id, counts)
    return counts


def send_alerts(settings: Settings, run_id: int | None = None) -> dict[str, int]:
    """Send queued alert emails; failures stay queued for the next run and are recorded."""
    with db.connection(settings.database_url) as conn:
        sent, failed, errors = drain_outbox(conn, settings.smtp, settings.max_alert_attempts)
        for error in errors:
            db.record_event(conn, run_id, "alert", error.split(":", 1)[0], "smtp", error)
        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM alerts WHERE status = 'pending'")
            queued = cur.fetchone()[0]
        conn.commit()
    counts = {"alerts_sent": sent, "alerts_failed": failed, "alerts_queued": queued}
    _record(settings, run_id, {"alerts_sent": sent, "alerts_failed": failed}, finished=True)
    return counts


def run_once(settings: Settings, source: str = "cli") -> dict[str, int]:
    """All stages in order, as one recorded run; returns the merged counts."""
    summary: dict[str, int] = dict(prepare(settings))
    with db.connection(settings.database_url) as conn:
        run_id = db.start_run(conn, source)
    summary.update(poll_feeds(settings, run_id))
    fetched = fetch_articles(settings, run_id)
    fetched.pop("article_ids")
    summary.update(fetched)
    summary.update(analyze_articles(settings, run_id))
    summary.update(send_alerts(settings, run_id))
    return summary
