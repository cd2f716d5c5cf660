"""Rendering templates. (Filled in by the web work.)"""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse, Response

from acumat.errors import AcumatError


def render_error(request: Request, exc: AcumatError, status: int) -> Response:
    return HTMLResponse(f"<p>{exc}</p>", status_code=status)
