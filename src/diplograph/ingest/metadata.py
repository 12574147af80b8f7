"""Small helpers for titles and publication dates found in metadata."""
from __future__ import annotations

import datetime as dt
import re

from ..periods import first_day

_URL_DATE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d{1,3}(?:\D|$))")
_URL_DATE_LONG = re.compile(r"(?<!\d)(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{4}(?!\d)")
_MAX_HEADLINE = 220


def normalise_published(value: object) -> str | None:
    """Accept ISO dates, datetimes and years that name a real day, month or
    year ("2021-02-30" and "0000-00-00" do not); anything else is unknown."""
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    match = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text)
    if not match:
        return None
    iso = "-".join(part for part in match.groups() if part)
    return iso if first_day(iso) is not None else None


def date_from_url(url: str) -> str | None:
    """A date in the URL path: /2019/12/09/, 2019-12-09, or 201702270450-style ids."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    for pattern in (_URL_DATE_LONG, _URL_DATE):
        match = pattern.search(path)
        if match:
            year, month, day = match.groups()
            try:
                return dt.date(int(year), int(month), int(day)).isoformat()
            except ValueError:
                continue
    return None


def split_headline(content: str) -> tuple[str | None, int]:
    """The first line is a title when it reads like a headline.

    A headline is short, does not end like a sentence and is followed by more
    text. Returns the title and the offset where the body starts.
    """
    first, newline, rest = content.partition("\n")
    line = first.strip()
    if not newline or not rest.strip() or not line or line.startswith(">>"):
        return None, 0
    if len(line) > _MAX_HEADLINE or line.endswith((".", ",", ";", ":", "|")):
        return None, 0
    return line, len(first) + 1
