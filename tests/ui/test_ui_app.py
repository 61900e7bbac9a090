"""Pilot tests: what an officer at the keyboard would notice."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

import pytest
from helpers import article, call_analysis, saved, seed_article
from snapshot_app import make_app

from briefing.article_record import cached_analysis
from briefing.config import Config, load_config
from briefing.model import Analysis
from briefing.ui.app import BriefingApp
from briefing.ui.widgets.article_list import ArticleList
from briefing.ui.widgets.article_view import ArticleView
from briefing.ui.widgets.when import WhenPane

pytestmark = pytest.mark.anyio



def when_lines(app: BriefingApp) -> list[str]:
    pane = app.screen.query_one(WhenPane)
    return [str(pane.get_option_at_index(i).prompt) for i in range(pane.option_count)]


def two_articles():
    seed = seed_article()
    other = article("Envoys agree to resume Geneva talks", "GENEVA — Talks resume.\n",
                    zone="Europe/Zurich", key="b")
    return ((seed, call_analysis(seed.text)), (other, Analysis(text=other.text)))


async def test_zone_cycle_shows_the_same_instant_in_each_zone() -> None:
    app = make_app(two_articles())
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.display_zone == "UTC"
        assert when_lines(app)[0].startswith("20:35")
        assert "Z (UTC)" in str(app.screen.query_one("#zone-line").render())
        await pilot.press("z")
        assert app.display_zone == "America/New_York"
        assert when_lines(app)[0].startswith("15:35")
        assert "“3:35 p.m. EST”" in when_lines(app)[0]  # the wording stays as written
        await pilot.press("z", "z")
        assert app.display_zone == "Asia/Tokyo"
        assert when_lines(app)[0].startswith("Fri 31 Dec")  # crossed midnight: day shown


async def test_source_zone_joins_the_cycle_for_the_selected_article() -> None:
    app = make_app(two_articles())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "z", "z")
        assert app.display_zone == "Europe/Zurich"


async def test_navigation_keys_move_between_articles_and_panes() -> None:
    app = make_app(two_articles())
    async with app.run_test(size=(100, 30)) as pilot:
        articles = app.screen.query_one(ArticleList)
        assert app.focused is articles and articles.highlighted == 0
        await pilot.press("j")
        assert articles.highlighted == 1
        await pilot.press("g")
        assert articles.highlighted == 0
        await pilot.press("G")
        assert articles.highlighted == 1
        await pilot.press("k")
        for key, pane in zip("12345", ("who", "when", "where", "quotes", "questions"),
                             strict=True):
            await pilot.press(key)
            assert app.focused is not None and app.focused.id == pane
        await pilot.press("0")
        await pilot.press("tab")
        assert app.focused is app.screen.query_one(ArticleView)
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "who"
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is articles


async def test_enter_on_an_item_marks_and_scrolls_to_its_sentence() -> None:
    entries = two_articles()
    text = entries[0][0].text
    app = make_app(entries)
    async with app.run_test(size=(80, 24)) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.press("4", "enter")  # the Ushakov quote, far down the article
        await pilot.pause()
        start, end = view.provenance
        assert "colossal mistake" in text[start:end]
        assert text[start:end].startswith("After the call")
        assert view.scroll_y > 5  # brought into view, not left at the top
        await pilot.press("2", "enter")
        await pilot.pause()
        start, end = view.provenance
        assert "3:35 p.m. EST" in text[start:end]


async def test_filter_narrows_the_list_and_escape_restores_it() -> None:
    app = make_app(two_articles())
    async with app.run_test(size=(100, 30)) as pilot:
        articles = app.screen.query_one(ArticleList)
        await pilot.press("slash", *"geneva")
        assert articles.option_count == 1
        assert "Geneva" in str(articles.get_option_at_index(0).prompt)
        await pilot.press("enter")
        assert app.focused is articles
        await pilot.press("slash", "escape")
        assert articles.option_count == 2


async def test_flag_toggles_mark_and_triage_state() -> None:
    app = make_app(two_articles())
    async with app.run_test(size=(100, 30)) as pilot:
        articles = app.screen.query_one(ArticleList)
        key = articles.current_key
        await pilot.press("f")
        await saved(app, pilot)
        assert app.triage.is_flagged(key)
        assert "⚑" in str(articles.get_option_at_index(0).prompt)
        await pilot.press("f")
        await saved(app, pilot)
        assert not app.triage.is_flagged(key)
        assert "⚑" not in str(articles.get_option_at_index(0).prompt)


async def test_copy_puts_the_item_on_the_clipboard() -> None:
    copied: list[str] = []
    app = make_app(two_articles(), clipboard=copied.append)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "y")
        assert copied == ["20:35 (3:35 p.m. EST)"]


async def test_copying_twice_through_the_terminal_clipboard_works() -> None:
    # Textual keeps the last copied text in App._clipboard: a name the app must not reuse
    app = make_app(two_articles())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("2", "y")
        first = app.clipboard
        await pilot.press("1", "y")
        assert first == "20:35 (3:35 p.m. EST)"
        assert app.clipboard and app.clipboard != first  # the second item, and no crash


HOSTILE = "[bold]Breaking[/bold] [link=https://evil.invalid]click[/link] [0] \x1b[31mred\x1b[0m [b"


async def test_markup_and_escapes_in_untrusted_text_are_shown_literally() -> None:
    text = f"{HOSTILE}\n\nHe said “{HOSTILE}” today.\n"
    hostile = article(HOSTILE, text, key="h", outlet="[i]Outlet")
    q = text.index("“") + 1
    from briefing.model import Quote

    analysis = Analysis(text=text, quotes=(Quote(q, q + len(HOSTILE), HOSTILE, "[bold]X"),))
    app = make_app(((hostile, analysis),))
    async with app.run_test(size=(100, 30)) as pilot:
        row = str(app.screen.query_one(ArticleList).get_option_at_index(0).prompt)
        assert "[bold]Breaking[/bold] [link=https://evil.invalid]click[/link] [0]" in row
        assert "\x1b" not in row and "␛[31m" in row
        await pilot.press("4", "enter", "f", "y")
        body = app.screen.query_one("#article-body").render()
        assert "[link=https://evil.invalid]" in str(body) and "\x1b" not in str(body)
        assert app.screen.query_one(ArticleView).provenance is not None


async def test_failures_are_summed_up_once_listed_behind_bang_and_not_rows() -> None:
    def loader(source: str, problem) -> list:
        if source == "bad":
            raise OSError("connection refused")
        if source == "partly":
            problem("http://wire.test/9", "HTTP 404 NOT FOUND", True, "Talks collapse")
        return [seed_article()] if source == "good" else []

    app = BriefingApp(["bad", "good", "partly"], Config(), loader=loader,
                      analyser=lambda a: Analysis(text=a.text))
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        rows = [str(o.prompt) for o in app.screen.query_one(ArticleList).options]
        assert len(rows) == 1 and "Biden" in rows[0]  # the failures are not rows
        assert app.screen.selected is not None and app.screen.selected.article is not None
        notices = [n.message for n in app._notifications if n.severity == "error"]
        assert notices == ["2 of 3 sources failed, press ! to see them"]
        await pilot.press("exclamation_mark")
        await pilot.pause()
        shown = str(app.screen.query_one("#failures-body").render())
        assert "bad" in shown and "OSError: connection refused" in shown
        assert "Talks collapse" in shown and "http://wire.test/9" in shown
        assert "HTTP 404 NOT FOUND" in shown
        await pilot.press("escape", "j", "k", "q")
    assert app.return_code == 0  # leaving is not an error


async def test_sources_load_and_analyse_in_workers() -> None:
    from briefing.resources import seeds_dir

    app = BriefingApp([str(seeds_dir())], Config(), local="America/New_York")
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(100):  # loading hands over to analysis workers via messages
            await app.workers.wait_for_complete()
            await pilot.pause()
            entries = list(app.entries.values())
            if (entries and all(e.analysis is not None for e in entries if e.article)
                    and all(cached_analysis(app.store, e.article) is not None
                            for e in entries if e.article)):
                break  # analysed, and the cache written off the UI thread
        assert len(entries) >= 5
        assert all(e.analysis is not None for e in entries if e.article)
        assert app.screen.query_one(ArticleList).option_count == len(entries)
        assert app._pool is not None  # new articles went to the process pool (all cores)
        # ... and their analyses were cached like any other: a restart reads them back.
        assert all(cached_analysis(app.store, e.article) is not None
                   for e in entries if e.article)


async def test_broken_config_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('zones = ["Asia/Tokyo"]\nlocale = en_GB\n', encoding="utf-8")
    config = load_config(path)
    app = make_app(two_articles(), config=config)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("line 2" in m for m in messages), messages
        assert app.display_zone == "UTC"


async def test_keymap_remaps_by_binding_id() -> None:
    app = make_app(two_articles(), config=Config(keymap={"cycle-zone": "x"}))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("x")
        assert app.display_zone == "America/New_York"
        from briefing.ui.commands import BriefingCommands

        offered = {title: help_text for title, _, help_text
                   in BriefingCommands(app.screen)._top()}
        assert offered["Time zone: next in cycle"].endswith("(x)")  # the palette says so too


async def test_timeline_lists_mentions_and_leads_to_the_sentence() -> None:
    app = make_app(two_articles())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        from briefing.ui.screens.timeline import TimelineView

        view = app.screen.query_one(TimelineView)
        assert [r.mention.text for r in view.rows] == ["3:35 p.m. EST"]
        await pilot.press("z")
        assert "15:35" in app.screen.query_one(TimelineView).render_line(0).text
        await pilot.press("enter")
        assert app.screen.query_one(ArticleView).provenance is not None


async def test_zone_picker_type_ahead() -> None:
    app = make_app(two_articles())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("Z", *"kolk", "enter")
        assert app.display_zone == "Asia/Kolkata"


@pytest.mark.parametrize(("typed", "zone"), [
    ("mumbai", "Asia/Kolkata"), ("india", "Asia/Kolkata"), ("netherlands", "Europe/Amsterdam"),
    ("utc", "UTC"), ("york", "America/New_York"),  # a zone's own name beats a town's
])
async def test_zone_picker_finds_a_city_or_country_by_its_own_name(typed: str,
                                                                   zone: str) -> None:
    app = make_app(two_articles())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("Z")
        await app.screen.workers.wait_for_complete()  # the gazetteer, loaded off the UI thread
        await pilot.press(*typed)
        await pilot.pause()
        await pilot.press("enter")
        assert app.display_zone == zone


def test_every_css_path_entry_resolves() -> None:
    assert BriefingApp.CSS_PATH
    for path in BriefingApp.CSS_PATH:
        assert Path(path).is_absolute() and Path(path).is_file(), path


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_small_terminals_keep_list_text_and_panes(size: tuple[int, int]) -> None:
    app = make_app(two_articles())
    async with app.run_test(size=size):
        for selector in ("#articles", "#article", "#who", "#questions"):
            region = app.screen.query_one(selector).region
            assert region.width >= 10 and region.height >= 3, selector


async def test_export_writes_the_brief_and_says_where(tmp_path: Path) -> None:
    app = make_app(two_articles(), config=Config(brief_dir=str(tmp_path)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f", "n", *"Call the desk", "enter")
        await pilot.pause()
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = list(tmp_path.glob("brief-*.txt"))
        assert len(written) == 1
        brief = written[0].read_text(encoding="utf-8")
        assert "Biden" in brief and "1 article in 1 story, 1 flagged" in brief
        assert "Note:  (officer, S1) Call the desk" in brief
        assert any(str(written[0]) in n.message for n in app._notifications)


async def test_export_without_flags_briefs_every_article(tmp_path: Path) -> None:
    app = make_app(two_articles(), config=Config(brief_dir=str(tmp_path)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        [written] = list(tmp_path.glob("brief-*.txt"))
        assert "2 articles in 2 stories, 0 flagged" in written.read_text(encoding="utf-8")


async def test_help_scrolls_with_the_list_keys() -> None:
    app = make_app(two_articles())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        scroller = app.screen.query_one("#help")
        assert scroller.max_scroll_y > 0  # more keys than lines at 80x24
        await pilot.press("j", "j")
        assert scroller.scroll_y == 2
        await pilot.press("G")
        assert scroller.scroll_y == scroller.max_scroll_y
        await pilot.press("g")
        assert scroller.scroll_y == 0


async def test_when_names_the_day_of_a_clock_time_on_another_day_than_the_report() -> None:
    seed = seed_article()
    analysis = dataclasses.replace(call_analysis(seed.text), published=seed.published)
    later = dataclasses.replace(analysis.times[0], earliest=analysis.times[0].earliest
                                + timedelta(days=1), latest=None)
    app = make_app(((seed, dataclasses.replace(analysis, times=(analysis.times[0], later))),))
    async with app.run_test(size=(100, 30)):
        same_day, next_day = when_lines(app)[:2]
        assert same_day.startswith("20:35")  # the report's own day: the clock is enough
        assert next_day.startswith("Fri 31 Dec 20:35")



async def test_the_source_zone_a_dateline_gave_joins_the_cycle_and_the_heading() -> None:
    tokyo = article("Grid operator warns of evening shortfall", "TOKYO — Power is short.\n",
                    zone=None, key="t")
    app = make_app(((tokyo, Analysis(text=tokyo.text, zone="Asia/Tokyo")),))
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.zone_cycle()[:3] == ["UTC", "America/New_York", "Asia/Tokyo"]
        await pilot.pause()
        head = str(app.screen.query_one("#article-head").render())
        assert "(source: " in head and "JST" in head


async def test_a_timeline_row_of_another_article_opens_it_with_the_sentence_marked() -> None:
    app = make_app()  # the analysed seeds: the list opens on the newest, the timeline's first
    async with app.run_test(size=(100, 30)) as pilot:  # row is an older article's
        shown = app.screen.query_one(ArticleList).current_key
        await pilot.press("t")
        from briefing.ui.screens.timeline import TimelineView

        first = app.screen.query_one(TimelineView).rows[0]
        assert first.key != shown
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(ArticleList).current_key == first.key
        assert app.screen.query_one(ArticleView).provenance is not None


async def test_day_only_and_local_time_articles_show_and_sort_by_their_date() -> None:
    """A page dated "2016-10-12" or "2016-11-09T08:46:26" is a known date, never "unknown"."""
    from helpers import rows

    from briefing.pubclock import read_clock

    base = article("Undated", "Nothing says when.\n", key="u", published=None, zone=None)
    day = dataclasses.replace(base, title="Day only", content_hash="d" * 64,
                              clock=read_clock("2016-10-12", found="meta"))
    local = dataclasses.replace(base, title="Local time", content_hash="l" * 64,
                                clock=read_clock("2016-11-09T08:46:26", found="meta"))
    app = make_app(tuple((a, Analysis(text=a.text)) for a in (base, day, local)))
    async with app.run_test(size=(100, 30)) as pilot:
        listed = rows(app)
        assert "09 Nov 16 08:46 LT" in listed[0] and "Local time" in listed[0]
        assert "12 Oct 16 --:--" in listed[1] and "Day only" in listed[1]
        assert "date unknown" in listed[2]
        await pilot.press("0", "g")
        from textual.widgets import Static

        heading = str(app.screen.query_one("#article-head", Static).render())
        assert "Wed 9 Nov 2016 08:46 local time, zone unknown" in heading
