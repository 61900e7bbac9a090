"""The `e` key: write the morning brief for the flagged articles (or all, if none flagged).

`briefing.brief` is written in parallel (issue 6); until it exists the key says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.ui.app import BriefingApp


def export_brief(app: BriefingApp) -> None:
    try:
        from briefing import brief  # noqa: F401
    except ImportError:
        app.notify("Export is not available yet: the brief writer has not landed.",
                   title="Export", severity="warning", markup=False)
        return
    app.notify("Export: brief module found but not wired yet.", severity="warning")
