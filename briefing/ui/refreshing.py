"""The `r` key: fetch the subscribed feeds (config `feeds`) into the store, off the UI thread.

`briefing.subscriptions.refresh` does the work (conditional GET, one transaction per feed); this
module only runs it in a thread worker (group `refresh`) and posts each feed's outcome back
with the entries it added, so they join the list while the next feed is fetched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.worker import WorkerState, get_current_worker

from briefing.ui.messages import FeedRefreshed, RefreshFinished

if TYPE_CHECKING:
    from briefing.subscriptions import FeedOutcome
    from briefing.ui.host import Dashboard


def refreshing(app: Dashboard) -> bool:
    return any(w.group == "refresh" and w.state in (WorkerState.PENDING, WorkerState.RUNNING)
               for w in app.workers)


def start_refresh(app: Dashboard) -> None:
    """Read the config's feeds as they are now (a feed added while the app runs counts);
    a broken file keeps the last good list and says why."""
    from briefing.config import config_path, reload_feeds
    from briefing.subscriptions import subscriptions

    if app.config_file is not None:
        app.config, problem = reload_feeds(app.config, app.config_file)
        if problem:
            app.notify(problem, title="Config problem", severity="warning", markup=False,
                       timeout=12)
    urls = subscriptions(app.config)
    if not urls:
        app.notify(f'No feeds to refresh: list them in {config_path()} as '
                   f'feeds = ["https://example.org/rss.xml"]', title="Refresh",
                   severity="warning", markup=False, timeout=10)
        return
    if refreshing(app):
        app.notify("A refresh is already running", title="Refresh", severity="warning")
        return
    app.notify(f"Fetching {len(urls)} feed{'s' * (len(urls) != 1)}…", title="Refresh",
               timeout=3)
    _refresh(app, list(urls))


@work(thread=True, group="refresh", exclusive=True, exit_on_error=False,
      description="refreshing feeds")
def _refresh(app: Dashboard, urls: list[str]) -> None:
    """Feeds one after another; quitting cancels the fetch under way and stores nothing of it."""
    from briefing.store import StoreError
    from briefing.subscriptions import refresh

    worker = get_current_worker()
    store = app.store

    done: list[FeedOutcome] = []

    def on_feed(outcome: FeedOutcome) -> None:
        done.append(outcome)
        articles = [a for a in map(store.article, outcome.new) if a is not None]
        app.triage.learn(a.id for a in articles)  # here, not from the UI thread per row
        app.post_message(FeedRefreshed(outcome, articles))

    error: str | None = None
    try:
        refresh(store, urls, clock=app.clock, on_feed=on_feed,
                           cancelled=lambda: worker.is_cancelled)
    except StoreError as exc:  # feeds already reported were saved; this one was not
        error = str(exc)
    if not worker.is_cancelled:
        app.post_message(RefreshFinished(len(done), sum(len(o.new) for o in done),
                                         sum(not o.ok for o in done), error))
