"""The `e` key: write the morning brief of the loaded articles, flagged ones leading.

Rendering and writing happen in a thread worker (group `export`): the brief module formats
every article and `write_brief` fsyncs.  The file goes to `config.brief_dir`, else the
platform documents folder, under a DTG name; the notification says exactly where.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work

if TYPE_CHECKING:
    from briefing.ui.entries import Entry
    from briefing.ui.host import Dashboard


def brief_folder(configured: str | None) -> Path:
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_documents_path

    return user_documents_path()


def export_brief(app: Dashboard) -> None:
    """The flagged articles, or every article when none is flagged (issue 6's rule)."""
    _write(app, [e for e in app.entries.values() if e.article is not None])


@work(thread=True, group="export", exclusive=True, exit_on_error=False,
      description="writing the brief")
def _write(app: Dashboard, entries: list[Entry]) -> None:
    """Choose, render and write, all off the UI thread.  The flags are read here, after
    the triage writes already queued, so `f` then `e` briefs the article just flagged."""
    from briefing.brief import brief_filename, render_brief, write_brief

    now = app.clock()
    try:
        flagged = app.triage.flagged()  # in the order flagged: the brief leads with them so
        wanted = set(flagged)
        chosen = [e for e in entries if not wanted or e.key in wanted]
        items = [record for e in chosen if (record := e.record) is not None]
        if not items:
            app.call_from_thread(app.notify, "Nothing to brief yet: no analysed article.",
                                 title="Export", severity="warning")
            return
        pending = sum(e.analysis is None for e in chosen)
        notes = {r.article.id: app.triage.shown_note(r.article.id) for r in items}
        text = render_brief(items, zone=app.display_zone, now=now, locale=app.config.locale,
                            flagged=flagged, notes=notes, watch=app.config.watch)
        folder = brief_folder(app.config.brief_dir)
        folder.mkdir(parents=True, exist_ok=True)
        written = write_brief(text, folder / brief_filename(now))
    except Exception as exc:  # not only OSError: a worker's error would otherwise vanish
        reason = str(exc) if isinstance(exc, OSError) else f"{type(exc).__name__}: {exc}"
        app.call_from_thread(app.notify, f"Could not write the brief: {reason}",
                             title="Export failed", severity="error", markup=False)
        return
    _record(app, str(written), flagged)
    note = f" ({pending} articles still being analysed were left out)" if pending else ""
    app.call_from_thread(app.notify, f"Brief written to {written}{note}", title="Export",
                         markup=False, timeout=10)


def _record(app: Dashboard, path: str, flagged: list[str]) -> None:
    """The next handover starts from this brief; a store that cannot say so is reported."""
    from briefing.store import StoreError

    if not app.store.persistent:
        return
    try:
        app.store.record_brief(path, flagged)
    except StoreError as exc:
        app.call_from_thread(app.notify, f"The brief's time was not recorded: {exc}",
                             title="Export", severity="warning", markup=False)
