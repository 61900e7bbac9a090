"""The one guarded door for values from outside: sources, the command line, the config and
the environment.

Dates, offsets, zone names, periods and numbers written by someone else reach the standard
library's parsers here and nowhere else, because those parsers fail in more ways than their
documentation says: `ZoneInfo` raises `OSError` for a 300-character name (the file name is
too long), `fromisoformat` accepts "9999-12-31T23:00-05:00" but the instant then overflows as
soon as it is converted to UTC, `timedelta(hours=10**20)` raises `OverflowError`.  Each reader
here either returns a value every later step can work with (converted to UTC, shifted by a
day, rendered) or raises one `OutsideValueError` whose message is a reason an officer can act
on.  Callers turn that error into "unknown" with a warning (sources), a problem line
(config) or a one-line usage error with exit status 2 (the command line); never a traceback.

Pure standard library, at the bottom of the layers: `briefing.clock` and everything above
may use it.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

MAX_OFFSET = timedelta(hours=18)
"""The widest UTC offset accepted (Python's own limit is 24 h; no real zone passes ±14 h)."""
MAX_PERIOD = timedelta(days=3653)
"""The longest period or duration accepted: ten years, far beyond any brief or handover."""
MAX_ZONE_LENGTH = 64
"""Longer than any IANA name (the longest is 32 characters), short of any file-name limit."""
MAX_INSTANT_LENGTH = 64
"""An ISO instant is at most about 35 characters; anything far longer is not one."""
# The calendar days an instant may fall on in UTC: one day in from each edge, so the local
# day in any real zone, a day-long window and a period's arithmetic stay inside the calendar.
FIRST_DAY, LAST_DAY = date(1, 1, 2), date(9999, 12, 30)

_ZONE_SHAPE = re.compile(r"[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*")
_OFFSET = re.compile(r"(?P<sign>[+-])(?P<hours>\d{2}):?(?P<minutes>\d{2})?")
_PERIOD = re.compile(r"\s*(\d{1,9})\s*(m|min|mins|minutes?|h|hours?|d|days?|w|weeks?)\s*")
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


class OutsideValueError(ValueError):
    """A value from outside the program that is malformed or out of range; the message is
    the reason, worded for the person who wrote the value."""


def shown(value: object, limit: int = 40) -> str:
    """`value` quoted for a message, cut short: a 300-character zone name in an error would
    bury the reason it is there to give."""
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return repr(text)


def offset(text: str) -> timedelta:
    """A UTC offset written as "Z", "+05:30", "-0500" or "+09", within ±18 hours."""
    raw = text.strip()
    if raw.upper() == "Z":
        return timedelta(0)
    match = _OFFSET.fullmatch(raw)
    if not match:
        raise OutsideValueError(f"{shown(text)} is not a UTC offset (write +05:30 or -0500)")
    minutes = int(match["minutes"] or 0)
    if minutes >= 60:
        raise OutsideValueError(f"offset {shown(text)} has {minutes} minutes past the hour")
    size = timedelta(hours=int(match["hours"]), minutes=minutes)
    if size > MAX_OFFSET:
        raise OutsideValueError(f"offset {shown(text)} is beyond ±18 hours; no clock uses it")
    return -size if match["sign"] == "-" else size


def within_calendar(moment: datetime) -> datetime:
    """`moment` (aware) in UTC, if it and its neighbouring days lie inside the calendar.

    The offset must be a real one too: an instant that only exists because of a +23:00
    offset is a typo, not a time.
    """
    delta = moment.utcoffset()
    if delta is None:
        raise OutsideValueError(f"{moment.isoformat()!r} has no offset")
    if abs(delta) > MAX_OFFSET:
        raise OutsideValueError(f"{moment.isoformat()!r} has an offset beyond ±18 hours")
    try:
        utc = moment.astimezone(UTC)
    except (OverflowError, ValueError):
        utc = None
    if utc is None or not FIRST_DAY <= utc.date() <= LAST_DAY:
        raise OutsideValueError(f"{moment.isoformat()!r} lies at or past the calendar's edge "
                                "(years 1 to 9999)")
    return utc


def instant(text: str) -> datetime:
    """An ISO 8601 instant with its offset ("2021-12-31T06:00:00Z"), as aware UTC.

    A value with no offset is refused rather than guessed: the same wall time is a
    different instant on every desk.
    """
    raw = text.strip()
    if not raw or len(raw) > MAX_INSTANT_LENGTH:
        raise OutsideValueError(f"{shown(text)} is not an ISO instant; write it as "
                                "2021-12-31T06:00:00Z")
    try:
        moment = datetime.fromisoformat(raw.replace("z", "Z").replace("Z", "+00:00"))
    except (ValueError, OverflowError, TypeError):
        raise OutsideValueError(f"{shown(text)} is not an ISO instant; write it as "
                                "2021-12-31T06:00:00Z") from None
    if moment.tzinfo is None:
        raise OutsideValueError(f"{shown(text)} has no offset; write it as "
                                "2021-12-31T06:00:00Z")
    return within_calendar(moment)


def zone_name(text: str) -> str:
    """An IANA zone name the host's zone database knows ("Europe/Moscow"), stripped.

    The length and shape are checked before `ZoneInfo` sees the name, and every error it
    raises (not found, a path, a name too long for the file system, a bad file) is a
    refusal here.
    """
    name = text.strip()
    if not name:
        raise OutsideValueError("an empty zone name")
    if len(name) > MAX_ZONE_LENGTH or not _ZONE_SHAPE.fullmatch(name):
        raise OutsideValueError(f"{shown(name)} is not an IANA time zone (e.g. Europe/Moscow)")
    try:
        ZoneInfo(name)
    except Exception:  # ZoneInfo fails with several unrelated types (OSError, KeyError...)
        raise OutsideValueError(f"{shown(name)} is not an IANA time zone (e.g. Europe/Moscow)"
                                ) from None
    return name


def known_zone(text: object) -> str | None:
    """The zone name if `text` is one, else None: for values where "unknown" is the answer."""
    if not isinstance(text, str):
        return None
    try:
        return zone_name(text)
    except OutsideValueError:
        return None


def period(text: str) -> timedelta:
    """A span such as "24h", "90min", "7d", "2w": above zero and at most ten years."""
    match = _PERIOD.fullmatch(text.lower())
    if not match:
        raise OutsideValueError(f"period {shown(text)}: write a number and a unit, e.g. "
                                "24h, 90min, 7d")
    amount = int(match[1])
    span = timedelta(**{_UNITS[match[2][0]]: amount}) if amount <= 10**8 else MAX_PERIOD * 2
    if amount == 0 or span > MAX_PERIOD:
        raise OutsideValueError(f"period {shown(text)} must be above zero and at most ten "
                                "years")
    return span


def positive_int(value: object, maximum: int, what: str = "the value") -> int:
    """A whole number from 1 to `maximum`, given as an int or its digits (not a bool)."""
    number: int | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().isascii() and value.strip().isdigit() \
            and len(value.strip()) <= 18:
        number = int(value.strip())
    if number is None or not 1 <= number <= maximum:
        raise OutsideValueError(f"{what} must be a whole number from 1 to {maximum}, not "
                                f"{shown(value)}")
    return number
