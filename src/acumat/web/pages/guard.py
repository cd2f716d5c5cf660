"""Refusing form posts that another website makes the browser send (cross-site request forgery).

acumat listens on this computer without accounts, so any page open in the browser could
otherwise post to it. Browsers label such requests with ``Origin`` (and ``Sec-Fetch-Site``);
a post whose origin is not this app's own is refused before any service is called.
"""

from __future__ import annotations

from fastapi import Depends, HTTPException, Request


def require_same_origin(request: Request) -> None:
    origin = request.headers.get("origin")
    own = f"{request.url.scheme}://{request.headers.get('host', '')}"
    if origin is not None and origin != own:
        raise HTTPException(403, "This form was sent from another website and was refused.")
    if request.headers.get("sec-fetch-site") == "cross-site":
        raise HTTPException(403, "This form was sent from another website and was refused.")


SameOrigin = Depends(require_same_origin)
