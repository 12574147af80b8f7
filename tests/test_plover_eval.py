"""Scoring on the strict PLOVER coding and the confusion of types."""
from __future__ import annotations

from pathlib import Path

from diplograph.evaluate import GoldEvent, score
from diplograph.evaluate.gold import Gold
from diplograph.evaluate.plover import MISSED, as_strict_plover, type_confusion


def gold_with(*events: GoldEvent) -> Gold:
    return Gold(doc="d1", path=Path("d1.yaml"), language="en", events=events)


def gold_event(type_: str, parties=("CHL", "PER")) -> GoldEvent:
    return GoldEvent(id="e1", types=(type_,), statuses=("done", "planned"),
                     parties=(frozenset(parties),), evidence=("Chile promised to meet Peru",))


TEXT = "Chile promised to meet Peru next week."


def record(type_: str, strict: str) -> dict:
    return {"doc_id": "d1", "text": TEXT, "events": [{
        "id": "e1", "type": type_, "status": "planned", "parties": ["CHL", "PER"],
        "evidence": [{"start": 0, "end": len(TEXT), "text": TEXT}],
        "plover": {"event": strict, "mode": None, "context": []}}]}


def test_strict_type_replaces_the_type_for_scoring():
    r = record("CONSULT", "AGREE")
    assert as_strict_plover(r)["events"][0]["type"] == "AGREE"
    assert r["events"][0]["type"] == "CONSULT"  # the record itself is left as it was


def test_confusion_counts_gold_against_read_types():
    golds = {"d1": gold_with(gold_event("AGREE"))}
    assert type_confusion([record("CONSULT", "AGREE")], golds) == {("AGREE", "AGREE"): 1}
    assert type_confusion([{"doc_id": "d1", "events": []}], golds) == {("AGREE", MISSED): 1}


def test_strict_scoring_matches_what_the_plain_type_misses():
    golds = {"d1": gold_with(gold_event("AGREE"))}
    plain = score([record("CONSULT", "AGREE")], golds)
    strict = score([as_strict_plover(record("CONSULT", "AGREE"))], golds)
    assert plain.events.tp == 0
    assert strict.events.tp == 1
