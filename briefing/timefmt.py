"""Rendering instants and time mentions in any zone: the one formatting module everyone uses.

Pure functions of their arguments (no host clock, no host zone, no host locale): babel supplies
weekday and month names for an explicit locale; the clock is always 24-hour; the DTG uses a
fixed English month table because the military form never localises.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date, format_datetime

from briefing.model import TimeMention

_DTG_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
               "DEC")
_FIXED = re.compile(r"^UTC([+-])(\d{2}):(\d{2})$")
_UTC_NAMES = frozenset({"UTC", "Z", "Etc/UTC", "GMT", "Etc/GMT", "Zulu"})
_MOD_WORDS = {"APPROX": "about ", "LESS_THAN": "under ", "MORE_THAN": "over ",
              "EQUAL_OR_LESS": "up to ", "EQUAL_OR_MORE": "at least ", "BEFORE": "before ",
              "AFTER": "after ", "START": "early ", "MID": "mid ", "END": "late "}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_PARTS = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}


def tz_of(zone: str) -> tzinfo:
    """An IANA name, "UTC"/"Z", or a fixed "UTC+05:30" label (what extraction writes when a
    source gave only an offset) as a tzinfo; an unknown name raises ValueError."""
    if zone in _UTC_NAMES:
        return UTC
    fixed = _FIXED.match(zone)
    if fixed:
        sign = -1 if fixed.group(1) == "-" else 1
        return timezone(sign * timedelta(hours=int(fixed.group(2)), minutes=int(fixed.group(3))))
    try:
        return ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {zone!r}") from exc


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


def format_day(moment: datetime, zone: str, locale: str = "en_GB") -> str:
    """"Thu 30 Dec 2021": the day `moment` falls on in `zone`, named in `locale`."""
    return format_datetime(_aware(moment).astimezone(tz_of(zone)), "EEE d MMM y", locale=locale)


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
    month = _DTG_MONTHS[local.month - 1].title()
    return f"{local.day:02d} {month} {local:%y} {local.hour:02d}:{local.minute:02d}"


def _abbreviation(local: datetime) -> str:
    name = local.tzname() or ""
    if local.utcoffset() == timedelta(0) and name in {"UTC", "GMT", "UTC+00:00"}:
        return "Z"
    return name


def _offset(local: datetime) -> str:
    offset = local.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "−" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


def dtg(moment: datetime) -> str:
    """Date-time group in Zulu: "302035Z DEC 21"."""
    utc = _aware(moment).astimezone(UTC)
    return f"{utc:%d%H%M}Z {_DTG_MONTHS[utc.month - 1]} {utc:%y}"


def zone_label(zone: str, moment: datetime, locale: str = "en_GB") -> str:
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
        name = "UTC" if zone in _UTC_NAMES else zone
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
    mod = _MOD_WORDS.get(tm.mod or "", "")
    value = tm.value
    if tm.type in {"DURATION", "SET"}:
        return f"{tm.text} ({value})"
    if value.endswith("_REF"):
        word = {"PRESENT_REF": "now", "PAST_REF": "past", "FUTURE_REF": "future"}[value]
        return f"{word} ({tm.text})"
    if not tm.resolved:
        return f"{tm.text} (unresolved)"
    if re.search(r"T\d\d:\d\d", value) and tm.earliest is not None:
        clock = format_clock(tm.earliest, zone, source_zone=tm.zone or None, locale=locale)
        return f"{mod}{clock}"
    return f"{mod}{_period(value, locale)}"


def _period(value: str, locale: str) -> str:
    """A calendar TIMEX3 value as words; month-only never becomes a day."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T(MO|AF|EV|NI))?", value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        text = format_date(day, "EEE d MMM y", locale=locale)
        return f"{text} {_PARTS[m[4]]}" if m[4] else text
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return format_date(date(int(m[1]), int(m[2]), 1), "MMM y", locale=locale)
    if m := re.fullmatch(r"(\d{4})-W(\d{2})-WE", value):
        saturday = date.fromisocalendar(int(m[1]), int(m[2]), 6)
        sunday = saturday + timedelta(days=1)
        return (f"weekend of {saturday.day}–"
                f"{format_date(sunday, 'd MMM y', locale=locale)}")
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return f"week of {format_date(monday, 'd MMM y', locale=locale)}"
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        return f"Q{m[2]} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return f"{_SEASONS[m[2]]} {m[1]}"
    if re.fullmatch(r"\d{3}", value):
        return f"{value}0s"
    if re.fullmatch(r"\d{2}", value):
        index = int(value) + 1
        suffix = "th" if 10 <= index % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
            index % 10, "th")
        return f"{index}{suffix} century"
    return value
