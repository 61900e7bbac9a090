"""The shared shape of the five fact panes: a list of items, each tied to a span of the text.

Every item keeps the span it came from, so `enter` can lead the officer back to the sentence
(provenance) and `y` can copy the item as written.  Subclasses only say how to list their facts.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.model import Analysis, Span
from briefing.ui.keys import VIM_LIST_KEYS


class FactItem(Option):
    """One fact: what is shown, the span of text it came from, and what `y` copies."""

    def __init__(self, prompt: Content, span: Span | None, copy_text: str) -> None:
        super().__init__(prompt)
        self.span = span
        self.copy_text = copy_text


class FactPane(OptionList):
    """Base of WHO/WHEN/WHERE/QUOTES/OPEN QUESTIONS; numbered so `1`-`5` can reach them."""

    TITLE: ClassVar[str] = ""
    NUMBER: ClassVar[int] = 0
    EMPTY: ClassVar[str] = "nothing found"
    ZONED: ClassVar[bool] = False
    """Whether the items show times in the display zone: only those panes are rebuilt on a
    zone switch (the others would lose nothing but time and their scroll position)."""
    BINDINGS: ClassVar[list[BindingType]] = VIM_LIST_KEYS

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False, classes="fact-pane")
        self.border_title = f"[{self.NUMBER}] {self.TITLE}"
        self.can_focus = True

    def on_focus(self) -> None:
        # A focused pane wraps its items (styles/layout.tcss); OptionList caches each item's
        # rendered lines and height, so without this the wrapped rest of a line stays hidden.
        self.call_after_refresh(self._clear_caches)

    def on_blur(self) -> None:
        self.call_after_refresh(self._clear_caches)

    def action_last(self) -> None:
        """`G`: the last item, shown whole.  OptionList scrolls to the item by the heights it
        cached before the focused pane wrapped its lines, which can stop a line or more
        short; the pane's real end is the last item's end."""
        super().action_last()
        self.call_after_refresh(self.scroll_end, animate=False, immediate=True)

    def build(self, analysis: Analysis, zone: str, locale: str) -> list[FactItem]:
        """The items for one analysis, in the order the officer should read them."""
        raise NotImplementedError

    def show(self, analysis: Analysis | None, zone: str, locale: str,
             pending: bool = False) -> None:
        """Replace the items, keeping the highlight where it was when the count allows."""
        previous = self.highlighted
        items = self.build(analysis, zone, locale) if analysis is not None else []
        if items:
            self.set_options(items)
            self.highlighted = 0 if previous is None else min(previous, len(items) - 1)
        else:
            note = "analysing…" if pending else self.EMPTY
            self.set_options([Option(Content.styled(note, "italic $text-muted"),
                                     disabled=True)])
        self.border_subtitle = str(len(items)) if items else ""

    @property
    def current(self) -> FactItem | None:
        option = self.highlighted_option
        return option if isinstance(option, FactItem) else None
