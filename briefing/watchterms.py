"""Watch terms: the names and words the officer asked to be told about first.

`watch = ["Kherson", "ammonia", "Wagner"]` in config.toml (or `--watch`): an article that
mentions a term, as a whole word and in any case, is marked in the list, leads the brief's
BLUF and carries a "WATCH: term" tag.  Headless and pure; the UI and the brief both ask here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["matches", "parse_terms"]


@lru_cache(maxsize=64)
def _pattern(term: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in term.split()]
    # "Wagner" matches "Wagner's" and "WAGNER", not "Wagnerian"; spaces match any spacing
    return re.compile(r"(?<![^\W_])" + r"\s+".join(words) + r"(?![^\W_])", re.IGNORECASE)


def matches(terms: Iterable[str], *texts: str | None) -> tuple[str, ...]:
    """The terms (as configured, in their order) that any of `texts` mentions."""
    found: list[str] = []
    for term in terms:
        term = term.strip()
        if term and term not in found and any(
                text and _pattern(term).search(text) for text in texts):
            found.append(term)
    return tuple(found)


def parse_terms(values: Iterable[str]) -> tuple[str, ...]:
    """`--watch Kherson --watch "ammonia,Wagner"`: comma-separated or repeated, deduplicated."""
    terms: list[str] = []
    for value in values:
        terms += [t.strip() for t in value.split(",") if t.strip()]
    return tuple(dict.fromkeys(terms))
