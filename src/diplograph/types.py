"""Typed records that flow between stages (see shared/spec/record.md).

Everything a stage hands to the next is one of these frozen or plain
dataclasses; ``Record.to_dict`` is the only place that knows the JSON shape.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Document:
    """One input article, exactly as ingested (offsets refer to ``text``)."""

    doc_id: str
    text: str
    source: str
    title: str | None = None
    language: str | None = None
    published: str | None = None
    published_basis: str = "unknown"
    url: str | None = None
    #: characters before this offset (a headline line) are not read for evidence
    body_start: int = 0


@dataclass(frozen=True)
class Rejection:
    """An input that could not be read, with a reason a user can act on.

    ``kind`` says what it means for the run: "error" (the input is bad),
    "skipped" (not a format diplograph reads; no failure) or "internal" (a
    bug met while reading it; ``trace`` holds the traceback for a report)."""

    source: str
    reason: str
    kind: str = "error"
    trace: str | None = None

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class DateValue:
    value: str | None  # None: a relative expression that nothing anchors; text is kept
    granularity: str  # day | month | year | period
    text: str
    end: str | None = None  # last value of a period

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": self.value, "granularity": self.granularity,
                               "text": self.text}
        if self.end:
            out["end"] = self.end
        return out


@dataclass
class Actor:
    id: str
    kind: str  # state | person | igo | org
    name: str
    country: str | None = None
    role: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Event:
    id: str
    type: str
    mode: str | None
    status: str
    source: list[str]
    target: list[str]
    parties: list[str]
    people: list[str]
    sectors: list[str]
    date: DateValue | None
    location: dict[str, Any] | None
    agreement: str | None
    evidence: list[Evidence]
    plover: dict[str, Any]
    confidence: float


@dataclass
class Agreement:
    id: str
    title: str
    kind: str
    parties: list[str]
    sectors: list[str]
    status: str
    date: DateValue | None
    period: dict[str, str] | None
    evidence: list[Evidence]


@dataclass
class Quantity:
    value: float
    unit: str
    measure: str
    kind: str
    parties: list[str]
    period: dict[str, str] | None
    evidence: list[Evidence]
    text: str = ""
    per: str | None = None
    status: str | None = None


@dataclass
class Record:
    document: Document
    actors: list[Actor]
    events: list[Event]
    agreements: list[Agreement]
    quantities: list[Quantity]

    def to_dict(self) -> dict[str, Any]:
        doc = self.document
        return {
            "schema": SCHEMA_VERSION,
            "doc_id": doc.doc_id,
            "source": doc.source,
            "url": doc.url,
            "title": doc.title,
            "language": doc.language,
            "published": doc.published,
            "published_basis": doc.published_basis,
            "text": doc.text,
            "actors": [_clean(asdict(a)) for a in self.actors],
            "events": [_event_dict(e) for e in self.events],
            "agreements": [_dated(asdict(a), a.date) for a in self.agreements],
            "quantities": [_clean(asdict(q)) for q in self.quantities],
        }


def _event_dict(event: Event) -> dict[str, Any]:
    return _dated(asdict(event), event.date)


def _dated(data: dict[str, Any], date: DateValue | None) -> dict[str, Any]:
    data["date"] = date.to_dict() if date else None
    return data


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    """Drop optional keys that carry nothing (``per``/``status`` on most quantities)."""
    return {k: v for k, v in data.items()
            if v is not None or k in ("country", "role", "period")}
