"""CLI verbs over the store: ingest, events, agreements, actors, show, stats, export.

Each verb is a thin wrapper over a library function in ``diplograph.store`` or
``diplograph.export``; ``cli.py`` registers them on the ``diplograph`` app.
"""
from __future__ import annotations

import csv
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import duckdb
import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from .cli_options import LangOpt, SkipUnsupportedOpt, WorkersOpt
from .types import Rejection

err = Console(stderr=True)


def _out() -> Console:
    """Standard output, created per call so colour settings follow the environment."""
    return Console()

DbOpt = Annotated[Optional[Path], typer.Option(
    "--db", help="Store file; default $DIPLOGRAPH_DB, else ./diplograph.duckdb.",
    show_default=False)]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")]
CountryOpt = Annotated[Optional[str], typer.Option("--country", help="ISO alpha-3 party, e.g. RUS.")]
SectorOpt = Annotated[Optional[str], typer.Option("--sector", help="A sector, e.g. health.")]


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[red]error[/red] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _open(db: Path | None, read_only: bool = True):
    from .store import StoreError, open_store

    try:
        return open_store(db, read_only=read_only)
    except StoreError as exc:
        raise _fail(str(exc))


def _cell(value: Any, separator: str = ", ") -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return separator.join(str(v) for v in value)
    return str(value)


def _print_frame(frame, format: str, title: str | None = None) -> None:
    """Query rows as a rich table, JSON records or CSV (lists as a;b) on stdout."""
    from .store.queries import frame_records

    if format not in ("table", "json", "csv"):
        raise _fail(f"--format must be table, json or csv; got {format!r}")
    rows = frame_records(frame)
    if format == "json":
        print(json.dumps(rows, ensure_ascii=False))
    elif format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(frame.columns)
        writer.writerows([_cell(v, ";") for v in row.values()] for row in rows)
    else:
        table = Table(title=title, title_justify="left", show_lines=False)
        for column in frame.columns:
            table.add_column(str(column), overflow="fold")
        for row in rows:
            table.add_row(*(Text(_cell(v)) for v in row.values()))  # values, not markup
        _out().print(table)


# ---------------------------------------------------------------- ingest

def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (.txt, .html, .jsonl).",
                                                show_default=False)],
    db: DbOpt = None,
    published: Annotated[Optional[str], typer.Option(
        "--published", help="Publication date YYYY-MM-DD for every input.")] = None,
    lang: LangOpt = "auto",
    max_bytes: Annotated[int, typer.Option("--max-bytes", help="Reject files larger than this.")
                         ] = 5_000_000,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="One line per document.")
                       ] = False,
    skip_unsupported: SkipUnsupportedOpt = False,
    workers: WorkersOpt = 1,
) -> None:
    """Extract articles and store them; the same text ingested twice changes nothing.

    Each document is written in one transaction, so an interrupted run leaves
    only whole documents. Events and agreements reported by several articles
    are merged as they arrive."""
    from .cli import _records, _report, exit_status
    from .extract import internal_error
    from .periods import is_iso_day

    if published and not is_iso_day(published):
        raise typer.BadParameter("expected YYYY-MM-DD", param_hint="--published")
    rejected: list[Rejection] = []
    stored = skipped = 0
    with _open(db, read_only=False) as store:
        def known(document) -> bool:  # already stored: not worth parsing again
            nonlocal skipped
            doc_id = store.stored_document_id(document.text)
            if doc_id and verbose:
                err.print(f"already stored {doc_id} {escape(document.source)}", highlight=False)
            skipped += doc_id is not None
            return doc_id is not None

        for record in _records(paths, lang, published, max_bytes, rejected,
                               skip_unsupported=skip_unsupported, known=known,
                               workers=workers):
            try:
                result = store.ingest_record(record)
            except duckdb.Error as exc:  # this document is rolled back; the others go on
                reason = f"cannot store: {str(exc).splitlines()[0]}"
                rejected.append(Rejection(record.document.source, reason))
                _report(rejected[-1])
                if _store_unwritable(exc):
                    err.print(f"[red]stopped[/red]: the store cannot be written any more "
                              f"({escape(_store_unwritable(exc))}); the {stored} documents "
                              "stored so far stay stored. Free space and run again: they are "
                              "skipped.", highlight=False, soft_wrap=True)
                    break
                continue
            except Exception as exc:  # noqa: BLE001 - a bug costs its document only
                rejected.append(internal_error(record.document.source, exc))
                _report(rejected[-1])
                continue
            stored += result.stored
            skipped += not result.stored
            if verbose:
                state = "stored" if result.stored else "already stored"
                err.print(f"{state} {result.doc_id} {escape(record.document.source)}",
                          highlight=False)
        facts = store.stats()
    err.print(f"{stored} stored, {skipped} already stored, {len(rejected)} rejected · "
              f"store {escape(str(store.path))}: {facts['documents']} documents, {facts['events']} events "
              f"(from {facts['events_reported']} reports), {facts['agreements']} agreements",
              highlight=False)
    raise typer.Exit(exit_status(rejected))


def _store_unwritable(exc: Exception) -> str | None:
    """Why no later document can be written either (a full disk, a store
    DuckDB gave up on), or None when only this document failed."""
    message = str(exc)
    for cause in ("No space left on device", "Disk quota exceeded", "Read-only file system"):
        if cause in message:
            return cause.lower()
    if isinstance(exc, duckdb.FatalException) or "database has been invalidated" in message:
        return "DuckDB closed the store after an error"
    return None


# ---------------------------------------------------------------- queries

def events(
    db: DbOpt = None,
    country: CountryOpt = None,
    dyad: Annotated[Optional[str], typer.Option("--dyad", help="Two parties, e.g. IDN-RUS.")
                    ] = None,
    type: Annotated[Optional[str], typer.Option("--type", help="PLOVER type, e.g. CONSULT.")
                    ] = None,
    status: Annotated[Optional[str], typer.Option(
        "--status", help="done, ongoing, planned, proposed, requested or failed.")] = None,
    sector: SectorOpt = None,
    since: Annotated[Optional[str], typer.Option("--since", help="From this date (YYYY[-MM[-DD]]).")
                     ] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Up to this date.")] = None,
    q: Annotated[Optional[str], typer.Option("--q", help="Words in an evidence sentence (case and accents ignored).")
                 ] = None,
    limit: Annotated[int, typer.Option("--limit", min=0, help="At most this many (0: all).")
                     ] = 50,
    format: FormatOpt = "table",
) -> None:
    """List merged events (one per real event, with how many articles report it)."""
    from .store import EventFilter, QueryError

    filters = EventFilter(country=country, dyad=dyad, type=type, status=status, sector=sector,
                          since=since, until=until, q=q)
    with _open(db) as store:
        try:
            frame = store.events(filters, limit=limit or None)
            total = store.count_events(filters)
        except QueryError as exc:
            raise _fail(str(exc))
    if format == "table":  # the columns that fit a terminal; json and csv have them all
        frame = frame[["id", "date", "type", "mode", "status", "parties", "sectors",
                       "location", "source_count"]].rename(columns={"source_count": "sources"})
    _print_frame(frame, format, title=f"{len(frame)} of {total} events")


def agreements(
    db: DbOpt = None,
    status: Annotated[Optional[str], typer.Option(
        "--status", help="proposed, negotiating, finalizing, agreed, signed, in_force, abandoned."
    )] = None,
    pending: Annotated[bool, typer.Option("--pending", help="Only those not yet signed.")
                       ] = False,
    country: CountryOpt = None,
    sector: SectorOpt = None,
    format: FormatOpt = "table",
) -> None:
    """List agreements with their current status and how long pending ones have waited."""
    from .store import QueryError

    with _open(db) as store:
        try:
            frame = store.agreements(status=status, pending=pending, country=country,
                                     sector=sector)
        except QueryError as exc:
            raise _fail(str(exc))
    _print_frame(frame, format, title=f"{len(frame)} agreements")


def actors(
    db: DbOpt = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="state, person, igo or org.")
                    ] = None,
    country: CountryOpt = None,
    format: FormatOpt = "table",
) -> None:
    """List states, people and organisations with how many articles name them."""
    from .store import QueryError

    with _open(db) as store:
        try:
            frame = store.actors(kind=kind, country=country)
        except QueryError as exc:
            raise _fail(str(exc))
    _print_frame(frame, format, title=f"{len(frame)} actors")


def show(
    item_id: Annotated[str, typer.Argument(help="E… (event), A… (agreement) or D… (document).",
                                           show_default=False)],
    db: DbOpt = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Show one event, agreement or document with its evidence sentences highlighted."""
    from .store import QueryError, queries

    with _open(db) as store:
        try:
            item = store.show(item_id)
        except QueryError as exc:
            raise _fail(str(exc))
        texts = queries.document_texts(store.con, item)
    if format == "json":
        print(json.dumps(item, ensure_ascii=False, indent=2, default=str))
        return
    from .showing import render_item

    render_item(item, texts, _out())


def stats(
    db: DbOpt = None,
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Counts, then the busiest dyads, pending agreements, latest events and figures."""
    with _open(db) as store:
        facts = store.stats()
        if format == "json":
            print(json.dumps(facts, ensure_ascii=False, indent=2))
            return
        from .showing import render_summary

        render_summary(store, facts, _out())


def export(
    format: Annotated[str, typer.Option("--format", "-f",
                                        help="jsonl, parquet, csv, plover or gdelt.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="File to write.")],
    db: DbOpt = None,
    table: Annotated[str, typer.Option(
        "--table", help="For jsonl/parquet/csv: events, event_reports, agreements, "
        "agreement_reports, agreement_history, quantities, actors, document_actors, "
        "mentions, evidence or documents.")] = "events",
    country: CountryOpt = None,
    dyad: Annotated[Optional[str], typer.Option("--dyad", help="Only events of this pair.")
                    ] = None,
    since: Annotated[Optional[str], typer.Option("--since", help="Only events from this date.")
                     ] = None,
    until: Annotated[Optional[str], typer.Option("--until", help="Only events up to this date.")
                     ] = None,
) -> None:
    """Export the store: a table as JSONL/Parquet/CSV, or events as PLOVER or GDELT rows."""
    from .export import ExportError
    from .export import export as run_export
    from .store import EventFilter, QueryError

    filters = EventFilter(country=country, dyad=dyad, since=since, until=until)
    if table != "events" and format in ("jsonl", "parquet", "csv") and filters != EventFilter():
        raise _fail("--country, --dyad, --since and --until filter events: use them with "
                    "--table events (the default), plover or gdelt")
    with _open(db) as store:
        try:
            count = run_export(store.con, format, output, table=table, filters=filters)
        except (ExportError, QueryError) as exc:
            raise _fail(str(exc))
    what = table if format in ("jsonl", "parquet", "csv") else "events"
    err.print(f"wrote {count} {what} records to {output}", highlight=False)


def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option("--host", help="Address to bind; 0.0.0.0 opens it to "
                                                      "the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
    create: Annotated[bool, typer.Option(
        "--create", help="Start an empty store when the file does not exist yet.")] = False,
    token: Annotated[Optional[str], typer.Option(
        "--token", envvar="DIPLOGRAPH_TOKEN", show_default=False,
        help="Secret that scripts send (header x-diplograph-token) to write; default: a "
             "new one, printed at start.")] = None,
    allow_host: Annotated[Optional[list[str]], typer.Option(
        "--allow-host", help="A name clients reach the server by (repeatable); loopback "
                             "names are always allowed.")] = None,
    read_only: Annotated[bool, typer.Option(
        "--read-only", help="Only read the store: other programs (a notebook, "
                            "`diplograph events`) may read it too; uploads are refused.")] = False,
    workers: Annotated[int, typer.Option(
        "--workers", min=1, help="Server processes answering requests; more than one "
                                 "needs --read-only (one process writes a store).")] = 1,
) -> None:
    """Serve the web dashboard and the JSON API (docs at /docs) over a store.

    The server owns the store while it runs: add articles through the upload
    page or POST /api/ingest, and the dashboard keeps answering meanwhile.
    Writes need the token unless they come from the dashboard's own pages on
    loopback; beyond loopback every write needs it."""
    import secrets

    from .store import StoreError, default_db_path
    from .web import WebUnavailable, create_app
    from .web.guard import LOOPBACK_HOSTS

    path = Path(db) if db else default_db_path()
    if workers > 1 and not read_only:
        raise _fail("--workers above 1 needs --read-only: DuckDB lets one process write a "
                    "store, so only a store that is read can be shared by several processes")
    if read_only and create:
        raise _fail("--create makes a new store, which --read-only cannot: use one of them")
    if not create and not path.exists():  # a typo must not serve an empty store
        raise _fail(f"{path}: no store here; ingest articles first (`diplograph ingest ... "
                    f"--db {path}`) or pass --create to start an empty one")
    loopback = host in LOOPBACK_HOSTS or host.startswith("127.")
    hosts = set(LOOPBACK_HOSTS) | set(allow_host or [])
    if host not in ("0.0.0.0", "::"):
        hosts.add(host)
    shown = "given by --token or DIPLOGRAPH_TOKEN" if token else None
    token = token or secrets.token_urlsafe(18)
    settings = {"db_path": str(path), "allowed_hosts": sorted(hosts), "token": token,
                "token_required": not loopback, "read_only": read_only}
    try:
        app = create_app(**settings)
    except (WebUnavailable, StoreError) as exc:
        raise _fail(str(exc))
    import uvicorn

    err.print(f"diplograph dashboard on http://{host}:{port}/ (API docs at /docs)",
              highlight=False)
    err.print(f"write token: {shown or token} (header x-diplograph-token)", highlight=False)
    if not loopback:
        err.print(f"[yellow]warning[/yellow]: listening beyond loopback on {escape(host)}: "
                  "anyone who can reach it can read the store, and every write needs the "
                  f"token. Clients must use one of these names: {', '.join(sorted(hosts))} "
                  "(add yours with --allow-host).", highlight=False, soft_wrap=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    from .web.app import SETTINGS_VARIABLE

    app.state.store.close()  # checked; each worker opens its own read-only connection
    os.environ[SETTINGS_VARIABLE] = json.dumps(settings)
    err.print(f"{workers} worker processes, store read-only", highlight=False)
    uvicorn.run("diplograph.web.app:app_from_environment", factory=True, workers=workers,
                host=host, port=port, log_level="warning")


VERBS = (ingest, events, agreements, actors, show, stats, export, serve)
