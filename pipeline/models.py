"""Frozen dataclasses for what flows between pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.vocab import AccusationMode, BreachType, CommitmentKind, StatementKind


@dataclass(frozen=True)
class Feed:
    """A feed declared in config/feeds.yaml."""

    name: str
    url: str
    outlet: str
    language: str = "en"


@dataclass(frozen=True)
class FeedEntry:
    """One item of a parsed feed, its link already canonical."""

    feed_name: str
    url: str
    guid: str | None
    title: str | None
    published_at: str | None  # ISO 8601, UTC
    link: str | None = None  # absolute link as the feed gave it: what is fetched
    updated_at: str | None = None  # the feed's own "updated" time: a later one means a corrected story


@dataclass(frozen=True)
class ExtractedArticle:
    """Body and metadata that trafilatura found in a page."""

    title: str | None
    body_text: str
    published_at: str | None
    language: str | None
    author: str | None = None
    sitename: str | None = None


@dataclass(frozen=True)
class Relevance:
    """Whether a text is an Idlib/Syria ceasefire story, with the evidence that decided it."""

    relevant: bool
    idlib: bool
    score: float
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Statement:
    """Something a speaker said: a direct quote or an indirect statement, with offsets into the body."""

    kind: StatementKind  # direct | indirect
    speaker: str | None  # fullest name found in the article, e.g. "Maria Zakharova"
    speaker_actor: str | None  # gazetteer id (may be finer than canonical, e.g. "russia_mfa")
    quote: str
    cue: str | None
    char_start: int
    char_end: int
    speaker_title: str | None = None  # e.g. "Foreign Ministry spokeswoman"


@dataclass(frozen=True)
class Accusation:
    """A claim by one party that another breached a ceasefire commitment; never a fact."""

    accuser: str  # gazetteer id
    accused: str  # gazetteer id
    agreement: str | None  # astana | sochi_2018 | moscow_2020 | ne_syria_2019 | jan_2020_truce | None
    breach_type: BreachType
    evidence: str  # the sentence it came from
    char_start: int
    char_end: int
    confidence: float
    mode: AccusationMode = AccusationMode.CLAIM  # claim | counter | narrative | hypothetical | denial
    speaker: str | None = None
    statement_index: int | None = None  # index into Analysis.statements
    clause: str | None = None  # e.g. "joint patrols on the M4"
    # Which candidate generators and features fired, and the learned decision's probability
    # (pipeline/analyzer/learned.py); None from the rules alone. Not part of equality.
    signals: dict | None = field(default=None, compare=False, hash=False)


@dataclass(frozen=True)
class Commitment:
    """What a party pledges, is bound to, or vows under an agreement."""

    actor: str | None
    agreement: str | None
    clause: str
    kind: CommitmentKind  # pledge | obligation | vow | agreed
    evidence: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class Analysis:
    """Everything the NLP stage found in one article."""

    relevance: Relevance
    statements: tuple[Statement, ...] = field(default_factory=tuple)
    accusations: tuple[Accusation, ...] = field(default_factory=tuple)
    commitments: tuple[Commitment, ...] = field(default_factory=tuple)
