"""OPEN QUESTIONS: what is unknown, pending, conditional, unconfirmed or disputed."""

from __future__ import annotations

from textual.content import Content

from briefing.model import Analysis
from briefing.ui.safe import one_line
from briefing.ui.widgets.fact_pane import FactItem, FactPane


class QuestionsPane(FactPane):
    TITLE = "OPEN QUESTIONS"
    NUMBER = 5
    EMPTY = "no open questions found"

    def build(self, analysis: Analysis, zone: str, locale: str) -> list[FactItem]:
        items: list[FactItem] = []
        for question in analysis.questions:
            prompt = Content.assemble((f"{question.kind.upper()} ", "bold $warning"),
                                      one_line(question.text, 160))
            copy = f"[{question.kind}] {question.text}"
            items.append(FactItem(prompt, (question.start, question.end), copy))
        return items
