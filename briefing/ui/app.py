"""`BriefingApp`: bindings, actions, the display zone and the entries.

The workers that fill the entries live in `loading.py`, layout in `screens/main.py`, the
blocking work in `ingest.py`.  `run_app` is the front door the CLI calls.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive

from briefing.article_record import analyze_article
from briefing.clock import Clock, clock_from_env, local_zone, zone_setting_problem
from briefing.config import Config, config_path
from briefing.model import Analysis, Article
from briefing.resources import seeds_dir, styles_dir
from briefing.store import Store, open_configured
from briefing.ui import exporting, refreshing
from briefing.ui.commands import BriefingCommands
from briefing.ui.entries import Entry
from briefing.ui.floor import Floor
from briefing.ui.ingest import (
    Analyser,
    Loader,
    SourceOptions,
    cached_analyser,
    make_loader,
)
from briefing.ui.loading import Listing
from briefing.ui.safe import one_line
from briefing.ui.screens.failures import Failure
from briefing.ui.screens.main import MainScreen
from briefing.ui.state import STATE_NAME, UiState
from briefing.ui.timeview import next_zone, zone_cycle
from briefing.ui.triage import StoreTriage

STYLES = styles_dir()


class BriefingApp(Floor):
    """The watch officer's dashboard.  `q` exits 0; failures are listed behind `!`.

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
        Binding("h", "handover", "Handover: changes since the last brief", id="handover",
                show=False),
        Binding("exclamation_mark", "failures", "Failed sources", id="failures", show=False,
                key_display="!"),
        Binding("question_mark,f1", "help", "Help", id="help", key_display="?"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    _warned_unsent = False
    display_zone: reactive[str] = reactive("UTC")
    """The zone every time is shown in; switching only re-renders (instants are UTC)."""

    def __init__(self, sources: Sequence[str] = (), config: Config | None = None, *,
                 clock: Clock | None = None, local: str | None = None,
                 entries: Iterable[tuple[Article, Analysis | None]] = (),
                 options: SourceOptions | None = None, loader: Loader | None = None,
                 analyser: Analyser | None = None, store: Store | None = None,
                 clipboard: Callable[[str], None] | None = None,
                 listing: Listing | None = None, config_file: Path | None = None) -> None:
        super().__init__()
        self.config = config or Config()
        self.config_file = config_file
        """The file `config` came from: `r` reads its feeds again (None: a given Config)."""
        self.clock = clock or clock_from_env()
        self.local = local or local_zone(self.config.local_zone)
        self.sources = list(sources)
        self.listing: Listing = listing or ("sources" if self.sources else "store")
        """What the list holds: the sources given (and nothing else), the store's recent
        articles, or the bundled samples (the store is empty)."""
        self.entries: dict[str, Entry] = {}
        self.store = store or Store.in_memory(clock=self.clock)
        """Articles, cached analyses and marks; the caller opens it and closes it."""
        self.triage = StoreTriage(self.store)
        self._loader = loader or make_loader(options or SourceOptions(), self.clock, self.store)
        self._analyser = cached_analyser(self.store, analyser or analyze_article)
        self._pooled = analyser is None
        self._pool: ProcessPoolExecutor | None = None
        self._pool_lock = threading.Lock()
        self._copy_to = clipboard
        self.failures: list[Failure] = []
        """Sources and feed entries that could not be loaded this session (`!`)."""
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
            self.notify(problem, title="Config problem", severity="warning",
                        markup=False, timeout=10)
        zone_problem = zone_setting_problem()
        if zone_problem:
            self.notify(zone_problem, title="Time zone", severity="warning", markup=False,
                        timeout=10)
        for problem in (*self.store.problems, *self._store_errors):
            self.notify(problem, title="Store", severity="warning", markup=False, timeout=15)
        self.push_screen(MainScreen())
        self.load_sources(self.sources)
        self.start_floor()  # other officers' changes, on a shared store

    def on_unmount(self) -> None:
        self.stop_floor()
        self.triage.close()  # marks asked for before quitting are saved, not dropped
        if self._pool is not None:
            from briefing.analysis_pool import stop_pool

            stop_pool(self._pool)

    def analysis_pool(self) -> Executor | None:
        """The process pool for new articles, started on first use (from the analysis
        thread, after the first paint); None where processes cannot be started."""
        with self._pool_lock:  # the warm-up thread and the analysis thread may both ask
            if self._pool is None and self._pooled:
                from briefing.analysis_pool import make_pool

                try:
                    self._pool = make_pool()
                except (OSError, ValueError, ImportError):
                    self._pooled = False
            return self._pool

    # --- actions ----------------------------------------------------------------------------

    def zone_cycle(self) -> list[str]:
        entry = self.main.selected
        source = entry.source_zone if entry else None
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

    def action_failures(self) -> None:
        from briefing.ui.screens.failures import FailuresScreen

        if not isinstance(self.screen, FailuresScreen):
            self.push_screen(FailuresScreen(self.failures))

    def action_handover(self) -> None:
        from briefing.ui.screens.handover import HandoverScreen

        if not isinstance(self.screen, HandoverScreen):
            self.push_screen(HandoverScreen(self.store, self.clock))

    def action_help(self) -> None:
        from briefing.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def focus_pane(self, pane: str) -> None:
        """Move to `pane` (the command palette's \"Focus: …\"; the keys call the screen's)."""
        self.main.action_focus_pane(pane)

    def action_export(self) -> None:
        exporting.export_brief(self)

    def action_refresh(self) -> None:
        refreshing.start_refresh(self)

    def copy_text(self, text: str) -> None:
        """Copy through the injected clipboard (tests) or the terminal's (OSC 52)."""
        (self._copy_to or self.copy_to_clipboard)(text)
        self.notify(f"Copied: {one_line(text, 60)}", markup=False, timeout=3)

    def action_quit(self) -> None:  # type: ignore[override]
        """Leaving is not an error: the failures were shown (`!`), the exit status is 0.

        Changes kept while the store's server is away would be lost: the first `q` says so,
        a second one quits anyway."""
        if self.triage.held and not self._warned_unsent:
            self._warned_unsent = True
            self.notify(f"{self.triage.held} change(s) not sent yet: the store's server is "
                        "out of reach.  Press q again to quit and lose them.",
                        title="Not sent", severity="error", markup=False, timeout=15)
            return
        self.workers.cancel_all()
        self.exit(0, return_code=0)


def run_app(sources: list[str], config: Config, *, published: str | None = None,
            zone: str | None = None) -> int:
    """Open the dashboard on the store plus `sources` (none: the bundled seeds); the exit
    status for the CLI.  A store that cannot be used is replaced by one in memory, and the
    officer is told (`open_store` never raises)."""
    with open_configured(config) as store:
        listing: Listing = "sources" if sources else "store"
        if not sources and _store_empty(store):
            sources, listing = [str(seeds_dir())], "samples"
        app = BriefingApp(sources, config, store=store, listing=listing,
                          config_file=config_path(),
                          options=SourceOptions(published=published, zone=zone))
        result = app.run()
    # A crash leaves a traceback and return_code 1 but no result: it must not exit 0.
    return app.return_code or int(result or 0)


def _store_empty(store: Store) -> bool:
    try:
        return store.count() == 0
    except Exception:  # a store that cannot even count: show the samples, it says why
        return True
