"""CSRF tokens tied to the browser (the double-submit cookie pattern).

Each browser gets a random token in an HttpOnly, SameSite=Strict cookie; every form
carries the same token in a hidden field. A post is accepted only when both are present and
equal, so a page on another site (which can neither read the cookie nor guess the token)
cannot make the browser submit a form, and a token copied from another browser does not
match this one's cookie. The Host allowlist and Origin check in :mod:`acumat.http.guard`
come first.
"""

from __future__ import annotations

import secrets
from http.cookies import CookieError, SimpleCookie

from fastapi import Depends, HTTPException, Request

COOKIE = "acumat_csrf"
FIELD = "csrf_token"
TOKEN_BYTES = 32
MAX_AGE = 60 * 60 * 24 * 365
REFUSED = (
    "This form could not be accepted because it was not sent from this browser's own "
    "acumat page (or the page was open for too long). Go back, reload the page and try again."
)


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_from_cookie(header: str) -> str | None:
    """The browser's token from a ``Cookie`` header, if it has a well-formed one."""
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except CookieError:
        return None
    found = jar.get(COOKIE)
    if found is None or not 20 <= len(found.value) <= 100 or not found.value.isascii():
        return None
    return found.value


def cookie_header(token: str) -> str:
    return f"{COOKIE}={token}; Path=/; Max-Age={MAX_AGE}; HttpOnly; SameSite=Strict"


def csrf_token(request: Request) -> str:
    """The token this browser's forms must carry (set by the request guard)."""
    token = getattr(request.state, "csrf_token", "")
    return token if isinstance(token, str) else ""


async def require_csrf_token(request: Request) -> None:
    """Refuse a form whose hidden token is missing or differs from the browser's cookie."""
    cookie = token_from_cookie(request.headers.get("cookie", ""))
    form = await request.form()
    sent = form.get(FIELD)
    if cookie is None or not isinstance(sent, str) or not secrets.compare_digest(cookie, sent):
        raise HTTPException(403, REFUSED)


FormGuard = Depends(require_csrf_token)
