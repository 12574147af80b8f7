"""Uploads: files or pasted text, extracted and stored by the server (which owns
the store), with a result per file and limits on size and count."""
from __future__ import annotations

import logging
import re
import tempfile
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path
from typing import Any

import duckdb
from fastapi import HTTPException, UploadFile

from ..extract import extract, internal_error
from ..ingest import iter_inputs
from ..periods import is_iso_day
from ..types import Record, Rejection

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
_log = logging.getLogger(__name__)


def ingest_uploads(app, files: list[UploadFile], text: str | None, title: str | None,
                   published: str | None) -> dict[str, Any]:
    limits = app.state.limits
    if app.state.store.read_only:
        raise HTTPException(403, "this server reads the store only (serve --read-only); "
                                 "stop it and use `diplograph ingest`, or serve without "
                                 "--read-only")
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
_worker: ProcessPoolExecutor | None = None


def _extractor() -> ProcessPoolExecutor:
    """The process that extracts uploads, started on the first one and kept
    (the language model loads once). Extraction is CPU work that holds the
    interpreter: in the server's own process it would stall every read."""
    global _worker
    if _worker is None:
        _worker = ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"))
    return _worker


def extract_files(paths: list[str], published: str | None) -> list[Record | Rejection]:
    """Runs in the extraction process: every file's records or rejections."""
    return list(extract(iter_inputs([Path(p) for p in paths], max_bytes=10**9),
                        published=published))


def _extracted(paths: list[Path], published: str | None) -> list[Record | Rejection]:
    global _worker
    try:
        return _extractor().submit(extract_files, [str(p) for p in paths], published).result()
    except BrokenProcessPool as exc:  # the process died (memory?): start a new one next time
        _worker = None
        return [internal_error(str(path), exc) for path in paths]


def _store_all(store, paths: list[Path], published: str | None, folder: str) -> list[dict]:
    with _EXTRACTING:
        outcomes = _extracted(paths, published) if paths else []
        return list(_store_outcomes(store, outcomes, folder))


def _store_outcomes(store, outcomes: list[Record | Rejection], folder: str):
    for outcome in outcomes:
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
