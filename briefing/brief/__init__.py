"""The plain-text morning brief: what the night shift hands over.

Fixed width (72 columns), 24-hour times, DTGs in Z, every fact with its source id, every
normalised time beside its original wording.  Pure: the caller passes the clock's `now` and
the display zone, so the same articles always give the same bytes (a golden test holds it).
The layout lives in `sections` (header, BLUF, developments) and `annex`
(timeline, watch items, sources, time notes); writing to disk in `write`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import UTC, datetime, timedelta

from briefing.brief.annex import sources, time_notes, timeline, watch_section
from briefing.brief.rank import in_period, rank
from briefing.brief.sections import bluf, developments, header
from briefing.brief.text import WIDTH, printable
from briefing.brief.watch import watch_items
from briefing.brief.write import write_brief
from briefing.model import Analysis, Article
from briefing.timefmt import dtg

__all__ = ["WIDTH", "brief_filename", "render_brief", "write_brief"]


def brief_filename(now: datetime) -> str:
    """"brief-310600Z-DEC-21.txt": sorts by nothing but reads as the DTG it was issued at;
    `write_brief` numbers a second one of the same minute rather than overwrite it."""
    return "brief-" + dtg(now).replace(" ", "-") + ".txt"


def render_brief(items: Sequence[tuple[Article, Analysis]], *, zone: str, now: datetime,
                 period: timedelta | None = None, locale: str = "en_GB",
                 flagged: Collection[str] | None = None,
                 notes: Mapping[str, str] | None = None, left_out: int = 0) -> str:
    """The brief for `items` as of `now` (aware), times shown in `zone` (IANA).

    `period` keeps only articles published in the `period` before `now` (undated ones stay
    in, with a note); None keeps all.  `flagged` holds `Article.id`s in the order the officer
flagged them (`Store.flagged()`): they lead the BLUF in that order.  A set is accepted but
has no order, so its articles are ranked among themselves like the others.  `notes`: the
officer's own note per `Article.id` (`Store` triage), printed with the article so the
incoming watch reads what the outgoing one wrote.  `left_out` counts articles the caller
already kept out of `period` (so it need not analyse them), as if they had been passed.
    """
    if now.tzinfo is None:
        raise ValueError("render_brief needs an aware `now`; take it from briefing.clock")
    now = now.astimezone(UTC)
    kept = [(a, an) for a, an in items if in_period(a, now, period)]
    entries = rank(kept, flagged, notes)
    watch = watch_items(entries, now)
    left_out += len(items) - len(kept)
    lines = [
        *header(entries, zone=zone, now=now, period=period, locale=locale, left_out=left_out),
        *bluf(entries),
        *developments(entries, watch),
        *timeline(entries, zone, locale),
        *watch_section(watch),
        *sources(entries, locale),
        *time_notes(entries, zone=zone, now=now, locale=locale, left_out=left_out),
        "",
        "END OF BRIEF",
    ]
    # A last pass over the whole text: no line ends in spaces, nothing unprintable survives.
    return "\n".join(printable(line) for line in lines).rstrip("\n") + "\n"
