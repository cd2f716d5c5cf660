"""The one place acumat's errors become HTTP statuses and bodies.

API requests get ``{"error", "message", "problems": [{"field", "code", "message"}]}``
(field keys and codes for programs, the catalogue's plain sentence); page requests get the
error page, worded for people by :mod:`acumat.web.render`.
"""

from __future__ import annotations

from collections.abc import Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from acumat.errors import (
    AcumatError,
    Busy,
    Conflict,
    DatabaseNotReady,
    DatabaseUnavailable,
    InvalidInput,
    NotFound,
    Problem,
)
from acumat.validation import problems_from_errors

STATUS: list[tuple[type[AcumatError], int, str]] = [
    (InvalidInput, 422, "invalid_input"),
    (NotFound, 404, "not_found"),
    (Conflict, 409, "conflict"),
    (Busy, 503, "busy"),
    (DatabaseNotReady, 503, "database_not_ready"),
    (DatabaseUnavailable, 503, "database_unavailable"),
]
RETRY_AFTER = {"Retry-After": "2"}

HTTP_CODES = {
    400: "bad_request",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
}
# Inside the app a 400 is only ever FastAPI failing to read a body; its words are a library's.
BODY_UNREADABLE = "The body could not be read: send one JSON object, written in UTF-8."
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
HtmlError = Callable[[Request, AcumatError, int], Response]
HtmlHttpError = Callable[[Request, int, str], Response]


def status_for(exc: AcumatError) -> tuple[int, str]:
    for kind, status, code in STATUS:
        if isinstance(exc, kind):
            return status, code
    return 500, "error"


def error_body(exc: AcumatError) -> dict[str, object]:
    _, code = status_for(exc)
    problems = exc.problems if isinstance(exc, InvalidInput) else []
    body: dict[str, object] = {
        "error": code,
        "message": _printable(str(exc)),
        "problems": [
            {"field": _printable(p.field), "code": p.code, "message": _printable(p.message)}
            for p in problems
        ],
    }
    triage = getattr(exc, "triage", None)  # a refused check-in still shows its urgent sign
    if triage is not None and hasattr(triage, "model_dump"):
        body["safety"] = triage.model_dump(mode="json")
    return body


def _printable(text: str) -> str:
    """``text`` as UTF-8 can carry it: a refusal may quote a key holding a lone surrogate."""
    return text.encode("utf-8", "replace").decode("utf-8")


def _from_request_validation(exc: RequestValidationError) -> InvalidInput:
    problems = problems_from_errors(exc.errors(), skip=("body", "query", "path"))
    return InvalidInput(
        [
            Problem("body" if p.field == "entry" else p.field, p.message, p.code, p.params)
            for p in problems
        ]
    )


def allowed_methods(request: Request) -> str:
    """Every method some route serves at this request's path, for an ``Allow`` header.

    The router's own 405 names only the first route that matched the path (``GET`` where
    ``GET`` and ``POST`` are two routes), so each method is tried against every route.
    """
    routes = request.app.router.routes
    served = [
        method
        for method in METHODS
        if any(
            route.matches({**request.scope, "method": method})[0] == Match.FULL for route in routes
        )
    ]
    return ", ".join([*served, "OPTIONS"])


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/")


def install(app: FastAPI, *, html_error: HtmlError, html_http_error: HtmlHttpError) -> None:
    """Register the handlers on ``app``; pages' errors are drawn by the given renderers."""

    async def on_acumat_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, AcumatError)
        status, _ = status_for(exc)
        headers = RETRY_AFTER if isinstance(exc, Busy) else {}
        if _wants_html(request):
            response = html_error(request, exc, status)
            response.headers.update(headers)
            return response
        return JSONResponse(error_body(exc), status_code=status, headers=headers)

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return await on_acumat_error(request, _from_request_validation(exc))

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        headers, message = dict(exc.headers or {}), str(exc.detail)
        if exc.status_code == 405:
            headers["Allow"] = allowed_methods(request)
            if request.method == "OPTIONS":  # no route serves OPTIONS: this is its answer
                return Response(status_code=204, headers=headers)
            message = f"This address does not take {request.method}; it takes {headers['Allow']}."
        if exc.status_code == 400:
            message = BODY_UNREADABLE
        if _wants_html(request):
            response = html_http_error(request, exc.status_code, message)
            response.headers.update(headers)
            return response
        body = {"error": HTTP_CODES.get(exc.status_code, "http_error"), "message": message}
        return JSONResponse({**body, "problems": []}, exc.status_code, headers=headers)

    app.add_exception_handler(AcumatError, on_acumat_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(RequestValidationError, on_validation)
