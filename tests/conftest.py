"""Shared fixtures: the shared data folder, the spaCy pipeline and cached extraction.

Extraction costs about 1-5 s per article, so every corpus (and every snippet) is
extracted at most once per test session and the records are shared between tests.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pytest

from diplograph.types import Document, Rejection

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
SHARED_MISSING = "../shared not found: golden tests need the shared seeds/dev set beside the repo"
MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class Extraction:
    """What extracting some paths gave: record dicts (record.md) and rejections."""

    records: tuple[dict, ...]
    rejections: tuple[Rejection, ...]

    def by_id(self) -> dict[str, dict]:
        return {r["doc_id"]: r for r in self.records}


def make_document(text: str, published: str | None = None, *, doc_id: str = "t",
                  title: str | None = None, body_start: int = 0,
                  language: str | None = "fr") -> Document:
    """A French Document as the ingest stage would build it."""
    return Document(doc_id=doc_id, text=text, source=f"test:{doc_id}", title=title,
                    language=language, published=published,
                    published_basis="metadata" if published else "unknown",
                    body_start=body_start)


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return REPO / "samples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repository (seeds, golds, dev set, spec); skips when absent."""
    if not SHARED.is_dir():
        pytest.skip(SHARED_MISSING)
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    """The French spaCy pipeline, loaded once (diplograph caches it too)."""
    from diplograph.nlp import load_pipeline

    return load_pipeline("fr")


@pytest.fixture(scope="session")
def extract_paths(nlp) -> Callable[..., Extraction]:
    """``extract_paths(paths, language=None, published=None)``: ingest and extract
    files/folders once per session; later calls with the same arguments reuse the
    records."""
    from diplograph.extract import extract
    from diplograph.ingest import iter_inputs

    cache: dict[tuple, Extraction] = {}

    def run(paths: Iterable[Path | str], language: str | None = None,
            published: str | None = None) -> Extraction:
        resolved = tuple(Path(p).resolve() for p in paths)
        key = (resolved, language, published)
        if key not in cache:
            records, rejections = [], []
            items = iter_inputs(list(resolved), MAX_BYTES)
            for result in extract(items, language=language, published=published):
                if isinstance(result, Rejection):
                    rejections.append(result)
                else:
                    records.append(result.to_dict())
            cache[key] = Extraction(tuple(records), tuple(rejections))
        return cache[key]

    return run


@pytest.fixture(scope="session")
def extract_text(nlp) -> Callable[..., dict]:
    """``extract_text(text, published=None, **document_fields)``: the record dict of
    one French snippet, extracted once per session for the same arguments."""
    from diplograph.extract import extract_document

    cache: dict[tuple, dict] = {}

    def run(text: str, published: str | None = None, **fields) -> dict:
        key = (text, published, tuple(sorted(fields.items())))
        if key not in cache:
            cache[key] = extract_document(make_document(text, published, **fields)).to_dict()
        return cache[key]

    return run


@pytest.fixture(scope="session")
def parse_text(nlp) -> Callable[..., object]:
    """``parse_text(text, published=None)``: a ParsedDoc for running one stage alone."""
    from diplograph.extract import parse

    def run(text: str, published: str | None = None, **fields):
        return parse(make_document(text, published, **fields), "fr")

    return run


# ------------------------------------------------------------- small helpers


def events_of(record: dict, type_: str | None = None) -> list[dict]:
    return [e for e in record["events"] if type_ is None or e["type"] == type_]


def actor(record: dict, actor_id: str) -> dict | None:
    return next((a for a in record["actors"] if a["id"] == actor_id), None)


def assert_evidence_offsets(record: dict) -> None:
    """Every evidence entry and mention quotes the text at its offsets."""
    text = record["text"]
    for key in ("events", "agreements", "quantities"):
        for item in record[key]:
            assert item["evidence"], f"{key} item without evidence: {item}"
            for ev in item["evidence"]:
                assert text[ev["start"]:ev["end"]] == ev["sentence"], (key, ev)
    for a in record["actors"]:
        for m in a["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"], (a["id"], m)


# ---------------------------------------------------------------- store fixtures

def make_record(doc_id: str, sentences: list[str], published: str | None, *,
                events: list[dict] = (), agreements: list[dict] = (),
                quantities: list[dict] = (), mentions: dict[str, str] | None = None) -> dict:
    """A record dict (record.md) whose items cite sentences by index: an item's
    ``evidence`` is a list of sentence numbers. Fast: no spaCy."""
    text = " ".join(sentences)
    starts = [sum(len(s) + 1 for s in sentences[:i]) for i in range(len(sentences))]

    def cite(numbers):
        return [{"start": starts[n], "end": starts[n] + len(sentences[n]),
                 "sentence": sentences[n]} for n in numbers]

    def actor(code):
        said = (mentions or {}).get(code)
        found = [{"start": text.index(said), "end": text.index(said) + len(said),
                  "text": said}] if said and said in text else []
        return {"id": code, "kind": "igo" if code.startswith("igo:") else "state",
                "name": code, "country": None if code.startswith("igo:") else code,
                "mentions": found}

    parties = sorted({p for item in (*events, *agreements) for p in item["parties"]})
    out_events = []
    for number, event in enumerate(events, 1):
        out_events.append({"id": f"e{number}", "mode": None, "status": "done",
                           "source": event["parties"], "target": [], "people": [],
                           "sectors": [], "date": None, "location": None, "agreement": None,
                           "plover": {"event": event["type"], "mode": None, "context": []},
                           "confidence": 0.8, **event, "evidence": cite(event["evidence"])})
    out_agreements = [{"id": f"a{n}", "kind": "agreement", "sectors": [], "date": None,
                       "period": None, **a, "evidence": cite(a["evidence"])}
                      for n, a in enumerate(agreements, 1)]
    out_quantities = [{"measure": "trade", "kind": "actual", "period": None, "text": "",
                       **q, "evidence": cite(q["evidence"])} for q in quantities]
    return {"schema": 1, "doc_id": doc_id, "source": f"test:{doc_id}", "url": None,
            "title": sentences[0], "language": "fr", "published": published,
            "published_basis": "metadata" if published else "unknown", "text": text,
            "actors": [actor(p) for p in parties], "events": out_events,
            "agreements": out_agreements, "quantities": out_quantities}


def day(value: str) -> dict:
    return {"value": value, "granularity": "day", "text": value}


@pytest.fixture(scope="session")
def sample_store(extract_paths, samples_dir, tmp_path_factory) -> Callable[[str], Path]:
    """``sample_store(name)``: a new store file holding the sample corpus (each
    caller gets its own file, free to change it)."""
    from diplograph.store import open_store

    def build(name: str) -> Path:
        path = tmp_path_factory.mktemp(name) / f"{name}.duckdb"
        with open_store(path) as store:
            for record in extract_paths([samples_dir / "articles"]).records:
                store.ingest_record(record)
        return path

    return build
