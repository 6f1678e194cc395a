"""Dedup on the way in: variants of one link, syndicated copies, corrections, raw HTML kept."""

from __future__ import annotations

import dataclasses

import psycopg2
import pytest

from localdev.sampleweb import Page, SampleWeb
from pipeline import stages
from pipeline.extract import decompress
from pipeline.feeds import load_feeds
from pipeline.store import db
from pipeline.store.feeds import sync_feeds
from tests.conftest import make_settings

WIRE = "\n\n".join([
    "Turkish and Russian troops completed another joint patrol along the M4 highway in Idlib on Tuesday, "
    "the defence ministries of both countries said, despite protests by residents near the town of Ariha.",
    "The patrols are part of the additional protocol agreed in Moscow on March 5, which set up a security "
    "corridor six kilometres deep on either side of the road linking Aleppo and Latakia.",
    "Residents had blocked the road with burning tyres in earlier weeks, forcing the patrols to be cut short. "
    "The ministries said the route was covered in full this time and that no incidents were reported.",
    "Several million people live in the Idlib region, many of them displaced from other parts of Syria.",
])


def page(slug: str, outlet: str, feed: str, text: str = WIRE, **extra) -> Page:
    return Page(slug=slug, title="Joint patrol completed on M4", outlet=outlet, published="2020-06-02T10:00:00+00:00",
                text=text, feed=feed, **extra)


@pytest.fixture
def web():
    pages = [
        page("patrol", "Outlet A", "a"),
        page("patrol-syndicated", "Outlet B", "b", WIRE.replace("on Tuesday", "on Tuesday afternoon")),
    ]
    with SampleWeb(pages) as server:
        yield server


def run(database_url, feeds):
    settings = make_settings(database_url, feeds, None)
    with db.connection(database_url) as conn:
        db.migrate(conn)
        sync_feeds(conn, load_feeds(feeds))
    polled = stages.poll_feeds(settings)
    fetched = stages.fetch_articles(settings)
    return polled, fetched


def query(database_url, sql):
    with psycopg2.connect(database_url) as conn, conn.cursor() as cur:
        cur.execute(sql)
        return cur.fetchall()


def test_syndicated_copy_is_stored_per_outlet_and_linked_as_one_story(database_url, web, tmp_path):
    feeds = web.write_feeds_yaml(tmp_path / "feeds.yaml")
    run(database_url, feeds)
    articles = query(database_url, "SELECT outlet, story_id FROM articles ORDER BY outlet")
    assert [a[0] for a in articles] == ["Outlet A", "Outlet B"]
    assert articles[0][1] == articles[1][1] is not None
    assert query(database_url, "SELECT articles, outlets FROM stories") == [(2, 2)]


def test_tracking_and_amp_variants_of_a_link_are_one_item(database_url, web, tmp_path):
    feeds = web.write_feeds_yaml(tmp_path / "feeds.yaml")
    run(database_url, feeds)
    stored = query(database_url, "SELECT url FROM feed_items ORDER BY url")
    assert all("utm_" not in url for (url,) in stored) and len(stored) == 2


def test_corrected_article_updates_its_row_and_counts_the_revision(database_url, web, tmp_path):
    feeds = web.write_feeds_yaml(tmp_path / "feeds.yaml")
    run(database_url, feeds)
    corrected = WIRE.replace("no incidents were reported", "one soldier was lightly wounded")
    web.pages["patrol"] = dataclasses.replace(web.pages["patrol"], text=corrected, updated="2020-06-02T15:00:00+00:00")

    polled, fetched = run(database_url, feeds)

    assert polled["new_items"] == 1 and fetched["articles_new_or_changed"] == 1
    rows = query(database_url, "SELECT revision, analyzed_at, body_text FROM articles WHERE outlet = 'Outlet A'")
    assert len(rows) == 1
    revision, analyzed_at, body = rows[0]
    assert revision == 2 and analyzed_at is None and "lightly wounded" in body
    assert query(database_url, "SELECT count(*) FROM articles") == [(2,)]


def test_same_outlet_republishing_under_a_new_url_is_the_same_article(database_url, web, tmp_path):
    feeds = web.write_feeds_yaml(tmp_path / "feeds.yaml")
    run(database_url, feeds)
    web.pages["patrol-moved"] = page("patrol-moved", "Outlet A", "a", WIRE + "\n\nThis story has been updated.")

    run(database_url, feeds)

    assert query(database_url, "SELECT count(*), max(revision) FROM articles WHERE outlet = 'Outlet A'") == [(1, 2)]


def test_raw_html_is_kept_compressed_for_reanalysis(database_url, web, tmp_path):
    feeds = web.write_feeds_yaml(tmp_path / "feeds.yaml")
    run(database_url, feeds)
    raw, body = query(database_url, "SELECT raw_html, body_text FROM articles WHERE outlet = 'Outlet A'")[0]
    html = decompress(bytes(raw)).decode("utf-8")
    assert "<nav>" in html and "Joint patrol completed on M4" in html
    assert len(bytes(raw)) < len(html.encode("utf-8"))
