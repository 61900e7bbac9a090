"""Bounds on what one source may cost, enforced while reading, and secrets kept out of text.

A source is untrusted: `/dev/zero`, a multi-gigabyte log, a gzip bomb or a feed with a
million entries must stop at a cap, not after the machine runs out of memory.  The caps
themselves (`briefing.caps`) are read from the environment at each load.

`read_capped` is the one way the loaders read a stream: it never asks for more than
`cap + 1` bytes, so the cap holds for files, standard input and devices alike.

Credentials in an address are removed with `briefing.urls.redacted` before it is shown,
stored or written.
"""

from __future__ import annotations

from typing import BinaryIO

from briefing.caps import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_CHARS,
    DEFAULT_MAX_ENTRIES,
    fetch_deadline,
    max_bytes,
    max_chars,
    max_entries,
)

__all__ = [
    "DEFAULT_DEADLINE", "DEFAULT_MAX_BYTES", "DEFAULT_MAX_CHARS", "DEFAULT_MAX_ENTRIES",
    "TooLarge", "check_chars", "fetch_deadline", "max_bytes", "max_chars", "max_entries",
    "over_bytes", "read_capped",
]


class TooLarge(Exception):
    """A source over its cap; the message says which cap and how to raise it."""


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
