"""The web dashboard and REST API (``diplograph serve``).

Needs the ``web`` extra: ``pip install 'diplograph[web]'``.
"""
from __future__ import annotations

from ..errors import DiplographError

MISSING = ("the web dashboard needs FastAPI, Uvicorn, Jinja2 and python-multipart: "
           "pip install 'diplograph[web]'")


class WebUnavailable(DiplographError):
    """The web extra is not installed."""


def create_app(db_path=None, **options):
    """The FastAPI application serving a store (see ``web.app``)."""
    try:
        from .app import build_app
    except ImportError as exc:  # fastapi, jinja2 or multipart missing
        raise WebUnavailable(f"{MISSING} ({exc.name} is missing)") from None
    return build_app(db_path, **options)
