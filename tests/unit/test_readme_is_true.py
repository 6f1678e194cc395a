"""The README's promises exist: every `python -m pipeline` command it shows, and every setting in its table."""

import re

from pipeline.cli import build_parser
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CODE = "\n".join(path.read_text(encoding="utf-8") for folder in ("pipeline", "dags", "scripts")
                 for path in (ROOT / folder).rglob("*.py"))


def test_every_command_the_readme_shows_exists():
    shown = set(re.findall(r"python -m pipeline ([a-z][a-z-]+)", README))
    commands = set(build_parser()._subparsers._group_actions[0].choices)  # noqa: SLF001 - argparse keeps them there
    assert shown and shown <= commands, shown - commands


def test_every_setting_in_the_table_is_read_somewhere():
    table = README[README.index("## Settings"):README.index("## Without Airflow")]
    names = set(re.findall(r"`([A-Z][A-Z_]{3,})`", table))
    variables = set(re.findall(r"Variable `([a-z_]+)`", table))
    assert names and variables
    assert {n for n in names if n not in CODE} == set()
    assert {v for v in variables if f'"{v}"' not in CODE} == set()


def test_every_make_target_the_readme_names_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z-]+):", makefile, re.MULTILINE))
    shown = set(re.findall(r"`make ([a-z-]+)`", README))
    assert shown and shown <= targets, shown - targets
