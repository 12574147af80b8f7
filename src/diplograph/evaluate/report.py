"""Report types: counts, accuracies and per-document errors, as JSON or rich tables.

Separate from scoring so the figures and their rendering can be read (and reused by
other callers) without the matcher; the scorer only fills these in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .text import _clip

KINDS = ("events", "agreements", "quantities", "actors")
ATTRIBUTES = (
    "event_status",
    "event_mode",
    "event_date",
    "event_sectors_precision",
    "event_sectors_recall",
    "agreement_status",
    "quantity_kind",
    "quantity_measure",
    "actor_country",
    "actor_role",
    "published",
)


@dataclass
class Counts:
    """TP/FP/FN of one kind of item, with the usual derived figures."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of claimed items that are right (1.0 when nothing is claimed)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of required gold items found (1.0 when none is required)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        """Accumulate another document's counts (micro-averaging)."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        """Counts and rounded figures."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


class Ratio(NamedTuple):
    """An attribute accuracy as a (correct, total) pair."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        """correct / total, or None when nothing was compared."""
        return self.correct / self.total if self.total else None

    def plus(self, ok: bool, n: int = 1) -> Ratio:
        """One more comparison (n at once for set-valued attributes)."""
        return Ratio(self.correct + (n if ok else 0), self.total + n)

    def merge(self, other: Ratio) -> Ratio:
        """Sum two pairs (tuple + would concatenate)."""
        return Ratio(self.correct + other.correct, self.total + other.total)


@dataclass
class DocReport:
    """What went wrong in one document, for error analysis."""

    doc_id: str
    missing: bool = False
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    unmatched: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    mismatches: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form."""
        return {
            "doc_id": self.doc_id,
            "missing": self.missing,
            "counts": {k: c.to_dict() for k, c in self.counts.items()},
            "unmatched": self.unmatched,
            "false_positives": self.false_positives,
            "mismatches": self.mismatches,
            "warnings": self.warnings,
        }


@dataclass
class EvalReport:
    """Micro-averaged scores over all gold documents, plus per-document errors."""

    events: Counts = field(default_factory=Counts)
    agreements: Counts = field(default_factory=Counts)
    quantities: Counts = field(default_factory=Counts)
    actors: Counts = field(default_factory=Counts)
    event_status: Ratio = field(default_factory=Ratio)
    event_mode: Ratio = field(default_factory=Ratio)
    event_date: Ratio = field(default_factory=Ratio)
    event_sectors_precision: Ratio = field(default_factory=Ratio)
    event_sectors_recall: Ratio = field(default_factory=Ratio)
    agreement_status: Ratio = field(default_factory=Ratio)
    quantity_kind: Ratio = field(default_factory=Ratio)
    quantity_measure: Ratio = field(default_factory=Ratio)
    actor_country: Ratio = field(default_factory=Ratio)
    actor_role: Ratio = field(default_factory=Ratio)
    published: Ratio = field(default_factory=Ratio)
    docs: dict[str, DocReport] = field(default_factory=dict)
    missing_docs: list[str] = field(default_factory=list)
    unscored_docs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def kinds(self) -> dict[str, Counts]:
        """The four kinds' counts by name."""
        return {k: getattr(self, k) for k in KINDS}

    @property
    def attributes(self) -> dict[str, Ratio]:
        """Every attribute accuracy by name."""
        return {a: getattr(self, a) for a in ATTRIBUTES}

    def tally(self, attribute: str, ok: bool, n: int = 1) -> None:
        """Record n comparisons of one attribute."""
        setattr(self, attribute, getattr(self, attribute).plus(ok, n))

    def to_dict(self) -> dict[str, Any]:
        """Everything, JSON-serialisable, figures rounded to 4 decimals."""
        return {
            "n_docs": len(self.docs),
            "kinds": {k: c.to_dict() for k, c in self.kinds.items()},
            "attributes": {
                name: {
                    "correct": r.correct,
                    "total": r.total,
                    "accuracy": None if r.accuracy is None else round(r.accuracy, 4),
                }
                for name, r in self.attributes.items()
            },
            "missing_docs": list(self.missing_docs),
            "unscored_docs": list(self.unscored_docs),
            "warnings": list(self.warnings),
            "docs": {d: rep.to_dict() for d, rep in sorted(self.docs.items())},
        }

    def render(self, console: Any, details: bool = False) -> None:
        """Print P/R/F1 per kind and attribute accuracies (and per-doc errors)."""
        from rich.table import Table

        kinds = Table(title=f"diplograph eval — {len(self.docs)} gold documents")
        for col in ("kind", "TP", "FP", "FN", "P", "R", "F1"):
            kinds.add_column(col, justify="left" if col == "kind" else "right")
        for name, c in self.kinds.items():
            kinds.add_row(
                name,
                str(c.tp),
                str(c.fp),
                str(c.fn),
                f"{c.precision:.3f}",
                f"{c.recall:.3f}",
                f"{c.f1:.3f}",
            )
        console.print(kinds)
        attrs = Table(title="attribute accuracy (matched required items)")
        for col in ("attribute", "correct", "total", "accuracy"):
            attrs.add_column(col, justify="left" if col == "attribute" else "right")
        for name, r in self.attributes.items():
            acc = "—" if r.accuracy is None else f"{r.accuracy:.3f}"
            attrs.add_row(name.replace("_", " "), str(r.correct), str(r.total), acc)
        console.print(attrs)
        if self.missing_docs:
            console.print(f"[yellow]no record for:[/] {', '.join(self.missing_docs)}")
        if self.warnings:
            console.print(f"[yellow]{len(self.warnings)} warning(s)[/]")
        if details:
            self._render_details(console)

    def _render_details(self, console: Any) -> None:
        """Per-document error lists, only for documents with something to say."""
        from rich.markup import escape

        for doc_id, rep in sorted(self.docs.items()):
            if not (
                rep.missing
                or rep.unmatched
                or rep.false_positives
                or rep.mismatches
                or rep.warnings
            ):
                continue
            console.rule(f"{doc_id}" + (" (no record)" if rep.missing else ""))
            for u in rep.unmatched:
                console.print(f"  [red]FN[/] {u['kind']}: {escape(u['id'])}")
            for fp in rep.false_positives:
                console.print(f"  [magenta]FP[/] {fp['kind']}: {escape(_describe_fp(fp))}")
            for m in rep.mismatches:
                console.print(
                    f"  [yellow]≠[/] {m['kind']} {escape(str(m['item']))} {m['attribute']}: "
                    f"gold {escape(str(m['gold']))} / record {escape(str(m['record']))}"
                )
            for w in rep.warnings:
                console.print(f"  [dim]warning: {escape(w)}[/]")


def _describe_fp(fp: dict[str, Any]) -> str:
    """One line for a false positive, whatever its kind."""
    parts = [str(fp.get(k)) for k in ("type", "title", "value", "unit", "id") if fp.get(k)]
    if fp.get("parties"):
        parts.append("[" + ", ".join(fp["parties"]) + "]")
    if fp.get("evidence_start") is not None:
        parts.append(f"@{fp['evidence_start']}")
    if fp.get("sentence"):
        parts.append(repr(_clip(fp["sentence"], 80)))
    return " ".join(parts)
