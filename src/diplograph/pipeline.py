"""One language's reader, built once: the spaCy pipeline, the language data,
and the stages with the matchers and patterns they compile from that data.

``Pipeline.for_language(code)`` is the only place a language is set up;
parsing and every stage take what they need from the pipeline (or from the
parsed document, which knows the pipeline that parsed it).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import ClassVar

from .gazetteer import Gazetteer, build_gazetteer
from .lang import LanguageData, load_language
from .models import EventModels, load_event_models
from .nlp import load_pipeline, normalise_for_nlp
from .parsed import Findings, ParsedDoc, ParsedSentence
from .segment import split_sentences
from .stages.actors import actor_list, find_actors
from .stages.agreements import AgreementReader
from .stages.context import SectorReader
from .stages.events import find_events
from .stages.quantities import QuantityReader
from .stages.times import TimeReader
from .stages.triggers import TriggerReader
from .types import Document, Record

#: sentences spaCy parses per batch
_BATCH = 64


@dataclass(eq=False)
class Pipeline:
    """Everything one language is read with."""

    language: LanguageData
    nlp: object  # spacy.Language
    skip_patterns: list[re.Pattern[str]]
    gazetteer: Gazetteer
    times: TimeReader
    sectors: SectorReader
    quantities: QuantityReader
    agreements: AgreementReader
    triggers: TriggerReader
    #: the shipped learned models of the language (None: it has none)
    models: EventModels | None

    _built: ClassVar[dict[str, Pipeline]] = {}

    @classmethod
    def for_language(cls, code: str) -> Pipeline:
        """The pipeline of a supported language, built on first use."""
        if code not in cls._built:
            language = load_language(code)
            nlp = load_pipeline(code)
            cls._built[code] = cls(
                language, nlp,
                [re.compile(p) for p in language.discourse["skip_line_patterns"]],
                build_gazetteer(language, nlp), TimeReader(language), SectorReader(language), QuantityReader(language),
                AgreementReader(language, nlp), TriggerReader(language, nlp),
                load_event_models(code))
        return cls._built[code]

    def parse(self, documents: list[Document]) -> list[ParsedDoc]:
        """Split and parse documents of this language. The sentences of all go
        through spaCy as one stream, in fuller batches than one document gives
        (faster; each sentence is still parsed on its own)."""
        split = [split_sentences(d.text, d.body_start, self.skip_patterns) for d in documents]
        stream = self.nlp.pipe((normalise_for_nlp(s.text) for sentences in split
                                for s in sentences), batch_size=_BATCH)
        out = []
        for document, sentences in zip(documents, split):
            parsed = ParsedDoc(document, self.language, pipeline=self)
            line_starts = _line_starts(document.text)
            for index, sentence in enumerate(sentences):
                paragraph = bisect.bisect_right(line_starts, sentence.start) - 1
                parsed.sentences.append(ParsedSentence(index, sentence, next(stream),
                                                       paragraph=paragraph))
            out.append(parsed)
        return out

    def find_before_events(self, parsed: ParsedDoc) -> Findings:
        """Actors, dates, quantities and agreements, kept on ``parsed.found``
        for whoever reads the parsed document next (training reads it many
        times); the publication date the text implies goes on
        ``parsed.publication``, and the document itself is left as given."""
        parsed.found, parsed.publication = None, None  # a new reading starts from the document
        actors = find_actors(parsed)
        times, published = self.times.find(parsed)
        parsed.publication = published
        quantities = self.quantities.find(parsed, actors, times)
        documents = self.agreements.mentions(parsed)  # named or merely referred to; read once
        agreements = self.agreements.find(parsed, actors, times, documents)
        parsed.found = Findings(actors, times, quantities, documents, agreements)
        return parsed.found

    def read(self, parsed: ParsedDoc, models=None) -> Record:
        """Every stage over a parsed document (kept apart from parsing so that
        training can parse once and read many times). ``models`` are the
        learned models that may revise the rules' event drafts."""
        found = self.find_before_events(parsed)
        events = find_events(parsed, found.actors, found.times, found.quantities,
                             found.agreements, found.documents, models)
        document = replace(parsed.document, published=parsed.publication.value,
                           published_basis=parsed.publication.basis)
        return Record(document, actor_list(found.actors), events, found.agreements,
                      found.quantities)


def _line_starts(text: str) -> list[int]:
    starts, offset = [], 0
    for line in text.splitlines(keepends=True):
        starts.append(offset)
        offset += len(line)
    return starts
