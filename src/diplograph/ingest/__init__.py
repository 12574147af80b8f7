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
    """Folders are walked recursively (sorted, hidden files and folders left
    out); every other file in them is read or gets a line saying why not."""
    for path in paths:
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield _named(path)
        else:
            yield Rejection(str(path), "no such file or folder")


def _named(path: Path) -> Path | Rejection:
    """A file named on the command line is read as text when it has no suffix
    or a supported one; a feed, archive or document of another kind is
    refused rather than read as text and rejected for its "language"."""
    if path.suffix and path.suffix.lower() not in SUPPORTED_SUFFIXES:
        return Rejection(str(path), f"not a format diplograph reads ({path.suffix}; supported: "
                                    f"{', '.join(sorted(SUPPORTED_SUFFIXES))})")
    return path


def _walk(folder: Path) -> Iterator[Path | Rejection]:
    try:
        children = sorted(folder.rglob("*"))
    except OSError as exc:
        yield Rejection(str(folder), f"cannot list the folder: {exc.strerror}")
        return
    for child in children:
        if any(part.startswith(".") for part in child.relative_to(folder).parts):
            continue
        if child.is_dir():
            continue
        if child.suffix.lower() not in SUPPORTED_SUFFIXES:
            yield Rejection(str(child), "not a format diplograph reads (supported: "
                            f"{', '.join(sorted(SUPPORTED_SUFFIXES))})", kind="skipped")
        else:
            yield child  # read_path reports special and unreadable files


def iter_inputs(paths: list[Path], max_bytes: int) -> Iterator[Document | Rejection]:
    for item in expand_paths(paths):
        if isinstance(item, Rejection):
            yield item
        else:
            yield from read_path(item, max_bytes)
