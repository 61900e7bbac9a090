"""Text to facts: pure, deterministic, offline.  Knows nothing of Textual, httpx or SQLite.

`analyze` is imported lazily so that a submodule (the segmenter, say) can be used without
loading every extractor and its gazetteers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.extract.version import extractor_version

if TYPE_CHECKING:
    from briefing.extract.pipeline import analyze

__all__ = ["analyze", "extractor_version"]


def __getattr__(name: str) -> Any:
    if name == "analyze":
        from briefing.extract import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'briefing.extract' has no attribute {name!r}")
