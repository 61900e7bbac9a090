"""QUOTES: who said what, verbatim (shown literally: quotes are untrusted text)."""

from __future__ import annotations

from textual.content import Content

from briefing.model import Analysis
from briefing.ui.safe import one_line
from briefing.ui.widgets.fact_pane import FactItem, FactPane


class QuotesPane(FactPane):
    TITLE = "QUOTES"
    NUMBER = 4
    EMPTY = "no quotes found"

    def build(self, analysis: Analysis, zone: str, locale: str) -> list[FactItem]:
        items: list[FactItem] = []
        for quote in analysis.quotes:
            speaker = quote.speaker or "unattributed"
            prompt = Content.assemble(
                (one_line(speaker, 40), "bold" if quote.speaker else "italic $text-muted"),
                ": ",
                # The quote keeps its own marks (and, for a partial quote, the clause it
                # completes), so the officer sees exactly which words are the speaker's.
                one_line(quote.text.strip(), 160),
            )
            copy = f"{speaker}: {quote.text.strip()}"
            items.append(FactItem(prompt, (quote.start, quote.end), copy))
        return items
