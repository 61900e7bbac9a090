"""Sections 3 to 6: timeline, watch items, sources and time notes (provenance in full)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlparse

from briefing.brief.rank import Entry
from briefing.brief.sections import source_tag
from briefing.brief.text import clean, clip, heading, labelled, wrap
from briefing.brief.times import dtg_style, in_zone, is_point, sort_key, with_wording, wording
from briefing.brief.watch import WatchItem
from briefing.model import TimeMention
from briefing.timefmt import dtg, format_clock_full, format_datetime_full, is_utc, zone_label

MAX_CONTEXT = 160
_FLAG_WORDS = (  # flag names are the time extractor's; these say them in an officer's words
    ("ambig", "ambiguous zone abbreviation, not guessed"),
    ("season", "zone abbreviation does not match the season; kept as written"),
    ("unresolved", "relative time left unresolved"),
    ("gap", "falls in a daylight-saving gap"),
    ("fold", "falls in a daylight-saving fold (the hour repeats)"),
)


def timeline(entries: Sequence[Entry], zone: str, locale: str) -> list[str]:
    """Every dated point across the articles, in the display zone, wording beside it."""
    lines = heading(3, "Timeline")
    shown = "Z (UTC)" if is_utc(zone) else zone  # as the header names it
    lines += wrap(f"In {shown}; the article's own wording in quotation marks.")
    rows: list[tuple[tuple[object, ...], Entry, TimeMention]] = []
    for entry in entries:
        seen: set[str] = set()  # one row per date an article names: its first mention
        for tm in entry.analysis.times:
            if is_point(tm) and tm.value not in seen:
                seen.add(tm.value)
                rows.append(((*sort_key(tm), entry.sid), entry, tm))
    if not rows:
        return [*lines, "No dated events.", ""]
    for _, entry, tm in sorted(rows, key=lambda r: r[0]):
        when = with_wording(in_zone(tm, zone, locale), tm)
        lines += wrap(f"{when} [{entry.sid}]", indent="- ", hang="  ")
        lines += wrap(clip(clean(entry.sentence(tm.start)), MAX_CONTEXT), indent="    ")
    return [*lines, ""]


def _watch_head(item: WatchItem) -> str:
    head = f"{item.wid} {source_tag(item.entry)} {item.kind.upper()}"
    if item.cue and item.cue != "?":
        head += f" (“{clean(item.cue)}”)"
    when = [with_wording(dtg_style(t), t) for t in item.times]
    if when:
        head += ": " + "; ".join(dict.fromkeys(when))
    if item.past:
        head += "; due time now past"
    return head


def watch_section(items: Sequence[WatchItem]) -> list[str]:
    lines = heading(4, "Watch items")
    if not items:
        return [*lines, "None.", ""]
    for item in items:
        lines += wrap(_watch_head(item), hang="    ")
        lines += wrap(clean(item.text), indent="    ")
    return [*lines, ""]


def _published(entry: Entry, locale: str) -> str:
    article = entry.article
    moment = article.published
    raw = clean(article.published_raw)
    if moment is None:
        clock = article.clock
        if clock.known:
            return format_clock_full(clock, clock.zone or "UTC", locale) + (
                f" (as written: “{raw}”)" if raw else "")
        return f"not known (as written: “{raw}”)" if raw else "not known"
    zone = article.zone or entry.analysis.zone
    if zone:
        return f"{format_datetime_full(moment, zone, locale)} ({dtg(moment)})"
    return f"{dtg(moment)} (as written: “{raw}”)" if raw else dtg(moment)


def sources(entries: Sequence[Entry], locale: str) -> list[str]:
    lines = heading(5, "Sources")
    for entry in entries:
        a = entry.article
        lines += wrap(f"{entry.sid}  {clean(a.title) or '(untitled)'}", hang="    ")
        field = lambda label, value: labelled(label, value, indent="    ", label_width=10)  # noqa: E731
        lines += field("Outlet:", clean(a.outlet) or "not given")
        lines += field("Published:", _published(entry, locale))
        lines += field("Retrieved:", dtg(a.retrieved) if a.retrieved else "not recorded")
        lines += field(*_location(a.url, a.source))
        for note in a.notes:
            lines += field("Note:", clean(note))
        lines.append("")
    return lines


def _location(url: str | None, source: str) -> tuple[str, str]:
    """Where the article came from, as a reader of the brief can use it.

    A `file://` link (a local feed's page) names a copy on this machine: a URI with the
    officer's home folder in it means nothing to the brief's readers.  The page is named the
    way the officer named its source ("seeds/feed.xml" makes "seeds/page.html"), so the
    same sources give the same brief wherever it is made; a page elsewhere keeps its path.
    """
    if url and not url.lower().startswith("file:"):
        return "URL:", clean(url)
    if not url:
        return "File:", clean(source)
    page = Path(unquote(urlparse(url).path))
    given = Path(source.split("#", 1)[0])
    try:
        if given.resolve() == page:
            return "File:", clean(str(given))
        named = given.parent / page.relative_to(given.parent.resolve())
    except (OSError, ValueError):  # another folder, or the working folder is gone
        named = page
    return "File:", clean(str(named))


def _flag_text(flag: str) -> str:
    lowered = flag.lower()
    for word, text in _FLAG_WORDS:
        if word in lowered:
            return text
    return clean(flag).replace("_", " ").replace("-", " ")


def _entry_notes(entry: Entry, now: datetime) -> list[str]:
    notes: list[str] = []
    article = entry.article
    clock = article.clock
    if not clock.known:
        notes.append("no publication time: relative times cannot be resolved and stay as "
                     "written.")
    elif clock.kind == "day":
        notes.append("the source gives its publication day only: relative times are read "
                     "against that day.")
    elif clock.kind == "local":
        notes.append("the source gives a local publication time with no zone: relative "
                     "times are read against its day.")
    if not (article.zone or entry.analysis.zone):
        notes.append("the source gives no named time zone; its publication time is shown "
                     "in Z with the wording it used.")
    elif clock.zone_found and clock.zone_found.startswith("dateline"):
        if "offset" in clock.zone_found:
            notes.append(f"the source gives only an offset; {clock.zone} is its dateline's "
                         "zone, which agrees with that offset.")
        else:
            notes.append(f"the source names no zone; {clock.zone} is its dateline's zone.")
    if article.published is not None and article.published > now:
        notes.append(f"published {dtg(article.published)}, after this brief's DTG.")
    assumed: dict[tuple[str, str], list[str]] = {}
    for tm in entry.analysis.times:
        if tm.zone and tm.zone_basis and tm.zone_basis != "explicit":
            assumed.setdefault((tm.zone, tm.zone_basis), []).append(wording(tm))
        for flag in tm.flags:
            notes.append(f"{wording(tm)}: {_flag_text(flag)}.")
        if tm.type in ("DATE", "TIME") and not tm.resolved and not tm.flags:
            notes.append(f"{wording(tm)}: relative time left unresolved.")
    for (zone, basis), words in sorted(assumed.items()):
        listed = ", ".join(dict.fromkeys(words))
        how = "a place named beside it" if basis == "place" else clean(basis)
        notes.insert(0, f"zone {zone} assumed ({how}) for {listed}.")
    return notes


def time_notes(entries: Sequence[Entry], *, zone: str, now: datetime, locale: str,
               left_out: int) -> list[str]:
    lines = heading(6, "Time notes")
    lines += wrap(f"Display zone: {zone_label(zone, now)} (section 3). DTGs are Z. "
                  "Times keep their original wording in quotation marks.", indent="- ",
                  hang="  ")
    if left_out:
        lines += wrap(f"{left_out} loaded article(s) published outside the period, or with no "
                      "publication date, were left out.", indent="- ", hang="  ")
    for entry in entries:
        for note in dict.fromkeys(_entry_notes(entry, now)):
            lines += wrap(f"{entry.sid}: {note}", indent="- ", hang="  ")
    return lines
