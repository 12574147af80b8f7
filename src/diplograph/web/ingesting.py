"""Uploads: files or pasted text, extracted and stored by the server (which owns
the store), with a result per file and limits on size and count."""
from __future__ import annotations

import logging
import re
import tempfile
import threading
from pathlib import Path
from typing import Any

import duckdb
from fastapi import HTTPException, UploadFile

from ..extract import extract, internal_error
from ..ingest import iter_inputs
from ..periods import is_iso_day
from ..types import Rejection

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
_log = logging.getLogger(__name__)


def ingest_uploads(app, files: list[UploadFile], text: str | None, title: str | None,
                   published: str | None) -> dict[str, Any]:
    limits = app.state.limits
    if published and not is_iso_day(published):
        raise HTTPException(422, f"published must be YYYY-MM-DD, got {published!r}")
    if not files and not (text and text.strip()):
        raise HTTPException(400, "nothing to ingest: send files or text")
    if len(files) > limits["max_files"]:
        raise HTTPException(413, f"at most {limits['max_files']} files per request")
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number, upload in enumerate(files):
            name = _safe_name(upload.filename or f"upload-{number}.txt")
            data = upload.file.read(limits["max_file_bytes"] + 1)
            if len(data) > limits["max_file_bytes"]:
                results.append(_rejected(name, f"larger than {limits['max_file_bytes']} bytes"))
                continue
            if not name.lower().endswith(SUFFIXES):
                results.append(_rejected(name, "unsupported file type (use .txt, .html or "
                                               ".jsonl)"))
                continue
            path = Path(folder) / f"{number:02d}-{name}"
            path.write_bytes(data)
            paths.append(path)
        if text and text.strip():
            pasted = (title.strip() + "\n\n" if title and title.strip() else "") + text
            if len(pasted.encode("utf-8")) > limits["max_file_bytes"]:
                results.append(_rejected("pasted text",
                                         f"larger than {limits['max_file_bytes']} bytes"))
            else:
                path = Path(folder) / "pasted.txt"
                path.write_text(pasted, encoding="utf-8")
                paths.append(path)
        results.extend(_store_all(app.state.store, paths, published, folder))
    return {"results": results,
            "stored": sum(r["status"] == "stored" for r in results),
            "rejected": sum(r["status"] == "rejected" for r in results)}


#: one extraction at a time: spaCy on two cores gains nothing from more, and
#: the readers of the dashboard keep the other core
_EXTRACTING = threading.Lock()


def _store_all(store, paths: list[Path], published: str | None, folder: str) -> list[dict]:
    with _EXTRACTING:
        return list(_extract_and_store(store, paths, published, folder))


def _extract_and_store(store, paths: list[Path], published: str | None, folder: str):
    items = iter_inputs(paths, max_bytes=10**9)
    for outcome in extract(items, published=published):
        if isinstance(outcome, Rejection):
            if outcome.trace:
                _log.error("extracting %s failed\n%s", outcome.source, outcome.trace)
            yield _rejected(_shown_name(outcome.source, folder), outcome.reason)
            continue
        try:
            written = store.ingest_record(outcome)
        except duckdb.Error as exc:  # this file is rolled back; the others go on
            yield _rejected(_shown_name(outcome.document.source, folder),
                            f"cannot store: {str(exc).splitlines()[0]}")
            continue
        except Exception as exc:  # noqa: BLE001 - a bug costs this file, not the request
            rejection = internal_error(outcome.document.source, exc)
            _log.error("storing %s failed\n%s", outcome.document.source, rejection.trace)
            yield _rejected(_shown_name(outcome.document.source, folder), rejection.reason)
            continue
        yield {"source": _shown_name(outcome.document.source, folder),
               "status": "stored" if written.stored else "already stored",
               "doc_id": written.doc_id, "events": written.events,
               "agreements": written.agreements, "error": None}


def _rejected(name: str, reason: str) -> dict[str, Any]:
    return {"source": name, "status": "rejected", "doc_id": None, "events": 0,
            "agreements": 0, "error": reason}


def _safe_name(name: str) -> str:
    return re.sub(r"[^\w.\-]+", "_", Path(name).name)[:120] or "upload.txt"


def _shown_name(source: str, folder: str) -> str:
    """The uploaded name, not the server's scratch path."""
    name = Path(source.split("#")[0]).name if source.startswith(folder) else source
    return re.sub(r"^\d\d-", "", name)
