"""What every response carries and every request may weigh.

:class:`SecurityHeaders` adds ``X-Content-Type-Options: nosniff``,
``Referrer-Policy: no-referrer`` and, to HTML without a policy of its own, the
strict :data:`PAGE_CSP` (this server only: no other host, no script at all).
:class:`BodyLimit` answers 413 to a request body over :data:`MAX_BODY` bytes,
whether it declares its length or streams it.

Examples:
    >>> "script-src" in PAGE_CSP, "http" in PAGE_CSP
    (False, False)
    >>> csp_of('<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;">')
    "default-src 'none'"
"""

from __future__ import annotations

import html
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["MAX_BODY", "PAGE_CSP", "BodyLimit", "SecurityHeaders", "csp_of"]

MAX_BODY = 1024 * 1024
"""Bytes a request body may hold (a query is at most 20,000 characters)."""
PAGE_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
"""The policy of the server's own pages: its stylesheet, forms to itself, nothing else."""
_META_CSP = re.compile(
    r'<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"', re.IGNORECASE
)


def csp_of(page: str) -> str | None:
    """The policy a page's ``<meta http-equiv="Content-Security-Policy">`` states, if any."""
    found = _META_CSP.search(page)
    return None if found is None else html.unescape(found.group(1))


class SecurityHeaders:
    """ASGI middleware: nosniff and no-referrer everywhere, the strict policy on HTML."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"referrer-policy", b"no-referrer"))
                content_type = dict(headers).get(b"content-type", b"")
                if content_type.startswith(b"text/html") and (
                    b"content-security-policy" not in names
                ):
                    headers.append((b"content-security-policy", PAGE_CSP.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


class BodyLimit:
    """ASGI middleware: 413 for a request body over ``limit`` bytes."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await self._refuse(send)
            return
        seen = 0
        started = False

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except _TooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = f"request body over {self.limit} bytes\n".encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    """A streamed body went over the limit."""
