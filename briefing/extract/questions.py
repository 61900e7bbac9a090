"""OPEN QUESTIONS (placeholder until issue 4)."""

from __future__ import annotations

from briefing.extract.context import Context
from briefing.model import OpenQuestion


def find_questions(ctx: Context) -> list[OpenQuestion]:
    return []
