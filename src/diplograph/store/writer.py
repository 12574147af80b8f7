"""Write one record (record.md) into the store, in one transaction, and bring
the merged events and agreements it touches up to date."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import duckdb

from ..periods import first_day, last_day
from . import merge


@dataclass(frozen=True)
class WriteResult:
    doc_id: str  # the store's id (D<n>)
    name: str  # the record's doc_id
    stored: bool  # False: the same text was already stored
    events: int = 0
    agreements: int = 0
    quantities: int = 0


def content_hash(text: str) -> str:
    """What tells two documents apart: the hash of the normalised text."""
    return raw_hash(normalised_text(text))


def raw_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalised_text(text: str) -> str:
    """The text with what copying changes undone: Unicode NFC, LF line ends,
    no spaces or tabs ending a line, no blank start or end. Migration 0004
    computes the same in SQL for documents stored before it."""
    text = unicodedata.normalize("NFC", text)
    text = _LINE_END_SPACES.sub("\n", _LINE_ENDS.sub("\n", text))
    return text.strip(" \t\n")


_LINE_ENDS = re.compile(r"\r\n?")
_LINE_END_SPACES = re.compile(r"[ \t]+\n")


def write_record(con: duckdb.DuckDBPyConnection, record: dict[str, Any]) -> WriteResult:
    """Store a record unless its text is already stored; all or nothing."""
    digest = content_hash(record["text"])
    con.execute("BEGIN TRANSACTION")
    try:
        found = con.execute("SELECT id FROM documents WHERE content_hash = ?",
                            [digest]).fetchall()
        if found:
            con.execute("ROLLBACK")
            return WriteResult(found[0][0], record["doc_id"], stored=False)
        doc_id = "D%d" % con.execute("SELECT nextval('document_seq')").fetchall()[0][0]
        published_on = first_day(record.get("published"))
        _insert_document(con, doc_id, digest, record, published_on)
        _insert_actors(con, doc_id, record["actors"])
        _insert_agreements(con, doc_id, record["agreements"])
        _insert_events(con, doc_id, record["events"])
        _insert_quantities(con, doc_id, record["quantities"], published_on)
        keys = {_parties_key(e["parties"]) for e in record["events"]}
        keys |= {_parties_key(a["parties"]) for a in record["agreements"]}
        remerge(con, keys)
        con.execute("COMMIT")
    except BaseException:
        _roll_back(con)
        raise
    return WriteResult(doc_id, record["doc_id"], True, len(record["events"]),
                       len(record["agreements"]), len(record["quantities"]))


def _roll_back(con: duckdb.DuckDBPyConnection) -> None:
    """Undo the open transaction; when the failure already ended it (a full
    disk does), the failure, not the rollback, is what the user must read."""
    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass


def _json(value: Any) -> str:
    """Compact JSON, the form DuckDB writes back, so exports re-read equal."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _parties_key(parties: list[str]) -> str:
    return "-".join(sorted(parties))


def _insert_document(con, doc_id: str, digest: str, record: dict, published_on) -> None:
    con.execute(
        "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [doc_id, digest, record["doc_id"], record.get("source"), record.get("url"),
         record.get("title"), record.get("language"), record.get("published"), published_on,
         record.get("published_basis"), record["text"], _json(record),
         dt.datetime.now(), raw_hash(record["text"])])


def _insert_actors(con, doc_id: str, actors: list[dict]) -> None:
    for actor in actors:
        con.execute(
            """INSERT INTO actors VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET
               country = coalesce(excluded.country, actors.country),
               role = coalesce(excluded.role, actors.role)""",
            [actor["id"], actor["kind"], actor["name"], actor.get("country"), actor.get("role")])
        con.execute("INSERT INTO document_actors VALUES (?, ?, ?, ?)",
                    [doc_id, actor["id"], actor.get("country"), actor.get("role")])
        rows = [[doc_id, actor["id"], m["start"], m["end"], m["text"]]
                for m in actor.get("mentions", [])]
        if rows:
            con.executemany("INSERT INTO mentions VALUES (?, ?, ?, ?, ?)", rows)


def _date_columns(date: dict | None) -> list:
    if not date:
        return [None, None, None, None, None]
    value = date.get("value")
    return [value, date.get("granularity"), date.get("text"), first_day(value),
            last_day(date.get("end") or value)]


def _insert_evidence(con, doc_id: str, kind: str, item_id: str, evidence: list[dict]) -> None:
    rows = [[doc_id, kind, item_id, e["start"], e["end"], e["sentence"]] for e in evidence]
    if rows:
        con.executemany("""INSERT INTO evidence (doc_id, item_kind, item_id, start, "end",
            sentence, folded) VALUES (?, ?, ?, ?, ?, ?, lower(strip_accents(?)))""",
                        [[*row, row[-1]] for row in rows])


def _insert_agreements(con, doc_id: str, agreements: list[dict]) -> None:
    for agreement in agreements:
        item_id = f"{doc_id}:{agreement['id']}"
        period = agreement.get("period") or {}
        date = _date_columns(agreement.get("date"))
        con.execute(
            "INSERT INTO agreements VALUES (?, nextval('item_seq'), ?, ?, NULL, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?)",
            [item_id, doc_id, agreement["id"], agreement["title"],
             agreement.get("kind"), sorted(agreement["parties"]),
             _parties_key(agreement["parties"]), agreement.get("sectors") or [],
             agreement["status"], *date[:4], period.get("start"), period.get("end")])
        _insert_evidence(con, doc_id, "agreement", item_id, agreement["evidence"])


def _insert_events(con, doc_id: str, events: list[dict]) -> None:
    for event in events:
        item_id = f"{doc_id}:{event['id']}"
        location = event.get("location") or {}
        agreement = f"{doc_id}:{event['agreement']}" if event.get("agreement") else None
        con.execute(
            "INSERT INTO events VALUES (?, nextval('item_seq'), ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [item_id, doc_id, event["id"], event["type"], event.get("mode"),
             event["status"], event.get("source") or [], event.get("target") or [],
             sorted(event["parties"]), _parties_key(event["parties"]),
             event.get("people") or [], event.get("sectors") or [],
             *_date_columns(event.get("date")), location.get("name"), location.get("country"),
             agreement, _json(event.get("plover")), event.get("confidence")])
        _insert_evidence(con, doc_id, "event", item_id, event["evidence"])


def _insert_quantities(con, doc_id: str, quantities: list[dict], published_on) -> None:
    for number, quantity in enumerate(quantities, 1):
        item_id = f"{doc_id}:q{number}"
        period = quantity.get("period") or {}
        con.execute(
            "INSERT INTO quantities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [item_id, doc_id, quantity["value"], quantity["unit"], quantity.get("measure"),
             quantity.get("kind"), sorted(quantity.get("parties") or []), quantity.get("per"),
             period.get("start"), period.get("end"), quantity.get("status"),
             quantity.get("text"), published_on])
        _insert_evidence(con, doc_id, "quantity", item_id, quantity["evidence"])


# ---------------------------------------------------------------- merging

def remerge(con: duckdb.DuckDBPyConnection, parties_keys: set[str]) -> None:
    """Recompute the merged agreements, then the merged events, of these party sets.

    All agreements go first: an act about one agreement never merges with an
    act about another, so events need the merged agreement ids."""
    for key in sorted(parties_keys):
        _remerge_agreements(con, key)
    # events of these parties, and events elsewhere that concern their agreements
    groups = con.execute("""SELECT DISTINCT e.type, e.parties_key FROM events e
        LEFT JOIN agreements a ON a.id = e.agreement_id
        WHERE list_contains(?, e.parties_key) OR list_contains(?, a.parties_key)
        ORDER BY 1, 2""", [sorted(parties_keys), sorted(parties_keys)]).fetchall()
    for event_type, key in groups:
        _remerge_events(con, event_type, key)


def _rows(con, sql: str, params: list) -> list[dict]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _remerge_agreements(con, key: str) -> None:
    rows = _rows(con, """
        SELECT a.*, d.published_on, d.language FROM agreements a
        JOIN documents d ON d.id = a.doc_id WHERE a.parties_key = ?""", [key])
    old = [r[0] for r in con.execute(
        "SELECT id FROM merged_agreements WHERE parties_key = ?", [key]).fetchall()]
    if old:
        con.execute("DELETE FROM agreement_status_history WHERE list_contains(?, merged_id)",
                    [old])
        con.execute("DELETE FROM merged_agreements WHERE parties_key = ?", [key])
    by_id = {r["id"]: r for r in rows}
    reports = [merge.AgreementReport(
        id=r["id"], seq=r["seq"], doc_id=r["doc_id"], title=r["title"], kind=r["kind"],
        parties_key=key, status=r["status"], date_start=r["date_start"],
        granularity=r["date_granularity"], published_on=r["published_on"],
        language=r["language"], sectors=frozenset(r["sectors"] or ())) for r in rows]
    for group in merge.cluster_agreements(reports):
        merged_id = "A%d" % min(r.seq for r in group)
        history = merge.status_history(group)
        latest = history[-1]
        members = [by_id[r.id] for r in group]
        signed = [e.on_date for e in history if e.status in ("signed", "in_force") and e.on_date]
        dates = [e.on_date for e in history if e.on_date]
        title = max((m["title"] for m in members), key=len)
        con.execute(
            "INSERT INTO merged_agreements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [merged_id, title, merge.most_common(m["kind"] for m in members),
             members[0]["parties"], key, sorted({s for m in members for s in m["sectors"]}),
             latest.status, _status_since(history), min(dates, default=None),
             max(dates, default=None), min(signed, default=None),
             len({m["doc_id"] for m in members})])
        con.executemany(
            "INSERT INTO agreement_status_history VALUES (?, ?, ?, ?, ?, ?, ?)",
            [[merged_id, e.report.id, e.report.doc_id, e.status, e.on_date, e.basis, position]
             for position, e in enumerate(history, 1)])
        con.execute("UPDATE agreements SET merged_id = ? WHERE list_contains(?, id)",
                    [merged_id, [r.id for r in group]])


def _status_since(history: list[merge.HistoryEntry]):
    """The first date of the run of the latest status (since when it stands there)."""
    changes = merge.status_changes(history)
    return changes[-1].on_date if changes else None


def _remerge_events(con, event_type: str, key: str) -> None:
    rows = _rows(con, """
        SELECT e.*, d.published_on, a.merged_id AS merged_agreement FROM events e
        JOIN documents d ON d.id = e.doc_id LEFT JOIN agreements a ON a.id = e.agreement_id
        WHERE e.type = ? AND e.parties_key = ?""", [event_type, key])
    con.execute("DELETE FROM merged_events WHERE type = ? AND parties_key = ?",
                [event_type, key])
    by_id = {r["id"]: r for r in rows}
    side_of = _countries(con, {p for r in rows for p in r["people"]})
    reports = [merge.EventReport(
        id=r["id"], seq=r["seq"], doc_id=r["doc_id"], type=r["type"], mode=r["mode"],
        status=r["status"], parties_key=key, people=frozenset(r["people"]),
        date_start=r["date_start"], date_end=r["date_end"], granularity=r["date_granularity"],
        published_on=r["published_on"], location_country=r["location_country"],
        agreement=r["merged_agreement"], side_of=side_of) for r in rows]
    for group in merge.cluster_events(reports):
        members = [by_id[r.id] for r in group]
        merged_id = "E%d" % min(m["seq"] for m in members)
        dated = _best_dated(members)
        reported = [m["published_on"] for m in members if m["published_on"]]
        con.execute(
            "INSERT INTO merged_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?, ?, ?, ?, ?, ?)",
            [merged_id, event_type, merge.most_common(m["mode"] for m in members),
             group[0].status, *_direction(members), members[0]["parties"], key,  # one status
             sorted({p for m in members for p in m["people"]}),
             sorted({s for m in members for s in m["sectors"]}),
             dated["date_value"] if dated else None,
             dated["date_granularity"] if dated else None,
             dated["date_start"] if dated else None, dated["date_end"] if dated else None,
             merge.most_common(m["location_name"] for m in members),
             merge.most_common(m["location_country"] for m in members),
             min(reported, default=None), max(reported, default=None),
             len({m["doc_id"] for m in members}), len(members),
             max((m["confidence"] or 0.0) for m in members),
             dated["date_start"] if dated else min(reported, default=None),
             min(m["seq"] for m in members), _sector_text(members)])
        con.execute("UPDATE events SET merged_id = ? WHERE list_contains(?, id)",
                    [merged_id, [m["id"] for m in members]])


def _countries(con, people: set[str]) -> dict[str, str | None]:
    """The country of each person, as the store knows it."""
    if not people:
        return {}
    return dict(con.execute("SELECT id, country FROM actors WHERE list_contains(?, id)",
                            [sorted(people)]).fetchall())


def _sector_text(members: list[dict]) -> str:
    """",trade,health,": what the sector filter scans (migration 0003)."""
    return "," + ",".join(sorted({s for m in members for s in m["sectors"]})) + ","


_PRECISION = {"day": 0, "month": 1, "period": 2, "year": 3}


def _best_dated(members: list[dict]) -> dict | None:
    """The most precise date the reports give, the most common among equals."""
    dated = [m for m in members if m["date_start"]]
    if not dated:
        return None
    best = min(_PRECISION.get(m["date_granularity"], 4) for m in dated)
    finest = [m for m in dated if _PRECISION.get(m["date_granularity"], 4) == best]
    value = merge.most_common(m["date_value"] for m in finest)
    return next(m for m in finest if m["date_value"] == value)


def _direction(members: list[dict]) -> tuple[list[str], list[str]]:
    """Who acts and who receives, as most reports tell it (both from one report)."""
    tellings = [(tuple(m["source"]), tuple(m["target"])) for m in members]
    told = [t for t in tellings if t[1]] or tellings
    source, target = merge.most_common(told) or ((), ())
    return list(source), list(target)
