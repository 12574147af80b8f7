"""Sentences and text regions: where gold and record evidence sit in the article text.

A record event must cite the *sentence* holding the gold evidence, so both sides are
placed on the same deterministic sentence split. The split:

- at every newline, and after a run of ``. ! ? …`` (optionally followed by closing
  quotes or a closing bracket) when whitespace follows and the next character is an
  uppercase letter or an opening quote/guillemet -- except after a period closing an
  initial (``J.``) or a common title abbreviation (``M.``, ``Dr.``, ``Mme.``; see
  ``_ABBREVIATIONS``). Sentences are trimmed of surrounding whitespace.
- The gold region of a substring is every sentence overlapping it (so a substring
  straddling a split still works). Every occurrence of the substring counts; one
  found only after mapping ’ and ‘ to ' still counts (same length, same offsets);
  one not found at all cannot be matched and is reported as a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_CLOSERS = "\"”»)’'\u201d]"
_OPENERS = "\"«“‘'\u201e"
_BOUNDARY = re.compile(r"[.!?…]+[" + re.escape(_CLOSERS) + r"]*(?=\s+(\S))")
# A period after one of these (or after a lone capital, an initial) ends no sentence.
_ABBREVIATION_WORDS = "m mm mme mmes mlle mgr dr drs mr mrs ms messrs prof st ste jr sr gen col lt"
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split() + ["sen", "rep", "gov", "pres", "etc"])
_LAST_WORD = re.compile(r"(\w+)$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split text into sentence spans [start, end), deterministically (module doc)."""
    spans: list[tuple[int, int]] = []
    line_start = 0
    for line in text.split("\n"):
        start = line_start
        for m in _BOUNDARY.finditer(line):
            if _is_boundary(line, m):
                _add_trimmed(text, start, line_start + m.end(), spans)
                start = line_start + m.end()
        _add_trimmed(text, start, line_start + len(line), spans)
        line_start += len(line) + 1
    return spans


def _is_boundary(line: str, m: re.Match[str]) -> bool:
    """Punctuation ends a sentence before a capital or quote, unless it closes an abbreviation."""
    if not (m.group(1).isupper() or m.group(1) in _OPENERS):
        return False
    if line[m.start()] != ".":
        return True
    word = _LAST_WORD.search(line, 0, m.start())
    if word is None:
        return True
    token = word.group(1)
    return not ((len(token) == 1 and token.isupper()) or token.casefold() in _ABBREVIATIONS)


def _add_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    """Append [start, end) without surrounding whitespace, if anything is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _norm_quotes(text: str) -> str:
    """Typographic single quotes as ASCII (same length, so offsets survive)."""
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Every span of needle in text: exact, else after quote normalisation."""
    if not needle:
        return []
    for hay, ndl in ((text, needle), (_norm_quotes(text), _norm_quotes(needle))):
        found, i = [], hay.find(ndl)
        while i >= 0:
            found.append((i, i + len(ndl)))
            i = hay.find(ndl, i + 1)
        if found:
            return found
    return []


class _Text:
    """A document's text with its sentences, to place gold and record evidence."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences = sentence_spans(text)

    def region(self, needles: Sequence[str], warn: Callable[[str], None]) -> list[tuple[int, int]]:
        """Sentences overlapping any occurrence of any needle (warn for lost ones)."""
        region: set[tuple[int, int]] = set()
        for needle in needles:
            spans = _occurrences(self.text, needle)
            if not spans:
                warn(f"gold evidence not found in text: {_clip(needle, 60)!r}")
            for s, e in spans:
                region.update(sp for sp in self.sentences if sp[0] < e and sp[1] > s)
        return sorted(region)


def _record_spans(item: dict, text: str) -> list[tuple[int, int]]:
    """A record item's evidence spans; a span without offsets is found by its sentence."""
    spans = []
    for ev in item.get("evidence") or []:
        if not isinstance(ev, dict):
            continue
        start, end = ev.get("start"), ev.get("end")
        if isinstance(start, int) and isinstance(end, int):
            spans.append((start, max(end, start + 1)))
        elif ev.get("sentence"):
            spans.extend(_occurrences(text, str(ev["sentence"]))[:1])
    return spans


def _overlaps(spans: Sequence[tuple[int, int]], region: Sequence[tuple[int, int]]) -> bool:
    """Whether any record span intersects any gold sentence."""
    return any(a < se and b > ss for a, b in spans for ss, se in region)


def _clip(text: str, n: int) -> str:
    """Shorten long evidence for reports."""
    return text if len(text) <= n else text[: n - 1] + "…"
