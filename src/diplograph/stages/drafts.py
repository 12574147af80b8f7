"""A draft: one act word read in one sentence, before the drafts that report
the same real event are merged."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..parsed import ParsedSentence
from ..types import DateValue, Evidence
from .triggers import Trigger


@dataclass
class Draft:
    trigger: Trigger
    sentence: ParsedSentence
    head: object
    type: str
    mode: str | None
    status: str
    parties: list[str]
    source: list[str]
    target: list[str]
    people: set[str]
    sectors: set[str]
    date: DateValue | None
    location: dict | None
    evidence: list[Evidence] = field(default_factory=list)
    weak: bool = False
    #: a back-reference ("cette visite", "l'offre"): evidence for an event, never one itself
    told_before: bool = False
    #: amounts stated in the draft's sentence (values), to tell two donations apart
    amounts: frozenset = frozenset()


# ------------------------------------------------------------- the matcher
