"""Quantities: money, percentages and counted goods or people, with what
they measure, what kind of figure they are and the period they cover.

A number is a quantity only when a unit follows (or a currency sign precedes)
it: years, ordinals, counts of meetings or documents have none in the unit
lexicon, so they never become quantities.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

from ..lang import LanguageData
from ..parsed import ParsedDoc
from ..types import Evidence, Quantity
from .actors import ActorIndex
from .times import TimeMention

_DIGITS = r"\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?|\d+(?:,\d+)?"


@dataclass(frozen=True)
class _Lexicon:
    pattern: re.Pattern[str]
    prefix: re.Pattern[str]
    scales: dict[str, int]
    units: dict[str, str]  # surface (lowercase) -> unit


def _lexicon(language: LanguageData) -> _Lexicon:
    """The unit, scale and number patterns of a language (long: built once, by
    QuantityReader)."""
    data = language.units
    units = {k.lower(): v for k, v in data["currencies"].items()}
    units.update({k.lower(): "percent" for k in data["percent"]})
    units.update({k.lower(): v for k, v in data["counted"].items()})
    for forms in language.countries.values():  # "44 000 Cubains", "41 Russes"
        for adjective in forms.get("adjectives", []) or []:
            if adjective.endswith(("s", "x")) and adjective.lower() not in units:
                units[adjective.lower()] = "people"
    scales = {k.lower(): v for k, v in data["scales"].items()}
    scale_re = "|".join(sorted(map(re.escape, scales), key=len, reverse=True))
    unit_re = "|".join(sorted(map(re.escape, units), key=len, reverse=True))
    linker = (rf"(?:\s*(?:{_alternatives(data['linkers'])})\s*)?\s*"
              rf"(?:{_alternatives(data['count_prefixes'])})?")
    words = _alternatives(data["number_words"])
    joiners = _alternatives(data["number_joiners"])
    number = rf"(?P<num>{_DIGITS}|(?:(?:{words})(?:[\s-]+(?:(?:{joiners})[\s-]+)?(?:{words}))*))"
    pattern = re.compile(
        rf"(?<![\w,.])(?P<prefix_cur>US\$|\$|€|£)?\s?{number}"
        rf"(?:\s*(?P<scale>{scale_re})\b\.?)?{linker}\s*(?P<unit>{unit_re})(?![\w])", re.I)
    prefix = re.compile(rf"(?P<cur>US\$|\$US|\$|€|£)\s?(?P<num>{_DIGITS})"
                        rf"(?:\s*(?P<scale>{scale_re})\b)?", re.I)
    return _Lexicon(pattern, prefix, scales, units)


def _alternatives(words: list[str]) -> str:
    """A regex alternation of literal words, longest first (so "seize" beats "s")."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def number_value(text: str) -> float | None:
    text = text.strip().lower()
    if re.match(r"\d", text):
        cleaned = re.sub(r"[ \u00a0\u202f.](?=\d{3}\b)", "", text).replace(",", ".")
        try:
            return float(cleaned)
        except ValueError:
            return None
    if text in ("un", "une"):
        return 1.0
    try:
        return float(text2num(text.replace("-", " "), "fr"))
    except ValueError:
        return None


class QuantityReader:
    """The quantities stage of one language, with its patterns compiled once."""

    def __init__(self, language: LanguageData):
        self.lexicon = _lexicon(language)

    def find(self, parsed: ParsedDoc, actors: ActorIndex, times: list[TimeMention]
             ) -> list[Quantity]:
        return _find_quantities(self.lexicon, parsed, actors, times)


def _find_quantities(lex: _Lexicon, parsed: ParsedDoc, actors: ActorIndex,
                     times: list[TimeMention]) -> list[Quantity]:
    data = parsed.language.units
    found: dict[tuple[float, str], Quantity] = {}
    for sent in parsed.readable():
        text = parsed.text[sent.start:sent.end].replace("’", "'")
        for match in _matches(lex, text):
            value, unit, start, end = match
            if unit in ("percent",) and value > 1000:
                continue
            evidence = Evidence(sent.start, sent.end, sent.sentence.text)
            key = (round(value, 6), unit)
            if key in found:
                if evidence not in found[key].evidence:
                    found[key].evidence.append(evidence)
                continue
            before = _with_lemmas(sent, text, max(0, start - 90), start)
            around = _with_lemmas(sent, text, 0, len(text))
            near = _with_lemmas(sent, text, max(0, start - 60), start)
            measure = "vaccine" if unit == "doses" else _measure_cue(data, text.lower(), start)
            kind = _kind(data, near, before, around, unit, measure)
            if measure is None:  # a gift with no measure word ("50 000 tonnes de blé") is aid
                measure = "aid" if kind == "pledge" else (
                    "money" if len(unit) == 3 and unit.isupper() else unit)
            found[key] = Quantity(
                value=int(value) if float(value).is_integer() else value,
                unit=unit,
                measure=measure,
                kind=kind,
                parties=_parties(actors, sent.index),
                period=_period(times, sent.index),
                evidence=[evidence],
                text=text[start:end],
                per=_cue(data["per_cues"], text[end:end + 16].lower()),
                status=_target_status(data, around) if kind == "target" else None,
            )
    return list(found.values())


def _with_lemmas(sent, text: str, start: int, end: int) -> str:
    """Lowercase text of a window followed by its lemmas, so that cue lists
    in the infinitive ("accorder") also match "a accordé"."""
    lemmas = " ".join(t.lemma_.lower() for t in sent.doc if start <= t.idx < end)
    return text[start:end].lower() + " | " + lemmas


def _matches(lex: _Lexicon, text: str):
    taken = []
    for m in lex.pattern.finditer(text):
        number = number_value(m.group("num"))
        if number is None:
            continue
        if number == 1 and not m.group("scale") and not m.group("num")[0].isdigit():
            continue  # "un diplomate": one of something is not a figure
        scale = lex.scales.get((m.group("scale") or "").lower().rstrip("."), 1)
        unit = lex.units[m.group("unit").lower()]
        if m.group("prefix_cur"):
            unit = lex.units.get(m.group("prefix_cur").lower(), unit)
        taken.append((m.start(), m.end()))
        yield number * scale, unit, m.start(), m.end()
    for m in lex.prefix.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        number = number_value(m.group("num"))
        if number is None:
            continue
        scale = lex.scales.get((m.group("scale") or "").lower(), 1)
        yield number * scale, lex.units[m.group("cur").lower()], m.start(), m.end()


def _cue(table: dict[str, list[str]], text: str) -> str | None:
    for name, cues in table.items():
        if any(_has(text, cue) for cue in cues):
            return name
    return None


def _has(text: str, cue: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(cue.lower())}", text) is not None


def _kind(data, near: str, before: str, sentence: str, unit: str, measure: str | None) -> str:
    """Target, forecast, change or pledge from the cue words nearest the
    figure; a figure of what is granted by nature (aid, a loan) or of nothing
    named is a pledge when the sentence tells a gift anywhere ("cinquante
    tonnes de dattes offertes par")."""
    cues = data["kind_cues"]
    if unit == "percent" and any(_has(near, c) for c in cues["change"]):
        return "change"
    if any(_has(near, c) for c in cues["target"]):
        return "target"
    if any(_has(near, c) for c in cues["pledge"]):
        return "pledge"  # "prévoit une aide de": what is granted, even when foreseen
    if any(_has(near, c) for c in cues["forecast"]):
        return "forecast"
    if unit == "percent" and any(_has(sentence, c) for c in cues["change"]):
        return "change"
    if any(_has(before, c) for c in cues["target"]):
        return "target"
    if measure in data["granted_measures"]:
        return "pledge"  # "30 tonnes d'aide médicale"
    if measure is None and any(_has(sentence, c) for c in cues["pledge"]):
        return "pledge"
    return "actual"


def _measure_cue(data, sentence: str, position: int) -> str | None:
    """What the figure measures: the cue word nearest to the number, if any."""
    best, distance = None, len(sentence) + 1
    for measure, cues in data["measure_cues"].items():
        for cue in cues:
            for match in re.finditer(rf"(?<!\w){re.escape(cue.lower())}", sentence):
                gap = abs(match.start() - position)
                if gap < distance:
                    best, distance = measure, gap
    return best


def _target_status(data, sentence: str) -> str | None:
    if any(_has(sentence, c) for c in data["not_met_cues"]):
        return "not_met"
    if any(_has(sentence, c) for c in data["met_cues"]):
        return "met"
    return None


def _parties(actors: ActorIndex, sentence: int) -> list[str]:
    here = {m.actor_id for m in actors.in_sentence(sentence)
            if m.kind in ("state", "igo") and not m.topic}
    return sorted(here) if here else sorted(actors.dyad)


def _period(times: list[TimeMention], sentence: int) -> dict[str, str] | None:
    here = [t for t in times if t.sentence == sentence and t.value is not None
            and t.kind in ("part", "period", "year", "month")]
    for kind in ("part", "period", "month", "year"):
        for t in here:
            if t.kind == kind:
                return {"start": t.value.value, "end": t.value.end or t.value.value}
    return None
