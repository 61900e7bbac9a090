"""One reading of a TIMEX3 value's calendar shape, and the words for its codes.

The screen (`timefmt.format_mention`) and the brief (`brief.times.dtg_style`) render the same
values in two styles ("Thu 30 Dec 2021" / "30 DEC 21"); they used to parse the values twice
with two ladders of patterns and two word tables that had drifted apart ("up to" beside
"at most").  Both now ask `parse` and share these tables, so a mention reads the same in
both places.  Written by hand: no installed library reads TIMEX3 values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

Grain = Literal["minute", "part", "day", "weekend", "week", "month", "quarter", "season",
                "year", "decade", "century"]

MOD_WORDS = {"APPROX": "about", "LESS_THAN": "under", "MORE_THAN": "over",
             "EQUAL_OR_LESS": "at most", "EQUAL_OR_MORE": "at least", "BEFORE": "before",
             "AFTER": "after", "ON_OR_BEFORE": "by", "ON_OR_AFTER": "from", "START": "early",
             "MID": "mid", "END": "late"}
"""TIMEX3 mod -> the word put before a time.  "at most", not "up to": beside a clock time
"up to 20:35" reads as "until 20:35", a different claim."""
PART_WORDS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night",
              "DT": "daytime"}
SEASON_WORDS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
REF_WORDS = {"PRESENT_REF": "now", "PAST_REF": "past", "FUTURE_REF": "future"}

_SHAPES: tuple[tuple[Grain, re.Pattern[str]], ...] = (
    ("minute", re.compile(r"(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}.*")),
    ("part", re.compile(r"(\d{4})-(\d{2})-(\d{2})T(MO|AF|EV|NI|DT)")),
    ("day", re.compile(r"(\d{4})-(\d{2})-(\d{2})")),
    ("weekend", re.compile(r"(\d{4})-W(\d{2})-WE")),
    ("week", re.compile(r"(\d{4})-W(\d{2})")),
    ("month", re.compile(r"(\d{4})-(\d{2})")),
    ("quarter", re.compile(r"(\d{4})-Q([1-4])")),
    ("season", re.compile(r"(\d{4})-(SP|SU|FA|WI)")),
    ("year", re.compile(r"(\d{4})")),
    ("decade", re.compile(r"(\d{3})")),
    ("century", re.compile(r"(\d{2})")),
)


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar value read once: its grain, and what each renderer needs of it."""

    grain: Grain
    year: int
    """The year; the first year for a decade or century ("199" -> 1990, "20" -> 2001)."""
    first: date | None = None
    """The day for minute/part/day, the Saturday of a weekend, the Monday of a week, the 1st
    of a month; None for coarser grains."""
    code: str = ""
    """The part of day ("MO"), season ("WI") or quarter ("1")."""

    @property
    def words(self) -> str:
        """The part of day or season as a word ("morning", "winter"); "" for other grains."""
        return PART_WORDS.get(self.code, "") if self.grain == "part" else \
            SEASON_WORDS.get(self.code, "") if self.grain == "season" else ""

    @property
    def century(self) -> int:
        """The ordinal of a century value: "20" -> 21 (the 21st century, 2001-2100)."""
        return self.year // 100 + 1


@lru_cache(maxsize=1024)  # a brief renders the same few values in several sections
def parse(value: str) -> Period | None:
    """The calendar period a resolved TIMEX3 value names; None for durations, sets,
    references, unresolved values ("XXXX-WXX-4") and anything not a real date."""
    for grain, pattern in _SHAPES:
        if m := pattern.fullmatch(value):
            try:
                return _period(grain, m)
            except ValueError:  # "2021-02-30", "2021-W60": no such day
                return None
    return None


def grain_of(value: str | None) -> Grain | None:
    """The grain of a resolved TIMEX3 value ("minute" for a clock time, "month" ...), or
    None for anything `parse` does not read as a calendar period."""
    period = parse(value) if value else None
    return period.grain if period is not None else None


def _period(grain: Grain, m: re.Match[str]) -> Period:
    year = int(m[1])
    if grain in ("minute", "part", "day"):
        return Period(grain, year, date(year, int(m[2]), int(m[3])),
                      m[4] if grain == "part" else "")
    if grain == "weekend":
        return Period(grain, year, date.fromisocalendar(year, int(m[2]), 6))
    if grain == "week":
        return Period(grain, year, date.fromisocalendar(year, int(m[2]), 1))
    if grain == "month":
        return Period(grain, year, date(year, int(m[2]), 1))
    if grain in ("quarter", "season"):
        return Period(grain, year, None, m[2])
    if grain == "decade":
        return Period(grain, year * 10)
    if grain == "century":
        return Period(grain, year * 100 + 1)
    return Period(grain, year)


def weekend_days(period: Period) -> tuple[date, date]:
    """(Saturday, Sunday) of a weekend period."""
    assert period.first is not None
    return period.first, period.first + timedelta(days=1)


def ordinal(number: int) -> str:
    """"21st", "12th", "22nd": English, as the rest of the period wording is."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
        number % 10, "th")
    return f"{number}{suffix}"
