"""The article list: an OptionList (ListView is measured 30x slower at 1,000 rows).

Each row shows marks (flagged, unread, noted), the published time in the display
zone, the outlet and the title, newest first.  With watch terms configured a fourth mark
column shows "◆" and the terms an article mentions, and `w` narrows the list to them.
Rows are rebuilt from the app's entries, so a zone switch or a filter is one `set_options`
call, not a widget per row.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from briefing.ui.entries import Entry
from briefing.ui.keys import VIM_LIST_KEYS
from briefing.ui.safe import one_line, source_label
from briefing.ui.timeview import format_clock_stamp
from briefing.ui.triage import TriageView
from briefing.watchterms import matches as watch_matches


def row_content(entry: Entry, zone: str, triage: TriageView,
                watch: tuple[str, ...] | None = None, carried: int = 1) -> Content:
    """One row; `watch` is the watch terms the article mentions, or None when the officer
    has none configured (then the row has no watch column at all); `carried` how many
    loaded articles report its story ("3 sources" when more than one)."""
    article = entry.article
    assert article is not None
    flag = ("⚑", "bold $warning") if triage.is_flagged(entry.key) else " "
    unread = ("•", "bold $accent") if not triage.is_read(entry.key) else " "
    noted = ("✎", "$secondary") if triage.shown_note(entry.key) else " "
    outlet = one_line(source_label(article.outlet, article.source, article.url), 40)
    marks: list[str | tuple[str, str]] = [flag, unread, noted]
    terms: list[str | tuple[str, str]] = []
    if watch is not None:
        marks.append(("◆", "bold $error") if watch else " ")
        if watch:  # the words themselves, so the mark never rests on colour alone
            terms = ["  ", (one_line("WATCH " + ", ".join(watch), 40), "bold $error")]
    if carried > 1:
        terms = [*terms, "  ", (f"{carried} sources", "$accent")]
    return Content.assemble(
        *marks, " ", (format_clock_stamp(article.clock, zone), "$text-muted"),
        " ", (outlet, "italic $text-muted"), *terms, "\n",
        (one_line(entry.title, 160), "bold" if not triage.is_read(entry.key) else ""),
    )


def newest_first(entry: Entry) -> tuple[bool, float]:
    """Sort key: newest first (a day-only article at its day's noon), undated after dated."""
    published = entry.article.clock.sort_key if entry.article is not None else None
    return (published is None, -published.timestamp() if published else 0.0)


def matches(entry: Entry, query: str) -> bool:
    """Case-insensitive substring match over title, outlet and source."""
    if not query:
        return True
    words = query.lower().split()
    article = entry.article
    haystack = " ".join(filter(None, (entry.title, entry.source,
                                      article.outlet if article else None))).lower()
    return all(word in haystack for word in words)


class ArticleList(OptionList):
    """The list of loaded articles; option ids are the entries' keys."""

    BINDINGS: ClassVar[list[BindingType]] = VIM_LIST_KEYS

    def __init__(self, *, id: str | None = None, watch: Sequence[str] = ()) -> None:
        super().__init__(id=id, markup=False)
        self.border_title = "[0] ARTICLES"
        self.query_text = ""
        self.watch_terms = tuple(watch)
        self.watch_only = False
        """`w`: only the articles that mention a watch term."""
        self._hits: dict[str, tuple[str, ...]] = {}
        self.carried: dict[str, int] = {}
        """How many loaded articles report each article's story (`briefing.stories`)."""
        self._placed: str | None = None

    def hits(self, entry: Entry) -> tuple[str, ...] | None:
        """The watch terms `entry` mentions (None when none are configured); an article's
        text never changes, so each is searched once."""
        if not self.watch_terms:
            return None
        if entry.key not in self._hits:
            article = entry.article
            self._hits[entry.key] = (watch_matches(self.watch_terms, article.title,
                                                   article.text) if article else ())
        return self._hits[entry.key]

    def _row(self, entry: Entry, zone: str, triage: TriageView) -> Content:
        return row_content(entry, zone, triage, self.hits(entry),
                           self.carried.get(entry.key, 1))

    def _shown(self, entry: Entry) -> bool:
        return matches(entry, self.query_text) and (not self.watch_only or bool(self.hits(entry)))

    def rebuild(self, entries: Sequence[Entry], zone: str, triage: TriageView) -> None:
        """Show the entries that match the filter, keeping the highlighted article."""
        keep = self.current_key
        shown = sorted((e for e in entries if self._shown(e)), key=newest_first)
        self.set_options([Option(self._row(e, zone, triage), id=e.key) for e in shown])
        self._restore(keep)
        total = len(entries)
        parts = []
        if self.query_text:
            parts.append(f"match “{one_line(self.query_text, 20)}”")
        if self.watch_only:
            parts.append("watch terms only")
        # Content, not str: a str subtitle is parsed as markup, and the officer's "[/" crashed it.
        self.border_subtitle = Content(
            f"{len(shown)}/{total} {', '.join(parts)}" if parts else str(total))

    def refresh_row(self, entry: Entry, zone: str, triage: TriageView) -> None:
        """Re-render one row in place (flag, read mark, a late analysis); rows keep their
        two-line height, so the others are not re-measured."""
        try:
            option = self.get_option(entry.key)
        except OptionDoesNotExist:  # filtered out: nothing to refresh
            return
        _replace_prompts_keeping_heights(self, [(option, self._row(entry, zone, triage))])

    def rerender(self, lookup: Callable[[str], Entry], zone: str, triage: TriageView) -> None:
        """New prompts for every row (a zone switch), re-rendering only what is on screen.

        Row heights cannot change (two unwrapped lines each), so only the render cache is
        dropped, not the line cache, which would re-measure every row.
        """
        _replace_prompts_keeping_heights(self, [
            (option, self._row(entry, zone, triage))
            for option in self.options if option.id is not None
            for entry in (lookup(option.id),)])

    @property
    def current_key(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def placed(self, key: str | None) -> bool:
        """Whether the highlight on `key` was the list's own doing (a rebuild), not the
        officer's; asked once per highlight event, so a later move back counts."""
        placed, self._placed = self._placed, None
        return key is not None and key == placed

    def _restore(self, key: str | None) -> None:
        if key is not None:
            try:
                self.highlighted = self.get_option_index(key)
                self._placed = key
                return
            except OptionDoesNotExist:  # filtered out: fall through to the first row
                pass
        self.highlighted = 0 if self.option_count else None
        self._placed = self.current_key


def _replace_prompts_keeping_heights(options: OptionList,
                                     prompts: Sequence[tuple[Option, Content]]) -> None:
    """New prompts for many options at once, without re-measuring any row.

    The public `replace_option_prompt` clears the line cache on every call, so the next
    paint re-measures all rows (the zone switch's 100 ms aim at 1,000 rows).  This relies on
    two private names of textual 8.2.8, the exact version pinned in pyproject.toml:
    `Option._set_prompt` and `OptionList._option_render_cache`.  Re-check them (and
    tests/ui/test_ui_pins.py) whenever the pin moves.
    """
    for option, prompt in prompts:
        option._set_prompt(prompt)
    options._option_render_cache.clear()
    options.refresh()


class FilterInput(Input):
    """The `/` filter box above the list; escape clears it and hands focus back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close filter", show=False),
    ]

    class Closed(Message):
        """The officer cleared the filter with escape and left it."""

    def action_close(self) -> None:
        self.value = ""
        self.post_message(self.Closed())
