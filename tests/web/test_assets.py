"""Every page is self-contained: no CDN, no external fonts, no scripts from anywhere."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from acumat.actor import Actor
from acumat.services import diary, screening
from acumat.store.engine import Database
from tests.safety.kit import complete
from tests.web.markup import parts

EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


@pytest.fixture
def pages(client: TestClient, db: Database, actor: Actor) -> dict[str, str]:
    """Every kind of page, each holding data, including a refusal and an error page."""
    diary.add_checkin(db, actor, {"day": "2026-03-15", "pain": 4})
    episode = diary.add_entry(
        db, actor, "episode", {"started_at": "2026-03-14T08:00", "peak_intensity": 6}
    )
    urls = [
        "/",
        "/diary",
        "/diary?range=90",
        "/diary/checkin/2026-03-15/edit",
        "/diary/checkin/2026-03-15/delete",
        f"/diary/episode/{episode.id}/edit",
        f"/diary/episode/{episode.id}/delete",
        "/diary/episode/9999/edit",
        "/check?group=about-you",
        "/check?group=urgent",
        "/check/result",
        "/care",
        "/care/heat",
        "/care/stretching",
        "/settings",
    ]
    found = {url: client.get(url).text for url in urls}
    stop = {"saddle_numbness": "unsure", "shown": "saddle_numbness"}
    client.post("/check/answers", data=stop)
    found["emergency stop"] = client.get("/check").text
    found["refused"] = client.post("/checkin", data={"day": "2026-03-15", "pain": "11"}).text
    screening.record_screening(db, actor, complete({"heart_condition": "yes"}))
    found["caution result"] = client.get("/check/result").text
    return found


def test_no_page_loads_anything_from_another_host(pages: dict[str, str]) -> None:
    for url, html in pages.items():
        external = [link for link in parts(html).urls if EXTERNAL.match(link)]
        assert external == [], url


def test_no_page_carries_an_inline_or_third_party_script(pages: dict[str, str]) -> None:
    for url, html in pages.items():
        for tag in re.findall(r"<script\b[^>]*>", html, flags=re.I):
            assert re.search(r'src="/static/[^"]+\.js"', tag), (url, tag)
        assert not re.search(r"<script\b(?![^>]*\bsrc=)", html, flags=re.I), url
        handlers = [t for t in re.findall(r"<[^>]+>", html) if re.search(r"\son[a-z]+\s*=", t)]
        assert handlers == [], url


def footer(html: str) -> str:
    return html.split('<footer class="site-footer">', 1)[1]


def test_every_page_has_the_safety_footer_and_navigation(pages: dict[str, str]) -> None:
    for url, html in pages.items():
        assert "it does not diagnose" in html, url
        assert re.search(r'href="tel:\d+"', footer(html)), url
        assert '<nav aria-label="Main">' in html, url


PAGES_WITH_REGION = ("/", "/diary", "/check/result", "/settings", "/check?group=about-you")


def test_the_footer_gives_the_emergency_number_of_where_you_live(client: TestClient) -> None:
    for url in PAGES_WITH_REGION:
        shown = footer(client.get(url).text)
        assert 'href="tel:999"' in shown, url
        assert "United Kingdom" in shown, url
        assert 'href="/settings#region"' in shown, url
    client.post("/settings", data={"timezone": "America/Chicago", "region": "US"})
    for url in PAGES_WITH_REGION:
        shown = footer(client.get(url).text)
        assert 'href="tel:911"' in shown, url
        assert "United States" in shown, url
        assert "999" not in shown, url


def test_the_app_has_its_own_icon(client: TestClient) -> None:
    page = client.get("/").text
    assert '<link rel="icon" href="/static/favicon.svg"' in page
    icon = client.get("/static/favicon.svg")
    assert icon.status_code == 200
    assert icon.text.startswith("<svg")
    unasked = client.get("/favicon.ico")
    assert unasked.status_code == 200
    assert unasked.headers["content-type"] == "image/svg+xml"
    assert unasked.text == icon.text


def test_there_is_no_api_docs_page_that_would_load_from_a_cdn(client: TestClient) -> None:
    for url in ("/api/docs", "/docs", "/redoc"):
        assert client.get(url).status_code == 404, url


def test_every_field_on_every_page_has_a_label(pages: dict[str, str]) -> None:
    for url, html in pages.items():
        found = parts(html)
        assert [f for f in found.fields if f.get("id") not in found.label_targets] == [], url


def test_the_stylesheet_is_served_locally_and_imports_nothing(client: TestClient) -> None:
    css = client.get("/static/acumat.css")
    assert css.status_code == 200
    assert "@import" not in css.text
    assert "url(" not in css.text


def test_pages_stay_out_of_the_api_document(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert not [path for path in paths if not path.startswith("/api/")]


def test_an_unknown_page_is_an_html_404(client: TestClient) -> None:
    answer = client.get("/no-such-page")
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("text/html")
    assert "There is no page at this address." in answer.text


def test_an_unknown_api_route_stays_json(client: TestClient) -> None:
    answer = client.get("/api/v1/no-such-route")
    assert answer.status_code == 404
    assert answer.json() == {"error": "not_found", "message": "Not Found", "problems": []}


def test_pages_with_health_data_are_not_stored_by_the_browser(client: TestClient) -> None:
    for url in ("/", "/diary", "/check?age=40", "/check/result"):
        assert client.get(url).headers["cache-control"] == "no-store", url
