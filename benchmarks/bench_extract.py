#!/usr/bin/env python
"""How much does diplograph cost on top of spaCy?

Measures, in one process and on the same French texts (the French half of
../shared/dev/dev.jsonl plus samples/articles, times --repeat):

  (a) bare spaCy: ``nlp.pipe`` over the whole texts with the pipeline diplograph
      uses (``diplograph.nlp.load_pipeline("fr")``);
  (b) full diplograph: ``extract_document`` for each document (segmentation,
      per-sentence parsing and every extraction stage).

For each: wall time, docs/s, words/s (whitespace-separated words) and peak RSS
(sampled every 5 ms by a psutil thread; ``resource.getrusage`` ru_maxrss, the
process's lifetime peak so far, is shown beside it, as of the first round, where
diplograph runs first: its ru_maxrss is its own, the spaCy row's the peak of both).
Each measurement runs --rounds times in alternating order and the fastest round
is reported (all rounds are listed). Loading the model and the first-call set-up
of diplograph (gazetteers, matchers, language id) are timed separately and left
out of both runs.

    .venv/bin/python benchmarks/bench_extract.py [--repeat N] [--rounds N] [--json]
"""
from __future__ import annotations

import argparse
import gc
import json
import platform
import resource
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Self

import psutil

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
MB = 1024 * 1024


class RssSampler:
    """Peak resident set size of this process while the block runs."""

    def __init__(self, interval: float = 0.005):
        self.interval = interval
        self.process = psutil.Process()
        self.start_rss = self.peak = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.process.memory_info().rss)
            self._stop.wait(self.interval)

    def __enter__(self) -> Self:
        self.start_rss = self.peak = self.process.memory_info().rss
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        assert self._thread is not None
        self._thread.join()
        self.peak = max(self.peak, self.process.memory_info().rss)


def maxrss_bytes() -> int:
    """ru_maxrss is in KiB on Linux, in bytes on macOS."""
    value = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return value if sys.platform == "darwin" else value * 1024


@dataclass
class Phase:
    name: str
    docs: int
    words: int
    seconds: float
    rss_start_mb: float
    rss_peak_mb: float
    ru_maxrss_mb: float

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict:
        out = asdict(self)
        out.update(docs_per_s=round(self.docs_per_s, 3), words_per_s=round(self.words_per_s, 1),
                   rss_growth_mb=round(self.rss_peak_mb - self.rss_start_mb, 1))
        for key in ("seconds", "rss_start_mb", "rss_peak_mb", "ru_maxrss_mb"):
            out[key] = round(out[key], 3 if key == "seconds" else 1)
        return out


def load_documents(include_dev: bool = True):
    """French dev-set documents (as diplograph ingests them) and the samples."""
    from diplograph.ingest import iter_inputs
    from diplograph.types import Document

    paths = [REPO / "samples" / "articles"]
    if include_dev and (SHARED / "dev" / "dev.jsonl").is_file():
        paths.insert(0, SHARED / "dev" / "dev.jsonl")
    elif include_dev:
        print(f"note: {SHARED / 'dev' / 'dev.jsonl'} not found; samples only", file=sys.stderr)
    docs = [d for d in iter_inputs(paths, 10_000_000) if isinstance(d, Document)]
    return [d for d in docs if d.language in (None, "fr")]


def measure(name: str, texts: list[str], work) -> Phase:
    gc.collect()
    with RssSampler() as rss:
        start = time.perf_counter()
        work()
        seconds = time.perf_counter() - start
    return Phase(name, len(texts), sum(len(t.split()) for t in texts), seconds,
                 rss.start_rss / MB, rss.peak / MB, maxrss_bytes() / MB)


def best(phases: list[Phase]) -> Phase:
    """The fastest round, with the highest RSS peak seen in any round."""
    fastest = min(phases, key=lambda p: p.seconds)
    return Phase(fastest.name, fastest.docs, fastest.words, fastest.seconds,
                 min(p.rss_start_mb for p in phases), max(p.rss_peak_mb for p in phases),
                 phases[0].ru_maxrss_mb)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="process the texts N times")
    parser.add_argument("--rounds", type=int, default=3,
                        help="run each measurement N times (alternating order), keep the best")
    parser.add_argument("--samples-only", action="store_true", help="leave out the dev set")
    parser.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.rounds < 1:
        parser.error("--repeat and --rounds must be at least 1")

    from diplograph.extract import extract_document
    from diplograph.nlp import load_pipeline
    from diplograph.types import Document

    documents = load_documents(not args.samples_only) * args.repeat
    if not documents:
        parser.error("no French documents found")
    texts = [d.text for d in documents]

    with RssSampler() as setup_rss:
        t0 = time.perf_counter()
        nlp = load_pipeline("fr")
        load_seconds = time.perf_counter() - t0
        # first-call set-up of diplograph (gazetteers, matchers, language data)
        t0 = time.perf_counter()
        extract_document(Document("warmup", "Le ministre japonais a rencontré son homologue "
                                  "vietnamien à Hanoï.", "warmup", language="fr"))
        warmup_seconds = time.perf_counter() - t0

    # Rounds alternate the order (diplograph first in round 1, so that ru_maxrss, a
    # lifetime peak, is its own there); the best round of each is reported, which
    # leaves out first-pass effects (new strings in the vocab, caches) and noise.
    records: list = []
    runs: dict[str, list[Phase]] = {"diplograph extract": [], "spaCy nlp.pipe": []}

    def run_diplograph() -> None:
        records.clear()
        records.extend(extract_document(d) for d in documents)

    def run_spacy() -> None:
        for _ in nlp.pipe(texts, batch_size=args.batch_size):
            pass

    work = {"diplograph extract": run_diplograph, "spaCy nlp.pipe": run_spacy}
    for number in range(args.rounds):
        order = list(work) if number % 2 == 0 else list(reversed(work))
        for name in order:
            runs[name].append(measure(name, texts, work[name]))
    diplograph_phase = best(runs["diplograph extract"])
    spacy_phase = best(runs["spaCy nlp.pipe"])

    counts = {key: sum(len(getattr(r, key)) for r in records)
              for key in ("actors", "events", "agreements", "quantities")}
    ratio = diplograph_phase.seconds / spacy_phase.seconds if spacy_phase.seconds else None
    result = {
        "python": platform.python_version(),
        "model": nlp.meta.get("name") and f"{nlp.meta['lang']}_{nlp.meta['name']}-"
                                          f"{nlp.meta['version']}",
        "cpus": psutil.cpu_count(),
        "documents": len(documents),
        "repeat": args.repeat,
        "rounds": args.rounds,
        "seconds_per_round": {name: [round(p.seconds, 3) for p in phases]
                              for name, phases in runs.items()},
        "words": spacy_phase.words,
        "characters": sum(len(t) for t in texts),
        "setup": {"load_model_s": round(load_seconds, 3),
                  "diplograph_warmup_s": round(warmup_seconds, 3),
                  "rss_after_setup_mb": round(setup_rss.peak / MB, 1)},
        "phases": [diplograph_phase.as_dict(), spacy_phase.as_dict()],
        "slowdown_vs_spacy": round(ratio, 2) if ratio else None,
        "extra_peak_rss_mb": round(diplograph_phase.rss_peak_mb - spacy_phase.rss_peak_mb, 1),
        "extracted": counts,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print_table(result, spacy_phase, diplograph_phase)
    return 0


def print_table(result: dict, *phases: Phase) -> None:
    print(f"diplograph benchmark — {result['documents']} French documents "
          f"({result['words']:,} words, {result['characters']:,} characters; "
          f"repeat {result['repeat']}, best of {result['rounds']} rounds), model {result['model']}, Python {result['python']}, "
          f"{result['cpus']} CPUs")
    setup = result["setup"]
    print(f"setup (not timed below): load model {setup['load_model_s']:.2f} s, diplograph "
          f"warm-up {setup['diplograph_warmup_s']:.2f} s, RSS after set-up "
          f"{setup['rss_after_setup_mb']:.0f} MB")
    header = (f"{'run':<20} {'wall s':>8} {'docs/s':>8} {'words/s':>9} {'RSS start MB':>13} "
              f"{'RSS peak MB':>12} {'ru_maxrss MB':>13}")
    print(header)
    print("-" * len(header))
    for p in sorted(phases, key=lambda p: p.name != "spaCy nlp.pipe"):
        print(f"{p.name:<20} {p.seconds:>8.2f} {p.docs_per_s:>8.2f} {p.words_per_s:>9.0f} "
              f"{p.rss_start_mb:>13.0f} {p.rss_peak_mb:>12.0f} {p.ru_maxrss_mb:>13.0f}")
    print(f"diplograph / spaCy wall time: {result['slowdown_vs_spacy']}x; extra peak RSS "
          f"{result['extra_peak_rss_mb']:+.0f} MB")
    rounds = result["seconds_per_round"]
    print("rounds (s): " + "; ".join(f"{k} {', '.join(f'{v:.2f}' for v in vs)}"
                                     for k, vs in rounds.items()))
    extracted = result["extracted"]
    print("extracted: " + ", ".join(f"{v} {k}" for k, v in extracted.items()))


if __name__ == "__main__":
    sys.exit(main())
