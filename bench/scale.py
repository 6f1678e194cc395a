"""Scale-out benchmark: the same feeds run by 1 and by 2 worker processes splitting the work through leases.

Each worker is what one Celery worker does with news_monitor's shards: it polls the feed shards
given to it, then fetches and analyses leased batches until none are left (one process each, no
inner process pool, as MONITOR_PROCESSES=0). Prints, for each worker count: wall time, end-to-end
articles per second, the work each worker did (shard balance) and the CPU seconds of the workers,
PostgreSQL and the sample server; then the warm poll of every feed, and a model of how
throughput grows with workers, where it stops, and what 180,000 feeds every 15 minutes need.

    .venv/bin/python bench/scale.py                          # 10,000 feeds x 20 items (the issue's set-up)
    .venv/bin/python bench/scale.py --feeds 2000 --items 10  # a quicker look
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.ingest import sample_web  # noqa: E402
from localdev import embedded_db  # noqa: E402
from pipeline import stages  # noqa: E402
from pipeline.config import Settings  # noqa: E402
from pipeline.store import db  # noqa: E402

MEDIA_CLOUD_FEEDS = 180_000
CYCLE_SECONDS = 15 * 60


def worker(index: int, workers: int, shards: int, settings: Settings, start, results) -> None:
    """One worker: its feed shards, then leased fetch and analysis batches until the queue is empty."""
    os.environ["MONITOR_PROCESSES"] = "0"
    import psutil

    start.wait()
    cpu_start = sum(psutil.Process().cpu_times()[:2])  # from here: the work, not the interpreter's start-up
    done = {"feeds": 0, "articles": 0, "analyzed": 0}
    for shard in range(index, shards, workers):
        done["feeds"] += stages.poll_feeds(settings, None, shard, shards)["feeds_polled"]
    results.put(("polled", index, None))
    start.wait()  # every worker has polled: the pages are all known
    while True:
        fetched = stages.fetch_articles(settings, limit=200)
        done["articles"] += fetched["pages_fetched"]
        if fetched["pages_fetched"] + fetched["pages_failed"] == 0:
            break
    start.wait()
    while True:
        analyzed = stages.analyze_articles(settings, limit=200)
        done["analyzed"] += analyzed["articles_analyzed"]
        if analyzed["articles_analyzed"] + analyzed["analysis_failed"] == 0:
            break
    results.put(("done", index, {**done, "cpu": sum(psutil.Process().cpu_times()[:2]) - cpu_start}))


def postgres_cpu(pg_dir: Path) -> float:
    import psutil

    postmaster = psutil.Process(int((pg_dir / "postmaster.pid").read_text().split()[0]))
    times = postmaster.cpu_times()
    return (times.user + times.system + times.children_user + times.children_system
            + sum(sum(child.cpu_times()[:2]) for child in postmaster.children()))


def run(workers: int, shards: int, server_url: str, feeds_file: Path, pg_dir: Path, server_pid: int) -> dict:
    """A cold run by `workers` processes on a fresh database; the figures."""
    import psutil

    url = embedded_db.ensure_database(server_url, f"scale_{workers}")
    settings = Settings(database_url=url, feeds_path=feeds_file).with_fetch(allow_private_hosts=True, workers=16,
                                                                            per_host_concurrency=16)
    stages.prepare(settings)
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(workers + 1), context.Queue()
    procs = [context.Process(target=worker, args=(i, workers, shards, settings, start, results)) for i in range(workers)]
    for proc in procs:
        proc.start()
    pg_before, server_before = postgres_cpu(pg_dir), sum(psutil.Process(server_pid).cpu_times()[:2])
    started = time.perf_counter()
    start.wait()
    for _ in range(workers):
        results.get()
    start.wait()
    start.wait()
    per_worker = {}
    for _ in range(workers):
        _, index, done = results.get()
        per_worker[index] = done
    seconds = time.perf_counter() - started
    for proc in procs:
        proc.join()
    with db.connection(url) as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM articles")
        stored = cur.fetchone()[0]
    return {"workers": workers, "seconds": seconds, "stored": stored, "per_worker": per_worker,
            "postgres_cpu": postgres_cpu(pg_dir) - pg_before,
            "server_cpu": sum(psutil.Process(server_pid).cpu_times()[:2]) - server_before, "settings": settings}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--relevant-share", type=float, default=0.05)
    args = parser.parse_args()

    pages, server, feeds_file = sample_web(args.feeds, args.items, args.relevant_share, "scale-")
    tmp = feeds_file.parent
    server_url = embedded_db.start(tmp / "pg", cleanup="delete")
    print(f"{args.feeds} feeds x {args.items} items = {len(pages)} pages, {args.relevant_share:.0%} relevant, "
          f"{args.shards} shards; {os.cpu_count()} cores shared by the workers, PostgreSQL and the sample server")

    figures = []
    for workers in (1, 2):
        found = run(workers, args.shards, server_url, feeds_file, tmp / "pg", server.pid)
        figures.append(found)
        rate = found["stored"] / found["seconds"]
        worker_cpu = sum(w["cpu"] for w in found["per_worker"].values())
        print(f"{workers} worker(s): {found['stored']} articles in {found['seconds']:.1f} s = {rate:.1f} articles/s end to end")
        for index, done in sorted(found["per_worker"].items()):
            print(f"  worker {index + 1}: {done['feeds']} feeds polled, {done['articles']} pages fetched, "
                  f"{done['analyzed']} articles analysed, {done['cpu']:.1f} CPU-s")
        print(f"  CPU per article: workers {worker_cpu / found['stored'] * 1000:.2f} ms, PostgreSQL "
              f"{found['postgres_cpu'] / found['stored'] * 1000:.2f} ms, sample server {found['server_cpu'] / found['stored'] * 1000:.2f} ms")

    settings = figures[-1]["settings"]
    started = time.perf_counter()
    warm = stages.poll_feeds(settings)
    warm_seconds = time.perf_counter() - started
    print(f"warm poll of all {args.feeds} feeds (one process): {warm['feeds_polled']} polled, {warm['feeds_unchanged']} "
          f"unchanged, {warm['new_items']} new, in {warm_seconds:.1f} s = {args.feeds / warm_seconds:.0f} feeds/s")

    one, two = figures
    worker_ms = sum(w["cpu"] for w in one["per_worker"].values()) / one["stored"] * 1000
    pg_ms = one["postgres_cpu"] / one["stored"] * 1000
    feed_ms = warm_seconds / args.feeds * 1000  # wall, one process: an upper bound on its CPU
    speedup = (two["stored"] / two["seconds"]) / (one["stored"] / one["seconds"])
    print("model (from the 1-worker CPU per article; every worker on a core of its own):")
    print(f"  measured speed-up 1 -> 2 workers here: x{speedup:.2f} (2 cores also run PostgreSQL and the sample server)")
    print(f"  per worker core: {1000 / worker_ms:.0f} articles/s; PostgreSQL core: {1000 / pg_ms:.0f} articles/s of writes "
          f"(article rows, near-duplicate lookups, analysis rows)")
    print(f"  throughput(W) = min(W x {1000 / worker_ms:.0f}, P x {1000 / pg_ms:.0f}) articles/s with P PostgreSQL cores; "
          f"claim matching locks one (accuser, accused, breach) pair at a time, so it limits only a burst of one pair")
    feeds_per_s = MEDIA_CLOUD_FEEDS / CYCLE_SECONDS
    poll_cores = feeds_per_s * feed_ms / 1000
    print(f"  {MEDIA_CLOUD_FEEDS:,} feeds every 15 min = {feeds_per_s:.0f} feeds/s of polling: about {poll_cores:.1f} worker "
          f"cores at {feed_ms:.1f} ms a warm feed")
    for new_per_feed_day in (5, 20):
        articles_s = MEDIA_CLOUD_FEEDS * new_per_feed_day / 86_400
        print(f"  at {new_per_feed_day} new articles per feed per day: {articles_s:.0f} articles/s -> "
              f"{articles_s * worker_ms / 1000:.2f} worker cores and {articles_s * pg_ms / 1000:.2f} PostgreSQL cores, "
              f"plus polling")
    return 0


if __name__ == "__main__":
    sys.exit(main())
