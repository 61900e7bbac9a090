"""The corpus's command-line cases: `briefing extract` and `briefing brief` with hostile
options, environment variables, file names, devices, URLs and `--out` targets.

Each case is built in its own folder (the child's working folder) and says which exit
statuses the README documents for it: 0 every source loaded, 1 some source failed (the
others still loaded and shown), 2 a usage error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.hostile.corpus import (
    EDGE_DATES,
    GOOD_TITLE,
    LEAKED,
    PROSE,
    ZONES_300,
    Layout,
    _front_matter,
    _html,
    _item,
    _rss,
    good_file,
    make_fifo,
    special_layouts,
)
from tests.hostile.harness import BRIEFING, SECRET

USAGE = frozenset({2})
LOADED = frozenset({0})
FAILED = frozenset({1})
STDIN_OVER_CAP = 11 * 1024 * 1024


@dataclass
class Setup:
    """What a built case runs: arguments after `briefing`, environment overrides, stdin."""

    args: list[str]
    env: dict[str, str | None] = field(default_factory=dict)
    stdin: bytes | Path | None = None
    forbidden: list[str] = field(default_factory=list)
    """Texts that must not reach stdout or stderr (a secret, a file outside the folder)."""
    check: Callable[[object], list[str]] | None = None
    """Further checks on the `Run`; returns what is wrong."""


@dataclass
class CliCase:
    id: str
    build: Callable[[Path, dict[str, int]], Setup]
    expect: frozenset[int]
    needs_good: bool = True
    """The good file is given too and its title must be printed (not for usage errors)."""


def _with_good(folder: Path, *sources: str) -> list[str]:
    return [*sources, str(good_file(folder))]


def _file(name: str, content: str | bytes) -> Callable[[Path], str]:
    def make(folder: Path) -> str:
        path = folder / name
        path.write_bytes(content.encode("utf-8", "surrogatepass")
                         if isinstance(content, str) else content)
        return str(path)
    return make


def _simple(command: list[str], *sources: Callable[[Path], str] | str,
            env: dict[str, str | None] | None = None, extra: list[str] | None = None,
            forbidden: list[str] | None = None) -> Callable[[Path, dict[str, int]], Setup]:
    def build(folder: Path, ports: dict[str, int]) -> Setup:
        made = [s(folder) if callable(s) else s.format(**ports) for s in sources]
        return Setup([*command, *_with_good(folder, *made), *(extra or [])],
                     env=dict(env or {}), forbidden=list(forbidden or []))
    return build


EXTRACT = ["extract", "--json"]
SUMMARY = ["extract"]
BRIEF = ["brief"]


def _dated_cases() -> list[CliCase]:
    """Edge dates where the officer's brief reads them: front matter (every edge date), HTML
    meta and a feed entry (the worst ones), through `brief`, which sorts and windows them;
    and `--published`, `--now`, `BRIEFING_NOW`."""
    cases = []
    worst = ("max-minus5", "min-plus5", "rfc822-year20", "rfc822-offset20", "rfc822-hour20")
    given_labels = ("max-minus5", "min-plus5", "max-utc", "min-utc", "rfc822-offset20",
                    "offset-9999")
    for label, value in EDGE_DATES.items():
        cases.append(CliCase(f"brief-front-matter-{label}",
                             _simple(BRIEF, _file("dated.md", _front_matter(value))), LOADED))
        if label in worst:
            cases += [
                CliCase(f"brief-html-meta-{label}", _simple(BRIEF, _file("dated.html", _html(
                    f'<meta property="article:published_time" content="{value}">'))), LOADED),
                CliCase(f"brief-rss-entry-{label}",
                        _simple(BRIEF, _file("dated.xml", _rss(_item(1, value)))), LOADED),
            ]
        if label in given_labels:
            # every edge value given as an option is a usage error: the guard keeps a day's
            # margin inside the calendar so a window or a zone never runs off it
            given = USAGE
            good = given == LOADED
            cases += [
                CliCase(f"extract-published-option-{label}",
                        _simple(EXTRACT, extra=["--published", value]), given, needs_good=good),
                CliCase(f"brief-now-option-{label}", _simple(BRIEF, extra=["--now", value]),
                        given, needs_good=good),
                CliCase(f"brief-briefing-now-env-{label}",
                        _simple(BRIEF, env={"BRIEFING_NOW": value}), given, needs_good=good),
            ]
    return cases


def _usage_cases() -> list[CliCase]:
    """Values the officer typed that cannot mean anything: refused as a usage error (2),
    named, never a traceback."""
    cases = [
        CliCase("extract-briefing-now-garbage",
                _simple(EXTRACT, env={"BRIEFING_NOW": "garbage"}), USAGE, needs_good=False),
        CliCase("brief-briefing-now-garbage",
                _simple(BRIEF, env={"BRIEFING_NOW": "garbage"}), USAGE, needs_good=False),
        CliCase("extract-briefing-now-max-minus5",
                _simple(EXTRACT, env={"BRIEFING_NOW": EDGE_DATES["max-minus5"]}), USAGE,
                needs_good=False),
        CliCase("brief-period-20-digits-hours",
                _simple(BRIEF, extra=["--period", "12345678901234567890h"]), USAGE,
                needs_good=False),
        CliCase("brief-period-20-digits-days",
                _simple(BRIEF, extra=["--period", "99999999999999999999d"]), USAGE,
                needs_good=False),
        CliCase("brief-period-garbage", _simple(BRIEF, extra=["--period", "garbage"]), USAGE,
                needs_good=False),
        CliCase("brief-period-float-overflow", _simple(BRIEF, extra=["--period", "1e999h"]),
                USAGE, needs_good=False),
    ]
    for label, value in {"garbage": "garbage", "escape": "\x1b[2J\u202e", "empty-month":
                         "2021-13-45T99:99:99Z", "blank": " "}.items():
        cases += [
            CliCase(f"extract-published-{label}", _simple(EXTRACT, extra=["--published", value]),
                    USAGE, needs_good=False),
            CliCase(f"brief-published-{label}", _simple(BRIEF, extra=["--published", value]),
                    USAGE, needs_good=False),
        ]
    return cases


def _zone_cases() -> list[CliCase]:
    """300-character zone names: a usage error where the officer typed one, ignored with a
    word where a source or the environment carries it."""
    cases = []
    for label, zone in ZONES_300.items():
        cases += [
            CliCase(f"extract-zone-option-{label}", _simple(EXTRACT, extra=["--zone", zone]),
                    USAGE, needs_good=False),
            CliCase(f"brief-zone-option-{label}", _simple(BRIEF, extra=["--zone", zone]),
                    USAGE, needs_good=False),
            CliCase(f"brief-source-zone-option-{label}",
                    _simple(BRIEF, extra=["--source-zone", zone]), USAGE, needs_good=False),
            CliCase(f"brief-briefing-tz-env-{label}", _simple(BRIEF, env={"BRIEFING_TZ": zone}),
                    LOADED),
            CliCase(f"brief-config-local-zone-{label}", _config_case(
                f'local_zone = "{_toml(zone)}"\nzones = ["{_toml(zone)}"]\n'), LOADED),
            CliCase(f"brief-front-matter-zone-{label}",
                    _simple(BRIEF, _file("zone.md", _front_matter(zone=zone))), LOADED),
        ]
    return cases


def _toml(text: str) -> str:
    return "".join(c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04x}"
                   for c in text)


def _config_case(content: str) -> Callable[[Path, dict[str, int]], Setup]:
    def build(folder: Path, ports: dict[str, int]) -> Setup:
        config = folder / "config.toml"
        config.write_text(content, encoding="utf-8")
        return Setup([*BRIEF, *_with_good(folder)], env={"BRIEFING_CONFIG": str(config)})
    return build


def _device_cases() -> list[CliCase]:
    """Sources that never end or are not files, and a config that is a device."""

    def env_case(command: list[str], var: str,
                 make: Callable[[Path], str]) -> Callable[[Path, dict[str, int]], Setup]:
        def build(folder: Path, ports: dict[str, int]) -> Setup:
            return Setup([*command, *_with_good(folder)], env={var: make(folder)})
        return build

    def stdin_case(folder: Path, ports: dict[str, int]) -> Setup:
        big = folder / "stdin.txt"
        with big.open("wb") as handle:
            handle.write((PROSE * (STDIN_OVER_CAP // len(PROSE) + 1)).encode())
        return Setup([*EXTRACT, "-", *_with_good(folder)], stdin=big)

    def stdin_zero(folder: Path, ports: dict[str, int]) -> Setup:
        return Setup([*EXTRACT, "-", *_with_good(folder)], stdin=Path("/dev/zero"))

    def layout_case(name: str, command: list[str]) -> Callable[[Path, dict[str, int]], Setup]:
        def build(folder: Path, ports: dict[str, int]) -> Setup:
            layout: Layout = special_layouts()[name](folder)
            return Setup([*command, *layout.sources], forbidden=layout.forbidden)
        return build

    cases = [
        CliCase("extract-dev-zero", _simple(EXTRACT, "/dev/zero"), FAILED),
        CliCase("extract-dev-urandom", _simple(EXTRACT, "/dev/urandom"), FAILED),
        CliCase("brief-dev-zero", _simple(BRIEF, "/dev/zero"), FAILED),
        CliCase("extract-fifo", _simple(
            EXTRACT, lambda f: str(make_fifo(f / "pipe.txt"))), FAILED),
        CliCase("brief-fifo", _simple(BRIEF, lambda f: str(make_fifo(f / "feed.xml"))), FAILED),
        CliCase("extract-stdin-over-cap", stdin_case, FAILED),
        CliCase("extract-stdin-dev-zero", stdin_zero, FAILED),
        CliCase("brief-config-dev-zero", env_case(BRIEF, "BRIEFING_CONFIG",
                                                  lambda f: "/dev/zero"), LOADED),
        CliCase("extract-config-dev-urandom", env_case(EXTRACT, "BRIEFING_CONFIG",
                                                       lambda f: "/dev/urandom"), LOADED),
        CliCase("brief-config-fifo", env_case(BRIEF, "BRIEFING_CONFIG",
                                              lambda f: str(make_fifo(f / "c.toml"))), LOADED),
        CliCase("brief-data-dev-null", env_case(BRIEF, "BRIEFING_DATA",
                                                lambda f: "/dev/null"), LOADED),
        # the FIFO is named as a source not read (exit 1); the folder's other files load
        CliCase("extract-folder-with-fifo", layout_case("folder-with-fifo", EXTRACT), FAILED),
        # A folder is loaded whatever a link in it does; whether a refused link counts as a
        # failed source is the product's call, so both statuses are accepted.
        CliCase("extract-symlink-out-of-folder",
                layout_case("symlink-out-of-folder", EXTRACT), LOADED | FAILED),
        CliCase("brief-symlink-out-of-folder",
                layout_case("symlink-out-of-folder", [*BRIEF, "--annex"]), LOADED | FAILED),
        CliCase("extract-unreadable-folder", layout_case("unreadable-folder", EXTRACT), FAILED),
        CliCase("summary-control-character-file-names",
                layout_case("control-character-file-names", SUMMARY), LOADED),
        CliCase("extract-control-character-file-names",
                layout_case("control-character-file-names", EXTRACT), LOADED),
        CliCase("brief-control-character-file-names",
                layout_case("control-character-file-names", [*BRIEF, "--annex"]), LOADED),
    ]
    return cases


def _url_cases() -> list[CliCase]:
    """Malformed addresses and addresses with a password (which must never be printed)."""
    creds = f"watch:{SECRET}@"
    urls = {
        "unclosed-ipv6": "http://[::1",
        "port-out-of-range": "http://127.0.0.1:99999/",
        "escape-in-host": "http://127.0.0.1\x1b[31m/",
        "escape-in-path": "http://127.0.0.1:{closed}/\x1b[2J\x1b]0;pwned\x07",
        "nul-in-path": "http://127.0.0.1:{closed}/a%00b",  # a raw NUL cannot be in argv
        "bidi-in-host": "http://\u202e1.0.0.721/",
        "no-host": "http://",
        "long-label": "http://" + "a" * 5000 + ".invalid/",
        "password-unclosed-ipv6": f"http://{creds}[::1",
        "password-closed-port": f"http://{creds}127.0.0.1:{{closed}}/feed.xml",
        "password-encoded-closed-port": "http://watch:s3cr3t%2Dpa55@127.0.0.1:{closed}/",
        "password-404": f"http://{creds}127.0.0.1:{{live}}/missing",
        "password-redirect-to-closed": f"http://{creds}127.0.0.1:{{live}}/redirect-closed",
    }
    cases = []
    through_brief = ("escape-in-path", "password-closed-port", "password-404",
                     "password-redirect-to-closed")
    for label, url in urls.items():
        for command, name in ((EXTRACT, "extract"), (BRIEF, "brief")):
            if name == "brief" and label not in through_brief:
                continue
            cases.append(CliCase(f"{name}-url-{label}",
                                 _simple(command, url, forbidden=[SECRET, "s3cr3t%2Dpa55"]),
                                 FAILED))
    live = f"http://{creds}127.0.0.1:{{live}}/page.html"
    cases += [
        CliCase("extract-url-password-live-page", _simple(EXTRACT, live, forbidden=[SECRET]),
                LOADED),
        CliCase("summary-url-password-live-page", _simple(SUMMARY, live, forbidden=[SECRET]),
                LOADED),
        CliCase("brief-url-password-live-page",
                _simple([*BRIEF, "--annex"], live, forbidden=[SECRET]), LOADED),
        CliCase("extract-feed-links-with-password", _simple(EXTRACT, _file("links.xml", _rss(
            f"<item><title>Linked entry</title><link>http://{creds}127.0.0.1:9/story</link>"
            "</item>")), forbidden=[SECRET]), LOADED | FAILED),
    ]
    return cases


def _out_cases() -> list[CliCase]:
    """`--out` onto what is not a plain new file."""

    def out_case(target: Callable[[Path], str], check: Callable[[Path, object], list[str]],
                 ) -> Callable[[Path, dict[str, int]], Setup]:
        def build(folder: Path, ports: dict[str, int]) -> Setup:
            out = target(folder)
            return Setup([*BRIEF, *_with_good(folder), "--out", out],
                         check=lambda run: check(folder, run))
        return build

    def existing_folder(folder: Path) -> str:
        (folder / "briefs").mkdir()
        return str(folder / "briefs")

    def into_folder_or_refused(folder: Path, run: object) -> list[str]:
        inside = [p for p in (folder / "briefs").iterdir()]
        beside = sorted(p.name for p in folder.iterdir() if p.name.startswith("briefs-"))
        wrong = []
        if beside:
            wrong.append(f"the brief went beside the folder, as {beside}")
        code = getattr(run, "code", None)
        if code == 0 and not inside:
            wrong.append("status 0 but no brief in the folder")
        if code == 1 and "briefs" not in getattr(run, "stderr", ""):
            wrong.append("the refusal does not name the folder")
        return wrong

    def dev_null_untouched(folder: Path, run: object) -> list[str]:
        """Writing to /dev/null is discarding the brief, not a reason to make a file beside
        it.  A file the run says it wrote in /dev is removed again (this run made it)."""
        said = re.findall(r"brief written to (/dev/\S+)", getattr(run, "stderr", ""))
        made = [name for name in said if name != "/dev/null"]
        for name in made:
            path = Path(name)
            if path.is_file() and not path.is_symlink():
                path.unlink()
        return [f"a file was written in /dev: {made}"] if made else []

    def written(name: str) -> Callable[[Path, object], list[str]]:
        def check(folder: Path, run: object) -> list[str]:
            files = [p for p in folder.iterdir() if p.name.startswith(name[:5])]
            return [] if files else [f"no brief written for {name!r}"]
        return check

    def missing_named(folder: Path, run: object) -> list[str]:
        return [] if "nowhere" in getattr(run, "stderr", "") else ["the folder is not named"]

    escape_name = "brief\x1b[2J\x1b]0;pwned\x07.txt"
    bidi_name = "brief\u202etxt.exe"
    return [
        CliCase("brief-out-existing-folder", out_case(existing_folder, into_folder_or_refused),
                LOADED | FAILED, needs_good=False),
        CliCase("brief-out-dev-null", out_case(lambda f: "/dev/null", dev_null_untouched),
                LOADED, needs_good=False),
        CliCase("brief-out-escape-name", out_case(lambda f: str(f / escape_name),
                                                  written(escape_name)), LOADED, needs_good=False),
        CliCase("brief-out-bidi-name", out_case(lambda f: str(f / bidi_name),
                                                written(bidi_name)), LOADED, needs_good=False),
        CliCase("brief-out-missing-folder", out_case(
            lambda f: str(f / "nowhere" / "brief.txt"), missing_named), FAILED,
            needs_good=False),
        CliCase("brief-out-escape-folder-missing", out_case(
            lambda f: str(f / "nowhere\x1b[31m" / "brief.txt"), missing_named), FAILED,
            needs_good=False),
    ]


def _big_cases() -> list[CliCase]:
    """The loader's biggest inputs, through the whole command."""
    return [
        # over the 2,000,000-character cap: named with the cap's setting, the rest loads
        CliCase("extract-line-5mb", _simple(EXTRACT, _file(
            "line.txt", PROSE * (5_000_000 // len(PROSE)))), FAILED),
        CliCase("extract-word-1mb", _simple(EXTRACT, _file("word.txt", "a" * 1_000_000)),
                LOADED | FAILED),
        CliCase("extract-html-100k-tags", _simple(EXTRACT, _file(
            "tags.html", _html(body="<span>x</span>" * 100_000))), LOADED),
        CliCase("brief-feed-500-entries", _simple(BRIEF, _file(
            "big.xml", _rss("".join(_item(n) for n in range(500))))), LOADED),
        CliCase("extract-utf16-bom", _simple(EXTRACT, _file(
            "utf16.txt", (PROSE * 3).encode("utf-16"))), LOADED),
        CliCase("extract-utf32-bom", _simple(EXTRACT, _file(
            "utf32.txt", (PROSE * 3).encode("utf-32"))), LOADED),
        CliCase("extract-latin1-meta-charset", _simple(EXTRACT, _file(
            "latin.html", ("<html><head><meta charset='iso-8859-1'><title>Page</title></head>"
                           "<body><article><p>" + "Le ministre a déclaré jeudi à Genève que "
                           "les négociations reprendraient, selon deux responsables. " * 5
                           + "</p></article></body></html>").encode("latin-1"))), LOADED),
        CliCase("extract-whitespace-only", _simple(EXTRACT, _file("blank.txt", " \n\t" * 500)),
                FAILED),
        CliCase("extract-feed-lone-surrogates", _simple(EXTRACT, _file(
            "surrogate.xml", _rss(_item(1, extra="&#xD800; &#55296; &#xDFFF;")))), LOADED),
        CliCase("brief-feed-lone-surrogates", _simple([*BRIEF, "--annex"], _file(
            "surrogate.xml", _rss(_item(1, extra="&#xD800; &#55296; &#xDFFF;")))), LOADED),
        CliCase("summary-text-with-controls", _simple(SUMMARY, _file(
            "controls.txt", f"---\ntitle: \x1b[2JTitle\u202e\n---\n{PROSE}\x1b]0;x\x07"
            f"\u202e{PROSE}\x9b31m{PROSE}")), LOADED),
        CliCase("brief-text-with-controls", _simple([*BRIEF, "--annex"], _file(
            "controls.txt", f"{PROSE}\x1b]0;x\x07\u202e{PROSE}\x9b31m\u2066{PROSE}")), LOADED),
        CliCase("brief-phrases-past-the-edges", _simple([*BRIEF, "--annex"], _file(
            "phrases.txt", PROSE + " The talks ended at 10:00 GMT+24, then at 10:00 +99:99. "
            "The city was founded 3,000 years ago. The vote is on 31 December 9999 at 23:00 "
            "EST. " + PROSE)), LOADED),
    ]


def cli_cases() -> list[CliCase]:
    return [*_dated_cases(), *_usage_cases(), *_zone_cases(), *_device_cases(),
            *_url_cases(), *_out_cases(), *_big_cases()]


def command(setup: Setup) -> list[str]:
    return [BRIEFING, *setup.args]


__all__ = ["GOOD_TITLE", "LEAKED", "CliCase", "Setup", "cli_cases", "command"]
