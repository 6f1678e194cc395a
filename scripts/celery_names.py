"""Airflow's hostname_callable for the Celery check: each worker reports the name it was started with."""

import os
import socket


def worker_hostname() -> str:
    """MONITOR_WORKER when set (worker1, worker2), else the machine's name."""
    return os.environ.get("MONITOR_WORKER") or socket.getfqdn()
