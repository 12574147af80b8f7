"""Golden tests: scores on the shared seeds, the French dev set and our own
samples may only go up (floors in tests/floors.json)."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from diplograph.evaluate import load_gold, score
from diplograph.extract import extract
from diplograph.ingest import iter_inputs
from diplograph.types import Record

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FLOORS = json.loads((ROOT / "tests" / "floors.json").read_text())

CORPORA = {
    "seeds": (SHARED / "seeds", SHARED / "gold"),
    "dev_fr": (SHARED / "dev" / "dev.jsonl", SHARED / "dev" / "gold"),
    "samples": (ROOT / "samples" / "articles", ROOT / "samples" / "gold"),
}

VOCAB = {
    "type": {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
             "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE",
             "ASSAULT"},
    "status": {"done", "ongoing", "planned", "proposed", "requested", "failed"},
    "agreement_status": {"proposed", "negotiating", "finalizing", "agreed", "signed", "in_force",
                         "abandoned"},
    "role": {"head_of_state", "head_of_government", "foreign_minister", "minister",
             "deputy_minister", "ambassador", "legislator", "head_of_agency", "official",
             "other", None},
    "sector": {"diplomacy", "trade", "investment", "finance", "energy", "mining", "health",
               "education", "culture", "science", "space", "security", "cyber", "defense",
               "agriculture", "industry", "infrastructure", "transport", "tourism",
               "environment", "maritime", "law", "migration", "labour", "humanitarian",
               "development"},
}


@lru_cache(maxsize=None)
def records_of(name: str) -> tuple[dict, ...]:
    source, _ = CORPORA[name]
    if not source.exists():
        pytest.skip(f"{source} not found: golden tests need ../shared beside the repo")
    lang = "fr" if name == "dev_fr" else None
    out = []
    for item in extract(iter_inputs([source], 10_000_000), language=lang):
        if isinstance(item, Record) and item.document.language == "fr":
            out.append(item.to_dict())
    return tuple(out)


def _figures(name: str) -> dict[str, float]:
    _, gold_dir = CORPORA[name]
    golds = {k: g for k, g in load_gold(gold_dir).items() if g.language == "fr"}
    report = score(records_of(name), golds)
    return {
        "events_f1": report.events.f1, "agreements_f1": report.agreements.f1,
        "quantities_f1": report.quantities.f1, "actors_f1": report.actors.f1,
        "event_status_accuracy": report.event_status.accuracy,
        "published_accuracy": report.published.accuracy,
    }


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_golden_scores_stay_above_floors(corpus):
    measured = _figures(corpus)
    for metric, floor in FLOORS[corpus].items():
        assert measured[metric] >= floor - 1e-9, (
            f"{corpus}: {metric} fell to {measured[metric]:.4f} below its floor {floor}; "
            "fix the regression (or raise floors in tests/floors.json when figures improve)")


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_golden_records_follow_the_contract(corpus):
    for record in records_of(corpus):
        text = record["text"]
        assert record["schema"] == 1
        assert record["published_basis"] in {"metadata", "inferred", "given", "unknown"}
        items = record["events"] + record["agreements"] + record["quantities"]
        for item in items:
            assert item["evidence"], item
            for ev in item["evidence"]:
                assert text[ev["start"]:ev["end"]] == ev["sentence"]
            assert item["parties"] == sorted(item["parties"]) and item["parties"]
        for event in record["events"]:
            assert event["type"] in VOCAB["type"] and event["status"] in VOCAB["status"]
            assert set(event["sectors"]) <= VOCAB["sector"]
        for agreement in record["agreements"]:
            assert agreement["status"] in VOCAB["agreement_status"]
        for actor in record["actors"]:
            assert actor.get("role") in VOCAB["role"]
            for m in actor["mentions"]:
                assert text[m["start"]:m["end"]] == m["text"]
