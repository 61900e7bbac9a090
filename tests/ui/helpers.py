"""Hand-built articles for Pilot tests: UI behaviour must not wait on extractor quality."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from briefing.model import Analysis, Article, Person, Quote, TimeMention
from briefing.pubclock import clock_of

if TYPE_CHECKING:
    from briefing.ui.app import BriefingApp

SEED_ZONE = "America/New_York"


def article(title: str, text: str, *, zone: str | None = SEED_ZONE, key: str = "a",
            outlet: str | None = "Test Wire",
            published: datetime | None = datetime(2021, 12, 30, 22, 2, tzinfo=UTC)) -> Article:
    return Article(title=title, text=text, source=f"/tmp/{key}.txt",
                   content_hash=(key * 64)[:64], clock=clock_of(published, zone), outlet=outlet)


def call_analysis(text: str) -> Analysis:
    """The seed's call: '3:35 p.m. EST' on 30 Dec 2021 is 20:35 UTC; plus a late quote."""
    start = text.index("3:35 p.m. EST")
    call = TimeMention(start, start + len("3:35 p.m. EST"), "3:35 p.m. EST", "TIME",
                       "2021-12-30T15:35",
                       earliest=datetime(2021, 12, 30, 20, 35, tzinfo=UTC),
                       latest=datetime(2021, 12, 30, 20, 35, 59, tzinfo=UTC),
                       zone=SEED_ZONE, zone_basis="explicit")
    quote_text = "would be a colossal mistake that would entail grave consequences."
    q = text.index(quote_text)
    u = text.index("Yuri Ushakov")
    return Analysis(
        text=text,
        people=(Person("Yuri Ushakov", ("foreign affairs adviser",), None, ((u, u + 12),)),),
        times=(call,),
        quotes=(Quote(q, q + len(quote_text), quote_text, "Yuri Ushakov", u, u + 12, "said"),),
    )


async def saved(app, pilot) -> None:
    """Wait until the triage writes asked for are in the store and their rows repainted."""
    for _ in range(200):
        await pilot.pause(0.01)
        if app.triage.idle:
            break
    await pilot.pause()


def seed_article() -> Article:
    """The real seed, loaded as the app loads it."""
    from tests_paths import SEED_ARTICLE

    from briefing.sources import load

    return load(str(SEED_ARTICLE))[0]


def rows(app: BriefingApp) -> list[str]:
    """The article list's rows as text."""
    from briefing.ui.widgets.article_list import ArticleList

    return [str(o.prompt) for o in app.screen.query_one(ArticleList).options]


async def settle(app: BriefingApp, pilot) -> None:
    """Wait until loading, analysing and saving workers have all finished.

    A worker superseded by a newer one of its group (an exclusive regrouping when a second
    source arrives) ends cancelled: that is the app working, so waiting goes on.
    """
    from textual.worker import WorkerCancelled

    for _ in range(50):
        with contextlib.suppress(WorkerCancelled):
            await app.workers.wait_for_complete()
        await pilot.pause()
        if not any(w.is_running for w in app.workers):
            return
