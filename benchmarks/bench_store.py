"""Query latency of the store on a million synthetic events.

    python benchmarks/bench_store.py [--events 1000000] [--runs 40] [--db PATH]

Builds a store with the real schema (migrations), fills ``merged_events`` with
N synthetic events (and N reports with one evidence sentence each, for the text
search), then times the queries behind every `diplograph events` filter:
``events()`` (first page, 50 rows, newest first) plus ``count_events()``, as the
CLI runs them. Each filter runs with varied values; p50 and p95 are reported.
Target: p95 <= 50 ms per filter.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from diplograph.knowledge import countries
from diplograph.store import EventFilter, open_store
from diplograph.store.queries import EVENT_STATUSES, EVENT_TYPES

SECTORS = ["diplomacy", "trade", "investment", "finance", "energy", "health", "education",
           "culture", "science", "security", "cyber", "defense", "agriculture", "transport"]


def fill(store, n: int, codes: list[str]) -> float:
    """Synthetic merged events (and reports + evidence) made inside DuckDB."""
    con = store.con
    started = time.perf_counter()
    con.execute("SELECT setseed(0.42)")
    con.execute("CREATE TEMP TABLE codes AS SELECT unnest(?) AS code, "
                "generate_subscripts(?, 1) AS k", [codes, codes])
    con.execute("""CREATE TEMP TABLE synth AS
        SELECT i,
               ? [1 + (hash(i * 7) % 16)::INT] AS type,
               ? [1 + (hash(i * 11) % 6)::INT] AS status,
               list_sort([? [1 + (hash(i * 13) % ?)::INT], ? [1 + (hash(i * 17) % ?)::INT]])
                   AS parties,
               list_distinct([? [1 + (hash(i * 19) % 14)::INT], ? [1 + (hash(i * 23) % 14)::INT]])
                   AS sectors,
               DATE '2000-01-01' + (hash(i * 29) % 9800)::INT AS day
        FROM range(?) t(i)""",
                [list(EVENT_TYPES), list(EVENT_STATUSES), codes, len(codes), codes, len(codes),
                 SECTORS, SECTORS, n])
    con.execute("""INSERT INTO merged_events
        SELECT 'E' || i, type, NULL, status, parties[1:1], parties[2:2], parties,
               array_to_string(parties, '-'), [], sectors, strftime(day, '%Y-%m-%d'), 'day',
               day, day, NULL, NULL, day, day, 1 + (i % 3)::INT, 1, 0.8, day, i,
               ',' || array_to_string(sectors, ',') || ','
        FROM synth""")
    con.execute("""INSERT INTO events
        SELECT 'S' || i || ':e1', i, 'S' || i, 'e1', 'E' || i, type, NULL, status, parties[1:1],
               parties[2:2], parties, array_to_string(parties, '-'), [], sectors,
               strftime(day, '%Y-%m-%d'), 'day', NULL, day, day, NULL, NULL, NULL, NULL, 0.8
        FROM synth""")
    con.execute("""INSERT INTO evidence
        SELECT 'S' || i, 'event', 'S' || i || ':e1', 0, 80,
               'Les ministres ont discuté de ' || sectors[1] || ' et de coopération, le '
               || strftime(day, '%d/%m/%Y') || ' (rapport ' || i || ').', NULL
        FROM synth""")
    con.execute("UPDATE evidence SET folded = lower(strip_accents(sentence))")
    con.execute("DROP TABLE synth")
    # articles ingested later (bench_load.py uploads some) number their items after these
    con.execute(f"CREATE OR REPLACE SEQUENCE item_seq START {n + 1}")
    con.execute("CHECKPOINT")
    return time.perf_counter() - started


def workloads(codes: list[str], rng: random.Random) -> dict[str, callable]:
    def pick():
        return rng.choice(codes)

    def year():
        return rng.randint(2000, 2026)

    return {
        "no filter": lambda: EventFilter(),
        "--country": lambda: EventFilter(country=pick()),
        "--dyad": lambda: EventFilter(dyad=f"{pick()}-{pick()}"),
        "--type": lambda: EventFilter(type=rng.choice(EVENT_TYPES)),
        "--status": lambda: EventFilter(status=rng.choice(EVENT_STATUSES)),
        "--sector": lambda: EventFilter(sector=rng.choice(SECTORS)),
        "--since": lambda: EventFilter(since=f"{year()}-{rng.randint(1, 12):02d}"),
        "--until": lambda: EventFilter(until=str(year())),
        "--since --until": lambda: EventFilter(since=f"{(y := year())}-01",
                                               until=f"{y}-06-30"),
        "--country --type --status": lambda: EventFilter(
            country=pick(), type=rng.choice(EVENT_TYPES), status=rng.choice(EVENT_STATUSES)),
        "--dyad --since": lambda: EventFilter(dyad=f"{pick()}-{pick()}", since=str(year())),
        "--q (evidence text)": lambda: EventFilter(q=rng.choice(SECTORS)),
    }


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--db", type=Path, default=None, help="keep the store here")
    args = parser.parse_args()
    codes = sorted(countries())[:150]
    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "bench.duckdb"
    path.unlink(missing_ok=True)
    with open_store(path) as store:
        seconds = fill(store, args.events, codes)
    size = path.stat().st_size / 1e6
    print(f"filled {args.events:,} events (+ reports + evidence) in {seconds:.1f} s; "
          f"store {size:.0f} MB", flush=True)
    rng = random.Random(7)
    rows = []
    with open_store(path, read_only=True) as store:
        store.events(EventFilter(), limit=50)  # warm the cache once
        for name, make in workloads(codes, rng).items():
            timings = []
            for _ in range(args.runs):
                filters = make()
                started = time.perf_counter()
                page = store.events(filters, limit=50)
                total = store.count_events(filters)
                timings.append((time.perf_counter() - started) * 1000)
                assert len(page) <= 50 and total >= len(page)
            rows.append((name, statistics.median(timings), percentile(timings, 0.95),
                         max(timings)))
    print(f"\n{'filter':28} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, p50, p95, worst in rows:
        flag = "" if p95 <= 50 else "  over target"
        print(f"{name:28} {p50:8.1f} {p95:8.1f} {worst:8.1f}{flag}")
    met = sum(p95 <= 50 for _, _, p95, _ in rows)
    print(f"\n{met}/{len(rows)} filters at p95 <= 50 ms "
          f"(events page of 50 + total count, {args.runs} runs each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
