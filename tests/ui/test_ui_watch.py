"""Watch terms in the list: a marked column with the term itself, and `w` for only those."""

from __future__ import annotations

import dataclasses

import pytest
from snapshot_app import CONFIG, make_app
from textual.pilot import Pilot

from briefing.ui.widgets.article_list import ArticleList

pytestmark = pytest.mark.anyio

WATCH = dataclasses.replace(CONFIG, watch=("Mumbai", "Wagner"))


def rows(articles: ArticleList) -> list[str]:
    return [str(articles.get_option_at_index(i).prompt) for i in range(articles.option_count)]


async def test_articles_mentioning_a_watch_term_are_marked_with_the_term() -> None:
    app = make_app(config=WATCH)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        listed = rows(app.screen.query_one(ArticleList))
        marked = [row for row in listed if "◆" in row]
        assert marked and all("WATCH Mumbai" in row for row in marked)
        assert all("Mumbai" in row for row in marked)  # the port story, by its title
        assert len(marked) < len(listed)
        assert not any("Wagner" in row for row in listed)  # a term nobody mentions


async def test_w_shows_only_watch_articles_and_again_all() -> None:
    app = make_app(config=WATCH)
    async with app.run_test(size=(100, 30)) as pilot:
        articles = app.screen.query_one(ArticleList)
        total = articles.option_count
        await pilot.press("w")
        assert 0 < articles.option_count < total
        assert all("◆" in row for row in rows(articles))
        assert "watch terms only" in str(articles.border_subtitle)
        await pilot.press("w")
        assert articles.option_count == total


async def test_without_watch_terms_the_list_has_no_column_and_w_says_why() -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        articles = app.screen.query_one(ArticleList)
        total = articles.option_count
        assert not any("◆" in row for row in rows(articles))
        await pilot.press("w")
        await pilot.pause()
        assert articles.option_count == total
        assert any("No watch terms" in str(n.message) for n in app._notifications)


async def settle(pilot: Pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_watch_column_snapshot(snap_compare) -> None:
    assert snap_compare(make_app(config=WATCH), terminal_size=(100, 30), run_before=settle)


async def test_rows_say_how_many_loaded_articles_carry_their_story() -> None:
    from briefing.sources import load
    from tests.conftest import ROOT

    loaded = load(str(ROOT / "tests" / "data" / "multisource"))
    app = make_app(tuple((a, None) for a in loaded))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        listed = rows(app.screen.query_one(ArticleList))
        by_title = {row.split("\n")[1]: row.split("\n")[0] for row in listed}
        leak = [head for title, head in by_title.items() if "mmonia" in title or
                "Norvik" in title]
        assert len(leak) == 3 and all("3 sources" in head for head in leak)
        library = next(head for title, head in by_title.items() if "library" in title)
        assert "sources" not in library
