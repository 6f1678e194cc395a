"""A feed that keeps failing reaches the operators by email, once per failing streak, through a real SMTP server."""

from __future__ import annotations

import psycopg2

from localdev.sampleweb import SampleWeb
from pipeline import stages
from pipeline.feeds import load_feeds
from pipeline.store import db
from pipeline.store.feeds import sync_feeds
from tests.conftest import make_settings, seed_page


def test_a_failing_feed_is_emailed_to_operators_once_per_streak(database_url, mail_sink, tmp_path):
    web = SampleWeb([seed_page()]).start()
    broken = {"on": True}
    original = web.respond
    web.respond = lambda h: (500, {"Content-Type": "text/plain"}, b"down") if broken["on"] and "/feeds/" in h.path else original(h)
    try:
        feeds = web.write_feeds_yaml(tmp_path / "feeds.yaml")
        with db.connection(database_url) as conn:
            db.migrate(conn)
            sync_feeds(conn, load_feeds(feeds))
        settings = make_settings(database_url, feeds, mail_sink)

        def poll_and_send():
            with psycopg2.connect(database_url) as conn, conn.cursor() as cur:
                cur.execute("UPDATE feeds SET next_poll_at = NULL")  # skip the backoff: the next poll is due now
            stages.poll_feeds(settings)
            stages.send_alerts(settings)

        for _ in range(2):
            poll_and_send()
        assert mail_sink.messages() == []  # two failures: not yet
        poll_and_send()
        poll_and_send()
        alarms = [m for m in mail_sink.messages() if "feed failing" in m["Subject"]]
        assert len(alarms) == 1  # the third failure told them; the fourth did not repeat it
        assert "sample-news" in alarms[0]["Subject"] and "HTTP 500" in alarms[0].get_payload()
        assert alarms[0]["To"] == "analyst@example.org"  # operator recipients default to the alert recipients

        broken["on"] = False
        poll_and_send()  # back: the streak ends
        broken["on"] = True
        for _ in range(3):
            poll_and_send()
    finally:
        web.stop()
    assert len([m for m in mail_sink.messages() if "feed failing" in m["Subject"]]) == 2  # a new streak, a new email
