"""The one orchestrator: Document -> Record (record.md)."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

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
    data = load_language(language)
    nlp = load_pipeline(language)
    skip = [re.compile(p) for p in data.discourse["skip_line_patterns"]]
    sentences = split_sentences(document.text, document.body_start, skip)
    texts = [normalise_for_nlp(s.text) for s in sentences]
    parsed = ParsedDoc(document, data)
    line_of = _line_starts(document.text)
    for index, (sentence, doc) in enumerate(zip(sentences, nlp.pipe(texts, batch_size=64))):
        parsed.sentences.append(ParsedSentence(index, sentence, doc,
                                               paragraph=_paragraph(line_of, sentence.start)))
    return parsed


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
    if published:
        document = replace(document, published=published, published_basis="given")
    code = choose_language(document, language)
    document = replace(document, language=code)
    models = load_event_models(code) if learned else None
    return read_parsed(parse(document, code), models)


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
    language) pass through so callers can report them and go on."""
    for item in items:
        if isinstance(item, Rejection):
            yield item
            continue
        try:
            yield extract_document(item, language, published, learned)
        except DiplographError as exc:
            yield Rejection(item.source, str(exc))
