"""WHO: people (named and unnamed sources) and organisations."""

from __future__ import annotations

from textual.content import Content

from briefing.model import Analysis
from briefing.ui.safe import visible_controls
from briefing.ui.widgets.fact_pane import FactItem, FactPane


class WhoPane(FactPane):
    TITLE = "WHO"
    NUMBER = 1
    EMPTY = "no people or organisations found"

    def build(self, analysis: Analysis, zone: str, locale: str) -> list[FactItem]:
        items: list[FactItem] = []
        for person in analysis.people:
            details = ", ".join(filter(None, (*person.roles, person.affiliation)))
            prompt = Content.assemble(
                (visible_controls(person.name), "bold"),
                (" (unnamed source)", "italic $text-muted") if person.anonymous else "",
                (f" — {visible_controls(details)}", "$text-muted") if details else "",
                (f" ×{person.references}", "$text-muted") if person.references > 1 else "",
            )
            span = person.mentions[0] if person.mentions else None
            copy = f"{person.name} ({details})" if details else person.name
            items.append(FactItem(prompt, span, copy))
        for org in analysis.organizations:
            prompt = Content.assemble((visible_controls(org.name), "bold"),
                                      (" org", "italic $text-muted"))
            items.append(FactItem(prompt, org.mentions[0] if org.mentions else None, org.name))
        return items
