"""Watch items: the open questions and the pending events the next shift must keep an eye on.

Computed before the text is laid out because section 2 ("what is open") points at them by
their W numbers, so an item is written out once and referred to elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from briefing.brief.rank import BriefArticle
from briefing.brief.text import clean, clip, heading, wrap
from briefing.brief.times import dtg_style, grain, is_point, with_wording
from briefing.core import timex
from briefing.core.furniture import has_furniture
from briefing.model import QUESTION_KINDS, TimeMention
from briefing.watchterms import matches

PER_STORY = 2
_CUT = ("pending", "unknown", "disputed", "scheduled", "unconfirmed")
"""The kinds the brief lists, in the order they make the cut; a conditional ("if") is
rarely something to watch, and stays in the annex with the rest."""

MAX_ITEMS = 8
MAX_TEXT = 120


@dataclass(frozen=True)
class WatchItem:
    wid: str
    entry: BriefArticle
    kind: str
    """An open-question kind, or "scheduled" for a future time with no cue around it."""
    cue: str | None
    text: str
    start: int
    times: tuple[TimeMention, ...]
    past: bool
    """Every time it names has already gone by at the brief's DTG."""


def _times_in(entry: BriefArticle, start: int, end: int) -> tuple[TimeMention, ...]:
    return tuple(t for t in entry.analysis.times
                 if start <= t.start < end and t.type in ("DATE", "TIME"))


def _gone_by(times: Sequence[TimeMention], now: datetime) -> bool:
    ends = [t.latest or t.earliest for t in times if is_point(t)]
    return bool(ends) and all(end is not None and end < now for end in ends)


def _strength(kind: str) -> int:
    return QUESTION_KINDS.index(kind) if kind in QUESTION_KINDS else len(QUESTION_KINDS)


def _for_entry(entry: BriefArticle, now: datetime) -> list[tuple[int, int, WatchItem]]:
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
        found.append((len(QUESTION_KINDS), span[0],
                      WatchItem("", entry, "scheduled", None, text, span[0], times, False)))
    return found


def _dated(item: WatchItem) -> bool:
    """A scheduled item the shift can act on names its day ("Monday", "16:30"), not only
    a year ("in 2020") or a month."""
    return any(grain(tm) in ("minute", "part", "day", "weekend") for tm in item.times)


def _same(text: str) -> str:
    """What makes two items the same sentence: its words, whatever the spacing, marks or
    case (two outlets running one agency sentence, a question and a date in one sentence)."""
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def watch_items(entries: Sequence[BriefArticle], now: datetime, *, per_story: int | None = None,
                limit: int | None = None) -> list[WatchItem]:
    """By source (S1 first), then strongest kind, then position in the article; each
    sentence once.  `per_story` and `limit` keep the brief's list to what a shift can
    follow (the annex has them all)."""
    items: list[WatchItem] = []
    seen: set[str] = set()
    by_story: dict[int, list[tuple[int, int, WatchItem]]] = {}
    for entry in entries:
        for strength, position, item in _for_entry(entry, now):
            key = _same(item.text)
            if key in seen or (limit is not None and item.past):  # gone by: annex only
                continue
            if per_story is not None and (item.kind not in _CUT or has_furniture(item.text)
                                          or (item.kind == "scheduled" and not _dated(item))):
                continue
            seen.add(key)
            by_story.setdefault(entry.story, []).append((strength, position, item))
    for story in sorted(by_story):
        found = by_story[story]
        if per_story is not None:
            # what makes the cut: pending events first, then what is not known
            found = sorted(found, key=lambda f: (_CUT.index(f[2].kind) if f[2].kind in _CUT
                                                 else len(_CUT)))[:per_story]
        sids = {f[2].entry.sid: n for n, f in enumerate(found)}
        items += [f[2] for f in sorted(found, key=lambda f: (
            f[2].entry.sid not in sids, int(f[2].entry.sid[1:]), f[0], f[1]))]
    if limit is not None:
        items = items[:limit]
    return [replace(i, wid=f"W{n}") for n, i in enumerate(items, start=1)]


def _head(item: WatchItem, terms: Sequence[str]) -> str:
    head = f"{item.wid} D{item.entry.story} [{item.entry.sid}] {item.kind.upper()}"
    if item.cue and item.cue != "?":
        head += f" (“{clean(item.cue)}”)"
    when = [with_wording(dtg_style(t), t) for t in item.times
            if (t.value or "") not in timex.REF_WORDS]  # "now", "previously": no date
    if when:
        head += ": " + "; ".join(dict.fromkeys(when))
    if item.past:
        head += "; due time now past"
    hits = matches(terms, item.text) or item.entry.watch
    if hits:
        head = f"{head}. WATCH: {', '.join(hits)}"
    return head


def watch_section(items: Sequence[WatchItem], terms: Sequence[str] = (),
                  clip_to: int | None = MAX_TEXT) -> list[str]:
    lines = heading(4, "Watch items")
    if not items:
        return [*lines, "None.", ""]
    for item in items:
        lines += wrap(_head(item, terms), hang="    ")
        text = clean(item.text)
        lines += wrap(clip(text, clip_to) if clip_to else text, indent="    ")
    return [*lines, ""]
