"""Claims across outlets and the alert outbox, against a real PostgreSQL and a real SMTP server."""

from __future__ import annotations

import psycopg2
import pytest

from pipeline.alerts import drain_outbox
from pipeline.config import SmtpSettings
from pipeline.models import Accusation, Analysis, Relevance, Statement
from pipeline.store import db
from pipeline.store.analysis import save_analysis


def identity(actor: str) -> str:
    return {"russia_mfa": "russia"}.get(actor, actor)


def accusation(evidence: str, mode: str = "claim", accused: str = "turkey") -> Accusation:
    return Accusation(accuser="russia_mfa", accused=accused, agreement="moscow_2020",
                      breach_type="delayed_or_unfulfilled_commitments", evidence=evidence, char_start=0,
                      char_end=len(evidence), confidence=0.9, mode=mode, speaker="Maria Zakharova", statement_index=0)


def analysis(*accusations: Accusation) -> Analysis:
    quote = Statement(kind="direct", speaker="Maria Zakharova", speaker_actor="russia_mfa",
                      quote="Ankara is delaying", cue="said", char_start=0, char_end=18)
    return Analysis(Relevance(True, True, 0.9, ("idlib",)), (quote,), accusations)


@pytest.fixture
def conn(database_url):
    with db.connection(database_url) as connection:
        db.migrate(connection)
        yield connection


def add_article(conn, url: str, outlet: str, published: str) -> int:
    with conn.cursor() as cur:
        cur.execute(
            """INSERT INTO articles (url, outlet, title, published_at, body_text, body_hash)
               VALUES (%s, %s, 'Title <b>bold</b>', %s, 'body', md5(%s)) RETURNING id""",
            (url, outlet, published, url),
        )
        article_id = cur.fetchone()[0]
    conn.commit()
    return article_id


def scalar(conn, sql: str, *args):
    with conn.cursor() as cur:
        cur.execute(sql, args)
        value = cur.fetchone()[0]
    conn.commit()
    return value


def test_same_claim_in_two_outlets_is_one_claim_with_two_reports_and_one_alert(conn):
    later = add_article(conn, "https://b.example/2", "Outlet B", "2020-05-15T10:00:00Z")
    earlier = add_article(conn, "https://a.example/1", "Outlet A", "2020-05-14T10:00:00Z")

    first = save_analysis(conn, later, analysis(accusation("Ankara is delaying its commitments.")), "v1", identity, ("x@example.org",))
    second = save_analysis(conn, earlier, analysis(accusation("Turkey drags its feet, Moscow says.")), "v1", identity, ("x@example.org",))

    assert (first.new_claims, second.new_claims) == (1, 0)
    assert scalar(conn, "SELECT count(*) FROM claims") == 1
    assert scalar(conn, "SELECT count(*) FROM alerts") == 1
    with conn.cursor() as cur:
        cur.execute("SELECT reports, outlets, first_outlet FROM claim_reports")
        assert cur.fetchone() == (2, 2, "Outlet A")
        cur.execute("SELECT accuser, accused, agreement, accusations, articles, outlets FROM accusation_trends")
        assert cur.fetchall() == [("russia", "turkey", "moscow_2020", 1, 2, 2)]


def test_reanalysing_an_article_does_not_create_a_second_alert(conn):
    article = add_article(conn, "https://a.example/1", "Outlet A", "2020-05-14T10:00:00Z")
    save_analysis(conn, article, analysis(accusation("Ankara is delaying.")), "v1", identity, ("x@example.org",))
    save_analysis(conn, article, analysis(accusation("Ankara is delaying.")), "v2", identity, ("x@example.org",))
    assert scalar(conn, "SELECT count(*) FROM alerts") == 1
    assert scalar(conn, "SELECT count(*) FROM accusations") == 1


def test_narrative_hypothetical_and_denial_rows_are_stored_but_never_alert(conn):
    article = add_article(conn, "https://a.example/1", "Outlet A", "2020-05-14T10:00:00Z")
    saved = save_analysis(
        conn, article,
        analysis(accusation("told by the outlet", "narrative"), accusation("if Turkey fails", "hypothetical", "syria"),
                 accusation("Ankara denied it", "denial", "armed_groups")),
        "v1", identity, ("x@example.org",),
    )
    assert saved.accusations == 3 and saved.new_claims == 0
    assert scalar(conn, "SELECT count(*) FROM alerts") == 0


def test_failed_email_stays_queued_and_is_sent_once_on_the_next_run(conn, mail_sink):
    article = add_article(conn, "https://a.example/<x>", "Outlet A", "2020-05-14T10:00:00Z")
    save_analysis(conn, article, analysis(accusation("Ankara <script>alert(1)</script> is delaying.")), "v1", identity,
                  ("x@example.org",))
    unreachable = SmtpSettings(host="127.0.0.1", port=1)  # nothing listens on port 1

    drained = drain_outbox(conn, unreachable)
    assert (drained.sent, drained.failed, drained.deferred) == (0, 0, 1)
    assert [issue.kind for issue in drained.issues] == ["smtp-connect"]
    # The server was down, not the alert's fault: no attempt counted, still due.
    assert scalar(conn, "SELECT status || ':' || attempts FROM alerts") == "pending:0"

    drained = drain_outbox(conn, SmtpSettings(host="127.0.0.1", port=mail_sink.port))
    assert (drained.sent, drained.failed) == (1, 0)
    assert drain_outbox(conn, SmtpSettings(host="127.0.0.1", port=mail_sink.port)).sent == 0

    messages = mail_sink.messages()
    assert len(messages) == 1
    html = next(p for p in messages[0].walk() if p.get_content_type() == "text/html").get_payload(decode=True).decode()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Title &lt;b&gt;bold&lt;/b&gt;" in html
    assert messages[0]["Message-ID"].startswith("<alert-")


def test_a_new_charge_by_another_speaker_in_other_words_is_a_new_claim(conn):
    first = add_article(conn, "https://a.example/1", "Outlet A", "2020-05-14T10:00:00Z")
    second = add_article(conn, "https://b.example/2", "Outlet B", "2020-05-16T10:00:00Z")
    copy = add_article(conn, "https://c.example/3", "Outlet C", "2020-05-16T12:00:00Z")
    save_analysis(conn, first, analysis(accusation("Ankara is delaying the separation of the opposition from terrorists.")),
                  "v1", identity, ("x@example.org",))
    lavrov = Accusation(accuser="russia_mfa", accused="turkey", agreement="moscow_2020",
                        breach_type="delayed_or_unfulfilled_commitments", speaker="Sergei Lavrov", statement_index=0,
                        evidence="Lavrov said Turkish troops had not cleared the M4 corridor of militants.",
                        char_start=0, char_end=70, confidence=0.9)
    new = save_analysis(conn, second, analysis(lavrov), "v1", identity, ("x@example.org",))
    # A rewrite of Lavrov's charge by a third outlet, with no speaker named, is the same claim.
    rewrite = Accusation(**{**lavrov.__dict__, "speaker": None,
                            "evidence": "Turkish troops have not cleared the M4 corridor of militants, Moscow said."})
    again = save_analysis(conn, copy, analysis(rewrite), "v1", identity, ("x@example.org",))
    assert (new.new_claims, again.new_claims) == (1, 0)
    assert scalar(conn, "SELECT count(*) FROM claims") == 2
    assert scalar(conn, "SELECT count(*) FROM alerts") == 2


def test_two_ministries_of_one_state_making_other_charges_are_two_claims(conn):
    first = add_article(conn, "https://a.example/1", "Outlet A", "2020-05-14T10:00:00Z")
    second = add_article(conn, "https://b.example/2", "Outlet B", "2020-05-15T10:00:00Z")
    foreign = Accusation(accuser="russia_mfa", accused="turkey", agreement="moscow_2020",
                         breach_type="delayed_or_unfulfilled_commitments", speaker="Russian Foreign Ministry",
                         evidence="Ankara is delaying the separation of the opposition from terrorists.",
                         char_start=0, char_end=60, confidence=0.9, statement_index=0)
    defence = Accusation(**{**foreign.__dict__, "speaker": "Russian Defence Ministry",
                            "evidence": "Turkish units failed to secure the M4 corridor for the joint patrols."})
    save_analysis(conn, first, analysis(foreign), "v1", identity, ("x@example.org",))
    save_analysis(conn, second, analysis(defence), "v1", identity, ("x@example.org",))
    assert scalar(conn, "SELECT count(*) FROM claims") == 2


def test_two_analysers_naming_the_same_pairs_in_opposite_orders_never_deadlock(database_url, conn):
    """Found by bench/scale.py with two workers: claim locks taken pair by pair, in each article's order, deadlocked."""
    import threading

    pairs = [accusation("Ankara is delaying.", accused="turkey"), accusation("Damascus is attacking.", accused="syria")]
    rounds, failures = 15, []
    articles = [[add_article(conn, f"https://x.example/{side}-{n}", f"Outlet {side}", "2020-05-14T10:00:00Z")
                 for n in range(rounds)] for side in (0, 1)]
    start = threading.Barrier(2)

    def analyser(side: int) -> None:
        order = pairs if side == 0 else pairs[::-1]
        with db.connection(database_url) as own:
            for n in range(rounds):
                start.wait()
                try:
                    save_analysis(own, articles[side][n], analysis(*order), "v1", identity, ("x@example.org",))
                except psycopg2.Error as exc:  # a deadlock is what this test is about
                    own.rollback()
                    failures.append(type(exc).__name__)

    threads = [threading.Thread(target=analyser, args=(side,)) for side in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert scalar(conn, "SELECT count(*) FROM accusations") == 4 * rounds
