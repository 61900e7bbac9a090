"""What every extractor is handed: the text, its segmentation and its publication anchor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING

from briefing.core.segment import Segmentation
from briefing.pubclock import UNKNOWN, PubClock

if TYPE_CHECKING:
    from briefing.extract.gender import Votes
    from briefing.extract.mentions import Quotations
    from briefing.extract.names import HeadlineNames, Run
    from briefing.extract.tagger import Tags


@dataclass(frozen=True)
class Context:
    text: str
    clock: PubClock = UNKNOWN
    """The publication clock, with the dateline's zone where the source gave none."""

    @cached_property
    def published(self) -> datetime | None:
        """Aware, in the source's zone or the offset it wrote (not converted), or None."""
        anchor = self.clock.anchor
        if isinstance(anchor, datetime) and anchor.tzinfo is not None:
            return anchor
        return None

    @property
    def published_date(self) -> date | None:
        """The publication's calendar date in the source's wall clock (even date-only)."""
        return self.clock.day

    @property
    def zone(self) -> str | None:
        """IANA zone of the source's wall clock, when known."""
        return self.clock.zone

    @cached_property
    def gender_votes(self) -> Votes:
        """Each mention's votes on a person's gender (gender.genders), read once for WHO's
        pronouns and QUOTES' speakers."""
        return {}

    @cached_property
    def seg(self) -> Segmentation:
        return Segmentation(self.text)

    @cached_property
    def runs(self) -> list[Run]:
        """Capitalised runs, read once for WHO and WHERE alike."""
        from briefing.extract.names import runs

        return runs(self.text, self.seg)

    @cached_property
    def quoted(self) -> list[tuple[int, int]]:
        """Quotation spans (quotemarks.py), paired once for QUOTES and OPEN QUESTIONS."""
        from briefing.extract.quotemarks import quoted_spans

        return quoted_spans(self.text, self.seg)

    @cached_property
    def quotations(self) -> Quotations:
        """The quotation spans with the text blanked inside them, for reading speakers."""
        from briefing.extract.mentions import Quotations

        return Quotations.of(self.text, self.quoted)

    @cached_property
    def headlines(self) -> list[tuple[int, int]]:
        """The title-case paragraphs (headlines, related-story links): their capitals carry
        no evidence of a name (names.is_headline)."""
        from briefing.extract.names import is_headline

        return [(s, e) for s, e in self.seg.paragraphs if is_headline(self.text, s, e)]

    @cached_property
    def headline_names(self) -> HeadlineNames:
        """Which names stand only in the headlines (names.HeadlineNames)."""
        from briefing.extract.names import HeadlineNames

        return HeadlineNames(self.text, self.headlines)

    @cached_property
    def defined_places(self) -> dict[str, str]:
        """Names the text defines as places ("Ferns is a small town"), with their kind
        (placedefs.py), and the buildings it puts something at ("at the Corvell Space
        Center"): WHO leaves them to WHERE."""
        from briefing.extract.placedefs import defined_places, placed_buildings

        return {**placed_buildings(self.text), **defined_places(self.text)}

    @cached_property
    def tags(self) -> Tags:
        """The entity model's reading of the text (tagger.py), once for WHO and WHERE."""
        from briefing.extract.tagger import Tags, place_pairs

        anchors = [(t.start, t.text) for run in self.runs for t in run.tokens]
        pairs = {start for run in self.runs if len(run.tokens) > 1
                 for start in place_pairs(self.text, run.tokens)}
        return Tags(self.text, self.seg.sentences, anchors=anchors, unsettled=pairs)
