"""A TestClient that behaves like the person's own browser on ``http://127.0.0.1:8000``.

It carries the browser's CSRF cookie and adds the matching hidden ``csrf_token`` to every
form it posts, as acumat's own pages do; tests of the guards build plain clients instead.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from acumat.http.csrf import COOKIE

BASE_URL = "http://127.0.0.1:8000"
BROWSER_TOKEN = "t" * 43


class BrowserClient(TestClient):
    """Posts forms with this browser's CSRF token, like a page served by acumat would."""

    def post(self, url: Any, *args: Any, **kwargs: Any) -> Any:
        data = kwargs.get("data")
        if isinstance(data, dict) and "csrf_token" not in data:
            kwargs["data"] = {**data, "csrf_token": BROWSER_TOKEN}
        elif data is None and not args and not {"json", "content", "files"} & kwargs.keys():
            kwargs["data"] = {"csrf_token": BROWSER_TOKEN}
        return super().post(url, *args, **kwargs)


def browser(app: FastAPI, **kwargs: Any) -> BrowserClient:
    client = BrowserClient(app, base_url=BASE_URL, **kwargs)
    client.cookies.set(COOKIE, BROWSER_TOKEN)
    return client


def plain(app: FastAPI, **kwargs: Any) -> TestClient:
    """A client with no cookie, at acumat's own address unless ``base_url`` says otherwise."""
    return TestClient(app, **{"base_url": BASE_URL, **kwargs})
