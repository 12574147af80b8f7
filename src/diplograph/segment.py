"""Split an article into sentences with offsets, and mark page furniture.

spaCy's own sentence boundaries break on names and titles in wire copy
("...des Affaires étrangères | Retno Marsudi"), so sentences are cut here by
punctuation and line breaks, and each sentence is parsed on its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# After . ! ? or … (and an optional closing quote), a space, then something
# that starts a sentence: an uppercase letter, a digit or an opening quote.
# Wire copy often loses the space ("...entre les deux pays.Le ministre"): a
# period right after a lowercase word and before a capitalised word cuts too.
_BOUNDARY = re.compile(r"(?<=[.!?…])[»\"”]?\s+(?=[«\"“A-ZÀ-ÖØ-Þ0-9])"
                       r"|(?<=[a-zà-ÿ][a-zà-ÿ][.!?])(?=[A-ZÀ-ÖØ-Þ][a-zà-ÿ])")
# Abbreviations whose final period does not end a sentence
_ABBREVIATIONS = re.compile(r"(?:\b(?:M|MM|Mme|Mmes|Mlle|Dr|Pr|St|Ste|Me|Mgr|av|apr|J\.-C|"
                            r"etc|cf|env|No|n°|vol|p|art|Gen|Gén|Col|Lt|Sgt)\.|\b[A-Z]\.)$")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    #: page furniture (headline, related links, credits): never evidence
    skip: bool = False


def split_sentences(text: str, body_start: int, skip_patterns: list[re.Pattern[str]]
                    ) -> list[Sentence]:
    sentences: list[Sentence] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        line_start, offset = offset, offset + len(line)
        stripped = line.strip()
        if not stripped:
            continue
        in_headline = line_start < body_start
        furniture = in_headline or any(p.search(line) for p in skip_patterns)
        for start, end in _cut_line(line):
            piece = line[start:end]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece.rstrip())
            if trail <= lead:
                continue
            s, e = line_start + start + lead, line_start + start + trail
            sentences.append(Sentence(s, e, text[s:e], skip=furniture))
    return sentences


def _cut_line(line: str) -> list[tuple[int, int]]:
    cuts, start = [], 0
    for match in _BOUNDARY.finditer(line):
        if _ABBREVIATIONS.search(line[start:match.start()][-8:]):
            continue
        cuts.append((start, match.start()))
        start = match.start()
    cuts.append((start, len(line)))
    return cuts
