"""`BriefingApp`: bindings, the display zone, the entries, and the workers that fill them.

Layout lives in `screens/main.py`; the blocking work in `ingest.py`.  `run_app` is the front
door the CLI calls.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.worker import get_current_worker

from briefing.clock import Clock, clock_from_env, local_zone
from briefing.config import Config
from briefing.model import Analysis, Article
from briefing.resources import seeds_dir, styles_dir
from briefing.store import Store, StoreError, canonical_url, open_store
from briefing.ui import exporting, refreshing
from briefing.ui.commands import BriefingCommands
from briefing.ui.entries import Entry
from briefing.ui.ingest import (
    Analyser,
    Loader,
    SourceOptions,
    analyse_article,
    cached_analyser,
    make_loader,
)
from briefing.ui.messages import (
    Analysed,
    ArticlesAnalysed,
    ArticlesLoaded,
    FeedRefreshed,
    IngestProgress,
    RefreshFinished,
    SourceFailed,
)
from briefing.ui.safe import one_line
from briefing.ui.screens.main import MainScreen
from briefing.ui.state import STATE_NAME, UiState
from briefing.ui.theme import ThemeMemory
from briefing.ui.timeview import next_zone, zone_cycle
from briefing.ui.triage import StoreTriage

STYLES = styles_dir()


BATCH_SECONDS = 0.05
"""How long the analysis worker gathers results before posting them: cached analyses come
hundreds at a time (one message, one repaint), fresh ones still one by one."""
YIELD_SECONDS = 0.01


class BriefingApp(ThemeMemory):
    """The watch officer's dashboard.  Returns 1 on exit if any source failed to load.

    The list is what the store holds (the previous shift's articles, with their marks) plus
    what the sources given bring, one row per article id.
    """

    CSS_PATH: ClassVar = [STYLES / "base.tcss", STYLES / "layout.tcss"]
    TITLE = "briefing"
    COMMANDS: ClassVar = {*App.COMMANDS, BriefingCommands}
    # The footer shows seven keys (it does not wrap); the rest are in help and the palette.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "refresh", "Refresh", id="refresh"),
        Binding("e", "export", "Export", id="export"),
        Binding("z", "cycle_zone", "Zone", id="cycle-zone"),
        Binding("Z", "pick_zone", "Pick zone", id="pick-zone", show=False),
        Binding("t", "timeline", "Timeline", id="timeline", show=False),
        Binding("question_mark,f1", "help", "Help", id="help", key_display="?"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    display_zone: reactive[str] = reactive("UTC")
    """The zone every time is shown in; switching only re-renders (instants are UTC)."""

    def __init__(self, sources: Sequence[str] = (), config: Config | None = None, *,
                 clock: Clock | None = None, local: str | None = None,
                 entries: Iterable[tuple[Article, Analysis | None]] = (),
                 options: SourceOptions | None = None, loader: Loader | None = None,
                 analyser: Analyser | None = None, store: Store | None = None,
                 clipboard: Callable[[str], None] | None = None) -> None:
        super().__init__()
        self.config = config or Config()
        self.clock = clock or clock_from_env()
        self.local = local or local_zone(self.config.local_zone)
        self.sources = list(sources)
        self.entries: dict[str, Entry] = {}
        self.store = store or Store.in_memory(clock=self.clock)
        """Articles, cached analyses and marks; the caller opens it and closes it."""
        self.triage = StoreTriage(self.store)
        self._loader = loader or make_loader(options or SourceOptions(), self.clock)
        self._analyser = cached_analyser(self.store, analyser or analyse_article)
        self._clipboard = clipboard
        self.failed_sources: list[str] = []
        self._loaded = 0
        self._analysis_errors: set[str] = set()
        self._store_errors: list[str] = []
        given = list(entries)
        self._remember([article for article, _ in given])
        for article, analysis in given:
            self.entries[article.id] = Entry(article.id, article, analysis, source=article.source)
        self.set_reactive(BriefingApp.display_zone, self.config.default_zone)

    def on_mount(self) -> None:
        path = self.store.path
        self.start_theme(UiState(path.with_name(STATE_NAME) if path else None),
                         self.config.theme)
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        for problem in self.config.problems:
            self.notify(problem, title="Config problem: using defaults", severity="warning",
                        markup=False, timeout=10)
        for problem in (*self.store.problems, *self._store_errors):
            self.notify(problem, title="Store", severity="warning", markup=False, timeout=15)
        for article in self.store.articles():  # texts only: analyses come lazily, below
            if article.id not in self.entries:
                self.entries[article.id] = Entry(article.id, article, None, source=article.source)
        self.push_screen(MainScreen())
        if self.sources:
            self.load_sources(self.sources)

    def analyse_pending(self) -> None:
        """Called by the main screen once its list is painted: the worker's decoding would
        otherwise compete with the first paint for the GIL."""
        pending = [e.article for e in self.entries.values()
                   if e.article is not None and e.analysis is None]
        if pending:
            self.analyse(pending)

    @property
    def main(self) -> MainScreen:
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    # --- workers ----------------------------------------------------------------------------

    @work(group="load", exclusive=True, exit_on_error=False, description="loading sources")
    async def load_sources(self, sources: list[str]) -> None:
        """Load each source off the event loop; a failure is reported and loading goes on."""
        for index, source in enumerate(sources, 1):
            def problem(where: str, reason: str, fatal: bool, source: str = source) -> None:
                if fatal:
                    self.post_message(SourceFailed(where or source, reason))

            try:
                articles = await asyncio.to_thread(self._loader, source, problem)
            except Exception as exc:
                self.post_message(SourceFailed(source, f"{type(exc).__name__}: {exc}"))
                articles = []
            if articles:
                await asyncio.to_thread(self._remember, articles)
                while self._store_errors:
                    self.notify(self._store_errors.pop(), title="Store", severity="error",
                                markup=False, timeout=15)
            self._loaded = index
            self.post_message(ArticlesLoaded(source, articles))

    def _remember(self, articles: list[Article]) -> None:
        """Put loaded articles in the store so marks can hang on them (any thread)."""
        try:
            self.store.add_many(articles)
        except StoreError as exc:
            self._store_errors.append(f"{exc}: these articles stay until exit only")

    @work(thread=True, group="analyse", exit_on_error=False, description="analysing")
    def analyse(self, articles: list[Article]) -> None:
        """Analyses (cached, else the extractors), posted in batches; stops when cancelled."""
        worker = get_current_worker()
        batch: list[Analysed] = []
        posted = time.monotonic()
        for article in articles:
            if worker.is_cancelled:
                return
            try:
                batch.append(Analysed(article.id, self._analyser(article)))
            except Exception as exc:
                batch.append(Analysed(article.id, Analysis(text=article.text),
                                      f"{type(exc).__name__}: {exc}"))
            if time.monotonic() - posted >= BATCH_SECONDS:
                self.post_message(ArticlesAnalysed(batch))
                time.sleep(YIELD_SECONDS)  # let the UI thread have the GIL between batches
                batch, posted = [], time.monotonic()
        if batch:
            self.post_message(ArticlesAnalysed(batch))

    # --- worker messages --------------------------------------------------------------------

    def on_articles_loaded(self, message: ArticlesLoaded) -> None:
        self._add_articles(message.articles)
        self._progress()

    def _add_articles(self, articles: list[Article]) -> None:
        """New rows for articles not yet listed; a revision (same link, new text) replaces
        the old row, as the store replaced it (the marks followed it there)."""
        fresh = [a for a in articles if a.id not in self.entries]
        links = {canonical_url(a.url): a.id for a in fresh if a.url}
        if links:
            for key, entry in list(self.entries.items()):
                if entry.article and entry.article.url and \
                        links.get(canonical_url(entry.article.url), key) != key:
                    del self.entries[key]
        for article in fresh:
            self.entries[article.id] = Entry(article.id, article, None, source=article.source)
        if fresh:
            self.main.entries_changed()
            self.analyse(fresh)

    def on_source_failed(self, message: SourceFailed) -> None:
        self.failed_sources.append(message.source)
        key = f"failed-{len(self.failed_sources)}"
        self.entries[key] = Entry(key, error=message.reason, source=message.source)
        self.notify(f"{message.source}: {message.reason}", title="Source failed",
                    severity="error", markup=False, timeout=8)
        self.main.entries_changed()

    def on_articles_analysed(self, message: ArticlesAnalysed) -> None:
        for result in message.results:
            entry = self.entries.get(result.article_id)
            if result.error and result.error not in self._analysis_errors:
                self._analysis_errors.add(result.error)
                self.notify(result.error, title="Extraction failed", severity="error",
                            markup=False, timeout=8)
            if entry is not None and entry.analysis is None:
                entry.analysis = result.analysis
        self.main.analyses_arrived({r.article_id for r in message.results})
        self._progress()

    def on_feed_refreshed(self, message: FeedRefreshed) -> None:
        outcome = message.outcome
        self.notify(one_line(str(outcome), 300), title="Refresh",
                    severity="information" if outcome.ok else "error", markup=False,
                    timeout=6 if outcome.ok else 12)
        self._add_articles(message.articles)

    def on_refresh_finished(self, message: RefreshFinished) -> None:
        if message.error:
            self.notify(message.error, title="Refresh stopped", severity="error",
                        markup=False, timeout=15)
        elif message.feeds > 1:
            failed = f"; {message.failed} failed" if message.failed else ""
            self.notify(f"{message.new} new from {message.feeds} feeds{failed}",
                        title="Refresh done", markup=False)

    def _progress(self) -> None:
        articles = [e for e in self.entries.values() if e.article is not None]
        pending = sum(e.analysis is None for e in articles)
        self.post_message(IngestProgress(self._loaded, len(self.sources),
                                         len(articles) - pending, pending))

    def on_ingest_progress(self, message: IngestProgress) -> None:
        parts = []
        if message.loaded < message.total:
            parts.append(f"loading {message.loaded}/{message.total} sources…")
        if message.pending:
            parts.append(f"analysing {message.analysed}/{message.analysed + message.pending}…")
        self.main.set_status(" · ".join(parts))

    # --- actions ----------------------------------------------------------------------------

    def zone_cycle(self) -> list[str]:
        entry = self.main.selected
        source = entry.article.zone if entry and entry.article else None
        return zone_cycle(self.local, source, self.config.zones)

    def action_cycle_zone(self) -> None:
        self.display_zone = next_zone(self.display_zone, self.zone_cycle())

    def action_pick_zone(self) -> None:
        from briefing.ui.screens.zone_picker import ZonePicker

        def chosen(zone: str | None) -> None:
            if zone:
                self.display_zone = zone

        self.push_screen(ZonePicker(self.display_zone), chosen)

    def action_timeline(self) -> None:
        from briefing.ui.screens.timeline import TimelineScreen

        def chosen(target: tuple[str, tuple[int, int]] | None) -> None:
            if target is not None:
                self.main.select(*target)

        self.push_screen(TimelineScreen(), chosen)

    def action_help(self) -> None:
        from briefing.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_focus(self, pane: str) -> None:
        self.main.action_focus_pane(pane)

    def action_export(self) -> None:
        exporting.export_brief(self)

    def action_refresh(self) -> None:
        refreshing.start_refresh(self)

    def copy_text(self, text: str) -> None:
        """Copy through the injected clipboard (tests) or the terminal's (OSC 52)."""
        (self._clipboard or self.copy_to_clipboard)(text)
        self.notify(f"Copied: {text[:60]}", markup=False, timeout=3)

    def action_quit(self) -> None:  # type: ignore[override]
        for worker in self.workers:
            worker.cancel()
        code = 1 if self.failed_sources else 0
        self.exit(code, return_code=code)


def run_app(sources: list[str], config: Config, *, published: str | None = None,
            zone: str | None = None) -> int:
    """Open the dashboard on the store plus `sources` (none: the bundled seeds); the exit
    status for the CLI.  A store that cannot be used is replaced by one in memory, and the
    officer is told (`open_store` never raises)."""
    with open_store() as store:
        app = BriefingApp(sources or [str(seeds_dir())], config, store=store,
                          options=SourceOptions(published=published, zone=zone))
        result = app.run()
    return int(result or 0)
