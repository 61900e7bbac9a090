"""`analyze` never raises, whatever the text and whatever anchor it is given (issue 15).

The texts are built from the fragments that reach date arithmetic: digits, offsets ("GMT+",
"+99:99"), "years ago", weekdays, months, capitals and quotation marks; the anchors run
from year 1 to year 9999 with any offset Python allows.  An out-of-range value is simply
not resolved.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import analyze
from briefing.core.timefmt import format_mention
from briefing.guard import FIRST_DAY, LAST_DAY

_FRAGMENTS = st.sampled_from([
    "10:00", "GMT+", "GMT-", "UTC+", "+99:99", "+24", "24", "99", "9999", "0001", "3,000",
    "20000000000000000000", "years", "ago", "year", "months", "weeks", "days", "later",
    "next", "last", "Monday", "Thursday", "Sunday", "December", "January", "31", "1",
    "today", "yesterday", "tomorrow", "at", "on", "in", "the", "BC", "AD", "EST", "IST",
    "Moscow", "time", "local", "WASHINGTON", "(AP)", "—", "“", "”", '"', "'", ".", ",",
    "said", "1st", "century", "decade", "p.m.", "a.m.", ":", "-", "/", "Christmas", "Eve",
])
_TEXT = st.lists(st.one_of(_FRAGMENTS, st.text(max_size=6)), max_size=25).map(" ".join)
_OFFSET = st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(
    lambda m: timezone(timedelta(minutes=m)))
_MOMENT = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59))
_ANCHOR = st.one_of(
    st.none(),
    _MOMENT,
    st.builds(lambda m, tz: m.replace(tzinfo=tz), _MOMENT, _OFFSET),
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.builds(lambda m, tz: m.replace(tzinfo=tz).isoformat(), _MOMENT, _OFFSET),
    st.sampled_from(["9999-12-31T23:00:00-05:00", "0001-01-01T00:30:00+05:00", "0001-01-01",
                     "9999-12-31", "Fri, 31 Dec 9999 23:59:59 -1400",
                     "Thu, 30 Dec 2021 17:02:00 -00000000000000000500", "garbage"]),
)


@settings(max_examples=300, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, _ANCHOR)
def test_analyze_returns_for_any_text_and_any_anchor(
        text: str, anchor: datetime | date | str | None) -> None:
    doc = analyze(text, published=anchor)
    assert all(0 <= t.start < t.end <= len(text) for t in doc.times)
    for time in doc.times:  # and every time it resolved can be shown east and west
        assert format_mention(time, "Pacific/Kiritimati")
        assert format_mention(time, "Pacific/Pago_Pago")


@pytest.mark.parametrize("text", [
    "The ship docked at 10:00 GMT+24 on Monday.",
    "The vote closes 10:00 +99:99 today.",
    "The city was founded 3,000 years ago.",
    "It happened 20000000000000000000 years ago, next Thursday at 25:99.",
    "The talks resume on Friday, 31 December, and in the next 9999 years.",
    "The vault opens on 9999-12-31T23:00Z and was sealed on 0001-01-01 at 00:30 GMT.",
])
@pytest.mark.parametrize("anchor", [
    datetime(1, 1, 1, tzinfo=UTC), datetime(9999, 12, 31, 23, 59, tzinfo=UTC),
    "0001-01-01T00:30:00+05:00", "9999-12-31T23:00:00-05:00", date(1, 1, 1),
    date(9999, 12, 31), "2021-12-30T17:02:00-05:00",
])
def test_out_of_range_times_are_left_unresolved_not_raised(
        text: str, anchor: datetime | date | str) -> None:
    doc = analyze(text, published=anchor)
    for time in doc.times:  # whatever is resolved can be shown in any zone
        for bound in (time.earliest, time.latest):
            assert bound is None or FIRST_DAY <= bound.date() <= LAST_DAY
        for zone in ("Asia/Tokyo", "Pacific/Kiritimati", "Pacific/Pago_Pago"):
            assert format_mention(time, zone)


def test_an_instant_at_the_calendars_edge_keeps_its_words_but_is_not_resolved() -> None:
    doc = analyze("The vault opens on 9999-12-31T23:00Z.", published="2021-12-30")
    (time,) = doc.times
    assert time.value == "9999-12-31T23:00" and time.earliest is None and time.latest is None


def test_a_year_before_the_first_is_not_resolved() -> None:
    doc = analyze("The city was founded 3,000 years ago.", published="2021-12-30")
    ago = [t for t in doc.times if "ago" in t.text]
    assert all(t.earliest is None and t.latest is None for t in ago)


@pytest.mark.parametrize("written", ["GMT+24", "UTC+99:99"])
def test_an_offset_no_clock_keeps_leaves_the_zone_unknown_not_gmt(written: str) -> None:
    doc = analyze(f"The ship docked at 10:00 {written} on Monday.",
                  published="2021-12-30T17:02:00-05:00")
    (time,) = doc.times
    assert time.zone is None and "zone_unknown" in time.flags
    assert time.value == "2021-12-27T10:00"  # the wall time is kept as written


def test_an_anchor_string_that_is_no_date_anchors_nothing() -> None:
    doc = analyze("The talks resume on Friday.", published="garbage")
    assert doc.published is None and [t.value for t in doc.times] == ["XXXX-WXX-5"]


def test_lone_surrogates_in_text_given_to_analyze_are_read_past() -> None:
    """A caller's text may hold lone surrogates (the loaders drop them): the names around
    them are still found, and nothing raises from the entity model's UTF-8 reading."""
    found = analyze("The minister Jean Dupont \ud800 said in Paris on Monday \udfff that "
                    "talks went on.")
    assert [p.name for p in found.people] == ["Jean Dupont"]
    assert [p.name for p in found.places] == ["Paris"]


def test_a_run_of_sentence_marks_is_read_in_one_pass() -> None:
    """Forty thousand exclamation marks or full stops end: the sentence splitter tries a
    run of marks once, from its first mark (the whole run was once tried from each)."""
    for mark in "!.?":
        found = analyze("Officials said talks went on" + mark * 40_000 + " Then they left.")
        assert found.text.endswith("Then they left.")
