"""The pipeline's stages, each idempotent and resumable: the DAG runs them as tasks, the CLI in a row."""

from __future__ import annotations

import json
import logging
from collections import deque
from concurrent.futures import Future
from dataclasses import dataclass

from pipeline import db, store
from pipeline.alerts import drain_outbox
from pipeline.config import Settings
from pipeline import workers
from pipeline.extract import ExtractionError
from pipeline.feeds import load_feeds, parse_feed, poll_feed
from pipeline.fetch import HTML_TYPES, FetchError, HttpClient, Response
from pipeline.store import PendingItem

log = logging.getLogger(__name__)

FETCH_BATCH = 500  # pages per fetch stage; the rest wait for the next run
ANALYZE_BATCH = 500
WRITE_BATCH = 100  # articles stored per transaction
EXTRACT_CHUNK = 8  # pages per extraction task sent to a worker process
ANALYZE_CHUNK = 8  # articles per analysis task (parsed together)
# Below these, work stays in-process: starting worker processes (and loading spaCy in them) costs
# more than they save. The DAG's default batches (FETCH_BATCH pages) stay in-process; big
# catch-up batches use every core.
PARALLEL_MIN_PAGES = 1000
PARALLEL_MIN_PARSES = 50  # articles passing the prefilter
PARALLEL_MIN_FEEDS = 200  # feeds due in one poll: their XML is parsed on worker processes
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
        # Fetch threads hand feed XML to the worker processes on a big poll (feedparser is pure Python:
        # ~10 ms a feed that would otherwise hold this process's one interpreter lock).
        executor = workers.pool() if len(todo) >= PARALLEL_MIN_FEEDS else None
        parse = parse_feed if executor is None else (lambda *args: workers.call(executor, parse_feed, *args))
        results = client.map(lambda feed: poll_feed(client, feed, due[feed.name][1], parse), todo)
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


class _Chunk:
    """Pages extracted together in one worker task."""

    def __init__(self) -> None:
        self.pages: list[tuple[bytes, str | None, str]] = []
        self.future: Future | None = None

    def submit(self, executor) -> None:
        if self.pages and self.future is None:
            self.future = workers.submit(executor, workers.prepare_pages, self.pages)

    def results(self, executor) -> list:
        self.submit(executor)
        return workers.settle(self.future, executor, workers.prepare_pages, self.pages)


def fetch_articles(settings: Settings, run_id: int | None = None, limit: int = FETCH_BATCH) -> dict:
    """Fetch pending pages, extract bodies, store articles; return counts and the ids needing analysis.

    Threads fetch, worker processes extract (when the batch is big enough to pay for them), and
    articles are stored in item order, WRITE_BATCH per transaction.
    """
    counts = {"pages_fetched": 0, "pages_failed": 0, "articles_new_or_changed": 0}
    article_ids: list[int] = []
    with db.connection(settings.database_url) as conn, HttpClient(settings.fetch) as client:
        items = store.pending_items(conn, limit)
        executor = workers.pool() if len(items) >= PARALLEL_MIN_PAGES else None
        window = 8 * EXTRACT_CHUNK * workers.process_count()  # pages extracted ahead of the one being stored
        in_flight: deque[tuple[_Fetched, _Chunk | None, int]] = deque()
        chunk = _Chunk()
        batch: list[store.NewArticle] = []

        def flush() -> None:
            for article_id, changed in store.upsert_articles(conn, batch):
                if changed:
                    counts["articles_new_or_changed"] += 1
                    article_ids.append(article_id)
            batch.clear()

        def settle(fetched: _Fetched, job: _Chunk | None, index: int) -> None:
            item = fetched.item
            kind, error = fetched.error_kind, fetched.error
            if job is not None:
                prepared = job.results(executor)[index]
                if isinstance(prepared, ExtractionError):
                    kind, error = "extraction", f"extraction: {item.link}: {prepared}"
                else:
                    page, response = prepared.page, fetched.response
                    batch.append(store.NewArticle(item, response.url, page.title, page.published_at, page.language,
                                                  page.body_text, prepared.digest, prepared.compressed,
                                                  prepared.fingerprint))
                    counts["pages_fetched"] += 1
                    if len(batch) >= WRITE_BATCH:
                        flush()
                    return
            counts["pages_failed"] += 1
            store.mark_item_failed(conn, item.id, error or "unknown error", final=kind in PERMANENT_FETCH_ERRORS)
            db.record_event(conn, run_id, "fetch", item.link, kind or "error", error or "")

        def ready() -> bool:
            _, job, _ = in_flight[0]
            return job is None or (job.future is not None and job.future.done()) or len(in_flight) > window

        for fetched in client.map(lambda item: _fetch_one(client, item), items):
            if fetched.response is None:
                in_flight.append((fetched, None, 0))
            else:
                response = fetched.response
                in_flight.append((fetched, chunk, len(chunk.pages)))
                chunk.pages.append((response.body, response.charset, response.url))
                if len(chunk.pages) >= (EXTRACT_CHUNK if executor is not None else 1):
                    chunk.submit(executor)
                    chunk = _Chunk()
            while in_flight and ready():
                settle(*in_flight.popleft())
        chunk.submit(executor)
        while in_flight:
            settle(*in_flight.popleft())
        flush()
    _record(settings, run_id, counts)
    return {**counts, "article_ids": article_ids}


def analyze_articles(settings: Settings, run_id: int | None = None, limit: int = ANALYZE_BATCH) -> dict[str, int]:
    """Analyse every article not yet analysed (or analysed by an older analyzer) and store results with alerts."""
    from pipeline.analyzer.core import ANALYZER_VERSION, FILTERED_OUT
    from pipeline.analyzer.gazetteer import gazetteer
    from pipeline.analyzer.relevance import prefilter
    from pipeline.claims import save_analysis, save_irrelevant

    counts = {"articles_analyzed": 0, "relevant": 0, "statements": 0, "accusations": 0, "new_claims": 0, "analysis_failed": 0}
    with db.connection(settings.database_url) as conn:
        with conn.cursor() as cur:
            cur.execute(
                # "< or >" rather than "<>": each side is an index range scan (migration 005).
                """SELECT id, title, body_text, outlet FROM articles
                   WHERE analyzer_version IS NULL OR analyzer_version < %s OR analyzer_version > %s
                   ORDER BY id LIMIT %s""",
                (ANALYZER_VERSION, ANALYZER_VERSION, limit),
            )
            rows = cur.fetchall()
        conn.commit()
        # The cheap prefilter runs here; articles that pass it (and may need the parser) go to the
        # worker processes when there are enough of them, and results are stored in id order.
        passed = [index for index, (_, title, body, _) in enumerate(rows) if prefilter(title, body)]
        prefiltered = set(passed)
        executor = workers.pool() if len(passed) >= PARALLEL_MIN_PARSES else None
        jobs: dict[int, tuple[list, Future, int]] = {}  # row index -> (chunk, its future, position in it)
        if executor is not None:
            for start in range(0, len(passed), ANALYZE_CHUNK):
                part = passed[start:start + ANALYZE_CHUNK]
                chunk = [rows[index][1:] for index in part]
                future = workers.submit(executor, workers.analyze_batch, chunk)
                jobs.update((index, (chunk, future, position)) for position, index in enumerate(part))
        irrelevant = []
        for index, (article_id, title, body, outlet) in enumerate(rows):
            if index in jobs:
                chunk, future, position = jobs.pop(index)
                analysis = workers.settle(future, executor, workers.analyze_batch, chunk)[position]
            else:  # most articles: the prefilter above already said no
                analysis = workers.analyze_safely(title, body, None if index in prefiltered else FILTERED_OUT,
                                                  outlet=outlet)
            if isinstance(analysis, workers.AnalysisFailure):
                conn.rollback()
                counts["analysis_failed"] += 1
                db.record_event(conn, run_id, "analyze", f"article {article_id}", analysis.kind, analysis.message)
                # Not retried every run: the next analyzer version tries it again.
                with conn.cursor() as cur:
                    cur.execute("""UPDATE articles SET analyzed_at = now(), analyzer_version = %s, is_relevant = NULL,
                                     relevance_evidence = %s WHERE id = %s""",
                                (ANALYZER_VERSION, json.dumps([f"analysis failed: {analysis.kind}"]), article_id))
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
