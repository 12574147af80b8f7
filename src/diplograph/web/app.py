"""The application: one store owned by the server process, JSON routes under
/api, pages built from the same queries, one error shape.

The server opens the store for writing and keeps it: DuckDB lets one process
write a file, so ingesting goes through the server (``POST /api/ingest`` or the
upload page). Reads take their own cursor and see whole documents only, so
the dashboard keeps answering while articles are ingested; uploads are
extracted in another process (``ingesting``) and read answers are kept until
the store changes (``cache``). With ``read_only`` the store is shared: other
processes, and several server workers, read it at the same time.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable
from contextlib import asynccontextmanager
from pathlib import Path

import swagger_ui_bundle
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..store import QueryError, open_store
from ..store.queries import NotFound
from .cache import ResponseCache
from .guard import LOOPBACK_HOSTS, Guard

HERE = Path(__file__).parent
#: limits on uploads (per request)
MAX_FILES = 20
#: per file, and for pasted text (Starlette refuses form fields over 1 MB anyway)
MAX_FILE_BYTES = 1_000_000


#: the API docs: Swagger UI from its PyPI bundle, started by static/docs.js
_DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>diplograph API</title>
<link rel="icon" href="/docs-assets/favicon-32x32.png">
<link rel="stylesheet" href="/docs-assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs-assets/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script></body></html>
"""


def error_body(status: int, message: str, detail=None) -> dict:
    """The one error shape of the API: ``{"error": {"status", "message", "detail"}}``."""
    return {"error": {"status": status, "message": message, "detail": detail}}


def build_app(db_path=None, max_files: int = MAX_FILES,
              max_file_bytes: int = MAX_FILE_BYTES, allowed_hosts: Iterable[str] | None = None,
              token: str | None = None, token_required: bool = False,
              read_only: bool = False) -> FastAPI:
    """``allowed_hosts``: the names clients may use for this server (default:
    the loopback names); ``token``: lets a script write without coming from
    the server's pages; ``token_required``: every write needs it (a server
    reachable beyond loopback); ``read_only``: the store is only read, so
    several server processes may share it and uploads are refused. See ``guard``."""
    from . import api, pages

    store = open_store(db_path, read_only=read_only)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        store.close()  # the store outlives every request, not the server

    app = FastAPI(title="diplograph", version=__version__, docs_url=None, redoc_url=None,
                  lifespan=lifespan,
                  description="Evidence-linked records of international relations: merged "
                              "events, agreements with their status history, actors, "
                              "documents. Every page of the dashboard has a JSON twin here.")
    app.state.store = store
    app.state.limits = {"max_files": max_files, "max_file_bytes": max_file_bytes}
    app.state.token_required = token_required and token is not None
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    # Swagger UI from its PyPI bundle, served here: the docs work offline, no CDN
    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path),
              name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return HTMLResponse(_DOCS_PAGE)

    def respond(request: Request, status: int, message: str, detail=None):
        if request.url.path.startswith("/api") or request.url.path.startswith("/openapi"):
            return JSONResponse(error_body(status, message, detail), status_code=status)
        html = pages.render_error(request, status, message)
        return HTMLResponse(html, status_code=status)

    def refuse(scope, status: int, message: str):
        return respond(Request(scope), status, message)

    # the guard (added last, so outermost) sees every request before the cache
    app.add_middleware(ResponseCache, generation=lambda: store.generation)
    app.add_middleware(Guard, refuse=refuse, hosts=set(allowed_hosts or LOOPBACK_HOSTS),
                       token=token, token_required=token_required,
                       max_body=max_files * max_file_bytes + 64_000)

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError):
        return respond(request, 400, str(exc))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return respond(request, 404, str(exc.args[0]) if exc.args else "not found")

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = [{"where": ".".join(str(p) for p in e.get("loc", ())),
                     "message": e.get("msg", "")} for e in exc.errors()]
        first = problems[0] if problems else {"where": "", "message": "invalid request"}
        return respond(request, 422, f"{first['where']}: {first['message']}", problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return respond(request, exc.status_code, str(exc.detail))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception):  # still one shape, never a bare 500
        return respond(request, 500, f"internal error: {type(exc).__name__}")

    return app


#: how ``serve --workers N`` hands its settings to each worker process
SETTINGS_VARIABLE = "DIPLOGRAPH_SERVE_SETTINGS"


def app_from_environment() -> FastAPI:
    """The application of one of several server processes (uvicorn starts
    each from an import string, so settings travel in the environment)."""
    return build_app(**json.loads(os.environ[SETTINGS_VARIABLE]))
