"""Times: date expressions in each sentence, resolved against the
publication date, and the publication date itself when metadata lacks it.

Only what the text supports is inferred: a day and month without a year get
one from the years the article mentions when the weekday agrees ("mardi 6
juillet" + 2021 → 2021-07-06) or when a part-year figure of that year is
already reported ("six premiers mois de 2021").
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace

from ..lang import LanguageData
from ..parsed import ParsedDoc
from ..types import DateValue

_YEAR = r"((?:19|20)\d{2})"


@dataclass(frozen=True)
class TimeMention:
    sentence: int
    start: int
    end: int
    text: str
    kind: str  # date | month | year | period | part | relative | weekday
    day: int | None = None
    month: int | None = None
    year: int | None = None
    year_end: int | None = None
    month_end: int | None = None
    weekday: int | None = None
    relative: tuple[str, int] | None = None
    deadline: bool = False
    value: DateValue | None = None


@dataclass(frozen=True)
class Published:
    value: str | None
    basis: str


class _Grammar:
    """Regular expressions built from the language's time vocabulary."""

    def __init__(self, data: LanguageData):
        t = data.time
        self.months = t["months"]
        self.weekdays = t["weekdays"]
        months = "|".join(sorted(map(re.escape, self.months), key=len, reverse=True))
        weekdays = "|".join(map(re.escape, self.weekdays))
        first = "|".join(map(re.escape, t["ordinal_first"]))
        self.date = re.compile(
            rf"\b(?:({weekdays})\s+)?(?:le\s+)?({first}|\d{{1,2}})\s+({months})\.?(?:\s+{_YEAR})?\b",
            re.I)
        self.month_year = re.compile(rf"\b({months})\s+{_YEAR}\b", re.I)
        self.month_alone = re.compile(
            rf"\b(?:en|au mois d'|au mois de|le mois d'|le mois de|d'ici|fin|début|mi-|courant)\s*"
            rf"({months})\b(?!\s+\d)", re.I)
        self.period = re.compile(rf"\b{_YEAR}\s*[-/]\s*{_YEAR}\b")
        parts = "|".join(sorted(map(re.escape, t["year_parts"]), key=len, reverse=True))
        self.part = re.compile(rf"\b({parts})\s+(?:de\s+l'année\s+|de\s+|d')?{_YEAR}\b", re.I)
        self.part_table = t["year_parts"]
        deadlines = "|".join(sorted(map(re.escape, t["deadline"]), key=len, reverse=True))
        self.deadline = re.compile(rf"(?:{deadlines})\s*(?:la fin de\s+)?$", re.I)
        units = data.units
        unit_words = [*units["currencies"], *units["counted"], *units["percent"], *units["scales"]]
        unit_re = "|".join(sorted(map(re.escape, unit_words), key=len, reverse=True))
        # "2000 tonnes", "2020 dollars": an amount, not a year
        self.year = re.compile(
            rf"(?<![\d,.])\b{_YEAR}\b(?![\d,.]\d)(?!\s*(?:de\s+|d')?(?:{unit_re})(?!\w))", re.I)
        rel = "|".join(sorted(map(re.escape, t["relative"]), key=len, reverse=True))
        self.relative = re.compile(rf"(?<!\w)({rel})(?!\w)", re.I)
        self.relative_table = {k.lower(): v for k, v in t["relative"].items()}
        self.weekday = re.compile(rf"\b({weekdays})\b(?!\s+(?:\d|{first}))", re.I)
        self.first = {w.lower() for w in t["ordinal_first"]}


def find_times(parsed: ParsedDoc) -> tuple[list[TimeMention], Published]:
    grammar = _Grammar(parsed.language)
    mentions = []
    for sent in parsed.readable():
        text = parsed.text[sent.start:sent.end].replace("’", "'")
        mentions.extend(_scan(grammar, text, sent.index, sent.start))
    published = _published(parsed, mentions)
    anchor = _as_date(published.value)
    resolved = [replace(m, value=_resolve(m, anchor, published.value)) for m in mentions]
    return resolved, published


def _scan(g: _Grammar, text: str, sentence: int, offset: int) -> list[TimeMention]:
    found: list[TimeMention] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match, **fields) -> None:
        s, e = match.span()
        if any(s < te and ts < e for ts, te in taken):
            return
        taken.append((s, e))
        found.append(TimeMention(sentence, offset + s, offset + e, match.group(0), **fields))

    for m in g.part.finditer(text):
        first, last = g.part_table[m.group(1).lower()]
        add(m, kind="part", month=first, month_end=last, year=int(m.group(2)))
    for m in g.date.finditer(text):
        day = 1 if m.group(2).lower() in g.first else int(m.group(2))
        weekday = g.weekdays.get(m.group(1).lower()) if m.group(1) else None
        add(m, kind="date", day=day, month=g.months[m.group(3).lower()],
            year=int(m.group(4)) if m.group(4) else None, weekday=weekday)
    for m in g.month_year.finditer(text):
        add(m, kind="month", month=g.months[m.group(1).lower()], year=int(m.group(2)))
    for m in g.month_alone.finditer(text):
        add(m, kind="month", month=g.months[m.group(1).lower()])
    for m in g.period.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a < b <= a + 30:
            add(m, kind="period", year=a, year_end=b)
    for m in g.relative.finditer(text):
        add(m, kind="relative", relative=tuple(g.relative_table[m.group(1).lower()]))
    for m in g.year.finditer(text):
        deadline = bool(g.deadline.search(text[max(0, m.start() - 20):m.start()]))
        add(m, kind="year", year=int(m.group(1)), deadline=deadline)
    for m in g.weekday.finditer(text):
        add(m, kind="weekday", weekday=g.weekdays[m.group(1).lower()])
    return sorted(found, key=lambda t: t.start)


# ---------------------------------------------------------- publication date

def _published(parsed: ParsedDoc, mentions: list[TimeMention]) -> Published:
    document = parsed.document
    if document.published:
        return Published(document.published, document.published_basis or "metadata")
    future = {s.index for s in parsed.readable() if _speaks_of_future(parsed, s)}
    reported = [m for m in mentions if m.kind == "date" and m.sentence not in future]
    explicit = [dt.date(m.year, m.month, m.day) for m in reported
                if m.year and _valid(m.year, m.month, m.day)]
    inferred = [d for d in (_infer_year(m, mentions) for m in reported if not m.year) if d]
    candidates = explicit + inferred
    if candidates:
        return Published(max(candidates).isoformat(), "inferred")
    return Published(None, "unknown")


def _speaks_of_future(parsed: ParsedDoc, sent) -> bool:
    """A sentence about what is to come ("la prochaine réunion aura lieu le 15 mars")."""
    planned = parsed.language.status["planned"]
    return any(token.pos_ in ("VERB", "AUX") and future_form(token, planned)
               for token in sent.doc)


def future_form(token, planned: dict) -> bool:
    """Future or conditional by the tagger, confirmed by the verb's ending
    when the language gives endings (the tagger reads "accueille" as future)."""
    tenses = set(planned.get("tense", []))
    if not (set(token.morph.get("Tense")) & tenses or set(token.morph.get("Mood")) & tenses):
        return False
    endings = tuple(planned.get("future_endings", ()))
    return not endings or token.lower_.endswith(endings)


def _infer_year(mention: TimeMention, mentions: list[TimeMention]) -> dt.date | None:
    years = {m.year for m in mentions if m.year} | {m.year_end for m in mentions if m.year_end}
    if mention.weekday is None:
        # "HANOI, 6 février (VNA) - ... s'est entretenu jeudi": a weekday told
        # in the same or the next sentence names the day of the dateline
        near = [m for m in mentions if m.kind == "weekday"
                and mention.sentence <= m.sentence <= mention.sentence + 1]
        if near:
            mention = replace(mention, weekday=near[0].weekday)
    if mention.weekday is not None:
        # a year the article mentions, else the year after one (figures for
        # 2022 reported in 2023), provided the weekday agrees
        for candidates in (years, {y + 1 for y in years} - years):
            matching = [y for y in candidates if _valid(y, mention.month, mention.day)
                        and dt.date(y, mention.month, mention.day).weekday() == mention.weekday]
            if matching:
                return dt.date(max(matching), mention.month, mention.day)
        return None
    # A part-year figure already reported for year Y, ending before this date: Y.
    parts = [m.year for m in mentions if m.kind == "part" and m.month_end
             and (m.month_end, 31) < (mention.month, mention.day)]
    if parts and _valid(max(parts), mention.month, mention.day):
        year = max(parts)
        if year == max(years):
            return dt.date(year, mention.month, mention.day)
    return None


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _as_date(value: str | None) -> dt.date | None:
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return dt.date.fromisoformat(value)
    return None


# --------------------------------------------------------------- resolution

def _resolve(m: TimeMention, anchor: dt.date | None, published: str | None) -> DateValue | None:
    if m.kind == "date":
        year = m.year or _year_near(anchor, m.month, m.day)
        if year is None:
            return DateValue(None, "day", m.text)  # no year to be had: the text is kept
        if not _valid(year, m.month, m.day):
            return None
        return DateValue(f"{year:04d}-{m.month:02d}-{m.day:02d}", "day", m.text)
    if m.kind == "month":
        year = m.year or _year_near(anchor, m.month, 15)
        if year is None:
            return DateValue(None, "month", m.text)
        return DateValue(f"{year:04d}-{m.month:02d}", "month", m.text)
    if m.kind == "year":
        return DateValue(f"{m.year:04d}", "year", m.text)
    if m.kind == "period":
        return DateValue(f"{m.year:04d}", "period", m.text, end=f"{m.year_end:04d}")
    if m.kind == "part":
        return DateValue(f"{m.year:04d}-{m.month:02d}", "period", m.text,
                         end=f"{m.year:04d}-{m.month_end:02d}")
    if m.kind == "relative" and m.relative:
        return _relative(m, anchor, published) or DateValue(None, m.relative[0], m.text)
    if m.kind == "weekday":
        if anchor is None:
            return DateValue(None, "day", m.text)
        back = (anchor.weekday() - m.weekday) % 7
        return DateValue((anchor - dt.timedelta(days=back)).isoformat(), "day", m.text)
    return None


def _year_near(anchor: dt.date | None, month: int, day: int) -> int | None:
    """A day and month without a year: the occurrence nearest the publication date."""
    if anchor is None:
        return None
    options = [y for y in (anchor.year - 1, anchor.year, anchor.year + 1) if _valid(y, month, day)]
    return min(options, key=lambda y: abs((dt.date(y, month, day) - anchor).days))


def _relative(m: TimeMention, anchor: dt.date | None, published: str | None) -> DateValue | None:
    unit, offset = m.relative
    if unit == "day" and anchor is not None:
        return DateValue((anchor + dt.timedelta(days=offset)).isoformat(), "day", m.text)
    if unit == "month" and published and len(published) >= 7:
        year, month = int(published[:4]), int(published[5:7]) + offset
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        return DateValue(f"{year:04d}-{month:02d}", "month", m.text)
    if unit == "year" and published:
        return DateValue(f"{int(published[:4]) + offset:04d}", "year", m.text)
    return None
