"""
### news_monitor

Polls the news feeds in `config/feeds.yaml` every 15 minutes, fetches new article pages,
extracts their bodies, keeps the Idlib/Syria ceasefire stories, pulls out who said what and
who accused whom of breaching which commitment, stores it all in PostgreSQL and emails an
alert for every new claim.

Stages (each idempotent; a failed feed, page or email is recorded in the `events` table and
the run goes on): `prepare` → `plan_shards` → `poll_feeds` → `fetch_articles` →
`analyze_articles` → `send_alerts`. The three heavy stages are mapped over the shards (Variable
`shards`, default 1): polls by a stable hash of the feed name, fetches and analyses by leased
batches (SELECT … FOR UPDATE SKIP LOCKED), so any worker can run any shard and a dead worker's
work is taken up once its leases expire. Claim matching is serialised per pair of parties, and
the alert drain is one task. Tasks pass counts through XCom, never article text.

Settings: Connection `news_db` (the project's PostgreSQL), Connection `news_smtp` (alert mail;
extras `disable_ssl`/`disable_tls`/`from_email` as in the SMTP provider), Variables
`alert_recipients` (comma-separated), `operator_recipients`, `console_url`, `feeds_path`
(optional), `shards`, `lease_seconds` and `allow_private_hosts` (only for the local sample web).
Operators: the console's Operations page, the `feed_health` view and the `events` table.
"""

from __future__ import annotations

import os
from datetime import timedelta

import pendulum
from airflow.sdk import dag, get_current_context, task

DEFAULT_ARGS = {
    "owner": "ceasefire-monitor",
    "retries": 3,
    "retry_delay": timedelta(seconds=30),
    "retry_exponential_backoff": 2.0,
    "max_retry_delay": timedelta(minutes=10),
    "execution_timeout": timedelta(minutes=30),
}


def _settings():
    """Build pipeline Settings from Airflow Connections and Variables (called inside tasks only)."""
    from pathlib import Path

    from airflow.sdk import Connection, Variable

    from pipeline.config import DEFAULT_CONSOLE_URL, DEFAULT_FEEDS, Settings, dsn_from_parts, parse_recipients, smtp_from_parts

    db = Connection.get("news_db")
    dsn = dsn_from_parts(db.host, db.port, db.login, db.password, db.schema, db.extra_dejson)
    from airflow.sdk.exceptions import AirflowNotFoundException

    try:
        mail = Connection.get("news_smtp")
    except AirflowNotFoundException:  # no SMTP connection configured: alerts stay queued in the outbox
        smtp = None
    else:  # a connection that is there but malformed is an error that says so, not "no SMTP"
        try:
            smtp = smtp_from_parts(mail.host, mail.port, mail.login, mail.password, mail.extra_dejson)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"Connection news_smtp is malformed: {exc}") from exc
    settings = Settings(
        database_url=dsn,
        feeds_path=Path(Variable.get("feeds_path", default=str(DEFAULT_FEEDS))),
        smtp=smtp,
        alert_recipients=parse_recipients(Variable.get("alert_recipients", default="")),
        console_url=Variable.get("console_url", default=DEFAULT_CONSOLE_URL) or None,
        operator_recipients=parse_recipients(Variable.get("operator_recipients", default="")),
        shards=_whole(Variable.get("shards", default=os.environ.get("MONITOR_SHARDS", "1")), "shards"),
        lease_seconds=_whole(Variable.get("lease_seconds", default=os.environ.get("MONITOR_LEASE_SECONDS", "900")),
                             "lease_seconds"),
    )
    if Variable.get("allow_private_hosts", default="false").lower() == "true":
        settings = settings.with_fetch(allow_private_hosts=True)
    return settings


def _whole(value: str, name: str) -> int:
    if not str(value).strip().isdigit() or int(value) < 1:
        raise ValueError(f"Variable {name} must be a whole number of at least 1, got {value!r}")
    return int(value)


def _run_id() -> int:
    context = get_current_context()
    run_id = context["ti"].xcom_pull(task_ids="prepare", key="monitor_run_id")
    if run_id is None:
        raise RuntimeError("prepare did not record a run id")
    return int(run_id)


@dag(
    dag_id="news_monitor",
    schedule="*/15 * * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    dagrun_timeout=timedelta(minutes=60),
    default_args=DEFAULT_ARGS,
    tags=["ceasefire", "news", "monitor"],
    doc_md=__doc__,
)
def news_monitor():
    @task
    def prepare() -> dict:
        """Apply migrations, sync feeds and actors, open a run record."""
        from pipeline import stages

        run_id, counts = stages.open_run(_settings(), get_current_context()["run_id"])
        get_current_context()["ti"].xcom_push(key="monitor_run_id", value=run_id)
        return counts

    @task
    def plan_shards() -> list[int]:
        """The shard numbers each heavy stage is split into (Variable shards, default 1)."""
        return list(range(_settings().shards))

    @task
    def poll_feeds(shard: int) -> dict:
        """Conditional GET of this shard's due feeds; failures are recorded per feed."""
        from pipeline import stages

        settings = _settings()
        return stages.poll_feeds(settings, _run_id(), shard, settings.shards)

    @task
    def fetch_articles(shard: int) -> dict:
        """Fetch and extract a leased batch of pending pages (shards split the pages through leases)."""
        from pipeline import stages

        return stages.fetch_articles(_settings(), _run_id())

    @task
    def analyze_articles(shard: int) -> dict:
        """Relevance, statements, accusations and claims for a leased batch of unanalysed articles."""
        from pipeline import stages

        return stages.analyze_articles(_settings(), _run_id())

    @task(retries=5)
    def send_alerts() -> dict:
        """Drain the alert outbox (one drain: alerts are locked one by one); unsent alerts stay queued."""
        from pipeline import stages

        return stages.send_alerts(_settings(), _run_id())

    shards = plan_shards()
    polled = poll_feeds.expand(shard=shards)
    fetched = fetch_articles.expand(shard=shards)
    analyzed = analyze_articles.expand(shard=shards)
    prepare() >> shards
    polled >> fetched >> analyzed >> send_alerts()


news_monitor()
