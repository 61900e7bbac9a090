"""Section 5, sources: each article once, with its outlet, title, publication time in its
own zone and in DTG, when it was retrieved, and where to find it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote, urlparse

from briefing.brief.rank import BriefArticle
from briefing.brief.text import clean, clip, heading, labelled, wrap
from briefing.brief.times import day_text
from briefing.core.timefmt import dtg, format_clock_full, format_datetime_full


def published(entry: BriefArticle, locale: str, *, as_written: bool = True) -> str:
    """In the source's own zone and in DTG; with `as_written`, the page's own words when
    no zone is known (the annex); the short form for the sources list leaves them out."""
    article = entry.article
    moment = article.published
    raw = clean(article.published_raw)
    if moment is None:
        clock = article.clock
        if clock.known:
            return format_clock_full(clock, clock.zone or "UTC", locale) + (
                f" (as written: “{raw}”)" if raw else "")
        return f"not given (as written: “{raw}”)" if raw else "not given"
    zone = entry.record.source_zone
    if zone:
        return f"{format_datetime_full(moment, zone, locale)} ({dtg(moment)})"
    return f"{dtg(moment)} (as written: “{raw}”)" if raw and as_written else dtg(moment)


def short_published(entry: BriefArticle) -> str:
    """"081400Z NOV 16"; a day alone "08 NOV 16"; a wall time with no zone "08 NOV 16
    15:19 LT" (as the list writes it); "undated" when the page gives nothing."""
    clock = entry.article.clock
    if entry.article.published is not None:
        return dtg(entry.article.published)
    if clock.kind == "local" and clock.moment is not None:
        return f"{day_text(clock.moment.date())} {clock.moment:%H:%M} LT"
    if clock.day is not None:
        return day_text(clock.day)
    return "undated"


def location(url: str | None, source: str) -> tuple[str, str]:
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


def _common_folder(places: Sequence[tuple[str, str]]) -> str | None:
    """The folder all the articles' files share (`places`: their `location`s), said once
    above the list."""
    folders = set()
    for label, place in places:
        if label != "File:":
            return None
        folders.add(str(Path(place).parent))
    return folders.pop() if len(folders) == 1 else None


def sources(entries: Sequence[BriefArticle], locale: str) -> list[str]:
    """One line an article where it fits: "S1 D1 131835Z NOV 16 page-05.html Outlet: title";
    what all articles share (retrieval time, outlet, folder) is said once, above.  The
    annex (`--annex`) gives each publication time in the source's own zone as well."""
    lines = heading(5, "Sources")
    retrieved = {e.article.retrieved for e in entries}
    shared: list[str] = []
    if retrieved == {None}:
        shared.append("retrieval times not recorded")
    elif len(retrieved) == 1:
        shared.append(f"all retrieved {dtg(next(iter(retrieved)))}")  # type: ignore[arg-type]
    outlets = {clean(e.article.outlet) for e in entries}
    one_outlet = len(outlets) == 1 and "" not in outlets
    if one_outlet:
        shared.append(f"all from {outlets.pop()}")
    # where each article came from, worked out once (a file's path is resolved on disk)
    places = [location(e.article.url, e.article.source) for e in entries]
    folder = _common_folder(places)
    if folder is not None:
        shared.append(f"files in {folder}")
    if shared:
        text = "; ".join(shared)
        lines += wrap(text[:1].upper() + text[1:] + ".")
    for entry, (label, place) in zip(entries, places, strict=True):
        a = entry.article
        when = short_published(entry)
        head = f"{entry.sid} D{entry.story} {when}"
        if len(retrieved) > 1:
            head += " retrieved " + (dtg(a.retrieved) if a.retrieved else "not recorded")
        if folder is not None:
            head += f" {Path(place).name}"
        outlet = "" if one_outlet else clean(a.outlet)
        title = clean(a.title) or "(untitled)"
        lines.append(clip(f"{head} " + (f"{outlet}: " if outlet else "") + title, 72))
        if folder is None:
            lines += wrap(f"{label.lower().rstrip(':')} {place}", indent="    ")
        for note in a.notes:
            lines += labelled("Note:", clean(note), indent="    ")
    return [*lines, ""]
