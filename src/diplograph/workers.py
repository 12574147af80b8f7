"""Extraction on several local processes (``--workers N``), records in input order.

Documents are sent to worker processes in chunks; each worker loads the
language pipelines once and runs :func:`diplograph.extract.extract` on its
chunks, so a record is the same bytes whichever process made it. At most a
few chunks per worker are in flight, so memory stays bounded whatever the
size of the input, and results are yielded in the order the inputs came.
Workers are started with "spawn": the parent may hold a store connection and
threads, which a forked child must not inherit.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context

from .extract import extract
from .types import Document, Record, Rejection

#: documents per chunk sent to a worker (enough for spaCy's batching)
CHUNK = 16
#: chunks in flight per worker: one being read, one waiting
IN_FLIGHT = 2


def _extract_chunk(chunk: list[Document | Rejection], language: str | None,
                   published: str | None, learned: bool, skip_unsupported: bool
                   ) -> list[Record | Rejection]:
    return list(extract(chunk, language=language, published=published, learned=learned,
                        skip_unsupported=skip_unsupported))


def extract_in_workers(items: Iterable[Document | Rejection], workers: int,
                       language: str | None = None, published: str | None = None,
                       learned: bool = False, skip_unsupported: bool = False
                       ) -> Iterator[Record | Rejection]:
    """What :func:`extract` yields for ``items``, in the same order, made by
    ``workers`` processes (one process: :func:`extract` itself)."""
    if workers <= 1:
        yield from extract(items, language=language, published=published, learned=learned,
                           skip_unsupported=skip_unsupported)
        return
    options = (language, published, learned, skip_unsupported)
    pending: deque[tuple[list[Document | Rejection], Future]] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        for chunk in _chunks(items, CHUNK):
            pending.append((chunk, pool.submit(_extract_chunk, chunk, *options)))
            while len(pending) >= workers * IN_FLIGHT:
                yield from _result(*pending.popleft())
        while pending:
            yield from _result(*pending.popleft())


def _result(chunk: list[Document | Rejection], future: Future) -> list[Record | Rejection]:
    """A chunk's records; a worker that died (killed, out of memory) costs its
    chunk only, each input of it reported with the reason."""
    try:
        return future.result()
    except BrokenProcessPool as exc:
        reason = f"the worker process reading it stopped ({exc})"
        return [item if isinstance(item, Rejection) else Rejection(item.source, reason,
                                                                   kind="internal")
                for item in chunk]


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
