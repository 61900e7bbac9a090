"""User settings from TOML in the platform config folder (or `BRIEFING_CONFIG`).

A missing file means defaults; a broken one is reported with its line and defaults are used,
so a typo never keeps the officer from the dashboard.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from briefing.clock import valid_zone

APP_NAME = "briefing"


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
    problems: tuple[str, ...] = ()
    """What was wrong with the file, for the app to show once."""


def _build(data: dict[str, object], problems: list[str]) -> Config:
    base = Config()
    values: dict[str, object] = {}
    zones = data.get("zones", base.zones)
    if isinstance(zones, list):
        good = tuple(z for z in zones if isinstance(z, str) and valid_zone(z))
        problems.extend(f"unknown zone {z!r} ignored" for z in zones if z not in good)
        values["zones"] = good
    for key in ("default_zone", "local_zone"):
        zone = data.get(key)
        if zone is not None:
            if isinstance(zone, str) and valid_zone(zone):
                values[key] = zone
            else:
                problems.append(f"{key} {zone!r} is not an IANA zone; using the default")
    for key in ("locale", "theme", "brief_dir"):
        if isinstance(data.get(key), str):
            values[key] = data[key]
    if isinstance(data.get("keymap"), dict):
        values["keymap"] = {str(k): str(v) for k, v in data["keymap"].items()}  # type: ignore[union-attr]
    if isinstance(data.get("feeds"), list):
        values["feeds"] = tuple(str(f) for f in data["feeds"])  # type: ignore[union-attr]
    return Config(**values, problems=tuple(problems))  # type: ignore[arg-type]


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as exc:
        return Config(problems=(f"{path}: cannot read ({exc}); using defaults",))
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        return Config(problems=(f"{path}: {exc}; using defaults",))
    problems: list[str] = []
    config = _build(data, problems)
    if problems:
        prefixed = tuple(f"{path}: {p}" for p in problems)
        config = Config(**{**config.__dict__, "problems": prefixed})
    return config
