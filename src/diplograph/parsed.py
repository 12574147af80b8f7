"""The one object that flows through the stages: a Document with its
sentences, each parsed by spaCy, plus what earlier stages found."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .lang import LanguageData
from .segment import Sentence
from .types import Agreement, Document, Quantity

if TYPE_CHECKING:
    from .pipeline import Pipeline
    from .stages.actors import ActorIndex
    from .stages.agreements import DocumentMention
    from .stages.times import Published, TimeMention


@dataclass
class ParsedSentence:
    index: int
    sentence: Sentence
    doc: Any  # spacy.tokens.Doc of the sentence alone
    #: index of the paragraph (line) the sentence belongs to
    paragraph: int = 0
    #: sectors named in the sentence, read once (stages.context.SectorReader)
    sectors: frozenset[str] | None = None

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end

    @property
    def skip(self) -> bool:
        return self.sentence.skip

    def char_span(self, token_start: int, token_end: int) -> tuple[int, int]:
        """Document offsets of tokens [token_start, token_end) of this sentence."""
        first, last = self.doc[token_start], self.doc[token_end - 1]
        return self.start + first.idx, self.start + last.idx + len(last.text)


@dataclass
class Findings:
    """What the stages before the events found in one parsed document."""

    actors: ActorIndex
    times: list[TimeMention]
    quantities: list[Quantity]
    documents: list[DocumentMention]
    agreements: list[Agreement]


@dataclass
class ParsedDoc:
    document: Document  # as given: no stage changes it
    language: LanguageData
    sentences: list[ParsedSentence] = field(default_factory=list)
    #: the pipeline that parsed the document: the stages of its language
    pipeline: Pipeline | None = None
    #: the publication date the text implies (dates stage), once read
    publication: Published | None = None
    #: what the stages before the events found, once they have run
    found: Findings | None = None

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def published(self) -> str | None:
        """The publication day: as the dates stage settled it, else as given."""
        return self.publication.value if self.publication else self.document.published

    def readable(self) -> list[ParsedSentence]:
        """Sentences that may serve as evidence."""
        return [s for s in self.sentences if not s.skip]
