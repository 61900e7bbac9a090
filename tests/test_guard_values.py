"""`briefing.guard`: outside values read once, with a reason when they cannot be (issue 15).

Every value here is one a source, the command line, the config or the environment can
hand us; each must come back usable or as "unknown" with a reason, never as a traceback.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from briefing.clock import local_zone, valid_zone
from briefing.config import load_config
from briefing.core.textclean import visible_controls
from briefing.guard import (
    OutsideValueError,
    instant,
    known_zone,
    offset,
    period,
    positive_int,
    zone_name,
)
from briefing.pubclock import PubClock, read_clock
from briefing.urls import redacted

LONG = "A" * 300


def test_an_instant_comes_back_in_utc() -> None:
    assert instant(" 2021-12-31T06:00:00Z ") == datetime(2021, 12, 31, 6, tzinfo=UTC)
    assert instant("2021-12-31T01:00:00-05:00") == datetime(2021, 12, 31, 6, tzinfo=UTC)


@pytest.mark.parametrize("text, reason", [
    ("garbage", "not an ISO instant"),
    ("", "not an ISO instant"),
    ("2021-12-31T06:00:00", "no offset"),
    ("9999-12-31T23:00:00-05:00", "calendar's edge"),
    ("0001-01-01T00:30:00+05:00", "calendar's edge"),
    ("2021-12-31T06:00:00+23:00", "beyond ±18 hours"),
    ("2" * 5000, "not an ISO instant"),
])
def test_an_instant_that_is_not_one_is_refused_with_its_reason(text: str, reason: str) -> None:
    with pytest.raises(OutsideValueError, match=reason):
        instant(text)


@pytest.mark.parametrize("name", [LONG, "../../etc/passwd", "/etc/localtime", "Mars/Olympus",
                                  "Europe/Mos\x1bcow", "Europe/\u202eMoscow", " ", "Europe//X"])
def test_a_zone_name_that_is_none_is_refused_whatever_it_holds(name: str) -> None:
    with pytest.raises(OutsideValueError, match=r"IANA|empty"):
        zone_name(name)
    assert known_zone(name) is None and valid_zone(name) is None


def test_a_refusal_quotes_a_long_value_cut_short() -> None:
    with pytest.raises(OutsideValueError) as caught:
        zone_name(LONG)
    assert len(str(caught.value)) < 120 and "…" in str(caught.value)


def test_real_zone_names_pass() -> None:
    for name in ("UTC", "Europe/Moscow", "America/Argentina/Buenos_Aires", "Etc/GMT+5",
                 "America/Port-au-Prince"):
        assert zone_name(name) == name


@pytest.mark.parametrize("text, expected", [
    ("Z", timedelta(0)), ("+05:30", timedelta(hours=5, minutes=30)),
    ("-0500", timedelta(hours=-5)), ("+09", timedelta(hours=9)),
])
def test_offsets_within_eighteen_hours_are_read(text: str, expected: timedelta) -> None:
    assert offset(text) == expected


@pytest.mark.parametrize("text", ["+99:99", "+24:00", "+18:30", "-00000000000000000500", "5"])
def test_offsets_no_clock_keeps_are_refused(text: str) -> None:
    with pytest.raises(OutsideValueError):
        offset(text)


@pytest.mark.parametrize("text, expected", [
    ("24h", timedelta(hours=24)), ("90min", timedelta(minutes=90)), (" 7 d ", timedelta(7)),
    ("2w", timedelta(weeks=2)), ("3653d", timedelta(days=3653)),
])
def test_periods_up_to_ten_years_are_read(text: str, expected: timedelta) -> None:
    assert period(text) == expected


@pytest.mark.parametrize("text", ["99999999999999999999h", "999999999w", "0h", "3654d",
                                  "yesterday", "-5h", "24"])
def test_periods_out_of_range_or_malformed_are_refused(text: str) -> None:
    with pytest.raises(OutsideValueError, match="period"):
        period(text)


def test_positive_numbers_are_bounded_and_bools_are_not_numbers() -> None:
    assert positive_int(7, 30) == 7 and positive_int("12", 30) == 12
    for bad in (0, -1, 31, True, 1.5, "x", "٣", 10**30, None):
        with pytest.raises(OutsideValueError, match="whole number from 1 to 30"):
            positive_int(bad, 30)


def test_a_bad_zone_in_the_environment_falls_through_to_the_next(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_TZ", LONG)
    assert local_zone("Asia/Tokyo") == "Asia/Tokyo"
    assert local_zone(LONG) in {"UTC", valid_zone(local_zone())}


def test_config_zones_and_numbers_out_of_range_keep_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f'local_zone = "{LONG}"\nzones = ["{LONG}", "Asia/Tokyo"]\n'
                    "recent_days = 99999999999999999\n", encoding="utf-8")
    config = load_config(path)
    assert config.local_zone is None and config.zones == ("Asia/Tokyo",)
    assert config.recent_days == 7
    problems = " | ".join(config.problems)
    assert "local_zone" in problems and "recent_days" in problems and "zone" in problems
    assert LONG not in problems  # the value is quoted cut short


@pytest.mark.parametrize("raw", [
    "9999-12-31T23:00:00-05:00", "0001-01-01T00:30:00+05:00", "9999-12-31", "0001-01-01",
    "Fri, 31 Dec 9999 23:59:59 -1400", "Thu, 30 Dec 2021 17:02:00 -00000000000000000500",
    "Thu, 30 Dec 20000000000000000000 17:02:00 -0500",
    "Thu, 30 Dec 2021 99999999999999999999:02:00 -0500",
])
def test_publication_times_at_the_calendar_edge_are_unknown_with_a_note(raw: str) -> None:
    clock = read_clock(raw, found="meta")
    assert clock.kind == "unknown" and clock.raw == raw and clock.note
    assert clock.window is None and clock.sort_key is None  # nothing downstream overflows


def test_a_damaged_stored_clock_reads_as_unknown() -> None:
    clock = PubClock.from_dict({"kind": "instant", "moment": "garbage", "raw": "x"})
    assert clock.kind == "unknown" and clock.raw == "x"


def test_credentials_leave_every_address_in_a_line() -> None:
    line = "https://bob:s3cr@t@example.org:8443/rss failed; see ftp://u@h/x or mail me@x.org"
    assert redacted(line) == "https://example.org:8443/rss failed; see ftp://h/x or mail me@x.org"
    assert redacted("https://example.org/a@b") == "https://example.org/a@b"


def test_controls_are_shown_not_obeyed_and_offsets_survive() -> None:
    text = "a\x1b[31mb\u202ec\x9bd"
    shown = visible_controls(text)
    assert shown == "a␛[31mb\ufffdc\ufffdd" and len(shown) == len(text)
