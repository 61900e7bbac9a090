"""Duplicates load once: the same canonical URL, or the same body however it was spaced.

When a feed entry and its page both arrive, the richer record wins: the longer text, with
whatever metadata only the other one had (a feed's date, a page's outlet).  Links are
compared with `briefing.urls.canonical_url`, the same key the store files them under.
"""

from __future__ import annotations

import dataclasses

from briefing.core.textclean import body_key
from briefing.model import Article
from briefing.pubclock import PubClock
from briefing.urls import canonical_url


def _merge(kept: Article, other: Article) -> Article:
    richer, poorer = (kept, other) if len(kept.text) >= len(other.text) else (other, kept)
    fill = {name: getattr(poorer, name) for name in ("url", "outlet", "retrieved")
            if getattr(richer, name) is None and getattr(poorer, name) is not None}
    if _precision(poorer.clock) > _precision(richer.clock):
        fill["clock"] = poorer.clock
    if richer.title == "(untitled)" and poorer.title != "(untitled)":
        fill["title"] = poorer.title
    return dataclasses.replace(richer, **fill) if fill else richer


def _precision(clock: PubClock) -> int:
    """An instant says more than a local time, which says more than a day."""
    return ("unknown", "day", "local", "instant").index(clock.kind)


def deduplicate(articles: list[Article]) -> list[Article]:
    """Keep the first position of each story, merged with its later duplicates."""
    result: list[Article] = []
    index_by_key: dict[str, int] = {}
    for article in articles:
        keys = [f"body:{body_key(article.text)}"]
        url = canonical_url(article.url)
        if url:
            keys.append(f"url:{url}")
        position = next((index_by_key[k] for k in keys if k in index_by_key), None)
        if position is None:
            position = len(result)
            result.append(article)
        else:
            result[position] = _merge(result[position], article)
        for key in keys:
            index_by_key.setdefault(key, position)
    return result
