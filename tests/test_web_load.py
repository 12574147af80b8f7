"""What lets one server answer many readers: answers kept until the store
changes, uploads extracted in another process, a read-only store shared by
several server processes, and the load benchmark itself."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install '.[web]')")
from fastapi.testclient import TestClient  # noqa: E402

from diplograph.store import open_store  # noqa: E402
from diplograph.web import create_app  # noqa: E402
from diplograph.web import ingesting  # noqa: E402
from diplograph.web.cache import CACHE_HEADER  # noqa: E402

HOME = "http://localhost"
ROOT = Path(__file__).resolve().parents[1]
TEXT = ("Le ministre malien des Affaires étrangères a reçu mardi à Bamako son homologue "
        "ghanéen. Les deux ministres ont signé un accord de coopération dans l'agriculture.")


@pytest.fixture(scope="module")
def store_path(sample_store):
    return sample_store("load")


def cached(response) -> bool:
    return response.headers.get(CACHE_HEADER.decode()) == "hit"


def test_reads_are_kept_until_an_ingest_changes_the_store(store_path):
    with TestClient(create_app(store_path), base_url=HOME, headers={"origin": HOME}) as client:
        first = client.get("/api/stats")
        again = client.get("/api/stats")
        assert not cached(first) and cached(again) and again.json() == first.json()
        assert cached(client.get("/api/stats")) and not cached(client.get("/api/stats?x=1"))
        assert not cached(client.get("/upload")) and not cached(client.get("/upload"))
        client.get("/")
        assert cached(client.get("/"))
        stored = client.post("/api/ingest", data={"text": TEXT, "published": "2022-03-01"})
        assert stored.json()["stored"] == 1
        after = client.get("/api/stats")
        assert not cached(after)
        assert after.json()["documents"] == first.json()["documents"] + 1
        assert not cached(client.get("/")) and cached(client.get("/"))


def test_errors_are_never_kept(store_path):
    with TestClient(create_app(store_path), base_url=HOME) as client:
        for _ in range(2):
            response = client.get("/api/events/E999999")
            assert response.status_code == 404 and not cached(response)


def test_uploads_are_extracted_in_another_process(store_path):
    with TestClient(create_app(store_path), base_url=HOME, headers={"origin": HOME}) as client:
        outcome = client.post("/api/ingest", data={"text": TEXT.replace("mardi", "jeudi"),
                                                   "published": "2022-03-03"}).json()
    assert outcome["stored"] == 1 and outcome["results"][0]["events"] >= 1
    worker = ingesting._worker
    assert worker is not None
    assert worker._processes and os.getpid() not in worker._processes


def test_read_only_server_refuses_uploads_and_shares_the_store(store_path):
    import duckdb

    app = create_app(store_path, read_only=True)
    with TestClient(app, base_url=HOME, headers={"origin": HOME}) as client:
        assert client.get("/api/stats").status_code == 200
        refused = client.post("/api/ingest", data={"text": TEXT})
        assert refused.status_code == 403 and "read-only" in refused.json()["error"]["message"]
        assert "serve --read-only" in client.get("/upload").text
        # a notebook reads the same file while the server runs
        with duckdb.connect(str(store_path), read_only=True) as other:
            assert other.execute("SELECT count(*) FROM documents").fetchone()[0] > 0
        with open_store(store_path, read_only=True) as other:
            assert other.stats()["documents"] > 0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _diplograph(*args: str, **options) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "diplograph", *args], capture_output=True,
                          text=True, timeout=120, **options)


def test_serve_refuses_several_writers(store_path):
    refused = _diplograph("serve", "--db", str(store_path), "--workers", "2")
    assert refused.returncode != 0 and "--read-only" in refused.stderr
    both = _diplograph("serve", "--db", str(store_path), "--read-only", "--create")
    assert both.returncode != 0 and "--create" in both.stderr


def test_serve_read_only_with_two_worker_processes(store_path):
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "diplograph", "serve", "--db",
                               str(store_path), "--port", str(port), "--read-only",
                               "--workers", "2"], stderr=subprocess.PIPE, text=True,
                              start_new_session=True)
    try:
        answers = []
        deadline = time.monotonic() + 90
        while len(answers) < 20 and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stats",
                                            timeout=10) as response:
                    answers.append(response.status)
            except OSError:
                assert server.poll() is None, server.stderr.read()
                time.sleep(0.3)
        assert answers == [200] * 20
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/ingest", method="POST",
                                         data=b"text=x", headers={"x-diplograph-token": "t"})
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(request, timeout=10)
    finally:
        os.killpg(server.pid, 2)
        server.wait(timeout=30)
    assert "2 worker processes" in server.stderr.read()


@pytest.mark.skipif(not shutil.which("wrk"), reason="wrk is not installed (apt-get install wrk)")
def test_load_benchmark_runs_end_to_end(tmp_path):
    """A small run of `make bench-load`, so the benchmark cannot rot."""
    completed = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_load.py"), "--events", "2000",
         "--seconds", "1", "--clients", "2", "--db", str(tmp_path / "load.duckdb"),
         "--no-upload"], capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr[-2000:]
    rows = [line.split() for line in completed.stdout.splitlines()
            if line.startswith(("/api", "/ ", "/dyad"))]
    assert len(rows) == 6
    assert all(float(row[-5]) > 0 and row[-1] == "0" for row in rows)
