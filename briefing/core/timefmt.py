"""Rendering instants and time mentions in any zone: the one formatting module everyone uses.

Pure functions of their arguments (no host clock, no host zone, no host locale): babel supplies
weekday and month names for an explicit locale; the clock is always 24-hour; the DTG uses a
fixed English month table because the military form never localises.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo

from babel.dates import format_date, format_datetime

from briefing.core import timex
from briefing.core.zonename import UTC_NAMES, offset_text, tz_for
from briefing.model import TimeMention
from briefing.pubclock import PubClock

_DTG_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
               "DEC")


def tz_of(zone: str) -> tzinfo:
    """An IANA name, "UTC"/"Z", or a fixed "UTC+05:30" label (what extraction writes when a
    source gave only an offset) as a tzinfo; an unknown name raises ValueError.  The same
    reading as the extractor's (`core.zonename.tz_for`), so every label it writes shows."""
    return tz_for(zone)


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("an instant to display must be aware (UTC)")
    return moment


def format_clock(moment: datetime, zone: str, *, source_zone: str | None = None,
                 locale: str = "en_GB") -> str:
    """"15:35", or "Fri 31 Dec 01:35" when the day in `zone` is not the reference day.

    The reference day is the one in `source_zone` (where the text was written), else UTC's:
    a converted time that lands on another calendar day must never look like the same day.
    """
    local = _aware(moment).astimezone(tz_of(zone))
    reference = moment.astimezone(tz_of(source_zone) if source_zone else UTC)
    clock = f"{local.hour:02d}:{local.minute:02d}"
    if local.date() == reference.date():
        return clock
    return f"{format_datetime(local, 'EEE d MMM', locale=locale)} {clock}"


def format_day(moment: datetime, zone: str, locale: str = "en_GB", *,
               year: bool = True) -> str:
    """"Thu 30 Dec 2021" (or "Thu 30 Dec" without `year`): the day `moment` falls on in
    `zone`, named in `locale`."""
    pattern = "EEE d MMM y" if year else "EEE d MMM"
    return format_datetime(_aware(moment).astimezone(tz_of(zone)), pattern, locale=locale)


def format_datetime_full(moment: datetime, zone: str, locale: str = "en_GB") -> str:
    """"Thu 30 Dec 2021 15:35 EST": weekday, date, 24-hour clock and the zone's abbreviation."""
    local = _aware(moment).astimezone(tz_of(zone))
    return (f"{format_day(moment, zone, locale)} "
            f"{local.hour:02d}:{local.minute:02d} {_abbreviation(local)}")


def format_list_stamp(moment: datetime, zone: str) -> str:
    """"30 Dec 21 17:02": a fixed width for a list column, with the year, because a store
    that outlives a shift holds articles from other years.  The DTG month table, not a
    locale's ("Sept" in en_GB), keeps every row the same width."""
    local = _aware(moment).astimezone(tz_of(zone))
    return f"{_list_day(local.date())} {local.hour:02d}:{local.minute:02d}"


def format_clock_stamp(clock: PubClock, zone: str) -> str:
    """A publication clock for the list column: an instant in `zone`; a local time with no
    zone as written and marked "LT" (local time: it cannot be converted); a day alone with
    its time of day shown as unknown ("--:--")."""
    if clock.kind == "instant" and clock.utc is not None:
        return format_list_stamp(clock.utc, zone)
    if clock.kind == "local" and clock.moment is not None:
        wall = clock.moment
        return f"{_list_day(wall.date())} {wall.hour:02d}:{wall.minute:02d} LT"
    if clock.day is not None:
        return f"{_list_day(clock.day)} --:--"
    return "date unknown"


def _list_day(day: date) -> str:
    return f"{day.day:02d} {_DTG_MONTHS[day.month - 1].title()} {day:%y}"


def format_clock_full(clock: PubClock, zone: str, locale: str = "en_GB") -> str:
    """The article heading's publication line, saying exactly what the source gave."""
    if clock.kind == "instant" and clock.utc is not None:
        return format_datetime_full(clock.utc, zone, locale)
    if clock.kind == "local" and clock.moment is not None:
        wall = clock.moment
        return (f"{format_date(wall.date(), 'EEE d MMM y', locale=locale)} "
                f"{wall.hour:02d}:{wall.minute:02d} local time, zone unknown")
    if clock.day is not None:
        where = f" ({clock.zone})" if clock.zone else ""
        return f"{format_date(clock.day, 'EEE d MMM y', locale=locale)}{where}, time of day unknown"
    return "publication date unknown"


def _abbreviation(local: datetime) -> str:
    name = local.tzname() or ""
    if local.utcoffset() == timedelta(0) and name in {"UTC", "GMT", "UTC+00:00"}:
        return "Z"
    return name


def _offset(local: datetime) -> str:
    """"−05:00" with a typographic minus, for a label the officer reads."""
    return offset_text(local.utcoffset() or timedelta(0), minus="−")


def dtg(moment: datetime) -> str:
    """Date-time group in Zulu: "302035Z DEC 21"."""
    utc = _aware(moment).astimezone(UTC)
    return f"{utc:%d%H%M}Z {dtg_month(utc)}"


def is_utc(zone: str) -> bool:
    """Whether `zone` is UTC itself, under any of its names ("Etc/UTC", "Z", "UTC+00:00")."""
    return tz_of(zone) is UTC


def dtg_month(day: date) -> str:
    """"DEC 21": the DTG's month and year, from the fixed English table."""
    return f"{_DTG_MONTHS[day.month - 1]} {day:%y}"


def zone_label(zone: str, moment: datetime) -> str:
    """Which zone is in force: "Z (UTC)", or "America/New_York EST −05:00" at `moment`."""
    tz = tz_of(zone)
    if tz is UTC:
        return "Z (UTC)"
    local = _aware(moment).astimezone(tz)
    abbreviation = local.tzname() or ""
    if abbreviation.startswith(("UTC", "+", "-")) or abbreviation == zone:
        return f"{zone} {_offset(local)}"
    return f"{zone} {abbreviation} {_offset(local)}"


def zone_cycle(local: str, source: str | None, configured: Sequence[str]) -> list[str]:
    """The zones the zone hotkey steps through: UTC, local, the item's source, the config."""
    cycle: list[str] = []
    for zone in ("UTC", local, source, *configured):
        if not zone:
            continue
        try:
            tz_of(zone)
        except ValueError:
            continue
        name = "UTC" if zone in UTC_NAMES else zone
        if name not in cycle:
            cycle.append(name)
    return cycle


def next_zone(current: str, cycle: Sequence[str]) -> str:
    """The zone after `current` (wrapping); the first one if `current` is not in the cycle."""
    if not cycle:
        return "UTC"
    if current not in cycle:
        return cycle[0]
    return cycle[(list(cycle).index(current) + 1) % len(cycle)]


def format_mention(tm: TimeMention, zone: str, locale: str = "en_GB") -> str:
    """A mention at its own granularity: a minute shows a clock in `zone`; a day, month, week,
    weekend or season shows the period as written (it is not an instant to convert); "about"
    stays "about"; durations and unresolved mentions show their wording and value."""
    value = tm.value
    if tm.type in {"DURATION", "SET"}:
        return f"{tm.text} ({value})"
    if value in timex.REF_WORDS:
        return f"{timex.REF_WORDS[value]} ({tm.text})"
    if not tm.resolved:
        return f"{tm.text} (unresolved)"
    mod = timex.MOD_WORDS.get(tm.mod or "")
    period = timex.parse(value)
    if period is None:
        shown = value
    elif period.grain != "minute":
        shown = _period(period, locale)
    elif not tm.zone_known:
        shown = unconverted(tm)
    elif tm.anchor is not None:
        shown = format_clock(tm.anchor, zone, source_zone=tm.zone or None, locale=locale)
    else:
        shown = value
    return f"{mod} {shown}" if mod else shown


def unconverted(tm: TimeMention) -> str:
    """A clock time whose zone the article does not give: its wall time as written, saying
    that it is not converted (reading it as UTC would be hours off in every zone)."""
    clock = tm.value.partition("T")[2][:5]
    return f"{clock} zone unknown" if clock else "zone unknown"


def _period(period: timex.Period, locale: str) -> str:
    """A calendar period in words, at its own grain: month-only never becomes a day."""
    first = period.first
    match period.grain:
        case "day" | "part" if first is not None:
            text = format_date(first, "EEE d MMM y", locale=locale)
            return f"{text} {period.words}" if period.words else text
        case "month" if first is not None:
            return format_date(first, "MMM y", locale=locale)
        case "weekend":
            saturday, sunday = timex.weekend_days(period)
            # Name Saturday's month (and year) too when the weekend straddles them.
            pattern = ("d" if saturday.month == sunday.month
                       else "d MMM" if saturday.year == sunday.year else "d MMM y")
            return (f"weekend of {format_date(saturday, pattern, locale=locale)}–"
                    f"{format_date(sunday, 'd MMM y', locale=locale)}")
        case "week" if first is not None:
            return f"week of {format_date(first, 'd MMM y', locale=locale)}"
        case "quarter":
            return f"Q{period.code} {period.year:04d}"
        case "season":
            return f"{period.words} {period.year:04d}"
        case "decade":
            return f"{period.year:04d}s"
        case "century":
            return f"{timex.ordinal(period.century)} century"
    return f"{period.year:04d}"
