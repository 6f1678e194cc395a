"""Ceasefire-compliance news monitor: the domain, free of Airflow."""

__version__ = "0.1.0"
