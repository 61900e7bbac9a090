"""Caps that hold while reading: endless devices, pipes, standard input, bombs, huge feeds."""

from __future__ import annotations

import gzip
import io
import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from pytest_httpserver import HTTPServer

from briefing.cli import main
from briefing.sources import LoadProblem, load_many
from briefing.sources.limits import TooLarge, read_capped
from tests.conftest import SEED_ARTICLE

STORY = ("The minister said on Tuesday that talks with the union would resume in Paris "
         "next week, after a strike closed the ports for three days.\n")


def _load(*sources: str) -> tuple[list, list[LoadProblem]]:
    problems: list[LoadProblem] = []
    return load_many([*sources, str(SEED_ARTICLE)], on_error=problems.append), problems


def _load_feed(path: Path, xml: str) -> tuple[list, list[LoadProblem]]:
    """`xml` written at `path` and loaded alone: its articles and the problems said."""
    path.write_text(xml, encoding="utf-8")
    problems: list[LoadProblem] = []
    return load_many([str(path)], on_error=problems.append), problems


def _rss(items: str) -> str:
    return f'<rss version="2.0"><channel><title>W</title>{items}</channel></rss>'


class Endless(io.RawIOBase):
    """A stream that never ends (a pipe from /dev/zero), counting what was asked of it."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        size = 1 << 16 if size is None or size < 0 else size
        self.given += size
        return b"a" * size


def test_dev_zero_is_refused_as_a_device_and_the_others_load(
        capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["extract", "/dev/zero", str(SEED_ARTICLE)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "/dev/zero: not a regular file (a device)" in err
    assert str(SEED_ARTICLE) in out


def test_a_fifo_is_refused_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it for reading would block: the test would hang
    articles, problems = _load(str(fifo))
    assert len(articles) == 1
    assert [(p.source, p.fatal) for p in problems] == [(str(fifo), True)]
    assert "named pipe" in problems[0].reason


def test_standard_input_stops_at_the_cap(monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BRIEFING_MAX_BYTES", "100000")
    endless = Endless()
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=endless))
    code = main(["extract", "-", str(SEED_ARTICLE)])
    err = capsys.readouterr().err
    assert code == 1 and "<stdin>: standard input is over the 100,000-byte cap" in err
    assert endless.given == 100_001


def test_read_capped_never_asks_for_more_than_the_cap_plus_one() -> None:
    endless = Endless()
    with pytest.raises(TooLarge, match="1,000-byte cap"):
        read_capped(endless, 1000)  # type: ignore[arg-type]
    assert endless.given == 1001


def test_a_file_over_the_configured_cap_is_refused(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_MAX_BYTES", "200")
    path = tmp_path / "long.txt"
    path.write_text(STORY * 5, encoding="utf-8")
    problems: list[LoadProblem] = []
    assert load_many([str(path)], on_error=problems.append) == []
    assert "over the 200-byte cap (BRIEFING_MAX_BYTES raises it)" in problems[0].reason


def test_text_over_the_character_cap_is_refused(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_MAX_CHARS", "300")
    long, short = tmp_path / "long.txt", tmp_path / "short.txt"
    long.write_text(STORY * 4, encoding="utf-8")
    short.write_text(STORY, encoding="utf-8")
    problems: list[LoadProblem] = []
    articles = load_many([str(long), str(short)], on_error=problems.append)
    assert [a.source for a in articles] == [str(short)]
    assert problems[0].source == str(long) and "300-character cap" in problems[0].reason


def test_a_gzip_bomb_stops_at_the_cap(httpserver: HTTPServer,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_MAX_BYTES", "1000000")
    bomb = gzip.compress(b"<p>" + b"a" * 50_000_000 + b"</p>", compresslevel=9)
    assert len(bomb) < 1_000_000  # small on the wire, fifty times the cap unpacked
    httpserver.expect_request("/bomb.html").respond_with_data(
        bomb, content_type="text/html", headers={"Content-Encoding": "gzip"})
    articles, problems = _load(httpserver.url_for("/bomb.html"))
    assert len(articles) == 1
    assert problems[0].source == httpserver.url_for("/bomb.html")
    assert "over the 1,000,000-byte cap" in problems[0].reason


def test_a_feed_over_the_entry_cap_keeps_the_first_entries_and_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_MAX_ENTRIES", "3")
    items = "".join(f"<item><title>Story {n}</title><description>Report number {n} on the "
                    f"strike at the port.</description></item>" for n in range(10))
    articles, problems = _load_feed(tmp_path / "wire.xml", _rss(items))
    assert [a.title for a in articles] == ["Story 0", "Story 1", "Story 2"]
    assert [p.fatal for p in problems] == [False]
    assert "10 entries; only the first 3 were read" in problems[0].reason


def test_an_atom_feed_over_the_cap_keeps_its_title_and_first_entries(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_MAX_ENTRIES", "2")
    entries = "".join(f"<entry><title>Item {n}</title><updated>2021-12-30T17:02:00Z</updated>"
                      f"<summary>Report {n} on the strike at the port.</summary></entry>"
                      for n in range(6))
    articles, problems = _load_feed(
        tmp_path / "wire.atom", '<feed xmlns="http://www.w3.org/2005/Atom"><title>Port Wire'
        f'</title>{entries}<subtitle>after the entries</subtitle></feed>')
    assert [a.title for a in articles] == ["Item 0", "Item 1"]
    assert {a.outlet for a in articles} == {"Port Wire"}
    assert [p.fatal for p in problems] == [False]
    assert "6 entries; only the first 2 were read" in problems[0].reason


_STORY_1 = "<item><title>Story 1</title><description>Second report.</description></item>"


@pytest.mark.parametrize("items", [
    # the cut would fall inside the CDATA: the cut feed does not parse
    ("<item><title>Story 0</title><description>First report.</description></item>" + _STORY_1
     + "<item><title>Story 2</title><description><![CDATA[A quoted <item> tag <entry> too]]>"
     "</description></item>"),
    # the quoted tag makes the count one too many and the cut falls on a real boundary: the
    # cut feed parses, but holds fewer entries than the cap
    ("<item><title>Story 0</title><description><![CDATA[A quoted <item> tag]]></description>"
     "</item>" + _STORY_1
     + "<item><title>Story 2</title><description>Third report.</description></item>"),
])
def test_an_item_tag_inside_cdata_does_not_lose_an_entry(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, items: str) -> None:
    """Cutting the feed at a tag that is only text would lose entries: the whole is read."""
    monkeypatch.setenv("BRIEFING_MAX_ENTRIES", "3")
    articles, problems = _load_feed(tmp_path / "wire.xml", _rss(items))
    assert [a.title for a in articles] == ["Story 0", "Story 1", "Story 2"]
    assert any("quoted" in a.text for a in articles)
    assert problems == []
