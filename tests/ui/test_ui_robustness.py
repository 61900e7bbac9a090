"""What an officer must never meet: a crash from typing, rows lost, a frozen key, a silent
failure, a quit that hangs.  Each test stands for a fault the review found."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from helpers import article, call_analysis, rows, saved, seed_article, settle
from snapshot_app import make_app
from tests_paths import ROOT

from briefing.config import Config
from briefing.model import Analysis, Article
from briefing.store import Store
from briefing.ui.app import BriefingApp
from briefing.ui.messages import ArticlesLoaded
from briefing.ui.widgets.article_list import ArticleList
from briefing.ui.widgets.article_view import ArticleView
from briefing.ui.widgets.when import WhenPane

pytestmark = pytest.mark.anyio
SIZE = (100, 30)



def two() -> tuple[tuple[Article, Analysis], ...]:
    seed = seed_article()
    other = article("Envoys agree to resume Geneva talks", "GENEVA — Talks resume.\n",
                    zone="Europe/Zurich", key="b")
    return ((seed, call_analysis(seed.text)), (other, Analysis(text=other.text)))




async def test_filter_text_that_looks_like_markup_is_shown_as_typed() -> None:
    app = make_app(two())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "[", "/")
        await pilot.pause()
        subtitle = app.screen.query_one(ArticleList).border_subtitle
        assert "“[/”" in str(subtitle)  # and the app is still running
        assert app.is_running


async def test_a_second_local_feed_does_not_remove_the_first_ones_rows() -> None:
    # Local feeds give file:// links, which have no canonical web form.
    one = replace(article("Harbour closed", "DOVER — Closed.\n", key="a"),
                  url="file:///feeds/one/harbour.html")
    two_ = replace(article("Port reopens", "MUMBAI — Open.\n", key="b"),
                   url="file:///feeds/two/port.html")
    by_source = {"one.xml": [one], "two.xml": [two_]}
    app = BriefingApp(["one.xml", "two.xml"], Config(), loader=lambda s, p: by_source[s],
                      analyser=lambda a: Analysis(text=a.text))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        listed = rows(app)
        assert any("Harbour closed" in r for r in listed), listed
        assert any("Port reopens" in r for r in listed), listed


async def test_choosing_a_timeline_row_whose_article_was_replaced_says_so() -> None:
    seed = replace(seed_article(), url="https://wire.example/story")
    app = make_app(((seed, call_analysis(seed.text)),),
                   analyser=lambda a: Analysis(text=a.text))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        revised = replace(seed, content_hash="f" * 64, text=seed.text + "\nUpdated.\n")
        app.post_message(ArticlesLoaded([revised]))  # a revision, same link
        await settle(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        assert any("no longer listed" in n.message for n in app._notifications)
        assert app.screen.query_one(ArticleList).current_key == revised.id


async def test_the_copied_notice_is_one_clean_line() -> None:
    app = make_app(two(), clipboard=lambda text: None)
    async with app.run_test(size=SIZE) as pilot:
        app.copy_text("first line\n\nsecond \x1b[31mred")
        await pilot.pause()
        [notice] = [n.message for n in app._notifications if n.message.startswith("Copied")]
        assert notice == "Copied: first line second ␛[31mred"


async def test_an_export_that_fails_for_any_reason_is_reported(monkeypatch, tmp_path) -> None:
    def broken(*args: object, **kwargs: object) -> str:
        raise ValueError("no template for this locale")

    monkeypatch.setattr("briefing.brief.render_brief", broken)
    app = make_app(two(), config=Config(brief_dir=str(tmp_path)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        failed = [n.message for n in app._notifications if n.title == "Export failed"]
        assert failed and "no template for this locale" in failed[0]


async def test_the_header_names_every_offset_the_zone_uses_this_year() -> None:
    app = make_app(two())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("z")  # America/New_York, in December
        line = str(app.screen.query_one("#zone-line").render())
        # July times are shown at −04:00: the header must not claim −05:00 alone.
        assert "EST −05:00" in line and "EDT −04:00" in line
        await pilot.press("z", "z")  # Asia/Tokyo keeps one offset all year
        line = str(app.screen.query_one("#zone-line").render())
        assert "JST +09:00" in line and "/" not in line.split("JST")[1]


async def test_a_zone_switch_redoes_only_what_shows_a_time(monkeypatch) -> None:
    from briefing.core.segment import Segmentation
    from briefing.ui.widgets import article_view
    from briefing.ui.widgets.quotes import QuotesPane
    from briefing.ui.widgets.who import WhoPane

    calls: list[str] = []

    def counted(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls.append(name)
            return real(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(article_view, "highlighted", counted("style", article_view.highlighted))
    monkeypatch.setattr(article_view, "Segmentation",  # absent where it was imported lazily
                        counted("segment", Segmentation), raising=False)
    for pane in (WhoPane, QuotesPane):
        monkeypatch.setattr(pane, "build", counted(pane.__name__, pane.build))
    app = make_app(two())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "enter")  # a quote: its sentence marked, scrolled to
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        marked, scrolled = view.provenance, view.scroll_y
        calls.clear()
        await pilot.press("z")
        await pilot.pause()
        assert calls == []  # no re-styling, re-segmenting, nor zone-free pane rebuilt
        assert (view.provenance, view.scroll_y) == (marked, scrolled)
        when = app.screen.query_one(WhenPane)
        assert str(when.get_option_at_index(0).prompt).startswith("15:35")
        assert "EST" in str(app.screen.query_one("#article-head").render())


async def test_a_slow_store_write_never_holds_a_key_press() -> None:
    """`briefing refresh` in another terminal can hold SQLite's write lock for seconds."""
    with Store.open() as store:
        gate = threading.Event()
        writers: list[threading.Thread] = []
        real = store.mark_read

        def waiting(*args: Any, **kwargs: Any) -> Any:
            writers.append(threading.current_thread())
            gate.wait(3)
            return real(*args, **kwargs)

        store.mark_read = waiting  # type: ignore[method-assign]
        app = make_app(two(), store=store)
        async with app.run_test(size=SIZE) as pilot:
            articles = app.screen.query_one(ArticleList)
            await pilot.press("enter", "escape", "j", "enter")  # open one, then the next
            assert articles.highlighted == 1 and not gate.is_set()
            assert "•" in rows(app)[0]  # not saved yet, so not shown as read yet
            gate.set()
            await saved(app, pilot)
            assert all("•" not in r for r in rows(app))
        assert writers and threading.main_thread() not in writers
        assert all(store.triage(a.id).read for a, _ in two())


async def test_the_list_is_painted_before_the_stored_texts_are_read() -> None:
    with Store.open() as store:
        store.add_many([a for a, _ in two()])
        gate = threading.Event()
        readers: list[threading.Thread] = []
        real = store.articles

        def waiting(**kwargs: object) -> list[Article]:
            readers.append(threading.current_thread())
            gate.wait(3)
            return real(**kwargs)  # type: ignore[arg-type]

        store.articles = waiting  # type: ignore[method-assign]
        app = make_app((), store=store, analyser=lambda a: Analysis(text=a.text))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert app.screen.query_one(ArticleList).is_mounted and not gate.is_set()
            gate.set()
            await settle(app, pilot)
            assert len(rows(app)) == 2
        assert readers and threading.main_thread() not in readers


QUIT_DURING_LOAD = textwrap.dedent("""
    import threading, time
    from briefing.config import Config
    from briefing.model import Analysis
    from briefing.ui.app import BriefingApp

    started = threading.Event()

    def slow(source, problem):
        started.set()
        time.sleep(60)  # a server trickling a page, byte by byte
        return []

    async def drive(pilot):
        while not started.is_set():
            await pilot.pause(0.05)
        await pilot.press("q")

    app = BriefingApp(["https://slow.example/page"], Config(), loader=slow,
                      analyser=lambda a: Analysis(text=a.text))
    app.run(headless=True, size=(100, 30), auto_pilot=drive)
    print("quit", app.return_code)
""")


def test_quit_does_not_wait_for_a_load_in_progress() -> None:
    done = subprocess.run([sys.executable, "-c", QUIT_DURING_LOAD], cwd=ROOT,
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("quit 0")


async def test_a_zone_setting_that_names_no_zone_is_said_on_the_screen(monkeypatch) -> None:
    """stderr is hidden behind the dashboard: the officer reads the warning on it."""
    monkeypatch.setenv("BRIEFING_TZ", "Mars/Olympus_Mons")
    app = make_app(two())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        [notice] = [n.message for n in app._notifications if n.title == "Time zone"]
        assert "Mars/Olympus_Mons" in notice and "not an IANA time zone" in notice
        assert app.display_zone != "Mars/Olympus_Mons"
