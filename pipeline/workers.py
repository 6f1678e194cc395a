"""CPU-bound work (page extraction, spaCy analysis) on worker processes, so a run uses every core.

One pool per process, started on first use and reused by later stage calls (workers keep
trafilatura and the spaCy model loaded). Workers come from a forkserver, never forked from a
process that has fetch threads or database connections; like any spawned process they import the
main script again (guarded by `if __name__ == "__main__"`). Small batches stay in-process:
starting workers costs more than they save. When a worker dies or cannot be started, the work
runs in-process from then on. MONITOR_PROCESSES=0 (or 1) turns the pool off.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import threading
from concurrent.futures import BrokenExecutor, Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass

from pipeline.dedup import simhash
from pipeline.extract import ExtractionError, compress, decode_html, extract_article
from pipeline.feeds import body_hash
from pipeline.models import Analysis, ExtractedArticle

log = logging.getLogger(__name__)

_lock = threading.Lock()
_pool: ProcessPoolExecutor | None = None
_failed = False


def process_count() -> int:
    """Worker processes to use: MONITOR_PROCESSES if set, else the CPUs this process may run on."""
    configured = os.environ.get("MONITOR_PROCESSES", "").strip()
    if configured.isdigit():
        return int(configured)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def pool() -> Executor | None:
    """The shared worker pool, or None when there is a single CPU or processes cannot be started here."""
    global _pool, _failed
    with _lock:
        if _pool is None and not _failed:
            workers = process_count()
            if workers < 2:
                _failed = True
                return None
            try:
                context = multiprocessing.get_context("forkserver")
                context.set_forkserver_preload(["pipeline.workers"])
                _pool = ProcessPoolExecutor(workers, mp_context=context)
            except Exception as exc:  # noqa: BLE001 - e.g. a daemonic task process: run in-process instead
                log.warning("no worker processes (%s); extraction and analysis run in-process", exc)
                _failed = True
        return _pool


def discard(broken: Executor | None, reason: object) -> None:
    """Give up on worker processes for the rest of this process's life (a worker died or could not start)."""
    global _pool, _failed
    if broken is None:
        return
    executor: Executor = broken
    with _lock:
        if not _failed:
            log.warning("worker processes unusable (%s); extraction and analysis run in-process from now on", reason)
        _failed = True
        if _pool is executor:
            _pool = None
    executor.shutdown(wait=False, cancel_futures=True)


def worker_pids() -> list[int]:
    """Process ids of the live pool's workers (none when there is no pool), for measuring them."""
    return list(getattr(_pool, "_processes", None) or {})


@atexit.register
def _shutdown() -> None:
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)


@dataclass(frozen=True)
class PreparedPage:
    """An extracted page with what storing it needs, computed where the extraction ran."""

    page: ExtractedArticle
    digest: str  # SHA-256 of the body text
    fingerprint: int  # SimHash of the body text
    compressed: bytes  # the raw page, compressed for storage


def prepare_page(raw: bytes, charset: str | None, url: str) -> PreparedPage:
    """Decode, extract, hash and compress one fetched page; raises ExtractionError like extract_article."""
    page = extract_article(decode_html(raw, charset), url)
    return PreparedPage(page, body_hash(page.body_text.encode("utf-8")), simhash(page.body_text), compress(raw))


def prepare_pages(pages: list[tuple[bytes, str | None, str]]) -> list[PreparedPage | ExtractionError]:
    """prepare_page for several pages (one task per worker round trip); a page without an article gives its error."""
    results: list[PreparedPage | ExtractionError] = []
    for raw, charset, url in pages:
        try:
            results.append(prepare_page(raw, charset, url))
        except ExtractionError as exc:
            results.append(exc)
        except Exception as exc:  # noqa: BLE001 - a page whose content breaks a library fails alone, recorded
            results.append(ExtractionError(f"{type(exc).__name__} while extracting: {exc}"[:500]))
    return results


class PageChunk:
    """Pages extracted together in one worker task (prepare_pages), submitted once."""

    def __init__(self) -> None:
        self.pages: list[tuple[bytes, str | None, str]] = []
        self.future: Future | None = None

    def submit(self, executor: Executor | None) -> None:
        if self.pages and self.future is None:
            self.future = submit(executor, prepare_pages, self.pages)

    def results(self, executor: Executor | None) -> list[PreparedPage | ExtractionError]:
        self.submit(executor)
        assert self.future is not None  # submit() made it
        return settle(self.future, executor, prepare_pages, self.pages)


@dataclass(frozen=True)
class AnalysisFailure:
    """An exception from analyze(), carried back from a worker as data."""

    kind: str
    message: str


def analyze_safely(title: str | None, text: str, relevance=None, doc=None, outlet: str | None = None,
                   date: str | None = None) -> Analysis | AnalysisFailure:
    """analyze(), with any exception returned as an AnalysisFailure (one bad article must not stop a batch)."""
    from pipeline.analyzer.core import analyze

    try:
        return analyze(title, text, relevance=relevance, doc=doc, outlet=outlet, date=date)
    except Exception as exc:  # noqa: BLE001 - recorded by the caller
        return AnalysisFailure(type(exc).__name__, str(exc))


def analyze_batch(articles: list[tuple[str | None, str, str | None, str | None]]) -> list[Analysis | AnalysisFailure]:
    """analyze_safely for several (title, text, outlet, date): relevance judged once each, the relevant ones parsed together."""
    from pipeline.analyzer.core import parse_many, relevance_of

    relevances: list = [None] * len(articles)
    docs: dict[int, object] = {}
    try:
        relevances = [relevance_of(title, text) for title, text, *_ in articles]
        need = [index for index, relevance in enumerate(relevances) if relevance.relevant]
        docs = dict(zip(need, parse_many([articles[index][1] for index in need])))
    except Exception:  # noqa: BLE001 - one article spoils the batch: analyse each alone, so only it fails
        relevances, docs = [None] * len(articles), {}
    return [analyze_safely(title, text, relevances[index], docs.get(index), outlet, date)
            for index, (title, text, outlet, date) in enumerate(articles)]


def settle(future: Future, executor: Executor | None, fn, *args):
    """The future's result; when its worker process died, the pool is dropped and fn runs here instead."""
    try:
        return future.result()
    except BrokenExecutor as exc:
        discard(executor, exc)
        return fn(*args)


def call(executor: Executor | None, fn, *args):
    """fn(*args) on a worker process (here when there is none), waiting for the result."""
    return settle(submit(executor, fn, *args), executor, fn, *args)


def submit(executor: Executor | None, fn, *args) -> Future:
    """Run fn on the executor, or here and now when there is none (the result is then already set)."""
    if executor is not None:
        try:
            return executor.submit(fn, *args)
        except Exception as exc:  # noqa: BLE001 - a worker died or cannot start (e.g. in a daemonic process)
            discard(executor, exc)
    future: Future = Future()
    try:
        future.set_result(fn(*args))
    except Exception as exc:  # noqa: BLE001 - delivered through the future, as from a worker
        future.set_exception(exc)
    return future
