"""Which reports from different articles are one real event or one agreement.

Pure functions over small typed rows, so the rules can be read and tested
without a database. Clustering is complete-linkage: a report joins a group only
if it agrees with every report already in it, which keeps a chain of
near-misses from gluing two meetings a month apart into one.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..sameness import (DAY_SLACK, counterparts_agree, days_overlap, modes_agree,
                        same_agreement_across_languages, same_agreement_title,
                        title_words)
from ..sameness import title_overlap as _words_overlap
from ..vocab import PROSPECTIVE, stage_index

#: an undated report of something done is taken to be from the days before publication
UNDATED_WINDOW = dt.timedelta(days=3)


@dataclass(frozen=True)
class EventReport:
    """One extracted event as merging sees it."""

    id: str
    seq: int
    doc_id: str
    type: str
    mode: str | None
    status: str
    parties_key: str
    people: frozenset[str]
    date_start: dt.date | None
    date_end: dt.date | None
    granularity: str | None
    published_on: dt.date | None
    location_country: str | None = None
    agreement: str | None = None  # merged agreement id, when the act concerns one
    #: the country of each person, when known (counterparts are compared side by side)
    side_of: Mapping[str, str | None] = field(default_factory=dict, compare=False, hash=False)

    def window(self) -> tuple[dt.date, dt.date] | None:
        """The days this report may mean; undated acts lean on the publication date."""
        if self.date_start and self.date_end:
            slack = DAY_SLACK if self.granularity == "day" else dt.timedelta(0)
            return self.date_start - slack, self.date_end + slack
        if self.published_on and self.status not in PROSPECTIVE:
            return self.published_on - UNDATED_WINDOW, self.published_on
        return None


@dataclass(frozen=True)
class AgreementReport:
    """One extracted agreement as merging sees it."""

    id: str
    seq: int
    doc_id: str
    title: str
    kind: str | None
    parties_key: str
    status: str
    date_start: dt.date | None
    granularity: str | None
    published_on: dt.date | None
    language: str | None = None
    sectors: frozenset[str] = frozenset()


@dataclass(frozen=True)
class HistoryEntry:
    """One report's word on an agreement's status, dated."""

    report: AgreementReport
    status: str
    on_date: dt.date | None
    basis: str  # event | published | unknown


# ---------------------------------------------------------------- events

def events_compatible(a: EventReport, b: EventReport) -> bool:
    """Could these two reports describe the same real event? (sameness.py
    holds the tests every merge shares; dates and publication days are the
    store's own evidence.)"""
    if a.type != b.type or a.parties_key != b.parties_key:
        return False
    if a.doc_id == b.doc_id:
        return False  # the extractor already merged within an article
    if not modes_agree(a.mode, b.mode):
        return False
    if a.location_country and b.location_country and a.location_country != b.location_country:
        return False
    if a.agreement and b.agreement and a.agreement != b.agreement:
        return False
    if not counterparts_agree(a.people, b.people, {**a.side_of, **b.side_of}):
        return False
    if not _statuses_agree(a, b):
        return False
    return _dates_agree(a, b)


def _statuses_agree(a: EventReport, b: EventReport) -> bool:
    """The same status. A plan and the act it announced stay two records (PLOVER
    codes the announcement as a promise), and an act under way ("are
    negotiating") is another step than one done ("agreed")."""
    return a.status == b.status


def _dates_agree(a: EventReport, b: EventReport) -> bool:
    wa, wb = a.window(), b.window()
    if wa is None or wb is None:
        # an undated plan or request: only the same plan told within a week
        if a.status in PROSPECTIVE and b.status in PROSPECTIVE and a.published_on \
                and b.published_on:
            return abs(a.published_on - b.published_on) <= dt.timedelta(days=7)
        return False
    return days_overlap(wa, wb)


def cluster_events(reports: list[EventReport]) -> list[list[EventReport]]:
    """Group reports of one (type, parties) key into real events."""
    ordered = sorted(reports, key=lambda r: (r.date_start or r.published_on or dt.date.max,
                                             r.seq))
    groups: list[list[EventReport]] = []
    for report in ordered:
        fits = [g for g in groups if all(events_compatible(report, m) for m in g)]
        if fits:
            min(fits, key=lambda g: _distance(report, g)).append(report)
        else:
            groups.append([report])
    return groups


def _distance(report: EventReport, group: list[EventReport]) -> tuple[int, int]:
    """Prefer the group closest in date, then the one sharing the most people."""
    days = min((abs((report.date_start - m.date_start).days)
                for m in group if report.date_start and m.date_start), default=99)
    shared = max(len(report.people & m.people) for m in group)
    return days, -shared


def most_common(values) -> object | None:
    counted = Counter(v for v in values if v)
    return counted.most_common(1)[0][0] if counted else None


# ---------------------------------------------------------------- agreements

def agreements_compatible(a: AgreementReport, b: AgreementReport) -> bool:
    """Same parties, similar titles, and no two different signing dates."""
    if a.parties_key != b.parties_key or a.doc_id == b.doc_id:
        return False
    if a.kind and b.kind and a.kind != b.kind and "agreement" not in (a.kind, b.kind):
        return False
    if (a.language or "") == (b.language or ""):
        if not same_agreement_title(_words(a), _words(b), across_articles=True):
            return False
    elif not same_agreement_across_languages(a.sectors, b.sectors,
                                             _day(a), _day(b)):
        return False
    signed = ("signed", "in_force")
    if a.status in signed and b.status in signed and a.granularity == b.granularity == "day" \
            and a.date_start and b.date_start \
            and abs(a.date_start - b.date_start) > DAY_SLACK:
        return False  # the same title signed twice: a renewal, not one agreement
    return True


def title_overlap(a: AgreementReport, b: AgreementReport) -> float:
    if (a.language or "") != (b.language or ""):  # titles in two languages: the sectors tell
        return len(a.sectors & b.sectors) / max(1, min(len(a.sectors), len(b.sectors)))
    return _words_overlap(_words(a), _words(b))


def _day(report: AgreementReport) -> dt.date | None:
    return report.date_start if report.granularity == "day" else None


def _words(report: AgreementReport) -> frozenset[str]:
    return title_words(report.title, report.language)


def cluster_agreements(reports: list[AgreementReport]) -> list[list[AgreementReport]]:
    """Group reports of agreements between the same parties into real agreements."""
    ordered = sorted(reports, key=lambda r: (r.published_on or dt.date.max, r.seq))
    groups: list[list[AgreementReport]] = []
    for report in ordered:
        fits = [g for g in groups if all(agreements_compatible(report, m) for m in g)]
        if fits:
            max(fits, key=lambda g: max(title_overlap(report, m) for m in g)).append(report)
        else:
            groups.append([report])
    return groups


def status_history(group: list[AgreementReport]) -> list[HistoryEntry]:
    """Each report's status, dated by the act when the text dates a signature,
    else by the article; ordered by date, then by stage."""
    entries = []
    for report in group:
        if report.status in ("signed", "in_force", "abandoned") and report.date_start:
            entries.append(HistoryEntry(report, report.status, report.date_start, "event"))
        elif report.published_on:
            entries.append(HistoryEntry(report, report.status, report.published_on,
                                        "published"))
        else:
            entries.append(HistoryEntry(report, report.status, None, "unknown"))
    # undated words come first: any dated report overrides them
    return sorted(entries, key=lambda e: (e.on_date is not None, e.on_date or dt.date.min,
                                          stage_index(e.status), e.report.seq))


def status_changes(history: list[HistoryEntry]) -> list[HistoryEntry]:
    """The history with repeats of the same status dropped: what a reader wants to see."""
    return first_of_each_run(history, lambda entry: entry.status)


def first_of_each_run(items: list, status_of) -> list:
    """Items whose status differs from the one before (negotiating, negotiating,
    signed -> negotiating, signed), for any shape of history row."""
    out: list = []
    for item in items:
        if not out or status_of(out[-1]) != status_of(item):
            out.append(item)
    return out
