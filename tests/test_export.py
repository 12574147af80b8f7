"""Exports: tables round-trip through JSONL and Parquet, PLOVER records
validate, the GDELT-like file has GDELT's 61 columns."""
import csv
import json

import pandas.testing as pdt
import pytest
from conftest import day, make_record

from diplograph.export import (GDELT_COLUMNS, GDELT_FILLED, PLOVER_FIELDS, TABLES, ExportError,
                               _source_sql, cameo_code, export, plover_records, read_table,
                               validate_plover)
from diplograph.store import EventFilter, open_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "s.duckdb"
    with open_store(path) as opened:
        opened.ingest_record(make_record(
            "a", ["Lavrov a rencontré Marsudi à Jakarta.", "Ils ont signé un accord sur les visas.",
                  "Le commerce a atteint 2,6 milliards de dollars."], "2021-07-06",
            events=[{"type": "CONSULT", "mode": "visit", "parties": ["IDN", "RUS"],
                     "source": ["RUS"], "target": ["IDN"], "date": day("2021-07-06"),
                     "location": {"name": "Jakarta", "country": "IDN"}, "evidence": [0],
                     "sectors": ["health"]},
                    {"type": "AGREE", "mode": "sign", "parties": ["IDN", "RUS"],
                     "agreement": "a1", "evidence": [1], "date": day("2021-07-06")},
                    {"type": "AID", "status": "failed", "parties": ["IDN", "RUS"],
                     "evidence": [2]}],
            agreements=[{"title": "accord sur les visas", "parties": ["IDN", "RUS"],
                         "status": "signed", "date": day("2021-07-06"), "evidence": [1]}],
            quantities=[{"value": 2.6e9, "unit": "USD", "parties": ["IDN", "RUS"],
                         "evidence": [2]}], mentions={"IDN": "Jakarta"}))
        opened.ingest_record(make_record(
            "b", ["Sans date ni publication, une demande a été faite."], None,
            events=[{"type": "REQUEST", "status": "requested", "parties": ["IDN"],
                     "evidence": [0]}]))
        yield opened


@pytest.mark.parametrize("table", sorted(TABLES))
@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_export_table_round_trips(store, tmp_path, table, fmt):
    path = tmp_path / f"{table}.{fmt}"
    count = export(store.con, fmt, path, table=table)
    sql, params = _source_sql(table, EventFilter())
    original = store.con.execute(sql, params).df()
    assert count == len(original) > 0
    pdt.assert_frame_equal(read_table(store.con, table, fmt, path), original)


def test_export_csv_has_lists_as_cells(store, tmp_path):
    path = tmp_path / "events.csv"
    export(store.con, "csv", path, table="events")
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    assert {r["parties"] for r in rows} == {"IDN;RUS", "IDN"}


def test_export_events_filtered(store, tmp_path):
    path = tmp_path / "rus.jsonl"
    assert export(store.con, "jsonl", path, filters=EventFilter(country="RUS")) == 3


def test_export_plover_records_validate(store):
    records = list(plover_records(store.con))
    assert len(records) == 3  # the undated request in an undated article is left out
    for record in records:
        assert validate_plover(record) == []
        assert set(record) == set(PLOVER_FIELDS)
    visit = next(r for r in records if r["event"] == "CONSULT")
    assert visit["actor"] == ["RUS"] and visit["recipient"] == ["IDN"]
    assert visit["text"] == "Lavrov a rencontré Marsudi à Jakarta."
    assert visit["quad_code"] == 1 and "status=done" in visit["comment"]


def test_export_plover_validation_catches_problems():
    problems = validate_plover({"id": "x", "date": "July", "event": "MEET", "extra": 1})
    assert any("unknown field 'extra'" in p for p in problems)
    assert any("missing field 'actor'" in p for p in problems)
    assert any("not a PLOVER type" in p for p in problems)
    assert any("not YYYY-MM-DD" in p for p in problems)


def test_export_gdelt_layout(store, tmp_path):
    path = tmp_path / "events.tsv"
    count = export(store.con, "gdelt", path)
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    assert header == list(GDELT_COLUMNS) and len(header) == 61
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:]]
    assert count == len(rows) == 2  # the failed act has no CAMEO code; the undated one no date
    visit = next(r for r in rows if r["EventRootCode"] == "04")
    assert visit["EventCode"] == "042" and visit["Actor1Code"] == "RUS"
    assert visit["Actor2Name"] == "Indonesia" and visit["SQLDATE"] == "20210706"
    assert visit["QuadClass"] == "1" and visit["ActionGeo_FullName"] == "Jakarta"
    for row in rows:
        assert all(row[c] == "" for c in GDELT_COLUMNS if c not in GDELT_FILLED)


@pytest.mark.parametrize("args, code", [
    (("CONSULT", "done", "phone", []), "041"), (("CONSULT", "planned", "visit", []), "036"),
    (("AGREE", "done", "sign", []), "057"), (("AGREE", "planned", "sign", []), "030"),
    (("COOPERATE", "done", None, ["defense"]), "062"), (("AID", "requested", None, []), "023"),
    (("SUPPORT", "done", None, []), "050"), (("AID", "failed", None, []), None),
])
def test_export_cameo_codes(args, code):
    assert cameo_code(*args) == code


def test_export_unknown_format_and_table(store, tmp_path):
    with pytest.raises(ExportError, match="unknown format"):
        export(store.con, "xml", tmp_path / "x")
    with pytest.raises(ExportError, match="unknown table"):
        export(store.con, "jsonl", tmp_path / "x", table="nope")


def test_export_plover_lines_are_json(store, tmp_path):
    path = tmp_path / "p.jsonl"
    export(store.con, "plover", path)
    assert all(json.loads(line)["id"].startswith("diplograph-E")
               for line in path.read_text().splitlines())


def test_export_plover_votes_once_per_report(tmp_path):
    """A report with many evidence sentences does not outvote the others."""
    from diplograph.store import open_store

    with open_store(tmp_path / "v.duckdb") as s:
        for name, event, sentences in (("a", "AGREE", 1), ("b", "AGREE", 1), ("c", "SUPPORT", 3)):
            text = [f"Phrase {n} de {name}." for n in range(sentences)]
            s.ingest_record(make_record(name, text, "2021-07-06", events=[
                {"type": "AGREE", "mode": "sign", "parties": ["IDN", "RUS"],
                 "date": day("2021-07-06"), "evidence": list(range(sentences)),
                 "plover": {"event": event, "mode": None, "context": []}}]))
        (record,) = list(plover_records(s.con))
    assert record["event"] == "AGREE"
