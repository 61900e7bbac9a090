"""Feed refresh against a real HTTP server on loopback: conditional GET, new in, old kept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from briefing.cli import main
from briefing.store import Store
from briefing.subscriptions import refresh


def rss(entries: range | list[int], *, feed: int = 0) -> bytes:
    start = datetime(2021, 12, 1, tzinfo=UTC)
    items = "".join(
        f"<item><title>Feed {feed} entry {n}</title>"
        f"<link>http://127.0.0.1:9/{feed}/{n}</link>"
        f"<pubDate>{format_datetime(start + timedelta(hours=n))}</pubDate>"
        f"<description>Entry {n} of feed {feed}. The minister spoke in Paris on Tuesday."
        f"</description></item>" for n in entries)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire {feed}</title>'
            f"<link>https://wire.example/</link><description>d</description>{items}"
            "</channel></rss>").encode()


class Feed:
    """One feed on the test server, honouring validators the way a real server does."""

    def __init__(self, server: HTTPServer, path: str = "/feed.xml", *, body: bytes = b"",
                 etag: str | None = None, last_modified: str | None = None) -> None:
        self.body, self.etag, self.last_modified, self.status = body, etag, last_modified, 200
        self.honour_validators = True
        self.seen: list[dict[str, str]] = []
        self.url = server.url_for(path)
        server.expect_request(path).respond_with_handler(self._handle)

    def _handle(self, request: Request) -> Response:
        self.seen.append(dict(request.headers))
        if self.status != 200:
            return Response("boom", status=self.status)
        if self.honour_validators and (
                (self.etag and request.headers.get("If-None-Match") == self.etag)
                or (self.last_modified
                    and request.headers.get("If-Modified-Since") == self.last_modified)):
            return Response(status=304)
        headers = {k: v for k, v in (("ETag", self.etag), ("Last-Modified", self.last_modified))
                   if v}
        return Response(self.body, content_type="application/rss+xml", headers=headers)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store.open(tmp_path / "briefing.sqlite3") as opened:
        yield opened  # type: ignore[misc]


def test_second_refresh_is_a_conditional_get_answered_not_modified(
        httpserver: HTTPServer, store: Store) -> None:
    feed = Feed(httpserver, body=rss(range(10)), etag='"v1"')
    (first,) = refresh(store, [feed.url])
    assert first.outcome == "new" and len(first.new) == 10 and store.count() == 10
    (second,) = refresh(store, [feed.url])
    assert feed.seen[1].get("If-None-Match") == '"v1"'
    assert second.outcome == "not-modified" and second.new == () and store.count() == 10
    assert "not modified" in str(second)


def test_last_modified_is_sent_back_when_there_is_no_etag(
        httpserver: HTTPServer, store: Store) -> None:
    stamp = "Fri, 31 Dec 2021 05:00:00 GMT"
    feed = Feed(httpserver, body=rss(range(3)), last_modified=stamp)
    refresh(store, [feed.url])
    (again,) = refresh(store, [feed.url])
    assert feed.seen[1].get("If-Modified-Since") == stamp and again.outcome == "not-modified"


def test_new_entries_are_added_and_old_ones_kept(httpserver: HTTPServer, store: Store) -> None:
    feed = Feed(httpserver, body=rss(range(10)), etag='"a"')
    refresh(store, [feed.url])
    feed.body, feed.etag = rss(range(6, 16)), '"b"'  # 10-15 are new, 0-5 fell off the feed
    (outcome,) = refresh(store, [feed.url])
    assert len(outcome.new) == 6 and outcome.entries == 10
    assert str(outcome).endswith("6 new, 4 already held (10 entries)")
    titles = {row.title for row in store.listing()}
    assert titles == {f"Feed 0 entry {n}" for n in range(16)}
    assert {row.feed for row in store.listing()} == {feed.url}


def test_marks_on_old_entries_survive_a_refresh(httpserver: HTTPServer, store: Store) -> None:
    feed = Feed(httpserver, body=rss(range(3)), etag='"a"')
    (first,) = refresh(store, [feed.url])
    store.set_flag(first.new[0])
    store.set_note(first.new[1], "check casualty figure")
    feed.body, feed.etag = rss(range(5)), '"b"'
    refresh(store, [feed.url])
    assert store.triage(first.new[0]).flagged
    assert store.triage(first.new[1]).note == "check casualty figure"


def test_a_server_ignoring_validators_with_the_same_body_adds_nothing(
        httpserver: HTTPServer, store: Store) -> None:
    feed = Feed(httpserver, body=rss(range(5)), etag='"a"')
    feed.honour_validators = False
    refresh(store, [feed.url])
    (again,) = refresh(store, [feed.url])
    assert again.outcome == "unchanged" and again.new == () and store.count() == 5


@pytest.mark.parametrize(("status", "body", "reason"), [
    (500, b"", "HTTP 500"),
    (200, b"<html><body>Maintenance</body></html>", "not an RSS or Atom feed"),
    (200, b"<rss><channel><item><title>x</tit", "malformed feed"),
])
def test_a_failing_feed_is_reported_and_what_was_held_is_kept(
        httpserver: HTTPServer, store: Store, status: int, body: bytes, reason: str) -> None:
    feed = Feed(httpserver, body=rss(range(4)), etag='"a"')
    refresh(store, [feed.url])
    feed.status, feed.body, feed.etag = status, body, '"broken"'
    (outcome,) = refresh(store, [feed.url])
    assert not outcome.ok and reason in (outcome.error or "")
    assert store.count() == 4
    feed.status, feed.body, feed.etag = 200, rss(range(4)), '"a"'
    (healed,) = refresh(store, [feed.url])
    assert feed.seen[-1].get("If-None-Match") == '"a"'  # the old validators were kept
    assert healed.outcome == "not-modified"


def test_one_bad_feed_does_not_stop_the_others(httpserver: HTTPServer, store: Store) -> None:
    good = Feed(httpserver, "/good.xml", body=rss(range(2)))
    dead = "http://127.0.0.1:9/feed.xml"  # discard port: connection refused
    outcomes = refresh(store, [dead, good.url])
    assert [o.ok for o in outcomes] == [False, True] and store.count() == 2


def test_quitting_mid_fetch_stops_at_once_and_leaves_the_feed_as_it_was(
        httpserver: HTTPServer, store: Store) -> None:
    feed = Feed(httpserver, body=rss(range(3)), etag='"a"')
    refresh(store, [feed.url])
    before = store.feed_state(feed.url)

    sent: list[int] = []

    def trickle(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            for n in range(100):  # ten seconds of a slow but live server
                time.sleep(0.1)
                sent.append(n)
                yield b" "
        return Response(body(), content_type="application/rss+xml", direct_passthrough=True)

    httpserver.clear()
    httpserver.expect_request("/slow.xml").respond_with_handler(trickle)
    asked: list[bool] = []

    def cancelled() -> bool:
        asked.append(True)
        return len(asked) > 4  # the officer quits while the first feed's body arrives

    outcomes = refresh(store, [httpserver.url_for("/slow.xml"), feed.url], cancelled=cancelled)
    assert len(sent) < 50, "the refresh waited for the slow server to finish"
    assert outcomes == [] and store.feed_state(httpserver.url_for("/slow.xml")) is None
    assert store.feed_state(feed.url) == before and store.count() == 3


def _config(feeds: list[str]) -> None:
    quoted = ", ".join(f'"{url}"' for url in feeds)
    Path(os.environ["BRIEFING_CONFIG"]).write_text(f"feeds = [{quoted}]\n", encoding="utf-8")


def test_cli_refresh_fetches_the_configured_feeds(
        httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]) -> None:
    feed = Feed(httpserver, body=rss(range(7)), etag='"a"')
    _config([feed.url])
    assert main(["refresh"]) == 0
    out = capsys.readouterr().out
    assert f"{feed.url}: 7 new, 0 already held (7 entries)" in out
    assert "7 new articles from 1 feed(s)" in out
    assert main(["refresh"]) == 0
    assert "not modified" in capsys.readouterr().out
    with Store.open() as store:  # the app's default store saw it
        assert store.count() == 7


def test_cli_refresh_without_feeds_says_where_to_list_them(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["refresh"]) == 2
    err = capsys.readouterr().err
    assert "no feeds to refresh" in err and os.environ["BRIEFING_CONFIG"] in err


def test_cli_refresh_exit_status_reports_a_failed_feed(
        httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]) -> None:
    feed = Feed(httpserver, body=b"")
    feed.status = 503
    assert main(["refresh", feed.url]) == 1
    assert f"briefing: error: {feed.url}: HTTP 503" in capsys.readouterr().err


FEEDS, ENTRIES = 30, 150

_REFRESHER = """
import sys
from briefing.subscriptions import refresh
from briefing.store import Store
store = Store.open(sys.argv[1])
refresh(store, sys.argv[2:], on_feed=lambda o: print(o.outcome, flush=True))
print("finished", flush=True)
"""


@pytest.mark.parametrize("delay", [0.0, 0.25])
def test_a_refresh_killed_midway_leaves_every_feed_whole_or_untouched(
        httpserver: HTTPServer, tmp_path: Path, delay: float) -> None:
    feeds = [Feed(httpserver, f"/f{i}.xml", body=rss(range(ENTRIES), feed=i), etag=f'"{i}"')
             for i in range(FEEDS)]
    path = tmp_path / "briefing.sqlite3"
    Store.open(path).close()
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(_REFRESHER), str(path),
                             *(f.url for f in feeds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "new"
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    with Store.open(path) as store:
        assert store._conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        per_feed = {f.url: 0 for f in feeds}
        for row in store.listing():
            per_feed[row.feed] += 1  # type: ignore[index]
        recorded = {f.url for f in feeds if store.feed_state(f.url)}
        assert 1 <= len(recorded) < FEEDS  # really killed part-way
        for url, count in per_feed.items():
            assert count == (ENTRIES if url in recorded else 0), url
        outcomes = refresh(store, [f.url for f in feeds])  # the next refresh completes it
        assert [o.outcome for o in outcomes] == [
            "not-modified" if f.url in recorded else "new" for f in feeds]
        assert store.count() == FEEDS * ENTRIES


def test_cli_refresh_moves_a_damaged_store_aside_and_says_so(
        httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]) -> None:
    from briefing.config import data_dir

    folder = data_dir()
    folder.mkdir(parents=True)
    (folder / "briefing.sqlite3").write_bytes(b"\x00garbage" * 100)
    feed = Feed(httpserver, body=rss(range(2)))
    assert main(["refresh", feed.url]) == 0
    err = capsys.readouterr().err
    assert "briefing: warning:" in err and "moved aside to" in err
    (moved,) = folder.glob("briefing.sqlite3.foreign-*")
    assert moved.read_bytes() == b"\x00garbage" * 100
