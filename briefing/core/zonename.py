"""Zone names as the project writes them: IANA names, "UTC"/"Z", and fixed "UTC+05:30" labels.

One reading shared by extraction (which writes "UTC+05:30" when a source gave only an offset)
and rendering (which reads it back).  It is its own module, standard library only, rather
than part of `briefing.extract.when.zones`, because importing that loads the whole time finder
(about 80 ms) and `timefmt` is on every screen's import path; it sits under extract/ so that
`extractor_version()` counts it, since it changes what the extractor resolves.
"""

from __future__ import annotations

import re
from datetime import UTC, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from briefing.guard import known_zone, shown

UTC_NAMES = frozenset({"UTC", "Z", "Etc/UTC", "GMT", "Etc/GMT", "Zulu"})
"""Names that all mean UTC itself; `tz_for` returns `datetime.UTC` for each."""
_OFFSET = re.compile(r"^([+\-−])\s?(\d{1,2})(?::?(\d{2}))?$")


def parse_offset(text: str) -> timedelta | None:
    """"+05:30", "-5", "−0400" -> timedelta; None when it is not an offset, or not one any
    clock keeps ("GMT+24", "+99:99": real offsets run from -12:00 to +14:00, and anything
    past a day cannot even be a `timezone`)."""
    match = _OFFSET.match(text.strip())
    if not match:
        return None
    sign = -1 if match.group(1) in "-−" else 1
    hours, minutes = int(match.group(2)), int(match.group(3) or 0)
    if minutes >= 60 or hours > 14:
        return None
    return sign * timedelta(hours=hours, minutes=minutes)


def offset_text(offset: timedelta, minus: str = "-") -> str:
    """"+05:30" / "-04:00"; `minus` lets a display use the typographic "−"."""
    minutes = int(offset.total_seconds() // 60)
    sign = minus if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


def fixed_label(offset: timedelta) -> str:
    """A fixed offset written as a zone name: "UTC+05:30" (what `tz_for` reads back)."""
    return f"UTC{offset_text(offset)}"


def offset_zone(offset: timedelta) -> str:
    """The zone a source's bare offset names: "UTC" itself for zero, else "UTC+05:30"."""
    return "UTC" if offset == timedelta(0) else fixed_label(offset)


@lru_cache(maxsize=256)
def tz_for(name: str) -> tzinfo:
    """An IANA name, a name of UTC ("Z", "GMT") or a "UTC+05:30" label as a tzinfo.

    Looked up once per name: every resolved mention converts two bounds through it, and every
    rendered time converts one.  An unknown name raises ValueError (zoneinfo's own
    ZoneInfoNotFoundError is a KeyError, which callers checking user input would miss).
    """
    if name in UTC_NAMES:
        return UTC
    if name.startswith("UTC") and len(name) > 3:
        offset = parse_offset(name[3:])
        if offset is not None:
            return timezone(offset)
    if known_zone(name) != name:  # every way ZoneInfo fails (a 300-character name too)
        raise ValueError(f"unknown time zone {shown(name)}")
    return ZoneInfo(name)
