"""A real CeleryExecutor run of news_monitor on this machine: two Celery workers, Redis on loopback.

    .venv/bin/python scripts/celery_check.py        # or: make celery-check

Starts an embedded PostgreSQL (Airflow's metadata and the project's data), the sample web, a
mail sink, and Airflow with CeleryExecutor (api-server, scheduler, dag-processor and two Celery
workers named worker1 and worker2) against the Redis already running on 127.0.0.1:6379. Then:

1. runs news_monitor with 4 shards and checks that both workers ran shards, and that the rows and
   emails equal a single-process `run-once` over the same web;
2. runs it again on fresh data with worker1 alone (one task at a time) and every article page held
   back until worker1 is dead: the first fetch shard leases all the pages (FETCH_BATCH covers the
   sample web), so worker1 is found mid-fetch for certain and killed (SIGKILL, its whole process
   tree, task runners included); worker2 then joins, takes up the shard once its leases expire, and the check is that
   every article is still stored once and every claim emailed once.

Prints what it found; exit 0 when every check holds, 1 when one fails, 3 when no broker answers
(nothing to check against). Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BROKER_HOST, BROKER_PORT = "127.0.0.1", int(os.environ.get("CELERY_CHECK_REDIS_PORT", "6379"))
REDIS_DB = 13  # a database of its own on the shared Redis, emptied before use
SHARDS = 4
COUNTED = ("articles", "statements", "accusations", "claims", "commitments")
HOLD_SECONDS = 180  # longest a held page waits for the kill before it is served anyway: nothing hangs for ever
KILL_DEADLINE = 420  # seconds from start-up; past it worker1 was not caught mid-fetch, and worker2 joins to end the run


def say(message: str) -> None:
    print(f"[celery-check] {message}", flush=True)


def broker_answers() -> bool:
    """Whether Redis answers PING on loopback."""
    try:
        with socket.create_connection((BROKER_HOST, BROKER_PORT), timeout=2) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def flush_redis_db() -> None:
    with socket.create_connection((BROKER_HOST, BROKER_PORT), timeout=2) as sock:
        sock.sendall(f"SELECT {REDIS_DB}\r\nFLUSHDB\r\n".encode())
        time.sleep(0.2)
        sock.recv(64)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PageHold:
    """Holds article page responses while armed, until released (or HOLD_SECONDS pass).

    The fetch shard that leased the pages then stays `running`, waiting on them, until it is killed.
    """

    def __init__(self, timeout: float = HOLD_SECONDS):
        self.timeout = timeout
        self.released = threading.Event()
        self.released.set()
        self.requests = 0  # page requests that arrived while armed
        self._lock = threading.Lock()

    def arm(self) -> None:
        with self._lock:
            self.requests = 0
        self.released.clear()

    def release(self) -> None:
        self.released.set()

    def wait(self) -> None:
        if self.released.is_set():
            return
        with self._lock:
            self.requests += 1
        self.released.wait(self.timeout)


class Stack:
    """Airflow with CeleryExecutor and two workers, its processes and their logs."""

    def __init__(self, work: Path, meta_url: str, news_url: str, feeds: Path, smtp_port: int):
        from localdev.airflow_env import news_monitor_env

        self.work = work
        self.port = free_port()
        self.queue = f"news-monitor-{secrets.token_hex(4)}"  # its own queue: a stray worker of another run takes nothing
        self.processes: dict[str, subprocess.Popen] = {}
        bin_dir = Path(sys.executable).parent
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
        self.env.update({
            "AIRFLOW_HOME": str(work / "airflow"),
            "AIRFLOW__CORE__EXECUTOR": "CeleryExecutor",
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__CORE__DAGS_FOLDER": str(ROOT / "dags"),
            "AIRFLOW__CORE__PLUGINS_FOLDER": str(work / "no-plugins"),
            "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "True",
            "AIRFLOW__CORE__HOSTNAME_CALLABLE": "celery_names.worker_hostname",
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{self.port}/execution/",
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": meta_url.replace("postgresql://", "postgresql+psycopg2://", 1),
            "AIRFLOW__CELERY__BROKER_URL": f"redis://{BROKER_HOST}:{BROKER_PORT}/{REDIS_DB}",
            "AIRFLOW__CELERY__RESULT_BACKEND": "db+" + meta_url,
            "AIRFLOW__OPERATORS__DEFAULT_QUEUE": self.queue,
            "AIRFLOW__API__HOST": "127.0.0.1",
            "AIRFLOW__API__PORT": str(self.port),
            "AIRFLOW__API_AUTH__JWT_SECRET": secrets.token_urlsafe(64),
            "AIRFLOW__API__SECRET_KEY": secrets.token_urlsafe(32),
            "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "5",
            "AIRFLOW__SCHEDULER__TASK_INSTANCE_HEARTBEAT_TIMEOUT": "30",  # a killed worker's task fails in 30 s
            # a dead worker's pages are free again after 20 s
            **news_monitor_env(news_url, smtp_port, feeds, shards=str(SHARDS), lease_seconds="20"),
            "MONITOR_PROCESSES": "0",  # each task in its own process already
            "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "scripts")]),
            "PATH": os.pathsep.join([str(bin_dir), os.environ.get("PATH", "")]),
        })
        (work / "airflow").mkdir(parents=True, exist_ok=True)
        (work / "no-plugins").mkdir(exist_ok=True)

    def airflow(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run([str(Path(sys.executable).with_name("airflow")), *args], env=self.env,
                              capture_output=True, text=True, timeout=600)
        if check and done.returncode:
            raise RuntimeError(f"airflow {' '.join(args)} failed: {done.stderr[-2000:]}")
        return done

    def start(self, name: str, *args: str, **env: str) -> None:
        log = (self.work / f"{name}.log").open("ab")
        self.processes[name] = subprocess.Popen([str(Path(sys.executable).with_name("airflow")), *args],
                                                env={**self.env, **env}, stdout=log, stderr=subprocess.STDOUT,
                                                start_new_session=True)

    def up(self, workers: dict[str, int]) -> None:
        """Migrate, start Airflow and the workers given as {name: Celery concurrency}."""
        self.airflow("db", "migrate")
        self.start("api-server", "api-server", "--port", str(self.port))
        self.start("scheduler", "scheduler")
        self.start("dag-processor", "dag-processor")
        for worker, concurrency in workers.items():
            self.start_worker(worker, concurrency)

    def start_worker(self, name: str, concurrency: int) -> None:
        """A Celery worker on this stack's queue. Airflow's Celery settings (prefetch multiplier 1, late acks) make
        it hold no more tasks than its concurrency: with 1 it takes the next task only when the last one ended."""
        self.start(name, "celery", "worker", "--concurrency", str(concurrency), "--celery-hostname",
                   f"{name}-{self.queue}@%h", "--queues", self.queue, "--skip-serve-logs", MONITOR_WORKER=name)

    def kill(self, name: str) -> tuple[int, int]:
        """SIGKILL a component and every process it started, a worker machine that dies: (killed, still alive 10 s on).

        Airflow's supervisor puts each task runner in a process group of its own, so killing the
        component's group alone would leave the task (the fetch) running: the whole tree is frozen,
        listed again (for anything forked meanwhile), and every process and process group in it killed.
        """
        import psutil

        process = self.processes.pop(name)
        try:
            root = psutil.Process(process.pid)
            tree = [root, *root.children(recursive=True)]
            for proc in tree:  # frozen first: nothing forks, fetches or reports between the listing and the kill
                with suppress(psutil.NoSuchProcess):
                    proc.suspend()
            tree += [child for child in root.children(recursive=True) if child not in tree]
        except psutil.NoSuchProcess:
            tree = []
        groups = set()
        for proc in tree:
            with suppress(ProcessLookupError):
                groups.add(os.getpgid(proc.pid))
        groups.discard(os.getpgid(0))
        for group in groups:
            with suppress(ProcessLookupError):
                os.killpg(group, signal.SIGKILL)
        for proc in tree:
            with suppress(ProcessLookupError):
                os.kill(proc.pid, signal.SIGKILL)
        process.wait()
        _, alive = psutil.wait_procs(tree, timeout=10)
        return len(tree), len(alive)

    def down(self) -> None:
        for name in list(self.processes):
            process = self.processes.pop(name)
            try:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=30)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

    def wait_registered(self, timeout: float = 180) -> None:
        """Unpause news_monitor once registered: the scheduler starts the latest slot's run at once."""
        from launch import dag_paused

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if dag_paused(self.env) is not None:
                self.airflow("dags", "unpause", "news_monitor", check=False)
                if dag_paused(self.env) is False:
                    return
            time.sleep(2)
        raise RuntimeError("news_monitor was not registered (see dag-processor.log)")


def meta_rows(meta_url: str, sql: str, *args) -> list[tuple]:
    import psycopg2

    with psycopg2.connect(meta_url) as conn, conn.cursor() as cur:
        cur.execute(sql, args or None)
        return cur.fetchall()


def wait_for_run(meta_url: str, timeout: float = 600, on_tick=None, every: float = 2) -> tuple[str, str]:
    """(run_id, state) of the news_monitor run once it ends, polled every `every` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        runs = meta_rows(meta_url, "SELECT run_id, state FROM dag_run WHERE dag_id = 'news_monitor' ORDER BY id DESC LIMIT 1")
        if runs and runs[0][1] in ("success", "failed"):
            return runs[0]
        if on_tick:
            on_tick()
        time.sleep(every)
    raise RuntimeError("the news_monitor run did not finish in time")


def counts(news_url: str) -> dict[str, int]:
    import psycopg2

    with psycopg2.connect(news_url) as conn, conn.cursor() as cur:
        found = {}
        for table in COUNTED:
            cur.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - fixed table names
            found[table] = cur.fetchone()[0]
        cur.execute("SELECT count(*) FROM alerts WHERE status = 'sent'")
        found["alerts_sent"] = cur.fetchone()[0]
        cur.execute("SELECT count(*) - count(DISTINCT url) FROM articles")
        found["duplicate_articles"] = cur.fetchone()[0]
    return found


def single_process_reference(server_url: str, feeds: Path, work: Path) -> tuple[dict[str, int], int]:
    """The same web through `python -m pipeline run-once`: the rows and emails a cluster must equal."""
    from localdev import embedded_db
    from localdev.mailsink import MailSink

    url = embedded_db.ensure_database(server_url, "reference")
    with MailSink(work / "reference-mail") as sink:
        env = {**os.environ, "DATABASE_URL": url, "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(sink.port),
               "ALERT_RECIPIENTS": "analyst@example.org"}
        done = subprocess.run([sys.executable, "-m", "pipeline", "run-once", "--feeds", str(feeds), "--allow-private-hosts"],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
        if done.returncode:
            raise RuntimeError(f"run-once failed: {done.stderr[-2000:]}")
        return counts(url), len(sink.messages())


def shard_hosts(meta_url: str, run_id: str) -> dict[str, list[str]]:
    rows = meta_rows(meta_url, """SELECT task_id, map_index, hostname, state FROM task_instance
                                  WHERE dag_id = 'news_monitor' AND run_id = %s ORDER BY task_id, map_index""", run_id)
    hosts: dict[str, list[str]] = {}
    for task_id, map_index, hostname, state in rows:
        hosts.setdefault(hostname or "?", []).append(f"{task_id}[{map_index}]:{state}")
    return hosts


def phase(work: Path, server_url: str, web, name: str, hold: PageHold | None = None) -> tuple[list[str], dict[str, int], int]:
    """One Airflow stack on fresh databases: (the checks that failed, the rows stored, the emails received).

    Without `hold`, worker1 and worker2 (two tasks each) share the run. With it, the worker-killed phase:
    worker1 starts alone and runs one task at a time, article pages are held, and worker1 is killed as
    soon as a page request waits while it runs fetch_articles (the only task it holds then); the pages
    are released and worker2 starts to finish the run.
    """
    from localdev import embedded_db
    from localdev.mailsink import MailSink

    failures: list[str] = []
    meta_url = embedded_db.ensure_database(server_url, f"airflow_{name}")
    news_url = embedded_db.ensure_database(server_url, f"news_{name}")
    feeds = web.write_feeds_yaml(work / "feeds.yaml")
    flush_redis_db()
    with MailSink(work / f"mail-{name}") as sink:
        stack = Stack(work / name, meta_url, news_url, feeds, sink.port)
        kill_worker = hold is not None
        started = time.monotonic()
        killed: list[str] = []
        try:
            if hold is not None:
                hold.arm()
            stack.up({"worker1": 1} if kill_worker else {"worker1": 2, "worker2": 2})
            stack.wait_registered()

            def kill_when_fetching() -> None:
                if hold is None or "worker2" in stack.processes:
                    return
                busy = []
                if hold.requests:  # a page request waits, and worker1 is the only worker: its fetch shard made it
                    busy = meta_rows(meta_url, """SELECT map_index FROM task_instance WHERE dag_id = 'news_monitor'
                                                  AND task_id = 'fetch_articles' AND state = 'running'
                                                  AND hostname = 'worker1' ORDER BY map_index""")
                if busy:
                    waiting = hold.requests
                    processes, alive = stack.kill("worker1")
                    shards = ", ".join(str(row[0]) for row in busy)
                    killed.append(f"fetch_articles[{shards}]")
                    say(f"{name}: killed worker1 while it ran fetch_articles[{shards}] "
                        f"({processes} processes; {waiting} page request(s) held)")
                    if alive:
                        failures.append(f"{name}: {alive} of worker1's {processes} processes outlived SIGKILL")
                elif time.monotonic() - started > KILL_DEADLINE:
                    say(f"{name}: worker1 was not caught mid-fetch in {KILL_DEADLINE} s; worker2 joins to end the run")
                else:
                    return
                hold.release()
                stack.start_worker("worker2", 2)

            run_id, state = wait_for_run(meta_url, on_tick=kill_when_fetching, every=0.5 if kill_worker else 2)
            seconds = time.monotonic() - started
            hosts = shard_hosts(meta_url, run_id)
            found = counts(news_url)
            emails = len(sink.messages())
        finally:
            if hold is not None:
                hold.release()
            stack.down()
    say(f"{name}: run {run_id} {state} in {seconds:.0f} s (from start-up); emails {emails}; rows {json.dumps(found)}")
    for host, tasks in sorted(hosts.items()):
        say(f"{name}:   {host}: {', '.join(tasks)}")
    if state != "success":
        failures.append(f"{name}: the run ended {state}")
    if kill_worker:
        if not killed:
            failures.append(f"{name}: worker1 ran no fetch shard to kill")
    else:
        for worker in ("worker1", "worker2"):
            ran = [t for t in hosts.get(worker, []) if t.split("[")[0] in ("poll_feeds", "fetch_articles", "analyze_articles")]
            if not ran:
                failures.append(f"{name}: {worker} ran no shard")
    if found["duplicate_articles"]:
        failures.append(f"{name}: {found['duplicate_articles']} articles stored twice")
    if emails != found["claims"] or found["alerts_sent"] != found["claims"]:
        failures.append(f"{name}: {emails} emails and {found['alerts_sent']} alerts sent for {found['claims']} claims")
    return failures, found, emails


def main() -> int:
    if not broker_answers():
        say(f"no Redis answers on {BROKER_HOST}:{BROKER_PORT}: nothing to check against (skipped)")
        return 3
    from localdev import embedded_db
    from localdev.sampleweb import SampleWeb, demo_pages

    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="celery-check-") as tmp:
        work = Path(tmp)
        server_url = embedded_db.start(work / "pg", cleanup="stop")
        web = SampleWeb(demo_pages()).start()
        original = web.respond
        hold = PageHold()

        def slow_pages(handler):  # pages take a moment, so shards overlap; held while the worker-killed phase arms it
            if handler.path.startswith("/articles/"):
                hold.wait()
                time.sleep(1.0)
            return original(handler)

        web.respond = slow_pages
        try:
            reference, reference_emails = single_process_reference(server_url, web.write_feeds_yaml(work / "feeds.yaml"), work)
            say(f"single process: emails {reference_emails}; rows {json.dumps(reference)}")
            failed, found, emails = phase(work, server_url, web, "two-workers")
            failures += failed
            if found != reference or emails != reference_emails:
                failures.append("two-workers: rows or emails differ from the single-process run")
            failed, found, emails = phase(work, server_url, web, "worker-killed", hold)
            failures += failed
            if found["articles"] != reference["articles"] or emails != reference_emails:
                failures.append("worker-killed: not every article stored once, or not every claim emailed once")
        finally:
            web.stop()
    for failure in failures:
        say(f"FAILED {failure}")
    say("all checks hold" if not failures else f"{len(failures)} check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
