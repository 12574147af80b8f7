"""Answers to reads, kept until the store changes.

Every GET of the dashboard and the API is a pure function of the URL and the
store's contents, and the store only changes when a document is ingested. So
a whole answer (status 200, headers and body) is kept under its path and query,
tagged with the store's write generation; an ingest bumps the generation and
the next read of every URL is computed afresh. Aggregates that cost tens of
milliseconds (the overview's counts and charts, a pair's page) are then served
in well under one, which is what lets one server answer many analysts.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

#: never kept: files served from disk (they have their own HTTP caching) and
#: pages that depend on more than the store
UNCACHED_PREFIXES = ("/static", "/docs-assets", "/upload", "/docs")
CACHE_HEADER = b"x-diplograph-cache"


class ResponseCache:
    """ASGI middleware; ``generation()`` returns the store's write generation."""

    def __init__(self, app, generation: Callable[[], int], max_bytes: int = 64_000_000,
                 max_item_bytes: int = 4_000_000):
        self.app = app
        self.generation = generation
        self.max_bytes = max_bytes
        self.max_item_bytes = max_item_bytes
        self._items: OrderedDict[tuple, tuple[int, list, bytes]] = OrderedDict()
        self._bytes = 0
        self._generation = generation()
        self.hits = 0
        self.misses = 0

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET" \
                or scope["path"].startswith(UNCACHED_PREFIXES):
            return await self.app(scope, receive, send)
        generation = self.generation()
        if generation != self._generation:
            self.clear()
            self._generation = generation
        key = (scope["path"], scope.get("query_string", b""))
        kept = self._items.get(key)
        if kept is not None:
            self.hits += 1
            self._items.move_to_end(key)
            status, headers, body = kept
            await send({"type": "http.response.start", "status": status,
                        "headers": [*headers, (CACHE_HEADER, b"hit")]})
            await send({"type": "http.response.body", "body": body})
            return
        self.misses += 1
        await self._answer_and_keep(scope, receive, send, key, generation)

    async def _answer_and_keep(self, scope, receive, send, key: tuple, generation: int):
        start: dict = {}
        chunks: list[bytes] = []
        size = 0
        keep = True

        async def sending(message):
            nonlocal size, keep
            if message["type"] == "http.response.start":
                start.update(message)
                keep = message["status"] == 200
            elif message["type"] == "http.response.body" and keep:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
                keep = size <= self.max_item_bytes
            await send(message)

        await self.app(scope, receive, sending)
        # kept only if the store did not change while the answer was made
        if keep and start and generation == self.generation() == self._generation:
            self._keep(key, (start["status"], list(start.get("headers", [])),
                             b"".join(chunks)))

    def _keep(self, key: tuple, item: tuple[int, list, bytes]) -> None:
        if key in self._items:
            return
        self._items[key] = item
        self._bytes += len(item[2])
        while self._bytes > self.max_bytes and self._items:
            _, (_, _, body) = self._items.popitem(last=False)
            self._bytes -= len(body)

    def clear(self) -> None:
        self._items.clear()
        self._bytes = 0
