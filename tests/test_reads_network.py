"""The network against real loopback servers: deadlines, refusals, and no leaked passwords."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from briefing.cli import main
from briefing.sources import LoadProblem, load_many
from briefing.store import Store
from briefing.subscriptions import refresh
from tests.conftest import SEED_ARTICLE

PAGE = ("<html><head><title>Strike</title></head><body><article><p>The minister said on "
        "Tuesday that talks with the union would resume in Paris next week, after a strike "
        "closed the ports for three days.</p></article></body></html>")


class TrickleServer:
    """A raw socket server sending its response headers one byte at a time, slowly: every
    read gets a byte within the read timeout, so only an overall deadline stops it."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.sent = 0
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}/page.html"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.listener.accept()
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + b"X-Pad: " + b"a" * 500
        with conn:
            conn.recv(4096)
            try:
                for byte in head:
                    conn.sendall(bytes([byte]))
                    self.sent += 1
                    time.sleep(self.interval)
            except OSError:
                return  # the client hung up: what the deadline is for

    def close(self) -> None:
        self.listener.close()
        self.thread.join(5)


@pytest.fixture
def trickle() -> Iterator[TrickleServer]:
    server = TrickleServer()
    yield server
    server.close()


def test_headers_trickled_one_byte_at_a_time_hit_the_overall_deadline(
        trickle: TrickleServer, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BRIEFING_FETCH_DEADLINE", "1")
    code = main(["extract", trickle.url, str(SEED_ARTICLE)])
    out, err = capsys.readouterr()
    trickle.thread.join(5)
    assert code == 1
    assert f"{trickle.url}: took longer than 1 s in all; gave up" in err
    assert str(SEED_ARTICLE) in out
    # Fifty seconds of headers at this pace; the client left after about ten bytes.
    assert trickle.sent < 100


def test_a_slow_body_hits_the_same_deadline(httpserver: HTTPServer,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_FETCH_DEADLINE", "1")
    sent: list[int] = []

    def slow(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            for n in range(200):
                time.sleep(0.05)
                sent.append(n)
                yield b" "
        return Response(body(), content_type="text/html", direct_passthrough=True)

    httpserver.expect_request("/slow.html").respond_with_handler(slow)
    problems: list[LoadProblem] = []
    assert load_many([httpserver.url_for("/slow.html")], on_error=problems.append) == []
    assert "took longer than 1 s" in problems[0].reason
    assert len(sent) < 100


def test_429_says_when_to_retry(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/busy.xml").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "120"})
    problems: list[LoadProblem] = []
    load_many([httpserver.url_for("/busy.xml")], on_error=problems.append)
    reason = problems[0].reason
    assert reason.startswith("HTTP 429 ")
    assert "; the server asks to retry after 120 s (at " in reason


def test_429_with_a_date_says_the_date(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/busy.xml").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "Fri, 31 Dec 2021 07:30:00 GMT"})
    problems: list[LoadProblem] = []
    load_many([httpserver.url_for("/busy.xml")], on_error=problems.append)
    assert "retry at 2021-12-31 07:30Z" in problems[0].reason


def test_a_redirect_loop_is_named(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data(
        "", status=302, headers={"Location": httpserver.url_for("/b")})
    httpserver.expect_request("/b").respond_with_data(
        "", status=302, headers={"Location": httpserver.url_for("/a")})
    problems: list[LoadProblem] = []
    load_many([httpserver.url_for("/a")], on_error=problems.append)
    assert "redirect loop" in problems[0].reason


def test_a_binary_content_type_is_named(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/photo").respond_with_data(
        b"\x89PNG\r\n\x1a\n" + bytes(200), content_type="image/png")
    problems: list[LoadProblem] = []
    load_many([httpserver.url_for("/photo")], on_error=problems.append)
    assert "unsupported content type 'image/png'" in problems[0].reason


def _with_password(url: str) -> str:
    return url.replace("http://", "http://officer:hunter2@", 1)


def test_credentials_never_reach_a_message_or_the_json(
        httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]) -> None:
    httpserver.expect_request("/page.html").respond_with_data(PAGE, content_type="text/html")
    httpserver.expect_request("/gone.html").respond_with_data("no", status=404)
    good = _with_password(httpserver.url_for("/page.html"))
    gone = _with_password(httpserver.url_for("/gone.html"))
    code = main(["extract", "--json", good, gone])
    out, err = capsys.readouterr()
    assert code == 1
    assert "hunter2" not in out + err and "officer:" not in out + err
    assert f"{httpserver.url_for('/gone.html')}: HTTP 404" in err
    record = json.loads(out.splitlines()[0])
    assert record["source"] == httpserver.url_for("/page.html")


def test_credentials_are_not_stored_by_a_refresh(httpserver: HTTPServer,
                                                 tmp_path: Path) -> None:
    feed = ('<rss version="2.0"><channel><title>W</title><item><title>Strike</title>'
            f"<link>{_with_password(httpserver.url_for('/story'))}</link>"
            "<description>" + "The ports closed for three days. " * 60 + "</description>"
            "</item></channel></rss>")
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed, content_type="application/rss+xml")
    url = _with_password(httpserver.url_for("/feed.xml"))
    with Store.open(tmp_path / "s.sqlite3") as store:
        outcomes = refresh(store, [url])
        assert "hunter2" not in str(outcomes[0]) and outcomes[0].ok
    on_disk = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert b"hunter2" not in on_disk and httpserver.url_for("/story").encode() in on_disk
