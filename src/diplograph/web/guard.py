"""Who may talk to the server, how much they may send, and what every answer
carries: one ASGI middleware in front of the application.

- Host allow-list on every request: a page on another site that rebinds its
  own name to 127.0.0.1 (DNS rebinding) sends its own name as Host, and is
  refused before it can read or write anything.
- Writes (any method but GET, HEAD, OPTIONS) carry the server's token, or come
  from this server's own pages (Origin, else Referer, equal to this server's
  scheme, host and port) while the server listens on loopback only.
- Request bodies are counted as they arrive, with or without Content-Length,
  and refused past the limit.
- Security headers on every response; HEAD answered as GET without a body.
"""
from __future__ import annotations

import hmac
from collections.abc import Iterable
from urllib.parse import urlsplit

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
TOKEN_HEADER = "x-diplograph-token"
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


def host_name(header: str) -> str:
    """"Example.org:8000" -> "example.org"; "[::1]:8000" -> "::1"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard:
    """ASGI middleware; ``refuse(scope, status, message)`` builds the error
    response in the application's one error shape."""

    def __init__(self, app, refuse, hosts: Iterable[str], token: str | None, max_body: int,
                 token_required: bool = False):
        self.app = app
        self.refuse = refuse
        self.hosts = {h.lower() for h in hosts}
        self.token = token
        self.token_required = token_required and token is not None
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        send = _with_headers(send, head=scope["method"] == "HEAD")
        if scope["method"] == "HEAD":
            scope = dict(scope, method="GET")
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        problem = self._problem(scope, headers)
        if problem:
            return await self.refuse(scope, *problem)(scope, receive, send)
        if scope["method"] in SAFE_METHODS:
            return await self.app(scope, receive, send)
        body = await _read_body(receive, self.max_body)
        if body is None:
            return await self.refuse(scope, 413, f"request larger than {self.max_body:,} "
                                                  "bytes")(scope, receive, send)
        if not (self._token_in_headers(headers)
                or await self._token_in_form(scope, headers, body)):
            problem = self._foreign_write(scope, headers)
            if problem:
                return await self.refuse(scope, *problem)(scope, receive, send)
        return await self.app(scope, _replay(body, receive), send)

    def _token_in_headers(self, headers: dict[str, str]) -> bool:
        given = headers.get(TOKEN_HEADER) or _bearer(headers.get("authorization", ""))
        return self._is_token(given)

    async def _token_in_form(self, scope, headers: dict[str, str], body: bytes) -> bool:
        """The upload page's own form carries the token as a field (a form
        cannot set headers)."""
        from starlette.requests import Request

        forms = ("multipart/form-data", "application/x-www-form-urlencoded")
        if self.token is None or not headers.get("content-type", "").startswith(forms):
            return False
        try:
            async with Request(scope, _replay(body, _nothing)).form() as form:
                given = form.get("token")
                return isinstance(given, str) and self._is_token(given)
        except Exception:  # noqa: BLE001 - a form that cannot be parsed carries no token
            return False

    def _is_token(self, given: str | None) -> bool:
        return bool(given) and self.token is not None and \
            hmac.compare_digest(given.encode(), self.token.encode())

    def _problem(self, scope, headers: dict[str, str]) -> tuple[int, str] | None:
        host = headers.get("host", "")
        if host_name(host) not in self.hosts:
            return 421, (f"host {host!r} is not served here (allowed: "
                         f"{', '.join(sorted(self.hosts))}; see serve --allow-host)")
        if scope["method"] in SAFE_METHODS:
            return None
        size = headers.get("content-length", "")
        if size.isdigit() and int(size) > self.max_body:
            return 413, f"request larger than {self.max_body:,} bytes"
        return None

    def _foreign_write(self, scope, headers: dict[str, str]) -> tuple[int, str] | None:
        """Why a write without the token is refused, or None when it comes
        from this server's own pages (and the token is not required)."""
        if self.token_required:
            return 401, (f"writes need the server's token (header {TOKEN_HEADER}, or the "
                         "upload form's token field)")
        own = f"{scope.get('scheme', 'http')}://{headers.get('host', '').lower()}"
        origin = headers.get("origin")
        if origin is not None:
            return None if origin.lower() == own else (403, f"posts from {origin} are "
                                                            "not accepted")
        referer = headers.get("referer")
        if referer is None:
            return 403, ("a write needs this server's pages as Origin or Referer, or the "
                         f"token (header {TOKEN_HEADER})")
        parts = urlsplit(referer)
        if f"{parts.scheme}://{parts.netloc}".lower() != own:
            return 403, "posts from other sites are not accepted"
        return None


async def _nothing():
    return {"type": "http.disconnect"}


def _bearer(value: str) -> str | None:
    scheme, _, token = value.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


async def _read_body(receive, limit: int) -> bytes | None:
    """The whole body, or None as soon as it passes ``limit`` (chunked
    uploads announce no length, so the bytes themselves are counted)."""
    chunks, seen = [], 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks)  # the client left; the app will see it too
        chunk = message.get("body", b"")
        seen += len(chunk)
        if seen > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes, receive):
    sent = False

    async def replay():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()
    return replay


def _with_headers(send, head: bool):
    """Add the security headers to the response; for HEAD, drop the body."""
    async def sending(message):
        if message["type"] == "http.response.start":
            present = {k.lower() for k, _ in message.get("headers", [])}
            extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
            message = dict(message, headers=[*message.get("headers", []), *extra])
        elif message["type"] == "http.response.body" and head:
            message = dict(message, body=b"")
        await send(message)
    return sending
