"""The application factory: pages and the JSON API over one service layer."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from acumat import __version__
from acumat.config import Settings
from acumat.services.database import local_user_id, open_database
from acumat.web import errors

STATIC = Path(__file__).parent / "static"


def create_app(settings: Settings) -> FastAPI:
    """Build the app for ``settings``; the database is opened when the app starts."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        db = open_database(settings)
        app.state.db = db
        app.state.local_user_id = local_user_id(db)
        yield
        db.dispose()

    app = FastAPI(
        title="acumat",
        version=__version__,
        description="Back-spasm diary and acupressure-mat companion. JSON API under /api/v1.",
        lifespan=lifespan,
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    errors.install(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    from acumat.api.v1 import router as api_router
    from acumat.web.pages import router as pages_router

    app.include_router(api_router, prefix="/api/v1")
    app.include_router(pages_router)
    return app
