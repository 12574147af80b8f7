"""Times: date expressions in each sentence, resolved against the
publication date, and the publication date itself when metadata lacks it.

Only what the text supports is inferred: a day and month without a year get
one from the years the article mentions when the weekday agrees ("mardi 6
juillet" + 2021 → 2021-07-06) or when a part-year figure of that year is
already reported ("six premiers mois de 2021").

A bare weekday is the nearest such day before the publication date, or after
it when its clause looks ahead ("est attendu jeudi"). Two kinds of mention
are resolved but set aside as not dating the sentence's act: a dateline
("PHNOM PENH, 5 mars 2025 (AKP) -") when the sentence names its own day, and
a date inside a fronted participle clause ("Arrivé lundi soir à Phnom Penh,
le ministre a eu ...").
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
    # date | month | year | period | part | relative | weekday; set aside, not
    # the date of the sentence's act: dateline | aside
    kind: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    year_end: int | None = None
    day_end: int | None = None  # "du 9 au 16 septembre": the last day of a span
    month_end: int | None = None
    weekday: int | None = None
    relative: tuple[str, int] | None = None
    deadline: bool = False
    ahead: bool = False  # a weekday in a clause that looks ahead: the next one
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
        # "du 9 au 16 septembre", "les 21 et 22 septembre": one span of days
        span_words = "|".join(map(re.escape, t.get("day_span", [])))
        self.day_span = re.compile(
            rf"\b({first}|\d{{1,2}})\s+(?:{span_words})\s+(\d{{1,2}})\s+({months})\.?"
            rf"(?:\s+{_YEAR})?\b", re.I) if span_words else None
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
        # "PHNOM PENH, " / "SAINT-LOUIS (Sénégal), " before the date of a dateline,
        # "(AKP) - " / " - " / ", AZERTAC" after it
        self.dateline_before = re.compile(r"^\W*[^\W\d][^\d,.;:!?]{0,40},\s*$")
        self.dateline_after = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:[-–—]|,\s*[A-Z]{2,}\b)")


class TimeReader:
    """The dates stage of one language, with its time grammar compiled once."""

    def __init__(self, language: LanguageData):
        self.grammar = _Grammar(language)

    def find(self, parsed: ParsedDoc) -> tuple[list[TimeMention], Published]:
        """Time mentions resolved to dates, and the publication date."""
        return _find_times(self.grammar, parsed)


def _find_times(grammar: _Grammar, parsed: ParsedDoc) -> tuple[list[TimeMention], Published]:
    mentions = []
    for sent in parsed.readable():
        text = parsed.text[sent.start:sent.end].replace("’", "'")
        found = _scan(grammar, text, sent.index, sent.start)
        mentions.extend(_with_tense(parsed.language, sent, m) for m in found)
    published = _published(parsed, mentions)
    anchor = _as_date(published.value)
    if anchor is None:
        mentions = [_year_of_sentence(m, mentions) for m in mentions]
    resolved = [replace(m, value=_resolve(m, anchor, published.value)) for m in mentions]
    return _set_aside(parsed, grammar, resolved), published


def _scan(g: _Grammar, text: str, sentence: int, offset: int) -> list[TimeMention]:
    found: list[TimeMention] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match, **fields) -> None:
        s, e = match.span()
        if any(s < te and ts < e for ts, te in taken):
            return
        taken.append((s, e))
        fields.setdefault("deadline", bool(g.deadline.search(text[max(0, s - 20):s])))
        found.append(TimeMention(sentence, offset + s, offset + e, match.group(0), **fields))

    for m in g.part.finditer(text):
        first, last = g.part_table[m.group(1).lower()]
        add(m, kind="part", month=first, month_end=last, year=int(m.group(2)))
    for m in (g.day_span.finditer(text) if g.day_span else ()):
        day = 1 if m.group(1).lower() in g.first else int(m.group(1))
        if day < int(m.group(2)):
            add(m, kind="date", day=day, day_end=int(m.group(2)),
                month=g.months[m.group(3).lower()], year=int(m.group(4)) if m.group(4) else None)
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


# ------------------------------------------------------------ clause reading

def _token_of(sent, m: TimeMention):
    """The head token of a mention in its sentence's parse."""
    span = sent.doc.char_span(m.start - sent.start, m.end - sent.start,
                              alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _verb_of(token):
    """The verb a date expression attaches to ("jeudi soir" → the verb above "jeudi")."""
    if token is None:
        return None
    return next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)


def _with_tense(language: LanguageData, sent, m: TimeMention) -> TimeMention:
    """A weekday learns whether its clause looks ahead, to be resolved forward."""
    if m.kind != "weekday":
        return m
    verb = _verb_of(_token_of(sent, m))
    return replace(m, ahead=verb is not None and _looks_ahead(language, verb))


def _looks_ahead(language: LanguageData, verb) -> bool:
    """Future or conditional ("se rendra jeudi"), by the check shared with
    modality, or a present verb of expectation ("est attendu jeudi", "doit
    signer jeudi"): either way the weekday is still to come."""
    planned = language.status["planned"]
    expecting = set(language.time.get("looking_ahead", ()))
    return any(future_form(t, planned) or (t.lemma_.lower() in expecting and _present(t))
               for t in _verb_group(verb))


def _verb_group(verb) -> list:
    """A verb, its auxiliaries, and the verb governing it when it is an
    infinitive complement ("doit s'entretenir", "compte se rendre")."""
    group = [verb]
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        group.append(verb.head)
    group += [c for v in list(group) for c in v.children if c.dep_.startswith("aux")]
    return [t for t in group if t.pos_ in ("VERB", "AUX")]


def _present(token) -> bool:
    """Present tense, finite ("doit") or passive ("est attendu", "est prévu");
    the passé composé ("a dû") is not."""
    if "Fin" in token.morph.get("VerbForm"):
        return "Pres" in token.morph.get("Tense")
    return "Pass" in token.morph.get("Voice") and any(
        c.dep_ == "aux:pass" and "Pres" in c.morph.get("Tense") for c in token.children)


def _set_aside(parsed: ParsedDoc, g: _Grammar, mentions: list[TimeMention]) -> list[TimeMention]:
    """Days that do not date their sentence's act get kind "aside" (a fronted
    participle clause) or "dateline"; both stay resolved. Years and months
    are left alone: they may still be a figure's period."""
    sentences = {s.index: s for s in parsed.readable()}
    out = [replace(m, kind="aside") if _is_day(m)
           and _in_fronted_participle(_token_of(sentences[m.sentence], m)) else m
           for m in mentions]
    return [replace(m, kind="dateline") if _is_dateline(g, sentences[m.sentence], m)
            and _names_its_own_day(m, out) else m for m in out]


def _is_day(m: TimeMention) -> bool:
    return m.kind in ("date", "weekday") or (m.kind == "relative" and m.relative[0] == "day")


def _in_fronted_participle(token) -> bool:
    """"Arrivé lundi soir à Phnom Penh, le ministre a eu une séance de travail",
    "Le ministre, arrivé lundi à Paris, a rencontré ...": the day belongs to the
    participle (the arrival), a clause of its own told before the main verb.
    Told by shape, the tagger's labels for such clauses being unreliable: a
    participle without auxiliary ("a reçu dimanche" has one and dates the act)
    opening the sentence or following a comma, all of it before the main verb."""
    verb = _verb_of(token)
    if verb is None or "Part" not in verb.morph.get("VerbForm"):
        return False
    root = verb.sent.root
    opens = verb.i == verb.sent.start or verb.nbor(-1).text == ","
    return opens and verb.i != root.i and verb.right_edge.i < root.i \
        and not any(c.dep_.startswith("aux") for c in verb.children)


def _is_dateline(g: _Grammar, sent, m: TimeMention) -> bool:
    """"PHNOM PENH, 5 mars 2025 (AKP) - ...": the place and day of filing."""
    text = sent.sentence.text
    return m.kind == "date" and bool(g.dateline_before.match(text[:m.start - sent.start])) \
        and bool(g.dateline_after.match(text[m.end - sent.start:]))


def _names_its_own_day(dateline: TimeMention, mentions: list[TimeMention]) -> bool:
    """The lead names the day of its act ("s'est entretenu mardi"): that day
    dates the act; the filing day gives way."""
    return any(m.sentence == dateline.sentence and m is not dateline and _is_day(m)
               and m.value is not None for m in mentions)


# ---------------------------------------------------------- publication date

def _published(parsed: ParsedDoc, mentions: list[TimeMention]) -> Published:
    document = parsed.document
    if document.published:
        return Published(document.published, document.published_basis or "metadata")
    future = {s.index for s in parsed.readable() if _speaks_of_future(parsed, s)}
    # a span of days reports up to its last day
    reported = [replace(m, day=m.day_end or m.day) for m in mentions
                if m.kind == "date" and m.sentence not in future]
    explicit = [dt.date(m.year, m.month, m.day) for m in reported
                if m.year and _valid(m.year, m.month, m.day)]
    inferred = [d for d in (_infer_year(m, mentions) for m in reported if not m.year) if d]
    candidates = explicit + inferred
    if candidates:
        return Published(max(candidates).isoformat(), "inferred")
    return Published(None, "unknown")


def _year_of_sentence(m: TimeMention, mentions: list[TimeMention]) -> TimeMention:
    """With no publication date, a day without a year takes the one year its
    sentence names ("Dragon d'or 2016 ... a commencé le 15 décembre")."""
    if m.kind != "date" or m.year:
        return m
    years = {o.year for o in mentions if o.sentence == m.sentence and o.year
             and not o.deadline and o.kind in ("year", "month", "date")}
    return replace(m, year=years.pop()) if len(years) == 1 else m


def _speaks_of_future(parsed: ParsedDoc, sent) -> bool:
    """A sentence about what is to come ("la prochaine réunion aura lieu le 15 mars")."""
    planned = parsed.language.status["planned"]
    return any(token.pos_ in ("VERB", "AUX") and future_form(token, planned)
               for token in sent.doc)


def future_form(token, planned: dict) -> bool:
    """Future or conditional by the tagger, confirmed by the verb's ending
    when the language gives endings (the tagger reads "accueille" as future).
    A finite verb the tagger gives no tense ("les entretiens qu'aura M. X")
    is read by its ending alone."""
    tenses = set(planned.get("tense", []))
    endings = tuple(planned.get("future_endings", ()))
    if _untensed_finite(token):
        return bool(endings) and token.lower_.endswith(endings)
    if not (set(token.morph.get("Tense")) & tenses or set(token.morph.get("Mood")) & tenses):
        return False
    return not endings or token.lower_.endswith(endings)


def _untensed_finite(token) -> bool:
    """A conjugated verb whose tense the tagger left out."""
    return token.pos_ in ("VERB", "AUX") and "Fin" in token.morph.get("VerbForm") \
        and not token.morph.get("Tense") and "Imp" not in token.morph.get("Mood")


def _infer_year(mention: TimeMention, mentions: list[TimeMention]) -> dt.date | None:
    # a target year ("d'ici 2030") is not one the article may be written in
    years = {m.year for m in mentions if m.year and not m.deadline} \
        | {m.year_end for m in mentions if m.year_end}
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
        if m.day_end and _valid(year, m.month, m.day_end):
            return DateValue(f"{year:04d}-{m.month:02d}-{m.day:02d}", "period", m.text,
                             end=f"{year:04d}-{m.month:02d}-{m.day_end:02d}")
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
        return DateValue(_weekday_near(anchor, m.weekday, m.ahead).isoformat(), "day", m.text)
    return None


def _weekday_near(anchor: dt.date, weekday: int, ahead: bool) -> dt.date:
    """The publication day itself when it is that weekday; otherwise the last
    such day before it, or the next one after it when the clause looks ahead."""
    if ahead:
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


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
