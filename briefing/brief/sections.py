"""Header, BLUF and key developments: the part of the brief read first and often only."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta

from briefing import timex
from briefing.brief.rank import Entry
from briefing.brief.text import clean, clip, heading, labelled, rule, wrap
from briefing.brief.times import dtg_style, is_point, period_text, sort_key, with_wording
from briefing.brief.watch import WatchItem
from briefing.model import Person, Quote, TimeMention
from briefing.timefmt import dtg, format_datetime_full, zone_label

BLUF_ITEMS = 5
MAX_SPANS = 2
MAX_WHEN = 4
MAX_WHO = 8
MAX_WHERE = 10
MAX_QUOTE = 400
LABEL = 6  # "Where:" is the longest label in a development
_QUOTE_MARKS = "\"“”‘’«» "
_TRAILING_COMMA = re.compile(r"[,;]\s*([\"”’»]?)$")


def header(entries: Sequence[Entry], *, zone: str, now: datetime,
           period: timedelta | None, locale: str, left_out: int) -> list[str]:
    """DTG in Z with the display zone's wall clock beside it, and the period covered."""
    if period is not None:
        span = f"{dtg(now - period)} to {dtg(now)} (last {period_text(period)})"
    else:
        dated = sorted(e.article.published for e in entries if e.article.published)
        first, last = (dtg(dated[0]), dtg(dated[-1])) if dated else ("", "")
        span = "all articles given" + (f", published {first}" if dated else "")
        span += f" to {last}" if last != first else ""
    flagged = sum(e.flagged for e in entries)
    count = f"{len(entries)} article{'s' if len(entries) != 1 else ''}, {flagged} flagged"
    if left_out:
        count += f"; {left_out} outside the period or undated left out"
    lines = [rule(), "MORNING BRIEF"]
    lines += labelled("DTG:", f"{dtg(now)} ({format_datetime_full(now, zone, locale)})",
                      label_width=8)
    lines += labelled("Period:", span, label_width=8)
    lines += labelled("Zone:", f"section 3 in {zone_label(zone, now)}; "
                      "elsewhere Z", label_width=8)
    lines += labelled("Sources:", count, label_width=8)
    return [*lines, rule(), ""]


def source_tag(entry: Entry) -> str:
    """"[S1, single source]" or "[S2, also S4]": how far a fact is corroborated."""
    extra = "single source" if entry.single_source else "also " + ", ".join(entry.also)
    return f"[{entry.sid}, {extra}]"


def bluf(entries: Sequence[Entry]) -> list[str]:
    lines = heading(1, "BLUF")
    if not entries:
        return [*lines, "No articles in the period.", ""]
    for entry in entries[:BLUF_ITEMS]:
        mark = "FLAGGED. " if entry.flagged else ""
        lines += wrap(f"{mark}{clean(entry.lead)} {source_tag(entry)}", indent="- ", hang="  ")
    if len(entries) > BLUF_ITEMS:
        lines.append(f"- {len(entries) - BLUF_ITEMS} more in section 2.")
    return [*lines, ""]


def _grain(tm: TimeMention) -> str | None:
    period = timex.parse(tm.value or "")
    return period.grain if period is not None else None


def _when(times: Sequence[TimeMention]) -> str:
    """Event times in the article, the most precise first: minutes, then days."""
    points = [t for t in times if is_point(t)]
    precise = sorted((t for t in points if _grain(t) in ("minute", "part")), key=sort_key)
    days = sorted((t for t in points if _grain(t) == "day"), key=sort_key)
    chosen = (precise + days) or sorted(points, key=sort_key)
    rendered: list[str] = []
    for tm in chosen:
        text = with_wording(dtg_style(tm), tm)
        if text not in rendered:
            rendered.append(text)
    # How long things lasted ("about 50 minutes") after when they happened; the rendering
    # keeps the article's words, so "about" stays approximate.
    spans = [dtg_style(t) for t in times if t.type == "DURATION"]
    return "; ".join(rendered[:MAX_WHEN] + list(dict.fromkeys(spans))[:MAX_SPANS])


def person_text(person: Person) -> str:
    """"Jen Psaki (White House Press Secretary)", with the affiliation when the role does
    not already say it."""
    name = clean(person.name)
    details: list[str] = []
    for role in (clean(r) for r in person.roles):
        # "President" adds nothing beside "Russian President"
        if role and not any(role.lower() in d.lower() for d in details):
            details.append(role)
    details = details[:2]
    affiliation = clean(person.affiliation)
    if affiliation and not any(affiliation[:4].lower() in d.lower() for d in details):
        details.append(affiliation)
    if person.anonymous:
        details.append("unnamed")
    return f"{name} ({', '.join(details)})" if details else name


def quote_text(quote: Quote) -> str:
    """Speaker, then the words in the article's own marks.

    A quote span with marks inside ("Biden “urged Russia ...”", a partial quote within
    reported speech) is shown as written; a bare span gets curly marks.  The comma before
    "he said" belongs to the reporting sentence and is dropped.
    """
    words = clip(_TRAILING_COMMA.sub(r"\1", clean(quote.text)), MAX_QUOTE)
    if not any(mark in words for mark in _QUOTE_MARKS.strip()):
        words = f"“{words}”"
    speaker = clean(quote.speaker) if quote.speaker else "speaker not identified"
    return f"{speaker}: {words}"


def development(entry: Entry, watch: Sequence[WatchItem]) -> list[str]:
    """One article: when, who, where, what was said, what is open, and its source."""
    a = entry.analysis
    title = clean(entry.article.title) or "(untitled)"
    lines = wrap(f"{entry.sid}  {title}", hang="    ")
    lines += wrap(source_tag(entry) + (" FLAGGED" if entry.flagged else ""), indent="    ")

    def field(label: str, value: str) -> None:
        if value:
            lines.extend(labelled(label, value, indent="    ", label_width=LABEL))

    field("Note:", f"(officer) {clean(entry.note)}" if entry.note else "")
    field("What:", clean(entry.lead))
    field("When:", _when(a.times))
    field("Who:", "; ".join(person_text(p) for p in a.people[:MAX_WHO]))
    field("Where:", ", ".join(dict.fromkeys(clean(p.name) for p in a.places[:MAX_WHERE])))
    for n, quote in enumerate(a.quotes):
        field("Said:" if n == 0 else "", quote_text(quote))
    mine = [w for w in watch if w.entry is entry]
    if mine:
        first = mine[0]
        rest = f" Also {', '.join(w.wid for w in mine[1:])}." if mine[1:] else ""
        field("Open:", f"{first.wid} {clip(clean(first.text), 160)}{rest}")
    return [*lines, ""]


def developments(entries: Sequence[Entry], watch: Sequence[WatchItem]) -> list[str]:
    lines = heading(2, "Key developments")
    if not entries:
        return [*lines, "None.", ""]
    for entry in entries:
        lines += development(entry, watch)
    return lines
