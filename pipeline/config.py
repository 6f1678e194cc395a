"""Settings: one object, read once from the environment, passed to every stage."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FEEDS = PROJECT_ROOT / "config" / "feeds.yaml"


class ConfigError(ValueError):
    """A setting is missing or malformed."""


@dataclass(frozen=True)
class FetchSettings:
    """Limits for every HTTP request the monitor makes."""

    user_agent: str = "ceasefire-monitor/0.1 (+https://github.com/ceasefire-monitor)"
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    max_bytes: int = 5 * 1024 * 1024  # pages and feeds above this are cut off and refused
    max_redirects: int = 5
    allow_private_hosts: bool = False  # loopback/private/link-local addresses refused unless set
    per_host_delay: float = 0.0  # seconds between two requests to one host
    per_host_concurrency: int = 2
    workers: int = 8  # parallel fetches across hosts
    respect_robots: bool = True


@dataclass(frozen=True)
class SmtpSettings:
    """Where alert emails go."""

    host: str
    port: int = 25
    user: str | None = None
    password: str | None = None
    starttls: bool = False
    use_ssl: bool = False
    sender: str = "ceasefire-monitor@localhost"
    timeout: float = 10.0


@dataclass(frozen=True)
class Settings:
    """Everything a run needs; built by the CLI from the environment or by a DAG from Connections."""

    database_url: str
    feeds_path: Path = DEFAULT_FEEDS
    smtp: SmtpSettings | None = None
    alert_recipients: tuple[str, ...] = ()
    fetch: FetchSettings = field(default_factory=FetchSettings)
    max_alert_attempts: int = 10

    def with_fetch(self, **changes: object) -> Settings:
        """Return a copy with some fetch limits changed."""
        return replace(self, fetch=replace(self.fetch, **changes))


def parse_recipients(value: str | None) -> tuple[str, ...]:
    """Split a comma-separated recipient list, dropping blanks."""
    return tuple(r.strip() for r in (value or "").split(",") if r.strip())


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def smtp_from_env(env: dict[str, str]) -> SmtpSettings | None:
    """SMTP settings from SMTP_* variables, or None when SMTP_HOST is unset."""
    host = env.get("SMTP_HOST")
    if not host:
        return None
    try:
        port = int(env.get("SMTP_PORT", "25"))
    except ValueError as exc:
        raise ConfigError(f"SMTP_PORT must be a number, got {env.get('SMTP_PORT')!r}") from exc
    return SmtpSettings(
        host=host,
        port=port,
        user=env.get("SMTP_USER") or None,
        password=env.get("SMTP_PASSWORD") or None,
        starttls=_flag(env.get("SMTP_STARTTLS")),
        use_ssl=_flag(env.get("SMTP_SSL")),
        sender=env.get("SMTP_FROM") or SmtpSettings.sender,
    )


def settings_from_env(env: dict[str, str] | None = None, **overrides: object) -> Settings:
    """Build Settings from DATABASE_URL, FEEDS_PATH, SMTP_* and ALERT_RECIPIENTS."""
    env = dict(os.environ if env is None else env)
    url = env.get("DATABASE_URL")
    if not url:
        raise ConfigError("DATABASE_URL is not set (e.g. postgresql://user@127.0.0.1:5432/news)")
    settings = Settings(
        database_url=url,
        feeds_path=Path(env.get("FEEDS_PATH") or DEFAULT_FEEDS),
        smtp=smtp_from_env(env),
        alert_recipients=parse_recipients(env.get("ALERT_RECIPIENTS")),
        fetch=FetchSettings(allow_private_hosts=_flag(env.get("ALLOW_PRIVATE_HOSTS"))),
    )
    return replace(settings, **overrides) if overrides else settings


def dsn_from_parts(
    host: str | None, port: int | None, login: str | None, password: str | None, database: str | None, extra: dict
) -> str:
    """A libpq DSN from connection fields (an Airflow Connection's, say); extra['dsn'] wins when given."""
    if extra.get("dsn"):
        return str(extra["dsn"])
    import psycopg2.extensions

    parts = {"host": host, "port": port, "user": login, "password": password, "dbname": database}
    return psycopg2.extensions.make_dsn(**{k: v for k, v in parts.items() if v not in (None, "")})


def smtp_from_parts(host: str | None, port: int | None, login: str | None, password: str | None, extra: dict) -> SmtpSettings | None:
    """SMTP settings from connection fields, with the SMTP provider's extras (disable_ssl, disable_tls, from_email)."""
    if not host:
        return None
    use_ssl = not _flag(str(extra.get("disable_ssl", False)))
    return SmtpSettings(
        host=host,
        port=int(port or (465 if use_ssl else 25)),
        user=login or None,
        password=password or None,
        use_ssl=use_ssl,
        starttls=not use_ssl and not _flag(str(extra.get("disable_tls", False))),
        sender=str(extra.get("from_email") or SmtpSettings.sender),
        timeout=float(extra.get("timeout", 10)),
    )
