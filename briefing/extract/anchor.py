"""Turn the caller's `published` (ISO string, date, datetime or None) into a `Context`."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from briefing.clock import valid_zone
from briefing.extract.context import Context


def make_context(text: str, published: str | date | datetime | None,
                 zone: str | None = None) -> Context:
    """Keep the publication time in the offset it was written in; never assume one."""
    zone = valid_zone(zone)
    moment: datetime | None = None
    day: date | None = None
    if isinstance(published, str) and published.strip():
        raw = published.strip().replace("Z", "+00:00")
        try:
            parsed: date | datetime = datetime.fromisoformat(raw)
        except ValueError:
            parsed = date.fromisoformat(raw[:10])
        published = parsed
    if isinstance(published, datetime):
        if published.tzinfo is None and zone:
            published = published.replace(tzinfo=ZoneInfo(zone))
        if published.tzinfo is not None:
            moment = published
            day = published.astimezone(ZoneInfo(zone)).date() if zone else published.date()
        else:
            day = published.date()
    elif isinstance(published, date):
        day = published
    return Context(text=text, published=moment, published_date=day, zone=zone)
