"""Calendar periods as TIMEX3 values and local wall-clock intervals.

Each function returns (value, start, end): `start`/`end` are naive wall-clock datetimes in the
zone the expression is read in, end exclusive; the resolver converts them to UTC.  Hand-written
because TIMEX3's week, weekend, season and decade codes are not in any installed library.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from briefing.extract.when.lexicon import PART_HOURS, SEASON_MONTHS

Interval = tuple[str, datetime, datetime]


def _at(day: date) -> datetime:
    return datetime.combine(day, time())


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def day_period(day: date) -> Interval:
    return day.isoformat(), _at(day), _at(day + timedelta(days=1))


def month_period(year: int, month: int) -> Interval:
    ny, nm = add_months(year, month, 1)
    return f"{year:04d}-{month:02d}", _at(date(year, month, 1)), _at(date(ny, nm, 1))


def year_period(year: int) -> Interval:
    return f"{year:04d}", _at(date(year, 1, 1)), _at(date(year + 1, 1, 1))


def week_period(day: date) -> Interval:
    iso = day.isocalendar()
    monday = day - timedelta(days=iso.weekday - 1)
    return f"{iso.year:04d}-W{iso.week:02d}", _at(monday), _at(monday + timedelta(days=7))


def weekend_period(saturday: date) -> Interval:
    iso = saturday.isocalendar()
    return (f"{iso.year:04d}-W{iso.week:02d}-WE", _at(saturday),
            _at(saturday + timedelta(days=2)))


def quarter_period(year: int, quarter: int) -> Interval:
    start_month = 3 * (quarter - 1) + 1
    _, start, _ = month_period(year, start_month)
    _, _, end = month_period(year, start_month + 2)
    return f"{year:04d}-Q{quarter}", start, end


def season_period(year: int, code: str) -> Interval:
    first, length = SEASON_MONTHS[code]
    start_year = year - 1 if code == "WI" else year
    _, start, _ = month_period(start_year, first)
    ey, em = add_months(start_year, first, length)
    return f"{year:04d}-{code}", start, _at(date(ey, em, 1))


def decade_period(first_year: int) -> Interval:
    return (f"{first_year // 10:03d}", _at(date(first_year, 1, 1)),
            _at(date(first_year + 10, 1, 1)))


def century_period(index: int) -> Interval:
    """The 20th century is TIMEX3 "19": years 1900-1999 by the usual news reading."""
    first = (index - 1) * 100
    return f"{index - 1:02d}", _at(date(max(first, 1), 1, 1)), _at(date(first + 100, 1, 1))


def part_of_day(day: date, code: str) -> Interval:
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


# How far the occurrence a tense points to may lie before the nearest one is taken instead:
# "said the vote is on Oct. 20" two weeks ahead is this October's, not last year's.
_DIRECTED_DAYS = 300
_DIRECTED_MONTHS = 9
# A "past" date may sit a few days after publication (a report dated the day before the
# event it describes as done), and a "future" one a few days before it.
_SLACK_DAYS = 7


def nearest_year(month: int, day: int | None, ref: date, direction: str | None) -> int:
    """The year of "Dec. 30" or "August": the occurrence the tense points to when it is
    within the year around publication, else the nearest (a careful reader's choice).

    The same month as the reference counts as current either way.
    """
    if day is None:
        return _month_year(month, ref, direction)
    dated = [(year, date(year, month, min(day, 28))) for year in
             (ref.year - 1, ref.year, ref.year + 1)]
    nearest = min(dated, key=lambda c: abs((c[1] - ref).days))[0]
    if direction == "past":
        past = [c for c in dated if c[1] <= ref + timedelta(days=_SLACK_DAYS)]
        chosen = max(past, key=lambda c: c[1])
    elif direction == "future":
        ahead = [c for c in dated if c[1] >= ref - timedelta(days=_SLACK_DAYS)]
        chosen = min(ahead, key=lambda c: c[1])
    else:
        return nearest
    return chosen[0] if abs((chosen[1] - ref).days) <= _DIRECTED_DAYS else nearest


def nearest_date(dated: list[date], ref: date, direction: str | None) -> date:
    """Of a day's occurrences around `ref` (one a year), the one the tense points to when it
    is within the year around publication, else the nearest: `nearest_year`'s rule."""
    nearest = min(dated, key=lambda d: abs((d - ref).days))
    if direction == "past":
        chosen = max((d for d in dated if d <= ref + timedelta(days=_SLACK_DAYS)), default=None)
    elif direction == "future":
        chosen = min((d for d in dated if d >= ref - timedelta(days=_SLACK_DAYS)), default=None)
    else:
        return nearest
    if chosen is None:
        return nearest
    return chosen if abs((chosen - ref).days) <= _DIRECTED_DAYS else nearest


def _month_year(month: int, ref: date, direction: str | None) -> int:
    """A bare month: the one the tense points to.  A past verb cannot speak of a month to
    come, but a future one often speaks of a month just gone ("will show how factories
    fared in October", said in November): a future month most of a year away is the past one.
    """
    diff = month - ref.month  # in -11..11
    if diff == 0:
        return ref.year
    back = diff if diff < 0 else diff - 12  # months back to the last such month
    ahead = diff if diff > 0 else diff + 12
    if direction == "past":
        return ref.year + (0 if diff < 0 else -1)
    if direction == "future" and ahead <= _DIRECTED_MONTHS:
        return ref.year + (0 if diff > 0 else 1)
    if -back <= ahead:  # nearest; a tie is the past one (news reports what happened)
        return ref.year + (0 if diff < 0 else -1)
    return ref.year + (0 if diff > 0 else 1)
