"""The one place that reads the host's clock and time zone.

Everything else takes a `Clock` (a callable returning an aware UTC datetime) or a zone name,
so tests, re-issued briefs and the app all agree on "now" and "local".  `BRIEFING_NOW` fixes
the clock and `BRIEFING_TZ` fixes the operator's local zone, for tests and for re-issuing
yesterday's brief.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from briefing.guard import instant, known_zone, shown

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The host's current instant, aware UTC."""
    return datetime.now(UTC)


def fixed_clock(moment: datetime) -> Clock:
    """A clock stopped at `moment` (which must be aware)."""
    if moment.tzinfo is None:
        raise ValueError("a fixed clock needs an aware datetime")
    frozen = moment.astimezone(UTC)
    return lambda: frozen


def parse_now(text: str) -> datetime:
    """Parse an ISO instant for `--now`/`BRIEFING_NOW`/`--since`, as aware UTC.

    A naive value is refused, not guessed; so is one at the calendar's edge, where the
    brief's own arithmetic (a period back, a day's window) would overflow.  Raises
    `briefing.guard.OutsideValueError` (a ValueError) with the reason.
    """
    return instant(text)


def clock_from_env(now: str | None = None) -> Clock:
    """`now` (a `--now` value) wins, then `BRIEFING_NOW`, then the system clock."""
    text = now or os.environ.get("BRIEFING_NOW")
    return fixed_clock(parse_now(text)) if text else system_clock


def _zone_from_localtime() -> str | None:
    """Read the IANA name from /etc/localtime's symlink target, where the host has one."""
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        return None
    marker = "zoneinfo/"
    return target.split(marker, 1)[1] if marker in target else None


def valid_zone(name: str | None) -> str | None:
    """The name if it is a known IANA zone, else None (never an exception: a zone name from
    a page, the config or the environment can be any string, 300 characters long)."""
    return known_zone(name) if name else None


def zone_setting_problem() -> str | None:
    """What is wrong with `BRIEFING_TZ` when it names no zone, else None: said on stderr by
    the commands and as a notification by the dashboard, whose screen hides stderr."""
    raw = os.environ.get("BRIEFING_TZ")
    if not raw or valid_zone(raw.lstrip(":")):
        return None
    return (f"BRIEFING_TZ {shown(raw)} is not an IANA time zone (e.g. Europe/Moscow); "
            "ignored")


def local_zone(configured: str | None = None) -> str:
    """The operator's zone: `BRIEFING_TZ`, then the config, then the host's, then UTC."""
    for candidate in (os.environ.get("BRIEFING_TZ"), configured, os.environ.get("TZ"),
                      _zone_from_localtime()):
        zone = valid_zone(candidate.lstrip(":") if candidate else None)
        if zone:
            return zone
    return "UTC"
