"""Phrase matchers built from language data (countries, demonyms, capitals,
organisations), built once per language by its Pipeline."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .lang import LanguageData


@dataclass(frozen=True)
class Entry:
    actor_id: str
    kind: str  # state | igo
    via: str  # name | adjective | capital | acronym
    capitalised: bool = False  # the alias is written with a capital: require one in text


@dataclass
class Gazetteer:
    matcher: Any  # spacy.matcher.PhraseMatcher on lowercase text
    entries: dict[str, Entry]  # match key -> entry
    #: nationality adjective (lowercase) -> the state it names
    adjective_states: dict[str, str]

    def find(self, doc) -> list[tuple[int, int, Entry]]:
        """Gazetteer matches in a parsed sentence, longest first and non-overlapping."""
        from spacy.util import filter_spans

        spans = []
        for match_id, start, end in self.matcher(doc):
            key = doc.vocab.strings[match_id]
            entry = self.entries[key]
            span = doc[start:end]
            text = span.text
            if key.startswith("ACR|") and text != key[4:]:
                continue  # acronyms must match case: "UE", not "ue"
            if entry.capitalised and not text[:1].isupper():
                continue  # "chine" in running text is not China
            span.label_ = key
            spans.append(span)
        return [(s.start, s.end, self.entries[s.label_]) for s in filter_spans(spans)]


_LOWERCASE_PREFIXES = ("îles ", "île ", "émirats ", "république ", "royaume ")


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(alias) <= 8


def build_gazetteer(data: LanguageData, nlp) -> Gazetteer:
    """Every name, adjective and capital of the language's countries and
    organisations in one phrase matcher (built once per language, by Pipeline)."""
    from spacy.matcher import PhraseMatcher

    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    entries: dict[str, Entry] = {}

    def add(alias: str, entry: Entry) -> None:
        alias = alias.strip()
        if not alias:
            return
        key = f"ACR|{alias}" if _is_acronym(alias) else f"{entry.via}|{alias.lower()}"
        if key in entries:
            return
        entry = Entry(entry.actor_id, entry.kind, entry.via,
                      capitalised=entry.via in ("name", "capital") and alias[:1].isupper())
        entries[key] = entry
        matcher.add(key, [nlp.make_doc(alias)])

    for iso3, forms in data.countries.items():
        for name in forms.get("names", []) or []:
            add(name, Entry(iso3, "state", "name"))
            for prefix in _LOWERCASE_PREFIXES:  # "les îles Salomon" is written in lowercase
                if name.startswith(prefix.capitalize()):
                    add(prefix + name[len(prefix):], Entry(iso3, "state", "adjective"))
        for adjective in forms.get("adjectives", []) or []:
            add(adjective, Entry(iso3, "state", "adjective"))
        for capital in forms.get("capitals", []) or []:
            add(capital, Entry(iso3, "state", "capital"))
    for igo_id, aliases in data.organisations.items():
        for alias in aliases or []:
            add(alias, Entry(igo_id, "igo", "acronym" if _is_acronym(alias) else "name"))
    adjectives = {a.lower(): iso for iso, forms in data.countries.items()
                  for a in forms.get("adjectives", []) or []}
    return Gazetteer(matcher, entries, adjectives)
