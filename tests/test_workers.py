"""--workers N: the same records, byte for byte and in input order, as one process."""
from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "diplograph", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=600)


def test_two_workers_give_the_records_of_one_process(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    inputs = [str(REPO / "samples" / "articles"), str(bad)]
    one = run("extract", *inputs)
    two = run("extract", *inputs, "--workers", "2")
    assert one.returncode == two.returncode == 1  # the empty file is rejected both times
    assert one.stdout.count("\n") >= 20
    assert two.stdout == one.stdout
    assert "empty.txt" in two.stderr
