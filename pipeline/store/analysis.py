"""The analysis queue and what an analysis writes: articles leased, given up or failed; statements, accusations,
claims (matched under an advisory lock per pair) and their alert outbox rows, in one transaction; the actors."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta

import psycopg2.extensions
import psycopg2.extras

from pipeline.claims import ATTRIBUTED_MODES, CLAIM_WINDOW, distinct_accusations, restates
from pipeline.models import Accusation, Analysis
from pipeline.store.db import Conn
from pipeline.store.outbox import queue_alert

MAX_ANALYSIS_ATTEMPTS = 3  # analyses started (a crash counts) before an article is given up

# Not analysed by this analyzer version. "< or >" rather than "<>": each side is an index range scan (migration 005).
_NOT_ANALYSED_BY = "(analyzer_version IS NULL OR analyzer_version < %(v)s OR analyzer_version > %(v)s)"


def claim_for_analysis(conn: Conn, version: str, limit: int, lease: timedelta, run_id: int | None = None) -> list[tuple]:
    """Lease up to `limit` articles not yet analysed by `version`, oldest first: (id, title, body_text, outlet, date).

    Articles another run holds are skipped; each lease counts an attempt, so an article whose
    analysis crashes a run every time is given up (give_up_analysis) instead of crashing every run.
    """
    with conn.cursor() as cur:
        cur.execute(
            f"""UPDATE articles a SET analysis_lease_until = now() + %(lease)s, analysis_leased_by = %(run)s,
                 analysis_attempts = a.analysis_attempts + 1
               FROM (SELECT id FROM articles
                     WHERE {_NOT_ANALYSED_BY}
                       AND (analysis_lease_until IS NULL OR analysis_lease_until <= now())
                       AND analysis_attempts < %(max)s
                     ORDER BY id LIMIT %(limit)s FOR UPDATE SKIP LOCKED) picked
               WHERE a.id = picked.id
               RETURNING a.id, a.title, a.body_text, a.outlet, to_char(a.published_at, 'YYYY-MM-DD')""",
            {"lease": lease, "v": version, "max": MAX_ANALYSIS_ATTEMPTS, "limit": limit, "run": run_id},
        )
        rows = sorted(cur.fetchall())
    conn.commit()
    return rows


def give_up_analysis(conn: Conn, version: str) -> list[int]:
    """Record as failed the articles whose every analysis attempt was taken and never finished; return their ids."""
    with conn.cursor() as cur:
        cur.execute(
            f"""UPDATE articles SET analyzed_at = now(), analyzer_version = %(v)s, is_relevant = NULL,
                 relevance_evidence = '["analysis failed: no attempt finished"]', analysis_lease_until = NULL,
                 analysis_attempts = 0  -- the next analyzer version tries again
               WHERE id IN (SELECT id FROM articles
                            WHERE {_NOT_ANALYSED_BY}
                              AND analysis_attempts >= %(max)s
                              AND (analysis_lease_until IS NULL OR analysis_lease_until <= now())
                            FOR UPDATE SKIP LOCKED)
               RETURNING id""",
            {"v": version, "max": MAX_ANALYSIS_ATTEMPTS},
        )
        ids = [row[0] for row in cur.fetchall()]
    conn.commit()
    return ids


def fail_analysis(conn: Conn, article_id: int, version: str, reason: str) -> None:
    """Record that analysing an article raised: not retried until the analyzer version changes."""
    with conn.cursor() as cur:
        cur.execute(
            """UPDATE articles SET analyzed_at = now(), analyzer_version = %s, is_relevant = NULL,
                 relevance_evidence = %s, analysis_lease_until = NULL, analysis_attempts = 0 WHERE id = %s""",
            (version, json.dumps([f"analysis failed: {reason}"]), article_id),
        )
    conn.commit()


def sync_actors(conn: Conn, actors: Iterable[tuple[str, str, str, str | None]]) -> None:
    """Upsert the gazetteer's actors (id, name, kind, parent id), which the analyst views name parties by."""
    with conn.cursor() as cur:
        for actor_id, name, kind, parent in actors:
            cur.execute(
                """INSERT INTO actors (id, name, kind, parent_id) VALUES (%s, %s, %s, %s)
                   ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, parent_id = EXCLUDED.parent_id""",
                (actor_id, name, kind, parent),
            )
    conn.commit()


@dataclass(frozen=True)
class SaveResult:
    """Counts of what saving one article's analysis wrote."""

    statements: int = 0
    accusations: int = 0
    new_claims: int = 0
    commitments: int = 0


def save_analysis(
    conn: Conn,
    article_id: int,
    analysis: Analysis,
    analyzer_version: str,
    rollup: Callable[[str], str],
    recipients: tuple[str, ...],
) -> SaveResult:
    """Replace the article's analysis; new attributed claims get exactly one outbox row, in the same transaction."""
    with conn.cursor() as cur:
        cur.execute("SELECT outlet, COALESCE(published_at, fetched_at) FROM articles WHERE id = %s FOR UPDATE", (article_id,))
        outlet, seen_at = cur.fetchone()
        # Re-analysis replaces rows; claims (and their alerts) survive and are matched again below.
        cur.execute("DELETE FROM accusations WHERE article_id = %s", (article_id,))
        cur.execute("DELETE FROM statements WHERE article_id = %s", (article_id,))
        cur.execute("DELETE FROM commitments WHERE article_id = %s", (article_id,))
        relevance = analysis.relevance
        cur.execute(
            """UPDATE articles SET is_relevant = %s, idlib = %s, relevance_score = %s, relevance_evidence = %s,
                 analyzed_at = now(), analyzer_version = %s, analysis_lease_until = NULL, analysis_attempts = 0
               WHERE id = %s""",
            (relevance.relevant, relevance.idlib, relevance.score, json.dumps(list(relevance.evidence)),
             analyzer_version, article_id),
        )
        statement_ids = _insert_statements(cur, article_id, analysis)
        accusations = new_claims = 0
        unique = distinct_accusations(analysis.accusations, rollup)
        # Every pair's claim lock, taken up front in one order: two analysers whose articles name the
        # same pairs in opposite orders would otherwise each hold one lock and wait for the other.
        for key in sorted({_claim_lock_key(a, rollup) for a in unique if a.mode in ATTRIBUTED_MODES}):
            cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (key,))
        for accusation in unique:
            statement_id = statement_ids.get(accusation.statement_index) if accusation.statement_index is not None else None
            claim_id, created = None, False
            if accusation.mode in ATTRIBUTED_MODES:
                claim_id, created = _match_claim(cur, accusation, rollup, article_id, outlet, seen_at)
                new_claims += created
            accusation_id = _insert_accusation(cur, article_id, statement_id, claim_id, accusation, rollup)
            accusations += 1
            if claim_id is not None and created:
                queue_alert(cur, claim_id, accusation_id, recipients)
        for c in analysis.commitments:
            cur.execute(
                """INSERT INTO commitments (article_id, actor, agreement, clause, kind, evidence, char_start, char_end)
                   VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING""",
                (article_id, c.actor, c.agreement, c.clause, c.kind, c.evidence, c.char_start, c.char_end),
            )
    conn.commit()
    return SaveResult(len(statement_ids), accusations, new_claims, len(analysis.commitments))


def save_irrelevant(conn: Conn, results: list[tuple[int, Analysis]], analyzer_version: str) -> None:
    """Record many not-relevant verdicts in one transaction (most articles are these)."""
    if not results:
        return
    ids = [article_id for article_id, _ in results]
    with conn.cursor() as cur:
        for table in ("accusations", "statements", "commitments"):  # left by an earlier, relevant revision
            cur.execute(f"DELETE FROM {table} WHERE article_id = ANY(%s)", (ids,))
        psycopg2.extras.execute_values(
            cur,
            """UPDATE articles AS a SET is_relevant = v.relevant, idlib = v.idlib, relevance_score = v.score,
                 relevance_evidence = v.evidence::jsonb, analyzed_at = now(), analyzer_version = v.version,
                 analysis_lease_until = NULL, analysis_attempts = 0
               FROM (VALUES %s) AS v(id, relevant, idlib, score, evidence, version) WHERE a.id = v.id""",
            [(i, a.relevance.relevant, a.relevance.idlib, a.relevance.score, json.dumps(list(a.relevance.evidence)),
              analyzer_version) for i, a in results],
        )
    conn.commit()


def _insert_statements(cur: psycopg2.extensions.cursor, article_id: int, analysis: Analysis) -> dict[int, int]:
    ids: dict[int, int] = {}
    for index, s in enumerate(analysis.statements):
        cur.execute(
            """INSERT INTO statements (article_id, kind, speaker, speaker_title, speaker_actor, quote, cue, char_start, char_end)
               VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (article_id, char_start, char_end) DO NOTHING
               RETURNING id""",
            (article_id, s.kind, s.speaker, s.speaker_title, s.speaker_actor, s.quote, s.cue, s.char_start, s.char_end),
        )
        row = cur.fetchone()
        if row:
            ids[index] = row[0]
    return ids


def _claim_lock_key(accusation: Accusation, rollup: Callable[[str], str]) -> str:
    """The advisory lock serialising claim matching for one (accuser, accused, breach) after roll-up."""
    return f"claim:{rollup(accusation.accuser)}:{rollup(accusation.accused)}:{accusation.breach_type}"


def _match_claim(cur, accusation: Accusation, rollup, article_id: int, outlet: str, seen_at) -> tuple[int, bool]:
    accuser, accused = rollup(accusation.accuser), rollup(accusation.accused)
    # Serialise claim matching per pair so two concurrent analysers cannot both create the claim
    # (save_analysis already holds it; taking it again in the same transaction is free).
    cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (_claim_lock_key(accusation, rollup),))
    cur.execute(
        """SELECT id, first_article_id FROM claims WHERE accuser = %s AND accused = %s AND breach_type = %s
             AND agreement IS NOT DISTINCT FROM %s AND %s BETWEEN first_seen - %s AND last_seen + %s
           ORDER BY first_seen""",
        (accuser, accused, accusation.breach_type, accusation.agreement, seen_at, CLAIM_WINDOW, CLAIM_WINDOW),
    )
    candidates = cur.fetchall()
    reports: dict[int, list[tuple[str | None, str]]] = {claim_id: [] for claim_id, _ in candidates}
    if candidates:
        cur.execute("SELECT claim_id, speaker, evidence FROM accusations WHERE claim_id = ANY(%s)", (list(reports),))
        for claim_id, speaker, evidence in cur.fetchall():
            reports[claim_id].append((speaker, evidence))
    # The article that opened a claim, analysed again, is that claim whatever its new wording.
    row = next((r for r in candidates if r[1] == article_id or restates(reports[r[0]], accusation)), None)
    if row:
        cur.execute(
            """UPDATE claims SET last_seen = GREATEST(last_seen, %s),
                 first_seen = LEAST(first_seen, %s),
                 first_article_id = CASE WHEN %s < first_seen THEN %s ELSE first_article_id END,
                 first_outlet = CASE WHEN %s < first_seen THEN %s ELSE first_outlet END
               WHERE id = %s""",
            (seen_at, seen_at, seen_at, article_id, seen_at, outlet, row[0]),
        )
        return row[0], False
    cur.execute(
        """INSERT INTO claims (accuser, accused, agreement, breach_type, first_article_id, first_outlet, first_seen, last_seen)
           VALUES (%s, %s, %s, %s, %s, %s, %s, %s) RETURNING id""",
        (accuser, accused, accusation.agreement, accusation.breach_type, article_id, outlet, seen_at, seen_at),
    )
    return cur.fetchone()[0], True


def _insert_accusation(cur, article_id, statement_id, claim_id, a: Accusation, rollup) -> int:
    cur.execute(
        """INSERT INTO accusations (article_id, statement_id, claim_id, accuser, accused, accuser_actor, accused_actor,
             agreement, breach_type, clause, mode, speaker, evidence, char_start, char_end, confidence, signals)
           VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id""",
        (article_id, statement_id, claim_id, rollup(a.accuser), rollup(a.accused), a.accuser, a.accused, a.agreement,
         a.breach_type, a.clause, a.mode, a.speaker, a.evidence, a.char_start, a.char_end, a.confidence,
         json.dumps(a.signals) if a.signals is not None else None),
    )
    return cur.fetchone()[0]
