"""Loading and storing agree on which links are the same story (one `canonical_url`)."""

from __future__ import annotations

import pytest

from briefing.model import Article
from briefing.sources.build import build_article
from briefing.sources.dedupe import deduplicate
from briefing.store import canonical_url
from briefing.urls import canonical_url as shared_rule

PAIRS = [
    ("http://n.example/story", "https://n.example/story"),
    ("https://n.example/story/", "https://n.example/story"),
    ("HTTPS://N.Example:443/story?utm_source=rss&id=3#comments", "https://n.example/story?id=3"),
    ("https://n.example/story?mc_cid=1&fbclid=2", "https://n.example/story"),
    ("https://n.example/story?id=1", "https://n.example/story?id=2"),
    ("https://n.example:8443/story", "https://n.example/story"),
    ("file:///srv/feed/page.html", "file:///srv/feed/page.html"),
]


def _article(url: str, words: str) -> Article:
    return build_article(body=f"Officials said {words} on Monday, a spokesman told reporters.",
                         source=url, url=url)


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_a_load_merges_exactly_the_links_the_store_files_under_one_key(first: str,
                                                                       second: str) -> None:
    loaded = deduplicate([_article(first, "the port reopened"),
                          _article(second, "the border closed")])
    same_key = canonical_url(first) is not None and canonical_url(first) == canonical_url(second)
    assert (len(loaded) == 1) == same_key


def test_the_chosen_normalisation() -> None:
    # the same story linked over http and https is one story ...
    assert shared_rule("http://n.example/a") == shared_rule("https://n.example/a")
    # ... but the path is kept as written: /a and /a/ may be two documents
    assert shared_rule("https://n.example/a/") != shared_rule("https://n.example/a")
    assert shared_rule("HTTP://N.example:80/a?utm_medium=x&q=1#top") == "https://n.example/a?q=1"
    assert shared_rule("file:///srv/a.html") is None  # a copy on one disk is matched by body


def test_a_feed_summary_over_http_merges_into_the_https_page() -> None:
    summary = build_article(body="Port reopened.", source="feed#1",
                            url="http://n.example/story?utm_source=rss")
    page = _article("https://n.example/story", "the port reopened after the storm")
    [kept] = deduplicate([summary, page])
    assert kept.text == page.text and kept.url == "https://n.example/story"  # richer one wins
