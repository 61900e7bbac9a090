"""Turn the caller's `published` (a date string, date, datetime or None) into a `Context`."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from briefing.clock import valid_zone
from briefing.dates import parse_published
from briefing.extract.context import Context
from briefing.extract.when.places import dateline

ACCEPTED_FORMS = ("ISO 8601 ('2021-12-30', '2021-12-30T17:02:00-05:00') or "
                  "RFC 822 ('Thu, 30 Dec 2021 17:02:00 -0500')")


def make_context(text: str, published: str | date | datetime | None,
                 zone: str | None = None) -> Context:
    """Keep the publication time in the offset it was written in; never assume one."""
    zone = valid_zone(zone)
    moment: datetime | None = None
    day: date | None = None
    if isinstance(published, str):
        published = _read(published, zone) if published.strip() else None
    if isinstance(published, datetime) and zone is None:
        zone = _dateline_zone(text, published)
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


def _dateline_zone(text: str, published: datetime) -> str | None:
    """The dateline's zone when the publication offset agrees with it at that instant.

    A page or feed gives "+09:00", not a zone; "TOKYO —" with +09:00 in January is Asia/Tokyo,
    so the source's own clock (and its summer time) is known rather than a bare offset.  An
    offset that disagrees (a wire desk elsewhere) leaves the zone unknown.
    """
    offset = published.utcoffset()
    found = dateline(text) if offset is not None else None
    if not found or not found[1]:
        return None
    # Compared at the instant, not the wall clock: 01:30 -05:00 in a November fold is New
    # York's second 01:30, which `ZoneInfo.utcoffset` of the naive wall time would miss.
    return found[1] if published.astimezone(ZoneInfo(found[1])).utcoffset() == offset else None


def _read(raw: str, zone: str | None) -> datetime | date:
    """A caller's date string, read the way the loaders read a page's or a feed's.

    Feeds write RFC 822 and pages ISO 8601, and callers pass on whichever they hold
    (`Article.published_raw`), so both are read by the one parser the loaders use.  A
    string that is neither raises a ValueError naming the forms, rather than anchoring
    "Thursday" on a guess.
    """
    moment, day, _ = parse_published(raw, zone)
    if moment is not None:
        return moment
    if day is not None:
        return day  # the written zone or time could not be trusted; the date still anchors
    raise ValueError(f"published {raw.strip()!r} is not a date analyze can read; "
                     f"give {ACCEPTED_FORMS}")
