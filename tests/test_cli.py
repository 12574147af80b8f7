"""End-to-end tests of the ``diplograph`` console script, run as a user would.

Each extraction run loads spaCy in a fresh process (~5-10 s), so runs are shared
between tests through module-scoped fixtures.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import REPO

CLI = Path(sys.executable).parent / "diplograph"

ARTICLES = {
    "ghana_togo": (
        "Le Ghana et le Togo renforcent leur coopération\n"
        "Le président ghanéen a reçu mardi 6 juillet à Accra son homologue togolais pour des "
        "entretiens consacrés à la sécurité et au commerce. Les deux chefs d'État ont signé un "
        "mémorandum d'entente sur la coopération transfrontalière.\n"
        "En 2021, les échanges commerciaux entre les deux pays ont atteint 450 millions de "
        "dollars.\n"),
    "senegal_gambie": (
        "Dakar et Banjul au téléphone\n"
        "Le ministre sénégalais des Affaires étrangères, Ousmane Faye, s'est entretenu jeudi au "
        "téléphone avec son homologue gambien. Les deux ministres ont évoqué la pêche et la "
        "sécurité maritime. Faye a invité son homologue à se rendre prochainement à Dakar.\n"),
}
ENGLISH = ("The foreign minister of Ghana met his Togolese counterpart in Accra on Tuesday to "
           "discuss trade, security and cross-border cooperation. The two ministers signed a "
           "memorandum of understanding and agreed to meet again next year.\n")


def run(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run([str(CLI), *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=600, check=False)


def assert_clean(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout


def jsonl(text: str) -> list[dict]:
    lines = text.splitlines()
    assert all(line.strip() for line in lines), "blank line in JSONL output"
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def extracted(articles) -> subprocess.CompletedProcess:
    return run("extract", articles)


def test_cli_console_script_is_installed():
    assert CLI.is_file() and os.access(CLI, os.X_OK), CLI


def test_cli_extract_prints_one_jsonl_record_per_article(extracted):
    assert extracted.returncode == 0, extracted.stderr
    assert_clean(extracted)
    records = jsonl(extracted.stdout)
    assert [r["doc_id"] for r in records] == ["ghana_togo", "senegal_gambie"]
    for record in records:
        assert record["schema"] == 1 and record["language"] == "fr"
        assert record["text"] == ARTICLES[record["doc_id"]]
        assert record["events"], record["doc_id"]
        for item in record["events"] + record["agreements"] + record["quantities"]:
            for ev in item["evidence"]:
                assert record["text"][ev["start"]:ev["end"]] == ev["sentence"]


def test_cli_extract_records_say_what_the_articles_say(extracted):
    by_id = {r["doc_id"]: r for r in jsonl(extracted.stdout)}
    ghana = by_id["ghana_togo"]
    assert ghana["title"] == "Le Ghana et le Togo renforcent leur coopération"
    assert (ghana["published"], ghana["published_basis"]) == ("2021-07-06", "inferred")
    assert {"AGREE", "CONSULT"} <= {e["type"] for e in ghana["events"]}
    assert [a["status"] for a in ghana["agreements"]] == ["signed"]
    assert [(q["value"], q["unit"]) for q in ghana["quantities"]] == [(450000000, "USD")]
    call = by_id["senegal_gambie"]["events"][0]
    assert (call["type"], call["mode"], call["parties"]) == ("CONSULT", "phone", ["GMB", "SEN"])


def test_cli_extract_pretty_prints_the_doc_ids(articles):
    result = run("extract", articles, "--format", "pretty")
    assert result.returncode == 0, result.stderr
    assert_clean(result)
    assert "ghana_togo" in result.stdout and "senegal_gambie" in result.stdout
    assert "CONSULT" in result.stdout
    assert not result.stdout.lstrip().startswith("{")


def test_cli_extract_output_file_and_given_published_date(articles, tmp_path):
    out = tmp_path / "records.jsonl"
    result = run("extract", articles, "-o", out, "--published", "2021-07-06")
    assert result.returncode == 0, result.stderr
    assert_clean(result)
    assert result.stdout == ""
    records = jsonl(out.read_text(encoding="utf-8"))
    assert len(records) == 2
    for record in records:
        assert (record["published"], record["published_basis"]) == ("2021-07-06", "given")
    call = next(r for r in records if r["doc_id"] == "senegal_gambie")["events"][0]
    assert call["date"]["value"] == "2021-07-01"  # "jeudi": the Thursday before 6 July 2021


def test_cli_extract_bad_files_are_reported_and_the_good_one_still_extracted(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLES["senegal_gambie"], encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00binary")
    (folder / "latin1.txt").write_bytes(
        "Le président sénégalais a reçu son homologue gambien à Dakar.".encode("latin-1"))
    result = run("extract", folder)
    assert result.returncode == 1
    assert_clean(result)
    assert [r["doc_id"] for r in jsonl(result.stdout)] == ["good"]
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 3, result.stderr
    reasons = {"empty.txt": "empty file", "binary.txt": "binary", "latin1.txt": "not UTF-8"}
    for name, reason in reasons.items():
        (line,) = [line for line in lines if name in line]
        assert str(folder / name) in line and reason in line, line


def test_cli_extract_english_article_is_rejected_as_unsupported(tmp_path):
    path = tmp_path / "english.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    result = run("extract", path)
    assert result.returncode == 1
    assert_clean(result)
    assert result.stdout == ""
    assert str(path) in result.stderr and "unsupported language 'en'" in result.stderr


def test_cli_extract_missing_path_is_reported(tmp_path):
    result = run("extract", tmp_path / "nowhere.txt")
    assert result.returncode == 1
    assert_clean(result)
    assert "nowhere.txt" in result.stderr and "no such file" in result.stderr


@pytest.mark.parametrize("args, option", [
    (["--published", "2021-13-45"], "--published"),
    (["--published", "6 juillet 2021"], "--published"),
    (["--format", "xml"], "--format"),
])
def test_cli_extract_bad_option_is_a_usage_error(articles, args, option):
    result = run("extract", articles, *args)
    assert result.returncode == 2
    assert_clean(result)
    assert "Usage" in result.stderr and option in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("verb", [[], ["extract"], ["eval"]], ids=["main", "extract", "eval"])
def test_cli_help(verb):
    result = run(*verb, "--help")
    assert result.returncode == 0, result.stderr
    assert "Usage" in result.stdout
    assert_clean(result)


def test_cli_eval_json_on_the_seeds(shared_dir):
    result = run("eval", shared_dir / "seeds", "--gold", shared_dir / "gold", "--json")
    assert result.returncode == 0, result.stderr
    assert_clean(result)
    report = json.loads(result.stdout)
    assert report["n_docs"] == len(list((shared_dir / "gold").glob("*.yaml")))
    assert report["missing_docs"] == []
    assert set(report["kinds"]) == {"events", "agreements", "quantities", "actors"}
    for counts in report["kinds"].values():
        assert {"tp", "fp", "fn", "precision", "recall", "f1"} <= set(counts)
        assert 0.0 <= counts["f1"] <= 1.0
    assert report["kinds"]["events"]["tp"] > 0
    assert "event_status" in report["attributes"] and "published" in report["attributes"]


def test_cli_eval_missing_gold_folder_is_an_error(tmp_path, articles):
    result = run("eval", articles, "--gold", tmp_path / "no-gold")
    assert result.returncode == 2
    assert_clean(result)
    assert "no-gold" in result.stderr


def test_cli_extract_unwritable_output_is_a_clean_error(articles, tmp_path):
    result = run("extract", articles, "-o", tmp_path / "no" / "such" / "dir" / "out.jsonl")
    assert result.returncode in (1, 2)
    assert_clean(result)
    assert "out.jsonl" in result.stderr


def test_cli_extract_names_with_markup_bad_json_and_impossible_dates_cost_one_line_each(
        tmp_path):
    folder = tmp_path / "odd [" / "x] names"  # a path with "[/x]" in it
    folder.mkdir(parents=True)
    (folder / "good [red].txt").write_text(ARTICLES["senegal_gambie"], encoding="utf-8")
    lines = ["[" * 50_000 + "]" * 50_000,
             json.dumps({"id": "bad-day", "text": ARTICLES["ghana_togo"],
                         "published": "2021-02-30", "url": "https://x.test/[/x]"}),
             json.dumps({"id": "no-day", "text": ARTICLES["ghana_togo"],
                         "published": "0000-00-00"})]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    result = run("extract", folder)
    assert_clean(result)
    assert result.returncode == 1  # the nested line is rejected; the rest are read
    assert sorted(r["doc_id"] for r in jsonl(result.stdout)) == ["bad-day", "good [red]",
                                                                "no-day"]
    stderr = [line for line in result.stderr.splitlines() if line.strip()]
    assert any("feed.jsonl:1" in line and "nested too deeply" in line for line in stderr)
    assert any("notes.pdf" in line and line.startswith("skipped") for line in stderr)
    assert len(stderr) == 2, result.stderr


def test_cli_internal_error_costs_one_document_and_exits_3_with_a_log(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from diplograph.cli import app
    from diplograph.pipeline import Pipeline

    for name, text in ARTICLES.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    read = Pipeline.read

    def broken(self, parsed, models=None):  # a bug that only one document meets
        if parsed.document.doc_id == "ghana_togo":
            raise ZeroDivisionError("division by zero")
        return read(self, parsed, models)

    monkeypatch.setattr(Pipeline, "read", broken)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    result = CliRunner().invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 3
    assert [json.loads(line)["doc_id"] for line in result.stdout.splitlines()
            if line.startswith("{")] == ["senegal_gambie"]
    (log,) = tmp_path.glob("diplograph-errors-*.log")
    assert "ZeroDivisionError" in log.read_text() and str(log) in result.output
