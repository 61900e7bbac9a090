"""Caps on what one source may cost, read from the environment at each use.

The bottom layer, so the loaders (`briefing.sources.limits`) and the extractor (`analyze`
bounds its own work by the same character cap) read one set of numbers.  A test, or an
officer with a large archive, changes them without a config file; a bad value falls back to
the default rather than stopping a load.
"""

from __future__ import annotations

import math
import os

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_CHARS = 2_000_000
DEFAULT_MAX_ENTRIES = 1_000
DEFAULT_DEADLINE = 30.0


def _env_number(name: str, default: float, least: float = 1.0) -> float:
    """A finite number of at least `least` from the environment, else `default` (a typo,
    "inf" or "0.5" never stops a load nor turns a cap into no cap or a cap of nothing)."""
    raw = os.environ.get(name, "").strip().replace("_", "")
    try:
        value = float(raw) if raw else default
    except ValueError:
        return default
    return value if math.isfinite(value) and value >= least else default


def max_bytes() -> int:
    """Bytes one source may hold (`BRIEFING_MAX_BYTES`, default 20 MB)."""
    return int(_env_number("BRIEFING_MAX_BYTES", DEFAULT_MAX_BYTES))


def max_chars() -> int:
    """Characters of decoded text one source may hold (`BRIEFING_MAX_CHARS`, default 2 M)."""
    return int(_env_number("BRIEFING_MAX_CHARS", DEFAULT_MAX_CHARS))


def max_entries() -> int:
    """Feed entries read from one feed at a time (`BRIEFING_MAX_ENTRIES`, default 1,000)."""
    return int(_env_number("BRIEFING_MAX_ENTRIES", DEFAULT_MAX_ENTRIES))


def fetch_deadline() -> float:
    """Seconds one fetch may take in all (`BRIEFING_FETCH_DEADLINE`, default 30)."""
    return _env_number("BRIEFING_FETCH_DEADLINE", DEFAULT_DEADLINE, least=0.001)
