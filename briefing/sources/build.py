"""One way to turn loader output into an `Article`: cleaned text, parsed date, hash."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from briefing.core.textclean import content_hash, strip_controls, tidy
from briefing.model import Article
from briefing.pubclock import PubClock, clock_from_url, read_clock


def publication_clock(raw: str | None, found: str | None, zone: str | None, url: str | None,
                      body: str) -> PubClock:
    """The one publication clock of an article, read once here at loading.

    The source's own string first; a page address's `/2016/10/25/` when there is none; then
    the dateline's zone for a clock that has none ("WASHINGTON (AP) —" with a local time).
    """
    clock = read_clock(raw, found=found, zone=zone, zone_found="front matter" if zone else None)
    if not clock.known:
        from_url = clock_from_url(url)
        if from_url.known:
            clock = replace(from_url, note=clock.note).with_zone(clock.zone, "front matter")
    # imported lazily so that importing the loaders does not load the gazetteer
    from briefing.geo.places import with_dateline_zone

    return with_dateline_zone(clock, body)


def build_article(*, body: str, source: str, title: str | None = None, url: str | None = None,
                  published_raw: str | None = None, zone: str | None = None,
                  outlet: str | None = None, retrieved: datetime | None = None,
                  notes: list[str] | None = None, found: str | None = None,
                  clock: PubClock | None = None) -> Article:
    """Strip escapes from every field shown to the officer, and say what was removed.

    `found` says where `published_raw` came from ("meta", "feed entry", "front matter");
    `clock` is one already read (a feed entry's page), taken as it is.
    """
    notes = list(notes or [])
    body, removed = strip_controls(body)
    if removed:
        notes.append(f"removed {removed} control character(s) or terminal escape(s)")
    body = tidy(body)
    clean_title = tidy(strip_controls(title or "")[0]).replace("\n", " ")
    if not clean_title:
        first_line = body.split("\n", 1)[0]
        clean_title = first_line[:100] + ("…" if len(first_line) > 100 else "")
    clock = clock or publication_clock(published_raw, found, zone, url, body)
    if clock.note and clock.kind != "instant":
        notes.append(clock.note)
    return Article(
        title=clean_title or "(untitled)",
        text=body,
        source=source,
        content_hash=content_hash(body),
        url=url,
        clock=clock,
        outlet=tidy(strip_controls(outlet)[0]) if outlet else None,
        retrieved=retrieved,
        notes=tuple(notes),
    )
