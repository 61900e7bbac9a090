"""What every extractor is handed: the text, its segmentation and its publication anchor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from briefing.extract.segment import Segmentation

if TYPE_CHECKING:
    from briefing.extract.names import Run
    from briefing.extract.tagger import Tags


@dataclass(frozen=True)
class Context:
    text: str
    published: datetime | None = None
    """Aware, in the offset the source wrote (not converted), or None."""
    published_date: date | None = None
    """The publication's calendar date in the source's wall clock (even date-only)."""
    zone: str | None = None
    """IANA zone of the source's wall clock, when known."""

    @cached_property
    def seg(self) -> Segmentation:
        return Segmentation(self.text)

    @cached_property
    def runs(self) -> list[Run]:
        """Capitalised runs, read once for WHO and WHERE alike."""
        from briefing.extract.names import runs

        return runs(self.text, self.seg)

    @cached_property
    def tags(self) -> Tags:
        """The entity model's reading of the text (tagger.py), once for WHO and WHERE."""
        from briefing.extract.tagger import Tags

        anchors = [(t.start, t.text) for run in self.runs for t in run.tokens]
        return Tags(self.text, self.seg.sentences, anchors=anchors)
