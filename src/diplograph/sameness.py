"""One definition of "the same real event" and "the same agreement".

The extractor asks it whether two mentions in one article are one act
(stages/merging.py); the store asks it whether reports from two articles are
(store/merge.py). What each side knows differs (an article has its clauses; the
store has publication days), so each brings its own evidence, but the tests
that say two acts are different are these, and only these.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from functools import lru_cache

from unidecode import unidecode

#: the ways of meeting and of agreeing that exclude each other: a call is not a
#: visit, a summit is not a visit to its host, an offer is not its acceptance.
#: "meeting" (talks, an interview) names none of them: it may be told of any.
MODE_FAMILIES = {"phone": "remote", "visit": "in_person", "press_conference": "in_person",
                 "multilateral": "summit", "offer": "offer", "accept": "accept",
                 "sign": "commitment", "agree": "commitment"}
GENERIC_MODES = frozenset({"meeting"})

#: how far apart two day-dated mentions of one event may be (time zones, "lundi soir")
DAY_SLACK = dt.timedelta(days=1)

#: agreement titles at least this similar (shared content words of the shorter
#: title) are one agreement. One writer names two documents of one article by
#: different subjects, so there the shorter title's words must all recur;
#: different writers word one title differently, so across articles most suffice.
TITLE_OVERLAP_IN_ARTICLE = 1.0
TITLE_OVERLAP_ACROSS_ARTICLES = 0.6


def modes_agree(a: str | None, b: str | None) -> bool:
    """An unknown or generic mode agrees with any; others must be of one family."""
    if a is None or b is None or a == b or a in GENERIC_MODES or b in GENERIC_MODES:
        return True
    return MODE_FAMILIES.get(a, a) == MODE_FAMILIES.get(b, b)


def days_overlap(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None) -> bool:
    """The days two mentions may mean overlap; an undated mention overlaps any."""
    if a is None or b is None:
        return True
    return a[0] <= b[1] and b[0] <= a[1]


def counterparts_agree(people_a: frozenset[str] | set[str], people_b: frozenset[str] | set[str],
                       side_of: Mapping[str, str | None]) -> bool:
    """Meetings with different people of one side are different meetings (the
    president, then the prime minister): on every side both mentions name
    people of, they must share one. One mention naming the host and the other
    the guest may well be one meeting. ``side_of`` maps a person to their
    country (None when unknown: such people tell nothing)."""
    sides_a: dict[str | None, set[str]] = {}
    sides_b: dict[str | None, set[str]] = {}
    for people, sides in ((people_a, sides_a), (people_b, sides_b)):
        for person in people:
            sides.setdefault(side_of.get(person), set()).add(person)
    return all(sides_a[side] & sides_b[side] for side in sides_a.keys() & sides_b.keys()
               if side is not None)


def amounts_agree(a: frozenset | set, b: frozenset | set) -> bool:
    """Two mentions stating different amounts report two different gifts."""
    return not (a and b and not a & b)


def title_words(title: str, language: str | None) -> frozenset[str]:
    """What a title is about: its content words, accents and plurals folded,
    stop words and the generic words of titles ("accord", "coopération") dropped."""
    ignore = _ignored_words(language or "fr")
    words = (fold_plural(w) for w in re.findall(r"[a-z0-9]+", unidecode(title).lower())
             if len(w) > 2)
    return frozenset(w for w in words if w not in ignore)


def fold_plural(word: str) -> str:
    """"accords" and "accord", "travaux" and "travau": one key for both numbers."""
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


@lru_cache(maxsize=8)
def _ignored_words(language: str) -> frozenset[str]:
    """Stop words of the language plus the generic words of document titles."""
    from spacy.util import get_lang_class

    from .errors import UnsupportedLanguage
    from .lang import load_language

    words = set(get_lang_class(language).Defaults.stop_words)
    try:
        words |= set(load_language(language).documents.get("title_generic_words", []))
    except UnsupportedLanguage:  # stop words alone
        pass
    return frozenset(fold_plural(unidecode(w).lower()) for w in words)


def title_overlap(words_a: frozenset[str], words_b: frozenset[str]) -> float:
    """Share of the shorter title's content words the other title has too."""
    if not words_a or not words_b:
        return 0.0
    return len(words_a & words_b) / min(len(words_a), len(words_b))


def same_agreement_title(words_a: frozenset[str], words_b: frozenset[str],
                         across_articles: bool) -> bool:
    threshold = TITLE_OVERLAP_ACROSS_ARTICLES if across_articles else TITLE_OVERLAP_IN_ARTICLE
    return title_overlap(words_a, words_b) >= threshold


def same_agreement_across_languages(sectors_a: frozenset[str], sectors_b: frozenset[str],
                                    day_a: dt.date | None, day_b: dt.date | None) -> bool:
    """Titles in two languages share no words, so two reports of one pair's
    documents (kinds already compatible) are compared by language-neutral
    facts: the sectors they cover must meet and, when both are dated to the
    day, the days must agree."""
    if not (sectors_a and sectors_b and sectors_a & sectors_b):
        return False
    return day_a is None or day_b is None or abs(day_a - day_b) <= DAY_SLACK
