"""WHEN: time expressions found, resolved and normalised (placeholder until issue 3)."""

from __future__ import annotations

from briefing.extract.context import Context
from briefing.model import TimeMention


def find_times(ctx: Context) -> list[TimeMention]:
    return []
