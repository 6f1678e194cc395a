"""Ingestion benchmark: N feeds x M items served from 127.0.0.1, a share of them relevant.

Prints figures, asserts nothing: a cold run (everything new) end to end and per stage, a warm
run (nothing changed), peak memory, and end-to-end throughput against trafilatura's own
extraction throughput on the same pages (the extraction floor).

    .venv/bin/python bench/ingest.py                 # 1,000 feeds x 50 items (the issue's target set-up)
    .venv/bin/python bench/ingest.py --feeds 100     # a quicker look
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from localdev import embedded_db  # noqa: E402
from localdev.sampleweb import Page, SampleWeb, render_page  # noqa: E402
from pipeline import stages, workers  # noqa: E402
from pipeline.config import Settings  # noqa: E402
from pipeline.extract import extract_article  # noqa: E402
from pipeline.store import db  # noqa: E402

PLACES = ["Aleppo", "Homs", "Latakia", "Hama", "Deir ez-Zor", "Raqqa", "Ankara", "Istanbul", "Moscow", "Tehran", "Beirut", "Amman"]
SUBJECTS = ["The central bank", "Local farmers", "The football federation", "City officials", "Aid workers",
            "The health ministry", "Exporters", "University students", "The port authority", "Energy traders"]
VERBS = ["announced", "reported", "warned about", "celebrated", "discussed", "criticised", "welcomed", "postponed"]
OBJECTS = ["new prices for bread", "a record harvest", "a delayed stadium project", "power cuts in the suburbs",
           "a vaccination campaign", "higher fuel costs", "the reopening of a border crossing", "a rise in exports"]
RELEVANT = [
    "The Russian Defence Ministry accused militants in the Idlib de-escalation zone of shelling government positions "
    "{n} times in violation of the ceasefire agreed in Moscow on March 5.",
    "Turkey's defence minister said Damascus had failed to honour its commitments under the Sochi memorandum, "
    "after an attack near observation post {n} in southern Idlib.",
    "\u201cAnkara is delaying the separation of moderate opposition from terrorists in Idlib,\u201d the Russian "
    "foreign ministry spokeswoman said on day {n} of the truce.",
    "Joint Russian-Turkish patrols on the M4 highway were cut short for the {n}th time, the ministry said, blaming "
    "armed groups for breaching the ceasefire.",
]


def make_pages(feeds: int, items: int, relevant_share: float, seed: int = 7) -> list[Page]:
    """Distinct pages (no two near-duplicates), about relevant_share of them Idlib ceasefire stories."""
    rng = random.Random(seed)
    pages = []
    for f in range(feeds):
        for i in range(items):
            n = f * items + i
            paragraphs = [
                f"{rng.choice(SUBJECTS)} in {rng.choice(PLACES)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} on "
                f"{rng.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}, item {n}-{k} "
                f"with {rng.randint(2, 9000)} people and {rng.randint(2, 900)} vehicles involved."
                for k in range(rng.randint(6, 12))
            ]
            if rng.random() < relevant_share:
                paragraphs[:0] = [t.format(n=n) for t in rng.sample(RELEVANT, 3)]
            pages.append(Page(slug=f"f{f}-i{i}", title=f"Story {n} from {rng.choice(PLACES)}", outlet=f"Outlet {f}",
                              published=f"2020-0{1 + n % 9}-1{n % 9}T10:00:00+00:00", text="\n\n".join(paragraphs),
                              feed=f"feed{f}"))
    return pages


def serve(pages: list[Page], ready, port_box) -> None:
    web = SampleWeb(pages).start()
    port_box.value = int(web.base_url.rsplit(":", 1)[1])
    ready.set()
    while True:
        time.sleep(3600)


def sample_web(feeds: int, items: int, relevant_share: float, prefix: str):
    """make_pages served from a process of its own, and a feeds file for them: (pages, server process, feeds file)."""
    pages = make_pages(feeds, items, relevant_share)
    ready, port = multiprocessing.Event(), multiprocessing.Value("i", 0)
    server = multiprocessing.Process(target=serve, args=(pages, ready, port), daemon=True)
    server.start()
    ready.wait(120)
    base = f"http://127.0.0.1:{port.value}"
    feeds_file = Path(tempfile.mkdtemp(prefix=prefix)) / "feeds.yaml"
    feeds_file.write_text("feeds:\n" + "".join(
        f"  - name: feed{f}\n    url: {base}/feeds/feed{f}.xml\n    outlet: Outlet {f}\n" for f in range(feeds)))
    return pages, server, feeds_file


def extraction_floor(pages: list[Page], sample: int, passes: int = 3) -> float:
    """Pages per second for trafilatura extraction alone, same pages, same process: the median of a few passes."""
    chosen = pages[:: max(1, len(pages) // sample)][:sample]
    html = [render_page(p) for p in chosen]
    rates = []
    for _ in range(passes):
        started = time.perf_counter()
        for doc in html:
            extract_article(doc)
        rates.append(len(html) / (time.perf_counter() - started))
    return statistics.median(rates)


def cpu_seconds(server_pid: int, pg_dir: Path) -> dict[str, float]:
    """CPU seconds (user + system) used so far by this process, the worker processes, the sample server and PostgreSQL."""
    import psutil

    def used(proc: psutil.Process, with_children: bool = False) -> float:
        try:
            times = proc.cpu_times()
            return times.user + times.system + ((times.children_user + times.children_system) if with_children else 0.0)
        except psutil.Error:
            return 0.0

    me = psutil.Process()
    worker_pids = workers.worker_pids()
    totals = {"main": used(me), "workers": sum(used(psutil.Process(pid)) for pid in worker_pids if psutil.pid_exists(pid)),
              "server": used(psutil.Process(server_pid)), "postgres": 0.0}
    pid_file = pg_dir / "postmaster.pid"
    if pid_file.exists():
        postmaster = psutil.Process(int(pid_file.read_text().split()[0]))
        # Backends that have exited are counted in the postmaster's children times.
        totals["postgres"] = used(postmaster, with_children=True) + sum(used(child) for child in postmaster.children())
    return totals


def worker_peaks_mb() -> list[float]:
    """Peak resident memory of each live worker process (pipeline.workers), from /proc."""
    peaks = []
    for pid in workers.worker_pids():
        try:
            with open(f"/proc/{pid}/status") as status:
                peaks += [int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:")]
        except OSError:
            continue
    return peaks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--relevant-share", type=float, default=0.05)
    parser.add_argument("--floor-sample", type=int, default=500)
    args = parser.parse_args()

    pages, server, feeds_file = sample_web(args.feeds, args.items, args.relevant_share, "bench-")
    tmp = feeds_file.parent
    url = embedded_db.ensure_database(embedded_db.start(tmp / "pg", cleanup="delete"), "bench")
    settings = Settings(database_url=url, feeds_path=feeds_file).with_fetch(allow_private_hosts=True, workers=16,
                                                                            per_host_concurrency=16)
    stages.prepare(settings)
    print(f"{args.feeds} feeds x {args.items} items = {len(pages)} pages, {args.relevant_share:.0%} relevant")

    timings: dict[str, float] = {}

    def timed(name, fn):
        started = time.perf_counter()
        result = fn()
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - started
        return result

    cpu_before = cpu_seconds(server.pid, tmp / "pg")
    polled = timed("poll", lambda: stages.poll_feeds(settings))
    fetched = analyzed = 0
    while True:
        batch = timed("fetch+extract", lambda: stages.fetch_articles(settings, limit=2000))
        fetched += batch["articles_new_or_changed"]
        result = timed("analyze", lambda: stages.analyze_articles(settings, limit=5000))
        analyzed += result["articles_analyzed"]
        if batch["pages_fetched"] + batch["pages_failed"] == 0:
            break
    cold = sum(timings.values())
    cpu_after = cpu_seconds(server.pid, tmp / "pg")
    with db.connection(url) as conn, conn.cursor() as cur:
        cur.execute("SELECT count(*), count(*) FILTER (WHERE is_relevant) FROM articles")
        stored, relevant = cur.fetchone()

    started = time.perf_counter()
    warm = stages.poll_feeds(settings)
    warm_seconds = time.perf_counter() - started
    floor = extraction_floor(pages, args.floor_sample)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    e2e = stored / cold if cold else 0.0
    print(f"cold run: {stored} articles stored ({relevant} relevant, {polled['feeds_failed']} feeds failed) in {cold:.1f} s "
          f"= {e2e:.1f} articles/s end to end")
    for name, seconds in timings.items():
        print(f"  {name:<14} {seconds:8.1f} s  {seconds / cold:6.1%}  {stored / seconds if seconds else 0:8.1f} articles/s")
    cpu = {name: cpu_after[name] - cpu_before[name] for name in cpu_after}
    busy = sum(cpu.values())
    print("  CPU seconds: " + ", ".join(f"{name} {seconds:.1f}" for name, seconds in cpu.items())
          + f"; {busy / stored * 1000:.2f} ms per article; {busy / (cold * workers.process_count()):.0%} of "
          f"{workers.process_count()} cores busy")
    print(f"warm run: {warm['feeds_polled']} feeds polled, {warm['feeds_unchanged']} unchanged, {warm['new_items']} new items "
          f"in {warm_seconds:.1f} s")
    print(f"extraction floor (trafilatura alone, {args.floor_sample} pages, median of 3 passes): {floor:.1f} pages/s; "
          f"end to end is {e2e / floor:.0%} of it")
    print(f"peak memory (this process): {peak_mb:.0f} MB")
    peaks = worker_peaks_mb()
    if peaks:
        print(f"peak memory (worker processes): {len(peaks)} x up to {max(peaks):.0f} MB; "
              f"with this process at most {peak_mb + sum(peaks):.0f} MB together")
    server.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
