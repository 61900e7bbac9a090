"""WHEN: every time mention in the display zone, beside its original wording.

Approximate and month-only mentions carry a visible mark (not only a colour), and an
unresolved one says so; "about" never reads as exact.
"""

from __future__ import annotations

import re

from textual.content import Content

from briefing.model import Analysis, TimeMention
from briefing.ui.safe import one_line
from briefing.ui.timeview import format_day, format_mention, grain_of
from briefing.ui.widgets.fact_pane import FactItem, FactPane

_HAS_DATE = re.compile(r"\b\d{4}\b|\b\d{1,2} \w{3}")  # a year, or "31 Dec"
# TIMEX3 `mod` values that make a mention less than exact (the extractor writes TIMEX3 mods).
_APPROX_MODS = {"APPROX", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE",
                "START", "MID", "END"}


def marks(tm: TimeMention) -> list[str]:
    """Short visible labels for how certain or coarse a mention is."""
    found: list[str] = []
    if tm.mod in _APPROX_MODS or any("approx" in f for f in tm.flags):
        found.append("approx")
    if grain_of(tm.value) == "month":
        found.append("month only")
    if tm.type in {"DATE", "TIME"} and not tm.resolved:
        found.append("unresolved")
    found.extend(f.replace("_", " ") for f in tm.flags if "approx" not in f)
    return list(dict.fromkeys(found))


def shown_text(tm: TimeMention, zone: str, locale: str, dated: bool = False,
               year: bool = True) -> str:
    """The normalised form; `dated` puts the day (with its `year`) before a bare clock."""
    shown = format_mention(tm, zone, locale)
    if dated and tm.anchor is not None and grain_of(tm.value) == "minute" \
            and not _HAS_DATE.search(shown):
        shown = f"{format_day(tm.anchor, zone, locale, year=year)} {shown}"
    return shown


def mention_content(tm: TimeMention, zone: str, locale: str, dated: bool = False,
                    year: bool = True) -> Content:
    """'20:35  “3:35 p.m. EST”  [approx]': the normalised form first, the wording after.

    `dated` puts the day before a bare clock time, for lists that span many days.
    """
    labels = marks(tm)
    shown = shown_text(tm, zone, locale, dated, year)
    return Content.assemble(
        (shown, "bold"),
        "  ",
        (f"“{one_line(tm.text, 60)}”", "$text-muted"),
        (f"  [{', '.join(labels)}]", "italic $warning") if labels else "",
    )


class WhenPane(FactPane):
    TITLE = "WHEN"
    NUMBER = 2
    EMPTY = "no times found"
    ZONED = True

    def build(self, analysis: Analysis, zone: str, locale: str) -> list[FactItem]:
        # A clock time on another day than the article's (in the display zone) says which
        # day: "17:00" on the Friday after a Thursday report must not read as Thursday's.
        published = analysis.published
        home_day = format_day(published, zone, locale) if published is not None else None
        items: list[FactItem] = []
        for tm in sorted(analysis.times, key=lambda t: t.start):
            dated = (home_day is not None and tm.anchor is not None
                     and format_day(tm.anchor, zone, locale) != home_day)
            copy = f"{shown_text(tm, zone, locale, dated)} ({tm.text})"
            content = mention_content(tm, zone, locale, dated, year=False)
            items.append(FactItem(content, (tm.start, tm.end), copy))
        return items
