"""`BriefingApp`: bindings, the display zone, the entries, and the workers that fill them.

Layout lives in `screens/main.py`; the blocking work in `ingest.py`.  `run_app` is the front
door the CLI calls.
"""

from __future__ import annotations

import asyncio
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
from briefing.ui import exporting
from briefing.ui.commands import BriefingCommands
from briefing.ui.entries import Entry
from briefing.ui.ingest import Analyser, Loader, SourceOptions, analyse_article, make_loader
from briefing.ui.messages import ArticleAnalysed, ArticlesLoaded, IngestProgress, SourceFailed
from briefing.ui.screens.main import MainScreen
from briefing.ui.theme import HOUSE_THEME
from briefing.ui.timeview import next_zone, zone_cycle
from briefing.ui.triage import MemoryTriage, Triage

STYLES = styles_dir()


class BriefingApp(App[int]):
    """The watch officer's dashboard.  Returns 1 on exit if any source failed to load."""

    CSS_PATH: ClassVar = [STYLES / "base.tcss", STYLES / "layout.tcss"]
    TITLE = "briefing"
    COMMANDS: ClassVar = {*App.COMMANDS, BriefingCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark,f1", "help", "Help", id="help", key_display="?"),
        Binding("z", "cycle_zone", "Zone", id="cycle-zone"),
        Binding("Z", "pick_zone", "Pick zone", id="pick-zone", show=False),
        Binding("t", "timeline", "Timeline", id="timeline"),
        Binding("e", "export", "Export", id="export"),
    ]

    display_zone: reactive[str] = reactive("UTC")
    """The zone every time is shown in; switching only re-renders (instants are UTC)."""

    def __init__(self, sources: Sequence[str] = (), config: Config | None = None, *,
                 clock: Clock | None = None, local: str | None = None,
                 entries: Iterable[tuple[Article, Analysis | None]] = (),
                 options: SourceOptions | None = None, loader: Loader | None = None,
                 analyser: Analyser | None = None, triage: Triage | None = None,
                 clipboard: Callable[[str], None] | None = None) -> None:
        super().__init__()
        self.config = config or Config()
        self.clock = clock or clock_from_env()
        self.local = local or local_zone(self.config.local_zone)
        self.sources = list(sources)
        self.entries: dict[str, Entry] = {}
        self.triage: Triage = triage or MemoryTriage()
        self._loader = loader or make_loader(options or SourceOptions(), self.clock)
        self._analyser = analyser or analyse_article
        self._clipboard = clipboard
        self.failed_sources: list[str] = []
        self._loaded = 0
        self._analysis_errors: set[str] = set()
        for article, analysis in entries:
            self.entries[article.id] = Entry(article.id, article, analysis, source=article.source)
        self.set_reactive(BriefingApp.display_zone, self.config.default_zone)

    def on_mount(self) -> None:
        self.register_theme(HOUSE_THEME)
        self.theme = self.config.theme if self.config.theme in self.available_themes \
            else HOUSE_THEME.name
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        for problem in self.config.problems:
            self.notify(problem, title="Config problem: using defaults", severity="warning",
                        markup=False, timeout=10)
        self.push_screen(MainScreen())
        if self.sources:
            self.load_sources(self.sources)
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
            self._loaded = index
            self.post_message(ArticlesLoaded(source, articles))

    @work(thread=True, group="analyse", exit_on_error=False, description="analysing")
    def analyse(self, articles: list[Article]) -> None:
        """Run the extractors article by article, stopping promptly when cancelled."""
        worker = get_current_worker()
        for article in articles:
            if worker.is_cancelled:
                return
            try:
                self.post_message(ArticleAnalysed(article.id, self._analyser(article)))
            except Exception as exc:
                self.post_message(ArticleAnalysed(article.id, Analysis(text=article.text),
                                                  error=f"{type(exc).__name__}: {exc}"))

    # --- worker messages --------------------------------------------------------------------

    def on_articles_loaded(self, message: ArticlesLoaded) -> None:
        fresh = [a for a in message.articles if a.id not in self.entries]
        for article in fresh:
            self.entries[article.id] = Entry(article.id, article, None, source=article.source)
        self.main.entries_changed()
        if fresh:
            self.analyse(fresh)
        self._progress()

    def on_source_failed(self, message: SourceFailed) -> None:
        self.failed_sources.append(message.source)
        key = f"failed-{len(self.failed_sources)}"
        self.entries[key] = Entry(key, error=message.reason, source=message.source)
        self.notify(f"{message.source}: {message.reason}", title="Source failed",
                    severity="error", markup=False, timeout=8)
        self.main.entries_changed()

    def on_article_analysed(self, message: ArticleAnalysed) -> None:
        entry = self.entries.get(message.article_id)
        if message.error and message.error not in self._analysis_errors:
            self._analysis_errors.add(message.error)
            self.notify(message.error, title="Extraction failed", severity="error",
                        markup=False, timeout=8)
        if entry is not None:
            entry.analysis = message.analysis
            self.main.entry_updated(message.article_id)
        self._progress()

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
        self.main.set_class(bool(parts), "-loading")

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
    """Open the dashboard on `sources` (none: the bundled seeds); the exit status for the CLI."""
    app = BriefingApp(sources or [str(seeds_dir())], config,
                      options=SourceOptions(published=published, zone=zone))
    result = app.run()
    return int(result or 0)
