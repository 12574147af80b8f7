"""Documents in, records out (record.md): the language of each document
settled, documents parsed a few at a time, and one bad document never
costing the others. The reading itself is Pipeline's."""
from __future__ import annotations

import traceback
from collections.abc import Iterable, Iterator
from dataclasses import replace

from .errors import DiplographError, InputError, UnsupportedLanguage
from .lang import supported_languages
from .langid import detect_language
from .parsed import ParsedDoc
from .periods import first_day
from .pipeline import Pipeline
from .types import Document, Record, Rejection


def choose_language(document: Document, fallback: str | None = None) -> str:
    """The document's own language: as declared (a JSONL ``language`` field, an
    HTML ``lang``), else as detected; ``fallback`` (``--lang``) only for a
    document whose language cannot be told, never relabelling one that can."""
    fallback = None if fallback in (None, "", "auto") else fallback
    language = _code(document.language) or detect_language(document.text) or fallback
    if language is None:
        raise UnsupportedLanguage("cannot tell the language (text too short); pass --lang")
    language = _code(language)
    if language not in supported_languages():
        raise UnsupportedLanguage(f"unsupported language {language!r} "
                                  f"(supported: {', '.join(supported_languages())})")
    return language


def _code(tag: str | None) -> str | None:
    """ISO 639-1 code of a language tag ("fr-FR", "EN" -> "fr", "en")."""
    if not tag or not tag.strip():
        return None
    return tag.strip().lower().replace("_", "-").split("-")[0]


def parse(document: Document, language: str) -> ParsedDoc:
    return parse_many([(document, language)])[0]


def parse_many(documents: list[tuple[Document, str]]) -> list[ParsedDoc]:
    """Parse (document, language) pairs, each language's documents together
    (Pipeline.parse), in the order given."""
    by_language: dict[str, list[int]] = {}
    for position, (_, code) in enumerate(documents):
        by_language.setdefault(code, []).append(position)
    out: list[ParsedDoc | None] = [None] * len(documents)
    for code, positions in by_language.items():
        parsed = Pipeline.for_language(code).parse([documents[p][0] for p in positions])
        for position, doc in zip(positions, parsed):
            out[position] = doc
    return out


def extract_document(document: Document, language: str | None = None,
                     published: str | None = None, learned: bool = False) -> Record:
    """Read one document; ``published`` overrides any date from metadata.
    ``learned`` lets the shipped models of the language revise the rules'
    event drafts (off by default: see docs/models.md for their figures)."""
    document, code = _prepared(document, language, published)
    parsed = parse(document, code)
    return parsed.pipeline.read(parsed, parsed.pipeline.models if learned else None)


def _prepared(document: Document, language: str | None, published: str | None
              ) -> tuple[Document, str]:
    """The document with its publication date and language settled, and the language."""
    if published:
        document = replace(document, published=published, published_basis="given")
    if document.published and first_day(document.published) is None:
        raise InputError(f"publication date {document.published!r} is not a real date "
                         "(YYYY, YYYY-MM or YYYY-MM-DD)")
    code = choose_language(document, language)
    return replace(document, language=code), code


def extract(items: Iterable[Document | Rejection], language: str | None = None,
            published: str | None = None, learned: bool = False,
            skip_unsupported: bool = False) -> Iterator[Record | Rejection]:
    """Records for documents; rejections (unreadable input, unsupported
    language) pass through so callers can report them and go on. Documents
    are read a few at a time, parsed together (parse_many). ``language`` is
    the fallback for documents whose language cannot be told (choose_language);
    with ``skip_unsupported`` a document in a language diplograph does not read
    is a "skipped" rejection (no failure: feeds mix languages)."""
    group: list[Document | Rejection] = []
    for item in items:
        group.append(item)
        if len(group) == _GROUP:
            yield from _extract_group(group, language, published, learned, skip_unsupported)
            group = []
    yield from _extract_group(group, language, published, learned, skip_unsupported)


#: documents parsed together by extract()
_GROUP = 16


def _extract_group(items: list[Document | Rejection], language: str | None,
                   published: str | None, learned: bool, skip_unsupported: bool = False
                   ) -> Iterator[Record | Rejection]:
    """What extract_document gives for each item, in order, with one parse for all."""
    results: list[Record | Rejection | None] = []
    ready: list[tuple[int, Document, str]] = []
    for item in items:
        if isinstance(item, Rejection):
            results.append(item)
            continue
        try:
            document, code = _prepared(item, language, published)
        except UnsupportedLanguage as exc:
            results.append(Rejection(item.source, str(exc),
                                     kind="skipped" if skip_unsupported else "error"))
            continue
        except DiplographError as exc:
            results.append(Rejection(item.source, str(exc)))
            continue
        except Exception as exc:  # noqa: BLE001 - a bug costs its document only
            results.append(internal_error(item.source, exc))
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
                results[position] = doc.pipeline.read(doc, doc.pipeline.models if learned
                                                      else None)
        except DiplographError as exc:
            results[position] = Rejection(items[position].source, str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug costs its document only
            results[position] = internal_error(items[position].source, exc)
    yield from results


def internal_error(source: str, exc: BaseException) -> Rejection:
    """A failure nobody foresaw, kept with its traceback for a bug report."""
    trace = "".join(traceback.format_exception(exc))
    return Rejection(source, f"internal error ({type(exc).__name__}: {exc}); "
                     "please report it with the log below", kind="internal", trace=trace)
