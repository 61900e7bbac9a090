"""How a loader says what went wrong without stopping the others."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class LoadProblem:
    """One source that failed (fatal) or loaded with a caveat (not fatal).

    `title` is the feed entry's headline when the source is one entry's page, so a list of
    failures can say which story was lost, not only which link.
    """

    source: str
    reason: str
    fatal: bool = True
    title: str | None = None

    def __str__(self) -> str:
        where = f"{self.title} ({self.source})" if self.title else self.source
        return f"{where}: {self.reason}"


class LoadError(Exception):
    """Raised for a fatal problem when the caller gave no `on_error` callback."""

    def __init__(self, problem: LoadProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


ProblemHandler = Callable[[LoadProblem], None]


def raise_fatal(problem: LoadProblem) -> None:
    """The default handler: a fatal problem raises; a caveat stays in the article's notes."""
    if problem.fatal:
        raise LoadError(problem)
