"""URLs against a real HTTP server on loopback: pages, feeds and every way a fetch fails."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from briefing.sources import LoadProblem, load_many
from briefing.sources.web import USER_AGENT, FetchError, fetch, make_client
from tests.conftest import SEEDS

PAGE = (SEEDS / "040_sample_harbour_page.html").read_bytes()
FEED = (SEEDS / "050_sample_feed.xml").read_bytes()


@pytest.fixture
def server() -> Iterator[HTTPServer]:
    with HTTPServer(host="127.0.0.1", port=0) as http:
        yield http


def _load(*urls: str, **kwargs: object) -> tuple[list, list[LoadProblem]]:
    problems: list[LoadProblem] = []
    articles = load_many(list(urls), on_error=problems.append, **kwargs)  # type: ignore[arg-type]
    return articles, problems


def test_page_is_fetched_with_our_user_agent_and_extracted(server: HTTPServer) -> None:
    server.expect_request("/dover", headers={"User-Agent": USER_AGENT}).respond_with_data(
        PAGE, content_type="text/html; charset=utf-8")
    [article], problems = _load(server.url_for("/dover"))
    assert problems == []
    assert article.title == "Ferry strike halts Dover crossings"
    assert article.source == server.url_for("/dover")
    assert article.retrieved is not None  # from the injected clock (BRIEFING_NOW)
    assert article.retrieved.isoformat() == "2021-12-31T06:00:00+00:00"


def _seed_feed_on(server: HTTPServer) -> bytes:
    """The seed feed with its one absolute link pointed at the loopback server, and the
    pages its relative links name served beside it."""
    for name in ("040_sample_harbour_page.html", "041_sample_grid_page.html"):
        server.expect_request(f"/{name}").respond_with_data(
            (SEEDS / name).read_bytes(), content_type="text/html")
    server.expect_request("/border").respond_with_data("gone", status=404)
    return FEED.replace(b"https://sample-wire.invalid/2023/09/04/border-crossing",
                        server.url_for("/border").encode())


def test_feed_is_recognised_by_content_type(server: HTTPServer) -> None:
    server.expect_request("/feed").respond_with_data(_seed_feed_on(server),
                                                     content_type="application/rss+xml")
    articles, problems = _load(server.url_for("/feed"))
    assert len(articles) == 3
    # Entry links resolve against the feed's URL and are followed: the page's whole story
    # replaces the one-line description, under the entry's own title and link.
    assert articles[0].url == server.url_for("/040_sample_harbour_page.html")
    assert articles[0].title == "Ferry strike halts Dover crossings"
    assert articles[0].text.startswith("Sample article written")  # the page's, not the entry's
    assert "DOVER, England" in articles[0].text
    # The page that is gone leaves its entry's own text, and says so (not fatal).
    assert [str(p) for p in problems] == [
        f"Border crossing reopens after overnight closure ({server.url_for('/border')}): "
        "HTTP 404 NOT FOUND; the feed's summary is used instead"]
    assert not problems[0].fatal
    assert "Krakovets crossing" in articles[2].text


def test_feed_served_as_plain_text_is_sniffed(server: HTTPServer) -> None:
    server.expect_request("/feed.txt").respond_with_data(_seed_feed_on(server),
                                                         content_type="text/plain")
    articles, _ = _load(server.url_for("/feed.txt"))
    assert len(articles) == 3


@pytest.mark.parametrize(("status", "reason"), [(404, "HTTP 404 NOT FOUND"),
                                                (500, "HTTP 500 INTERNAL SERVER ERROR")])
def test_http_errors_are_named(server: HTTPServer, status: int, reason: str) -> None:
    server.expect_request("/x").respond_with_data("nope", status=status)
    articles, problems = _load(server.url_for("/x"), str(SEEDS / "020_sample_mumbai_port.txt"))
    assert len(articles) == 1
    assert problems[0].source == server.url_for("/x")
    assert problems[0].reason.upper() == reason


def test_redirect_loop_is_cut_off(server: HTTPServer) -> None:
    server.expect_request("/a").respond_with_response(
        Response(status=302, headers={"Location": "/b"}))
    server.expect_request("/b").respond_with_response(
        Response(status=302, headers={"Location": "/a"}))
    _, problems = _load(server.url_for("/a"))
    assert "redirect" in problems[0].reason


def test_one_redirect_is_followed(server: HTTPServer) -> None:
    server.expect_request("/old").respond_with_response(
        Response(status=301, headers={"Location": "/new"}))
    server.expect_request("/new").respond_with_data(PAGE, content_type="text/html")
    [article], problems = _load(server.url_for("/old"))
    assert problems == [] and article.title.startswith("Ferry strike")


def test_wrong_content_type_is_refused(server: HTTPServer) -> None:
    server.expect_request("/img").respond_with_data(b"GIF89a....", content_type="image/gif")
    _, problems = _load(server.url_for("/img"))
    assert "unsupported content type 'image/gif'" in problems[0].reason


def test_body_over_the_cap_is_refused(server: HTTPServer) -> None:
    server.expect_request("/big").respond_with_data(b"x" * 5000, content_type="text/plain")
    with make_client() as client, pytest.raises(Exception, match="over the 1,000-byte cap"):
        fetch(server.url_for("/big"), client=client, max_bytes=1000)


def test_timeout_is_reported(server: HTTPServer) -> None:
    def slow(_: Request) -> Response:
        time.sleep(1.5)
        return Response(PAGE, content_type="text/html")

    server.expect_request("/slow").respond_with_handler(slow)
    with make_client(read_timeout=0.3) as client:
        _, problems = _load(server.url_for("/slow"), client=client)
    assert "timed out" in problems[0].reason


def test_connection_refused_is_reported() -> None:
    with HTTPServer(host="127.0.0.1", port=0) as closed:
        url = closed.url_for("/gone")
    _, problems = _load(url)
    assert problems[0].reason == "cannot connect (connection refused)"


def test_empty_body_is_reported(server: HTTPServer) -> None:
    server.expect_request("/empty").respond_with_data(b"", content_type="text/html")
    _, problems = _load(server.url_for("/empty"))
    assert problems[0].reason == "empty response body"


def test_conditional_get_reports_not_modified(server: HTTPServer) -> None:
    server.expect_request("/feed", headers={"If-None-Match": '"v1"'}).respond_with_data(
        b"", status=304)
    result = fetch(server.url_for("/feed"), headers={"If-None-Match": '"v1"'})
    assert result.not_modified and result.body == b""


def _trickle(_: Request) -> Response:
    """A server that keeps answering, one small chunk at a time, well inside the read timeout."""
    def body() -> Iterator[bytes]:
        for _ in range(100):
            time.sleep(0.1)
            yield b"<p>more</p>"

    return Response(body(), content_type="text/html", direct_passthrough=True)


def test_a_trickling_server_cannot_hold_a_fetch_past_its_deadline(server: HTTPServer) -> None:
    server.expect_request("/trickle").respond_with_handler(_trickle)
    with pytest.raises(FetchError, match=r"took longer than 0\.5 s"):
        fetch(server.url_for("/trickle"), deadline=0.5)  # the server would go on for 10 s


def test_a_fetch_stops_once_cancelled(server: HTTPServer) -> None:
    server.expect_request("/trickle").respond_with_handler(_trickle)
    asked: list[bool] = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 3  # the officer quits while the body is arriving

    with pytest.raises(FetchError, match="cancelled"):
        fetch(server.url_for("/trickle"), cancelled=cancelled)
    with pytest.raises(FetchError, match="cancelled"):  # before any connection is made
        fetch(server.url_for("/trickle"), cancelled=lambda: True)
