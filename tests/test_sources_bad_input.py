"""Every bad file gives one clear problem naming it, and never takes the others down."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.sources import LoadProblem, load_many
from briefing.sources.web import MAX_BYTES
from tests.conftest import SEED_ARTICLE


def _load_beside_seed(path: Path) -> tuple[list, list[LoadProblem]]:
    problems: list[LoadProblem] = []
    articles = load_many([str(path), str(SEED_ARTICLE)], on_error=problems.append)
    return articles, problems


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n \t", "empty file"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("broken.xml", b"<rss><channel><item><title>x</titl", "malformed feed"),
    ("broken.html", b"<html><body><div><<<>>></", "no article text"),
    ("scripts.html", b"<html><head><script>var a = 1;</script></head><body><div></div>",
     "no article text"),
])
def test_unusable_file_is_named_with_its_reason(tmp_path: Path, name: str, content: bytes,
                                               reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    articles, problems = _load_beside_seed(path)
    assert len(articles) == 1, "the seed still loads"
    assert len(problems) == 1 and problems[0].fatal
    assert problems[0].source == str(path) and reason in problems[0].reason


def test_invalid_utf8_is_decoded_with_replacement_and_said(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le ministre a déclaré jeudi que les négociations reprendraient "
                     "à Genève la semaine prochaine.".encode("latin-1"))
    articles, problems = _load_beside_seed(path)
    assert len(articles) == 2
    assert [p.fatal for p in problems] == [False]
    assert "invalid UTF-8" in problems[0].reason
    assert "\ufffd" in articles[0].text and articles[0].notes


def test_file_over_the_size_cap_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    _, problems = _load_beside_seed(path)
    assert "over the" in problems[0].reason and "cap" in problems[0].reason


def test_one_megabyte_line_loads(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 200_000, encoding="utf-8")
    articles, problems = _load_beside_seed(path)
    assert problems == [] and len(articles[0].text) > 900_000


def test_unreadable_path_is_named(tmp_path: Path) -> None:
    # A file standing where a folder should be fails for root too (chmod would not).
    (tmp_path / "plain.txt").write_text("not a folder", encoding="utf-8")
    path = tmp_path / "plain.txt" / "child.txt"
    articles, problems = _load_beside_seed(path)
    assert len(articles) == 1
    assert problems[0].source == str(path) and "cannot read" in problems[0].reason


def test_malformed_but_recoverable_html_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "sloppy.html"
    path.write_bytes(b"<html><body><div><p>Unclosed <b>tags <i>everywhere in this report "
                     b"about the talks in Geneva on Monday")
    articles, problems = _load_beside_seed(path)
    assert problems == [] and "Unclosed tags everywhere" in articles[0].text


def test_terminal_escapes_and_controls_never_reach_the_text(tmp_path: Path) -> None:
    path = tmp_path / "escapes.txt"
    path.write_text("---\ntitle: \x1b[31mRed\x1b[0m alert \x1b]0;pwned\x07\n---\n"
                    "Officials said \x1b[2J\x1b[Hthe border was closed\x07 at dawn on "
                    "Monday after \x7freports of shelling in the area overnight.", "utf-8")
    articles, _ = _load_beside_seed(path)
    article = articles[0]
    assert "\x1b" not in article.text + article.title and "\x07" not in article.text
    assert article.title == "Red alert"
    assert "the border was closed at dawn" in article.text
    assert any("control character" in note for note in article.notes)


def test_markup_lookalike_text_is_kept_verbatim(tmp_path: Path) -> None:
    path = tmp_path / "markup.txt"
    path.write_text("[bold]ZLEXCOUNT z [b[/] and [link=http://x]click[/link] were in the "
                    "headline of a story the officials said was published on Monday.", "utf-8")
    articles, problems = _load_beside_seed(path)
    assert problems == []
    assert "[bold]ZLEXCOUNT z [b[/]" in articles[0].text


def test_unknown_url_scheme_is_refused(tmp_path: Path) -> None:
    problems: list[LoadProblem] = []
    load_many(["ftp://example.org/a.txt", "file:///etc/passwd"], on_error=problems.append)
    assert [p.source for p in problems] == ["ftp://example.org/a.txt", "file:///etc/passwd"]
    assert all("scheme" in p.reason for p in problems)


def test_empty_folder_is_reported(tmp_path: Path) -> None:
    problems: list[LoadProblem] = []
    assert load_many([str(tmp_path)], on_error=problems.append) == []
    assert "holds no articles" in problems[0].reason


def test_an_impossible_publication_date_is_noted_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "bad_date.md"
    path.write_text("---\ntitle: Port reopens\npublished: 2021-13-45T25:00\n---\n"
                    "Officials said the port reopened on Monday after the storm passed.\n",
                    "utf-8")
    articles, problems = _load_beside_seed(path)
    assert len(articles) == 2 and articles[0].title == "Port reopens"
    assert articles[0].published is None and articles[0].published_raw == "2021-13-45T25:00"
    assert any("2021-13-45T25:00" in note for note in articles[0].notes)
    assert problems == []
