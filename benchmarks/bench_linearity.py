#!/usr/bin/env python
"""Does extraction cost grow in proportion to the input, whatever its shape?

Builds inputs of 10 KB, 100 KB and 1 MB from the texts in samples/articles,
in two shapes:

  normal        the articles repeated as they are (sentences of news length);
  pathological  the same text with every full stop and line break turned into
                a comma or a space: one giant sentence, the shape that once
                made cost grow with the square of the length.

Each input goes through ``diplograph extract`` in a fresh process; the table
gives wall time, time per 100 KB once the start-up (model load, measured on a
one-line input) is taken off, and the process's peak RSS (sampled by psutil).
Linear cost shows as a flat "s per 100 KB" column down each shape.

    .venv/bin/python benchmarks/bench_linearity.py [--sizes 10000,100000,1000000] [--json]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
CLI = Path(sys.executable).parent / "diplograph"
SHAPES = ("normal", "pathological")


def corpus() -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "samples" / "articles")
                                                           .glob("*.txt"))]
    return "\n".join(texts)


def shaped(text: str, shape: str, size: int) -> str:
    if shape == "pathological":
        text = text.replace(".", ",").replace("\n", " ")
    return (text * (size // len(text) + 1))[:size]


def run(path: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one ``diplograph extract`` process."""
    started = time.perf_counter()
    process = psutil.Popen([str(CLI), "extract", str(path), "--lang", "fr",
                            "--max-bytes", str(10**8), "-o", str(path.with_suffix(".out"))],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        try:
            peak = max(peak, process.memory_info().rss)
        except psutil.NoSuchProcess:
            break
        time.sleep(0.05)
    return time.perf_counter() - started, peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000",
                        help="input sizes in characters, comma-separated")
    parser.add_argument("--json", action="store_true", help="print the rows as JSON")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    text = corpus()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        tiny = Path(folder) / "tiny.txt"
        tiny.write_text("Le président du Ghana a reçu son homologue togolais.\n",
                        encoding="utf-8")
        start_up, _ = run(tiny)
        for shape in SHAPES:
            for size in sizes:
                path = Path(folder) / f"{shape}-{size}.txt"
                path.write_text(shaped(text, shape, size), encoding="utf-8")
                seconds, rss = run(path)
                rows.append({"shape": shape, "chars": size, "seconds": round(seconds, 1),
                             "s_per_100k": round((seconds - start_up) / size * 100_000, 1),
                             "peak_rss_mb": round(rss)})
                print(f"  {shape:12} {size:>9,} chars  {seconds:7.1f} s", file=sys.stderr)
    if args.json:
        print(json.dumps({"start_up_s": round(start_up, 1), "rows": rows}, indent=2))
        return
    print(f"start-up (model load, one line): {start_up:.1f} s")
    print(f"{'shape':12} {'chars':>10} {'seconds':>8} {'s/100KB':>8} {'peak RSS MB':>12}")
    for row in rows:
        print(f"{row['shape']:12} {row['chars']:>10,} {row['seconds']:>8} "
              f"{row['s_per_100k']:>8} {row['peak_rss_mb']:>12}")


if __name__ == "__main__":
    main()
