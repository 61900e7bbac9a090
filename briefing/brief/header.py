"""The brief's header: its DTG, the period it covers, and the truth about its sources' dates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta

from briefing.brief.rank import BriefArticle, Story
from briefing.brief.text import labelled, rule
from briefing.brief.times import period_text
from briefing.core.timefmt import dtg, format_datetime_full, zone_label

LABEL = 9


def anchor_kind(entry: BriefArticle) -> str:
    """What the article's relative times were read against: the analysis's own clock
    (which may come from the text when the page gave none), else the page's."""
    clock = entry.analysis.clock if entry.analysis.clock.known else entry.article.clock
    return clock.kind if clock.known else "unknown"


def dates_line(entries: Sequence[BriefArticle]) -> str:
    """"31 with a publication time, 5 a day only, 4 none (their relative times stay as
    written)": one line the officer can trust before reading any time in the brief."""
    kinds = Counter(anchor_kind(e) for e in entries)
    parts = []
    for kind, words in (("instant", "with a publication time and zone"),
                        ("local", "with a local time, no zone"),
                        ("day", "with a day only"),
                        ("unknown", "with none (their relative times stay as written)")):
        if kinds[kind]:
            parts.append(f"{kinds[kind]} {words}")
    return "; ".join(parts) if parts else "none"


def header(entries: Sequence[BriefArticle], stories: Sequence[Story], *, zone: str, now: datetime,
           period: timedelta | None, locale: str, left_out: int,
           watch: Sequence[str] = ()) -> list[str]:
    """DTG in Z with the display zone's wall clock beside it, and the period covered."""
    if period is not None:
        span = f"{dtg(now - period)} to {dtg(now)} (last {period_text(period)})"
    else:
        dated = sorted(e.article.published for e in entries if e.article.published)
        first, last = (dtg(dated[0]), dtg(dated[-1])) if dated else ("", "")
        span = "all articles given" + (f", published {first}" if dated else "")
        span += f" to {last}" if last != first else ""
    flagged = sum(e.flagged for e in entries)
    count = (f"{len(entries)} article{'s' if len(entries) != 1 else ''} in "
             f"{len(stories)} stor{'ies' if len(stories) != 1 else 'y'}, {flagged} flagged")
    if left_out:
        count += f"; {left_out} outside the period or undated left out"

    def field(label: str, value: str) -> list[str]:
        return labelled(label, value, label_width=LABEL)

    lines = [rule(), "MORNING BRIEF"]
    lines += field("DTG:", f"{dtg(now)} ({format_datetime_full(now, zone, locale)})")
    lines += field("Period:", span)
    lines += field("Zone:", f"timeline in {zone_label(zone, now)}; elsewhere Z")
    lines += field("Sources:", count)
    lines += field("Dated:", dates_line(entries))
    if watch:
        lines += field("Watch:", ", ".join(watch))
    return [*lines, rule(), ""]
