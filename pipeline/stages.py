"""The pipeline's stages, each idempotent and resumable: the DAG runs them as tasks, the CLI in a row."""

from __future__ import annotations

import logging
import time
import zlib
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

import psycopg2

from pipeline import alarms, workers
from pipeline.alerts import drain_outbox
from pipeline.config import Settings
from pipeline.extract import ExtractionError
from pipeline.feeds import PollResult, load_feeds, parse_feed, poll_feed
from pipeline.fetch import HTML_TYPES, FetchError, HttpClient, Response
from pipeline.store import articles, db, outbox, runs
from pipeline.store.analysis import (MAX_ANALYSIS_ATTEMPTS, claim_for_analysis, fail_analysis, give_up_analysis,
                                     save_analysis, save_irrelevant, sync_actors)
from pipeline.store.articles import NewArticle, PendingItem
from pipeline.store.feeds import claim_due_feeds, record_poll, release_feeds, sync_feeds

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
# A stage starts no new feed or page after this long, so a run ends well inside the DAG's task
# timeout; what it did not reach is handed back for the next run. Leases outlive the stage (plus
# one response deadline), so a live run's work is never taken by another.
STAGE_DEADLINE = timedelta(minutes=10)
ANALYSIS_LEASE_FACTOR = 2  # analysis holds its batch twice the lease: parsing 500 articles may take minutes
PERMANENT_FETCH_ERRORS = {"refused-address", "robots", "content-type", "too-large", "invalid-url", "extraction"}


def _record(settings: Settings, run_id: int | None, counts: dict, finished: bool = False) -> None:
    if run_id is not None:
        with db.connection(settings.database_url) as conn:
            runs.add_run_counts(conn, run_id, {k: v for k, v in counts.items() if isinstance(v, int)}, finished)


# Errors of the database itself (server gone, connection dropped): these end a stage. Every other
# database error while storing one feed's or page's content is that content's fault, and is recorded.
DATABASE_DOWN = (psycopg2.OperationalError, psycopg2.InterfaceError)


@contextmanager
def _run_stage(settings: Settings, run_id: int | None) -> Iterator[None]:
    """Close the run as failed, with the reason, when a stage raises (then re-raise)."""
    try:
        yield
    except BaseException as exc:
        if run_id is not None:
            runs.end_run(settings.database_url, run_id, exc)
        raise


def _lease(settings: Settings) -> timedelta:
    return timedelta(seconds=settings.lease_seconds)


def _deadline() -> float:
    return time.monotonic() + STAGE_DEADLINE.total_seconds()


def prepare(settings: Settings) -> dict[str, int]:
    """Apply migrations and sync configured feeds and the actor gazetteer into the database."""
    from pipeline.analyzer.gazetteer import gazetteer

    with db.connection(settings.database_url) as conn:
        applied = db.migrate(conn)
        feeds = sync_feeds(conn, load_feeds(settings.feeds_path))
        sync_actors(conn, gazetteer().rows())
    return {"migrations_applied": len(applied), "feeds_configured": len(feeds)}


def poll_feeds(settings: Settings, run_id: int | None = None, shard: int = 0, shards: int = 1) -> dict[str, int]:
    """Poll every due feed of this shard (conditional GET) and store new items; a failing feed is recorded, never fatal.

    Feeds are split among `shards` by a stable hash of their name, so any worker can poll any shard.
    """
    with _run_stage(settings, run_id):
        return _poll_feeds(settings, run_id, shard, shards)


def in_shard(name: str, shard: int, shards: int) -> bool:
    """Whether a feed belongs to a shard: the same answer in every process (crc32, not Python's hash)."""
    return zlib.crc32(name.encode("utf-8")) % max(1, shards) == shard


def _poll_feeds(settings: Settings, run_id: int | None, shard: int, shards: int) -> dict[str, int]:
    feeds = [feed for feed in load_feeds(settings.feeds_path) if in_shard(feed.name, shard, shards)]
    counts = {"feeds_polled": 0, "feeds_unchanged": 0, "feeds_failed": 0, "feeds_deferred": 0, "new_items": 0}
    with db.connection(settings.database_url) as conn, HttpClient(settings.fetch) as client:
        now = datetime.now(timezone.utc)
        due = claim_due_feeds(conn, [f.name for f in feeds], now, _lease(settings), run_id)
        todo = [f for f in feeds if f.name in due]
        counts["feeds_deferred"] = len(feeds) - len(todo)
        # Fetch threads hand feed XML to the worker processes on a big poll (feedparser is pure Python:
        # ~10 ms a feed that would otherwise hold this process's one interpreter lock).
        executor = workers.pool() if len(todo) >= PARALLEL_MIN_FEEDS else None
        parse = parse_feed if executor is None else (lambda *args: workers.call(executor, parse_feed, *args))
        results = client.map(lambda feed: poll_feed(client, feed, due[feed.name][1], parse), todo, _deadline())
        polled: set[str] = set()
        for result in results:
            polled.add(result.feed.name)
            counts["feeds_polled"] += 1
            feed_id = due[result.feed.name][0]
            result, new_items = _record_poll(conn, feed_id, result, now)
            counts["new_items"] += new_items
            if result.status == "failed":
                counts["feeds_failed"] += 1
                runs.record_event(conn, run_id, "poll", result.feed.url, result.error_kind or "error", result.error or "")
            elif result.status == "unchanged":
                counts["feeds_unchanged"] += 1
                log.info("feed %s: unchanged", result.feed.name)
            else:
                log.info("feed %s: %d entries, %d new", result.feed.name, len(result.entries), new_items)
        counts["feeds_alarmed"] = alarms.queue_feed_alarms(conn)
        unpolled = [due[f.name][0] for f in todo if f.name not in polled]
        if unpolled:  # the stage ran out of time: the next run polls them
            release_feeds(conn, unpolled)
            counts["feeds_deferred"] += len(unpolled)
    _record(settings, run_id, counts)
    return counts


def _record_poll(conn, feed_id: int, result: PollResult, now) -> tuple[PollResult, int]:
    """record_poll; a feed whose items the database refuses (say a NUL byte) is recorded as failed."""
    try:
        return result, record_poll(conn, feed_id, result, now)
    except DATABASE_DOWN:
        raise
    except psycopg2.Error as exc:
        conn.rollback()
        failed = replace(result, status="failed", entries=(), error_kind="store",
                         error=f"items refused by the database: {runs.error_line(exc)}")
        return failed, record_poll(conn, feed_id, failed, now)


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
    """Fetch pending pages, extract bodies, store articles; return counts (analysis finds its work in the database).

    Pages are leased first (the attempt counted before the fetch); threads fetch, worker processes
    extract (when the batch is big enough to pay for them), and articles are stored as their pages
    complete, WRITE_BATCH per transaction.
    """
    with _run_stage(settings, run_id):
        return _fetch_articles(settings, run_id, limit)


def _fetch_articles(settings: Settings, run_id: int | None, limit: int) -> dict:
    counts = {"pages_fetched": 0, "pages_failed": 0, "articles_new_or_changed": 0}
    with db.connection(settings.database_url) as conn, HttpClient(settings.fetch) as client:
        for item_id, link in articles.give_up_abandoned(conn):
            counts["pages_failed"] += 1
            runs.record_event(conn, run_id, "fetch", link, "abandoned",
                              f"item {item_id}: no fetch attempt finished within {articles.MAX_ITEM_ATTEMPTS} runs")
        items = articles.claim_items(conn, limit, _lease(settings), run_id)
        executor = workers.pool() if len(items) >= PARALLEL_MIN_PAGES else None
        window = 8 * EXTRACT_CHUNK * workers.process_count()  # pages extracted ahead of the one being stored
        in_flight: deque[tuple[_Fetched, workers.PageChunk | None, int]] = deque()
        chunk = workers.PageChunk()
        batch: list[NewArticle] = []
        seen: set[int] = set()

        def fail(item: PendingItem, kind: str, error: str) -> None:
            counts["pages_failed"] += 1
            articles.mark_item_failed(conn, item.id, error, final=kind in PERMANENT_FETCH_ERRORS)
            runs.record_event(conn, run_id, "fetch", item.link, kind, error)

        def flush() -> None:
            batch.sort(key=lambda article: article.item.id)  # pages complete in any order; store in item order
            for article, (article_id, changed) in _store_articles(conn, batch, fail):
                counts["pages_fetched"] += 1
                log.info("page %s: stored as article %s%s", article.item.link, article_id, "" if changed else " (unchanged)")
                if changed:
                    counts["articles_new_or_changed"] += 1
            batch.clear()

        def settle(fetched: _Fetched, job: workers.PageChunk | None, index: int) -> None:
            item = fetched.item
            kind, error = fetched.error_kind, fetched.error
            if job is not None:
                prepared = job.results(executor)[index]
                if isinstance(prepared, ExtractionError):
                    kind, error = "extraction", f"extraction: {item.link}: {prepared}"
                else:
                    page, response = prepared.page, fetched.response
                    assert response is not None  # a page in a chunk was fetched
                    batch.append(NewArticle(item, response.url, page.title, page.published_at, page.language,
                                            page.body_text, prepared.digest, prepared.compressed, prepared.fingerprint))
                    if len(batch) >= WRITE_BATCH:
                        flush()
                    return
            fail(item, kind or "error", error or "unknown error")

        def ready() -> bool:
            _, job, _ = in_flight[0]
            return job is None or (job.future is not None and job.future.done()) or len(in_flight) > window

        for fetched in client.map(lambda item: _fetch_one(client, item), items, _deadline()):
            seen.add(fetched.item.id)
            if fetched.response is None:
                in_flight.append((fetched, None, 0))
            else:
                response = fetched.response
                in_flight.append((fetched, chunk, len(chunk.pages)))
                chunk.pages.append((response.body, response.charset, response.url))
                if len(chunk.pages) >= (EXTRACT_CHUNK if executor is not None else 1):
                    chunk.submit(executor)
                    chunk = workers.PageChunk()
            while in_flight and ready():
                settle(*in_flight.popleft())
        chunk.submit(executor)
        while in_flight:
            settle(*in_flight.popleft())
        flush()
        left = [item.id for item in items if item.id not in seen]
        if left:  # the stage ran out of time: handed back uncounted for the next run
            articles.release_items(conn, left)
            counts["pages_deferred"] = len(left)
    _record(settings, run_id, counts)
    return counts


def _store_articles(conn, batch: list[NewArticle], fail) -> list[tuple[NewArticle, tuple[int, bool]]]:
    """articles.upsert_articles for a batch; when the database refuses it, article by article, so only the bad one fails.

    A deadlock with a concurrent run (both linking near-duplicates) is retried once.
    """
    try:
        return list(zip(batch, db.once_more_on_deadlock(conn, articles.upsert_articles, conn, batch)))
    except DATABASE_DOWN:
        raise
    except psycopg2.Error:
        conn.rollback()
        if len(batch) == 1:
            raise
    stored = []
    for article in batch:
        try:
            stored += _store_articles(conn, [article], fail)
        except DATABASE_DOWN:
            raise
        except psycopg2.Error as exc:
            conn.rollback()
            fail(article.item, "store", f"{article.item.link}: refused by the database: {runs.error_line(exc)}")
    return stored


def analyze_articles(settings: Settings, run_id: int | None = None, limit: int = ANALYZE_BATCH) -> dict[str, int]:
    """Analyse every article not yet analysed (or analysed by an older analyzer) and store results with alerts."""
    with _run_stage(settings, run_id):
        return _analyze_articles(settings, run_id, limit)


def _analyze_articles(settings: Settings, run_id: int | None, limit: int) -> dict[str, int]:
    from pipeline.analyzer.core import ANALYZER_VERSION, FILTERED_OUT
    from pipeline.analyzer.gazetteer import gazetteer
    from pipeline.analyzer.relevance import prefilter

    counts = {"articles_analyzed": 0, "relevant": 0, "statements": 0, "accusations": 0, "new_claims": 0, "analysis_failed": 0}
    with db.connection(settings.database_url) as conn:
        for article_id in give_up_analysis(conn, ANALYZER_VERSION):
            counts["analysis_failed"] += 1
            runs.record_event(conn, run_id, "analyze", f"article {article_id}", "abandoned",
                              f"no analysis finished in {MAX_ANALYSIS_ATTEMPTS} attempts")
        rows = claim_for_analysis(conn, ANALYZER_VERSION, limit, _lease(settings) * ANALYSIS_LEASE_FACTOR, run_id)
        # The cheap prefilter runs here; articles that pass it (and may need the parser) go to the
        # worker processes when there are enough of them, and results are stored in id order.
        passed = [index for index, (_, title, body, *_) in enumerate(rows) if prefilter(title, body)]
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
        for index, (article_id, title, body, outlet, date) in enumerate(rows):
            if index in jobs:
                chunk, future, position = jobs.pop(index)
                analysis = workers.settle(future, executor, workers.analyze_batch, chunk)[position]
            else:  # most articles: the prefilter above already said no
                analysis = workers.analyze_safely(title, body, None if index in prefiltered else FILTERED_OUT,
                                                  outlet=outlet, date=date)
            if isinstance(analysis, workers.AnalysisFailure):
                counts["analysis_failed"] += 1
                runs.record_event(conn, run_id, "analyze", f"article {article_id}", analysis.kind, analysis.message)
                fail_analysis(conn, article_id, ANALYZER_VERSION, analysis.kind)  # the next version retries
                continue
            counts["articles_analyzed"] += 1
            log.info("article %s: %s", article_id, "relevant" if analysis.relevance.relevant else "not relevant")
            if not analysis.relevance.relevant:
                irrelevant.append((article_id, analysis))  # written in batches: most articles are these
                if len(irrelevant) >= 200:
                    save_irrelevant(conn, irrelevant, ANALYZER_VERSION)
                    irrelevant = []
                continue
            try:
                saved = db.once_more_on_deadlock(conn, save_analysis, conn, article_id, analysis, ANALYZER_VERSION,
                                                 gazetteer().rollup, settings.alert_recipients)
            except DATABASE_DOWN:
                raise
            except psycopg2.Error as exc:  # a result the schema refuses: this article fails, the run goes on
                conn.rollback()
                counts["analysis_failed"] += 1
                reason = runs.error_line(exc)
                runs.record_event(conn, run_id, "analyze", f"article {article_id}", "store", reason)
                fail_analysis(conn, article_id, ANALYZER_VERSION, f"store: {reason}")
                continue
            log.info("article %s: %d statements, %d accusations, %d new claims", article_id, saved.statements,
                     saved.accusations, saved.new_claims)
            counts["relevant"] += 1
            counts["statements"] += saved.statements
            counts["accusations"] += saved.accusations
            counts["new_claims"] += saved.new_claims
        save_irrelevant(conn, irrelevant, ANALYZER_VERSION)
    _record(settings, run_id, counts)
    return counts


def send_alerts(settings: Settings, run_id: int | None = None) -> dict[str, int]:
    """Send the due alert emails; transient failures stay queued (with backoff), 5xx refusals fail; all recorded.

    Counts: alerts_sent (accepted), alerts_failed (refused for good this run), alerts_deferred (due but
    left pending: a transient failure, or the server was down), alerts_queued (pending after the run).
    """
    with _run_stage(settings, run_id), db.connection(settings.database_url) as conn:
        drained = drain_outbox(conn, settings.smtp, console_url=settings.console_url)
        for issue in drained.issues:
            runs.record_event(conn, run_id, "alert", issue.subject, issue.kind, issue.message)
        alarmed, problems = alarms.send_alarms(conn, settings.smtp, settings.operator_recipients or settings.alert_recipients)
        for problem in problems:
            runs.record_event(conn, run_id, "alarm", problem.split(":", 1)[0], "smtp", problem)
        queued = outbox.queued_alerts(conn)
    counts = {"alerts_sent": drained.sent, "alerts_failed": drained.failed, "alerts_deferred": drained.deferred,
              "alarms_sent": alarmed}
    _record(settings, run_id, counts, finished=True)
    return {**counts, "alerts_queued": queued}


def open_run(settings: Settings, source: str) -> tuple[int, dict[str, int]]:
    """Prepare the database (prepare()) and record a new run: how the DAG and the CLI both start one; (run id, counts)."""
    counts = prepare(settings)
    with db.connection(settings.database_url) as conn:
        run_id = runs.start_run(conn, source)
    return run_id, counts


def run_once(settings: Settings, source: str = "cli") -> dict[str, int]:
    """All stages in order, as one recorded run; returns the merged counts."""
    run_id, prepared = open_run(settings, source)
    summary: dict[str, int] = dict(prepared)
    summary.update(poll_feeds(settings, run_id))
    summary.update(fetch_articles(settings, run_id))
    summary.update(analyze_articles(settings, run_id))
    summary.update(send_alerts(settings, run_id))
    return summary
