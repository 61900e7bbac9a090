"""Factory for the dashboard under test: the seeds, pre-analysed, at a fixed clock and zone.

Analysis happens here, before the app starts, so snapshots never race a worker; the worker
path itself is covered by the Pilot tests.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import cache

from briefing.article_record import analyze_article
from briefing.clock import fixed_clock
from briefing.config import Config
from briefing.model import Analysis, Article
from briefing.resources import seeds_dir
from briefing.ui.app import BriefingApp

NOW = datetime(2021, 12, 31, 6, 0, tzinfo=UTC)
LOCAL = "America/New_York"
CONFIG = Config(zones=("Europe/Moscow", "Asia/Tokyo"), default_zone="UTC", locale="en_GB")


@cache
def seed_entries() -> tuple[tuple[Article, Analysis | None], ...]:
    """The bundled seeds through the real loader and extractors (once per test session)."""
    from briefing.sources import load

    articles = load(str(seeds_dir()))
    return tuple((a, analyze_article(a)) for a in articles)


def make_app(entries: tuple[tuple[Article, Analysis | None], ...] | None = None, *,
             config: Config = CONFIG, clipboard: Callable[[str], None] | None = None,
             **kwargs: object) -> BriefingApp:
    """A dashboard on `entries` (default: the analysed seeds) with no sources to load."""
    return BriefingApp([], config, clock=fixed_clock(NOW), local=LOCAL,
                       entries=seed_entries() if entries is None else entries,
                       clipboard=clipboard, **kwargs)  # type: ignore[arg-type]
