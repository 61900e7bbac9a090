"""The UI's one door to time rendering: the agreed `briefing.timefmt` API.

Until `briefing/timefmt.py` lands (issue 3, built in parallel), a minimal stand-in with the
same signatures keeps the dashboard running; once the module exists it is used as is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from briefing.model import TimeMention

try:  # pragma: no cover - which branch runs depends on whether issue 3 has landed
    from briefing.timefmt import (
        dtg,
        format_clock,
        format_datetime_full,
        format_mention,
        next_zone,
        zone_cycle,
        zone_label,
    )
except ImportError:  # pragma: no cover
    _MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]

    def format_clock(moment: datetime, zone: str, *, source_zone: str | None = None,
                     locale: str = "en_GB") -> str:
        here = moment.astimezone(ZoneInfo(zone))
        there = moment.astimezone(ZoneInfo(source_zone or "UTC"))
        if here.date() != there.date():
            return here.strftime("%a %d %b %H:%M")
        return here.strftime("%H:%M")

    def format_datetime_full(moment: datetime, zone: str, locale: str = "en_GB") -> str:
        return moment.astimezone(ZoneInfo(zone)).strftime("%a %d %b %Y %H:%M %Z")

    def format_mention(tm: TimeMention, zone: str, locale: str = "en_GB") -> str:
        if tm.earliest is None:
            return tm.value or tm.text
        local = tm.earliest.astimezone(ZoneInfo(zone))
        approx = "~" if tm.mod == "APPROX" or "approximate" in tm.flags else ""
        if len(tm.value) == 7:
            return approx + local.strftime("%b %Y")
        if "T" in tm.value:
            return approx + format_clock(tm.earliest, zone, source_zone=tm.zone)
        return approx + local.strftime("%a %d %b %Y")

    def dtg(moment: datetime) -> str:
        m = moment.astimezone(UTC)
        return f"{m:%d%H%M}Z {_MONTHS[m.month - 1]} {m:%y}"

    def zone_label(zone: str, moment: datetime, locale: str = "en_GB") -> str:
        if zone == "UTC":
            return "Z (UTC)"
        local = moment.astimezone(ZoneInfo(zone))
        return f"{zone} {local:%Z} {local:%z}"

    def zone_cycle(local: str, source: str | None, configured: Sequence[str]) -> list[str]:
        cycle: list[str] = []
        for zone in ("UTC", local, source, *configured):
            if zone and zone not in cycle:
                cycle.append(zone)
        return cycle

    def next_zone(current: str, cycle: Sequence[str]) -> str:
        if current not in cycle:
            return cycle[0]
        return cycle[(list(cycle).index(current) + 1) % len(cycle)]


__all__ = ["city", "dtg", "format_clock", "format_datetime_full", "format_mention",
           "next_zone", "zone_cycle", "zone_label"]


def city(zone: str) -> str:
    """A short readable name for a clock label: "America/New_York" -> "New York"."""
    if zone in {"UTC", "Etc/UTC", "Z"}:
        return "Zulu"
    return zone.rsplit("/", 1)[-1].replace("_", " ")
