"""Dates as ranges of days: a record's ISO value at its granularity turned into
the first and last day it may mean (shared by event merging and the store)."""
from __future__ import annotations

import calendar
import datetime as dt
import re


def is_iso_day(value: str) -> bool:
    """YYYY-MM-DD exactly, a real day (Python 3.11 alone would also take "20250304")."""
    return re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None and _parts(value) is not None


def first_day(value: str | None) -> dt.date | None:
    """``2021`` → 2021-01-01, ``2021-07`` → 2021-07-01, ``2021-07-06`` → itself."""
    parts = _parts(value)
    if parts is None:
        return None
    year, month, day = parts
    return dt.date(year, month or 1, day or 1)


def last_day(value: str | None) -> dt.date | None:
    """``2021`` → 2021-12-31, ``2021-07`` → 2021-07-31, ``2021-07-06`` → itself."""
    parts = _parts(value)
    if parts is None:
        return None
    year, month, day = parts
    if month is None:
        return dt.date(year, 12, 31)
    if day is None:
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


def _parts(value: str | None) -> tuple[int, int | None, int | None] | None:
    if not value:
        return None
    try:
        numbers = [int(p) for p in value.split("-")]
        if len(numbers) == 1:
            dt.date(numbers[0], 1, 1)
            return numbers[0], None, None
        if len(numbers) == 2:
            dt.date(numbers[0], numbers[1], 1)
            return numbers[0], numbers[1], None
        if len(numbers) == 3:
            dt.date(*numbers)
            return numbers[0], numbers[1], numbers[2]
    except ValueError:
        return None
    return None
