"""Every regular expression the package runs on outside text backtracks a bounded amount.

Catastrophic backtracking lives inside one match attempt: nested or overlapping
quantifiers make a single attempt on a run of capitals (or digits, spaces, initials)
polynomial or exponential in the run's length, and a shouting headline is ordinary news.
So each module-level pattern of the layers that read article text is tried once at the
start of long runs of each character class; a linear attempt on 20,000 characters takes
about a millisecond, a quadratic one seconds, a cubic one minutes.  Whole-text passes
(many attempts) are bounded by the windows their callers give them; the hostile corpus
(`tests/hostile/`) and `benchmarks/bench_hostile.py` measure those end to end.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time

import pytest

_PACKAGES = ("briefing.extract", "briefing.core", "briefing.geo", "briefing.sources",
             "briefing.brief")
_MODULES = ("briefing.story", "briefing.watchterms", "briefing.pubclock", "briefing.urls")

# Runs of one character class each: what a hostile or merely odd text repeats.
_RUNS = {
    "capitals": "A", "capitals and spaces": "AB ", "initials": "A. ", "capital-dot": "A.",
    "digits": "1", "spaces": " ", "newlines": "\n", "punctuation": ".,;:-",
    "lower words": "ab ", "title words": "Ab ", "quotation marks": '"', "mixed": "A1 ,",
    "apostrophes": "A'", "dashes": "A-",
}
_LENGTH = 20_000
_BOUND = 0.5  # seconds for one attempt: some 300 times what a linear pattern takes


def _patterns() -> dict[str, re.Pattern[str]]:
    modules = []
    for name in _PACKAGES:
        package = importlib.import_module(name)
        modules.append(package)
        modules += [importlib.import_module(m.name)
                    for m in pkgutil.walk_packages(package.__path__, name + ".")]
    modules += [importlib.import_module(name) for name in _MODULES]
    found: dict[str, re.Pattern[str]] = {}

    def collect(value: object, where: str, depth: int = 0) -> None:
        if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
            found.setdefault(where, value)
        elif depth < 2 and isinstance(value, (list, tuple, dict)):
            items = value.values() if isinstance(value, dict) else value
            for i, item in enumerate(items):
                collect(item, f"{where}[{i}]", depth + 1)

    for module in modules:
        for attribute, value in vars(module).items():
            collect(value, f"{module.__name__}.{attribute}")
    return found


PATTERNS = _patterns()


def test_the_patterns_of_every_text_layer_are_found() -> None:
    """The sweep reads the patterns it means to: a hundred or more, from every layer."""
    assert len(PATTERNS) >= 100
    for layer in ("briefing.extract.", "briefing.core.", "briefing.geo.", "briefing.sources.",
                  "briefing.brief."):
        assert any(where.startswith(layer) for where in PATTERNS), layer


@pytest.mark.parametrize("run", sorted(_RUNS))
def test_one_attempt_on_a_long_run_backtracks_a_bounded_amount(run: str) -> None:
    unit = _RUNS[run]
    text = unit * (_LENGTH // len(unit))
    slow = []
    for where, pattern in PATTERNS.items():
        started = time.perf_counter()
        pattern.match(text)
        spent = time.perf_counter() - started
        if spent > _BOUND:
            slow.append(f"{where}: {spent:.2f} s")
    assert not slow, f"one attempt on {len(text):,} {run} took too long: {slow}"
