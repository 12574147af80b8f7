"""The one orchestrator: Document -> Record (record.md)."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from .errors import DiplographError, UnsupportedLanguage
from .lang import load_language, supported_languages
from .langid import detect_language
from .models import load_event_models
from .nlp import load_pipeline, normalise_for_nlp
from .parsed import ParsedDoc, ParsedSentence
from .segment import split_sentences
from .stages.actors import ActorIndex, actor_list, find_actors
from .stages.agreements import DocumentMention, document_mentions, find_agreements
from .stages.events import find_events
from .stages.quantities import find_quantities
from .stages.times import TimeMention, find_times
from .types import Agreement, Document, Quantity, Record, Rejection


def choose_language(document: Document, forced: str | None = None) -> str:
    language = forced or document.language or detect_language(document.text)
    if language is None:
        raise UnsupportedLanguage("cannot tell the language (text too short); pass --lang")
    language = language.lower()[:2]
    if language not in supported_languages():
        raise UnsupportedLanguage(f"unsupported language {language!r} "
                                  f"(supported: {', '.join(supported_languages())})")
    return language


def parse(document: Document, language: str) -> ParsedDoc:
    return parse_many([(document, language)])[0]


def parse_many(documents: list[tuple[Document, str]]) -> list[ParsedDoc]:
    """Parse (document, language) pairs together: the sentences of all go
    through spaCy as one stream, in fuller batches than one document gives
    (faster; each sentence is still parsed on its own)."""
    split = [split_sentences(document.text, document.body_start, _skip_patterns(language))
             for document, language in documents]
    streams = {language: iter(load_pipeline(language).pipe(
        [normalise_for_nlp(s.text) for (_, code), sentences in zip(documents, split)
         if code == language for s in sentences], batch_size=64))
        for language in dict.fromkeys(code for _, code in documents)}
    out = []
    for (document, language), sentences in zip(documents, split):
        parsed = ParsedDoc(document, load_language(language))
        line_of = _line_starts(document.text)
        for index, sentence in enumerate(sentences):
            parsed.sentences.append(ParsedSentence(index, sentence, next(streams[language]),
                                                   paragraph=_paragraph(line_of, sentence.start)))
        out.append(parsed)
    return out


@lru_cache(maxsize=None)
def _skip_patterns(language: str) -> list[re.Pattern[str]]:
    return [re.compile(p) for p in load_language(language).discourse["skip_line_patterns"]]


def _line_starts(text: str) -> list[int]:
    starts, offset = [], 0
    for line in text.splitlines(keepends=True):
        starts.append(offset)
        offset += len(line)
    return starts


def _paragraph(line_starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(line_starts, offset) - 1


def extract_document(document: Document, language: str | None = None,
                     published: str | None = None, learned: bool = False) -> Record:
    """Read one document; ``published`` overrides any date from metadata.
    ``learned`` lets the shipped models of the language revise the rules'
    event drafts (off by default: see docs/models.md for their figures)."""
    document, code = _prepared(document, language, published)
    models = load_event_models(code) if learned else None
    return read_parsed(parse(document, code), models)


def _prepared(document: Document, language: str | None, published: str | None
              ) -> tuple[Document, str]:
    """The document with its publication date and language settled, and the language."""
    if published:
        document = replace(document, published=published, published_basis="given")
    code = choose_language(document, language)
    return replace(document, language=code), code


@dataclass
class Findings:
    """What the stages before the events found in one parsed document."""
    actors: ActorIndex
    times: list[TimeMention]
    quantities: list[Quantity]
    documents: list[DocumentMention]
    agreements: list[Agreement]


def read_before_events(parsed: ParsedDoc) -> Findings:
    """Actors, dates, quantities and agreements; sets the publication date
    the text implies on ``parsed.document``."""
    actors = find_actors(parsed)
    times, when = find_times(parsed)
    parsed.document = replace(parsed.document, published=when.value, published_basis=when.basis)
    quantities = find_quantities(parsed, actors, times)
    documents = document_mentions(parsed)  # named or merely referred to; read once
    agreements = find_agreements(parsed, actors, times, documents)
    return Findings(actors, times, quantities, documents, agreements)


def read_parsed(parsed: ParsedDoc, models=None) -> Record:
    """Run the stages over a parsed document (kept apart from parsing so
    that training can parse once and read many times)."""
    found = read_before_events(parsed)
    events = find_events(parsed, found.actors, found.times, found.quantities,
                         found.agreements, found.documents, models)
    return Record(parsed.document, actor_list(found.actors), events, found.agreements,
                  found.quantities)


def extract(items: Iterable[Document | Rejection], language: str | None = None,
            published: str | None = None, learned: bool = False
            ) -> Iterator[Record | Rejection]:
    """Records for documents; rejections (unreadable input, unsupported
    language) pass through so callers can report them and go on. Documents
    are read a few at a time, parsed together (parse_many)."""
    group: list[Document | Rejection] = []
    for item in items:
        group.append(item)
        if len(group) == _GROUP:
            yield from _extract_group(group, language, published, learned)
            group = []
    yield from _extract_group(group, language, published, learned)


#: documents parsed together by extract()
_GROUP = 16


def _extract_group(items: list[Document | Rejection], language: str | None,
                   published: str | None, learned: bool) -> Iterator[Record | Rejection]:
    """What extract_document gives for each item, in order, with one parse for all."""
    results: list[Record | Rejection | None] = []
    ready: list[tuple[int, Document, str]] = []
    for item in items:
        if isinstance(item, Rejection):
            results.append(item)
            continue
        try:
            document, code = _prepared(item, language, published)
        except DiplographError as exc:
            results.append(Rejection(item.source, str(exc)))
            continue
        ready.append((len(results), document, code))
        results.append(None)
    try:
        parsed = parse_many([(document, code) for _, document, code in ready])
    except Exception:  # noqa: BLE001 - one bad document must not cost the group:
        parsed = [None] * len(ready)  # each is parsed alone and reports its own error
    for (position, document, code), doc in zip(ready, parsed):
        try:
            if doc is None:
                results[position] = extract_document(document, code, learned=learned)
            else:
                models = load_event_models(code) if learned else None
                results[position] = read_parsed(doc, models)
        except DiplographError as exc:
            results[position] = Rejection(items[position].source, str(exc))
    yield from results
