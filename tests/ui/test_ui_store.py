"""The dashboard on a real store file: marks survive a restart, feeds refresh, faults show.

`BRIEFING_DATA` is a fresh folder per test (root conftest), so `Store.open()` here is a real
SQLite file nobody else touches.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from helpers import article, call_analysis, rows, saved, seed_article, settle
from pytest_httpserver import HTTPServer
from snapshot_app import make_app
from tests_paths import ROOT, SEED_ARTICLE

from briefing.config import Config
from briefing.model import Analysis, Article
from briefing.store import Store, StoreError
from briefing.ui.app import BriefingApp
from briefing.ui.widgets.article_list import ArticleList

pytestmark = pytest.mark.anyio
SIZE = (100, 30)



def three() -> tuple[tuple[Article, Analysis], ...]:
    """Newest first as listed: the seed (30 Dec 22:02), Geneva (29 Dec), Oslo (28 Dec)."""
    from datetime import UTC, datetime

    seed = seed_article()
    geneva = article("Envoys agree to resume Geneva talks", "GENEVA — Talks resume.\n",
                     zone="Europe/Zurich", key="b",
                     published=datetime(2021, 12, 29, 9, 0, tzinfo=UTC))
    oslo = article("Ferry cancelled in Oslo fjord", "OSLO — The ferry stayed in port.\n",
                   zone="Europe/Oslo", key="c",
                   published=datetime(2021, 12, 28, 9, 0, tzinfo=UTC))
    return ((seed, call_analysis(seed.text)), (geneva, Analysis(text=geneva.text)),
            (oslo, Analysis(text=oslo.text)))




async def test_flag_note_and_read_survive_a_restart() -> None:
    entries = three()
    with Store.open() as store:
        app = make_app(entries, store=store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter", "escape")  # the seed, opened
            await pilot.press("j", "f", "n", *"ring the Geneva desk", "enter")
            await pilot.press("q")
    with Store.open() as store:  # the next shift: nothing given on the command line
        app = make_app((), store=store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            seed, geneva, oslo = rows(app)
            assert "Biden" in seed and "•" not in seed  # opened: read
            assert "Geneva" in geneva and "⚑" in geneva and "✎" in geneva
            assert "Oslo" in oslo and "•" in oslo and "⚑" not in oslo  # never opened
            await pilot.press("j")
            head = str(app.screen.query_one("#article-head").render())
            assert "ring the Geneva desk" in head
            assert app.triage.flagged() == [entries[1][0].id]


async def test_starting_and_quitting_changes_no_marks() -> None:
    with Store.open() as store:
        app = make_app(three(), store=store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            await pilot.press("q")
        assert not any(row.triage.read for row in store.listing())


async def test_opening_with_enter_marks_read_and_a_blank_note_clears() -> None:
    with Store.open() as store:
        app = make_app(three(), store=store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("enter")
            await saved(app, pilot)
            key = app.screen.query_one(ArticleList).current_key
            assert store.triage(key).read
            await pilot.press("0", "n", *"x", "enter")
            await saved(app, pilot)
            assert store.triage(key).note == "x"
            await pilot.press("n", "backspace", "enter")
            await saved(app, pilot)
            assert store.triage(key).note == ""
            assert "✎" not in rows(app)[0]
            await pilot.press("n", *"kept?", "escape")  # escape leaves it as it was
            assert store.triage(key).note == ""


async def test_with_sources_given_the_list_holds_those_sources_and_nothing_else() -> None:
    entries = three()
    with Store.open() as store:
        store.add_many([a for a, _ in entries])
        store.set_flag(entries[0][0].id)

        def loader(source: str, problem) -> list[Article]:
            return [entries[0][0], article("A new story", "New text.\n", key="d")]

        app = BriefingApp(["wire"], Config(), store=store, loader=loader,
                          analyser=lambda a: Analysis(text=a.text))
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            listed = rows(app)
            assert len(listed) == 2  # the two the source gave; the store's others wait
            assert sum("A new story" in r for r in listed) == 1
            # The stored one keeps its flag: its marks come from the store.
            assert any(entries[0][0].title in r and "⚑" in r for r in listed)
            header = str(app.screen.query_one("#zone-line").render())
            assert "listing the 1 source given" in header
        assert store.count() == 4


async def test_with_no_sources_the_list_is_the_stores_recent_articles() -> None:
    with Store.open() as store:
        store.add_many([a for a, _ in three()])
        app = BriefingApp([], Config(recent_days=3), store=store,
                          analyser=lambda a: Analysis(text=a.text))
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            assert len(rows(app)) == 3
            header = str(app.screen.query_one("#zone-line").render())
            assert "listing the store: last 3 days" in header


async def test_cached_analyses_are_not_recomputed_after_a_restart() -> None:
    calls: list[str] = []

    def analyser(a: Article) -> Analysis:
        from briefing.extract import extractor_version

        calls.append(a.id)
        return Analysis(text=a.text, version=extractor_version())

    articles = [a for a, _ in three()]
    for run in range(2):
        with Store.open() as store:
            app = BriefingApp(["wire"] if run == 0 else [], Config(), store=store,
                              loader=lambda source, problem: articles, analyser=analyser)
            async with app.run_test(size=SIZE) as pilot:
                await settle(app, pilot)
                assert all(e.analysis is not None for e in app.entries.values())
                assert len(app.entries) == 3
    assert sorted(calls) == sorted(a.id for a in articles)  # once each, in the first run


async def test_a_mark_that_cannot_be_saved_is_reported_not_shown() -> None:
    with Store.open() as store:
        app = make_app(three(), store=store)

        def broken(*args: object, **kwargs: object) -> None:
            raise StoreError(f"{store.path}: cannot save (disk I/O error); nothing was changed")

        store.set_flag = broken  # type: ignore[method-assign]
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f")
            await saved(app, pilot)
            assert "⚑" not in rows(app)[0]
            notices = [n for n in app._notifications if n.title == "Not saved"]
            assert notices and "disk I/O error" in notices[0].message


def rss(titles: list[str]) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>http://127.0.0.1:9/{n}</link>"
        f"<pubDate>Thu, 30 Dec 2021 1{n}:00:00 GMT</pubDate>"
        f"<description>{t}. The minister spoke in Paris on Tuesday.</description></item>"
        for n, t in enumerate(titles))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
            f"<link>https://wire.example/</link><description>d</description>{items}"
            "</channel></rss>").encode()


async def test_refresh_adds_new_feed_entries_to_the_list(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss(["Port reopens", "Talks stall"]), content_type="application/rss+xml",
        headers={"ETag": '"v1"'})
    url = httpserver.url_for("/feed.xml")
    with Store.open() as store:
        app = make_app(three(), store=store, config=Config(feeds=(url,)))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("r")
            await settle(app, pilot)
            listed = rows(app)
            assert len(listed) == 5
            assert any("Port reopens" in r for r in listed)
            messages = [n.message for n in app._notifications if n.title == "Refresh"]
            assert any("2 new" in m for m in messages), messages
            await pilot.press("r")  # nothing new the second time: no duplicate rows
            await settle(app, pilot)
            assert len(rows(app)) == 5
        assert store.count() == 5


async def test_refresh_reads_feeds_added_to_the_config_while_running(
        httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss(["Port reopens", "Talks stall"]), content_type="application/rss+xml")
    config_file = tmp_path / "config.toml"
    config_file.write_text("zones = []\n", encoding="utf-8")
    with Store.open() as store:
        app = make_app(three(), store=store, config=Config(), config_file=config_file)
        async with app.run_test(size=SIZE) as pilot:
            # Subscribed after the start: `r` reads the file again.
            config_file.write_text(f'feeds = ["{httpserver.url_for("/feed.xml")}"]\n',
                                   encoding="utf-8")
            await pilot.press("r")
            await settle(app, pilot)
            assert any("Port reopens" in r for r in rows(app))
            assert "listing the store" in str(app.screen.query_one("#zone-line").render())
            # A broken file keeps the last good list and says why.
            config_file.write_text('feeds = ["http://127.0.0.1:9/x.xml"\n', encoding="utf-8")
            await pilot.press("r")
            await settle(app, pilot)
            warnings = [n.message for n in app._notifications if n.title == "Config problem"]
            assert warnings and str(config_file) in warnings[-1]
            assert "keeping the feeds read before" in warnings[-1]
            assert app.config.feeds == (httpserver.url_for("/feed.xml"),)


async def test_refresh_without_feeds_says_how_to_subscribe() -> None:
    app = make_app(three())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        assert any("feeds = [" in n.message for n in app._notifications)


async def test_a_failing_feed_is_reported_and_the_app_goes_on(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gone.xml").respond_with_data("gone", status=404)
    app = make_app(three(), config=Config(feeds=(httpserver.url_for("/gone.xml"),)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await settle(app, pilot)
        failed = [n for n in app._notifications if n.severity == "error"]
        assert failed and "gone.xml" in failed[0].message
        assert len(rows(app)) == 3


async def highlight_in_palette(app: BriefingApp, pilot, query: str) -> None:
    """Open the palette, type `query` and move onto the first hit once hits have arrived."""
    from textual.command import CommandList

    await pilot.press("ctrl+p", *query)
    for _ in range(100):
        await pilot.pause(0.02)
        if app.screen.query(CommandList) and app.screen.query_one(CommandList).option_count:
            break
    await pilot.press("down")
    for _ in range(50):
        await pilot.pause(0.02)
        if app.theme == "nord":
            return


async def test_palette_previews_a_theme_and_restores_it_on_escape() -> None:
    with Store.open() as store:
        app = make_app(three(), store=store)
        async with app.run_test(size=SIZE) as pilot:
            assert app.theme == "briefing"
            await highlight_in_palette(app, pilot, "theme: nord")
            assert app.theme == "nord"  # previewed while highlighted
            await pilot.press("escape")
            await pilot.pause()
            assert app.theme == "briefing"
            await highlight_in_palette(app, pilot, "theme: nord")
            await pilot.press("enter")
            await pilot.pause()
            assert app.theme == "nord"
    with Store.open() as store:
        app = make_app(three(), store=store)
        async with app.run_test(size=SIZE):
            assert app.theme == "nord"  # remembered beside the store


async def test_the_config_theme_wins_once_it_is_changed() -> None:
    with Store.open() as store:
        app = make_app(three(), store=store)
        async with app.run_test(size=SIZE):
            app.theme = "nord"
        app = make_app(three(), store=store, config=Config(theme="gruvbox"))
        async with app.run_test(size=SIZE):
            assert app.theme == "gruvbox"


READ_ONLY_RUN = textwrap.dedent("""
    import json, sys
    from briefing.ui.app import BriefingApp

    report = {}

    async def drive(pilot):
        app = pilot.app
        for _ in range(100):
            await app.workers.wait_for_complete()
            await pilot.pause()
            if app.entries and all(e.analysis for e in app.entries.values()):
                break
        await pilot.press("f")
        report["persistent"] = app.store.persistent
        report["rows"] = app.screen.query_one("#articles").option_count
        report["flagged"] = app.triage.flagged()
        report["notices"] = [(n.title, n.message) for n in app._notifications]
        await pilot.press("q")

    run = BriefingApp.run
    BriefingApp.run = lambda self, **kw: run(self, headless=True, size=(100, 30),
                                             auto_pilot=drive)
    from briefing.cli import main
    code = main([sys.argv[1]])
    report["code"] = code
    with open(sys.argv[2], "w") as out:
        json.dump(report, out)
""")


def test_a_read_only_data_folder_still_runs_the_app(tmp_path: Path) -> None:
    from privileges import without_root_override

    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o555)
    report = tmp_path / "report.json"
    report.touch()
    report.chmod(0o666)
    tmp_path.chmod(0o777)
    env = {**os.environ, "BRIEFING_DATA": str(data)}
    try:
        done = subprocess.run([*without_root_override(), sys.executable, "-c", READ_ONLY_RUN,
                               str(SEED_ARTICLE), str(report)], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
    finally:
        data.chmod(0o755)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(report.read_text())
    assert result["persistent"] is False
    assert result["rows"] == 1 and len(result["flagged"]) == 1  # flagging still works
    store_notices = [m for title, m in result["notices"] if title == "Store"]
    assert store_notices and str(data) in store_notices[0]
    assert "continuing without saving" in store_notices[0]
    assert list(data.iterdir()) == []


async def test_typing_in_the_palette_reads_the_zone_database_once(monkeypatch) -> None:
    import zoneinfo

    from briefing.ui import commands
    from briefing.ui.screens import zone_picker

    scans: list[int] = []

    def counting() -> set[str]:
        scans.append(1)
        return zoneinfo.available_timezones()

    for module in (commands, zone_picker):
        monkeypatch.setattr(module, "available_timezones", counting, raising=False)
    zone_picker.all_zones.cache_clear()
    app = make_app(three())
    async with app.run_test(size=SIZE) as pilot:
        await highlight_in_palette(app, pilot, "zone: tok")
        await pilot.press(*"yo")
        await pilot.pause(0.2)
        assert len(scans) <= 1
    zone_picker.all_zones.cache_clear()


async def test_passing_over_an_article_keeps_it_unread_and_dwelling_reads_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.ui.screens.main import MainScreen

    pending: list[tuple[Any, Any]] = []

    class HeldTimer:
        """The dwell, fired by the test rather than by the clock (no timing in tests)."""

        def __init__(self, callback: Any) -> None:
            self.callback, self.stopped = callback, False

        def stop(self) -> None:
            self.stopped = True

    def held_timer(self: MainScreen, delay: float, callback: Any, **_: Any) -> HeldTimer:
        timer = HeldTimer(callback)
        pending.append((delay, timer))
        return timer

    monkeypatch.setattr(MainScreen, "set_timer", held_timer)
    with Store.open() as store:
        app = make_app(three(), store=store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("j", "j")  # down the list to Oslo, past Geneva
            app.screen.entries_changed()  # a refresh rebuilds the list meanwhile
            await pilot.pause()
            geneva_timer, oslo_timer = (timer for _, timer in pending)
            assert geneva_timer.stopped and not oslo_timer.stopped  # Oslo's dwell survives
            assert {delay for delay, _ in pending} == {MainScreen.READ_AFTER}
            oslo_timer.callback()  # Oslo stayed on screen for the whole dwell
            await saved(app, pilot)
            seed, geneva, oslo = rows(app)
            assert "•" in seed and "•" in geneva  # shown for a moment only: still unread
            assert "•" not in oslo


async def test_the_bundled_samples_are_listed_but_not_stored() -> None:
    from briefing.resources import seeds_dir

    with Store.open() as store:
        app = BriefingApp([str(seeds_dir())], Config(), store=store, listing="samples",
                          analyser=lambda a: Analysis(text=a.text))
        async with app.run_test(size=SIZE) as pilot:
            await settle(app, pilot)
            assert len(rows(app)) >= 5
            header = str(app.screen.query_one("#zone-line").render())
            assert "listing the bundled samples (the store is empty)" in header
            app._refreshed = True  # what `r` bringing articles in sets
            assert app.listing_label() == ("listing the bundled samples and the feeds "
                                           "refreshed since")
        # Not mixed into the officer's store: the next start still finds it empty.
        assert store.count() == 0
