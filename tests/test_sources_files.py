"""Text, Markdown, HTML, feed files, folders and stdin through the one front door."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from briefing.sources import LoadError, LoadProblem, load, load_many
from tests.conftest import SEED_ARTICLE, SEEDS


def test_seed_headline_becomes_the_title_and_furniture_is_trimmed() -> None:
    [article] = load(str(SEED_ARTICLE))
    assert article.title == "Biden, Putin talk Russia security demands, Ukraine in 50-minute call"
    assert article.text.startswith("President Joe Biden spoke with Russian President")
    for chrome in ("Skip to main content", "Share", "Tags:", "International"):
        assert chrome not in article.text.split("\n")
    assert not article.text.rstrip().endswith("Tags:")


def test_seed_front_matter_sets_publication_and_zone() -> None:
    [article] = load(str(SEED_ARTICLE))
    assert article.published == datetime(2021, 12, 30, 22, 2, tzinfo=UTC)
    assert article.published_raw == "2021-12-30T17:02:00-05:00"
    assert article.zone == "America/New_York"
    assert len(article.content_hash) == 64 and article.id == article.content_hash[:12]


def test_front_matter_title_wins_and_is_not_repeated_in_the_body(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("---\ntitle: Port closed\npublished: 2023-06-11\n---\n# Port closed\n\n"
                    "Authorities closed the port on Sunday as the storm tracked north along "
                    "the coast, officials said in a statement.\n", encoding="utf-8")
    [article] = load(str(path))
    assert article.title == "Port closed"
    assert not article.text.startswith("Port closed")
    assert article.published is None  # a date alone is not an instant
    assert article.published_raw == "2023-06-11"


def test_short_note_without_prose_keeps_its_text(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text("Flash: embassy closed\nMore to follow\n", encoding="utf-8")
    [article] = load(str(path))
    assert article.title == "Flash: embassy closed"
    assert "More to follow" in article.text


def test_html_page_main_text_title_and_zoned_publication_time() -> None:
    [page] = load(str(SEEDS / "040_sample_harbour_page.html"))
    assert page.title == "Ferry strike halts Dover crossings"
    assert page.published_raw == "2023-08-14T07:05:00+01:00"
    assert page.published == datetime(2023, 8, 14, 6, 5, tzinfo=UTC)
    assert page.outlet == "Sample Wire"
    assert "Home" not in page.text.split() and "DOVER, England" in page.text


def test_feed_entries_keep_raw_dates_and_follow_local_pages() -> None:
    articles = load(str(SEEDS / "050_sample_feed.xml"))
    assert [a.title for a in articles] == [
        "Ferry strike halts Dover crossings", "Grid operator warns of evening shortfall",
        "Border crossing reopens after overnight closure"]
    dover = articles[0]
    assert dover.published_raw == "Mon, 14 Aug 2023 07:05:00 +0100"
    assert "hundreds of lorries" in dover.text  # the local page's full text, not the summary
    assert articles[2].text.startswith("KYIV, Ukraine")
    assert articles[2].published == datetime(2023, 9, 4, 3, 20, tzinfo=UTC)


def test_feed_date_with_unknown_zone_is_kept_as_written_not_guessed(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>Mumbai update</title><pubDate>Sun, 11 Jun 2023 08:15:00 IST</pubDate>"
        "<description>The port reopened on Sunday after the storm passed.</description>"
        "</item></channel></rss>", encoding="utf-8")
    [article] = load(str(path))
    assert article.published is None
    assert article.published_raw == "Sun, 11 Jun 2023 08:15:00 IST"
    assert any("IST" in note for note in article.notes)


def test_folder_loads_recursively_and_duplicates_once() -> None:
    articles = load(str(SEEDS))
    titles = [a.title for a in articles]
    assert len(titles) == len(set(titles)), "feed entries and their pages load once"
    assert "Biden, Putin talk Russia security demands, Ukraine in 50-minute call" in titles
    dover = next(a for a in articles if a.title.startswith("Ferry strike"))
    assert dover.url and dover.url.startswith("file://")  # merged with the feed's record


def test_same_body_spaced_differently_loads_once(tmp_path: Path) -> None:
    body = "Officials said the talks would resume on Monday in Geneva after a pause."
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    (tmp_path / "b.txt").write_text(body.replace(" ", "  ").upper(), encoding="utf-8")
    assert len(load_many([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])) == 1


def test_stdin_is_read_with_dash() -> None:
    [article] = load("-", stdin=b"Reports of shelling near the border overnight.")
    assert article.source == "<stdin>"
    assert article.text == "Reports of shelling near the border overnight."


def test_overrides_replace_the_source_publication_and_zone() -> None:
    [article] = load(str(SEED_ARTICLE), published="2021-12-30T12:00:00", zone="Europe/Moscow")
    assert article.zone == "Europe/Moscow"
    assert article.published == datetime(2021, 12, 30, 9, 0, tzinfo=UTC)


def test_without_a_handler_a_fatal_problem_raises_with_the_source_named(tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    with pytest.raises(LoadError, match=r"gone\.txt: no such file"):
        load(str(missing))


def test_problems_are_reported_and_the_rest_still_loads(tmp_path: Path) -> None:
    problems: list[LoadProblem] = []
    articles = load_many([str(tmp_path / "gone.txt"), str(SEED_ARTICLE)],
                         on_error=problems.append)
    assert len(articles) == 1
    assert [p.fatal for p in problems] == [True]


def test_a_local_feed_follows_links_only_inside_its_own_folder(tmp_path: Path) -> None:
    secret = tmp_path / "private" / "notes.txt"
    secret.parent.mkdir()
    secret.write_text("Officer's private notes: the SECRET door code is 4711 and nobody "
                      "else may read it, the officer said.", encoding="utf-8")
    feed_dir = tmp_path / "feed"
    (feed_dir / "pages").mkdir(parents=True)
    (feed_dir / "pages" / "inside.txt").write_text(
        "The harbour reopened on Tuesday after the storm, port officials said in a "
        "statement issued at noon.", encoding="utf-8")
    (feed_dir / "escape.txt").symlink_to(secret)

    def item(title: str, link: str) -> str:
        return (f"<item><title>{title}</title><link>{link}</link>"
                f"<description>Summary of {title.lower()} from the feed.</description></item>")

    (feed_dir / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>'
        + item("Relative escape", "../private/notes.txt")
        + item("Absolute escape", secret.as_uri())
        + item("Symlink escape", "escape.txt")
        + item("Inside page", "pages/inside.txt")
        + "</channel></rss>", encoding="utf-8")
    problems: list[LoadProblem] = []
    articles = load_many([str(feed_dir / "feed.xml")], on_error=problems.append)
    texts = {a.title: a.text for a in articles}
    assert all("SECRET" not in text for text in texts.values())
    assert texts["Relative escape"] == "Summary of relative escape from the feed."
    assert texts["Inside page"].startswith("The harbour reopened")  # links inside still work
    outside = [p for p in problems if "outside the feed's folder" in p.reason]
    assert len(outside) == 3 and not any(p.fatal for p in outside)
