"""Shared fixtures: a real PostgreSQL (embedded, or TEST_DATABASE_URL), the sample web, an SMTP sink."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import psycopg2
import pytest

from localdev import embedded_db
from localdev.mailsink import MailSink
from localdev.sampleweb import Page, SampleWeb
from pipeline.config import Settings, SmtpSettings

ROOT = Path(__file__).resolve().parents[1]
SEED_DIR = ROOT.parent / "shared" / "seed"
SEED_TEXT = SEED_DIR / "idlib_turkey_commitments.txt"


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory) -> str:
    """URL of a PostgreSQL server's maintenance database: TEST_DATABASE_URL if set, else an embedded one."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        return url
    return embedded_db.start(tmp_path_factory.mktemp("pg") / "data", cleanup="delete")


@pytest.fixture
def database_url(pg_server: str) -> str:
    """A new, empty database for one test, dropped afterwards."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(pg_server)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    url = embedded_db.database_url(pg_server, name)
    yield url
    with admin.cursor() as cur:
        cur.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", (name,)
        )
        cur.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.close()


@pytest.fixture
def mail_sink(tmp_path: Path):
    """A real SMTP server (aiosmtpd) on 127.0.0.1 that keeps what it receives."""
    with MailSink(tmp_path / "mail") as sink:
        yield sink


def seed_page() -> Page:
    """The seed article as a sample-web page (breadcrumb and 'Back to top' chrome dropped: the page adds its own).

    Read from ../shared/seed; a clone without shared/ beside it uses the copy bundled in sample/.
    """
    if not SEED_TEXT.exists():
        from localdev.sampleweb import load_pages

        bundled = next(p for p in load_pages() if p.slug == "turkey-dragging-feet-idlib")
        return Page(**{**bundled.__dict__, "slug": "idlib-commitments", "feed": "news"})
    lines = SEED_TEXT.read_text(encoding="utf-8").splitlines()
    title = lines[2].strip()
    body = [line.strip() for line in lines[3:] if line.strip() and line.strip() != "Back to top button"]
    return Page(slug="idlib-commitments", title=title, outlet="Press TV", published="2020-05-14T09:30:00+00:00",
                text="\n\n".join(body), feed="news")


def unrelated_pages() -> list[Page]:
    """The bundled sample web's articles that are not ceasefire stories."""
    from localdev.sampleweb import load_pages

    return [Page(**{**p.__dict__, "feed": "news"}) for p in load_pages() if p.slug != "turkey-dragging-feet-idlib"]


@pytest.fixture
def seed_web():
    """The seed article plus three unrelated articles, in one RSS feed on 127.0.0.1."""
    with SampleWeb([seed_page(), *unrelated_pages()]) as web:
        yield web


def make_settings(database_url: str, feeds_path: Path, sink: MailSink | None, **fetch: object) -> Settings:
    """Settings for a test run against local servers."""
    smtp = SmtpSettings(host="127.0.0.1", port=sink.port) if sink else None
    settings = Settings(database_url=database_url, feeds_path=feeds_path, smtp=smtp,
                        alert_recipients=("analyst@example.org",))
    return settings.with_fetch(allow_private_hosts=True, **fetch)


def direct_quotes(text: str, title: str = "Idlib truce") -> list[tuple[str, str | None]]:
    """(first 20 characters of the quote, speaker) for each direct quote the analyzer finds in a written text."""
    from pipeline.analyzer.core import analyze  # lazy: loading spaCy is slow

    return [(s.quote[:20], s.speaker) for s in analyze(title, text, quotes_everywhere=True).statements
            if s.kind == "direct"]


def statement_of(text: str, opening: str, title: str = "Idlib truce"):
    """The direct statement the analyzer finds in a written text whose quote opens with these words."""
    from pipeline.analyzer.core import analyze  # lazy: loading spaCy is slow

    return next(s for s in analyze(title, text, quotes_everywhere=True).statements
                if s.kind == "direct" and s.quote.startswith(opening))


def reported_of(text: str, opening: str, title: str = "Idlib truce"):
    """The statement, direct or reported, the analyzer finds in a written text whose text opens with these words."""
    from pipeline.analyzer.core import analyze  # lazy: loading spaCy is slow

    return next(s for s in analyze(title, text).statements if s.quote.startswith(opening))


def rule_claims(text: str, after: int = 0, outlet: str | None = None) -> set[tuple[str, str]]:
    """(accuser, accused), rolled up, of the rules' attributed claims in a written text (from character `after` on)."""
    from pipeline.analyzer.accusations import extract_accusations
    from pipeline.analyzer.core import _parse
    from pipeline.analyzer.gazetteer import gazetteer
    from pipeline.analyzer.statements import extract_statements

    g = gazetteer()
    doc = _parse(text)
    statements, index = extract_statements(doc)
    return {(g.rollup(a.accuser), g.rollup(a.accused)) for a in extract_accusations(doc, statements, index, None, outlet)
            if a.mode == "claim" and a.char_start >= after}


def counted_pairs(text: str, date: str | None = None) -> set[tuple[str, str]]:
    """(accuser, accused), rolled up, of the pairs the whole analyzer (learned decision included) counts, claim or
    counter, in a written text."""
    from pipeline.analyzer.core import analyze
    from pipeline.analyzer.gazetteer import gazetteer

    g = gazetteer()
    return {(g.rollup(a.accuser), g.rollup(a.accused)) for a in analyze("Idlib truce", text, date=date).accusations
            if a.mode.value in ("claim", "counter")}
