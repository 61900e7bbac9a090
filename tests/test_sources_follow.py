"""A feed of titles and links: each entry is read from its page.

Real loopback servers: one serving the feed, another the pages behind it (good ones, one
slow, one gone, one oversized, one redirecting in a loop), and local feeds whose relative
and `file:` links point inside and outside their folder.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from briefing.cli import main
from briefing.sources import LoadProblem, load_many
from briefing.sources.web import MAX_BYTES, make_client
from briefing.store import Store
from briefing.subscriptions import refresh
from tests.test_refresh import _config

STORY = ("<p>GENEVA — Negotiators from {n} delegations met on Tuesday at 09:30 local time "
         "to discuss the ceasefire, a spokesperson said. The talks ran late into the night "
         "and were expected to resume on Wednesday morning.</p>" * 4)


def page(n: int) -> bytes:
    return (f"<!doctype html><html><head><title>Talks round {n}</title>"
            f'<meta property="article:published_time" content="2021-12-2{n % 9}T10:00:00Z">'
            f"</head><body><article><h1>Talks round {n}</h1>{STORY.format(n=n)}</article>"
            "</body></html>").encode()


def feed(links: list[tuple[str, str]]) -> bytes:
    """Entries with only a title, a link and a date: the shape make_pages.py writes."""
    items = "".join(f"<item><title>{title}</title><link>{link}</link>"
                    f"<pubDate>Thu, 30 Dec 2021 1{i}:00:00 +0000</pubDate></item>"
                    for i, (title, link) in enumerate(links))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
            f"<link>http://127.0.0.1/</link><description>d</description>{items}"
            "</channel></rss>").encode()


class Pages:
    """The page server: counts requests per path and honours If-None-Match."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.seen: list[tuple[str, str | None]] = []
        server.expect_request(re.compile(".*")).respond_with_handler(self._handle)

    def url(self, path: str) -> str:
        return self.server.url_for(path)

    def _handle(self, request: Request) -> Response:
        path = request.path
        self.seen.append((path, request.headers.get("If-None-Match")))
        if path.startswith("/story/"):
            n = int(path.rsplit("/", 1)[1])
            etag = f'"story-{n}"'
            if request.headers.get("If-None-Match") == etag:
                return Response(status=304, headers={"ETag": etag})
            return Response(page(n), content_type="text/html", headers={"ETag": etag})
        if path == "/slow":
            time.sleep(2)
            return Response(page(9), content_type="text/html")
        if path == "/huge":
            return Response(b"<html><body>" + b"x" * (MAX_BYTES + 10) + b"</body></html>",
                            content_type="text/html")
        if path == "/loop":
            return Response(status=302, headers={"Location": self.url("/loop")})
        if path == "/picture":
            return Response(b"\x89PNG\r\n\x1a\n" + b"\0" * 64, content_type="image/png")
        return Response("not here", status=404)


@pytest.fixture
def pages() -> Iterator[Pages]:
    # Threaded, as a real site is: the slow page must not hold the others back.
    with HTTPServer(host="127.0.0.1", port=0, threaded=True) as server:
        yield Pages(server)


@pytest.fixture
def feeds() -> Iterator[HTTPServer]:
    with HTTPServer(host="127.0.0.1", port=0) as server:
        yield server


def entries(pages: Pages) -> list[tuple[str, str]]:
    return [("Round one", pages.url("/story/1")), ("Round two", pages.url("/story/2")),
            ("Slow page", pages.url("/slow")), ("Gone page", pages.url("/gone")),
            ("Huge page", pages.url("/huge")), ("Loop page", pages.url("/loop")),
            ("Picture page", pages.url("/picture"))]


def test_titles_and_links_are_read_from_their_pages_and_each_failure_is_named(
        feeds: HTTPServer, pages: Pages) -> None:
    feeds.expect_request("/rss").respond_with_data(feed(entries(pages)),
                                                   content_type="application/rss+xml")
    problems: list[LoadProblem] = []
    client = make_client(read_timeout=0.5)
    articles = load_many([feeds.url_for("/rss")], on_error=problems.append, client=client)
    client.close()

    by_title = {a.title: a for a in articles}
    assert set(by_title) == {"Round one", "Round two"}
    one = by_title["Round one"]
    assert "Negotiators from 1 delegations" in one.text  # the page's story
    assert one.url == pages.url("/story/1")                # the entry's link
    assert one.clock.raw == "Thu, 30 Dec 2021 10:00:00 +0000"  # the entry's date
    failed = {p.title: p for p in problems}
    assert all(p.fatal for p in problems) and len(problems) == 5
    assert failed["Gone page"].reason == "HTTP 404 NOT FOUND"
    assert failed["Slow page"].reason.startswith("timed out")
    assert "cap" in failed["Huge page"].reason
    assert "redirect loop" in failed["Loop page"].reason
    assert "image/png" in failed["Picture page"].reason
    assert str(failed["Gone page"]) == f"Gone page ({pages.url('/gone')}): HTTP 404 NOT FOUND"


def test_a_summary_stays_when_its_page_cannot_be_had(feeds: HTTPServer, pages: Pages) -> None:
    body = feed([("Gone page", pages.url("/gone"))]).replace(
        b"</pubDate>", b"</pubDate><description>Talks stalled, the summary says.</description>")
    feeds.expect_request("/rss").respond_with_data(body, content_type="application/rss+xml")
    problems: list[LoadProblem] = []
    [article] = load_many([feeds.url_for("/rss")], on_error=problems.append)
    assert article.text == "Talks stalled, the summary says."
    assert [p.fatal for p in problems] == [False]
    assert "the feed's summary is used instead" in problems[0].reason


def test_refresh_twice_fetches_nothing_again_and_pages_answer_not_modified(
        feeds: HTTPServer, pages: Pages, tmp_path: Path) -> None:
    body = {"rss": feed([("Round one", pages.url("/story/1")),
                         ("Round two", pages.url("/story/2"))]), "etag": '"f1"'}

    def serve(request: Request) -> Response:
        if request.headers.get("If-None-Match") == body["etag"]:
            return Response(status=304)
        return Response(body["rss"], content_type="application/rss+xml",
                        headers={"ETag": body["etag"]})

    feeds.expect_request("/rss").respond_with_handler(serve)
    url = feeds.url_for("/rss")
    with Store.open(tmp_path / "store.sqlite3") as store:
        (first,) = refresh(store, [url])
        assert len(first.new) == 2 and first.ok
        assert sorted(p for p, _ in pages.seen) == ["/story/1", "/story/2"]
        pages.seen.clear()

        (second,) = refresh(store, [url])  # the feed is unchanged: 304, no page asked for
        assert second.outcome == "not-modified" and pages.seen == []

        body["rss"] = feed([("Round one", pages.url("/story/1")),
                            ("Round two", pages.url("/story/2")),
                            ("Round three", pages.url("/story/3"))])
        body["etag"] = '"f2"'
        (third,) = refresh(store, [url])  # held pages are asked with their validators
        assert len(third.new) == 1 and store.count() == 3
        assert sorted(pages.seen) == [("/story/1", '"story-1"'), ("/story/2", '"story-2"'),
                                      ("/story/3", None)]
        texts = [a.text for a in store.articles()]
        assert all("Negotiators from" in text for text in texts)


def test_cli_refresh_prints_one_line_per_lost_entry(
        feeds: HTTPServer, pages: Pages, capsys: pytest.CaptureFixture[str]) -> None:
    links = [("Round one", pages.url("/story/1")), ("Gone page", pages.url("/gone")),
             ("Loop page", pages.url("/loop"))]
    feeds.expect_request("/rss").respond_with_data(feed(links),
                                                   content_type="application/rss+xml")
    _config([feeds.url_for("/rss")])
    assert main(["refresh"]) == 1
    captured = capsys.readouterr()
    errors = [line for line in captured.err.splitlines() if "error:" in line]
    assert len(errors) == 2
    assert errors[0] == f"briefing: error: Gone page ({pages.url('/gone')}): HTTP 404 NOT FOUND"
    assert errors[1].startswith(f"briefing: error: Loop page ({pages.url('/loop')}): redirect")
    assert "2 entries could not be loaded" in captured.out


def _local_feed(folder: Path, links: list[tuple[str, str]]) -> Path:
    items = "".join(f"<item><title>{t}</title><link>{link}</link></item>" for t, link in links)
    path = folder / "feed.xml"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>'
                    f"{items}</channel></rss>", encoding="utf-8")
    return path


def test_a_local_feed_reads_relative_and_file_links_inside_its_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "2021").mkdir(parents=True)
    (site / "2021" / "one.html").write_bytes(page(1))
    (site / "two.html").write_bytes(page(2))
    path = _local_feed(site, [("Relative", "2021/one.html"),
                              ("Absolute", (site / "two.html").as_uri())])
    problems: list[LoadProblem] = []
    articles = load_many([str(path)], on_error=problems.append)
    assert problems == []
    assert {a.title: "Negotiators" in a.text for a in articles} == {"Relative": True,
                                                                     "Absolute": True}
    assert articles[1].url == (site / "two.html").as_uri()  # file:/// kept whole


def test_a_local_feed_names_the_path_it_will_not_follow(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    outside = tmp_path / "elsewhere.html"
    outside.write_bytes(page(3))
    path = _local_feed(site, [("Outside", outside.as_uri()), ("Up", "../elsewhere.html")])
    problems: list[LoadProblem] = []
    assert load_many([str(path)], on_error=problems.append) == []
    reasons = [str(p) for p in problems]
    assert reasons[0] == (f"Outside ({outside}): link leads outside the feed's folder "
                          f"{site}; not followed")
    assert reasons[1] == reasons[0].replace("Outside", "Up")
    assert all(p.fatal for p in problems)  # no summary to fall back on: the entry is lost


def test_an_unchanged_file_is_not_parsed_again_and_a_changed_one_is(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing.sources.readers as readers

    site = tmp_path / "site"
    site.mkdir()
    for n in (1, 2):
        (site / f"p{n}.html").write_bytes(page(n))
    parsed: list[str] = []
    real = readers.parse_page

    def counting(html: str, **kwargs: object) -> object:
        parsed.append(html[:60])
        return real(html, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(readers, "parse_page", counting)
    with Store.open(tmp_path / "store.sqlite3") as store:
        first = load_many([str(site)], memo=store)
        assert len(parsed) == 2
        second = load_many([str(site)], memo=store)
        assert len(parsed) == 2  # straight from the store: no page parsed again
        assert [a.to_dict() for a in second] == [a.to_dict() for a in first]
        (site / "p2.html").write_bytes(page(2).replace(b"Tuesday", b"Monday"))
        third = load_many([str(site)], memo=store)
        assert len(parsed) == 3 and "Monday" in third[1].text


def test_a_local_feed_is_read_again_only_when_it_or_a_page_behind_it_changes(
        tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "one.html").write_bytes(page(1))
    path = _local_feed(site, [("Round one", "one.html")])
    with Store.open(tmp_path / "store.sqlite3") as store:
        [first] = load_many([str(path)], memo=store)
        assert "on Tuesday" in first.text
        [again] = load_many([str(path)], memo=store)
        assert again.to_dict() == first.to_dict()
        (site / "one.html").write_bytes(page(1).replace(b"Tuesday", b"Friday"))
        [changed] = load_many([str(path)], memo=store)  # the feed's bytes are the same
        assert "on Friday" in changed.text and changed.title == "Round one"


def test_a_feed_url_loaded_again_asks_its_pages_with_their_validators(
        feeds: HTTPServer, pages: Pages, tmp_path: Path) -> None:
    feeds.expect_request("/rss").respond_with_data(
        feed([("Round one", pages.url("/story/1")), ("Round two", pages.url("/story/2"))]),
        content_type="application/rss+xml")
    with Store.open(tmp_path / "store.sqlite3") as store:
        first = load_many([feeds.url_for("/rss")], memo=store)
        store.add_many(first)  # as the dashboard does with what it loaded
        pages.seen.clear()
        again = load_many([feeds.url_for("/rss")], memo=store)
    assert sorted(pages.seen) == [("/story/1", '"story-1"'), ("/story/2", '"story-2"')]
    assert [a.text for a in again] == [a.text for a in first]  # 304: the held page
