"""The UI's one door to time rendering: the `briefing.core.timefmt` API, the TIMEX reading
(`grain_of`), plus clock labels."""

from __future__ import annotations

from briefing.core.timefmt import (
    dtg,
    format_clock,
    format_clock_full,
    format_clock_stamp,
    format_datetime_full,
    format_day,
    format_mention,
    next_zone,
    zone_cycle,
    zone_label,
)
from briefing.core.timex import grain_of

__all__ = ["city", "dtg", "format_clock", "format_clock_full", "format_clock_stamp",
           "format_datetime_full", "format_day", "format_mention", "grain_of",
           "next_zone", "zone_cycle", "zone_label"]


def city(zone: str) -> str:
    """A short readable name for a clock label: "America/New_York" -> "New York"."""
    if zone in {"UTC", "Etc/UTC", "Z"}:
        return "Zulu"
    return zone.rsplit("/", 1)[-1].replace("_", " ")
