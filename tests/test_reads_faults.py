"""The smaller faults of reading: encodings, feed dates, folders, blank files, the store,
and where `brief --out` writes."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from briefing.cli import main
from briefing.sources import LoadProblem, load_many
from tests.conftest import SEED_ARTICLE

STORY = ("Le ministre a déclaré jeudi que les négociations reprendraient à Genève la semaine "
         "prochaine, après une grève qui a fermé les ports pendant trois jours.\n")


def _load(*sources: str) -> tuple[list, list[LoadProblem]]:
    problems: list[LoadProblem] = []
    return load_many(list(sources), on_error=problems.append), problems


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32",
                                      "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_files_with_a_bom_are_read_not_called_binary(
        tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "note.txt"
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff", "utf-32-le": "\ufeff",
           "utf-32-be": "\ufeff"}.get(encoding, "")  # the plain codecs write their own
    path.write_bytes((bom + STORY).encode(encoding))
    articles, problems = _load(str(path))
    assert problems == []
    assert articles[0].text == STORY.strip()


def test_a_utf16_page_over_http_is_read(httpserver: HTTPServer) -> None:
    page = f"<html><body><article><p>{STORY}</p></article></body></html>"
    httpserver.expect_request("/p.html").respond_with_data(
        page.encode("utf-16"), content_type="text/html")
    articles, problems = _load(httpserver.url_for("/p.html"))
    assert problems == [] and "Genève" in articles[0].text


def test_a_utf16_feed_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wire.xml"
    path.write_bytes(('<?xml version="1.0" encoding="UTF-16"?><rss version="2.0"><channel>'
                      f"<title>W</title><item><title>Grève</title><description>{STORY}"
                      "</description></item></channel></rss>").encode("utf-16"))
    articles, problems = _load(str(path))
    assert [a.title for a in articles] == ["Grève"]
    assert not [p for p in problems if p.fatal]


@pytest.mark.parametrize("meta", ['<meta charset="iso-8859-1">',
                                  '<meta http-equiv="Content-Type" '
                                  'content="text/html; charset=ISO-8859-1">'])
def test_a_latin1_page_is_decoded_by_its_meta_charset(tmp_path: Path, meta: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(f"<html><head>{meta}<title>Grève</title></head><body><article><p>"
                     f"{STORY}</p></article></body></html>".encode("latin-1"))
    articles, problems = _load(str(path))
    assert problems == []
    assert "\ufffd" not in articles[0].text and "négociations reprendraient à Genève" in \
        articles[0].text


@pytest.mark.parametrize("offset", ["+24:00", "+99:99"])
def test_a_page_whose_date_tag_has_an_impossible_offset_keeps_its_text(
        tmp_path: Path, offset: str) -> None:
    """The page's words stand without its date: the date is unknown, the story loads."""
    path = tmp_path / "page.html"
    path.write_text(f'<html><head><title>Strike</title><meta property="article:published_time" '
                    f'content="2021-12-30T17:02:00{offset}"></head><body><article><p>{STORY}'
                    "</p></article></body></html>", encoding="utf-8")
    articles, _ = _load(str(path))
    assert len(articles) == 1 and "reprendraient" in articles[0].text
    assert articles[0].clock.kind == "unknown"


def _feed_with_date(tmp_path: Path, date: str) -> Path:
    path = tmp_path / "wire.xml"
    path.write_text('<rss version="2.0"><channel><title>W</title><item><title>Strike</title>'
                    f"<pubDate>{date}</pubDate><description>{STORY}</description></item>"
                    "</channel></rss>", encoding="utf-8")
    return path


@pytest.mark.parametrize("date", ["Mon, 01 Jan 0001 00:00:00 GMT",
                                  "Sat, 01 Jan 0000 00:00:00 GMT",
                                  "Mon, 32 Jan 2021 10:00:00 GMT",
                                  "Mon, 04 Jan 2021 25:00:00 GMT"])
def test_an_impossible_feed_date_is_unknown_and_the_entry_kept(tmp_path: Path,
                                                                 date: str) -> None:
    articles, _ = _load(str(_feed_with_date(tmp_path, date)))
    assert [a.title for a in articles] == ["Strike"]
    assert articles[0].published is None and articles[0].clock.kind == "unknown"
    assert articles[0].clock.raw == date  # the wording is kept, never guessed from


@pytest.mark.parametrize(("date", "year"), [("Fri, 01 Jan 99 10:00:00 GMT", 1999),
                                            ("Sun, 01 Jan 50 10:00:00 GMT", 1950),
                                            ("Fri, 31 Dec 21 10:00:00 GMT", 2021)])
def test_two_digit_feed_years_are_read_as_rfc_822_says(tmp_path: Path, date: str,
                                                       year: int) -> None:
    articles, _ = _load(str(_feed_with_date(tmp_path, date)))
    assert articles[0].published is not None and articles[0].published.year == year
    assert articles[0].clock.raw == date


def test_an_unreadable_folder_is_named_unreadable_not_empty(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """chmod 000 does not deny root, so the listing's refusal is made by hand here."""
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(STORY, encoding="utf-8")
    real = os.scandir

    def scandir(path: object) -> object:
        if Path(str(path)) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    from briefing.sources import readers

    monkeypatch.setattr(readers.os, "scandir", scandir)
    articles, problems = _load(str(tmp_path), str(SEED_ARTICLE))
    assert len(articles) == 1
    assert [(p.source, p.fatal) for p in problems] == [(str(locked), True)]
    assert "cannot read folder (Permission denied)" in problems[0].reason
    assert "no articles" not in problems[0].reason


def test_a_symlink_out_of_the_folder_is_skipped_and_said(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("The root password is swordfish and nobody must know it.\n",
                       encoding="utf-8")
    folder = tmp_path / "fold"
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "x.txt").symlink_to(outside)
    (folder / "inside.txt").symlink_to(folder / "story.txt")  # inside: fine, loads once
    articles, problems = _load(str(folder))
    assert [a.text for a in articles] == [STORY.strip()]
    assert [(p.source, p.fatal) for p in problems] == [(str(folder / "x.txt"), False)]
    assert "symbolic link leads outside the folder" in problems[0].reason
    assert "skipped" in problems[0].reason


def test_a_file_of_only_blank_space_is_no_article(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\n   \n", encoding="utf-8")
    articles, problems = _load(str(path))
    assert articles == [] and "no text" in problems[0].reason


def test_a_read_only_store_file_is_said_at_open_and_the_load_goes_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = Path(os.environ["BRIEFING_DATA"])
    assert main(["extract", str(SEED_ARTICLE)]) == 0  # makes the store
    store = data / "briefing.sqlite3"
    capsys.readouterr()
    store.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        code = main(["extract", str(SEED_ARTICLE)])
    finally:
        store.chmod(stat.S_IRUSR | stat.S_IWUSR)
    out, err = capsys.readouterr()
    assert code == 0 and str(SEED_ARTICLE) in out
    assert f"{store}: the store file is read-only, so caching is off" in err


def test_brief_out_an_existing_folder_writes_inside_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    for expected in ("brief.txt", "brief-2.txt"):
        assert main(["brief", str(SEED_ARTICLE), "--out", str(folder)]) == 0
        assert f"brief written to {folder / expected}" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["briefs"]  # no sibling briefs-2
    assert sorted(p.name for p in folder.iterdir()) == ["brief-2.txt", "brief.txt"]


def test_brief_out_dev_null_writes_there_and_makes_no_numbered_file(
        capsys: pytest.CaptureFixture[str]) -> None:
    before = set(Path("/dev").iterdir())
    assert main(["brief", str(SEED_ARTICLE), "--out", os.devnull]) == 0
    assert f"brief written to {os.devnull}" in capsys.readouterr().err
    assert set(Path("/dev").iterdir()) - before == set()


def test_brief_out_a_fifo_is_refused_not_opened(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert main(["brief", str(SEED_ARTICLE), "--out", str(fifo)]) == 1
    assert "not a regular file or a folder" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]
