"""Read the store: filters shared by the CLI, the Python API and the web.

Every list query returns a pandas DataFrame; ``show_*`` return plain dicts
(JSON-ready) for one item with its sources and evidence.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from ..errors import DiplographError
from ..periods import first_day, last_day
from ..vocab import AGREEMENT_LIFECYCLE as AGREEMENT_STATUSES
from ..vocab import COOPERATIVE, EVENT_STATUSES, EVENT_TYPES, PENDING
from .merge import first_of_each_run


class QueryError(DiplographError):
    """A filter value that cannot be used; the message says what is expected."""


class NotFound(QueryError, LookupError):
    """No item with that id in this store."""


class _Conditions:
    """SQL conditions joined by AND, with their parameters in order."""

    def __init__(self, *params: Any):
        self.clauses: list[str] = []
        self.params: list[Any] = list(params)

    def add(self, clause: str, *values: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(values)

    @property
    def sql(self) -> str:
        return " AND ".join(self.clauses) or "TRUE"


@dataclass(frozen=True)
class EventFilter:
    """The filters every event listing accepts (CLI, API, pages)."""

    country: str | None = None
    dyad: str | None = None
    type: str | None = None
    status: str | None = None
    sector: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """SQL conditions over ``merged_events m`` and their parameters."""
        c = _Conditions()
        if self.country:
            c.add("list_contains(m.parties, ?)", _country(self.country))
        if self.dyad:  # two list_contains: ten times faster than list_has_all
            c.add("list_contains(m.parties, ?) AND list_contains(m.parties, ?)",
                  *_dyad(self.dyad))
        if self.type:
            c.add("m.type = ?", _choice(self.type.upper(), EVENT_TYPES, "type"))
        if self.status:
            c.add("m.status = ?", _choice(self.status.lower(), EVENT_STATUSES, "status"))
        if self.sector:  # a substring of ",trade,health,": faster than list_contains
            c.add("contains(m.sector_text, ?)", f",{self.sector.strip().lower()},")
        if self.since:
            c.add("coalesce(m.date_end, m.sort_day) >= ?", _date(self.since, "since", first_day))
        if self.until:
            c.add("m.sort_day <= ?", _date(self.until, "until", last_day))
        if self.q:
            c.add("""m.id IN (SELECT e.merged_id FROM events e JOIN evidence v
                ON v.item_id = e.id WHERE contains(v.folded, lower(strip_accents(?))))""",
                  self.q.strip())
        return c.sql, c.params


def like_pattern(words: str) -> str:
    """An ILIKE pattern matching the words literally (% and _ are not wildcards)."""
    escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _country(code: str) -> str:
    code = code.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise QueryError(f"country must be an ISO 3166 alpha-3 code such as RUS, got {code!r}")
    return code


def _dyad(value: str) -> list[str]:
    parts = re.split(r"[-_/,]", value.strip())
    if len(parts) != 2:
        raise QueryError(f"dyad must be two country codes such as IDN-RUS, got {value!r}")
    return sorted(_country(p) for p in parts)


def _choice(value: str, allowed: tuple[str, ...], name: str) -> str:
    if value not in allowed:
        raise QueryError(f"{name} must be one of {', '.join(allowed)}; got {value!r}")
    return value


def _date(value: str, name: str, bound) -> dt.date:
    day = bound(value.strip())
    if day is None:
        raise QueryError(f"{name} must be a date YYYY, YYYY-MM or YYYY-MM-DD; got {value!r}")
    return day


def _frame(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> pd.DataFrame:
    return con.cursor().execute(sql, params).df()


_EVENT_COLUMNS = """m.id, m.date_value AS date, m.type, m.mode, m.status, m.parties, m.source,
    m.target, m.sectors, m.people, m.location_name AS location, m.source_count,
    m.first_reported, m.last_reported, m.confidence"""


def events(con: duckdb.DuckDBPyConnection, filters: EventFilter = EventFilter(),
           limit: int | None = 50, offset: int = 0) -> pd.DataFrame:
    """Merged events, newest first (by the event's date, else when first reported)."""
    cursor = con.cursor()
    return cursor.execute(_EVENTS_OF_PAGE, [_page_ids(cursor, filters, limit, offset)]).df()


def event_records(con: duckdb.DuckDBPyConnection, filters: EventFilter = EventFilter(),
                  limit: int | None = 50, offset: int = 0) -> list[dict[str, Any]]:
    """The rows of :func:`events` as JSON-ready dicts, without a DataFrame in
    between (the web's hot path: the frame would cost as much as the query)."""
    cursor = con.cursor()
    cursor.execute(_EVENTS_OF_PAGE, [_page_ids(cursor, filters, limit, offset)])
    names = [d[0] for d in cursor.description]
    return [{k: plain_value(v) for k, v in zip(names, row)} for row in cursor.fetchall()]


_NEWEST_FIRST = "ORDER BY m.sort_day DESC NULLS LAST, m.seq DESC"
_EVENTS_OF_PAGE = (f"SELECT {_EVENT_COLUMNS} FROM merged_events m "
                   f"WHERE list_contains(?, m.id) {_NEWEST_FIRST}")


def _page_ids(cursor, filters: EventFilter, limit: int | None, offset: int) -> list[str]:
    """The page is chosen on narrow columns; only its rows are then read whole."""
    where, params = filters.where()
    page = f" LIMIT {int(limit)} OFFSET {int(offset)}" if limit is not None else ""
    return [row[0] for row in cursor.execute(
        f"SELECT m.id FROM merged_events m WHERE {where} {_NEWEST_FIRST}{page}",
        params).fetchall()]


def count_events(con: duckdb.DuckDBPyConnection, filters: EventFilter = EventFilter()) -> int:
    where, params = filters.where()
    return con.cursor().execute(f"SELECT count(*) FROM merged_events m WHERE {where}",
                                params).fetchall()[0][0]


def agreements(con: duckdb.DuckDBPyConnection, status: str | None = None,
               pending: bool = False, country: str | None = None, sector: str | None = None,
               today: dt.date | None = None) -> pd.DataFrame:
    """Merged agreements with their current status; ``pending`` keeps the unsigned ones
    and says for how many days each has been pending."""
    c = _Conditions(today or dt.date.today())
    if status:
        c.add("a.status = ?", _choice(status.lower(), AGREEMENT_STATUSES, "status"))
    if pending:
        c.add("list_contains(?, a.status)", list(PENDING))
    if country:
        c.add("list_contains(a.parties, ?)", _country(country))
    if sector:
        c.add("list_contains(a.sectors, ?)", sector.lower())
    return _frame(con, f"""SELECT a.id, a.title, a.kind, a.parties, a.sectors, a.status,
            a.status_since, a.first_seen, a.signed_on, a.source_count,
            CASE WHEN list_contains({list(PENDING)!r}, a.status)
                 THEN date_diff('day', a.first_seen, ?::DATE) END AS pending_days
        FROM merged_agreements a WHERE {c.sql}
        ORDER BY a.first_seen DESC NULLS LAST, a.id""", c.params)


def actors(con: duckdb.DuckDBPyConnection, kind: str | None = None,
           country: str | None = None) -> pd.DataFrame:
    """Every actor with how many articles name it and how often."""
    c = _Conditions()
    if kind:
        c.add("a.kind = ?", kind.lower())
    if country:
        c.add("a.country = ?", _country(country))
    return _frame(con, f"""SELECT a.id, a.kind, a.name, a.country, a.role,
            count(DISTINCT da.doc_id) AS documents,
            (SELECT count(*) FROM mentions x WHERE x.actor_id = a.id) AS mentions
        FROM actors a LEFT JOIN document_actors da ON da.actor_id = a.id
        WHERE {c.sql}
        GROUP BY ALL ORDER BY documents DESC, mentions DESC, a.id""", c.params)


def quantities(con: duckdb.DuckDBPyConnection, dyad: str | None = None,
               country: str | None = None) -> pd.DataFrame:
    """Figures tied to their parties, with the article date they were reported on."""
    c = _Conditions()
    if dyad:
        c.add("list_contains(q.parties, ?) AND list_contains(q.parties, ?)", *_dyad(dyad))
    if country:
        c.add("list_contains(q.parties, ?)", _country(country))
    return _frame(con, f"""SELECT q.id, q.reported_on, q.parties, q.measure, q.kind, q.value,
            q.unit, q.per, q.period_start, q.period_end, q.status, q.text, q.doc_id
        FROM quantities q WHERE {c.sql}
        ORDER BY q.reported_on DESC NULLS LAST, q.id""", c.params)


def dyads(con: duckdb.DuckDBPyConnection, limit: int | None = 20) -> pd.DataFrame:
    """Pairs of states by how many merged events they share (events between a
    state and an organisation are listed under the state, not as a pair)."""
    page = f" LIMIT {int(limit)}" if limit is not None else ""
    cooperative = sorted(COOPERATIVE)
    return _frame(con, f"""SELECT parties_key AS dyad, count(*) AS events,
            count(*) FILTER (WHERE list_contains(?, type)) AS cooperative,
            count(*) FILTER (WHERE NOT list_contains(?, type)) AS conflictual,
            sum(source_count)::INTEGER AS reports, max(last_reported) AS last_reported
        FROM merged_events
        WHERE len(parties) = 2 AND regexp_full_match(parties_key, '[A-Z]{{3}}-[A-Z]{{3}}')
        GROUP BY parties_key ORDER BY events DESC, dyad{page}""", [cooperative, cooperative])


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Counts of everything stored, and the span of dates covered."""
    cursor = con.cursor()

    def one(sql: str):
        return cursor.execute(sql).fetchall()[0][0]

    first, last = cursor.execute(
        "SELECT min(published_on), max(published_on) FROM documents").fetchall()[0]
    return {
        "documents": one("SELECT count(*) FROM documents"),
        "events_reported": one("SELECT count(*) FROM events"),
        "events": one("SELECT count(*) FROM merged_events"),
        "events_with_several_sources": one(
            "SELECT count(*) FROM merged_events WHERE source_count > 1"),
        "agreements_reported": one("SELECT count(*) FROM agreements"),
        "agreements": one("SELECT count(*) FROM merged_agreements"),
        "agreements_pending": one(
            f"SELECT count(*) FROM merged_agreements WHERE list_contains({list(PENDING)!r}, "
            "status)"),
        "quantities": one("SELECT count(*) FROM quantities"),
        "actors": one("SELECT count(*) FROM actors"),
        "first_published": first.isoformat() if first else None,
        "last_published": last.isoformat() if last else None,
        "events_by_type": dict(cursor.execute(
            "SELECT type, count(*) FROM merged_events GROUP BY type ORDER BY 2 DESC, 1"
        ).fetchall()),
        "events_by_status": dict(cursor.execute(
            "SELECT status, count(*) FROM merged_events GROUP BY status ORDER BY 2 DESC, 1"
        ).fetchall()),
    }


# ---------------------------------------------------------------- one item

def show(con: duckdb.DuckDBPyConnection, item_id: str) -> dict[str, Any]:
    """An event (E…), agreement (A…) or document (D…) with its sources."""
    item_id = item_id.strip()
    kind = item_id[:1].upper()
    if kind == "E":
        return show_event(con, item_id.upper())
    if kind == "A":
        return show_agreement(con, item_id.upper())
    if kind == "D":
        return show_document(con, item_id.upper())
    raise QueryError(f"unknown id {item_id!r}: ids start with E (event), A (agreement) "
                     "or D (document)")


def _records(cursor, sql: str, params: list) -> list[dict[str, Any]]:
    cursor.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [{k: _plain(v) for k, v in zip(names, row)} for row in cursor.fetchall()]


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _one(cursor, sql: str, params: list, what: str) -> dict[str, Any]:
    rows = _records(cursor, sql, params)
    if not rows:
        raise NotFound(f"no {what} {params[0]!r} in this store")
    return rows[0]


def _reports(cursor, table: str, merged_id: str) -> list[dict[str, Any]]:
    """The articles' own items merged into one record, with their evidence."""
    reports = _records(cursor, f"""SELECT x.*, d.name AS document_name, d.title AS document_title,
            d.published AS document_published, d.source AS document_source, d.url AS url
        FROM {table} x JOIN documents d ON d.id = x.doc_id WHERE x.merged_id = ?
        ORDER BY d.published_on NULLS LAST, x.seq""", [merged_id])
    for report in reports:
        report["evidence"] = _records(cursor, """SELECT start, "end", sentence FROM evidence
            WHERE item_id = ? ORDER BY start""", [report["id"]])
    return reports


def show_event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any]:
    cursor = con.cursor()
    event = _one(cursor, "SELECT * FROM merged_events WHERE id = ?", [event_id], "event")
    event["kind"] = "event"
    event["reports"] = _reports(cursor, "events", event_id)
    return event


def show_agreement(con: duckdb.DuckDBPyConnection, agreement_id: str) -> dict[str, Any]:
    cursor = con.cursor()
    agreement = _one(cursor, "SELECT * FROM merged_agreements WHERE id = ?", [agreement_id],
                     "agreement")
    agreement["kind"] = "agreement"
    agreement["history"] = _records(cursor, """SELECT h.status, h.on_date, h.date_basis,
            h.doc_id, d.name AS document_name, h.agreement_id
        FROM agreement_status_history h JOIN documents d ON d.id = h.doc_id
        WHERE h.merged_id = ? ORDER BY h.position""", [agreement_id])
    agreement["reports"] = _reports(cursor, "agreements", agreement_id)
    agreement["events"] = _records(cursor, """SELECT DISTINCT e.merged_id AS id, e.type,
            e.status FROM events e JOIN agreements a ON a.id = e.agreement_id
        WHERE a.merged_id = ? ORDER BY 1""", [agreement_id])
    return agreement


def show_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any]:
    cursor = con.cursor()
    document = _one(cursor, """SELECT id, name, source, url, title, language, published,
            published_basis, text, ingested_at FROM documents WHERE id = ?""", [doc_id],
                    "document")
    document["kind"] = "document"
    document["events"] = _records(cursor, """SELECT id, merged_id, type, status, date_value
        FROM events WHERE doc_id = ? ORDER BY seq""", [doc_id])
    document["agreements"] = _records(cursor, """SELECT id, merged_id, title, status
        FROM agreements WHERE doc_id = ? ORDER BY seq""", [doc_id])
    document["evidence"] = _records(cursor, """SELECT item_kind, item_id, start, "end", sentence
        FROM evidence WHERE doc_id = ? ORDER BY start""", [doc_id])
    document["mentions"] = _records(cursor, """SELECT actor_id, start, "end", text
        FROM mentions WHERE doc_id = ? ORDER BY start""", [doc_id])
    return document


def integrity_problems(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Documents whose rows do not match their stored record (a half-written
    document would show here), and items left out of every merged record."""
    cursor = con.cursor()
    checks = {
        "events": "json_array_length(d.record->'events')",
        "agreements": "json_array_length(d.record->'agreements')",
        "quantities": "json_array_length(d.record->'quantities')",
    }
    problems = []
    for table, expected in checks.items():
        for doc_id, want, have in cursor.execute(f"""
                SELECT d.id, {expected}, (SELECT count(*) FROM {table} x WHERE x.doc_id = d.id)
                FROM documents d WHERE {expected} <> (SELECT count(*) FROM {table} x
                                                     WHERE x.doc_id = d.id)""").fetchall():
            problems.append(f"{doc_id}: {have} {table} stored, record has {want}")
    for table in ("events", "agreements"):
        for (item,) in cursor.execute(
                f"SELECT id FROM {table} WHERE merged_id IS NULL").fetchall():
            problems.append(f"{item}: not in any merged record")
    for (item,) in cursor.execute("""SELECT x.id FROM (SELECT id FROM events UNION ALL
            SELECT id FROM agreements UNION ALL SELECT id FROM quantities) x
            WHERE x.id NOT IN (SELECT item_id FROM evidence)""").fetchall():
        problems.append(f"{item}: no evidence")
    for (doc_id,) in cursor.execute("""SELECT DISTINCT doc_id FROM (
            SELECT doc_id FROM events UNION ALL SELECT doc_id FROM evidence
            UNION ALL SELECT doc_id FROM mentions) WHERE doc_id NOT IN
            (SELECT id FROM documents)""").fetchall():
        problems.append(f"{doc_id}: rows without their document")
    return problems


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A query's rows as JSON-ready dicts: dates as ISO strings, lists as lists,
    missing values as None (one conversion for the CLI and the web)."""
    return [{k: plain_value(v) for k, v in row.items()} for row in frame.to_dict("records")]


def plain_value(value: Any) -> Any:
    if value is None:
        return None
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        value = value.tolist()  # numpy arrays and scalars
    if isinstance(value, list):
        return [plain_value(v) for v in value]
    if isinstance(value, pd.Timestamp) or isinstance(value, dt.datetime):
        if pd.isna(value):
            return None
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value != value:  # NaN
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    return value


# ---------------------------------------------------------------- dashboard figures

def activity(con: duckdb.DuckDBPyConnection, dyad: str | None = None) -> pd.DataFrame:
    """Merged events per month (by the day each is listed under), split by the
    cooperative and conflictual sides of PLOVER."""
    c = _Conditions(sorted(COOPERATIVE))
    c.add("m.sort_day IS NOT NULL")
    if dyad:
        c.add("list_contains(m.parties, ?) AND list_contains(m.parties, ?)", *_dyad(dyad))
    return _frame(con, f"""SELECT strftime(m.sort_day, '%Y-%m') AS month,
            count(*) FILTER (WHERE list_contains(?, m.type)) AS cooperative,
            count(*) AS events
        FROM merged_events m WHERE {c.sql} GROUP BY 1 ORDER BY 1""", c.params)


def sector_mix(con: duckdb.DuckDBPyConnection, dyad: str | None = None) -> pd.DataFrame:
    """How many merged events name each sector."""
    c = _Conditions()
    if dyad:
        c.add("list_contains(m.parties, ?) AND list_contains(m.parties, ?)", *_dyad(dyad))
    return _frame(con, f"""SELECT sector, count(*) AS events
        FROM (SELECT unnest(m.sectors) AS sector FROM merged_events m WHERE {c.sql})
        GROUP BY 1 ORDER BY 2 DESC, 1""", c.params)


def dyad_people(con: duckdb.DuckDBPyConnection, dyad: str) -> pd.DataFrame:
    """The people in a pair's events, with their role and side."""
    a, b = _dyad(dyad)
    return _frame(con, """SELECT p.person AS id, coalesce(x.name, p.person) AS name, x.role,
            x.country, count(*) AS events
        FROM (SELECT unnest(m.people) AS person FROM merged_events m
              WHERE list_contains(m.parties, ?) AND list_contains(m.parties, ?)) p
        LEFT JOIN actors x ON x.id = p.person
        GROUP BY ALL ORDER BY events DESC, name""", [a, b])


def dyad_agreements(con: duckdb.DuckDBPyConnection, dyad: str) -> pd.DataFrame:
    a, b = _dyad(dyad)
    return _frame(con, """SELECT id, title, kind, status, status_since, first_seen, signed_on,
            source_count FROM merged_agreements
        WHERE list_contains(parties, ?) AND list_contains(parties, ?)
        ORDER BY first_seen NULLS LAST, id""", [a, b])


def agreement_histories(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, list]:
    """Status changes per merged agreement, in order."""
    rows = con.cursor().execute("""SELECT merged_id, status, on_date FROM agreement_status_history
        WHERE list_contains(?, merged_id) ORDER BY merged_id, position""", [ids]).fetchall()
    out: dict[str, list] = {}
    for merged_id, status, on_date in rows:
        out.setdefault(merged_id, []).append(
            {"status": status, "on_date": on_date.isoformat() if on_date else None})
    return {k: first_of_each_run(v, lambda h: h["status"]) for k, v in out.items()}


def with_histories(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> list[dict]:
    """Agreement rows, each given its ``history`` of status changes."""
    histories = agreement_histories(con, [r["id"] for r in rows])
    for row in rows:
        row["history"] = histories.get(row["id"], [])
    return rows


def document_texts(con: duckdb.DuckDBPyConnection, item: dict[str, Any]) -> dict[str, str]:
    """The texts of the articles an item's reports come from, by document id
    (to show each evidence sentence in its paragraph)."""
    ids = sorted({r["doc_id"] for r in item.get("reports", [])})
    return dict(con.cursor().execute(
        "SELECT id, text FROM documents WHERE list_contains(?, id)", [ids]).fetchall())


def search(con: duckdb.DuckDBPyConnection, q: str, limit: int = 50) -> dict[str, Any]:
    """Articles whose title or text, and actors whose name or id, contain the words."""
    q = q.strip()
    if not q:
        raise QueryError("q must not be empty")
    pattern = like_pattern(q)
    cursor = con.cursor()
    documents = _records(cursor, """SELECT id, name, title, published, source,
            CASE WHEN position(lower(?) IN lower(text)) > 0
                 THEN substr(text, greatest(1, position(lower(?) IN lower(text)) - 80), 200)
            END AS snippet
        FROM documents WHERE title ILIKE ? ESCAPE '\\' OR text ILIKE ? ESCAPE '\\'
        ORDER BY published_on DESC NULLS LAST, id LIMIT ?""", [q, q, pattern, pattern, limit])
    actors_found = _records(cursor, """SELECT id, kind, name, country, role FROM actors
        WHERE name ILIKE ? ESCAPE '\\' OR id ILIKE ? ESCAPE '\\' ORDER BY kind, name LIMIT ?""",
                            [pattern, pattern, limit])
    return {"q": q, "documents": documents, "actors": actors_found}
