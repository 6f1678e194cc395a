"""Settings: one object, read once from the environment, passed to every stage."""

from __future__ import annotations

import os
import re
from typing import Any
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FEEDS = PROJECT_ROOT / "config" / "feeds.yaml"
DEFAULT_CONSOLE_URL = "http://127.0.0.1:8080/monitor"  # the console inside the Airflow UI of `make demo`


class ConfigError(ValueError):
    """A setting or the feeds file is missing or malformed; the message is one line naming what and where."""


class DatabaseUnavailable(ConfigError):
    """The database cannot be reached with DATABASE_URL (nothing listening, no such database, a DSN libpq refuses)."""

    def __init__(self, dsn: str, error: BaseException | str):
        reason = _first_line(str(error))
        for secret in _dsn_passwords(dsn):
            reason = reason.replace(secret, "***")
        super().__init__(f"database {describe_dsn(dsn)} unreachable: {reason}")


# The password in a libpq DSN: URL userinfo (user:pw@), a URL query parameter, or a key=value pair
# (quoted values may hold spaces and backslash escapes; an unterminated quote runs to the end).
_URL_PASSWORD = re.compile(r"(?P<head>://[^/?#@:]*:)(?P<pw>[^/?#]*)(?=@)")
_QUERY_PASSWORD = re.compile(r"(?P<head>[?&]password=)(?P<pw>[^&#]*)", re.IGNORECASE)
_KV_PASSWORD = re.compile(r"(?P<head>(?:^|\s)password\s*=\s*)(?P<pw>'(?:[^'\\]|\\.)*(?:'|$)|[^\s']\S*)")


def redact_dsn(dsn: str) -> str:
    """The DSN with its password, in URL or key=value form, replaced by ***."""
    if "://" in dsn:
        dsn = _URL_PASSWORD.sub(r"\g<head>***", dsn, count=1)
        return _QUERY_PASSWORD.sub(r"\g<head>***", dsn)
    return _KV_PASSWORD.sub(r"\g<head>***", dsn)


def _dsn_passwords(dsn: str) -> list[str]:
    pattern = (_URL_PASSWORD, _QUERY_PASSWORD) if "://" in dsn else (_KV_PASSWORD,)
    found = [m.group("pw") for p in pattern for m in p.finditer(dsn)]
    found += [pw.strip("'") for pw in found]
    return sorted({pw for pw in found if len(pw) >= 3}, key=len, reverse=True)


def describe_dsn(dsn: str) -> str:
    """host:port/dbname of a DSN, without user or password; the redacted DSN when libpq cannot parse it."""
    try:
        import psycopg2.extensions

        parts = psycopg2.extensions.parse_dsn(dsn)
    except Exception:  # noqa: BLE001 - any unparsable DSN is shown, redacted, as given
        return redact_dsn(dsn)
    host = parts.get("host") or parts.get("hostaddr") or "localhost"
    return f"{host}:{parts.get('port') or 5432}/{parts.get('dbname') or parts.get('user') or ''}"


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "unknown error")


def _masked_repr(obj: Any, masks: dict[str, object]) -> str:
    shown = ", ".join(f"{f.name}={masks[f.name] if f.name in masks else repr(getattr(obj, f.name))}"
                      for f in fields(obj) if f.repr)
    return f"{type(obj).__name__}({shown})"


@dataclass(frozen=True)
class FetchSettings:
    """Limits for every HTTP request the monitor makes."""

    user_agent: str = "ceasefire-monitor/0.1 (+https://github.com/ceasefire-monitor)"
    connect_timeout: float = 5.0
    read_timeout: float = 15.0  # longest wait for the next bytes
    response_deadline: float = 20.0  # wall clock from request to last body byte, however the bytes trickle
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

    def __repr__(self) -> str:
        return _masked_repr(self, {"password": repr("***") if self.password else repr(self.password)})


@dataclass(frozen=True)
class Settings:
    """Everything a run needs; built by the CLI from the environment or by a DAG from Connections."""

    database_url: str
    feeds_path: Path = DEFAULT_FEEDS
    smtp: SmtpSettings | None = None
    alert_recipients: tuple[str, ...] = ()
    fetch: FetchSettings = field(default_factory=FetchSettings)
    console_url: str | None = DEFAULT_CONSOLE_URL  # where alert emails link each claim for review
    operator_recipients: tuple[str, ...] = ()  # who hears of failing feeds (default: the alert recipients)
    shards: int = 1  # parallel tasks per heavy stage (polls by feed shard, fetch and analysis by leased batches)
    lease_seconds: int = 900  # how long a run holds a feed, page or article it took; a dead worker's work frees then

    def __repr__(self) -> str:
        return _masked_repr(self, {"database_url": repr(redact_dsn(self.database_url))})

    def with_fetch(self, **changes: Any) -> Settings:
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
    if not 0 < port < 65536:
        raise ConfigError(f"SMTP_PORT must be between 1 and 65535, got {port}")
    return SmtpSettings(
        host=host,
        port=port,
        user=env.get("SMTP_USER") or None,
        password=env.get("SMTP_PASSWORD") or None,
        starttls=_flag(env.get("SMTP_STARTTLS")),
        use_ssl=_flag(env.get("SMTP_SSL")),
        sender=env.get("SMTP_FROM") or SmtpSettings.sender,
    )


def settings_from_env(env: dict[str, str] | None = None, **overrides: Any) -> Settings:
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
        console_url=env.get("CONSOLE_URL") or DEFAULT_CONSOLE_URL,
        operator_recipients=parse_recipients(env.get("OPERATOR_RECIPIENTS")),
        fetch=FetchSettings(allow_private_hosts=_flag(env.get("ALLOW_PRIVATE_HOSTS"))),
        shards=_positive(env, "MONITOR_SHARDS", 1),
        lease_seconds=_positive(env, "MONITOR_LEASE_SECONDS", 900),
    )
    return replace(settings, **overrides) if overrides else settings


def _positive(env: dict[str, str], name: str, default: int) -> int:
    value = (env.get(name) or "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) < 1:
        raise ConfigError(f"{name} must be a whole number of at least 1, got {value!r}")
    return int(value)


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
