"""`briefing refresh`: fetch the subscribed feeds into the store, headless (cron, a second
terminal beside the dashboard).

Exit status: 0 when every feed was fetched (new or not), 1 when any failed or the store
cannot be used, 2 when there is nothing to refresh (no feeds configured or given).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from briefing.cli import say

if TYPE_CHECKING:
    from briefing.subscriptions import FeedOutcome


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "refresh", help="fetch subscribed feeds into the store",
        description="Fetch each feed listed under `feeds` in the config (or given here) with a "
                    "conditional GET, add entries not yet held, keep the old ones.")
    parser.add_argument("feeds", nargs="*", metavar="FEED_URL",
                        help="feeds to fetch instead of the configured subscriptions")
    parser.set_defaults(handler=run)


def _report(outcome: FeedOutcome) -> None:
    """One line for the feed, then one line per entry that failed and per caveat."""
    if outcome.outcome == "failed":
        say(f"{outcome.url}: {outcome.error}", level="error")
        return
    say(str(outcome))
    for failure in outcome.failures:
        say(str(failure), level="error")
    for warning in outcome.warnings:
        say(warning, level="warning")


def run(args: argparse.Namespace) -> int:
    from briefing.config import config_path, load_config
    from briefing.store import Store, StoreError, store_target
    from briefing.subscriptions import refresh, subscriptions

    config = load_config()
    for problem in config.problems:
        say(f"config: {problem}", level="warning")
    urls = tuple(args.feeds) or subscriptions(config)
    if not urls:
        say(f"no feeds to refresh: list them in {config_path()} as "
             'feeds = ["https://example.org/rss.xml"], or name them here', level="error")
        return 2
    try:
        store = Store.open(store_target(config.store), officer=config.officer)
    except StoreError as exc:
        say(f"{exc}; nothing was fetched", level="error")
        return 1
    with store:
        for problem in store.problems:
            say(problem, level="warning")
        try:
            outcomes = refresh(store, urls, on_feed=_report)
        except StoreError as exc:  # feeds already reported were saved; this one was not
            say(str(exc), level="error")
            return 1
    new = sum(len(o.new) for o in outcomes)
    failed = sum(o.outcome == "failed" for o in outcomes)
    lost = sum(len(o.failures) for o in outcomes)
    summary = f"{new} new article{'s' * (new != 1)} from {len(outcomes)} feed(s)"
    if failed:
        summary += f"; {failed} failed"
    if lost:
        summary += f"; {lost} entr{'ies' if lost != 1 else 'y'} could not be loaded"
    say(summary)
    return 1 if failed or lost else 0
