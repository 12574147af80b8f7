"""Split an article into sentences with offsets, and mark page furniture.

spaCy's own sentence boundaries break on names and titles in wire copy
("...des Affaires étrangères | Retno Marsudi"), so sentences are cut here by
punctuation and line breaks, and each sentence is parsed on its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# After . ! ? or … (and an optional closing quote), a space, then something
# that starts a sentence: an uppercase letter, a digit or an opening quote; or,
# in wire copy that lost its spaces, a word's final period glued to a capitalised
# word ("régionales.Leur homologue").
_BOUNDARY = re.compile(r"(?<=[.!?…])[»\"”]?\s+(?=[«\"“A-ZÀ-ÖØ-Þ0-9])"
                       r"|(?<=[a-zß-ÿ]{2}[.!?])(?=[A-ZÀ-ÖØ-Þ][a-zß-ÿ])")
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


#: the longest sentence handed to the parser. News sentences stay far below
#: (the longest of 2,444 in the shared corpora has 688 characters); a longer
#: run (a table, a list with no full stop, garbage) is cut at a clause or a
#: word so that parsing and the stages cost time in proportion to the text.
MAX_SENTENCE = 1000
_CLAUSE_ENDS = ";:,"


def _cut_line(line: str) -> list[tuple[int, int]]:
    cuts, start = [], 0
    for match in _BOUNDARY.finditer(line):
        if _ABBREVIATIONS.search(line[max(start, match.start() - 8):match.start()]):
            continue
        cuts.extend(_bounded(line, start, match.start()))
        start = match.start()
    cuts.extend(_bounded(line, start, len(line)))
    return cuts


def _bounded(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) cut into pieces of at most MAX_SENTENCE characters, each
    ending after the last clause mark of its second half, else at a space."""
    pieces = []
    while end - start > MAX_SENTENCE:
        window = line[start:start + MAX_SENTENCE]
        cut = max(window.rfind(mark) for mark in _CLAUSE_ENDS) + 1
        if cut <= MAX_SENTENCE // 2:
            cut = window.rfind(" ") + 1
        if cut <= 0:
            cut = MAX_SENTENCE
        pieces.append((start, start + cut))
        start += cut
    pieces.append((start, end))
    return pieces
