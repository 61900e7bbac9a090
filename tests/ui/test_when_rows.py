"""Rows of the WHEN pane and the timeline: a day is added to clock times, never to vague ones."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from briefing.model import TimeMention
from briefing.ui.widgets.when import marks, mention_content

CALL = datetime(2021, 12, 30, 20, 35, tzinfo=UTC)


def test_a_clock_time_in_a_dated_list_carries_its_day_in_the_display_zone() -> None:
    tm = TimeMention(0, 13, "3:35 p.m. EST", "TIME", "2021-12-30T15:35", earliest=CALL,
                     latest=CALL, zone="America/New_York")
    assert mention_content(tm, "UTC", "en_GB", dated=True).plain.startswith(
        "Thu 30 Dec 2021 20:35")
    # Crossing midnight, the clock itself names the day it lands on.
    assert mention_content(tm, "Asia/Tokyo", "en_GB", dated=True).plain.startswith(
        "Fri 31 Dec 05:35")


def test_an_open_future_reference_gets_no_invented_day() -> None:
    tm = TimeMention(0, 17, "the coming weeks", "DATE", "FUTURE_REF", earliest=CALL)
    shown = mention_content(tm, "UTC", "en_GB", dated=True).plain
    assert shown.startswith("future (the coming weeks)")


def test_only_timex3_modifiers_read_as_approximate() -> None:
    """The extractor writes TIMEX3 `mod` values; APPROX is marked, a made-up one is not."""
    approx = TimeMention(0, 5, "about 3 p.m.", "TIME", "2021-12-30T15:00", mod="APPROX")
    assert "approx" in marks(approx)
    assert "approx" not in marks(replace(approx, mod="ABOUT"))  # not a TIMEX3 mod
