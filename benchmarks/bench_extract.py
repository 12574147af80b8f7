"""Throughput and peak memory of diplograph extraction next to bare spaCy
(same model, same texts, same process). Not a test: run `make bench`.

    python benchmarks/bench_extract.py [--repeat N] [--json]
"""
from __future__ import annotations

import argparse
import json
import resource
import threading
import time
from pathlib import Path

import psutil

from diplograph.extract import extract_document
from diplograph.ingest import iter_inputs
from diplograph.nlp import load_pipeline
from diplograph.types import Document

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "samples" / "articles", ROOT.parent / "shared" / "dev" / "dev.jsonl",
           ROOT.parent / "shared" / "seeds"]


class PeakRss:
    """Samples this process's RSS every 10 ms in a thread; the peak of a phase."""

    def __init__(self) -> None:
        self.process, self.peak, self._stop = psutil.Process(), 0, threading.Event()

    def __enter__(self) -> "PeakRss":
        self.peak = self.process.memory_info().rss
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(0.01):
            self.peak = max(self.peak, self.process.memory_info().rss)

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def french_documents() -> list[Document]:
    existing = [p for p in SOURCES if p.exists()]
    docs = [d for d in iter_inputs(existing, 10_000_000) if isinstance(d, Document)]
    return [d for d in docs if d.language in (None, "fr")]


def measure(name: str, work, texts: list[str]) -> dict:
    with PeakRss() as rss:
        start = time.perf_counter()
        work()
        wall = time.perf_counter() - start
    words = sum(len(t.split()) for t in texts)
    return {"pipeline": name, "docs": len(texts), "seconds": round(wall, 2),
            "docs_per_s": round(len(texts) / wall, 2), "words_per_s": round(words / wall),
            "peak_rss_mb": round(rss.peak / 2**20)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="use the corpus N times")
    parser.add_argument("--json", action="store_true", help="print JSON")
    args = parser.parse_args()
    docs = french_documents() * args.repeat
    texts = [d.text for d in docs]
    nlp = load_pipeline("fr")
    extract_document(docs[0], language="fr")  # warm caches (matchers, gazetteers) once
    rows = [
        measure("bare spaCy (nlp.pipe, whole texts)", lambda: list(nlp.pipe(texts)), texts),
        measure("diplograph extract", lambda: [extract_document(d, language="fr") for d in docs],
                texts),
    ]
    ratio = round(rows[1]["seconds"] / rows[0]["seconds"], 2)
    result = {"rows": rows, "slowdown_vs_spacy": ratio,
              "max_rss_mb_process": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{'pipeline':40} {'docs':>5} {'s':>7} {'docs/s':>8} {'words/s':>8} {'peak MB':>8}")
    for r in rows:
        print(f"{r['pipeline']:40} {r['docs']:>5} {r['seconds']:>7} {r['docs_per_s']:>8} "
              f"{r['words_per_s']:>8} {r['peak_rss_mb']:>8}")
    print(f"diplograph takes {ratio}x the time of bare spaCy on the same texts; "
          f"process max RSS {result['max_rss_mb_process']} MB")


if __name__ == "__main__":
    main()
