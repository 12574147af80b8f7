"""Readers for one file each: plain text, HTML (trafilatura) and JSONL.

Every failure to read becomes a ``Rejection`` naming the file (and the line of
a JSONL file): one bad input never stops the others. JSONL files are read a
line at a time, so a large file of many articles costs the memory of one."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..types import Document, Rejection
from .metadata import date_from_url, normalise_published, split_headline

JSONL_SUFFIXES = (".jsonl", ".ndjson")


def read_path(path: Path, max_bytes: int) -> Iterator[Document | Rejection]:
    source = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield Rejection(source, f"cannot read: {exc.strerror}")
        return
    if not path.is_file():
        yield Rejection(source, "not a regular file (a device, pipe or socket); skipped")
        return
    if size == 0:
        yield Rejection(source, "empty file")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:  # the limit applies to each record, not the whole file
        yield from _read_jsonl_file(path, source, max_bytes)
        return
    if size > max_bytes:
        yield Rejection(source, _too_large(size, max_bytes))
        return
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield Rejection(source, f"cannot read: {exc.strerror}")
        return
    content = _decoded(raw, source)
    if isinstance(content, Rejection):
        yield content
    elif suffix in (".html", ".htm"):
        yield read_html(content, source, path.stem)
    else:
        yield read_text(content, source, path.stem)


def _too_large(size: int, max_bytes: int) -> str:
    return f"too large ({size:,} bytes > limit {max_bytes:,}); split it or raise --max-bytes"


def _decoded(raw: bytes, source: str) -> str | Rejection:
    if b"\x00" in raw[:8192]:
        return Rejection(source, "binary file (contains NUL bytes), not an article")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Rejection(source, f"not UTF-8 (invalid byte at offset {exc.start}); "
                                 "re-encode the file as UTF-8")


def read_text(content: str, source: str, doc_id: str) -> Document | Rejection:
    if not content.strip():
        return Rejection(source, "no text (only whitespace)")
    title, body_start = split_headline(content)
    return Document(doc_id=doc_id, text=content, source=source, title=title,
                    body_start=body_start)


def _read_jsonl_file(path: Path, source: str, max_bytes: int
                     ) -> Iterator[Document | Rejection]:
    """Line by line from disk: only "\\n" ends a record (U+2028 or U+0085 in a
    text are characters of that text, as JSON allows)."""
    read = 0
    try:
        with path.open("rb") as stream:
            for number, raw in enumerate(stream, start=1):
                where = f"{source}:{number}"
                if len(raw) > max_bytes:
                    yield Rejection(where, _too_large(len(raw), max_bytes))
                    continue
                if number == 1:
                    raw = raw.removeprefix(b"\xef\xbb\xbf")
                line = _decoded(raw, where)
                if isinstance(line, Rejection) or line.strip():
                    read += 1
                    yield line if isinstance(line, Rejection) else read_jsonl_line(line, where)
    except OSError as exc:
        yield Rejection(source, f"cannot read: {exc.strerror}")
        return
    if not read:
        yield Rejection(source, "no JSON lines in it (only blank lines)")


def read_jsonl(content: str, source: str) -> Iterator[Document | Rejection]:
    """The records of JSONL text already in memory (one per "\\n"-ended line)."""
    for number, line in enumerate(content.split("\n"), start=1):
        if line.strip():
            yield read_jsonl_line(line, f"{source}:{number}")


def read_jsonl_line(line: str, where: str) -> Document | Rejection:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Rejection(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return Rejection(where, "malformed JSON (nested too deeply to be an article)")
    if not isinstance(obj, dict):
        return Rejection(where, "a JSONL line must be an object with 'id' and 'text'")
    doc_id, text = obj.get("id"), obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejection(where, "missing or empty 'text'")
    if doc_id is None or str(doc_id).strip() == "" or isinstance(doc_id, (dict, list)):
        return Rejection(where, "missing 'id' (a string or a number)")
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    published = normalise_published(obj.get("published"))
    basis = "metadata"
    if published is None and url:
        published = date_from_url(url)
    if published is None:
        basis = "unknown"
    return Document(doc_id=str(doc_id), text=text, source=url or where,
                    title=obj.get("title") if isinstance(obj.get("title"), str) else None,
                    language=obj.get("language") if isinstance(obj.get("language"), str)
                    else None,
                    published=published, published_basis=basis, url=url)


def read_html(content: str, source: str, doc_id: str) -> Document | Rejection:
    import trafilatura  # imported late: it is slow to import and only HTML needs it

    extracted = trafilatura.bare_extraction(content, with_metadata=True,
                                            include_comments=False)
    if extracted is None:
        return Rejection(source, "no article text found in the HTML")
    data = extracted.as_dict() if hasattr(extracted, "as_dict") else dict(extracted)
    text = data.get("text") or ""
    if not text.strip():
        return Rejection(source, "no article text found in the HTML")
    url = data.get("url")
    title = data.get("title")
    body_start = 0
    first, newline, _ = text.partition("\n")
    if title and newline and first.strip() == title.strip():
        body_start = len(first) + 1  # the headline repeated as the first line
    published = normalise_published(data.get("date"))
    if published is None and url:
        published = date_from_url(url)
    return Document(doc_id=doc_id, text=text, source=source, title=title,
                    language=data.get("language"), published=published,
                    published_basis="metadata" if published else "unknown", url=url,
                    body_start=body_start)
