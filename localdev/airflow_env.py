"""The Airflow Connections and Variables that point news_monitor at the local stand-ins (tests, celery-check)."""

from __future__ import annotations

import json
from pathlib import Path


def news_monitor_env(database_url: str, smtp_port: int, feeds: Path, **variables: str) -> dict[str, str]:
    """AIRFLOW_CONN_*/AIRFLOW_VAR_* for the project DB, the mail sink on 127.0.0.1 and a sample-web feeds file."""
    return {
        "AIRFLOW_CONN_NEWS_DB": json.dumps({"conn_type": "postgres", "extra": {"dsn": database_url}}),
        "AIRFLOW_CONN_NEWS_SMTP": json.dumps({"conn_type": "smtp", "host": "127.0.0.1", "port": smtp_port,
                                              "extra": {"disable_ssl": True, "disable_tls": True}}),
        "AIRFLOW_VAR_FEEDS_PATH": str(feeds),
        "AIRFLOW_VAR_ALERT_RECIPIENTS": "analyst@example.org",
        "AIRFLOW_VAR_ALLOW_PRIVATE_HOSTS": "true",
        **{f"AIRFLOW_VAR_{name.upper()}": value for name, value in variables.items()},
    }
