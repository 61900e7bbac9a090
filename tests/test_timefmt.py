"""Rendering: 24-hour clocks, the day shown across midnight, DTG, zone labels, zone cycle."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.core import timefmt
from briefing.model import TimeMention

CALL = datetime(2021, 12, 30, 20, 35, tzinfo=UTC)  # 3:35 p.m. EST
ZONES = ["America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata",
         "America/St_Johns", "Pacific/Chatham", "Europe/Moscow", "UTC", "America/Sao_Paulo"]


def test_clock_is_24_hour_and_plain_on_the_same_day() -> None:
    assert timefmt.format_clock(CALL, "America/New_York", source_zone="America/New_York") == \
        "15:35"
    assert timefmt.format_clock(CALL, "UTC") == "20:35"


def test_clock_shows_the_day_when_a_conversion_crosses_midnight() -> None:
    assert timefmt.format_clock(CALL, "Asia/Tokyo", source_zone="America/New_York") == \
        "Fri 31 Dec 05:35"


def test_full_datetime_names_zone() -> None:
    assert timefmt.format_datetime_full(CALL, "America/New_York") == "Thu 30 Dec 2021 15:35 EST"
    assert timefmt.format_datetime_full(CALL, "UTC") == "Thu 30 Dec 2021 20:35 Z"


def test_locale_changes_names_not_the_clock() -> None:
    text = timefmt.format_datetime_full(CALL, "Europe/Paris", locale="fr_FR")
    assert text.endswith("21:35 CET")
    assert "déc" in text


def test_dtg_uses_zulu_and_english_months() -> None:
    assert timefmt.dtg(CALL) == "302035Z DEC 21"
    assert timefmt.dtg(datetime(2022, 1, 1, 0, 5, tzinfo=ZoneInfo("Asia/Tokyo"))) == \
        "311505Z DEC 21"


def test_zone_label_says_which_zone_is_in_force() -> None:
    assert timefmt.zone_label("UTC", CALL) == "Z (UTC)"
    assert timefmt.zone_label("America/New_York", CALL) == "America/New_York EST −05:00"
    summer = datetime(2021, 7, 1, tzinfo=UTC)
    assert timefmt.zone_label("America/New_York", summer) == "America/New_York EDT −04:00"
    assert timefmt.zone_label("UTC+05:30", CALL) == "UTC+05:30 +05:30"


def test_naive_instant_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        timefmt.format_clock(datetime(2021, 12, 30, 20, 35), "UTC")
    with pytest.raises(ValueError, match="unknown time zone"):
        timefmt.format_clock(CALL, "Mars/Olympus")


def test_zone_cycle_utc_first_then_local_source_configured_without_duplicates() -> None:
    cycle = timefmt.zone_cycle("America/New_York", "Europe/Moscow",
                               ["Asia/Kolkata", "UTC", "America/New_York", "Not/AZone"])
    assert cycle == ["UTC", "America/New_York", "Europe/Moscow", "Asia/Kolkata"]
    assert timefmt.zone_cycle("UTC", None, []) == ["UTC"]
    assert timefmt.next_zone("Europe/Moscow", cycle) == "Asia/Kolkata"
    assert timefmt.next_zone("Asia/Kolkata", cycle) == "UTC"
    assert timefmt.next_zone("Asia/Tokyo", cycle) == "UTC"


def _mention(value: str, type_: str = "DATE", mod: str | None = None,
             earliest: datetime | None = CALL, zone: str | None = "America/New_York",
             text: str = "x") -> TimeMention:
    return TimeMention(0, 1, text, type_, value, mod, earliest, earliest, zone)  # type: ignore[arg-type]


@pytest.mark.parametrize(("mention", "zone", "shown"), [
    (_mention("2021-12-30T15:35", "TIME"), "America/New_York", "15:35"),
    (_mention("2021-12-30T15:35", "TIME"), "Asia/Tokyo", "Fri 31 Dec 05:35"),
    (_mention("2021-12-30T15:35", "TIME", "APPROX"), "UTC", "about 20:35"),
    (_mention("2021-12-30"), "Asia/Tokyo", "Thu 30 Dec 2021"),
    (_mention("2021-12"), "Asia/Tokyo", "Dec 2021"),
    (_mention("2021-W51-WE"), "UTC", "weekend of 25–26 Dec 2021"),
    (_mention("2022", mod="START"), "UTC", "early 2022"),
    (_mention("PT50M", "DURATION", "APPROX", None, None, "about 50 minutes"), "UTC",
     "about 50 minutes (PT50M)"),
    (_mention("XXXX-WXX-4", earliest=None, text="Thursday"), "UTC", "Thursday (unresolved)"),
])
def test_mention_rendered_at_its_own_granularity(mention: TimeMention, zone: str,
                                                 shown: str) -> None:
    assert timefmt.format_mention(mention, zone) == shown


# Instants around the DST transitions of 2021-2024, where conversions usually break.
_EDGES = [datetime(y, m, d, tzinfo=UTC) for y in (2021, 2022, 2023, 2024)
          for m, d in ((3, 8), (3, 26), (4, 2), (10, 30), (11, 5))]
instants = st.builds(lambda base, minutes: base + timedelta(minutes=minutes),
                     st.sampled_from(_EDGES), st.integers(-3 * 24 * 60, 3 * 24 * 60))


@settings(max_examples=300, deadline=None)
@given(instants, st.sampled_from(ZONES))
def test_utc_to_zone_to_utc_is_identity(moment: datetime, zone: str) -> None:
    local = moment.astimezone(timefmt.tz_of(zone))
    assert local.astimezone(UTC) == moment
    shown = timefmt.format_datetime_full(moment, zone)
    assert f"{local.hour:02d}:{local.minute:02d}" in shown


@settings(max_examples=300, deadline=None)
@given(instants, st.sampled_from(ZONES), st.sampled_from(ZONES))
def test_crossing_midnight_always_shows_the_day(moment: datetime, zone: str, source: str
                                                ) -> None:
    shown = timefmt.format_clock(moment, zone, source_zone=source)
    crosses = (moment.astimezone(ZoneInfo(zone)).date()
               != moment.astimezone(ZoneInfo(source)).date())
    assert (" " in shown) == crosses
    local = moment.astimezone(ZoneInfo(zone))
    assert shown.endswith(f"{local.hour:02d}:{local.minute:02d}")
    if crosses:
        assert str(local.day) in shown.split()[1]


def test_list_stamp_has_the_year_and_a_fixed_width_in_every_month() -> None:
    from briefing.core.timefmt import format_list_stamp

    stamps = [format_list_stamp(datetime(2023, month, 4, 3, 20, tzinfo=UTC), "Asia/Tokyo")
              for month in range(1, 13)]
    assert stamps[8] == "04 Sep 23 12:20"
    assert {len(s) for s in stamps} == {15}


@pytest.mark.parametrize(("mention", "screen", "brief"), [
    (_mention("2021-12-30T15:35", "TIME", "EQUAL_OR_LESS"), "at most 20:35",
     "at most 302035Z DEC 21"),
    (_mention("2021-12-30TAF", "TIME", "START"), "early Thu 30 Dec 2021 afternoon",
     "early 30 DEC 21 afternoon"),
    (_mention("2021-W51-WE", mod="END"), "late weekend of 25–26 Dec 2021",
     "late weekend 25-26 DEC 21"),
    (_mention("2021-12", mod="MID"), "mid Dec 2021", "mid DEC 21"),
])
def test_screen_and_brief_read_a_value_and_its_mod_alike(mention: TimeMention, screen: str,
                                                         brief: str) -> None:
    from briefing.brief.times import dtg_style

    assert timefmt.format_mention(mention, "UTC") == screen
    assert dtg_style(mention) == brief


def test_a_value_naming_no_real_day_is_shown_as_written_not_a_crash() -> None:
    from briefing.brief.times import dtg_style

    for value in ("2021-02-30", "2021-W60", "2021-13"):
        assert timefmt.format_mention(_mention(value), "UTC") == value
        assert dtg_style(_mention(value, text=value)) == value


@given(st.integers(-14 * 4, 14 * 4))
def test_every_fixed_offset_label_the_extractor_writes_can_be_shown(quarters: int) -> None:
    from briefing.core.zonename import fixed_label

    offset = timedelta(minutes=15 * quarters)
    label = fixed_label(offset)
    assert timefmt.tz_of(label).utcoffset(None) == offset
    local = CALL + offset
    assert timefmt.format_clock(CALL, label, source_zone=label) == \
        f"{local.hour:02d}:{local.minute:02d}"


@pytest.mark.parametrize(("value", "screen", "brief"), [
    ("2021-W51-WE", "weekend of 25–26 Dec 2021", "weekend 25-26 DEC 21"),
    ("2022-W17-WE", "weekend of 30 Apr–1 May 2022", "weekend 30 APR 22-01 MAY 22"),
    ("2022-W52-WE", "weekend of 31 Dec 2022–1 Jan 2023", "weekend 31 DEC 22-01 JAN 23"),
])
def test_a_weekend_names_each_month_it_touches(value: str, screen: str, brief: str) -> None:
    from briefing.brief.times import dtg_style
    from briefing.core.timefmt import format_mention

    tm = TimeMention(0, 11, "the weekend", "DATE", value,
                     earliest=datetime(2000, 1, 1, tzinfo=UTC))
    assert format_mention(tm, "UTC") == screen
    assert dtg_style(tm) == brief


def test_the_when_pane_reads_a_values_grain_through_the_one_timex_reading() -> None:
    """The pane's "month only" mark and the day put before a bare clock both ask `grain_of`."""
    from briefing.core.timex import grain_of

    assert grain_of("2021-12-30T20:35") == "minute"
    assert grain_of("2021-12-30T20:35:00-05:00") == "minute"
    assert grain_of("2021-12") == "month"
    assert grain_of("2021-12-30") == "day"
    assert grain_of("FUTURE_REF") is None
    assert grain_of("XXXX-XX-XX") is None
    assert grain_of(None) is None
