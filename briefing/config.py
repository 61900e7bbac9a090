"""User settings from TOML in the platform config folder (or `BRIEFING_CONFIG`).

A missing file means defaults; a broken one is reported with its line and defaults are used,
so a typo never keeps the officer from the dashboard.
"""

from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefing.clock import valid_zone
from briefing.guard import OutsideValueError, positive_int, shown

APP_NAME = "briefing"
MAX_RECENT_DAYS = 3653
"""Ten years: `recent_days` beyond it reaches past any store, and far enough it overflows
the date arithmetic that looks it up."""


def config_path() -> Path:
    override = os.environ.get("BRIEFING_CONFIG")
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path(APP_NAME) / "config.toml"


def data_dir() -> Path:
    """Where the store lives: `BRIEFING_DATA`, else the platform data folder."""
    override = os.environ.get("BRIEFING_DATA")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME)


@dataclass(frozen=True)
class Config:
    zones: tuple[str, ...] = ("Europe/Moscow", "Asia/Tokyo")
    """Extra zones in the zone cycle and the header's world clocks."""
    default_zone: str = "UTC"
    local_zone: str | None = None
    """The operator's zone; None means BRIEFING_TZ or the host's."""
    locale: str = "en_GB"
    theme: str = "briefing"
    keymap: dict[str, str] = field(default_factory=dict)
    brief_dir: str | None = None
    """Where `e` writes briefs; None means the platform documents folder."""
    feeds: tuple[str, ...] = ()
    watch: tuple[str, ...] = ()
    """Watch terms (`watch = ["Kherson", "ammonia"]`): articles that mention one are marked
    in the list, lead the brief's BLUF and carry a "WATCH: term" tag."""
    recent_days: int = 7
    """With no sources given, the dashboard lists the store's articles added this many
    days back (subscriptions, earlier loads)."""
    officer: str | None = None
    """Whose marks these are on a shared store; None means the login name."""
    store: str | None = None
    """A `postgresql://` address the floor shares (`BRIEFING_DATABASE_URL` overrides);
    None means the SQLite file in the data folder."""
    problems: tuple[str, ...] = ()
    """What was wrong with the file, for the app to show once."""


def valid_locale(value: str) -> str | None:
    """`value` as the babel locale name every formatter takes ("en_GB"), or None if babel
    does not know it.  Accepts the BCP 47 spelling officers type too ("en-GB")."""
    from babel import Locale, UnknownLocaleError

    for sep in ("_", "-"):
        try:
            return str(Locale.parse(value, sep=sep))
        except (ValueError, TypeError, UnknownLocaleError):
            continue
    return None


def _strings(key: str, value: object, problems: list[str]) -> tuple[str, ...] | None:
    """A TOML array of strings; anything else is a problem (named), never a silent skip."""
    if not isinstance(value, list):
        problems.append(f"{key} must be a list of strings, e.g. {key} = [\"...\"]; ignored")
        return None
    bad = [v for v in value if not isinstance(v, str)]
    problems.extend(f"{key}: {v!r} is not a string; ignored" for v in bad)
    return tuple(v for v in value if isinstance(v, str))


def _keymap(value: object, problems: list[str]) -> dict[str, str] | None:
    if not isinstance(value, dict):
        problems.append("keymap must be a table of binding id = \"keys\"; ignored")
        return None
    good = {k: v for k, v in value.items() if isinstance(v, str)}
    problems.extend(f"keymap.{k}: {v!r} is not a string of keys; ignored"
                    for k, v in value.items() if k not in good)
    return good


Values = dict[str, object]


def _build(data: Values, problems: list[str]) -> Config:
    """The settings `data` gives, each checked by its own reader; a bad value is named in
    `problems` and the default kept, so one typo never costs the officer the whole file."""
    values: dict[str, object] = {}
    known = set(Config.__dataclass_fields__) - {"problems"}
    problems.extend(f"unknown setting {key!r} ignored" for key in data if key not in known)
    for read in (_zones, _plain_strings, _locale, _store, _lists, _recent_days):
        read(data, values, problems)
    return Config(**values, problems=tuple(problems))  # type: ignore[arg-type]



def _zones(data: Values, values: Values, problems: list[str]) -> None:
    if "zones" in data and (zones := _strings("zones", data["zones"], problems)) is not None:
        values["zones"] = tuple(z for z in zones if valid_zone(z))
        problems.extend(f"unknown zone {shown(z)} ignored" for z in zones if not valid_zone(z))
    for key in ("default_zone", "local_zone"):
        zone = data.get(key)
        if zone is None:
            continue
        if isinstance(zone, str) and valid_zone(zone):
            values[key] = zone
        else:
            problems.append(f"{key} {shown(zone)} is not an IANA zone; using the default")


def _plain_strings(data: Values, values: Values, problems: list[str]) -> None:
    for key in ("locale", "theme", "brief_dir", "officer"):
        if key in data and not isinstance(data[key], str):
            problems.append(f"{key} must be a string, not {data[key]!r}; using the default")
        elif key in data:
            values[key] = data[key]


def _locale(data: Values, values: Values, problems: list[str]) -> None:
    """After `_plain_strings`: the locale in the spelling babel's formatters take."""
    if "locale" not in values:
        return
    locale = valid_locale(str(values["locale"]))
    if locale is None:
        problems.append(f"locale {values['locale']!r} is not a known locale (e.g. en_GB);"
                        f" using {Config.locale}")
        del values["locale"]
    else:
        values["locale"] = locale


def _store(data: Values, values: Values, problems: list[str]) -> None:
    if "store" not in data:
        return
    store = data["store"]
    if isinstance(store, str) and store.startswith(("postgresql://", "postgres://")):
        values["store"] = store
    else:
        problems.append(f"store must be a postgresql://user@host/database address, not "
                        f"{store!r}; using the SQLite file")


def _lists(data: Values, values: Values, problems: list[str]) -> None:
    if "keymap" in data and (keymap := _keymap(data["keymap"], problems)) is not None:
        values["keymap"] = keymap
    if "feeds" in data and (feeds := _strings("feeds", data["feeds"], problems)) is not None:
        values["feeds"] = feeds
    if "watch" in data and (watch := _strings("watch", data["watch"], problems)) is not None:
        values["watch"] = tuple(dict.fromkeys(t.strip() for t in watch if t.strip()))


def _recent_days(data: Values, values: Values, problems: list[str]) -> None:
    if "recent_days" not in data:
        return
    days = data["recent_days"]
    try:  # only a TOML integer is a number of days here, not the string "7"
        values["recent_days"] = positive_int(None if isinstance(days, str) else days,
                                             MAX_RECENT_DAYS, "recent_days")
    except OutsideValueError:
        problems.append(f"recent_days must be a whole number of days from 1 to "
                        f"{MAX_RECENT_DAYS}, not {shown(data['recent_days'])}; "
                        f"using {Config.recent_days}")


_MAX_CONFIG_BYTES = 1 << 20
"""A config is a page of settings: more than a megabyte is not one."""


def _read(path: Path) -> tuple[dict[str, object] | None, str | None]:
    """The file's table ({} when there is no file), or None and why it cannot be read."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # /dev/zero, a FIFO: never opened
            return None, f"{path}: cannot read (not a regular file)"
        with path.open("rb") as stream:
            data = stream.read(_MAX_CONFIG_BYTES + 1)
        if len(data) > _MAX_CONFIG_BYTES:
            return None, f"{path}: cannot read (over {_MAX_CONFIG_BYTES:,} bytes)"
        raw = data.decode("utf-8")
    except FileNotFoundError:
        return {}, None
    except (OSError, UnicodeDecodeError) as exc:
        return None, f"{path}: cannot read ({exc})"
    try:
        return tomllib.loads(raw), None
    except tomllib.TOMLDecodeError as exc:
        # tomllib names a line except when the file ends inside a value (an unclosed "["
        # or quote): say where the file ends, so the officer still has a line to look at.
        where = f"at end of file, line {raw.count(chr(10)) + (not raw.endswith(chr(10)))}"
        return None, f"{path}: {str(exc).replace('at end of document', where)}"


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    data, broken = _read(path)
    if data is None:
        return Config(problems=(f"{broken}; using defaults",))
    config = _build(data, [])
    return replace(config, problems=tuple(f"{path}: {p}" for p in config.problems))


def reload_feeds(current: Config, path: Path | None = None) -> tuple[Config, str | None]:
    """`current` with the feeds the file lists now (the dashboard's `r`).

    A file that cannot be read or parsed keeps the feeds read last, and the second value
    says why; so does a `feeds` value that is not a list of strings.
    """
    path = path or config_path()
    data, broken = _read(path)
    if data is None:
        return current, f"{broken}; keeping the feeds read before"
    problems: list[str] = []
    feeds = _strings("feeds", data["feeds"], problems) if "feeds" in data else ()
    if feeds is None:
        return current, f"{path}: {problems[0]}; keeping the feeds read before"
    problem = "; ".join(f"{path}: {p}" for p in problems) or None
    return replace(current, feeds=feeds), problem
