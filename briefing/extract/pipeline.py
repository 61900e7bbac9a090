"""`analyze`: text in, `Analysis` out; pure, deterministic and offline."""

from __future__ import annotations

from datetime import date, datetime

from briefing.caps import max_chars
from briefing.core.furniture import share_buttons
from briefing.extract.anchor import make_context
from briefing.extract.names import is_common
from briefing.extract.questions import find_questions
from briefing.extract.quotes import find_quotes
from briefing.extract.version import extractor_version
from briefing.extract.when import find_times
from briefing.extract.when.events import with_events
from briefing.extract.where import find_places
from briefing.extract.who import find_people
from briefing.model import Analysis
from briefing.pubclock import PubClock


def _holds_no_name(words: str) -> bool:
    """A time's words ("14:00 CET", "Christmas Day") are no person, body or place.

    A lone word without digits that is no day, month or feast ("Daily" of "Daily Beast") is
    more likely a name the time finder misread: it stays with WHO and WHERE.
    """
    return " " in words.strip() or any(ch.isdigit() for ch in words) or is_common(words)


def analyze(text: str, published: PubClock | str | date | datetime | None = None,
            zone: str | None = None) -> Analysis:
    """Extract who, when, where, quotes and open questions from `text`.

    `published` anchors relative times ("Thursday", "next month"): an article's `clock`,
    or an ISO 8601 / RFC 822 string, a date or a datetime; without it they stay unresolved
    and are flagged, never resolved against the host's clock.

    At most `BRIEFING_MAX_CHARS` characters are read (the loaders' cap, so a loaded article
    is always read whole): past it, the text is kept but not analysed and `unread_from`
    says where reading stopped, so one huge string costs bounded time.
    """
    unread_from = _reading_end(text)
    ctx = make_context(text if unread_from is None else text[:unread_from], published, zone)
    dates = find_times(ctx)
    # A date's own words are no name; the event it dates may hold one ("Saturday's Lee rally").
    taken = [(t.start, t.end) for t in dates if _holds_no_name(t.text)]
    taken = sorted(taken + share_buttons(ctx.text))
    times = with_events(dates, ctx.text)
    people, organizations = find_people(ctx, taken)
    places = find_places(ctx, people, organizations, taken)
    quotes = find_quotes(ctx, people, organizations)
    questions = find_questions(ctx, times)
    return Analysis(
        text=text,
        published=ctx.published,
        zone=ctx.zone,
        people=tuple(people),
        organizations=tuple(organizations),
        places=tuple(places),
        times=tuple(times),
        quotes=tuple(quotes),
        questions=tuple(questions),
        version=extractor_version(),
        clock=ctx.clock,
        unread_from=unread_from,
    )


def _reading_end(text: str) -> int | None:
    """None when the whole text is within the character cap; else where reading stops: the
    last line break or space before the cap (a word is not cut), or the cap itself."""
    cap = max_chars()
    if len(text) <= cap:
        return None
    floor = max(0, cap - 1000)
    for mark in ("\n", " "):
        at = text.rfind(mark, floor, cap)
        if at > 0:
            return at
    return cap
