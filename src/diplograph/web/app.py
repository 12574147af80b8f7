"""The application: one store owned by the server process, JSON routes under
/api, pages built from the same queries, one error shape.

The server opens the store for writing and keeps it: DuckDB lets one process
write a file, so ingesting goes through the server (``POST /api/ingest`` or the
upload page). Reads take their own cursor and see whole documents only, so
the dashboard keeps answering while articles are ingested.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit

import swagger_ui_bundle
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..store import QueryError, open_store
from ..store.queries import NotFound

HERE = Path(__file__).parent
#: limits on uploads (per request)
MAX_FILES = 20
#: per file, and for pasted text (Starlette refuses form fields over 1 MB anyway)
MAX_FILE_BYTES = 1_000_000


def error_body(status: int, message: str, detail=None) -> dict:
    """The one error shape of the API: ``{"error": {"status", "message", "detail"}}``."""
    return {"error": {"status": status, "message": message, "detail": detail}}


def build_app(db_path=None, max_files: int = MAX_FILES,
              max_file_bytes: int = MAX_FILE_BYTES) -> FastAPI:
    from . import api, pages

    store = open_store(db_path)

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
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    # Swagger UI from its PyPI bundle, served here: the docs work offline, no CDN
    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path),
              name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(openapi_url="/openapi.json", title="diplograph API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css",
                                   swagger_favicon_url="/docs-assets/favicon-32x32.png")

    @app.middleware("http")
    async def guard_writes(request: Request, call_next):
        """Posts are refused before they are read when they come from another
        site's page (the server writes to the store) or announce a body larger
        than the upload limits allow."""
        if request.method == "POST":
            origin = request.headers.get("origin")
            if origin and urlsplit(origin).netloc != request.headers.get("host"):
                return respond(request, 403, f"posts from {origin} are not accepted")
            size = request.headers.get("content-length")
            most = max_files * max_file_bytes + 64_000  # files plus form fields
            if size and size.isdigit() and int(size) > most:
                return respond(request, 413, f"request larger than {most} bytes")
        return await call_next(request)

    def respond(request: Request, status: int, message: str, detail=None):
        if request.url.path.startswith("/api") or request.url.path.startswith("/openapi"):
            return JSONResponse(error_body(status, message, detail), status_code=status)
        html = pages.render_error(request, status, message)
        return HTMLResponse(html, status_code=status)

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
