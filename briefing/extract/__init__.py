"""Text to facts: pure, deterministic, offline.  Knows nothing of Textual, httpx or SQLite."""

from briefing.extract.pipeline import analyze, extractor_version

__all__ = ["analyze", "extractor_version"]
