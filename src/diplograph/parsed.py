"""The one object that flows through the stages: a Document with its
sentences, each parsed by spaCy, plus what earlier stages found."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .lang import LanguageData
from .segment import Sentence
from .types import Document


@dataclass
class ParsedSentence:
    index: int
    sentence: Sentence
    doc: Any  # spacy.tokens.Doc of the sentence alone
    #: index of the paragraph (line) the sentence belongs to
    paragraph: int = 0
    #: sectors named in the sentence, read once (stages.context.sectors_in)
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
class ParsedDoc:
    document: Document
    language: LanguageData
    sentences: list[ParsedSentence] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.document.text

    def readable(self) -> list[ParsedSentence]:
        """Sentences that may serve as evidence."""
        return [s for s in self.sentences if not s.skip]
