"""Batched storage and worker processes give exactly what one-at-a-time, in-process ingestion gives."""

from __future__ import annotations

import uuid

import psycopg2
import pytest

from localdev import embedded_db
from pipeline import stages, workers
from pipeline.extract import compress
from pipeline.feeds import body_hash, load_feeds
from pipeline.models import FeedEntry
from pipeline.store import db
from pipeline.store.articles import NewArticle, PendingItem, upsert_articles
from pipeline.store.feeds import insert_item, insert_items, sync_feeds
from tests.conftest import make_settings
from tests.integration.test_ingestion_dedup import WIRE

OTHER = "\n\n".join(f"Farmers in Hama province began the wheat harvest early, part {i}, because of the heat, and the "
                    "agriculture directorate promised fuel for the combines within days." for i in range(5))


@pytest.fixture
def second_database(pg_server):
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(pg_server)
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    yield embedded_db.database_url(pg_server, name)
    with admin.cursor() as cur:
        cur.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                    (name,))
        cur.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.close()


def article(item_id: int, slug: str, outlet: str, body: str, title: str = "Patrol") -> NewArticle:
    item = PendingItem(item_id, f"http://news.test/{slug}", f"http://news.test/{slug}", 1, outlet, "en", title, None)
    return NewArticle(item, item.url, title, "2020-06-02", "en", body, body_hash(body.encode()), compress(body.encode()))


# Near-duplicates across and within outlets, a correction at a known URL, an exact repeat, an unrelated story.
FIRST = [
    article(1, "a", "Outlet X", WIRE),
    article(2, "b", "Outlet Y", WIRE.replace("on Tuesday", "on Tuesday afternoon")),
    article(3, "c", "Outlet X", WIRE + "\n\nThis story has been updated."),
    article(4, "d", "Outlet Z", OTHER),
    article(5, "b2", "Outlet Y", WIRE.replace("on Tuesday", "on Tuesday afternoon")),
    article(6, "a", "Outlet X", WIRE.replace("no incidents were reported", "one soldier was lightly wounded")),
    article(7, "e", "Outlet W", WIRE + "\n\nThis story has been updated."),
]
SECOND = [
    article(8, "f", "Outlet Q", OTHER.replace("part 4,", "part four,")),
    article(9, "d", "Outlet Z", OTHER),
    article(10, "g", "Outlet Z", OTHER + "\n\nCorrection: the directorate spoke on Monday."),
]


def store_all(url: str, batches: list[list[NewArticle]]) -> tuple[list, list]:
    results = []
    with db.connection(url) as conn:
        db.migrate(conn)
        with conn.cursor() as cur:
            cur.execute("INSERT INTO feeds (id, name, url, outlet) VALUES (1, 'f', 'http://news.test/feed', 'X')")
            for a in FIRST + SECOND:
                cur.execute("INSERT INTO feed_items (id, url, link, feed_id) VALUES (%s, %s, %s, 1)",
                            (a.item.id, f"{a.item.url}#{a.item.id}", a.item.link))
        conn.commit()
        for batch in batches:
            results += upsert_articles(conn, batch)
        with conn.cursor() as cur:
            cur.execute("""SELECT id, url, outlet, story_id, revision, body_hash, title, simhash, sim_bands,
                             analyzed_at IS NULL FROM articles ORDER BY id""")
            articles = cur.fetchall()
            cur.execute("SELECT id, status, article_id, attempts FROM feed_items ORDER BY id")
            return results, articles + cur.fetchall()


def test_a_batch_stores_exactly_what_one_at_a_time_stores(database_url, second_database):
    one_by_one = store_all(database_url, [[a] for a in FIRST + SECOND])
    batched = store_all(second_database, [FIRST, SECOND])

    assert batched == one_by_one
    results, rows = batched
    assert [changed for _, changed in results] == [True, True, True, True, False, True, True, True, False, True]
    articles = {row[1].rsplit("/", 1)[1]: row for row in rows if isinstance(row[1], str) and row[1].startswith("http")}
    assert set(articles) == {"a", "b", "d", "e", "f"}  # c corrected a; b2 is b again; g corrected d
    assert articles["a"][4] == 3 and articles["d"][4] == 2  # revisions
    assert articles["b"][3] == articles["a"][3] == articles["e"][3] and articles["f"][3] == articles["d"][3]


def polled(url: str, feeds):
    """Settings for a run against `url`, with the schema migrated and the feeds polled once."""
    settings = make_settings(url, feeds, None)
    with db.connection(url) as conn:
        db.migrate(conn)
        sync_feeds(conn, load_feeds(feeds))
    stages.poll_feeds(settings)
    return settings


def test_worker_processes_give_the_in_process_result(database_url, second_database, seed_web, tmp_path, monkeypatch):
    feeds = seed_web.write_feeds_yaml(tmp_path / "feeds.yaml")
    monkeypatch.setenv("MONITOR_PROCESSES", "2")

    def run(url: str, parallel: bool) -> tuple[dict, list]:
        monkeypatch.setattr(stages, "PARALLEL_MIN_PAGES", 1 if parallel else 10**9)
        monkeypatch.setattr(stages, "PARALLEL_MIN_PARSES", 1 if parallel else 10**9)
        monkeypatch.setattr(stages, "EXTRACT_CHUNK", 2)
        settings = polled(url, feeds)
        fetched = stages.fetch_articles(settings)
        analyzed = stages.analyze_articles(settings)
        with psycopg2.connect(url) as conn, conn.cursor() as cur:
            cur.execute("SELECT url, title, body_text, body_hash, simhash, story_id, is_relevant, relevance_score FROM articles ORDER BY id")
            state = cur.fetchall()
            cur.execute("SELECT article_id, speaker, quote, char_start FROM statements ORDER BY id")
            state += cur.fetchall()
            cur.execute("SELECT accuser, accused, breach_type, mode, evidence FROM accusations ORDER BY id")
            state += cur.fetchall()
        return {**fetched, **analyzed}, state

    in_process = run(database_url, parallel=False)
    parallel = run(second_database, parallel=True)

    assert parallel == in_process
    assert in_process[0]["articles_new_or_changed"] == 4 and in_process[0]["relevant"] == 1


class _CannotStart:
    def submit(self, *args):
        raise AssertionError("daemonic processes are not allowed to have children")

    def shutdown(self, **kwargs):
        pass


def test_workers_that_cannot_start_leave_the_work_in_process(database_url, seed_web, tmp_path, monkeypatch):
    feeds = seed_web.write_feeds_yaml(tmp_path / "feeds.yaml")
    monkeypatch.setattr(workers, "_failed", False)
    monkeypatch.setattr(workers, "_pool", _CannotStart())
    monkeypatch.setenv("MONITOR_PROCESSES", "2")
    monkeypatch.setattr(stages, "PARALLEL_MIN_PAGES", 1)
    monkeypatch.setattr(stages, "PARALLEL_MIN_PARSES", 1)
    settings = polled(database_url, feeds)

    assert stages.fetch_articles(settings)["articles_new_or_changed"] == 4
    assert stages.analyze_articles(settings)["relevant"] == 1
    assert workers._failed and workers.pool() is None


def test_items_inserted_together_count_and_land_as_one_by_one(database_url, second_database):
    def entry(url, guid=None, updated=None):
        return FeedEntry("f", f"http://news.test/{url}", guid, url.upper(), "2020-06-01T10:00:00+00:00",
                         updated_at=updated)

    first = [entry("a", "g1"), entry("b", "g2", "2020-06-01T12:00:00+00:00"), entry("c"), entry("a", "g1"), entry("a2", "g1"), entry("d", "g4")]
    second = [entry("b", "g2", "2020-06-02T10:00:00+00:00"), entry("e", "g2"), entry("c"), entry("f", "g6"),
              entry("f", "g6", "2020-06-03T10:00:00+00:00"), entry("d", "g4")]

    def land(url, together):
        counts = []
        with db.connection(url) as conn:
            db.migrate(conn)
            with conn.cursor() as cur:
                cur.execute("INSERT INTO feeds (id, name, url, outlet) VALUES (1, 'f', 'http://news.test/feed', 'X')")
                for entries in (first, second):
                    if together:
                        counts.append(insert_items(cur, 1, entries))
                    else:
                        counts.append(sum(insert_item(cur, 1, e) for e in entries))
                cur.execute("SELECT id, url, guid, title, updated_at, status FROM feed_items ORDER BY id")
                return counts, cur.fetchall()

    one_by_one = land(database_url, False)
    assert land(second_database, True) == one_by_one
    assert one_by_one[0] == [4, 2]
