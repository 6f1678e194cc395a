"""The closed vocabularies of the database, one StrEnum each: exactly the values the SQL allows.

Each member is a str (AccusationMode.CLAIM == "claim"), so an enum member and a bare string from
the database or the analyzer compare, hash, format and serialise the same. The enums checked
against a CHECK constraint name it; tests/integration/test_vocabularies.py migrates a database and
fails if the constraint and the enum differ by one value on either side, and if a CHECK vocabulary
has no enum here. Vocabularies without a CHECK constraint (breach types, commitment and actor
kinds) are checked against the column's COMMENT, the list the database documents.

pipeline/models.py names the enum of each such field in a comment; the fields stay `str` until the
analyzer builds them with members (mypy would reject its bare strings).
"""

from __future__ import annotations

from enum import StrEnum


class FeedItemStatus(StrEnum):
    """feed_items.status: a feed item's fetch (CHECK in 001_core.sql)."""

    PENDING = "pending"
    FETCHED = "fetched"
    FAILED = "failed"
    SKIPPED = "skipped"


class StatementKind(StrEnum):
    """statements.kind: inside quotation marks, or reported speech (CHECK in 001_core.sql)."""

    DIRECT = "direct"
    INDIRECT = "indirect"


class AccusationMode(StrEnum):
    """accusations.mode: how the accusation is made (CHECK in 001_core.sql); only claim and counter make claims."""

    CLAIM = "claim"
    COUNTER = "counter"
    NARRATIVE = "narrative"
    HYPOTHETICAL = "hypothetical"
    DENIAL = "denial"


class AlertStatus(StrEnum):
    """alerts.status: an alert email in the outbox (CHECK in 001_core.sql)."""

    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    NO_RECIPIENTS = "no_recipients"


class RunStatus(StrEnum):
    """runs.status: a pipeline run (CHECK in 006_leases.sql)."""

    RUNNING = "running"
    FINISHED = "finished"
    FAILED = "failed"


class Verdict(StrEnum):
    """reviews.verdict: an analyst's verdict on a claim (CHECK in 009_reviews.sql)."""

    CONFIRMED = "confirmed"
    NOT_A_CLAIM = "not_a_claim"
    WRONG_ACCUSER = "wrong_accuser"
    WRONG_ACCUSED = "wrong_accused"
    WRONG_AGREEMENT = "wrong_agreement"


class AlarmStatus(StrEnum):
    """operator_alarms.status: an operator alarm email (CHECK in 010_operator_alarms.sql)."""

    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


class BreachType(StrEnum):
    """accusations.breach_type and claims.breach_type: what is alleged (no CHECK; the column COMMENT in 002_views.sql)."""

    CEASEFIRE_VIOLATION = "ceasefire_violation"
    ATTACK = "attack"
    DELAYED_OR_UNFULFILLED_COMMITMENTS = "delayed_or_unfulfilled_commitments"
    SUPPORT_FOR_DESIGNATED_GROUPS = "support_for_designated_groups"
    OBSTRUCTION_OF_PATROLS = "obstruction_of_patrols"
    FAILURE_TO_HONOR_DEESCALATION = "failure_to_honor_deescalation"
    OTHER = "other"


class CommitmentKind(StrEnum):
    """commitments.kind: what a party took on (no CHECK; the column COMMENT in 002_views.sql)."""

    PLEDGE = "pledge"
    OBLIGATION = "obligation"
    VOW = "vow"
    AGREED = "agreed"


class ActorKind(StrEnum):
    """actors.kind: what a gazetteer actor is (no CHECK; the column COMMENT in 002_views.sql)."""

    STATE = "state"
    INSTITUTION = "institution"
    ARMED_GROUP = "armed_group"
    PERSON = "person"
    ORGANISATION = "organisation"


# The CHECK-constrained columns, (table, column) -> enum: what the test compares with pg_constraint.
CHECKED: dict[tuple[str, str], type[StrEnum]] = {
    ("feed_items", "status"): FeedItemStatus,
    ("statements", "kind"): StatementKind,
    ("accusations", "mode"): AccusationMode,
    ("alerts", "status"): AlertStatus,
    ("runs", "status"): RunStatus,
    ("reviews", "verdict"): Verdict,
    ("operator_alarms", "status"): AlarmStatus,
}

# Vocabularies the database documents in a column COMMENT only (no CHECK: the analyzer and the
# gazetteer are their source), (table, column) -> enum.
DOCUMENTED: dict[tuple[str, str], type[StrEnum]] = {
    ("accusations", "breach_type"): BreachType,
    ("commitments", "kind"): CommitmentKind,
    ("actors", "kind"): ActorKind,
}
