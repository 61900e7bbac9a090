"""Times in the brief: DTG style at each mention's own granularity, wording kept beside it.

A minute-level instant becomes a full DTG in Z ("302035Z DEC 21"); a day stays a day
("30 DEC 21"), a month stays a month ("JAN 22"), a weekend stays a weekend: a DTG with
invented hours would claim a precision the article never gave.  The month names come from
`timefmt.dtg`'s fixed English table so there is one table in the project; the value is read,
and its mod and codes named, by `briefing.core.timex`, as on screen, so the two never disagree.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from briefing.brief.text import clean
from briefing.core import timex
from briefing.core.timefmt import dtg, dtg_month, format_datetime_full, format_mention, unconverted
from briefing.model import TimeMention

_HEDGES = ("about", "around", "approximately", "roughly", "some", "circa", "nearly", "almost")


def day_text(day: date) -> str:
    """"30 DEC 21": a day without a clock, in the DTG's own month style."""
    return f"{day.day:02d} {dtg_month(day)}"


def _calendar(tm: TimeMention) -> str | None:
    """The DTG-style rendering of a TIMEX value, or None when it has no calendar shape
    (quarters, seasons, decades and centuries keep `timefmt`'s words)."""
    period = timex.parse(tm.value or "")
    if period is None:
        return None
    match period.grain:
        case "minute" if not tm.zone_known and period.first is not None:
            return f"{day_text(period.first)} {unconverted(tm)}"
        case "minute":
            return dtg(tm.anchor) if tm.anchor is not None else None
        case "part" if period.first is not None:
            return f"{day_text(period.first)} {period.words}"
        case "day" if period.first is not None:
            return day_text(period.first)
        case "weekend":
            saturday, sunday = timex.weekend_days(period)
            if saturday.month == sunday.month:
                return f"weekend {saturday.day:02d}-{day_text(sunday)}"
            return f"weekend {day_text(saturday)}-{day_text(sunday)}"
        case "week" if period.first is not None:
            return f"week of {day_text(period.first)}"
        case "month" if period.first is not None:
            return dtg_month(period.first)
        case "year":
            return f"{period.year:04d}"
    return None


def _qualifier(tm: TimeMention) -> str:
    """Keep "about" approximate: the mod first, else the article's own hedge word."""
    if tm.mod and tm.mod in timex.MOD_WORDS:
        return timex.MOD_WORDS[tm.mod]
    first = tm.text.strip().split(" ", 1)[0].lower()
    return first if first in _HEDGES else ""


_DURATION = re.compile(r"P(T?)(\d+(?:\.\d+)?|X)(Y|M|W|D|H|S|DE|CE)")
_UNITS = {("", "Y"): "year", ("", "M"): "month", ("", "W"): "week", ("", "D"): "day",
          ("", "DE"): "decade", ("", "CE"): "century", ("T", "H"): "hour",
          ("T", "M"): "minute", ("T", "S"): "second"}


def duration_text(tm: TimeMention) -> str:
    """A span of time in words, never as its TIMEX code: "PT50M" with "about" reads
    "about 50 minutes"; "PXW" ("a few weeks") keeps the article's words, which say how
    vague it is better than any number; anything else keeps the wording as written."""
    match = _DURATION.fullmatch(tm.value or "")
    unit = _UNITS.get((match[1], match[3])) if match else None
    if match is None or unit is None or match[2] == "X":
        return clean(tm.text)
    number = match[2].removesuffix(".0")
    plural = "centuries" if unit == "century" else f"{unit}s"
    words = f"{number} {unit if number == '1' else plural}"
    qualifier = _qualifier(tm)
    return f"{qualifier} {words}" if qualifier else words


def dtg_style(tm: TimeMention) -> str:
    """A mention in DTG style at its granularity; a duration in words; the unresolved fall
    back to `timefmt.format_mention`, which shows their wording."""
    if (tm.value or "") in timex.REF_WORDS:
        return timex.REF_WORDS[tm.value]
    if tm.type == "DURATION":
        return duration_text(tm)
    if tm.type == "SET":  # "every day", "weekly": the words say it, the code would not
        return clean(tm.text)
    rendered = _calendar(tm) if tm.type in ("DATE", "TIME") else None
    if rendered is None:
        return clean(format_mention(tm, "UTC"))
    qualifier = _qualifier(tm)
    return f"{qualifier} {rendered}" if qualifier else rendered


def in_zone(tm: TimeMention, zone: str, locale: str) -> str:
    """For the timeline: a minute-level time always with its weekday and date in `zone`
    (rows from many articles sit together, so a bare "15:35" would be ambiguous); anything
    coarser at its own granularity via `timefmt.format_mention`."""
    period = timex.parse(tm.value or "")
    if period is not None and period.grain == "minute" and not tm.zone_known:
        return clean(_calendar(tm) or format_mention(tm, zone, locale))
    if period is not None and period.grain == "minute" and tm.anchor is not None:
        qualifier = _qualifier(tm)
        full = format_datetime_full(tm.anchor, zone, locale)
        return f"{qualifier} {full}" if qualifier else full
    return clean(format_mention(tm, zone, locale))


def wording(tm: TimeMention) -> str:
    """The article's own words for a time, quoted, for beside every normalised form."""
    return f"“{clean(tm.text)}”"


def with_wording(rendered: str, tm: TimeMention) -> str:
    """`rendered` with the original wording beside it, unless they already read the same."""
    original = clean(tm.text)
    if original.lower() == rendered.lower():
        return rendered
    return f"{rendered} ({wording(tm)})"


def grain(tm: TimeMention) -> str | None:
    """The granularity of a mention's value ("minute", "day", "month"...), if it has one."""
    period = timex.parse(tm.value or "")
    return period.grain if period is not None else None


def is_point(tm: TimeMention) -> bool:
    """Something that happens at a datable time (a call, a deadline): not a span of time,
    and not a vague "in the coming weeks" (FUTURE_REF) that no calendar can place."""
    return tm.type in ("DATE", "TIME") and tm.resolved and (tm.value or "") not in timex.REF_WORDS


def sort_key(tm: TimeMention) -> tuple[datetime, datetime, int]:
    far = datetime.max.replace(tzinfo=UTC)
    return (tm.anchor or far, tm.latest or far, tm.start)


def period_text(period: timedelta) -> str:
    """"24 h", "7 d", "90 min": the officer's shorthand, the same that `--period` takes."""
    seconds = int(period.total_seconds())
    if seconds % 86400 == 0 and seconds >= 86400 * 2:
        return f"{seconds // 86400} d"
    if seconds % 3600 == 0:
        return f"{seconds // 3600} h"
    return f"{seconds // 60} min"
