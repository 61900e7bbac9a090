"""Publication dates as sources write them: ISO 8601, RFC 822 (feeds), or a bare date.

A date whose zone cannot be read is kept as written and left unparsed rather than guessed:
feedparser maps unknown zones to UTC silently, and newsboat falls back to "now" (#3211);
both put an article at the wrong place on the officer's timeline.

Pure and dependency-free on purpose: the loaders read feed and page dates with it, and
`analyze` reads a caller's `published` string with it, without pulling in the loaders.
"""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from briefing.clock import valid_zone

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
                  r"\s*(?:Z|[+-]\d{2}:?\d{2})?$")
_RFC_ZONE = re.compile(r"\s([A-Za-z]{1,5}|[+-]\d{4})\s*$")
# Zone names RFC 822 defines; any other letters at the end are not trusted.
_RFC822_ZONES = {"UT", "UTC", "GMT", "Z", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT"}


def parse_published(raw: str | None, zone: str | None = None
                    ) -> tuple[datetime | None, date | None, str | None]:
    """(aware instant in the offset written, calendar date, caveat) for a raw string.

    `zone` (an IANA name from front matter or the command line) gives a naive time its
    wall clock; without it a naive time is a date only.
    """
    if not raw or not raw.strip():
        return None, None, None
    text = raw.strip()
    tz = ZoneInfo(zone) if valid_zone(zone) else None
    if _ISO.match(text):
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
        except ValueError:  # the shape of a date, an impossible value ("2021-13-45")
            return None, None, f"publication date {text!r} is not a real date; left unknown"
        has_time = len(text) > 10
        if moment.tzinfo is None:
            if has_time and tz is not None:
                moment = moment.replace(tzinfo=tz)
            else:
                note = None if not has_time else f"publication time {text!r} has no zone; date kept"
                return None, moment.date(), note
        return moment, moment.date(), None
    return _parse_rfc822(text, tz)


def _parse_rfc822(text: str, tz: ZoneInfo | None
                  ) -> tuple[datetime | None, date | None, str | None]:
    zone_match = _RFC_ZONE.search(text)
    written_zone = zone_match.group(1) if zone_match else None
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None, None, f"publication date {text!r} could not be read; left unknown"
    if written_zone and not written_zone.startswith(("+", "-")) and \
            written_zone.upper() not in _RFC822_ZONES:
        return None, moment.date(), (f"publication zone {written_zone!r} is not a standard "
                                     "RFC 822 zone; time left unknown, date kept")
    if moment.tzinfo is None:
        if tz is None:
            return None, moment.date(), f"publication time {text!r} has no zone; date kept"
        moment = moment.replace(tzinfo=tz)
    return moment, moment.date(), None


def analysis_anchor(published: datetime | None, raw: str | None, zone: str | None
                    ) -> datetime | date | None:
    """What `analyze` should resolve relative times against, in the source's wall clock.

    The stored instant is UTC; the source's own offset (or zone) is what "Thursday" and
    "tonight" mean, so it is recovered from the raw string or the article's zone.
    """
    if published is not None and valid_zone(zone):
        return published.astimezone(ZoneInfo(zone))  # type: ignore[arg-type]
    moment, day, _ = parse_published(raw, zone)
    if moment is not None:
        return moment
    if published is not None:
        return published
    return day
