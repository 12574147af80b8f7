"""Score cross-article merging against expected merges (``samples/merges.yaml``).

Each expected event or agreement lists its reports as (article, evidence
quote). A report is found in the store as the item of that article whose
evidence contains the quote. Scoring is over pairs of reports: a pair is
expected together when both reports belong to the same expected entry, and
predicted together when both were found and share a merged id. Entries that
must stay apart (two meetings a month apart) are listed separately, so gluing
them costs precision. Agreement histories are compared as their sequence of
status changes with the date of each change.
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DiplographError
from .sameness import title_words
from .store.merge import first_of_each_run
from .store.queries import agreement_histories


class MergeGoldError(DiplographError):
    """The expected-merges file cannot be read."""


@dataclass(frozen=True)
class Report:
    doc: str
    evidence: str
    optional: bool = False  # borderline mention: counted only when the store has it


@dataclass(frozen=True)
class ExpectedEntry:
    id: str
    kind: str  # event | agreement
    type: str | None
    reports: tuple[Report, ...]
    history: tuple[tuple[str, str], ...] = ()  # (status, ISO date) per change
    title: str | None = None  # agreements: tells apart two documents cited together


@dataclass
class PairScore:
    true_pairs: int = 0
    predicted_pairs: int = 0
    correct_pairs: int = 0
    found: int = 0
    reports: int = 0

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3), "pairs_expected": self.true_pairs,
                "pairs_predicted": self.predicted_pairs, "pairs_correct": self.correct_pairs,
                "reports_found": self.found, "reports": self.reports}


@dataclass
class MergeReport:
    events: PairScore
    agreements: PairScore
    histories: dict[str, tuple[list, list]] = field(default_factory=dict)  # id -> (want, got)
    missing: list[str] = field(default_factory=list)  # reports not found in the store
    wrong: list[str] = field(default_factory=list)  # pairs glued or split, readable

    @property
    def histories_right(self) -> int:
        return sum(want == got for want, got in self.histories.values())

    def to_dict(self) -> dict[str, Any]:
        return {"events": self.events.to_dict(), "agreements": self.agreements.to_dict(),
                "histories_right": self.histories_right, "histories": len(self.histories),
                "history_details": {k: {"expected": w, "stored": g}
                                    for k, (w, g) in self.histories.items()},
                "missing": self.missing, "wrong": self.wrong}


def load_expected(path: Path) -> list[ExpectedEntry]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise MergeGoldError(f"{path}: cannot read expected merges ({exc})") from None
    entries = []
    for kind, key in (("event", "events"), ("agreement", "agreements")):
        for item in data.get(key) or []:
            try:
                reports = tuple(Report(str(r["doc"]), str(r["evidence"]),
                                       bool(r.get("optional", False)))
                                for r in item["reports"])
                history = tuple((h["status"], str(h["date"])) for h in item.get("history") or [])
                entries.append(ExpectedEntry(str(item["id"]), kind, item.get("type"), reports,
                                             history, item.get("title")))
            except (KeyError, TypeError) as exc:
                raise MergeGoldError(f"{path}: {key} entry {item!r:.60} lacks {exc}") from None
    return entries


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def _find(cursor, table: str, report: Report, entry: ExpectedEntry) -> str | None:
    """The merged id of the stored item of this article citing this quote; among
    several, the one of the expected type, or whose title is closest."""
    detail = "x.type" if table == "events" else "x.title"
    rows = cursor.execute(f"""SELECT x.merged_id, {detail}, v.sentence FROM {table} x
        JOIN documents d ON d.id = x.doc_id JOIN evidence v ON v.item_id = x.id
        WHERE d.name = ? ORDER BY x.seq""", [report.doc]).fetchall()
    quote = _norm(report.evidence)
    hits = [(merged, detail) for merged, detail, sentence in rows if quote in _norm(sentence)]
    if not hits:
        return None
    if table == "events":  # a sentence citing two acts counts for the expected one only
        typed = [m for m, kind in hits if kind == entry.type or not entry.type]
        return typed[0] if typed else None
    if entry.title:
        wanted = title_words(entry.title, None)
        return max(hits, key=lambda h: len(wanted & title_words(h[1], None)))[0]
    return hits[0][0]


def score_merges(con, expected: list[ExpectedEntry]) -> MergeReport:
    cursor = con.cursor()
    scores = {"event": PairScore(), "agreement": PairScore()}
    report = MergeReport(scores["event"], scores["agreement"])
    for kind, table in (("event", "events"), ("agreement", "agreements")):
        found: list[tuple[str, Report, str | None]] = []
        for entry in (e for e in expected if e.kind == kind):
            for r in entry.reports:
                merged = _find(cursor, table, r, entry)
                if merged is None and r.optional:
                    continue
                found.append((entry.id, r, merged))
                if merged is None:
                    report.missing.append(f"{kind} {entry.id}: {r.doc}: {r.evidence!r}")
        score = scores[kind]
        score.reports = len(found)
        score.found = sum(m is not None for _, _, m in found)
        for (ea, ra, ma), (eb, rb, mb) in itertools.combinations(found, 2):
            together = ea == eb
            merged = ma is not None and ma == mb
            score.true_pairs += together
            score.predicted_pairs += merged
            score.correct_pairs += together and merged
            if together != merged and (ma and mb):
                verb = "glued" if merged else "split"
                report.wrong.append(f"{kind} {verb}: {ea} ({ra.doc}) / {eb} ({rb.doc})")
        if kind == "agreement":
            for entry in (e for e in expected if e.kind == kind and e.history):
                ids = [m for e, _, m in found if e == entry.id and m]
                got = _history(con, Counter(ids).most_common(1)[0][0]) if ids else []
                report.histories[entry.id] = (collapse(entry.history), got)
    return report


def _history(con, merged_id: str) -> list[list[str]]:
    """The stored status changes, as [status, date] pairs."""
    changes = agreement_histories(con, [merged_id]).get(merged_id, [])
    return [[h["status"], h["on_date"]] for h in changes]


def collapse(history: tuple[tuple[str, str], ...]) -> list[list[str]]:
    """Expected histories as status changes (repeats of a status dropped)."""
    return [list(h) for h in first_of_each_run(list(history), lambda h: h[0])]


def render(report: MergeReport, console) -> None:
    for name, score in (("events", report.events), ("agreements", report.agreements)):
        console.print(f"merged {name}: pairwise P {score.precision:.3f} R {score.recall:.3f} "
                      f"F1 {score.f1:.3f} ({score.correct_pairs}/{score.predicted_pairs} "
                      f"predicted pairs right, {score.correct_pairs}/{score.true_pairs} expected "
                      f"pairs found; {score.found}/{score.reports} reports found)",
                      highlight=False)
    console.print(f"agreement histories as expected: {report.histories_right}/"
                  f"{len(report.histories)}", highlight=False)
    for entry_id, (want, got) in report.histories.items():
        if want != got:
            console.print(f"  {entry_id}: expected {want}, stored {got}", highlight=False)
    for line in report.missing + report.wrong:
        console.print(f"  {line}", highlight=False)
