"""WHERE: places, with their kind and country."""

from __future__ import annotations

from textual.content import Content

from briefing.model import Analysis
from briefing.ui.safe import visible_controls
from briefing.ui.widgets.fact_pane import FactItem, FactPane


class WherePane(FactPane):
    TITLE = "WHERE"
    NUMBER = 3
    EMPTY = "no places found"

    def build(self, analysis: Analysis, zone: str, locale: str) -> list[FactItem]:
        items: list[FactItem] = []
        for place in analysis.places:
            where = ", ".join(filter(None, (place.kind, place.country)))
            prompt = Content.assemble((visible_controls(place.name), "bold"),
                                      (f" — {where}", "$text-muted"))
            span = place.mentions[0] if place.mentions else None
            items.append(FactItem(prompt, span, f"{place.name} ({where})"))
        return items
