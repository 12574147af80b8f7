"""The store: an embedded DuckDB file holding every article, every extracted
item with its evidence, and the merged events and agreements across articles.

    with open_store("diplograph.duckdb") as store:
        store.ingest(records)
        store.events(EventFilter(dyad="IDN-RUS"))

One process writes at a time (DuckDB locks the file); readers open it
``read_only`` when no writer holds it.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from ..errors import DiplographError
from ..types import Record
from . import queries
from .queries import EventFilter, QueryError
from .schema import applied_migrations, known_migrations, migrate
from .writer import WriteResult, content_hash, write_record

__all__ = ["Store", "open_store", "default_db_path", "EventFilter", "QueryError",
           "WriteResult", "StoreError", "content_hash"]

DEFAULT_DB = "diplograph.duckdb"


class StoreError(DiplographError):
    """The store file cannot be opened or is not a diplograph store."""


def default_db_path() -> Path:
    """``$DIPLOGRAPH_DB`` if set, else ``diplograph.duckdb`` in the current folder."""
    return Path(os.environ.get("DIPLOGRAPH_DB") or DEFAULT_DB)


class Store:
    """A diplograph store; use :func:`open_store`."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, read_only: bool):
        self.con = con
        self.path = path
        self.read_only = read_only
        # one writer at a time on its own cursor, so readers on other threads
        # (a web server answering while it ingests) see only whole documents
        self._write_lock = threading.Lock()
        self._writer: duckdb.DuckDBPyConnection | None = None
        #: counts finished writes, so that answers computed from the store
        #: can be kept until it changes (see ``web.cache``)
        self.generation = 0

    # -- lifecycle
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def migrations(self) -> list[str]:
        return applied_migrations(self.con)

    # -- writing
    def ingest_record(self, record: Record | dict[str, Any]) -> WriteResult:
        """Store one record (a :class:`Record` or its ``to_dict()``) unless its text is
        already stored. One transaction: a crash leaves the document whole or absent."""
        data = record.to_dict() if isinstance(record, Record) else record
        with self._write_lock:
            if self._writer is None:
                self._writer = self.con.cursor()
            try:
                return write_record(self._writer, data)
            finally:
                self.generation += 1

    def stored_document_id(self, text: str) -> str | None:
        """The id of the stored document with this text (as normalised for
        dedupe), if any: lets ingest skip a known document before parsing it."""
        found = self.con.cursor().execute("SELECT id FROM documents WHERE content_hash = ?",
                                          [content_hash(text)]).fetchall()
        return found[0][0] if found else None

    def ingest(self, records: Iterable[Record | dict[str, Any]]) -> Iterator[WriteResult]:
        for record in records:
            yield self.ingest_record(record)

    # -- reading
    def events(self, filters: EventFilter = EventFilter(), limit: int | None = 50,
               offset: int = 0) -> pd.DataFrame:
        return queries.events(self.con, filters, limit, offset)

    def event_records(self, filters: EventFilter = EventFilter(), limit: int | None = 50,
                      offset: int = 0) -> list[dict[str, Any]]:
        """:meth:`events` as JSON-ready dicts."""
        return queries.event_records(self.con, filters, limit, offset)

    def count_events(self, filters: EventFilter = EventFilter()) -> int:
        return queries.count_events(self.con, filters)

    def agreements(self, **filters: Any) -> pd.DataFrame:
        return queries.agreements(self.con, **filters)

    def actors(self, **filters: Any) -> pd.DataFrame:
        return queries.actors(self.con, **filters)

    def quantities(self, **filters: Any) -> pd.DataFrame:
        return queries.quantities(self.con, **filters)

    def dyads(self, limit: int | None = 20) -> pd.DataFrame:
        return queries.dyads(self.con, limit)

    def stats(self) -> dict[str, Any]:
        return queries.stats(self.con)

    def show(self, item_id: str) -> dict[str, Any]:
        return queries.show(self.con, item_id)

    def integrity_problems(self) -> list[str]:
        """Empty when every document is whole and every item is merged and cited."""
        return queries.integrity_problems(self.con)


def _check_migrations(path: Path, applied: list[str]) -> None:
    """A store read as is must be at this version's schema, neither older nor newer."""
    known = [m.name for m in known_migrations()]
    if not applied:
        raise StoreError(f"{path}: not a diplograph store (no migrations recorded)")
    if unknown := sorted(set(applied) - set(known)):
        raise StoreError(f"{path}: made by a newer diplograph (migration {unknown[0]}); "
                         "upgrade diplograph to read it")
    if missing := [name for name in known if name not in applied]:
        raise StoreError(f"{path}: made by an older diplograph (needs {missing[0]}); open it "
                         "once for writing (e.g. `diplograph ingest` or `serve`) to migrate it")


def open_store(path: str | Path | None = None, read_only: bool = False) -> Store:
    """Open (and create or migrate, unless ``read_only``) a store file."""
    path = Path(path) if path else default_db_path()
    if read_only and not path.exists():
        raise StoreError(f"{path}: no store here (create one with `diplograph ingest`)")
    if not read_only and path.parent and not path.parent.exists():
        raise StoreError(f"{path}: folder {path.parent} does not exist")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as exc:
        reason = "in use by another process (a running ingest or server?)" \
            if "Conflicting lock" in str(exc) else str(exc).splitlines()[0]
        raise StoreError(f"{path}: cannot open the store: {reason}") from None
    except duckdb.Error as exc:
        raise StoreError(f"{path}: not a DuckDB store ({str(exc).splitlines()[0]})") from None
    try:
        if read_only:
            _check_migrations(path, applied_migrations(con))
        else:
            migrate(con)
    except duckdb.Error as exc:
        con.close()
        raise StoreError(f"{path}: cannot prepare the store ({str(exc).splitlines()[0]})") \
            from None
    return Store(con, path, read_only)
