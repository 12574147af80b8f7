"""Score records against golds: match each kind of item, count, grade attributes.

Decisions the spec leaves open, taken here (matching: see matching.py; sentences:
see text.py):

- Optional gold items (and gold actors not scored) absorb one record item each:
  neither TP nor FP; their attributes are not scored either.
- P, R with an empty denominator are 1.0 (nothing claimed, nothing missed).
- A gold document without a record counts its required items as FN and its
  non-null ``published`` as wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from .gold import Gold, GoldEvent, _kind_of
from .matching import (
    _actor_preference,
    _close,
    _date_ok,
    _event_agreement,
    _fold,
    _in,
    _match,
    _mode_ok,
    _number,
    _parties_ok,
    _record_date,
    _record_parties,
    _sector_allowed,
    _unit_class,
)
from .report import DocReport, EvalReport
from .text import _overlaps, _record_spans, _Text

_SINGULAR = {
    "events": "event",
    "agreements": "agreement",
    "quantities": "quantity",
    "actors": "actor",
}
FP_ACTOR_KINDS = frozenset({"state", "igo", "person"})


class _DocScorer:
    """Scores one record against one gold, updating the shared report."""

    def __init__(self, gold: Gold, record: dict | None, report: EvalReport) -> None:
        self.gold = gold
        self.record = record or {}
        self.report = report
        self.doc = DocReport(gold.doc, missing=record is None)
        self.text = _Text(str(self.record.get("text") or ""))

    def run(self) -> DocReport:
        """Score every kind and the published date."""
        self._published()
        self._events()
        self._agreements()
        self._quantities()
        self._actors()
        for kind, counts in self.doc.counts.items():
            getattr(self.report, kind).add(counts)
        self.report.warnings.extend(f"{self.gold.doc}: {w}" for w in self.doc.warnings)
        return self.doc

    # helpers
    def _warn(self, message: str) -> None:
        """Keep each warning once per document (none for a missing record: no text)."""
        if not self.doc.missing and message not in self.doc.warnings:
            self.doc.warnings.append(message)

    def _attr(self, kind: str, item: str, attribute: str, ok: bool, gold: Any, got: Any) -> None:
        """Tally one attribute comparison and remember mismatches."""
        name = f"{kind}_{attribute}"
        self.report.tally(name, ok)
        if not ok:
            self.doc.mismatches.append(
                {
                    "kind": kind,
                    "item": item,
                    "attribute": attribute,
                    "gold": _jsonable(gold),
                    "record": _jsonable(got),
                }
            )

    def _items(self, key: str) -> list[dict]:
        """A record section, ignoring anything that is not a mapping."""
        return [i for i in (self.record.get(key) or []) if isinstance(i, dict)]

    def _tally_matching(
        self,
        kind: str,
        golds: Sequence[Any],
        recs: Sequence[dict],
        matched: dict[int, int],
        scored: Callable[[Any], bool],
    ) -> list[tuple[Any, dict]]:
        """Count TP/FN for gold items; return the scored matched pairs."""
        counts = self.doc.counts[kind]
        pairs = []
        for gi, g in enumerate(golds):
            if not scored(g):
                continue
            if gi in matched:
                counts.tp += 1
                pairs.append((g, recs[matched[gi]]))
            else:
                counts.fn += 1
                self.doc.unmatched.append({"kind": _SINGULAR[kind], "id": g.id})
        return pairs

    # published
    def _published(self) -> None:
        """Published date at the gold's precision, when the gold gives one."""
        if self.gold.published is None:
            return
        got = _record_date(self.record.get("published"))
        ok = got is not None and got.startswith(self.gold.published)
        self.report.tally("published", ok)
        if not ok:
            self.doc.mismatches.append(
                {
                    "kind": "doc",
                    "item": self.gold.doc,
                    "attribute": "published",
                    "gold": self.gold.published,
                    "record": got,
                }
            )

    # events
    def _events(self) -> None:
        """Match events by type, parties and evidence sentence; score attributes."""
        golds, recs = self.gold.events, self._items("events")
        regions = [self.text.region(g.evidence, self._warn) for g in golds]
        spans = [_record_spans(r, self.text.text) for r in recs]

        def preference(gi: int, ri: int) -> int | None:
            g, r = golds[gi], recs[ri]
            if str(r.get("type") or "").upper() not in g.types:
                return None
            if not _parties_ok(g.parties, _record_parties(r)):
                return None
            if not _overlaps(spans[ri], regions[gi]):
                return None
            return _event_agreement(g, r)

        matched = _match(golds, recs, preference, lambda g: not g.optional)
        for g, r in self._tally_matching("events", golds, recs, matched, lambda g: not g.optional):
            self._event_attributes(g, r)
        self._false_positives("events", recs, set(matched.values()), spans)

    def _event_attributes(self, g: GoldEvent, r: dict) -> None:
        """Status, mode, date and sectors of a matched required event."""
        self._attr(
            "event", g.id, "status", _in(r.get("status"), g.statuses), g.statuses, r.get("status")
        )
        if g.modes is not None:
            self._attr(
                "event", g.id, "mode", _mode_ok(g.modes, r.get("mode")), g.modes, r.get("mode")
            )
        if g.date is not None:
            self._attr(
                "event",
                g.id,
                "date",
                _date_ok(g.date, r.get("date")),
                g.date,
                _record_date(r.get("date")),
            )
        got = {str(s) for s in (r.get("sectors") or [])}
        found = got & g.sectors
        extra = {s for s in got - g.sectors if not _sector_allowed(g, s)}
        missing = g.sectors - got
        self.report.tally("event_sectors_precision", True, len(found))
        self.report.tally("event_sectors_precision", False, len(extra))
        self.report.tally("event_sectors_recall", True, len(found))
        self.report.tally("event_sectors_recall", False, len(missing))
        if missing or extra:
            self.doc.mismatches.append(
                {
                    "kind": "event",
                    "item": g.id,
                    "attribute": "sectors",
                    "gold": sorted(g.sectors),
                    "record": sorted(got),
                    "missing": sorted(missing),
                    "extra": sorted(extra),
                }
            )

    def _false_positives(
        self,
        kind: str,
        recs: Sequence[dict],
        used: set[int],
        spans: Sequence[Sequence[tuple[int, int]]] | None = None,
    ) -> None:
        """Every unmatched record item of a kind is a false positive."""
        for ri, r in enumerate(recs):
            if ri in used:
                continue
            self.doc.counts[kind].fp += 1
            self.doc.false_positives.append(_fp_entry(kind, r, spans[ri] if spans else None))

    # agreements
    def _agreements(self) -> None:
        """Match agreements by title keywords and parties; score status."""
        golds, recs = self.gold.agreements, self._items("agreements")

        def preference(gi: int, ri: int) -> int | None:
            g, r = golds[gi], recs[ri]
            title = _fold(str(r.get("title") or ""))
            if not title or not all(_fold(k) in title for k in g.title_keywords):
                return None
            if not _parties_ok(g.parties, _record_parties(r)):
                return None
            return int(g.statuses is None or _in(r.get("status"), g.statuses))

        matched = _match(golds, recs, preference, lambda g: not g.optional)
        pairs = self._tally_matching("agreements", golds, recs, matched, lambda g: not g.optional)
        for g, r in pairs:
            if g.statuses is not None:
                self._attr(
                    "agreement",
                    g.id,
                    "status",
                    _in(r.get("status"), g.statuses),
                    g.statuses,
                    r.get("status"),
                )
        self._false_positives("agreements", recs, set(matched.values()))

    # quantities
    def _quantities(self) -> None:
        """Match quantities by value (1 %) and unit class; score kind and measure."""
        golds, recs = self.gold.quantities, self._items("quantities")
        regions = [self.text.region(g.evidence, self._warn) for g in golds]
        spans = [_record_spans(r, self.text.text) for r in recs]

        def preference(gi: int, ri: int) -> int | None:
            g, r = golds[gi], recs[ri]
            got = _number(r.get("value"))
            unit = _unit_class(r.get("unit"))
            if got is None or unit is None or unit != _unit_class(g.unit):
                return None
            if not _close(g.value, got):
                return None
            score = 4 * _overlaps(spans[ri], regions[gi])
            score += 2 * (str(r.get("unit")) == g.unit)
            score += _in(r.get("kind"), g.kinds or ()) + _in(r.get("measure"), g.measures or ())
            return int(score)

        matched = _match(golds, recs, preference, lambda g: not g.optional)
        pairs = self._tally_matching("quantities", golds, recs, matched, lambda g: not g.optional)
        for g, r in pairs:
            if g.kinds is not None:
                self._attr(
                    "quantity", g.id, "kind", _in(r.get("kind"), g.kinds), g.kinds, r.get("kind")
                )
            if g.measures is not None:
                self._attr(
                    "quantity",
                    g.id,
                    "measure",
                    _in(r.get("measure"), g.measures),
                    g.measures,
                    r.get("measure"),
                )
        self._false_positives("quantities", recs, set(matched.values()), spans)

    # actors
    def _actors(self) -> None:
        """Match actors by id, alias or surname+country; score country and role."""
        golds = self.gold.actors
        recs = [r for r in self._items("actors") if r.get("id")]
        matched = _match(
            golds, recs, lambda gi, ri: _actor_preference(golds[gi], recs[ri]), lambda g: g.scored
        )
        pairs = self._tally_matching("actors", golds, recs, matched, lambda g: g.scored)
        for g, r in pairs:
            if g.has_country:
                self._attr(
                    "actor",
                    g.id,
                    "country",
                    r.get("country") == g.country,
                    g.country,
                    r.get("country"),
                )
            if g.kind == "person" and g.roles is not None:
                self._attr(
                    "actor", g.id, "role", _in(r.get("role"), g.roles), g.roles, r.get("role")
                )
        used = set(matched.values())
        for ri, r in enumerate(recs):
            if ri not in used and _kind_of(str(r["id"]), r.get("kind")) in FP_ACTOR_KINDS:
                self.doc.counts["actors"].fp += 1
                self.doc.false_positives.append(_fp_entry("actors", r, None))


def _fp_entry(kind: str, r: dict, spans: Sequence[tuple[int, int]] | None) -> dict[str, Any]:
    """A compact description of a false-positive record item."""
    entry: dict[str, Any] = {"kind": _SINGULAR[kind]}
    if kind == "events":
        entry.update(id=r.get("id"), type=r.get("type"), parties=_record_parties(r))
    elif kind == "agreements":
        entry.update(id=r.get("id"), title=r.get("title"), parties=_record_parties(r))
    elif kind == "quantities":
        entry.update(value=_jsonable(r.get("value")), unit=r.get("unit"))
    else:
        entry.update(id=r.get("id"), actor_kind=_kind_of(str(r["id"]), r.get("kind")))
    if spans is not None:
        ev = next((e for e in r.get("evidence") or [] if isinstance(e, dict)), {})
        entry["evidence_start"] = spans[0][0] if spans else None
        entry["sentence"] = ev.get("sentence")
    return entry


def _jsonable(value: Any) -> Any:
    """Tuples and sets as lists; other odd values as strings."""
    if isinstance(value, tuple | list | set | frozenset):
        items = [_jsonable(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def score(records: Iterable[dict], golds: Mapping[str, Gold]) -> EvalReport:
    """Score records against golds (micro-averaged); records without gold are ignored."""
    report = EvalReport()
    by_doc: dict[str, dict] = {}
    for record in records:
        doc_id = str(record.get("doc_id"))
        if doc_id not in golds:
            report.unscored_docs.append(doc_id)
        elif doc_id in by_doc:
            report.warnings.append(f"{doc_id}: several records, only the first is scored")
        else:
            by_doc[doc_id] = record
    for doc_id in sorted(golds):
        gold = golds[doc_id]
        record = by_doc.get(doc_id)
        if record is None:
            report.missing_docs.append(doc_id)
        report.docs[doc_id] = _DocScorer(gold, record, report).run()
    return report
