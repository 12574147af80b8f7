"""Exports of a store: its tables as JSONL, Parquet or CSV, and its merged
events as PLOVER JSON records or a GDELT 2.0-like tab-separated file.

Tables are written by DuckDB itself (fast on millions of rows); ``read_table``
reads an export back with the store's own column types, so a round trip can
be checked row for row.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from . import __version__
from .errors import DiplographError
from .knowledge import cameo_rules, countries, igos
from .store.queries import EventFilter
from .vocab import EVENT_TYPES, QUAD_CLASS

#: export name -> table in the store
TABLES = {
    "events": "merged_events",
    "event_reports": "events",
    "agreements": "merged_agreements",
    "agreement_reports": "agreements",
    "agreement_history": "agreement_status_history",
    "quantities": "quantities",
    "actors": "actors",
    "document_actors": "document_actors",
    "mentions": "mentions",
    "evidence": "evidence",
    "documents": "documents",
}
TABLE_FORMATS = ("jsonl", "parquet", "csv")
FORMATS = TABLE_FORMATS + ("plover", "gdelt")
_ORDER = {"agreement_status_history": "merged_id, position", "mentions": "doc_id, start",
          "evidence": "doc_id, item_id, start", "document_actors": "doc_id, actor_id"}


class ExportError(DiplographError):
    """An export that cannot be written; the message says why."""


def export(con: duckdb.DuckDBPyConnection, format: str, path: Path, table: str = "events",
           filters: EventFilter = EventFilter()) -> int:
    """Write one export; returns the number of records written."""
    if format not in FORMATS:
        raise ExportError(f"unknown format {format!r} (use {', '.join(FORMATS)})")
    if not path.parent.exists():
        raise ExportError(f"{path}: folder {path.parent} does not exist")
    if format == "plover":
        return _write_lines(path, (json.dumps(r, ensure_ascii=False)
                                   for r in plover_records(con, filters)))
    if format == "gdelt":
        return write_gdelt(con, path, filters)
    return export_table(con, table, format, path, filters)


def _source_sql(table: str, filters: EventFilter) -> tuple[str, list]:
    if table not in TABLES:
        raise ExportError(f"unknown table {table!r} (use {', '.join(TABLES)})")
    name = TABLES[table]
    if table == "events":
        where, params = filters.where()
        return f"SELECT * FROM merged_events m WHERE {where} ORDER BY m.id", params
    order = _ORDER.get(name, "id")
    return f"SELECT * FROM {name} ORDER BY {order}", []


def export_table(con: duckdb.DuckDBPyConnection, table: str, format: str, path: Path,
                 filters: EventFilter = EventFilter()) -> int:
    """One table (event filters apply to ``events``) as JSONL, Parquet or CSV."""
    sql, params = _source_sql(table, filters)
    cursor = con.cursor()
    if format == "csv":  # lists as 'a;b' cells, which spreadsheets read
        types = dict(cursor.execute(f"SELECT column_name, column_type FROM (DESCRIBE {sql})",
                                    params).fetchall())
        columns = ", ".join(f"array_to_string(\"{c}\", ';') AS \"{c}\"" if t.endswith("[]")
                            else f'"{c}"' for c, t in types.items())
        sql = f"SELECT {columns} FROM ({sql})"
    options = {"jsonl": "FORMAT json", "parquet": "FORMAT parquet, COMPRESSION zstd",
               "csv": "FORMAT csv, HEADER"}[format]
    target = str(path).replace("'", "''")
    try:
        cursor.execute(f"COPY ({sql}) TO '{target}' ({options})", params)
        return cursor.fetchall()[0][0]
    except duckdb.IOException as exc:
        raise ExportError(f"{path}: cannot write ({str(exc).splitlines()[0]})") from None


def read_table(con: duckdb.DuckDBPyConnection, table: str, format: str, path: Path
               ) -> pd.DataFrame:
    """Read a JSONL or Parquet export back with the store's column types."""
    name = TABLES[table]
    cursor = con.cursor()
    if format == "parquet":
        return cursor.execute("SELECT * FROM read_parquet(?)", [str(path)]).df()
    if format != "jsonl":
        raise ExportError(f"read back jsonl or parquet, not {format}")
    types = cursor.execute(f"SELECT column_name, column_type FROM (DESCRIBE {name})").fetchall()
    columns = "{" + ", ".join(f"'{c}': '{t}'" for c, t in types) + "}"
    return cursor.execute(f"SELECT * FROM read_json(?, format = 'newline_delimited', "
                          f"columns = {columns})", [str(path)]).df()


def _write_lines(path: Path, lines: Iterator[str]) -> int:
    count = 0
    try:
        with open(path, "w", encoding="utf-8") as out:
            for line in lines:
                out.write(line + "\n")
                count += 1
    except OSError as exc:
        raise ExportError(f"{path}: cannot write ({exc.strerror})") from None
    return count


# ---------------------------------------------------------------- shared by PLOVER and GDELT

def _merged_with_reports(con, filters: EventFilter) -> Iterator[dict[str, Any]]:
    """Merged events with their first report's text, document and plover coding."""
    where, params = filters.where()
    cursor = con.cursor()
    cursor.execute(f"""
        SELECT m.*, list(e.plover ORDER BY d.published_on NULLS LAST, e.seq) AS plovers,
               arg_min(e.id, e.seq) AS first_report,
               sum(coalesce(v.sentences, 0))::INTEGER AS mentions
        FROM merged_events m
        JOIN events e ON e.merged_id = m.id
        JOIN documents d ON d.id = e.doc_id
        LEFT JOIN (SELECT item_id, count(*) AS sentences FROM evidence GROUP BY item_id) v
               ON v.item_id = e.id
        WHERE {where} GROUP BY ALL ORDER BY m.id""", params)
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, row)) for row in cursor.fetchall()]
    if not rows:
        return
    firsts = {r["first_report"] for r in rows}
    cursor.execute("""SELECT e.id, d.name, d.url, d.source, d.title, d.language, d.published,
            v.start, v."end", v.sentence
        FROM events e JOIN documents d ON d.id = e.doc_id
        JOIN evidence v ON v.item_id = e.id
        WHERE list_contains(?, e.id) ORDER BY e.id, v.start""", [sorted(firsts)])
    first_evidence: dict[str, dict[str, Any]] = {}
    for row in cursor.fetchall():
        first_evidence.setdefault(row[0], dict(zip(
            ("id", "name", "url", "source", "title", "language", "published", "start", "end",
             "sentence"), row)))
    for row in rows:
        row["cite"] = first_evidence.get(row["first_report"], {})
        yield row


def _actor_name(code: str) -> str:
    return (countries().get(code) or {}).get("name") or igos().get(code) or code


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


# ---------------------------------------------------------------- PLOVER

#: The PLOVER record fields we write (PLOVER manual, "Record format"); the
#: ``required`` ones are always present and non-empty.
PLOVER_FIELDS: dict[str, dict[str, Any]] = {
    "id": {"type": str, "required": True},
    "date": {"type": str, "required": True},          # YYYY-MM-DD, start of the event
    "enddate": {"type": (str, type(None)), "required": False},
    "actor": {"type": list, "required": True},        # ISO3 / igo ids
    "recipient": {"type": list, "required": False},
    "event": {"type": str, "required": True},         # one of the 16 PLOVER types
    "mode": {"type": (str, type(None)), "required": False},
    "context": {"type": list, "required": False},
    "event_loc": {"type": (dict, type(None)), "required": False},
    "event_text": {"type": list, "required": False},
    "quad_code": {"type": int, "required": True},
    "text": {"type": str, "required": True},          # the evidence sentence
    "text_info": {"type": dict, "required": True},    # sequence, start, end, text_story
    "cite_info": {"type": dict, "required": True},    # url, title, language, publication, ...
    "coder": {"type": str, "required": True},
    "coded_date": {"type": str, "required": True},
    "comment": {"type": str, "required": False},
}


def plover_records(con: duckdb.DuckDBPyConnection, filters: EventFilter = EventFilter()
                   ) -> Iterator[dict[str, Any]]:
    """One PLOVER record per merged event, coded strictly (a planned visit is AGREE).

    PLOVER requires a date: events that neither the text nor the article dates
    are left out."""
    today = dt.date.today().isoformat()
    for row in _merged_with_reports(con, filters):
        if not (row["date_start"] or row["first_reported"]):
            continue
        plovers = [p for p in (json.loads(text) for text in row["plovers"] if text)
                   if isinstance(p, dict)]
        strict = Counter(p.get("event") for p in plovers if p.get("event")).most_common(1)
        event = strict[0][0] if strict else row["type"]
        contexts = sorted({c for p in plovers for c in p.get("context") or []})
        modes = Counter(p.get("mode") for p in plovers if p.get("mode")).most_common(1)
        cite = row["cite"]
        directed = bool(row["target"])
        yield {
            "id": f"diplograph-{row['id']}",
            "date": _iso(row["date_start"] or row["first_reported"]),
            "enddate": _iso(row["date_end"]) if row["date_end"] != row["date_start"] else None,
            "actor": list(row["source"] if directed else row["parties"]),
            "recipient": list(row["target"]),
            "event": event,
            "mode": modes[0][0] if modes else None,
            "context": contexts,
            "event_loc": {"name": row["location_name"], "country": row["location_country"]}
            if row["location_name"] else None,
            "event_text": [],
            "quad_code": QUAD_CLASS[event],
            "text": cite.get("sentence", ""),
            "text_info": {"sequence": 1, "start": cite.get("start"), "end": cite.get("end"),
                          "text_story": cite.get("name")},
            "cite_info": {"url": cite.get("url") or cite.get("source"),
                          "title": cite.get("title"), "language": cite.get("language"),
                          "publication": cite.get("published"), "license": None,
                          "coder": "diplograph", "codebook": "PLOVER 2.0 + diplograph record.md",
                          "version": __version__},
            "coder": f"diplograph {__version__}",
            "coded_date": today,
            "comment": f"status={row['status']}; type={row['type']}; "
                       f"sources={row['source_count']}",
        }


def validate_plover(record: dict[str, Any]) -> list[str]:
    """Problems with one PLOVER record (empty list: valid)."""
    problems = [f"unknown field {k!r}" for k in record if k not in PLOVER_FIELDS]
    for name, rule in PLOVER_FIELDS.items():
        if name not in record:
            problems.append(f"missing field {name!r}")
            continue
        value = record[name]
        if not isinstance(value, rule["type"]):
            problems.append(f"{name!r} has type {type(value).__name__}")
        elif rule["required"] and value in ("", [], {}):
            problems.append(f"{name!r} is empty")
    if record.get("event") not in EVENT_TYPES:
        problems.append(f"event {record.get('event')!r} is not a PLOVER type")
    if isinstance(record.get("date"), str):
        try:
            dt.date.fromisoformat(record["date"])
        except ValueError:
            problems.append(f"date {record['date']!r} is not YYYY-MM-DD")
    return problems


# ---------------------------------------------------------------- GDELT

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
#: the 61 columns of a GDELT 2.0 event row, in order
GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
       "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in _GEO] + [f"Actor2Geo_{c}" for c in _GEO]
    + [f"ActionGeo_{c}" for c in _GEO] + ["DATEADDED", "SOURCEURL"])
#: the columns diplograph fills; every other one is written empty
GDELT_FILLED = frozenset({
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code",
    "Actor1Name", "Actor1CountryCode", "Actor2Code", "Actor2Name", "Actor2CountryCode",
    "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "NumMentions", "NumSources",
    "NumArticles", "ActionGeo_FullName", "DATEADDED", "SOURCEURL"})


def cameo_code(event_type: str, status: str, mode: str | None, sectors: list[str]) -> str | None:
    """The CAMEO code for an event where the mapping is clear (cameo.yaml); failed
    acts have none."""
    if status == "failed":
        return None
    for rule in cameo_rules().get(event_type, []):
        if "default" in rule:
            return rule["default"]
        if "status" in rule and status not in rule["status"]:
            continue
        if "mode" in rule and mode not in rule["mode"]:
            continue
        if "sectors" in rule and not set(rule["sectors"]) & set(sectors):
            continue
        return rule["code"]
    return None


def gdelt_rows(con: duckdb.DuckDBPyConnection, filters: EventFilter = EventFilter()
               ) -> Iterator[list[Any]]:
    for row in _merged_with_reports(con, filters):
        code = cameo_code(row["type"], row["status"], row["mode"], list(row["sectors"]))
        if code is None:
            continue
        day = row["date_start"] or row["first_reported"]
        if day is None:
            continue
        actors = list(row["source"]) + list(row["target"]) if row["target"] \
            else list(row["parties"])
        first, second = (actors + [None, None])[:2]
        root = code[:2]
        cite = row["cite"]
        values = {
            "GLOBALEVENTID": row["id"],
            "SQLDATE": day.strftime("%Y%m%d"), "MonthYear": day.strftime("%Y%m"),
            "Year": day.year,
            "FractionDate": round(day.year + (day.timetuple().tm_yday - 1) / 365, 4),
            "Actor1Code": _cameo_actor(first), "Actor1Name": _actor_name(first) if first else "",
            "Actor1CountryCode": _cameo_actor(first),
            "Actor2Code": _cameo_actor(second),
            "Actor2Name": _actor_name(second) if second else "",
            "Actor2CountryCode": _cameo_actor(second),
            "EventCode": code, "EventBaseCode": code[:3], "EventRootCode": root,
            "QuadClass": _gdelt_quad(int(root)),
            "NumMentions": row["mentions"], "NumSources": row["source_count"],
            "NumArticles": row["source_count"],
            "ActionGeo_FullName": row["location_name"] or "",
            "DATEADDED": (row["first_reported"] or day).strftime("%Y%m%d") + "000000",
            "SOURCEURL": cite.get("url") or cite.get("source") or "",
        }
        yield [values.get(c, "") for c in GDELT_COLUMNS]


def _cameo_actor(code: str | None) -> str:
    """CAMEO country codes are ISO alpha-3; organisations have no clear code here."""
    return code if code and len(code) == 3 and code.isupper() else ""


def _gdelt_quad(root: int) -> int:
    """GDELT QuadClass from the CAMEO root: 01-05 verbal cooperation, 06-08 material
    cooperation, 09-13 verbal conflict, 14-20 material conflict."""
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def write_gdelt(con: duckdb.DuckDBPyConnection, path: Path,
                filters: EventFilter = EventFilter()) -> int:
    count = 0
    try:
        with open(path, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, delimiter="\t", lineterminator="\n")
            writer.writerow(GDELT_COLUMNS)
            for row in gdelt_rows(con, filters):
                writer.writerow(row)
                count += 1
    except OSError as exc:
        raise ExportError(f"{path}: cannot write ({exc.strerror})") from None
    return count
