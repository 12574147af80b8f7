"""Turn paths (text, HTML, JSONL files, folders) into Documents or Rejections.

Each file is read on its own: a bad file yields a ``Rejection`` and the
others go on.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..types import Document, Rejection
from .files import read_path

__all__ = ["iter_inputs", "expand_paths", "SUPPORTED_SUFFIXES"]

SUPPORTED_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".jsonl", ".ndjson"}


def expand_paths(paths: list[Path]) -> Iterator[Path | Rejection]:
    """Folders are walked recursively (sorted, hidden files skipped)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield child
        elif path.exists():
            yield path
        else:
            yield Rejection(str(path), "no such file or folder")


def iter_inputs(paths: list[Path], max_bytes: int) -> Iterator[Document | Rejection]:
    for item in expand_paths(paths):
        if isinstance(item, Rejection):
            yield item
        else:
            yield from read_path(item, max_bytes)
