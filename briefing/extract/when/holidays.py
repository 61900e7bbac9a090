"""Holidays and named days ("Christmas Eve", "Thanksgiving", "Good Friday", "Labor Day").

TimeML marks them as dates, and news dates events by them ("home by Christmas", "the
Thanksgiving weekend attack"), so each resolves to its day in the year the sentence points
to, as a month and day does.  The names and their rules are data (data/holidays.tsv): a day
fixed in the calendar, a weekday counted in a month ("the fourth Thursday of November"), or
a day counted from Easter.  Written by hand because no installed package names holidays as
news writes them: dateparser and babel read dates, not feasts.
"""

from __future__ import annotations

import calendar as pycal
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import NamedTuple

TABLE = Path(__file__).resolve().parent.parent / "data" / "holidays.tsv"
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


class Rule(NamedTuple):
    """How a holiday falls in a year: see the header of data/holidays.tsv."""

    month: int = 0
    day: int = 0
    nth: int = 0  # 1..5, or -1 for "last"
    weekday: int = 0
    easter: bool = False
    shift: int = 0

    def in_year(self, year: int) -> date | None:
        """The holiday's date in `year`, or None where the calendar has no such day."""
        try:
            if self.easter:
                return easter_sunday(year) + timedelta(days=self.shift)
            if self.nth:
                return _nth_weekday(year, self.month, self.weekday, self.nth) + timedelta(
                    days=self.shift)
            return date(year, self.month, self.day)
        except (ValueError, OverflowError):
            return None


@cache
def holidays() -> dict[str, Rule]:
    """Name as written -> its rule, from data/holidays.tsv."""
    out: dict[str, Rule] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, rule = line.split("\t")
        out[name] = _rule(rule.split())
    return out


def _rule(parts: list[str]) -> Rule:
    if parts[0] == "easter":
        return Rule(easter=True, shift=int(parts[1]))
    if len(parts) == 1:
        month, day = parts[0].split("-")
        return Rule(month=int(month), day=int(day))
    nth = -1 if parts[0] == "last" else int(parts[0])
    shift = int(parts[3]) if len(parts) > 3 else 0
    return Rule(month=int(parts[2]), nth=nth, weekday=_WEEKDAYS[parts[1]], shift=shift)


def easter_sunday(year: int) -> date:
    """Western Easter: the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    if nth < 0:
        last = date(year, month, pycal.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
