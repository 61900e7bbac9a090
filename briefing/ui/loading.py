"""The dashboard's loading side: workers that read the store and the sources and analyse
articles, and the handlers of what they post back.

Kept out of `app.py` (bindings, actions, the display zone) so each stays readable; the
blocking calls themselves live in `ingest.py` and the store.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor
from contextlib import suppress
from datetime import timedelta
from typing import Literal

from textual import work
from textual.worker import Worker, get_current_worker

from briefing.analysis_pool import analyse as analyse_in_process
from briefing.article_record import cached_analysis
from briefing.clock import Clock
from briefing.config import Config
from briefing.model import Analysis, Article
from briefing.store import Store, StoreError, canonical_url
from briefing.ui.entries import Entry
from briefing.ui.ingest import Loader
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
from briefing.ui.screens.failures import Failure
from briefing.ui.screens.main import MainScreen
from briefing.ui.theme import ThemeMemory
from briefing.ui.threads import in_daemon_thread
from briefing.ui.triage import StoreTriage
from briefing.ui.widgets.world_clocks import ZoneHeader

Listing = Literal["sources", "store", "samples"]
"""What the article list holds; the header says which."""

BATCH_SECONDS = 0.05
"""How long the analysis worker gathers results before posting them: cached analyses come
hundreds at a time (one message, one repaint), fresh ones still one by one."""
YIELD_SECONDS = 0.01



class Ingesting(ThemeMemory):
    """Loading and analysis for `BriefingApp`, which sets these attributes up."""

    sources: list[str]
    listing: Listing
    config: Config
    clock: Clock
    entries: dict[str, Entry]
    store: Store
    triage: StoreTriage
    failures: list[Failure]
    _loader: Loader
    _analyser: Callable[[Article], Analysis]
    _loaded: int
    _analysis_errors: set[str]
    _store_errors: list[str]
    _pooled: bool
    """The real extractors are in use (not a test's stand-in): new articles may go to the
    process pool."""
    _refreshed: bool = False
    """`r` brought articles in: the list is no longer only what it started with."""

    def analysis_pool(self) -> Executor | None: ...

    @property
    def main(self) -> MainScreen:
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    def analyse_pending(self) -> None:
        """Called by the main screen once its list is painted: the worker's decoding would
        otherwise compete with the first paint for the GIL."""
        pending = [e.article for e in self.entries.values() if e.pending and e.article]
        if pending:
            self.analyse(pending, first=self.main.selected_key)
        elif self._pooled and self.listing != "store" and self.store.count() == 0:
            # A first start: every article will be new.  Warm the pool's server on the
            # other core while this one reads the pages, not after.
            threading.Thread(target=self.analysis_pool, name="warm-pool", daemon=True).start()

    # --- workers ----------------------------------------------------------------------------

    @work(group="load", exclusive=True, exit_on_error=False, description="loading sources")
    async def load_sources(self, sources: list[str]) -> None:
        """The stored articles, then each source, off the event loop; a failure is reported
        and loading goes on.  Daemon threads, so quitting never waits for a slow source.

        The store's texts are read here, not before the first paint (1,000 texts held the
        screen back); their rows arrive a moment after it.
        """
        try:
            stored = (await in_daemon_thread(self._recent, name="read-store")
                      if self.listing == "store" else [])
        except Exception as exc:  # a damaged store: say so, and list what the sources bring
            self.notify(f"{exc}: the stored articles are not listed", title="Store",
                        severity="error", markup=False, timeout=15)
            stored = []
        self.post_message(ArticlesLoaded(stored))
        tried = failed = 0
        for index, source in enumerate(sources, 1):
            lost: list[SourceFailed] = []

            def problem(where: str, reason: str, fatal: bool, title: str | None = None,
                        source: str = source, lost: list[SourceFailed] = lost) -> None:
                if fatal:
                    lost.append(SourceFailed(where or source, reason, title))

            try:
                articles = await in_daemon_thread(self._loader, source, problem, name="load")
            except Exception as exc:
                lost.append(SourceFailed(source, f"{type(exc).__name__}: {exc}"))
                articles = []
            for message in lost:
                self.post_message(message)
            tried += len(articles) + len(lost)
            failed += len(lost)
            if articles:
                await in_daemon_thread(self._remember, articles, name="remember")
                while self._store_errors:
                    self.notify(self._store_errors.pop(), title="Store", severity="error",
                                markup=False, timeout=15)
            self._loaded = index
            self.post_message(ArticlesLoaded(articles))
        if failed:
            self.call_later(self.tell_failures, failed, tried)

    def tell_failures(self, failed: int, tried: int) -> None:
        """One notice for a load's failures, however many: the list is behind `!`."""
        self.notify(f"{failed} of {tried} source{'s' * (tried != 1)} failed, press ! to see "
                    f"{'them' if failed != 1 else 'it'}", title="Sources failed",
                    severity="error", markup=False, timeout=12)

    def _recent(self) -> list[Article]:
        """The store's articles added within the configured recent period, newest first."""
        since = self.clock() - timedelta(days=self.config.recent_days)
        return self.store.articles(since=since)

    def listing_label(self) -> str:
        """The header's word on what the list holds."""
        refreshed = " and the feeds refreshed since" if self._refreshed else ""
        if self.listing == "sources":
            count = len(self.sources)
            return f"listing the {count} source{'s' * (count != 1)} given{refreshed}"
        if self.listing == "samples":
            return ("listing the bundled samples" + refreshed if refreshed
                    else "listing the bundled samples (the store is empty)")
        days = self.config.recent_days
        return f"listing the store: last {days} day{'s' * (days != 1)}"

    def _remember(self, articles: list[Article]) -> None:
        """Put loaded articles in the store so marks can hang on them (any thread), and learn
        their marks (a revision keeps its predecessor's) so painting rows asks nothing.

        The bundled samples are not stored (one the officer marks is, by the mark): the store
        holds the officer's own articles, and an empty one is what brings the samples up."""
        try:
            if self.listing != "samples":
                self.store.add_many(articles)
            self.triage.learn(a.id for a in articles)
        except StoreError as exc:
            self._store_errors.append(f"{exc}: these articles stay until exit only")

    @work(thread=True, group="analyse", exit_on_error=False, description="analysing")
    def analyse(self, articles: list[Article], first: str | None = None) -> None:
        """Analyses (cached, else the extractors), posted in batches; stops when cancelled.

        Cached ones are read here; the rest go to the process pool (all cores) when the
        app analyses with the real extractors, the article `first` (the one on screen)
        ahead of the others, and arrive as each finishes.
        """
        worker = get_current_worker()
        articles = sorted(articles, key=lambda a: a.id != first)
        pooled = self._pooled and len(articles) > 1
        batch: list[Analysed] = []
        posted = time.monotonic()
        fresh: list[Article] = []

        def post(force: bool = False) -> None:
            nonlocal batch, posted
            if batch and (force or time.monotonic() - posted >= BATCH_SECONDS):
                self.post_message(ArticlesAnalysed(batch))
                time.sleep(YIELD_SECONDS)  # let the UI thread have the GIL between batches
                batch, posted = [], time.monotonic()

        def here(article: Article) -> None:
            try:
                batch.append(Analysed(article.id, self._analyser(article)))
            except Exception as exc:
                batch.append(Analysed(article.id, Analysis(text=article.text),
                                      f"{type(exc).__name__}: {exc}"))
            post()

        for article in articles:
            if worker.is_cancelled:
                return
            cached = cached_analysis(self.store, article) if pooled else None
            if cached is not None:
                batch.append(Analysed(article.id, cached))
                post()
            elif pooled:
                fresh.append(article)
            else:
                here(article)
        post(force=True)
        if not fresh:
            return
        pool = self.analysis_pool()  # started only when something is new
        if pool is not None:
            self._analyse_in_pool(pool, fresh, worker)
            return
        for article in fresh:
            if worker.is_cancelled:
                return
            here(article)
        post(force=True)

    def _analyse_in_pool(self, pool: Executor, articles: list[Article], worker: Worker) -> None:
        """Submit in order (the selected article first); post each result as it lands.
        Waits in short steps so quitting is never held up by an analysis under way."""
        from concurrent.futures import FIRST_COMPLETED, wait

        futures = {pool.submit(analyse_in_process, a): a for a in articles}
        waiting = set(futures)
        try:
            while waiting and not worker.is_cancelled:
                done, waiting = wait(waiting, timeout=0.1, return_when=FIRST_COMPLETED)
                for future in done:
                    article = futures[future]
                    try:
                        result = Analysed(article.id, future.result())
                        with suppress(StoreError):
                            self.store.save_analysis(article, result.analysis)
                    except Exception as exc:  # a worker that died, an extractor that raised
                        result = Analysed(article.id, Analysis(text=article.text),
                                          f"{type(exc).__name__}: {exc}")
                    self.post_message(ArticlesAnalysed([result]))
        finally:
            for future in waiting:
                future.cancel()

    # --- worker messages --------------------------------------------------------------------

    def on_articles_loaded(self, message: ArticlesLoaded) -> None:
        self._add_articles(message.articles)
        self._progress()

    def _add_articles(self, articles: list[Article]) -> None:
        """New rows for articles not yet listed; a revision (same link, new text) replaces
        the old row, as the store replaced it (the marks followed it there)."""
        fresh = [a for a in articles if a.id not in self.entries]
        # Only http(s) links have a canonical form (None otherwise, e.g. file:// entries of a
        # local feed); a None key would match every such row and delete it.
        links = {link: a.id for a in fresh if (link := _link(a)) is not None}
        if links:
            for key, entry in list(self.entries.items()):
                link = _link(entry.article)
                if link is not None and links.get(link, key) != key:
                    del self.entries[key]
        for article in fresh:
            self.entries[article.id] = Entry(article.id, article, None, source=article.source)
        if fresh:
            self.main.entries_changed()
            self.analyse(fresh, first=self.main.selected_key)

    def on_source_failed(self, message: SourceFailed) -> None:
        """Kept for `!`, not listed: a failure has nothing to read.  `load_sources` tells
        the officer once, when the load is done."""
        self.failures.append(Failure(message.source, message.reason, message.title))

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
        if outcome.outcome == "failed":
            self.failures.append(Failure(outcome.url, outcome.error or "failed"))
        self.failures.extend(Failure(p.source, p.reason, p.title) for p in outcome.failures)
        more = ", press ! to see the failures" if not outcome.ok else ""
        self.notify(one_line(str(outcome), 300) + more, title="Refresh",
                    severity="information" if outcome.ok else "error", markup=False,
                    timeout=6 if outcome.ok else 12)
        self._add_articles(message.articles)
        if message.articles and not self._refreshed:
            self._refreshed = True
            # query, not query_one: a refresh landing while the app closes finds no header
            for header in self.main.query(ZoneHeader):
                header.set_listing(self.listing_label())

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
        pending = sum(e.pending for e in articles)
        self.post_message(IngestProgress(self._loaded, len(self.sources),
                                         len(articles) - pending, pending))

    def on_ingest_progress(self, message: IngestProgress) -> None:
        parts = []
        if message.loaded < message.total:
            parts.append(f"loading {message.loaded}/{message.total} sources…")
        if message.pending:
            parts.append(f"analysing {message.analysed}/{message.analysed + message.pending}…")
        self.main.set_status(" · ".join(parts))


def _link(article: Article | None) -> str | None:
    """The article's canonical link, the key a revision shares with what it replaces."""
    return canonical_url(article.url) if article is not None and article.url else None
