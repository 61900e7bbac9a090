"""`analyze`: text in, `Analysis` out; pure, deterministic and offline."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from functools import cache
from pathlib import Path

from briefing.extract.anchor import make_context
from briefing.extract.names import is_common
from briefing.extract.questions import find_questions
from briefing.extract.quotes import find_quotes
from briefing.extract.when import find_times
from briefing.extract.where import find_places
from briefing.extract.who import find_people
from briefing.model import Analysis


@cache
def extractor_version() -> str:
    """A digest of every file the extractor is made of, so any change re-analyses cached text.

    Every file under the package counts, whatever its suffix: a data table (the gzipped
    cities list, an alias TSV) changes the answers as surely as code does, and a list of
    suffixes silently misses the next format someone adds.  Byte-code caches and dot-files
    (editor swap files) are skipped: they are not the extractor, and would make the version
    depend on which interpreter ran first.
    """
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if not path.is_file() or _not_extractor(relative):
            continue
        digest.update(relative.as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _not_extractor(relative: Path) -> bool:
    return (any(part == "__pycache__" or part.startswith(".") for part in relative.parts)
            or relative.suffix in {".pyc", ".pyo"})


def _holds_no_name(words: str) -> bool:
    """A time's words ("14:00 CET", "Christmas Day") are no person, body or place.

    A lone word without digits that is no day, month or feast ("Daily" of "Daily Beast") is
    more likely a name the time finder misread: it stays with WHO and WHERE.
    """
    return " " in words.strip() or any(ch.isdigit() for ch in words) or is_common(words)


def analyze(text: str, published: str | date | datetime | None = None,
            zone: str | None = None) -> Analysis:
    """Extract who, when, where, quotes and open questions from `text`.

    `published` anchors relative times ("Thursday", "next month"); without it they stay
    unresolved and are flagged, never resolved against the host's clock.
    """
    ctx = make_context(text, published, zone)
    times = find_times(ctx)
    taken = [(t.start, t.end) for t in times if _holds_no_name(t.text)]
    people, organizations = find_people(ctx, taken)
    places = find_places(ctx, people, organizations, taken)
    quotes = find_quotes(ctx, people, organizations)
    questions = find_questions(ctx)
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
    )
