"""diplograph: evidence-linked records of international relations from news.

    from diplograph import extract, open_store
"""
from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("diplograph")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

__all__ = ["extract", "extract_document", "open_store", "EventFilter", "__version__"]

_LAZY = {"extract": "diplograph.extract", "extract_document": "diplograph.extract",
         "open_store": "diplograph.store", "EventFilter": "diplograph.store"}


def __getattr__(name: str):
    """Import heavy parts (spaCy, DuckDB) only when they are used."""
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'diplograph' has no attribute {name!r}")
