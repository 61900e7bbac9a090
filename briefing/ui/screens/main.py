"""The dashboard screen: article list, article text and the five fact panes.

The screen owns layout and selection; the data (entries, triage, display zone) lives on the
app, and this screen re-renders from it when the app says something changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList
from textual.widgets.option_list import OptionDoesNotExist

from briefing.article_record import cached_analysis
from briefing.model import Article, Span
from briefing.store import StoreOffline
from briefing.store import Triage as Marks
from briefing.store.triage import new_uid
from briefing.ui.entries import Entry
from briefing.ui.messages import TriageSaved
from briefing.ui.safe import one_line
from briefing.ui.storying import group_stories
from briefing.ui.widgets.article_list import ArticleList, FilterInput
from briefing.ui.widgets.article_view import ArticleView
from briefing.ui.widgets.fact_pane import FactPane
from briefing.ui.widgets.floor_status import FloorStatus
from briefing.ui.widgets.questions import QuestionsPane
from briefing.ui.widgets.quotes import QuotesPane
from briefing.ui.widgets.when import WhenPane
from briefing.ui.widgets.where import WherePane
from briefing.ui.widgets.who import WhoPane
from briefing.ui.widgets.world_clocks import ZoneHeader

if TYPE_CHECKING:
    from textual.timer import Timer

    from briefing.ui.app import BriefingApp

PANES = ("who", "when", "where", "quotes", "questions")


class MainScreen(Screen[None]):
    """Everything the officer needs for one article, and the list to move between them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"focus_pane('{pane}')", f"Focus {pane}", id=f"focus-{pane}",
                  show=False) for n, pane in enumerate(PANES, 1)),
        Binding("0,a", "focus_pane('articles')", "Focus articles", id="focus-articles",
                show=False),
        Binding("slash", "filter", "Filter", id="filter", show=False),
        Binding("w", "watch_only", "Watch terms only", id="watch-only", show=False),
        Binding("f", "flag", "Flag", id="flag"),
        Binding("n", "note", "Note", id="note"),
        Binding("y", "copy", "Copy item", id="copy", show=False),
        Binding("escape", "focus_pane('articles')", "Back to list", id="back", show=False),
    ]

    READ_AFTER = 2.0
    """Seconds an article stays on screen before it counts as read, as in mail readers
    with a preview pane: running down the list with j shows each article for a moment,
    and must not clear the unread marks of everything passed over."""

    def __init__(self) -> None:
        super().__init__()
        self._reading: tuple[str, Timer] | None = None
        """The article on screen and the timer that marks it read."""
        self._grouped: tuple[str, ...] = ()
        """The articles the stories were last grouped for."""

    @property
    def briefing(self) -> BriefingApp:
        return cast("BriefingApp", self.app)

    def compose(self) -> ComposeResult:
        app = self.briefing
        yield ZoneHeader(app.clock, app.local, app.config.zones, app.config.locale,
                         id="header")
        with Grid(id="body"):
            with Vertical(id="list-column"):
                yield FilterInput(placeholder="filter: words in title/outlet", id="filter")
                yield ArticleList(id="articles", watch=app.config.watch)
            yield ArticleView(id="article")
            yield WhoPane(id="who")
            yield WhenPane(id="when")
            yield WherePane(id="where")
            yield QuotesPane(id="quotes")
            yield QuestionsPane(id="questions")
        yield FloorStatus(id="floor-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ZoneHeader).set_zone(self.briefing.display_zone)
        self.query_one(ZoneHeader).set_listing(self.briefing.listing_label())
        self.watch(self.app, "display_zone", self._zone_changed, init=False)
        self.entries_changed()
        self.query_one(ArticleList).focus()
        self.call_after_refresh(self.briefing.analyse_pending)

    def on_resize(self) -> None:
        """Below 80x24 drop the clock row and tighten the grid."""
        size = self.app.size
        self.set_class(size.width < 80 or size.height < 24, "-compact")

    # --- what the app tells us --------------------------------------------------------------

    def entries_changed(self) -> None:
        """New rows arrived (or a filter changed): rebuild the list, keep the selection."""
        app = self.briefing
        articles = self.query_one(ArticleList)
        before = articles.current_key
        articles.rebuild(list(app.entries.values()), app.display_zone, app.triage)
        if articles.current_key != before or before is None:
            self.show_selected()
        loaded = [(e.key, e.article) for e in app.entries.values() if e.article is not None]
        keys = tuple(key for key, _ in loaded)
        if keys != self._grouped:  # a new set of articles: regroup them, off the UI thread
            self._grouped = keys
            group_stories(self, loaded)

    def stories_grouped(self, carried: dict[str, int]) -> None:
        """How many articles carry each article's story: shown on the rows."""
        app = self.briefing
        articles = self.query_one(ArticleList)
        articles.carried = carried
        articles.rerender(app.entries.__getitem__, app.display_zone, app.triage)

    def analyses_arrived(self, keys: set[str]) -> None:
        """Analyses landed (rows do not show them): refill the panes if one is on screen."""
        if self.selected_key in keys:
            self.show_selected(keep_scroll=True)

    def marks_changed(self, key: str | None) -> None:
        """Another officer changed an article's marks (None: any article's): repaint its
        row, and the article if it is on screen (a note is shown in its heading)."""
        app = self.briefing
        articles = self.query_one(ArticleList)
        entry = app.entries.get(key) if key else None
        if entry is not None:
            articles.refresh_row(entry, app.display_zone, app.triage)
        elif key is None:
            articles.rerender(app.entries.__getitem__, app.display_zone, app.triage)
        if key is None or key == self.selected_key:
            self.show_selected(keep_scroll=True)

    def set_status(self, status: str) -> None:
        """Show work in progress; the class goes on the header, not the screen, so toggling
        it restyles one line rather than every widget (measured 50 ms a toggle)."""
        header = self.query_one(ZoneHeader)
        header.set_status(status)
        header.set_class(bool(status), "-loading")

    # --- selection --------------------------------------------------------------------------

    @property
    def selected_key(self) -> str | None:
        return self.query_one(ArticleList).current_key

    @property
    def selected(self) -> Entry | None:
        key = self.selected_key
        return self.briefing.entries.get(key) if key else None

    def show_selected(self, focus: Span | None = None, keep_scroll: bool = False) -> None:
        app = self.briefing
        entry = self.selected
        zone, locale = app.display_zone, app.config.locale
        if entry is not None and entry.article is not None and entry.pending \
                and app.triage.idle:
            # Shown before the worker reached it: a cached analysis costs well under 1 ms
            # (unless a triage write is waiting on the store: the worker will bring it).
            entry.analysis = cached_analysis(app.store, entry.article)
        note = app.triage.shown_note(entry.key) if entry is not None and entry.article else ""
        self.query_one(ArticleView).show(entry, zone, locale, focus=focus,
                                         keep_scroll=keep_scroll, note=note)
        self._show_panes(entry, zone, locale, zoned_only=False)

    def _show_panes(self, entry: Entry | None, zone: str, locale: str, *,
                    zoned_only: bool) -> None:
        analysis = entry.analysis if entry else None
        pending = entry is not None and entry.pending
        for pane in self.query(FactPane):
            if pane.ZONED or not zoned_only:
                pane.show(analysis, zone, locale, pending=pending)

    def select(self, key: str, focus: Span | None = None) -> None:
        """Open article `key` (clearing a filter that hides it) and mark `focus` in it."""
        articles = self.query_one(ArticleList)
        if key in self.briefing.entries and key not in {o.id for o in articles.options}:
            self.query_one(FilterInput).value = ""
            articles.query_text = ""
            articles.watch_only = False
            self.entries_changed()
        try:
            articles.highlighted = articles.get_option_index(key)
        except OptionDoesNotExist:  # replaced by a revision (or gone) since it was listed
            self.notify("That article is no longer listed: a newer version replaced it.",
                        title="Not found", severity="warning")
            return
        self._mark_read(key)
        self.show_selected(focus=focus)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if isinstance(event.option_list, ArticleList):
            # The list's own choice (start-up, a rebuild) is not the officer's: starting
            # the app and leaving it open changes no marks.
            key = event.option.id
            placed = event.option_list.placed(key)
            if self._reading is not None and self._reading[0] != key:
                self._reading[1].stop()  # moved on before it counted as read
                self._reading = None
            if not placed and self._reading is None and key is not None:
                self._reading = (key, self.set_timer(self.READ_AFTER, lambda: self._read(key)))
            if self.query_one(ArticleView).entry is not self.selected:
                # `select` (a timeline row) and a rebuild show the article themselves, the
                # first with its sentence marked: showing it again here would unmark it.
                self.show_selected()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if isinstance(event.option_list, ArticleList):
            self._mark_read(event.option.id)
            self.set_focus(self.query_one(ArticleView))
        elif isinstance(event.option_list, FactPane):
            item = event.option_list.current
            if item is not None and item.span is not None:
                self.show_selected(focus=item.span, keep_scroll=True)

    def _zone_changed(self, zone: str) -> None:
        """Redo only what shows a time: the header, the list stamps, the article heading and
        WHEN.  The article body's styling, the marked sentence and the other panes stay."""
        app = self.briefing
        locale = app.config.locale
        self.query_one(ZoneHeader).set_zone(zone)
        articles = self.query_one(ArticleList)
        articles.rerender(app.entries.__getitem__, zone, app.triage)
        self.query_one(ArticleView).set_zone(zone, locale)
        self._show_panes(self.selected, zone, locale, zoned_only=True)

    # --- actions ----------------------------------------------------------------------------

    def action_focus_pane(self, pane: str) -> None:
        # At once, not on the next turn as Widget.focus() does: "2j" typed quickly must move
        # in the pane just chosen, not in the one that had the focus before.
        self.set_focus(self.query_one(f"#{pane}"))

    def action_filter(self) -> None:
        box = self.query_one(FilterInput)
        box.add_class("-open")
        box.focus()

    def action_watch_only(self) -> None:
        """Show only the articles that mention a watch term, or all again."""
        articles = self.query_one(ArticleList)
        if not articles.watch_terms:
            self.notify("No watch terms: add watch = [\"term\", ...] to config.toml",
                        title="Watch terms", markup=False)
            return
        articles.watch_only = not articles.watch_only
        self.entries_changed()

    def on_input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input, FilterInput):
            self.query_one(ArticleList).query_text = event.value
            self.entries_changed()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if isinstance(event.input, FilterInput):
            if not event.value:
                event.input.remove_class("-open")
            self.query_one(ArticleList).focus()

    def on_filter_input_closed(self, event: FilterInput.Closed) -> None:
        self.query_one(FilterInput).remove_class("-open")
        self.query_one(ArticleList).focus()

    # --- triage: every change is saved at once, off the UI thread; a failed save is said ---

    def _change(self, key: str | None, change: Callable[[Article], Marks],
                then: Callable[[Marks], object] | None = None) -> bool:
        """Queue a triage `change` to article `key`; its row is repainted (and `then` run)
        once the store holds it.  False if there is no article to change."""
        entry = self.briefing.entries.get(key) if key else None
        if key is None or entry is None or entry.article is None:
            return False
        article = entry.article

        def write() -> None:  # on the triage thread
            try:
                marks = change(article)
            except StoreOffline as exc:  # kept, and sent again when the server is back
                self.briefing.triage.hold(write)
                self.post_message(TriageSaved(key, None, str(exc), held=True))
            except Exception as exc:  # StoreError, or a bug: either way the officer is told
                self.post_message(TriageSaved(key, None, str(exc) or type(exc).__name__))
            else:
                self.post_message(TriageSaved(key, marks, then=then))

        self.briefing.triage.submit(write)
        return True

    def on_triage_saved(self, message: TriageSaved) -> None:
        app = self.briefing
        if message.held:
            app.changes_held()
            self.notify("The store's server is out of reach: the change is kept here and "
                        "sent when it is back", title="Not sent yet", severity="warning",
                        markup=False, timeout=6)
            return
        if message.marks is None:
            self.notify(message.error or "unknown error", title="Not saved", severity="error",
                        markup=False, timeout=15)
            return
        entry = app.entries.get(message.key)
        if entry is not None:
            self.query_one(ArticleList).refresh_row(entry, app.display_zone, app.triage)
        if message.then is not None:
            message.then(message.marks)

    def _read(self, key: str) -> None:
        self._reading = None
        self._mark_read(key)

    def _mark_read(self, key: str | None) -> None:
        """The officer opened `key`, or kept it on screen for READ_AFTER seconds."""
        triage = self.briefing.triage
        if key is not None and key in self.briefing.entries and not triage.is_read(key):
            self._change(key, triage.mark_read)

    def action_flag(self) -> None:
        triage = self.briefing.triage
        entry = self.selected
        if entry is None or entry.article is None:
            self.notify("No article selected to flag", severity="warning")
            return
        title = one_line(entry.title, 120)

        def saved(marks: Marks) -> None:
            verb = "Flagged for the brief" if marks.flagged else "Unflagged"
            self.notify(f"{verb}: {title}", markup=False)

        # Toggled on the triage thread, against what is saved: "f f" quickly flags, unflags.
        # The uid makes a change sent again after a lost connection land once.
        uid = new_uid()
        self._change(entry.key,
                     lambda a: triage.set_flagged(a, not triage.is_flagged(a.id), uid), saved)

    def action_note(self) -> None:
        from briefing.ui.screens.note import NoteDialog

        app = self.briefing
        entry = self.selected
        if entry is None or entry.article is None:
            self.notify("No article selected to note", severity="warning")
            return
        key = entry.key

        def saved(marks: Marks) -> None:
            self.notify("Note saved" if marks.note else "Note removed", timeout=3)
            if key == self.selected_key:
                self.show_selected(keep_scroll=True)

        def written(note: str | None) -> None:
            if note is not None and note.strip() != app.triage.note(key):
                text, uid = note.strip(), new_uid()
                self._change(key, lambda a: app.triage.set_note(a, text, uid), saved)

        app.push_screen(NoteDialog(entry.title, app.triage.note(key)), written)

    def action_copy(self) -> None:
        focused = self.focused
        text = ""
        if isinstance(focused, FactPane) and focused.current is not None:
            text = focused.current.copy_text
        elif (entry := self.selected) is not None and entry.article is not None:
            view = self.query_one(ArticleView)
            if isinstance(focused, ArticleView) and view.provenance is not None:
                start, end = view.provenance
                text = entry.article.text[start:end]
            else:
                text = f"{entry.title} — {entry.article.url or entry.article.source}"
        if not text:
            self.notify("Nothing to copy here", severity="warning")
            return
        self.briefing.copy_text(text)
