"""Turn the caller's `published` (a clock, a date string, date, datetime or None) into a
`Context`: one publication clock, with the dateline's zone where the source gave none."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from briefing.extract.context import Context
from briefing.geo.places import with_dateline_zone
from briefing.pubclock import PubClock, clock_of

ACCEPTED_FORMS = ("ISO 8601 ('2021-12-30', '2021-12-30T17:02:00-05:00') or "
                  "RFC 822 ('Thu, 30 Dec 2021 17:02:00 -0500')")


def make_context(text: str, published: PubClock | str | date | datetime | None,
                 zone: str | None = None) -> Context:
    """Keep the publication time in the offset it was written in; never assume one.

    A string that is no date (or a date at the calendar's edge) anchors nothing: `analyze`
    never raises on what a source wrote, and relative times stay unresolved, as with no
    date at all.  The clock's note says why and names the forms that are read.
    """
    if isinstance(published, str) and not published.strip():
        published = None
    clock = clock_of(published, zone)
    if isinstance(published, str) and not clock.known and clock.note:
        clock = replace(clock, note=f"{clock.note}; give {ACCEPTED_FORMS}")
    clock = with_dateline_zone(clock, text)
    return Context(text=text, clock=clock)
