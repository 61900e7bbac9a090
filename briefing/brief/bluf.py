"""Section 1, the BLUF: at most five lines, the most important developments first.

Each line is one sentence of what happened (no dateline), the event's DTG and the story's
sources.  The order is the stories' ranking (`rank`): flags, watch terms, then corroboration,
severity and recency.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.brief.rank import Story
from briefing.brief.text import clean, clip, heading, wrap
from briefing.timefmt import dtg

BLUF_ITEMS = 5
MAX_SENTENCE = 180


def marks(story: Story) -> str:
    """"FLAGGED. WATCH: Kherson. " before a line, so it reads without colour."""
    mark = "FLAGGED. " if story.flagged else ""
    if story.watch:
        mark += f"WATCH: {', '.join(story.watch)}. "
    return mark


def when(story: Story) -> str:
    """The event's DTG: when the story was first reported (the minute it broke), or "date
    not given" when no source gives a publication time."""
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
