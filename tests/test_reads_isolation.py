"""One bad source, file or feed entry costs only itself: named with its reason, the rest load."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from briefing.cli import main
from briefing.sources import LoadProblem, load_many
from briefing.store import Store
from briefing.subscriptions import refresh
from tests.conftest import SEED_ARTICLE

STORY = ("The minister said on Tuesday that talks with the union would resume in Paris "
         "next week, after a strike closed the ports for three days.\n")


def rss(*items: str) -> bytes:
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
            + "".join(items) + "</channel></rss>").encode()


def item(title: str, link: str | None = None) -> str:
    """An entry whose text differs from every other's (identical bodies load once)."""
    linked = f"<link>{link}</link>" if link else ""
    body = f"A short report from the wire about the strike, filed as {title}."
    return f"<item><title>{title}</title>{linked}<description>{body}</description></item>"


def extract(capsys: pytest.CaptureFixture[str], *sources: str) -> tuple[int, str, str]:
    code = main(["extract", *sources])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_folder_with_one_bad_file_loads_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "c.md").write_text("# Strike\n\n" + STORY.replace("Paris", "Lyon"),
                                   encoding="utf-8")
    problems: list[LoadProblem] = []
    articles = load_many([str(tmp_path)], on_error=problems.append)
    assert len(articles) == 2
    assert [(p.source, p.fatal) for p in problems] == [(str(tmp_path / "b.html"), True)]
    assert "binary" in problems[0].reason


def test_a_lone_surrogate_in_one_title_loses_only_that_title_not_the_feed(
        tmp_path: Path) -> None:
    path = tmp_path / "wire.xml"
    path.write_bytes(rss(item("Bad &#xD800; title"), item("Second story"),
                         item("Third story")))
    problems: list[LoadProblem] = []
    articles = load_many([str(path)], on_error=problems.append)
    assert [a.title for a in articles] == ["Bad \ufffd title", "Second story", "Third story"]
    assert not [p for p in problems if p.fatal]


def test_a_malformed_link_in_one_entry_keeps_that_entry_and_the_others(
        tmp_path: Path) -> None:
    path = tmp_path / "wire.xml"
    path.write_bytes(rss(item("Broken link", link="http://[::1"), item("Fine")))
    problems: list[LoadProblem] = []
    articles = load_many([str(path)], on_error=problems.append)
    assert [a.title for a in articles] == ["Broken link", "Fine"]
    assert articles[0].url is None
    assert [p.fatal for p in problems] == [False]
    assert "malformed link" in problems[0].reason and problems[0].title == "Broken link"


def test_an_entry_that_raises_is_named_and_the_others_load(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.sources import feeds

    real = feeds.build_article

    def fragile(**fields: object) -> object:
        if fields.get("title") == "Poison":
            raise RuntimeError("parser bug")
        return real(**fields)  # type: ignore[arg-type]

    monkeypatch.setattr(feeds, "build_article", fragile)
    path = tmp_path / "wire.xml"
    path.write_bytes(rss(item("First"), item("Poison"), item("Last")))
    problems: list[LoadProblem] = []
    articles = load_many([str(path)], on_error=problems.append)
    assert [a.title for a in articles] == ["First", "Last"]
    assert [str(p) for p in problems] == [
        f"Poison ({path} entry 2): entry could not be read (RuntimeError: parser bug)"]


@pytest.mark.parametrize(("url", "reason"), [
    ("http://[::1", "malformed URL"),
    ("http://exa\x1bmple.org/", "malformed URL"),
])
def test_a_malformed_url_is_an_error_line_and_the_other_sources_load(
        capsys: pytest.CaptureFixture[str], url: str, reason: str) -> None:
    code, out, err = extract(capsys, url, str(SEED_ARTICLE))
    assert code == 1
    assert "Traceback" not in err and reason in err
    assert "source: " + str(SEED_ARTICLE) in out


def test_brief_exits_1_with_what_did_load(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["brief", "http://[::1", str(SEED_ARTICLE), "--out", str(tmp_path / "b.txt")])
    err = capsys.readouterr().err
    assert code == 1 and "malformed URL" in err
    assert "MORNING BRIEF" in (tmp_path / "b.txt").read_text(encoding="utf-8")


def test_a_feed_whose_parsing_raises_does_not_stop_the_next_feeds(
        httpserver: HTTPServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.sources import feeds

    real = feeds.parse_feed

    def fragile(data: bytes, source: str, *args: object, **kwargs: object) -> object:
        if source.endswith("/bad.xml"):
            raise RuntimeError("parser bug")
        return real(data, source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(feeds, "parse_feed", fragile)
    for name in ("first", "bad", "last"):
        httpserver.expect_request(f"/{name}.xml").respond_with_data(
            rss(item(f"{name} story")), content_type="application/rss+xml")
    urls = [httpserver.url_for(f"/{n}.xml") for n in ("first", "bad", "last")]
    with Store.open(tmp_path / "briefing.sqlite3") as store:
        outcomes = refresh(store, urls)
        assert [o.ok for o in outcomes] == [True, False, True]
        assert "parser bug" in str(outcomes[1]) and urls[1] in str(outcomes[1])
        assert store.count() == 2


def test_a_feed_failing_mid_body_during_a_concurrent_refresh_costs_only_that_feed(
        httpserver: HTTPServer, tmp_path: Path) -> None:
    """Two refreshes write one store at once (two officers' desks, or the app and a cron
    job); a feed whose server drops the connection half-way fails in both, alone."""

    def dropped(request: Request) -> Response:
        def body():  # type: ignore[no-untyped-def]
            yield rss(item("cut"))[:60]
            raise ConnectionError("server went away")
        return Response(body(), content_type="application/rss+xml",
                        headers={"Content-Length": "5000"}, direct_passthrough=True)

    httpserver.expect_request("/cut.xml").respond_with_handler(dropped)
    good = []
    for n in range(4):
        httpserver.expect_request(f"/good{n}.xml").respond_with_data(
            rss(item(f"Story {n}a"), item(f"Story {n}b")), content_type="application/rss+xml")
        good.append(httpserver.url_for(f"/good{n}.xml"))
    cut = httpserver.url_for("/cut.xml")
    path = tmp_path / "briefing.sqlite3"
    Store.open(path).close()
    results: dict[int, list] = {}
    errors: list[BaseException] = []

    def desk(n: int, urls: list[str]) -> None:
        try:
            with Store.open(path) as store:
                results[n] = refresh(store, urls)
        except BaseException as exc:  # pragma: no cover - reported by the assert below
            errors.append(exc)

    desks = [threading.Thread(target=desk, args=(0, [good[0], cut, good[1]])),
             threading.Thread(target=desk, args=(1, [good[2], cut, good[3]]))]
    for thread in desks:
        thread.start()
    for thread in desks:
        thread.join(60)
    assert errors == []
    for outcomes in results.values():
        assert [o.ok for o in outcomes] == [True, False, True]
        assert outcomes[1].url == cut and outcomes[1].error
    with Store.open(path) as store:
        assert store.count() == 8
