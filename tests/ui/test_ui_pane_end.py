"""`G` in a fact pane shows its last item whole, even when the items above it wrap."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from helpers import article
from snapshot_app import make_app

from briefing.model import Analysis, Person, TimeMention
from briefing.ui.widgets.when import WhenPane
from briefing.ui.widgets.who import WhoPane

pytestmark = pytest.mark.anyio

SIZE = (100, 30)
LONG = ("as the regional operator said in a statement read out to reporters at the port "
        "authority offices late in the evening")


def _crowded() -> tuple:
    """Forty people and forty times whose descriptions wrap in a focused pane."""
    pieces, people, times, at = [], [], [], 0
    base = datetime(2021, 12, 30, 12, 0, tzinfo=UTC)
    for n in range(40):
        name = f"Officer Number{n} Lastname{n}"
        clock = f"{10 + n % 10}:{n % 60:02d} GMT"
        sentence = f"{name} spoke at {clock} {LONG}. "
        s = at + sentence.index(name)
        people.append(Person(f"{name} {LONG[:40]}", ("spokesperson for the port authority "
                                                     "and the regional operator",),
                             None, ((s, s + len(name)),)))
        c = at + sentence.index(clock)
        moment = base + timedelta(minutes=n)
        times.append(TimeMention(c, c + len(clock), f"{clock} {LONG}", "TIME",
                                 moment.strftime("%Y-%m-%dT%H:%M"), earliest=moment,
                                 latest=moment, zone="UTC", zone_basis="explicit"))
        pieces.append(sentence)
        at += len(sentence)
    text = "".join(pieces)
    return ((article("Crowded", text), Analysis(text=text, people=tuple(people),
                                                times=tuple(times))),)


async def _last_shown(pane_type: type, key: str) -> None:
    app = make_app(_crowded())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(pane_type)
        await pilot.press(key)
        await pilot.pause()
        await pilot.press("G")
        await pilot.pause()
        await pilot.pause()
        assert pane.highlighted == pane.option_count - 1
        bottom = pane.scroll_offset.y + pane.scrollable_content_region.height
        assert bottom >= pane.virtual_size.height, (bottom, pane.virtual_size.height)


async def test_g_in_who_shows_the_last_person_whole() -> None:
    await _last_shown(WhoPane, "1")


async def test_g_in_when_shows_the_last_time_whole() -> None:
    await _last_shown(WhenPane, "2")
