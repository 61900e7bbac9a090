"""WHERE: places (placeholder until issue 4)."""

from __future__ import annotations

from briefing.extract.context import Context
from briefing.model import Organization, Person, Place


def find_places(ctx: Context, people: list[Person],
                organizations: list[Organization]) -> list[Place]:
    return []
