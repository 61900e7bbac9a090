"""Section 3, the timeline of the events that matter, in the display zone, with the
original wording of each time beside it.

"That matter": the dated points (a day or finer) in the leading stories' main reports, a few
per story, and none from decades of background; the annex has every article's times.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.brief.rank import BriefArticle, Story
from briefing.brief.text import clean, clip, heading, wrap
from briefing.brief.times import grain, in_zone, is_point, sort_key, with_wording
from briefing.core.timefmt import is_utc
from briefing.model import TimeMention

PER_STORY = 3
MAX_ROWS = 10
MIN_WORDS = 5
"""A "sentence" shorter than this ("7 p.m.") is a caption or a table cell, not an event."""
MAX_CONTEXT = 66
_FINE = ("minute", "part", "day", "weekend")


def _matters(story: Story, tm: TimeMention) -> bool:
    return is_point(tm) and grain(tm) in _FINE and story.near(tm)


def rows(stories: Sequence[Story]) -> list[tuple[Story, BriefArticle, TimeMention]]:
    """The stories' own dated points, the main report's first, then the other sources'."""
    chosen: list[tuple[Story, BriefArticle, TimeMention]] = []
    for story in stories:
        seen: set[str] = set()
        others = [e for e in story.entries if e is not story.main]
        for entry in (story.main, *others):
            for tm in sorted(entry.analysis.times, key=lambda t: t.start):
                if len(seen) == PER_STORY:
                    break
                if (_matters(story, tm) and tm.value not in seen
                        and len(entry.sentence(tm.start).split()) >= MIN_WORDS):
                    seen.add(tm.value)
                    chosen.append((story, entry, tm))
    # over the limit, the lower-ranked stories give way, never the latest events
    chosen = chosen[:MAX_ROWS]
    chosen.sort(key=lambda r: (*sort_key(r[2]), r[1].sid))
    return chosen


def timeline(stories: Sequence[Story], zone: str, locale: str) -> list[str]:
    """`stories`: those the developments give in full (the caller's choice)."""
    lines = heading(3, "Timeline")
    shown = "Z (UTC)" if is_utc(zone) else zone  # as the header names it
    lines += wrap(f"In {shown}; the article's own wording in quotation marks.")
    found = rows(stories)
    if not found:
        return [*lines, "No dated events.", ""]
    for story, entry, tm in found:
        when = with_wording(in_zone(tm, zone, locale), tm)
        lines += wrap(f"{when} {story.did} [{entry.sid}]", indent="- ", hang="  ")
        lines += wrap(clip(clean(entry.sentence(tm.start)), MAX_CONTEXT), indent="    ")
    return [*lines, ""]
