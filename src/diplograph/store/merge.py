"""Which reports from different articles are one real event or one agreement.

Pure functions over small typed rows, so the rules can be read and tested
without a database. Clustering is complete-linkage: a report joins a group only
if it agrees with every report already in it, which keeps a chain of
near-misses from gluing two meetings a month apart into one.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode

#: statuses of acts that have not (yet) happened
PROSPECTIVE = frozenset({"planned", "proposed", "requested"})
#: how far apart two day-dated reports of one event may be (time zones, "lundi soir")
DAY_SLACK = dt.timedelta(days=1)
#: an undated report of something done is taken to be from the days before publication
UNDATED_WINDOW = dt.timedelta(days=3)
#: agreement titles at least this similar (shared content words) are one agreement
TITLE_OVERLAP = 0.6
#: the order an agreement moves through; ties on a date are broken by it
AGREEMENT_STAGES = ("proposed", "negotiating", "finalizing", "agreed", "signed", "in_force",
                    "abandoned")
#: modes that are different ways of meeting and cannot describe the same act
_MODE_FAMILIES = {"phone": "phone", "press_conference": "press", "multilateral": "multi",
                  "offer": "offer", "accept": "accept"}


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


@dataclass(frozen=True)
class HistoryEntry:
    """One report's word on an agreement's status, dated."""

    report: AgreementReport
    status: str
    on_date: dt.date | None
    basis: str  # event | published | unknown


# ---------------------------------------------------------------- events

def events_compatible(a: EventReport, b: EventReport) -> bool:
    """Could these two reports describe the same real event?"""
    if a.type != b.type or a.parties_key != b.parties_key:
        return False
    if a.doc_id == b.doc_id:
        return False  # the extractor already merged within an article
    if not _modes_agree(a.mode, b.mode):
        return False
    if a.location_country and b.location_country and a.location_country != b.location_country:
        return False
    if a.agreement and b.agreement and a.agreement != b.agreement:
        return False
    if a.people and b.people and not a.people & b.people:
        return False  # meetings with different counterparts are different events
    if not _statuses_agree(a, b):
        return False
    return _dates_agree(a, b)


def _statuses_agree(a: EventReport, b: EventReport) -> bool:
    """The same status. A plan and the act it announced stay two records (PLOVER
    codes the announcement as a promise), and an act under way ("are
    negotiating") is another step than one done ("agreed")."""
    return a.status == b.status


def _modes_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    return _MODE_FAMILIES.get(a, "in_person") == _MODE_FAMILIES.get(b, "in_person")


def _dates_agree(a: EventReport, b: EventReport) -> bool:
    wa, wb = a.window(), b.window()
    if wa is None or wb is None:
        # an undated plan or request: only the same plan told within a week
        if a.status in PROSPECTIVE and b.status in PROSPECTIVE and a.published_on \
                and b.published_on:
            return abs(a.published_on - b.published_on) <= dt.timedelta(days=7)
        return False
    return wa[0] <= wb[1] and wb[0] <= wa[1]


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

def title_words(title: str, language: str | None) -> frozenset[str]:
    """Content words of a title, accents and plurals folded, generic words dropped."""
    words = re.findall(r"[a-z0-9]+", unidecode(title).lower())
    ignore = _ignored_words(language or "fr")
    return frozenset(_singular(w) for w in words if len(w) > 1 and w not in ignore
                     and _singular(w) not in ignore)


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


@lru_cache(maxsize=8)
def _ignored_words(language: str) -> frozenset[str]:
    """Stop words of the language plus the generic words of document titles."""
    from spacy.util import get_lang_class

    from ..errors import UnsupportedLanguage
    from ..lang import load_language

    stop = {unidecode(w).lower() for w in get_lang_class(language).Defaults.stop_words}
    try:
        generic = load_language(language).documents.get("title_generic_words", [])
    except UnsupportedLanguage:  # stop words alone
        generic = []
    return frozenset(stop | {unidecode(w).lower() for w in generic})


def agreements_compatible(a: AgreementReport, b: AgreementReport) -> bool:
    """Same parties, similar titles, and no two different signing dates."""
    if a.parties_key != b.parties_key or a.doc_id == b.doc_id:
        return False
    if a.kind and b.kind and a.kind != b.kind and "agreement" not in (a.kind, b.kind):
        return False
    if title_overlap(a, b) < TITLE_OVERLAP:
        return False
    signed = ("signed", "in_force")
    if a.status in signed and b.status in signed and a.granularity == b.granularity == "day" \
            and a.date_start and b.date_start \
            and abs(a.date_start - b.date_start) > DAY_SLACK:
        return False  # the same title signed twice: a renewal, not one agreement
    return True


def title_overlap(a: AgreementReport, b: AgreementReport) -> float:
    wa, wb = title_words(a.title, a.language), title_words(b.title, b.language)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


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
                                          _stage(e.status), e.report.seq))


def _stage(status: str) -> int:
    return AGREEMENT_STAGES.index(status) if status in AGREEMENT_STAGES else 0


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
