"""briefing: a terminal dashboard and plain-text morning brief for watch officers.

The public API is `analyze`, `load` and `stories` (which lives in `briefing.story`: a
submodule named `stories` would shadow the function); all are imported lazily so that
`import briefing` stays cheap and never pulls in the TUI.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.about import __version__

__all__ = ["__version__", "analyze", "load", "stories"]

if TYPE_CHECKING:
    from briefing.extract import analyze
    from briefing.sources import load
    from briefing.story import stories


def __getattr__(name: str) -> Any:
    if name == "analyze":
        from briefing.extract import analyze

        return analyze
    if name == "load":
        from briefing.sources import load

        return load
    if name == "stories":
        from briefing.story import stories

        return stories
    raise AttributeError(f"module 'briefing' has no attribute {name!r}")
