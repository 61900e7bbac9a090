"""WHO: people and organizations (placeholder until issue 4)."""

from __future__ import annotations

from briefing.extract.context import Context
from briefing.model import Organization, Person


def find_people(ctx: Context) -> tuple[list[Person], list[Organization]]:
    return [], []
