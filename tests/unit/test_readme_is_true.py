"""The README's promises exist: every `python -m pipeline` command and `make` target it names, and every
setting: each environment variable of its Settings table is mapped into pipeline.config's Settings
(setting it changes what settings_from_env builds), each Airflow Variable names a Settings field, and
every other variable it names is read from the environment by the code."""

import dataclasses
import re

from pipeline.cli import build_parser
from pipeline.config import FetchSettings, Settings, SmtpSettings, settings_from_env
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CODE = "\n".join(path.read_text(encoding="utf-8") for folder in ("pipeline", "dags", "scripts", "localdev")
                 for path in (ROOT / folder).rglob("*.py"))
CONFTEST = (ROOT / "tests" / "conftest.py").read_text(encoding="utf-8")
TABLE = README[README.index("## Settings"):README.index("## Without Airflow")]
ROWS = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in TABLE.splitlines()
        if line.startswith("|") and not line.startswith("|--")][1:]  # the header row left out
ENV_NAME = re.compile(r"`([A-Z][A-Z0-9]*_[A-Z0-9_]+)`")
BASE_ENV = {"DATABASE_URL": "postgresql://user@127.0.0.1:5432/news", "SMTP_HOST": "127.0.0.1"}


def _reads_environment(name: str, code: str) -> bool:
    return re.search(rf"""(?:environ\.get|environ\[|getenv|env\.get)\(?\s*["']{name}["']""", code) is not None


def _subparsers():
    return build_parser()._subparsers._group_actions[0].choices  # noqa: SLF001 - argparse keeps them there


def test_every_command_the_readme_shows_exists():
    shown = set(re.findall(r"python -m pipeline ([a-z][a-z-]+)", README))
    commands = set(_subparsers())
    assert shown and shown <= commands, shown - commands


def test_every_make_target_the_readme_names_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z-]+):", makefile, re.MULTILINE))
    shown = set(re.findall(r"`make ([a-z-]+)`", README))
    assert shown and shown <= targets, shown - targets


def test_the_settings_table_is_read():
    assert len(ROWS) >= 10 and all(len(row) == 3 for row in ROWS), ROWS


def test_every_environment_setting_is_mapped_into_settings():
    """Each variable of the table's first column changes settings_from_env's Settings; a variable whose row says
    it is read by the worker's environment instead (not a Settings field) must be read from os.environ."""
    baseline = settings_from_env(BASE_ENV)
    unmapped, unread = [], []
    for env_cell, airflow_cell, _ in ROWS:
        for name in ENV_NAME.findall(env_cell):
            if airflow_cell.startswith("environment"):
                if not _reads_environment(name, CODE):
                    unread.append(name)
                continue
            changed = False
            for value in ("7", "true", "someone@example.org"):
                try:
                    changed = settings_from_env({**BASE_ENV, name: value}) != baseline
                except ValueError:  # ConfigError: a value this setting refuses is still a value it reads
                    changed = True
                if changed:
                    break
            if not changed:
                unmapped.append(name)
    assert not unmapped, f"README settings that settings_from_env ignores: {unmapped}"
    assert not unread, f"README worker variables nothing reads: {unread}"


def test_every_airflow_variable_is_a_settings_field_the_dag_reads():
    fields = {f.name for cls in (Settings, FetchSettings, SmtpSettings) for f in dataclasses.fields(cls)}
    variables = {v for _, airflow_cell, _ in ROWS for v in re.findall(r"Variable `([a-z_]+)`", airflow_cell)}
    connections = {c for _, airflow_cell, _ in ROWS for c in re.findall(r"Connection `([a-z_]+)`", airflow_cell)}
    assert variables and connections
    assert variables - fields == set(), f"Airflow Variables that are no Settings field: {variables - fields}"
    assert {v for v in variables if f'Variable.get("{v}"' not in CODE} == set()
    assert {c for c in connections if f'Connection.get("{c}")' not in CODE} == set()


def test_every_flag_in_the_settings_table_is_a_cli_option():
    flags = set(re.findall(r"`(--[a-z-]+)`", TABLE))
    options = {option for parser in _subparsers().values() for option in parser._option_string_actions}  # noqa: SLF001
    assert flags and flags <= options, flags - options


def test_every_other_variable_the_readme_names_is_read():
    """AIRFLOW_PORT, SAMPLE_WEB_PORT, TEST_DATABASE_URL...: named outside the table, read by the launcher or tests."""
    in_table = set(ENV_NAME.findall(TABLE))
    others = set(ENV_NAME.findall(README)) - in_table
    assert others
    assert {n for n in others if not _reads_environment(n, CODE + CONFTEST)} == set()
