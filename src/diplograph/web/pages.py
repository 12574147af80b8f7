"""Server-rendered pages. Each is built from the same query functions as its
JSON twin under /api (named at the foot of every page)."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote, urlencode
from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from ..store import queries
from ..store.queries import EventFilter, frame_records
from . import charts
from .api import Text, dyad_view, show_prefixed
from ..vocab import PENDING
from .highlight import marked_text, paragraph_with_evidence

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.globals["status_colours"] = charts.STATUS_COLOURS


def _page(request: Request, name: str, twin: str, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"twin": twin, **context})


def render_error(request: Request, status: int, message: str) -> str:
    return templates.get_template("error.html").render(
        request=request, status=status, message=message, twin=None)


@router.get("/colours.css", include_in_schema=False)
def colours() -> Response:
    """Badge colours as classes (the content policy allows no inline style),
    from the one palette the charts use."""
    palette = {**charts.STATUS_COLOURS, **charts.AGREEMENT_COLOURS}
    rules = "".join(f".status.s-{name} {{ background: {colour}; }}\n"
                    for name, colour in palette.items())
    return Response(rules, media_type="text/css",
                    headers={"cache-control": "public, max-age=3600"})


@router.get("/", response_class=HTMLResponse)
def overview(request: Request):
    store = request.app.state.store
    con = store.con
    dyads = frame_records(store.dyads(limit=40))
    activity = frame_records(queries.activity(con))
    sectors = frame_records(queries.sector_mix(con))
    return _page(request, "overview.html", "/api/stats", stats=store.stats(), dyads=dyads,
                 network=charts.network(dyads), activity=charts.columns(activity[-120:]),
                 sectors=charts.bars([(s["sector"], s["events"]) for s in sectors[:15]]),
                 latest=store.event_records(EventFilter(status="done"), limit=10))


@router.get("/dyad/{dyad}", response_class=HTMLResponse)
def dyad(request: Request, dyad: str):
    view = dyad_view(request.app.state.store, dyad)
    return _page(request, "dyad.html", f"/api/dyads/{view['dyad']}", view=view,
                 timeline=charts.timeline(view["events"]),
                 figures=charts.figures(view["quantities"]),
                 activity=charts.columns(view["activity"][-120:]),
                 sectors=charts.bars([(s["sector"], s["events"]) for s in view["sectors"][:12]]))


@router.get("/agreements", response_class=HTMLResponse)
def agreements(request: Request, country: Text = None, sector: Text = None,
               pending: bool = False):
    store = request.app.state.store
    rows = frame_records(store.agreements(country=country or None, sector=sector or None,
                                          pending=pending))
    queries.with_histories(store.con, rows)
    waiting = [r for r in rows if r["status"] in PENDING]
    done = [r for r in rows if r["status"] not in PENDING]
    query = urlencode({k: v for k, v in (("country", country), ("sector", sector),
                                         ("pending", "true" if pending else None)) if v})
    return _page(request, "agreements.html", f"/api/agreements?{query}", pending_rows=waiting,
                 settled_rows=done, country=country or "", sector=sector or "",
                 pending=pending)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: str):
    return _item(request, show_prefixed(request.app.state.store, event_id, "E"),
                 f"/api/events/{quote(event_id)}")


@router.get("/agreements/{agreement_id}", response_class=HTMLResponse)
def agreement(request: Request, agreement_id: str):
    return _item(request, show_prefixed(request.app.state.store, agreement_id, "A"),
                 f"/api/agreements/{quote(agreement_id)}")


def _item(request: Request, item: dict, twin: str) -> HTMLResponse:
    texts = queries.document_texts(request.app.state.store.con, item)
    for report in item["reports"]:
        report["shown"] = [paragraph_with_evidence(texts[report["doc_id"]], e["start"], e["end"])
                           for e in report["evidence"]]
    return _page(request, "item.html", twin, item=item)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document(request: Request, document_id: str):
    item = show_prefixed(request.app.state.store, document_id, "D")
    spans = [(e["start"], e["end"], e["item_kind"], e["item_id"]) for e in item["evidence"]]
    spans += [(m["start"], m["end"], "mention", m["actor_id"]) for m in item["mentions"]]
    record = request.app.state.store.con.cursor().execute(
        "SELECT record FROM documents WHERE id = ?", [item["id"]]).fetchall()[0][0]
    return _page(request, "document.html", f"/api/documents/{quote(document_id)}", item=item,
                 marked=marked_text(item["text"], spans),
                 record=json.dumps(json.loads(record), ensure_ascii=False, indent=2))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: Annotated[str, Query(max_length=200)] = ""):
    found = queries.search(request.app.state.store.con, q) if q.strip() else None
    return _page(request, "search.html", f"/api/search?{urlencode({'q': q})}", q=q, found=found)


@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request):
    return _page(request, "upload.html", "/api/ingest", results=None,
                 limits=request.app.state.limits,
                 read_only=request.app.state.store.read_only,
                 token_required=request.app.state.token_required)


@router.post("/upload", response_class=HTMLResponse)
def upload(request: Request, files: Annotated[list[UploadFile | str] | None, File()] = None,
           text: Annotated[str | None, Form()] = None,
           title: Annotated[str | None, Form()] = None,
           published: Annotated[str | None, Form()] = None,
           token: Annotated[str | None, Form(include_in_schema=False)] = None):
    from .ingesting import ingest_uploads

    # a form sent with no file chosen has an empty file field: a string, not a file
    files = [f for f in files or [] if not isinstance(f, str) and f.filename]
    outcome = ingest_uploads(request.app, files, text, title, published or None)
    return _page(request, "upload.html", "/api/ingest", results=outcome,
                 limits=request.app.state.limits,
                 token_required=request.app.state.token_required)
