"""`briefing handover [--since WHEN]`: what changed on the floor since the last brief.

Exit status: 0 with the handover printed, 1 when the store cannot be used, 2 for a bad
`--since`.
"""

from __future__ import annotations

import argparse
import sys

from briefing.cli import say


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "handover", help="what changed since the last brief was exported",
        description="New stories, flags and notes (with their authors) and the watch items "
                    "resolved or still open, since the last exported brief (each brief "
                    "records when it was made) or since --since.")
    parser.add_argument("--since", metavar="WHEN",
                        help="an ISO instant with its offset (2021-12-31T06:00:00Z) instead "
                             "of the last brief's time")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from briefing.clock import clock_from_env, parse_now
    from briefing.config import load_config
    from briefing.handover import build_handover, render_handover
    from briefing.store import open_configured

    try:
        since = parse_now(args.since) if args.since else None
    except ValueError as exc:  # briefing.guard.OutsideValueError: a one-line usage error
        say(f"--since: {exc}", level="error")
        return 2
    try:
        now = clock_from_env()()
    except ValueError as exc:
        say(f"BRIEFING_NOW: {exc}", level="error")
        return 2
    config = load_config()
    with open_configured(config) as store:
        if not store.persistent:
            say("; ".join(store.problems) or "no store to hand over from", level="error")
            return 1
        sys.stdout.write(render_handover(build_handover(store, since), now))
    return 0
