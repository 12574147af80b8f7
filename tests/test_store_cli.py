"""The store verbs end to end: ingest (idempotent, interrupted), queries,
show, stats and exports, plus the README covering every verb."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.store import open_store

CLI = Path(sys.executable).parent / "diplograph"
runner = CliRunner()


def invoke(*args):
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200", "NO_COLOR": "1"})


@pytest.fixture(scope="module")
def sample_records(extract_paths, samples_dir):
    extraction = extract_paths([samples_dir / "articles"])
    assert not extraction.rejections
    return extraction.records


@pytest.fixture(scope="module")
def sample_db(sample_store):
    return sample_store("store")


def all_counts(path):
    with open_store(path, read_only=True) as store:
        tables = ("documents", "actors", "document_actors", "mentions", "events", "evidence",
                  "agreements", "quantities", "merged_events", "merged_agreements",
                  "agreement_status_history")
        return {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                for t in tables}


def test_store_cli_sample_corpus_twice_gives_identical_counts(sample_db, sample_records):
    before = all_counts(sample_db)
    with open_store(sample_db) as store:
        results = [store.ingest_record(r) for r in sample_records]
        assert store.integrity_problems() == []
    assert not any(r.stored for r in results)
    assert all_counts(sample_db) == before
    assert before["documents"] == len(sample_records)


def test_store_cli_ingest_is_idempotent(tmp_path, samples_dir, monkeypatch):
    files = sorted((samples_dir / "articles").glob("0[1-3]_*.txt"))
    db = tmp_path / "cli.duckdb"
    first = invoke("ingest", *files, "--db", db)
    assert first.exit_code == 0, first.output
    assert "3 stored, 0 already stored, 0 rejected" in first.output
    counts = all_counts(db)

    def no_parsing(*args, **kwargs):
        raise AssertionError("a stored document was parsed again")

    monkeypatch.setattr("diplograph.pipeline.Pipeline.parse", no_parsing)
    second = invoke("ingest", *files, "--db", db, "-v")
    assert second.exit_code == 0
    assert "0 stored, 3 already stored" in second.output
    assert second.output.count("already stored D") == 3
    assert all_counts(db) == counts


def test_store_cli_ingest_reports_bad_files_and_keeps_the_rest(tmp_path, samples_dir):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    db = tmp_path / "mixed.duckdb"
    result = invoke("ingest", bad, samples_dir / "articles" / "02_maroc_colombie_appel.txt",
                    "--db", db)
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "1 stored" in result.output
    assert all_counts(db)["documents"] == 1


def test_store_cli_killed_ingest_leaves_only_whole_documents(tmp_path, samples_dir):
    """SIGKILL an ingest while it works; the store must open and hold whole documents."""
    for delay_after_second in (0.0, 0.15):
        db = tmp_path / f"killed{delay_after_second}.duckdb"
        process = subprocess.Popen(
            [str(CLI), "ingest", str(samples_dir / "articles"), "--db", str(db), "-v"],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
            env={**os.environ, "NO_COLOR": "1"})
        stored = 0
        for line in process.stderr:
            stored += line.startswith("stored ")
            if stored == 2:
                break
        if delay_after_second:
            import time

            time.sleep(delay_after_second)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert process.returncode == -signal.SIGKILL
        with open_store(db) as store:  # opens, replays its log
            assert store.integrity_problems() == []
            documents = store.stats()["documents"]
        assert documents >= 2
        total = len(list((samples_dir / "articles").iterdir()))
        assert documents < total


@pytest.mark.parametrize("args", [
    ["events"], ["events", "--country", "ESP"], ["events", "--dyad", "ESP-MRT"],
    ["events", "--type", "CONSULT", "--status", "done"], ["events", "--sector", "trade"],
    ["events", "--since", "2024-06", "--until", "2025-12-31"], ["events", "--q", "visite"],
    ["agreements"], ["agreements", "--pending"], ["agreements", "--status", "signed"],
    ["actors"], ["actors", "--kind", "person"], ["stats"],
])
def test_store_cli_query_verbs(sample_db, args):
    for fmt in (["--format", "table"], ["--format", "json"], ["--format", "csv"]) \
            if args[0] != "stats" else (["--format", "text"], ["--format", "json"]):
        result = invoke(*args, *fmt, "--db", sample_db)
        assert result.exit_code == 0, result.output
        if fmt[1] == "json":
            json.loads(result.output)


def test_store_cli_events_json_respects_filter(sample_db):
    result = invoke("events", "--dyad", "ESP-MRT", "--format", "json", "--db", sample_db)
    rows = json.loads(result.output)
    assert rows and all(r["parties"] == ["ESP", "MRT"] for r in rows)


def test_store_cli_show_highlights_evidence(sample_db):
    listed = json.loads(invoke("events", "--format", "json", "--db", sample_db).output)
    coloured = runner.invoke(app, ["show", listed[0]["id"], "--db", str(sample_db)],
                             env={"COLUMNS": "200", "FORCE_COLOR": "1"}, color=True)
    assert coloured.exit_code == 0
    assert "\x1b[" in coloured.output  # the evidence is styled
    plain = invoke("show", listed[0]["id"], "--db", sample_db)
    assert "»" in plain.output and "«" in plain.output  # marked where colours are off
    as_json = json.loads(invoke("show", listed[0]["id"], "--format", "json",
                                "--db", sample_db).output)
    assert as_json["reports"][0]["evidence"]
    agreements = json.loads(invoke("agreements", "--format", "json", "--db", sample_db).output)
    shown = json.loads(invoke("show", agreements[0]["id"], "-f", "json", "--db",
                              sample_db).output)
    assert shown["history"] and shown["reports"]


@pytest.mark.parametrize("args, message", [
    (["events", "--country", "France"], "ISO 3166 alpha-3"),
    (["events", "--format", "xml"], "--format"),
    (["show", "E99999"], "no event"),
    (["agreements", "--status", "maybe"], "status must be one of"),
])
def test_store_cli_errors_are_one_line(sample_db, args, message):
    result = invoke(*args, "--db", sample_db)
    assert result.exit_code == 2
    assert message in result.output and result.output.count("\n") <= 2


def test_store_cli_missing_store_is_a_clear_error(tmp_path):
    result = invoke("events", "--db", tmp_path / "nope.duckdb")
    assert result.exit_code == 2
    assert "no store here" in result.output


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "csv", "plover", "gdelt"])
def test_store_cli_export_formats(sample_db, tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    result = invoke("export", "--format", fmt, "-o", target, "--db", sample_db)
    assert result.exit_code == 0, result.output
    assert target.stat().st_size > 0
    assert "wrote" in result.output


def test_store_cli_export_to_missing_folder(sample_db, tmp_path):
    result = invoke("export", "-f", "jsonl", "-o", tmp_path / "no" / "x.jsonl", "--db",
                    sample_db)
    assert result.exit_code == 2 and "does not exist" in result.output


def _verbs():
    return sorted(c.name or c.callback.__name__ for c in app.registered_commands)


def test_store_cli_every_verb_has_help_and_is_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert {"ingest", "events", "agreements", "actors", "show", "stats", "export"} <= set(_verbs())
    for verb in _verbs():
        result = invoke(verb, "--help")
        assert result.exit_code == 0
        command = next(c for c in app.registered_commands
                       if (c.name or c.callback.__name__) == verb)
        assert (command.callback.__doc__ or "").strip(), f"{verb} has no help text"
        assert f"diplograph {verb}" in readme, f"README has no example of `diplograph {verb}`"


def test_store_cli_prints_markup_like_text_as_text(tmp_path):
    from conftest import make_record

    db = tmp_path / "markup.duckdb"
    with open_store(db) as store:
        store.ingest_record(make_record("[/bold]", ["Un accord [/x] entre eux."], "2025-01-02",
                                        agreements=[{"title": "accord [/x] sur [bold]",
                                                     "parties": ["IDN", "RUS"],
                                                     "status": "signed", "evidence": [0]}]))
    for args in (["agreements"], ["actors"], ["show", "A1"], ["show", "D1"], ["stats"]):
        result = invoke(*args, "--db", db)
        assert result.exit_code == 0, (args, result.output)
    assert "accord [/x] sur [bold]" in invoke("agreements", "--db", db).output.replace("\n", "")


@pytest.mark.parametrize("args", [["events", "--limit", "-1"],
                                  ["export", "-f", "csv", "-o", "x.csv", "--table", "actors",
                                   "--country", "RUS"]])
def test_store_cli_refuses_meaningless_options(sample_db, args):
    assert invoke(*args, "--db", sample_db).exit_code == 2


def test_store_cli_published_must_be_iso(tmp_path, samples_dir):
    result = invoke("ingest", samples_dir / "articles" / "02_maroc_colombie_appel.txt",
                    "--published", "20250304", "--db", tmp_path / "d.duckdb")
    assert result.exit_code == 2


def test_store_cli_serve_refuses_a_missing_store_unless_told_to_create_it(tmp_path):
    from typer.testing import CliRunner

    from diplograph.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "typo.duckdb")])
    assert result.exit_code == 2 and "no store here" in result.output
    assert "--create" in result.output and not (tmp_path / "typo.duckdb").exists()


def test_store_cli_a_full_disk_stops_ingest_with_one_line_keeping_what_is_stored(
        tmp_path, monkeypatch):
    import duckdb
    from typer.testing import CliRunner

    from diplograph.cli import app
    from diplograph.store import Store

    for number in range(3):
        (tmp_path / f"a{number}.txt").write_text(
            f"Le président du Ghana a reçu le {number + 2} mars son homologue togolais.\n",
            encoding="utf-8")
    write = Store.ingest_record
    calls = []

    def fill_the_disk(self, record):
        calls.append(record)
        if len(calls) == 2:
            raise duckdb.IOException('Could not write file "x.wal": No space left on device')
        return write(self, record)

    monkeypatch.setattr(Store, "ingest_record", fill_the_disk)
    db = tmp_path / "s.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 1 and len(calls) == 2
    assert "no space left on device" in result.output and "1 documents stored" in result.output
    monkeypatch.undo()
    with open_store(db, read_only=True) as store:
        assert store.stats()["documents"] == 1
