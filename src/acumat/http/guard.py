"""Request guards that run before any handler, for pages and the JSON API alike.

- **Host allowlist.** acumat answers only to the names it serves (by default
  ``127.0.0.1``, ``localhost`` and ``[::1]``, with or without the port): anything else gets
  400 before a handler runs, which closes DNS rebinding (a hostile site whose name points
  at 127.0.0.1 would otherwise be "same-origin").
- **Cross-site writes.** A state-changing request whose ``Origin`` is not one of those
  hosts, or that the browser labels ``Sec-Fetch-Site: cross-site``, is refused with 403.
  Forms also carry a CSRF token tied to the browser (:mod:`acumat.http.csrf`).
- **Body size.** Bodies over :data:`MAX_BODY_BYTES` get 413 before they are read whole.
- **Headers.** Every response asks browsers not to store it, sniff it, frame it, send a
  referrer, or run any script that is not one of acumat's own files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from acumat.http.csrf import COOKIE, FormGuard, cookie_header, new_token, token_from_cookie

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
MAX_BODY_BYTES = 2 * 1024 * 1024
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"cache-control", b"no-store"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
)


def allowed_hosts(port: int, names: Iterable[str] = LOOPBACK_NAMES) -> frozenset[str]:
    """``Host`` header values acumat answers to: each name, bare and with ``port``."""
    return frozenset(host for name in names for host in (name, f"{name}:{port}"))


class RequestGuard:
    """ASGI middleware applying the guards above to every HTTP request."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts
        self.origins = frozenset(f"{scheme}://{h}" for h in hosts for scheme in ("http", "https"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _headers(scope)
        refusal = self._refusal(scope["method"], headers)
        if refusal is not None:
            await _refuse(send, *refusal, wants_json=_wants_json(scope))
            return
        token = token_from_cookie(headers.get("cookie", ""))
        scope.setdefault("state", {})["csrf_token"] = token or new_token()
        guarded_send = _with_headers(send, None if token else scope["state"]["csrf_token"])
        await self.app(scope, _limited(receive), guarded_send)

    def _refusal(self, method: str, headers: dict[str, str]) -> tuple[int, str] | None:
        if headers.get("host", "") not in self.hosts:
            return 400, "This server does not answer to that address."
        if method not in SAFE_METHODS and not self._same_origin(headers):
            return 403, "This request was sent from another website and was refused."
        length = headers.get("content-length", "0")
        if not length.isascii() or not length.isdigit():
            return 400, "The request's Content-Length is not a number."
        if int(length) > MAX_BODY_BYTES:
            return 413, _too_large()
        return None

    def _same_origin(self, headers: dict[str, str]) -> bool:
        """Whether a write comes from acumat's own pages (or from no browser at all).

        Pages are served with ``Referrer-Policy: no-referrer``, so browsers send their own
        form posts with ``Origin: null``; then ``Sec-Fetch-Site`` must say same-origin.
        """
        origin = headers.get("origin")
        fetch_site = headers.get("sec-fetch-site")
        if fetch_site in ("cross-site", "same-site"):
            return False
        if origin == "null":
            return fetch_site in (None, "same-origin", "none")
        return origin is None or origin in self.origins


def _too_large() -> str:
    return f"The request is larger than {MAX_BODY_BYTES // (1024 * 1024)} MB and was refused."


def _headers(scope: Scope) -> dict[str, str]:
    found: dict[str, str] = {}
    for key, value in scope["headers"]:
        name = key.decode("latin-1").lower()
        if name in found and name == "host":
            found[name] = "\x00"  # two Host headers: answer to neither
            continue
        found[name] = value.decode("latin-1")
    return found


def _wants_json(scope: Scope) -> bool:
    return str(scope.get("path", "")).startswith("/api/")


def _with_headers(send: Send, new_cookie: str | None) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [
                (k, v) for k, v in message.get("headers", []) if k.lower() not in _SECURITY_NAMES
            ]
            headers.extend(SECURITY_HEADERS)
            if new_cookie is not None:
                headers.append((b"set-cookie", cookie_header(new_cookie).encode("latin-1")))
            message = {**message, "headers": headers}
        await send(message)

    return sending


_SECURITY_NAMES = frozenset(name for name, _ in SECURITY_HEADERS)


class BodyTooLarge(HTTPException):
    """Raised inside the app when a streamed body passes the limit: answered with 413."""

    def __init__(self) -> None:
        super().__init__(413, _too_large())


def _limited(receive: Receive) -> Receive:
    seen = 0

    async def receiving() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > MAX_BODY_BYTES:
                raise BodyTooLarge
        return message

    return receiving


async def _refuse(send: Send, status: int, message: str, *, wants_json: bool) -> None:
    if wants_json:
        codes = {400: "bad_request", 403: "forbidden", 413: "too_large"}
        body = json.dumps(
            {"error": codes.get(status, "refused"), "message": message, "problems": []}
        ).encode()
        kind = b"application/json"
    else:
        body = _refusal_page(status, message).encode()
        kind = b"text/html; charset=utf-8"
    headers: list[Any] = [(b"content-type", kind), (b"content-length", str(len(body)).encode())]
    await _with_headers(send, None)(
        {"type": "http.response.start", "status": status, "headers": headers}
    )
    await send({"type": "http.response.body", "body": body})


def _refusal_page(status: int, message: str) -> str:
    """A small self-contained page: it is shown before the app (and its templates) is reached."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Refused · acumat</title></head><body><main><h1>That request was refused</h1>"
        f"<p>{message}</p><p>Open acumat at the address it printed when it started, such as "
        "http://127.0.0.1:8000/.</p></main></body></html>"
    )


__all__ = ["COOKIE", "MAX_BODY_BYTES", "BodyTooLarge", "FormGuard", "RequestGuard", "allowed_hosts"]
