"""Learn and ask on the web: the topics, each page with numbered notes, the search box on
every page, and answers that put the safety guidance first."""

from __future__ import annotations

from fastapi.testclient import TestClient

from acumat.knowledge import source_register
from acumat.learn import load_pages
from tests.learn.test_pages import TOPICS
from tests.present.wording import not_for_people, visible_text


def test_every_page_renders_on_the_web_with_numbered_notes(client: TestClient) -> None:
    for topic in TOPICS:  # one client for all ten: the pages read nothing but the region
        response = client.get(f"/learn/{topic}")
        assert response.status_code == 200, topic
        page = response.text
        learn = load_pages()[topic]
        assert f"<h1>{learn.title}</h1>" in page.replace("&#39;", "'")
        for number, sid in enumerate(learn.sources, 1):
            assert f'id="note-{number}"' in page
            assert source_register()[sid].name.replace("&", "&amp;") in page
        assert 'href="#note-1"' in page
        text = visible_text(page)
        assert "{" not in text, f"{topic}: a placeholder was left unfilled"
        assert "[S" not in text
        assert not not_for_people(text), topic


def test_the_learn_index_lists_every_topic_and_the_nav_links_it(client: TestClient) -> None:
    page = client.get("/learn").text
    for learn in load_pages().values():
        assert f'href="/learn/{learn.id}"' in page
    assert '<a href="/learn" aria-current="page">Learn</a>' in page


def test_an_unknown_topic_is_a_404_page(client: TestClient) -> None:
    response = client.get("/learn/no-such-topic")
    assert response.status_code == 404
    assert "no-such-topic" in response.text


def test_every_page_carries_the_ask_box_posting_with_its_token(client: TestClient) -> None:
    for address in ("/", "/diary", "/care", "/learn", "/settings"):
        page = client.get(address).text
        assert '<form class="site-ask" method="post" action="/ask" role="search">' in page
        assert '<label for="site-ask-question">Ask</label>' in page
        assert 'name="csrf_token"' in page.split('class="site-ask"', 1)[1].split("</form>")[0]


def test_answers_show_passages_with_sources_and_links(client: TestClient) -> None:
    response = client.post("/ask", data={"q": "hot water bottle how long"})
    assert response.status_code == 200
    page = response.text
    assert 'href="/care/heat">Warmth</a>' in page
    assert "Sources:" in page
    assert 'role="alert"' not in page
    assert not not_for_people(visible_text(page))


def test_a_warning_sign_puts_the_safety_guidance_before_any_passage(client: TestClient) -> None:
    page = client.post("/ask", data={"q": "it feels strange when i wipe"}).text
    alert = page.index('role="alert"')
    assert alert < page.index('class="answers"')
    box = page[alert : page.index("</section>", alert)]
    assert "Call 999 or go to A&amp;E now" in box
    assert 'href="tel:999"' in box
    assert 'href="/check"' in box


def test_a_question_outside_the_subject_offers_the_topics(client: TestClient) -> None:
    page = client.post("/ask", data={"q": "cheap flights to spain"}).text
    assert "That is outside what acumat knows about" in page
    for learn in load_pages().values():
        assert f'href="/learn/{learn.id}"' in page


def test_an_empty_question_is_refused_in_words_on_the_form(
    client: TestClient, row_count: object
) -> None:
    response = client.post("/ask", data={"q": "   "})
    assert response.status_code == 422
    assert "Your question is empty; type a question in your own words." in response.text
    assert 'aria-invalid="true"' in response.text


def test_asking_needs_the_forms_token_and_keeps_the_question_out_of_the_address(
    client: TestClient,
) -> None:
    refused = client.post("/ask", data={"q": "i cant pee", "csrf_token": "wrong"})
    assert refused.status_code == 403
    assert client.get("/ask").status_code == 200
    assert 'method="post" action="/ask"' in client.get("/ask").text
