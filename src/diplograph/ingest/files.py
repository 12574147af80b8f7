"""Readers for one file each: plain text, HTML (trafilatura) and JSONL."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..types import Document, Rejection
from .metadata import date_from_url, normalise_published, split_headline


def read_path(path: Path, max_bytes: int) -> Iterator[Document | Rejection]:
    source = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield Rejection(source, f"cannot read: {exc.strerror}")
        return
    if size == 0:
        yield Rejection(source, "empty file")
        return
    if size > max_bytes:
        yield Rejection(source, f"file too large ({size:,} bytes > limit {max_bytes:,}); "
                                "split it or raise --max-bytes")
        return
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        yield Rejection(source, "binary file (contains NUL bytes), not an article")
        return
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Rejection(source, f"not UTF-8 (invalid byte at offset {exc.start}); "
                                "re-encode the file as UTF-8")
        return
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        yield from read_jsonl(content, source)
    elif suffix in (".html", ".htm"):
        yield read_html(content, source, path.stem)
    else:
        yield read_text(content, source, path.stem)


def read_text(content: str, source: str, doc_id: str) -> Document | Rejection:
    if not content.strip():
        return Rejection(source, "no text (only whitespace)")
    title, body_start = split_headline(content)
    return Document(doc_id=doc_id, text=content, source=source, title=title,
                    body_start=body_start)


def read_jsonl(content: str, source: str) -> Iterator[Document | Rejection]:
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield Rejection(where, "a JSONL line must be an object with 'id' and 'text'")
            continue
        doc_id, text = obj.get("id"), obj.get("text")
        if not isinstance(text, str) or not text.strip():
            yield Rejection(where, "missing or empty 'text'")
            continue
        if doc_id is None or str(doc_id).strip() == "":
            yield Rejection(where, "missing 'id'")
            continue
        url = obj.get("url") if isinstance(obj.get("url"), str) else None
        published = normalise_published(obj.get("published"))
        basis = "metadata"
        if published is None and url:
            published = date_from_url(url)
        if published is None:
            basis = "unknown"
        yield Document(doc_id=str(doc_id), text=text, source=url or where,
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
