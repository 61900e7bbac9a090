"""Watch items: the open questions and the pending events the next shift must keep an eye on.

Computed before the text is laid out because section 2 ("what is open") points at them by
their W numbers, so an item is written out once and referred to elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from briefing.brief.rank import Entry
from briefing.brief.times import is_point
from briefing.extract.questions_cues import KINDS
from briefing.model import TimeMention


@dataclass(frozen=True)
class WatchItem:
    wid: str
    entry: Entry
    kind: str
    """An open-question kind, or "scheduled" for a future time with no cue around it."""
    cue: str | None
    text: str
    start: int
    times: tuple[TimeMention, ...]
    past: bool
    """Every time it names has already gone by at the brief's DTG."""


def _times_in(entry: Entry, start: int, end: int) -> tuple[TimeMention, ...]:
    return tuple(t for t in entry.analysis.times
                 if start <= t.start < end and t.type in ("DATE", "TIME"))


def _gone_by(times: Sequence[TimeMention], now: datetime) -> bool:
    ends = [t.latest or t.earliest for t in times if is_point(t)]
    return bool(ends) and all(end is not None and end < now for end in ends)


def _strength(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


def _for_entry(entry: Entry, now: datetime) -> list[tuple[int, int, WatchItem]]:
    """(strength, position, item) for one article; numbering happens after sorting."""
    found: list[tuple[int, int, WatchItem]] = []
    covered: set[tuple[int, int]] = set()
    for q in entry.analysis.questions:
        times = _times_in(entry, q.start, q.end)
        covered.add((q.start, q.end))
        # only a scheduled thing can be overdue; a report "over the weekend" is not
        past = q.kind == "pending" and _gone_by(times, now)
        item = WatchItem("", entry, q.kind, q.cue, q.text, q.start, times, past)
        found.append((_strength(q.kind), q.start, item))
    seen_sentences: set[tuple[int, int]] = set()
    for tm in entry.analysis.times:
        if not is_point(tm) or tm.anchor is None or tm.anchor <= now:
            continue
        span = entry.seg.sentence_at(tm.start)
        if span in covered or span in seen_sentences:
            continue
        seen_sentences.add(span)
        times = _times_in(entry, *span)
        text = entry.analysis.text[span[0]:span[1]]
        found.append((len(KINDS), span[0],
                      WatchItem("", entry, "scheduled", None, text, span[0], times, False)))
    return found


def watch_items(entries: Sequence[Entry], now: datetime) -> list[WatchItem]:
    """By source (S1 first), then strongest kind, then position in the article."""
    items: list[WatchItem] = []
    for entry in entries:
        for _, _, item in sorted(_for_entry(entry, now), key=lambda f: (f[0], f[1])):
            items.append(item)
    return [replace(i, wid=f"W{n}") for n, i in enumerate(items, start=1)]
