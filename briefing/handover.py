"""The handover: what changed on the floor since the last brief, as plain text.

The incoming shift reads it before the dashboard: the stories that arrived (new ones, and
known ones with new reports), every flag change and note with who made it and when, and the
watch items, which are the flagged articles: those the last brief carried that have since
been unflagged are resolved, the rest still open.  Headless (no Textual): `briefing
handover` prints it and the dashboard's `h` shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from briefing.core.timefmt import dtg
from briefing.model import Article
from briefing.store import Store
from briefing.store.handover import BriefRecord, Change

CONTEXT = timedelta(days=7)
"""How far before the handover's start articles are read to tell a new story from a
known one that got new reports."""


@dataclass(frozen=True)
class Handover:
    since: datetime | None
    last: BriefRecord | None
    new_stories: list[list[Article]]
    grown_stories: list[list[Article]]
    flags: list[Change]
    notes: list[Change]
    resolved: list[tuple[str, str]]
    still_open: list[tuple[str, str, bool]]  # id, title, already on the last brief


def build_handover(store: Store, since: datetime | None = None) -> Handover:
    """Everything since `since`, else since the last brief, else since the store began."""
    last = store.last_brief()
    start = since or (last.made if last else None)
    new, grown = _story_changes(store, start)
    flags, notes = store.changes_since(start)
    resolved, still_open = _watch_changes(store, last)
    return Handover(start, last, new, grown, flags, notes,
                    resolved=resolved, still_open=still_open)


def _story_changes(store: Store, start: datetime | None,
                   ) -> tuple[list[list[Article]], list[list[Article]]]:
    """Stories wholly new since `start`, and older stories with new reports (only the new
    ones listed).  The articles just before `start` are read too, so a new report of an
    old story is told apart from a new story."""
    from briefing.story import stories

    context = store.articles(since=start - CONTEXT) if start else store.articles()
    fresh = {a.id for a in (store.articles(since=start) if start else context)}
    groups: dict[int, list[tuple[Article, bool]]] = {}
    for article, number in zip(context, stories(context), strict=True):
        groups.setdefault(number, []).append((article, article.id in fresh))
    new = [[a for a, _ in g] for g in groups.values() if all(f for _, f in g)]
    grown = [[a for a, f in g if f] for g in groups.values()
             if any(f for _, f in g) and not all(f for _, f in g)]
    return new, grown


def _watch_changes(store: Store, last: BriefRecord | None,
                   ) -> tuple[list[tuple[str, str]], list[tuple[str, str, bool]]]:
    """Watch items (flagged articles) the last brief carried that are no longer flagged,
    and those flagged now (with whether the last brief already carried them)."""
    titles = store.titles()
    flagged = store.flagged()
    briefed = set(last.flagged) if last else set()
    resolved = [(i, titles.get(i, i)) for i in (last.flagged if last else ())
                if i not in flagged]
    still_open = [(i, titles.get(i, i), i in briefed) for i in flagged]
    return resolved, still_open


def _when(moment: datetime | None) -> str:
    return dtg(moment) if moment else "time unknown"


def _who(officer: str) -> str:
    return officer or "(this desk, before the floor)"


def render_handover(handover: Handover, now: datetime) -> str:
    """Fixed-width text, every time in DTG (Zulu)."""
    h = handover
    if h.since is None:
        start = "since the store began (no brief recorded yet)"
    elif h.last is not None and h.since == h.last.made:
        start = f"since the last brief, {dtg(h.since)} by {_who(h.last.officer)}"
    else:
        start = f"since {dtg(h.since)}"
    lines = [f"HANDOVER {dtg(now)}", start, ""]
    count = sum(len(g) for g in h.new_stories)
    lines.append(f"1. NEW STORIES ({len(h.new_stories)}, {count} article(s))")
    lines += _stories(h.new_stories)
    lines.append(f"2. NEW REPORTS ON KNOWN STORIES ({len(h.grown_stories)})")
    lines += _stories(h.grown_stories)
    lines.append(f"3. FLAGS ({len(h.flags)})")
    lines += [f"   {_when(c.at)}  {_who(c.officer)} {c.text}: {c.title}" for c in h.flags]
    lines.append(f"4. NOTES ({len(h.notes)})")
    lines += [f"   {_when(c.at)}  {_who(c.officer)} on {c.title}: {c.text}" for c in h.notes]
    lines.append(f"5. WATCH ITEMS ({len(h.still_open)} open, {len(h.resolved)} resolved)")
    lines += [f"   OPEN      {title}" + ("" if old else "  (new since)")
              for _, title, old in h.still_open]
    lines += [f"   RESOLVED  {title}" for _, title in h.resolved]
    return "\n".join(line if line.strip() else "" for line in lines) + "\n"


def _stories(groups: list[list[Article]]) -> list[str]:
    lines: list[str] = []
    for group in groups:
        head, *rest = group
        outlets = sorted({a.outlet or a.source for a in group})
        lines.append(f"   {head.title}  [{len(group)} report(s): {', '.join(outlets)}]")
        lines += [f"     also: {a.title}" for a in rest]
    return lines or ["   none"]
