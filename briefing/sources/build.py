"""One way to turn loader output into an `Article`: cleaned text, parsed date, hash."""

from __future__ import annotations

from datetime import UTC, datetime

from briefing.dates import parse_published
from briefing.model import Article
from briefing.sources.textclean import content_hash, strip_controls, tidy


def build_article(*, body: str, source: str, title: str | None = None, url: str | None = None,
                  published_raw: str | None = None, zone: str | None = None,
                  outlet: str | None = None, retrieved: datetime | None = None,
                  notes: list[str] | None = None) -> Article:
    """Strip escapes from every field shown to the officer, and say what was removed."""
    notes = list(notes or [])
    body, removed = strip_controls(body)
    if removed:
        notes.append(f"removed {removed} control character(s) or terminal escape(s)")
    body = tidy(body)
    clean_title = tidy(strip_controls(title or "")[0]).replace("\n", " ")
    if not clean_title:
        first_line = body.split("\n", 1)[0]
        clean_title = first_line[:100] + ("…" if len(first_line) > 100 else "")
    moment, _, caveat = parse_published(published_raw, zone)
    if caveat:
        notes.append(caveat)
    return Article(
        title=clean_title or "(untitled)",
        text=body,
        source=source,
        content_hash=content_hash(body),
        url=url,
        published=moment.astimezone(UTC) if moment else None,
        published_raw=published_raw,
        zone=zone,
        outlet=tidy(strip_controls(outlet)[0]) if outlet else None,
        retrieved=retrieved,
        notes=tuple(notes),
    )
