"""Calendar periods as TIMEX3 values and local wall-clock intervals.

Each function returns (value, start, end): `start`/`end` are naive wall-clock datetimes in the
zone the expression is read in, end exclusive; the resolver converts them to UTC.  Hand-written
because TIMEX3's week, weekend, season and decade codes are not in any installed library.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from briefing.extract.when.lexicon import PART_HOURS, SEASON_MONTHS

Period = tuple[str, datetime, datetime]


def _at(day: date) -> datetime:
    return datetime.combine(day, time())


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def day_period(day: date) -> Period:
    return day.isoformat(), _at(day), _at(day + timedelta(days=1))


def month_period(year: int, month: int) -> Period:
    ny, nm = add_months(year, month, 1)
    return f"{year:04d}-{month:02d}", _at(date(year, month, 1)), _at(date(ny, nm, 1))


def year_period(year: int) -> Period:
    return f"{year:04d}", _at(date(year, 1, 1)), _at(date(year + 1, 1, 1))


def week_period(day: date) -> Period:
    iso = day.isocalendar()
    monday = day - timedelta(days=iso.weekday - 1)
    return f"{iso.year:04d}-W{iso.week:02d}", _at(monday), _at(monday + timedelta(days=7))


def weekend_period(saturday: date) -> Period:
    iso = saturday.isocalendar()
    return (f"{iso.year:04d}-W{iso.week:02d}-WE", _at(saturday),
            _at(saturday + timedelta(days=2)))


def quarter_period(year: int, quarter: int) -> Period:
    start_month = 3 * (quarter - 1) + 1
    _, start, _ = month_period(year, start_month)
    _, _, end = month_period(year, start_month + 2)
    return f"{year:04d}-Q{quarter}", start, end


def season_period(year: int, code: str) -> Period:
    first, length = SEASON_MONTHS[code]
    start_year = year - 1 if code == "WI" else year
    _, start, _ = month_period(start_year, first)
    ey, em = add_months(start_year, first, length)
    return f"{year:04d}-{code}", start, _at(date(ey, em, 1))


def decade_period(first_year: int) -> Period:
    return (f"{first_year // 10:03d}", _at(date(first_year, 1, 1)),
            _at(date(first_year + 10, 1, 1)))


def century_period(index: int) -> Period:
    """The 20th century is TIMEX3 "19": years 1900-1999 by the usual news reading."""
    first = (index - 1) * 100
    return f"{index - 1:02d}", _at(date(max(first, 1), 1, 1)), _at(date(first + 100, 1, 1))


def part_of_day(day: date, code: str) -> Period:
    begin, finish = PART_HOURS[code]
    return (f"{day.isoformat()}T{code}", _at(day) + timedelta(hours=begin),
            _at(day) + timedelta(hours=finish))


def narrow(start: datetime, end: datetime, mod: str | None) -> tuple[datetime, datetime]:
    """"early"/"mid"/"late" keep the first, middle or last third of a period."""
    if mod not in {"START", "MID", "END"}:
        return start, end
    third = (end - start) / 3
    index = {"START": 0, "MID": 1, "END": 2}[mod]
    return start + third * index, start + third * (index + 1)


def nearest_year(month: int, day: int | None, ref: date, direction: str | None) -> int:
    """The year of "Dec. 30" or "August": the occurrence the tense points to, else the nearest.

    Same month as the reference counts as current either way.
    """
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        probe = date(year, month, min(day or 15, 28))
        candidates.append((year, probe))
    if day is None:
        current = (ref.year, ref.month) == (ref.year, month)
        if current:
            return ref.year
        if direction == "past":
            return ref.year if month < ref.month else ref.year - 1
        if direction == "future":
            return ref.year if month > ref.month else ref.year + 1
    elif direction == "past" and date(ref.year, month, min(day, 28)) > ref + timedelta(days=7):
        return ref.year - 1
    elif direction == "future" and date(ref.year, month, min(day, 28)) < ref - timedelta(days=7):
        return ref.year + 1
    return min(candidates, key=lambda c: abs((c[1] - ref).days))[0]
