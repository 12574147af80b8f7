"""JSON routes: the same query functions as the CLI and the pages."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile

from ..store import queries
from ..store.queries import EventFilter, NotFound, frame_records

router = APIRouter(prefix="/api", tags=["api"])

Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
Text = Annotated[str | None, Query(max_length=200)]


def _store(request: Request):
    return request.app.state.store


def event_filter(country: Text = None, dyad: Text = None, type: Text = None,
                 status: Text = None, sector: Text = None, since: Text = None,
                 until: Text = None, q: Text = None) -> EventFilter:
    return EventFilter(country=country, dyad=dyad, type=type, status=status, sector=sector,
                       since=since, until=until, q=q)


def _page(items: list, total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/events", summary="Merged events, newest first, with the CLI's filters")
def list_events(request: Request, country: Text = None, dyad: Text = None, type: Text = None,
                status: Text = None, sector: Text = None, since: Text = None,
                until: Text = None, q: Text = None, limit: Limit = 50, offset: Offset = 0):
    store = _store(request)
    filters = event_filter(country, dyad, type, status, sector, since, until, q)
    items = store.event_records(filters, limit=limit, offset=offset)
    return _page(items, store.count_events(filters), limit, offset)


@router.get("/events/{event_id}", summary="One merged event with every report and its evidence")
def get_event(request: Request, event_id: str):
    return _shown(request, event_id, "E")


@router.get("/agreements", summary="Merged agreements with their current status")
def list_agreements(request: Request, status: Text = None, pending: bool = False,
                    country: Text = None, sector: Text = None, limit: Limit = 50,
                    offset: Offset = 0):
    frame = _store(request).agreements(status=status, pending=pending, country=country,
                                       sector=sector)
    rows = frame_records(frame)
    return _page(rows[offset:offset + limit], len(rows), limit, offset)


@router.get("/agreements/{agreement_id}", summary="One agreement with its status history")
def get_agreement(request: Request, agreement_id: str):
    return _shown(request, agreement_id, "A")


@router.get("/actors", summary="States, people and organisations with how often they appear")
def list_actors(request: Request, kind: Text = None, country: Text = None,
                limit: Limit = 50, offset: Offset = 0):
    rows = frame_records(_store(request).actors(kind=kind, country=country))
    return _page(rows[offset:offset + limit], len(rows), limit, offset)


@router.get("/dyads", summary="Pairs by number of merged events")
def list_dyads(request: Request, limit: Limit = 50):
    rows = frame_records(_store(request).dyads(limit=limit))
    return {"total": len(rows), "limit": limit, "offset": 0, "items": rows}


@router.get("/dyads/{dyad}", summary="One pair: events, agreements, figures and people")
def get_dyad(request: Request, dyad: str, limit: Limit = 200):
    return dyad_view(_store(request), dyad, limit)


def dyad_view(store, dyad: str, limit: int = 200) -> dict[str, Any]:
    """Everything the dyad page shows, from the store's queries."""
    con = store.con
    pair = "-".join(queries._dyad(dyad))
    events = store.event_records(EventFilter(dyad=pair), limit=limit)
    days = dict(con.cursor().execute(
        "SELECT id, sort_day FROM merged_events WHERE list_contains(?, id)",
        [[e["id"] for e in events]]).fetchall())
    for event in events:
        day = days.get(event["id"])
        event["sort_day"] = day.isoformat() if day else None
    agreements = queries.with_histories(con, frame_records(queries.dyad_agreements(con, pair)))
    return {"dyad": pair, "total_events": store.count_events(EventFilter(dyad=pair)),
            "events": events, "agreements": agreements,
            "quantities": frame_records(store.quantities(dyad=pair)),
            "people": frame_records(queries.dyad_people(con, pair)),
            "activity": frame_records(queries.activity(con, pair)),
            "sectors": frame_records(queries.sector_mix(con, pair))}


@router.get("/documents/{document_id}", summary="One article with every extracted item")
def get_document(request: Request, document_id: str):
    return _shown(request, document_id, "D")


@router.get("/stats", summary="Counts of everything stored")
def get_stats(request: Request):
    return _store(request).stats()


@router.get("/search", summary="Articles and actors matching words")
def search(request: Request, q: Annotated[str, Query(min_length=1, max_length=200)],
           limit: Limit = 50):
    return queries.search(_store(request).con, q, limit)


def _shown(request: Request, item_id: str, prefix: str) -> dict[str, Any]:
    return show_prefixed(_store(request), item_id, prefix)


def show_prefixed(store, item_id: str, prefix: str) -> dict[str, Any]:
    """One item, refusing ids of another kind (E… on the agreements route)."""
    if not item_id[:1].upper() == prefix:
        raise NotFound(f"no such id {item_id!r} here (ids on this route start with {prefix})")
    return store.show(item_id)


@router.post("/ingest", summary="Extract and store pasted text or uploaded files")
def ingest(request: Request, files: Annotated[list[UploadFile] | None, File()] = None,
           text: Annotated[str | None, Form(max_length=1_000_000)] = None,
           title: Annotated[str | None, Form(max_length=500)] = None,
           published: Annotated[str | None, Form(max_length=10)] = None):
    """Each file (text, HTML, JSONL) or the pasted text is extracted and stored in
    its own transaction; errors are given per file. Runs while the dashboard keeps
    answering."""
    from .ingesting import ingest_uploads

    return ingest_uploads(request.app, files or [], text, title, published)
