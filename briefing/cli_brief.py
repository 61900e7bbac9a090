"""`briefing brief`: the morning brief, headless (cron, a handover script, re-issuing one).

    briefing brief [SOURCES...] --zone Z --out FILE [--period 24h] [--flagged-only] [--now ISO]
                   [--watch TERMS] [--annex]

`--out -` or no `--out` prints to standard output.  Exit status: 0 written; 1 when a source
failed (the brief is still written from the others), when no article is left to brief, or
when the file cannot be written (nothing is left half-written); 2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.config import Config
    from briefing.store import Store


def register(subparsers: argparse._SubParsersAction) -> None:
    from briefing.cli import add_source_options, instant_arg, period_arg, zone_arg

    parser = subparsers.add_parser(
        "brief", help="write the plain-text morning brief",
        description="Write the morning brief (72 columns, DTGs in Z) for the given sources.")
    add_source_options(parser, zone_flag="--source-zone")
    parser.add_argument("--zone", metavar="IANA", default=None, type=zone_arg,
                        help="display zone for the timeline (default: your local zone)")
    parser.add_argument("--out", metavar="FILE", default="-",
                        help="file to write (never overwritten: a numbered name is used "
                             "instead); - for standard output (the default)")
    parser.add_argument("--period", metavar="SPAN", default=None, type=period_arg,
                        help="only articles published in this span before now, e.g. 24h, "
                             "12h, 7d (default: every article given)")
    parser.add_argument("--flagged-only", action="store_true",
                        help="only the articles flagged in the dashboard")
    parser.add_argument("--now", metavar="ISO", default=None, type=instant_arg,
                        help="the brief's DTG, e.g. 2021-12-31T06:00:00Z (default: "
                             "BRIEFING_NOW, else the clock)")
    parser.add_argument("--watch", metavar="TERMS", action="append", default=None,
                        help="watch terms, comma-separated or repeated (default: the "
                             "config's `watch`); their stories lead the BLUF")
    parser.add_argument("--annex", action="store_true",
                        help="add every article in full and every time note (long)")
    parser.add_argument("--locale", default=None, help="locale for day and month names "
                        "(default: the config's, en_GB)")
    parser.set_defaults(handler=run, brief_parser=parser)


def _error(message: str) -> int:
    from briefing.cli import say

    say(message, level="error")
    return 1


def _options(args: argparse.Namespace, config: Config
             ) -> tuple[str, datetime, timedelta | None, str]:
    """Zone, now, period and locale from the arguments; a bad value is a usage error."""
    from briefing.clock import clock_from_env, local_zone
    from briefing.config import valid_locale
    from briefing.guard import OutsideValueError
    from briefing.guard import period as read_period
    from briefing.guard import shown as quoted

    parser: argparse.ArgumentParser = args.brief_parser
    zone = args.zone or local_zone(config.local_zone)  # both already checked
    try:  # `--now` was read by its option; this reads BRIEFING_NOW
        now = args.now or clock_from_env()()
    except OutsideValueError as exc:
        parser.error(f"BRIEFING_NOW: {exc}")
    period = read_period(args.period) if args.period else None  # checked by its option
    try:
        _ = now - period if period else now
    except OverflowError:
        parser.error(f"--period {args.period} reaches before the year 1 from "
                     f"{now.date().isoformat()}")
    from briefing.watchterms import parse_terms

    args.watch_terms = parse_terms(args.watch) if args.watch else config.watch
    locale = config.locale  # already checked by load_config
    if args.locale is not None:
        locale = valid_locale(args.locale) or parser.error(
            f"--locale {quoted(args.locale)} is not a known locale (e.g. en_GB, fr_FR)")
    return zone, now, period, locale


def run(args: argparse.Namespace) -> int:
    from briefing.cli import loaded_config
    from briefing.store import open_configured

    config = loaded_config()  # read once: its mistakes said once
    zone, now, period, locale = _options(args, config)
    # One store for the flags and the analyses, closed after.
    with open_configured(config) as store:
        return _brief(args, store, zone=zone, now=now, period=period, locale=locale)


def _brief(args: argparse.Namespace, store: Store, *, zone: str, now: datetime,
           period: timedelta | None, locale: str) -> int:
    from briefing.brief import render_brief, write_brief
    from briefing.brief.rank import in_period
    from briefing.cli import ProblemLog, analysed, load_sources
    from briefing.core.timefmt import dtg

    log = ProblemLog()
    articles = load_sources(args, log)
    flagged = store.flagged()  # in the order the officer flagged them: the brief's order
    if args.flagged_only:
        wanted = set(flagged)
        articles = [a for a in articles if a.id in wanted]
        if not articles:
            return _error("no flagged article among the sources (flag them with f in "
                          "the dashboard)")
    if not articles:
        return _error("no articles to brief: " + (", ".join(args.sources) or "seeds"))
    # Only the articles in the period are analysed; the others are only counted.
    briefed = [a for a in articles if in_period(a, now, period)]
    if period is not None and not briefed:
        return _error(f"none of the {len(articles)} articles was published in the "
                      f"{args.period} before {dtg(now)}; widen --period")
    notes = {a.id: store.triage(a.id).shown_note(store.officer) for a in briefed}
    text = render_brief(list(analysed(briefed, log, store)), zone=zone, now=now,
                        period=period, locale=locale, flagged=flagged, notes=notes,
                        left_out=len(articles) - len(briefed),
                        watch=args.watch_terms,
                        annex=args.annex)
    if args.out in (None, "-"):
        sys.stdout.write(text)
        sys.stdout.flush()
        _record(store, None, flagged)
        return log.exit_code
    try:
        written = write_brief(text, args.out)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return _error(f"cannot write the brief to {args.out}: {reason}")
    _record(store, str(written), flagged)
    from briefing.cli import shown

    print(f"briefing: brief written to {shown(str(written))}", file=sys.stderr)
    return log.exit_code


def _record(store: Store, path: str | None, flagged: list[str]) -> None:
    """The brief was made now: the next `briefing handover` starts here.  A store that
    cannot record it costs the handover its start, not the brief; it is said."""
    from briefing.store import StoreError

    if not store.persistent:
        return
    try:
        store.record_brief(path, flagged)
    except StoreError as exc:
        from briefing.cli import say

        say(f"the brief's time was not recorded ({exc})", level="warning")
