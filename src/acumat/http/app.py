"""The application factory: pages and the JSON API over one service layer, behind the guards."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from acumat import __version__
from acumat.config import Settings
from acumat.http import errors
from acumat.http.guard import RequestGuard, allowed_hosts
from acumat.services.database import local_actor, open_database

STATIC = Path(__file__).parent.parent / "web" / "static"


def create_app(settings: Settings) -> FastAPI:
    """Build the app for ``settings``; the database is opened when the app starts.

    The app answers only to the loopback names with ``settings.port`` (see
    :mod:`acumat.http.guard`).
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = open_database(settings)
        app.state.db = db
        app.state.local_user_id = local_actor(db).user_id
        yield
        db.dispose()

    app = FastAPI(
        title="acumat",
        version=__version__,
        description="Back-spasm diary and acupressure-mat companion. JSON API under /api/v1.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    from acumat.api.v1 import router as api_router
    from acumat.web.pages import router as pages_router
    from acumat.web.render import render_error, render_http_error

    errors.install(app, html_error=render_error, html_http_error=render_http_error)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_api_route("/favicon.ico", favicon, methods=["GET"], include_in_schema=False)
    app.include_router(api_router, prefix="/api/v1")
    app.include_router(pages_router)
    app.add_middleware(RequestGuard, hosts=allowed_hosts(settings.port))
    return app


def favicon() -> FileResponse:
    """The app's own icon where browsers look for it unasked (an SVG; nothing from elsewhere)."""
    return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")
