"""End-to-end tests of the ``diplograph`` command, run as a user would."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CLI = Path(sys.executable).parent / "diplograph"
SHARED = ROOT.parent / "shared"

ARTICLE = ("Le Maroc et le Sénégal signent un accord de coopération\n"
           "RABAT, 12 mars 2024 - Le ministre marocain des Affaires étrangères Karim Benali a reçu "
           "mardi son homologue sénégalais Moussa Diop à Rabat. Les deux ministres ont signé un "
           "mémorandum d'entente sur la coopération agricole. Diop a invité Benali à se rendre "
           "prochainement à Dakar.\n")


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([str(CLI), *args], capture_output=True, text=True, cwd=cwd,
                          timeout=600)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (folder / "latin1.txt").write_bytes("Le président français a visité l'Algérie.".encode("latin-1"))
    (folder / "lines.jsonl").write_text(
        json.dumps({"id": "j1", "text": ARTICLE, "published": "2024-03-12"}) + "\n{broken\n",
        encoding="utf-8")
    (folder / "english.txt").write_text(
        "The foreign ministers of Morocco and Senegal met in Rabat on Tuesday and signed a "
        "memorandum of understanding on agriculture.\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus_run(corpus) -> subprocess.CompletedProcess:
    return run("extract", str(corpus))


def test_cli_extract_reports_each_bad_file_and_keeps_going(corpus_run):
    assert corpus_run.returncode == 1
    assert "Traceback" not in corpus_run.stderr
    lines = corpus_run.stderr.strip().splitlines()
    for name, reason in [("empty.txt", "empty"), ("binary.txt", "binary"),
                         ("latin1.txt", "UTF-8"), ("lines.jsonl:2", "malformed JSON"),
                         ("english.txt", "unsupported language")]:
        assert any(name in line and reason in line for line in lines), (name, lines)
    records = [json.loads(line) for line in corpus_run.stdout.splitlines()]
    assert sorted(r["doc_id"] for r in records) == ["good", "j1"]


def test_cli_extract_finds_the_meeting_and_the_agreement(corpus_run):
    record = next(json.loads(line) for line in corpus_run.stdout.splitlines()
                  if json.loads(line)["doc_id"] == "j1")
    assert record["published"] == "2024-03-12" and record["published_basis"] == "metadata"
    types = {(e["type"], e["status"]) for e in record["events"]}
    assert ("CONSULT", "done") in types and ("AGREE", "done") in types
    assert any(a["status"] == "signed" and a["parties"] == ["MAR", "SEN"]
               for a in record["agreements"])


def test_cli_extract_pretty_and_output_file(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.txt"
    result = run("extract", str(article), "--format", "pretty", "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "a" in out.read_text() and "CONSULT" in out.read_text()


def test_cli_published_option(tmp_path):
    article = tmp_path / "b.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run("extract", str(article), "--published", "2024-03-13")
    record = json.loads(result.stdout)
    assert record["published"] == "2024-03-13" and record["published_basis"] == "given"
    bad = run("extract", str(article), "--published", "13/03/2024")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


@pytest.mark.parametrize("verb", ["extract", "eval"])
def test_cli_every_verb_has_help_and_is_in_readme(verb):
    result = run(verb, "--help")
    assert result.returncode == 0 and "Usage" in result.stdout
    assert f"diplograph {verb}" in (ROOT / "README.md").read_text()


def test_cli_eval_json_on_seeds():
    if not (SHARED / "seeds").exists():
        pytest.skip("../shared not found: eval test needs the shared seeds")
    result = run("eval", str(SHARED / "seeds"), "--gold", str(SHARED / "gold"), "--json")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert "events" in json.dumps(figures)
