"""Section 1, the BLUF: at most five lines, the most important developments first.

Each line is one sentence of what happened (no dateline), the event's DTG and the story's
sources.  The order is the stories' ranking (`rank`): flags, watch terms, then corroboration,
severity and recency.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.brief.rank import Story
from briefing.brief.text import clean, clip, heading, wrap
from briefing.brief.times import dtg_style, grain, is_point
from briefing.core.timefmt import dtg

_EVENT_GRAINS = ("minute", "part", "day")


BLUF_ITEMS = 5
MAX_SENTENCE = 180


def marks(story: Story) -> str:
    """"FLAGGED. WATCH: Kherson. " before a line, so it reads without colour."""
    mark = "FLAGGED. " if story.flagged else ""
    if story.watch:
        mark += f"WATCH: {', '.join(story.watch)}. "
    return mark


def when(story: Story) -> str:
    """The event's DTG: the time the sentence itself gives ("05:00 BST on Monday" reads
    140400Z AUG 23; "Thursday" 30 DEC 21), else when the story was first reported, else
    that no source gives a publication time."""
    main = story.main
    if main.lead_span is not None:
        start, end = main.lead_span
        inside = [t for t in main.analysis.times
                  if start <= t.start < end and is_point(t) and grain(t) in _EVENT_GRAINS]
        if inside:
            best = min(inside, key=lambda t: (_EVENT_GRAINS.index(grain(t) or ""), t.start))
            return dtg_style(best)
    first = story.first
    return f"first reported {dtg(first)}" if first else "publication time not given"


def bluf(stories: Sequence[Story]) -> list[str]:
    lines = heading(1, "BLUF")
    if not stories:
        return [*lines, "No articles in the period.", ""]
    for story in stories[:BLUF_ITEMS]:
        sentence = clip(clean(story.main.lead), MAX_SENTENCE)
        text = f"{marks(story)}{sentence} ({when(story)}) {story.tag()}"
        lines += wrap(f"{story.did} {text}", indent="- ", hang="  ")
    if len(stories) > BLUF_ITEMS:
        lines.append(f"- {len(stories) - BLUF_ITEMS} more stories in section 2.")
    return [*lines, ""]
