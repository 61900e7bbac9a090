"""QUOTES (placeholder until issue 4)."""

from __future__ import annotations

from briefing.extract.context import Context
from briefing.model import Person, Quote


def find_quotes(ctx: Context, people: list[Person]) -> list[Quote]:
    return []
