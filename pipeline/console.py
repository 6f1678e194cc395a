"""The analyst's filters: claims, trends and exports under one set of Filters, and the values each can take.

The queries they feed are in store/reads.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from typing import Any, Mapping

from pipeline.alerts import AGREEMENT_LABELS, BREACH_LABELS
from pipeline.store import reads
from pipeline.store.db import Conn

MODES = ("claim", "counter", "narrative", "hypothetical", "denial")  # accusations.mode (SQL CHECK)
VERDICTS = ("confirmed", "not_a_claim", "wrong_accuser", "wrong_accused", "wrong_agreement")  # reviews.verdict
SLUG = re.compile(r"^[a-z0-9_:.-]{1,80}$")


@dataclass(frozen=True)
class Filters:
    """The filters of the claim browser, the trend chart and the exports (all optional)."""

    accuser: str | None = None
    accused: str | None = None
    agreement: str | None = None  # an agreement id, or "none" for claims naming no agreement
    breach_type: str | None = None
    mode: str | None = None
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    q: str | None = None  # words in the evidence or the speaker
    include_wrong: bool = False  # claims an analyst marked wrong are left out unless asked

    @classmethod
    def from_params(cls, params: Mapping[str, Any]) -> Filters:
        """Filters from query parameters or CLI options; raises ValueError naming a malformed one."""
        values: dict[str, Any] = {}
        for name in ("accuser", "accused", "agreement", "breach_type"):
            value = (params.get(name) or "").strip()
            if value:
                if not SLUG.match(value):
                    raise ValueError(f"{name}: not an id: {value!r}")
                values[name] = value
        mode = (params.get("mode") or "").strip()
        if mode:
            if mode not in MODES:
                raise ValueError(f"mode must be one of {', '.join(MODES)}, got {mode!r}")
            values["mode"] = mode
        for name in ("outlet", "q"):
            value = (params.get(name) or "").strip()
            if value:
                values[name] = value[:200]
        for name in ("since", "until"):
            value = (params.get(name) or "").strip()
            if value:
                try:
                    values[name] = date.fromisoformat(value)
                except ValueError as exc:
                    raise ValueError(f"{name} must be a date like 2020-03-05, got {value!r}") from exc
        include = params.get("include_wrong")
        values["include_wrong"] = include is True or str(include or "").lower() in ("1", "true", "yes", "on")
        return cls(**values)

    def params(self) -> dict[str, str]:
        """The filters as query parameters (for links that keep them)."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value not in (None, False, ""):
                out[f.name] = "1" if value is True else str(value)
        return out


def facets(conn: Conn) -> dict[str, list[tuple[str, str]]]:
    """The values each filter can take, as (id, readable name), for the console's select boxes."""
    values = reads.facet_values(conn)
    return {
        "actors": values["actors"],
        "agreements": [("none", "no agreement named")] + [(a, AGREEMENT_LABELS.get(a, a)) for a in values["agreements"]],
        "breach_types": [(b, BREACH_LABELS.get(b, b)) for b in values["breach_types"]],
        "modes": [(m, m) for m in MODES],
        "outlets": [(o, o) for o in values["outlets"]],
    }
