"""Requests per second and latency of `diplograph serve` under real load.

    python benchmarks/bench_load.py [--events 100000] [--seconds 5] [--clients 1,10,50]
                                    [--workers 1] [--db PATH] [--no-upload]

Fills a store of synthetic events like bench_web.py, starts the real server
(`diplograph serve`, uvicorn, on 127.0.0.1) and drives it with wrk (Debian
package `wrk`) for each route and number of concurrent connections; paths
vary within a route (pages, filters, pairs) so that caches are exercised as a
real dashboard would. Then /api/stats is loaded while an upload of real
articles (../shared/dev) is extracted by the server. The server is stopped at
the end; every wrk run is bounded by --seconds.

Targets (issue 9, 10 clients): /api/events and /api/stats >= 300 req/s with
p99 <= 100 ms; / and a dyad page >= 100 req/s with p99 <= 200 ms; reads during
an upload p99 <= 200 ms.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_store import fill  # noqa: E402
from bench_web import add_agreements  # noqa: E402

from diplograph.knowledge import countries  # noqa: E402
from diplograph.store import open_store  # noqa: E402
from diplograph.store.queries import EVENT_TYPES  # noqa: E402

SHARED_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "dev" / "dev.jsonl"
TOKEN = "bench-load-token"

#: wrk script: rotate through the route's paths (each thread from its own place);
#: with ``fresh``, a query parameter the server ignores makes every URL new, so
#: no answer comes from the cache; print one parseable line at the end
WRK_SCRIPT = """
local paths = {%s}
local fresh = %s
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end
local i = nil
local n = 0
request = function()
  if i == nil then i = (id or 1) * 7919 %% #paths end
  i = i %% #paths + 1
  n = n + 1
  local path = paths[i]
  if fresh then
    local sep = string.find(path, "?", 1, true) and "&" or "?"
    path = path .. sep .. "fresh=" .. (id or 1) .. "-" .. n .. "-" .. os.time()
  end
  return wrk.format("GET", path)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%.0f %%.0f %%.0f %%.0f %%d %%d\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.status, e.connect + e.read + e.write + e.timeout))
end
"""


def route_paths(codes: list[str], busiest: str, rng: random.Random) -> dict[str, list[str]]:
    """Each route with the paths a dashboard user would send (varied, repeating)."""
    pairs = [busiest] + [f"{rng.choice(codes)}-{rng.choice(codes)}" for _ in range(7)]
    events = [f"/api/events?limit=50&offset={50 * k}" for k in range(5)]
    events += [f"/api/events?country={c}" for c in rng.sample(codes, 5)]
    events += [f"/api/events?type={t}" for t in rng.sample(list(EVENT_TYPES), 5)]
    events += [f"/api/events?dyad={p}" for p in pairs[:5]]
    # the same filters, each URL made new by the script: every answer computed
    return {"/api/events": events,
            "/api/events new": events,
            "/api/stats": ["/api/stats"],
            "/": ["/"],
            "/dyad/{pair}": [f"/dyad/{p}" for p in pairs],
            "/dyad/{pair} new": [f"/dyad/{p}" for p in pairs]}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "diplograph", "serve", "--db", str(db), "--port", str(port),
               "--token", TOKEN]
    if workers > 1:
        command += ["--read-only", "--workers", str(workers)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server did not start: {process.stderr.read().decode()[-2000:]}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats", timeout=5).read()
            return process
        except OSError:
            time.sleep(0.2)
    stop_server(process)
    raise SystemExit("server did not answer within 120 s")


def stop_server(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def run_wrk(port: int, paths: list[str], clients: int, seconds: float,
            script_folder: Path, fresh: bool = False) -> dict:
    script = script_folder / "paths.lua"
    script.write_text(WRK_SCRIPT % (", ".join(json.dumps(p) for p in paths),
                                    "true" if fresh else "false"))
    threads = min(2, clients)
    completed = subprocess.run(
        ["wrk", "-t", str(threads), "-c", str(clients), "-d", f"{max(1, round(seconds))}s", "--timeout", "10s",
         "-s", str(script), f"http://127.0.0.1:{port}"],
        capture_output=True, text=True, timeout=seconds + 60)
    match = re.search(r"RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)",
                      completed.stdout)
    if not match:
        raise SystemExit(f"wrk failed: {completed.stdout}{completed.stderr}")
    requests, micros, p50, p95, p99, worst, bad_status, socket_errors = map(int, match.groups())
    return {"rps": requests / (micros / 1e6), "p50": p50 / 1000, "p95": p95 / 1000,
            "p99": p99 / 1000, "max": worst / 1000, "errors": bad_status + socket_errors,
            "requests": requests}


def upload_articles(port: int, count: int) -> tuple[float, str]:
    """POST the first ``count`` French development articles as one JSONL file."""
    lines = [line for line in SHARED_DEV.read_text(encoding="utf-8").splitlines()
             if json.loads(line).get("language") == "fr"][:count]
    body_file = "\n".join(lines).encode("utf-8")
    boundary = "benchloadboundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; "
            f"filename=\"dev.jsonl\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            ).encode() + body_file + f"\r\n--{boundary}--\r\n".encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/api/ingest", data=body, method="POST",
        headers={"content-type": f"multipart/form-data; boundary={boundary}",
                 "x-diplograph-token": TOKEN})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=600) as response:
        outcome = json.load(response)
    return time.perf_counter() - started, f"{outcome['stored']} stored"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--clients", default="1,10,50")
    parser.add_argument("--workers", type=int, default=1,
                        help="server worker processes (> 1 serves the store read-only)")
    parser.add_argument("--db", type=Path, help="reuse (or keep) the store here")
    parser.add_argument("--no-upload", action="store_true", help="skip the upload run")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is not installed (Debian: apt-get install wrk)", file=sys.stderr)
        return 2
    folder = tempfile.TemporaryDirectory()
    scratch = Path(folder.name)
    codes = sorted(countries())[:150]
    db = args.db or scratch / "load.duckdb"
    if not db.exists():
        with open_store(db) as store:
            seconds = fill(store, args.events, codes)
            store.con.execute("""UPDATE merged_events SET parties = ['DEU', 'FRA'],
                parties_key = 'DEU-FRA' WHERE seq % 20 = 0""")
            add_agreements(store, args.events // 50)
        print(f"filled {args.events:,} events in {seconds:.1f} s", flush=True)
    with open_store(db, read_only=True) as store:
        busiest = store.dyads(limit=1).loc[0, "dyad"]
        total = store.count_events()
    print(f"store {db} ({total:,} events); busiest pair {busiest}; "
          f"{args.workers} server worker(s); wrk {args.seconds:g} s per run", flush=True)
    routes = route_paths(codes, busiest, random.Random(7))
    clients = [int(c) for c in args.clients.split(",")]
    port = free_port()
    server = start_server(db, port, args.workers)
    try:
        print(f"\n{'route':18} {'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} "
              f"{'p99 ms':>8} {'errors':>7}")
        for route, paths in routes.items():
            fresh = route.endswith(" new")
            run_wrk(port, paths, 1, 1, scratch, fresh)  # warm: first-touch pages, caches
            for count in clients:
                result = run_wrk(port, paths, count, args.seconds, scratch, fresh)
                print(f"{route:18} {count:7d} {result['rps']:8.0f} {result['p50']:8.1f} "
                      f"{result['p95']:8.1f} {result['p99']:8.1f} {result['errors']:7d}",
                      flush=True)
        if not args.no_upload and args.workers == 1:
            upload_run(port, routes["/api/stats"], scratch, args.seconds)
    finally:
        stop_server(server)
    return 0


def upload_run(port: int, paths: list[str], scratch: Path, seconds: float) -> None:
    """/api/stats at 10 clients while the server extracts and stores an upload."""
    if not SHARED_DEV.exists():
        print(f"\n(no {SHARED_DEV}: the run during an upload is skipped)")
        return
    outcome: dict = {}

    def upload():
        outcome["seconds"], outcome["result"] = upload_articles(port, 30)

    thread = threading.Thread(target=upload)
    thread.start()
    time.sleep(0.5)
    result = run_wrk(port, paths, 10, seconds, scratch)
    thread.join()
    print(f"\nduring an upload (30 articles, {outcome['result']}, {outcome['seconds']:.1f} s): "
          f"/api/stats at 10 clients {result['rps']:.0f} req/s, p50 {result['p50']:.1f} ms, "
          f"p99 {result['p99']:.1f} ms, {result['errors']} errors")


if __name__ == "__main__":
    sys.exit(main())
