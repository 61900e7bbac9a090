"""`briefing`: the dashboard by default, and the headless subcommands beside it.

    briefing [SOURCES...]                 open the dashboard on those sources (none: the
                                          store's recent articles, or the bundled seeds
                                          while the store is empty)
    briefing extract [--json] [SOURCES]   print what was extracted, one article per line
    briefing brief ...                    write the plain-text morning brief
    briefing refresh                      fetch subscribed feeds into the store

Exit status of the headless commands: 0 when every source loaded, 1 when some failed (each
named on stderr), 2 for a usage error.  Leaving the dashboard with `q` is 0.  Heavy modules
are imported inside the commands, so `--help` stays instant.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, NoReturn, TypeVar

from briefing import __version__
from briefing.core.textclean import visible_controls
from briefing.guard import OutsideValueError, instant, period, zone_name
from briefing.urls import redacted

if TYPE_CHECKING:
    from briefing.article_record import ArticleRecord
    from briefing.config import Config
    from briefing.model import Article
    from briefing.store import Store

_T = TypeVar("_T")

# Subcommands other modules contribute: each exposes `register(subparsers)`.  A module that
# fails to import is a broken install and must say so, so it is imported without a guard.
_SUBCOMMAND_MODULES = ("briefing.cli_brief", "briefing.cli_refresh", "briefing.cli_handover")
SUBCOMMANDS = ("extract", "brief", "refresh", "handover")
"""The first words that select the subcommand parser instead of the dashboard's (a test
checks each is registered)."""


def shown(text: str) -> str:
    """Outside text (a path, a URL, a title, a reason) as the CLI prints it: on one line,
    every control character and bidi override shown as a visible stand-in rather than
    obeyed, and no `user:password@` in any address (a terminal log or a pasted error must
    not carry a feed's password)."""
    return visible_controls(redacted(text).replace("\r\n", " ").replace("\n", " "))


def say(line: str, *, level: str | None = None) -> None:
    """One line: on stdout for results, on stderr for `level` lines ("error", "warning").
    Source and server text can carry escapes and line breaks: neither reaches the terminal,
    and an escape is shown (as ␛) rather than silently dropped."""
    clean = shown(line)
    if level:
        print(f"briefing: {level}: {clean}", file=sys.stderr)
    else:
        print(clean)


def loaded_config() -> Config:
    """The config, each mistake in it named on stderr (the default it falls back to is used)."""
    from briefing.config import load_config

    config = load_config()
    for problem in config.problems:
        say(f"config: {problem}", level="warning")
    return config


class Parser(argparse.ArgumentParser):
    """argparse with one-line usage errors: `briefing: error: <reason>`, exit status 2.

    argparse's own form (the whole usage block, then the reason under the subcommand's
    name) buries the reason; the officer needs the reason and where help is.
    """

    def error(self, message: str) -> NoReturn:
        say(f"{message} (see {self.prog} --help)", level="error")
        raise SystemExit(2)


def _argument(read: Callable[[str], _T]) -> Callable[[str], _T]:
    """An argparse `type=` reading its value through `briefing.guard`: a value out of range
    or malformed is a usage error naming the option and the reason, never a traceback."""

    def convert(text: str) -> _T:
        try:
            return read(text)
        except OutsideValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    convert.__name__ = read.__name__
    return convert


def _published_arg(text: str) -> str:
    """`--published`: a date or time the loaders can read, else a usage error (a typo must
    not silently leave every article undated)."""
    from briefing.pubclock import read_clock

    clock = read_clock(text)
    if not clock.known or (clock.kind == "day" and clock.note):
        reason = (clock.note or f"{text!r} is no date").replace("; left unknown", "")
        raise OutsideValueError(f"{reason}; write ISO 8601 (2021-12-30T17:02:00-05:00, "
                                "2021-12-30) or RFC 822")
    return text


def _period_arg(text: str) -> str:
    """`--period`: checked here, kept as written (the brief says "last 24 h")."""
    period(text)
    return text


zone_arg = _argument(zone_name)
instant_arg = _argument(instant)
published_arg = _argument(_published_arg)
period_arg = _argument(_period_arg)


class ProblemLog:
    """Collects loader problems and prints each as one line on stderr."""

    def __init__(self) -> None:
        self.failed = 0

    def __call__(self, problem: object) -> None:
        fatal = getattr(problem, "fatal", True)
        self.failed += bool(fatal)
        say(str(problem), level="error" if fatal else "warning")

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def add_source_options(parser: argparse.ArgumentParser, zone_flag: str = "--zone") -> None:
    """The options every command that loads articles shares.

    `zone_flag` lets a command whose `--zone` means the display zone (`brief`) name the
    source-zone override differently (`--source-zone`).
    """
    parser.add_argument("sources", nargs="*", metavar="SOURCE",
                        help="files, folders, http(s) URLs or - for stdin "
                             "(default: the bundled seed articles)")
    parser.add_argument("--published", metavar="ISO", type=published_arg,
                        help="publication time for every source, e.g. 2021-12-30T17:02-05:00")
    parser.set_defaults(source_zone_flag=zone_flag)
    parser.add_argument(zone_flag, dest="source_zone", metavar="IANA", type=zone_arg,
                        help="the sources' own time zone, e.g. America/New_York")


def load_sources(args: argparse.Namespace, log: ProblemLog) -> list:
    """Articles for the parsed arguments, reporting problems through `log`."""
    from briefing.resources import seeds_dir
    from briefing.sources import load_many

    sources = args.sources or [str(seeds_dir())]
    articles = load_many(sources, on_error=log, published=args.published,
                         zone=args.source_zone)
    report_clocks(articles)
    return articles


def check_environment(parser: argparse.ArgumentParser) -> None:
    """`BRIEFING_NOW` must be an instant (a usage error, exit 2, like `--now`); a
    `BRIEFING_TZ` that is no zone is named once and the next choice is used."""
    from briefing.clock import zone_setting_problem

    now = os.environ.get("BRIEFING_NOW")
    if now:
        try:
            instant(now)
        except OutsideValueError as exc:
            parser.error(f"BRIEFING_NOW: {exc}")
    problem = zone_setting_problem()
    if problem:
        say(problem, level="warning")


def report_clocks(articles: list[Article]) -> None:
    """A publication date a source wrote but nobody can read is said, naming the source:
    the article is still loaded, undated, and the officer knows why."""
    for article in articles:
        clock = article.clock
        if not clock.known and clock.raw and clock.note:
            say(f"{article.source}: {clock.note}", level="warning")


def analysed(articles: list[Article], log: ProblemLog, store: Store,
             ) -> Iterator[ArticleRecord]:
    """Each article's record, its analysis through the analysis cache the app uses too, so
    a text is analysed once per extractor version; a store that cannot write never stops
    the work (the analysis is returned even when caching it fails).

    The articles themselves are not saved: printing JSON or a brief must not add rows to
    the officer's article list in the dashboard.
    """
    from briefing.article_record import record_for
    from briefing.sources.problems import LoadProblem

    for problem in store.problems:
        log(LoadProblem("store", problem, fatal=False))
    for article in articles:
        yield record_for(store, article)


def _extract(args: argparse.Namespace) -> int:
    from briefing.config import load_config
    from briefing.store import open_configured
    from briefing.story import stories

    log = ProblemLog()
    articles = load_sources(args, log)
    story = dict(zip((id(a) for a in articles), stories(articles), strict=True))
    with open_configured(load_config()) as store:  # a floor's server shares its analyses
        for record in analysed(articles, log, store):
            if args.json:
                line = _json_line(record)
                line["story"] = story[id(record.article)]  # same event, same number
                print(json.dumps(line, ensure_ascii=False))
            else:
                print(_summary(record))
    if not articles and not log.failed:
        say("no articles found", level="error")
        return 1
    return log.exit_code


def _json_line(record: ArticleRecord) -> dict[str, object]:
    """One JSON line: the analysis with the article's fields added.

    An article field that is empty never hides what the analysis found (the zone a dateline
    gave); a publication known only as a local wall time or a day is written as such (ISO
    without an offset), not as null, and `clock` says which it is.  The `source` (a path or
    an address from outside) is shown as `shown` prints it, and addresses lose their
    credentials: JSON escapes C0 controls but not bidi overrides or C1 controls, which a
    terminal or a `jq` reader would obey.
    """
    line = record.analysis.to_dict()
    line.update({k: v for k, v in record.article.to_dict().items()
                 if v is not None or line.get(k) is None})
    if isinstance(line.get("source"), str):
        line["source"] = shown(str(line["source"]))
    if isinstance(line.get("url"), str):
        line["url"] = redacted(str(line["url"]))
    clock = record.clock
    if line.get("published") is None and clock.known:
        if clock.kind == "local" and clock.moment is not None:
            line["published"] = clock.moment.isoformat()
        elif clock.day is not None:
            line["published"] = clock.day.isoformat()
    return line


def _summary(record: ArticleRecord) -> str:
    """A few readable lines per article for people who did not ask for JSON."""
    article, analysis = record.article, record.analysis
    people = ", ".join(p.name for p in analysis.people) or "-"
    places = ", ".join(p.name for p in analysis.places) or "-"
    times = "; ".join(f"{t.text} = {t.value}" for t in analysis.times) or "-"
    return (f"[{article.id}] {shown(article.title)}\n  source: {shown(article.source)}\n"
            f"  who: {people}\n"
            f"  where: {places}\n  when: {times}\n  quotes: {len(analysis.quotes)}  "
            f"open questions: {len(analysis.questions)}\n")


def _dashboard(args: argparse.Namespace) -> int:
    from briefing.ui.app import run_app

    config = loaded_config()
    sources = args.sources or []
    return run_app(sources, config, published=args.published, zone=args.source_zone)


def build_parser() -> tuple[argparse.ArgumentParser, argparse.ArgumentParser]:
    """The dashboard's parser, and the parser of the subcommands."""
    from briefing.config import config_path, data_dir

    main = Parser(
        prog="briefing", description="Terminal dashboard and morning brief for watch officers.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=("subcommands: briefing extract | brief | refresh | handover (each has --help)\n"
                f"config file: {config_path()}\ndata folder: {data_dir()}"))
    main.add_argument("--version", action="version", version=f"briefing {__version__}")
    add_source_options(main)

    commands = Parser(prog="briefing")
    commands.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = commands.add_subparsers(dest="command", required=True)
    extract = sub.add_parser("extract", help="print the extraction of each article")
    add_source_options(extract)
    extract.add_argument("--json", action="store_true",
                         help="one JSON object per article and line (the public shape)")
    extract.set_defaults(handler=_extract)
    for name in _SUBCOMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return main, commands


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    main_parser, command_parser = build_parser()
    try:
        if argv and argv[0] in SUBCOMMANDS:
            args = command_parser.parse_args(argv)
            check_environment(command_parser)
            return int(args.handler(args))
        args = main_parser.parse_args(argv)
        check_environment(main_parser)
        return _dashboard(args)
    except BrokenPipeError:
        # The reader went away (`briefing extract --json | head`): stop quietly.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
