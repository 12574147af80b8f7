"""Page render times of the dashboard on a store of synthetic events.

    python benchmarks/bench_web.py [--events 100000] [--runs 20]

Fills a store like bench_store.py (merged events, reports, evidence), adds
synthetic agreements with status histories, then requests the overview and the
busiest pair's page through the real application (FastAPI TestClient, in
process: queries, SVG charts, Jinja2 rendering; no network). Target: under 1 s.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_store import fill  # noqa: E402

from diplograph.knowledge import countries  # noqa: E402
from diplograph.store import open_store  # noqa: E402


def add_agreements(store, n: int) -> None:
    store.con.execute("""INSERT INTO merged_agreements
        SELECT 'A' || i, 'accord synthétique ' || i, 'agreement', parties, parties_key,
               sectors, CASE WHEN i % 3 = 0 THEN 'signed' ELSE 'negotiating' END,
               sort_day, sort_day, sort_day, CASE WHEN i % 3 = 0 THEN sort_day END, 1
        FROM (SELECT row_number() OVER () AS i, * FROM merged_events LIMIT ?)""", [n])
    store.con.execute("""INSERT INTO agreement_status_history
        SELECT id, id || ':r', 'S1', status, first_seen, 'published', 1 FROM merged_agreements""")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    from fastapi.testclient import TestClient

    from diplograph.web import create_app

    folder = tempfile.TemporaryDirectory()
    path = Path(folder.name) / "web.duckdb"
    with open_store(path) as store:
        seconds = fill(store, args.events, sorted(countries())[:150])
        # one heavy pair, as a long-followed relationship would be: 5% of all events
        store.con.execute("""UPDATE merged_events SET parties = ['DEU', 'FRA'],
            parties_key = 'DEU-FRA' WHERE seq % 20 = 0""")
        add_agreements(store, args.events // 50)
        busiest = store.dyads(limit=1).loc[0, "dyad"]
    print(f"filled {args.events:,} events in {seconds:.1f} s; busiest pair {busiest} "
          f"({args.events // 20:,} events)")
    with TestClient(create_app(path)) as client:
        for name, url in (("overview /", "/"), (f"dyad /dyad/{busiest}", f"/dyad/{busiest}"),
                          ("agreements /agreements", "/agreements?pending=true"),
                          ("api /api/events", "/api/events?limit=50")):
            client.get(url)  # warm
            timings = []
            for _ in range(args.runs):
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, response.text[:200]
            timings.sort()
            p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
            flag = "" if p95 < 1000 else "  over 1 s"
            print(f"{name:34} p50 {statistics.median(timings):7.1f} ms   p95 {p95:7.1f} ms   "
                  f"{len(response.content) / 1000:6.0f} kB{flag}")
    browser_times(path, busiest, args.runs)
    return 0


def browser_times(path: Path, pair: str, runs: int) -> None:
    """The same pages in headless Chromium over HTTP, until the load event."""
    import shutil
    import threading

    import uvicorn

    from diplograph.web import create_app

    chromium = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        chromium = None
    if not chromium:
        print("(no chromium or playwright: browser timings skipped)")
        return
    server = uvicorn.Server(uvicorn.Config(create_app(path), port=8917, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run"]
    with sync_playwright() as p:
        page = p.chromium.launch(executable_path=chromium, args=flags).new_page()
        for name, url in (("browser overview", "/"), (f"browser dyad {pair}", f"/dyad/{pair}")):
            page.goto("http://127.0.0.1:8917" + url)
            timings = []
            for _ in range(runs):
                started = time.perf_counter()
                page.goto("http://127.0.0.1:8917" + url, wait_until="load")
                timings.append((time.perf_counter() - started) * 1000)
            timings.sort()
            p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
            print(f"{name:34} p50 {statistics.median(timings):7.1f} ms   p95 {p95:7.1f} ms "
                  f"(request to load event){'' if p95 < 1000 else '  over 1 s'}")
    server.should_exit = True
    thread.join(timeout=10)  # lets the app close its store


if __name__ == "__main__":
    sys.exit(main())
