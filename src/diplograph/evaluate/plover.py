"""Scoring on the strict PLOVER coding (record.md: each event's ``plover``
field folds modality into the type), as the PLOVER gold-standard records are
coded, and the confusion of types behind that score."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from .gold import Gold

#: the column of the confusion table for a gold event no record event matches
MISSED = "(none)"


def as_strict_plover(record: dict) -> dict:
    """The record with each event's type replaced by its strict PLOVER type."""
    events = [{**e, "type": (e.get("plover") or {}).get("event") or e.get("type")}
              for e in record.get("events") or []]
    return {**record, "events": events}


def type_confusion(records: Iterable[dict], golds: Mapping[str, Gold]) -> Counter:
    """(gold type, read type) counts over required gold events. An event is
    read as the strict type of the record event that shares a party with it
    and comes first in the document; MISSED when none does."""
    by_doc = {str(r.get("doc_id")): r for r in records}
    out: Counter = Counter()
    for doc_id, gold in golds.items():
        events = (by_doc.get(doc_id) or {}).get("events") or []
        for g in gold.events:
            if g.optional:
                continue
            wanted = set().union(*g.parties) if g.parties else set()
            read = next((e for e in events if wanted & set(e.get("parties") or [])), None)
            read_type = (read.get("plover") or {}).get("event") or read.get("type") \
                if read else MISSED
            out[(g.types[0], read_type)] += 1
    return out
