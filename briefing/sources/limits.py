"""Bounds on what one source may cost, enforced while reading, and secrets kept out of text.

A source is untrusted: `/dev/zero`, a multi-gigabyte log, a gzip bomb or a feed with a
million entries must stop at a cap, not after the machine runs out of memory.  The caps are
read from the environment at each load (so a test, or an officer with a large archive, can
change them without a config file), and a bad value falls back to the default rather than
stopping the load.

`read_capped` is the one way the loaders read a stream: it never asks for more than
`cap + 1` bytes, so the cap holds for files, standard input and devices alike.

Credentials in an address are removed with `briefing.urls.redacted` before it is shown,
stored or written.
"""

from __future__ import annotations

import os
from typing import BinaryIO

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_CHARS = 2_000_000
DEFAULT_MAX_ENTRIES = 1_000
DEFAULT_DEADLINE = 30.0


class TooLarge(Exception):
    """A source over its cap; the message says which cap and how to raise it."""


def _env_number(name: str, default: float) -> float:
    """A positive number from the environment, else `default` (a typo never stops a load)."""
    raw = os.environ.get(name, "").strip().replace("_", "")
    try:
        value = float(raw) if raw else default
    except ValueError:
        return default
    return value if value > 0 else default


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
    return _env_number("BRIEFING_FETCH_DEADLINE", DEFAULT_DEADLINE)


def over_bytes(cap: int) -> str:
    return f"over the {cap:,}-byte cap (BRIEFING_MAX_BYTES raises it)"


def read_capped(stream: BinaryIO, cap: int | None = None) -> bytes:
    """All of `stream`, or `TooLarge` as soon as it holds more than `cap` bytes.

    Reads in chunks and never asks for more than `cap + 1` bytes in all, so an endless
    source (`/dev/zero`, a pipe that never closes its end) costs at most `cap + 1` bytes.
    """
    cap = max_bytes() if cap is None else cap
    chunks: list[bytes] = []
    left = cap + 1
    while left > 0:
        chunk = stream.read(min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    if left <= 0:
        raise TooLarge(over_bytes(cap))
    return b"".join(chunks)


def check_chars(text: str) -> str | None:
    """The reason `text` is refused (over the character cap), or None."""
    cap = max_chars()
    if len(text) > cap:
        return (f"text of {len(text):,} characters is over the {cap:,}-character cap "
                "(BRIEFING_MAX_CHARS raises it)")
    return None
