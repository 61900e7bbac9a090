"""The plain-text morning brief: what the night shift hands over, readable in minutes.

Fixed width (72 columns), 24-hour times, DTGs in Z, every fact with its source id, every
normalised time beside its original wording.  Pure: the caller passes the clock's `now` and
the display zone, so the same articles always give the same bytes (a golden test holds it).

Sections are modules: `header`, `bluf` (1), `developments` (2, by story), `timeline` (3),
`watch` (4), `sources` (5), `annex` (6 time notes; with `annex=True` every article and every
time note in full); `rank` groups articles into stories and orders them; `write` puts the
text on disk.  A brief stays within `PAGE_LINES` (under 250) unless the annex is asked.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import UTC, datetime, timedelta

from briefing.article_record import ArticleRecord
from briefing.brief.annex import annex as annex_section
from briefing.brief.annex import summary_notes
from briefing.brief.bluf import bluf
from briefing.brief.developments import FULL_STORIES, developments, full_stories
from briefing.brief.header import header
from briefing.brief.rank import in_period, rank
from briefing.brief.sources import sources
from briefing.brief.text import WIDTH, printable
from briefing.brief.timeline import timeline
from briefing.brief.watch import MAX_ITEMS, MAX_TEXT, PER_STORY, watch_items, watch_section
from briefing.brief.write import write_brief
from briefing.core.timefmt import dtg

__all__ = ["PAGE_LINES", "WIDTH", "brief_filename", "render_brief", "write_brief"]

PAGE_LINES = 249
"""The page budget: a brief under 250 lines is read in minutes.  Kept by writing fewer
stories in full when a day's reports are rich; the annex is outside it."""


def brief_filename(now: datetime) -> str:
    """"brief-310600Z-DEC-21.txt": sorts by nothing but reads as the DTG it was issued at;
    `write_brief` numbers a second one of the same minute rather than overwrite it."""
    return "brief-" + dtg(now).replace(" ", "-") + ".txt"


def render_brief(items: Sequence[ArticleRecord], *, zone: str, now: datetime,
                 period: timedelta | None = None, locale: str = "en_GB",
                 flagged: Collection[str] | None = None,
                 notes: Mapping[str, str] | None = None, left_out: int = 0,
                 watch: Sequence[str] = (), annex: bool = False) -> str:
    """The brief for `items` as of `now` (aware), times shown in `zone` (IANA).

    `period` keeps only articles published in the `period` before `now` (undated ones stay
    in, with a note); None keeps all.  `flagged` holds `Article.id`s in the order the officer
flagged them (`Store.flagged()`): their stories lead the BLUF in that order.  A set is
accepted but has no order.  `notes`: the officer's own note per `Article.id`, printed with
the story.  `left_out` counts articles the caller already kept out of `period`.  `watch`:
the officer's watch terms; stories that mention one come next and carry "WATCH: term".
`annex` adds every article in full and every time note (long: for the record, not reading).
    """
    if now.tzinfo is None:
        raise ValueError("render_brief needs an aware `now`; take it from briefing.clock")
    now = now.astimezone(UTC)
    kept = [r for r in items if in_period(r.article, now, period)]
    entries, stories = rank(kept, flagged, notes, watch=watch, now=now)
    if annex:
        watch_list = watch_items(entries, now)
    else:
        # the list's room is shared: a one-story brief may follow that story's every item
        per_story = max(PER_STORY, MAX_ITEMS // max(1, len(stories)))
        watch_list = watch_items(entries, now, per_story=per_story, limit=MAX_ITEMS)
    left_out += len(items) - len(kept)

    def compose(full: int) -> list[str]:
        return [
            *header(entries, stories, zone=zone, now=now, period=period, locale=locale,
                    left_out=left_out, watch=watch),
            *bluf(stories),
            *developments(stories, watch_list, full),
            *timeline(full_stories(stories, full), zone, locale),
            *watch_section(watch_list, watch, clip_to=None if annex else MAX_TEXT),
            *sources(entries, locale),
            *summary_notes(entries, zone=zone, now=now, left_out=left_out, annex=annex),
            *(annex_section(entries, watch_list, now, locale) if annex else []),
            "",
            "END OF BRIEF",
        ]

    full = FULL_STORIES
    lines = compose(full)
    # The page budget holds by construction, not by luck: a day richer in names and quotes
    # writes fewer stories in full (the rest keep their one line; flagged and watched
    # stories are always in full, and `annex` asks for everything).
    while not annex and len(lines) > PAGE_LINES and full > 0:
        full -= 1
        lines = compose(full)
    # A last pass over the whole text: no line ends in spaces, nothing unprintable survives.
    return "\n".join(printable(line) for line in lines).rstrip("\n") + "\n"
