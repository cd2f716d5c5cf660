"""``acumat serve``: the web app and JSON API on this computer."""

from __future__ import annotations

import errno
import socket
from typing import TYPE_CHECKING, Annotated

import typer

from acumat.cli.options import Whole, option
from acumat.cli.state import state
from acumat.errors import AcumatError, InvalidInput, Problem

if TYPE_CHECKING:
    import uvicorn

    from acumat.config import Settings


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command to ``app``."""
    app.command(name="serve")(serve)


def serve(
    ctx: typer.Context,
    host: Annotated[
        str | None,
        typer.Option(
            "--host",
            metavar="ADDRESS",
            help="Address to listen on; default 127.0.0.1 (ACUMAT_HOST).",
        ),
    ] = None,
    port: Annotated[
        int | None,
        option(
            "--port",
            kind=Whole(1, 65535, 8080),
            metavar="PORT",
            help="Port to listen on; default 8000 (ACUMAT_PORT).",
        ),
    ] = None,
    open_browser: Annotated[
        bool, typer.Option("--open/--no-open", help="Open the app in your web browser.")
    ] = False,
) -> None:
    """Run the web app and the JSON API (under /api/v1) until you press Ctrl+C.

    acumat only listens on this computer (127.0.0.1) until server mode with accounts
    exists; any other --host is refused before anything starts.

    Example: acumat serve --port 8080 --open
    """
    from acumat.config import ensure_local_host

    settings = state(ctx).settings()
    bind_host = ensure_local_host(host or settings.host)
    chosen = settings.port if port is None else port
    if not 1 <= chosen <= 65535:
        raise InvalidInput.single(
            "--port", f"must be a whole number from 1 to 65535 (got {chosen})"
        )
    listener = bind(bind_host, chosen)
    try:
        check_database(settings)
        run(settings, listener, open_browser)
    finally:
        listener.close()


def bind(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port``, or a message saying how to pick a free port."""
    family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    listener = socket.socket(family, kind, proto)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind(address)
    except OSError as exc:
        listener.close()
        if exc.errno in (errno.EADDRINUSE, errno.EACCES):
            reason = "is in use" if exc.errno == errno.EADDRINUSE else "is not allowed"
            message = f"port {port} {reason}; choose another with --port"
            raise InvalidInput([Problem("", message)]) from exc
        raise AcumatError(f"cannot listen on {host}:{port}: {exc.strerror}") from exc
    return listener


def check_database(settings: Settings) -> None:
    """Fail before serving if the database cannot be opened (e.g. it needs ``db upgrade``)."""
    from acumat.services.database import open_database

    open_database(settings).dispose()


def run(settings: Settings, listener: socket.socket, open_browser: bool) -> None:
    import uvicorn

    from acumat.http.app import create_app

    host, port = listener.getsockname()[:2]
    url = f"http://{host if ':' not in host else f'[{host}]'}:{port}/"
    # The app answers only to its own address, so it must know the port really bound.
    app = create_app(settings.model_copy(update={"port": port}))
    # No access log: addresses could still carry something private, and health data stays here.
    # Warnings only: uvicorn's "INFO: Started server process" lines mean nothing to a person.
    config = uvicorn.Config(app, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    typer.echo(f"acumat is running at {url} (press Ctrl+C to stop)")
    if open_browser:
        open_when_ready(server, url)
    server.run(sockets=[listener])


def open_when_ready(server: uvicorn.Server, url: str) -> None:
    """Open ``url`` in a browser once uvicorn reports it has started."""
    import threading
    import time
    import webbrowser

    def wait_then_open() -> None:
        for _ in range(100):
            if server.started:
                webbrowser.open(url)
                return
            time.sleep(0.1)

    threading.Thread(target=wait_then_open, daemon=True).start()
