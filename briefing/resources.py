"""The one place that locates the bundled `seeds/` and `styles/` folders.

They live at the project's top level (the design card) and are copied into the wheel as
`briefing/_data/...` by hatchling's force-include, so an installed package and a source
checkout both find them.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """The folder `name` ("seeds" or "styles"), installed copy first, then the checkout's."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled folder {name!r} is missing from this installation")


def seeds_dir() -> Path:
    return resource_dir("seeds")


def styles_dir() -> Path:
    return resource_dir("styles")
