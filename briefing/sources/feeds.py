"""RSS and Atom: feedparser, one Article per entry, the entry's raw date kept."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from urllib.parse import urljoin

from briefing.model import Article
from briefing.sources.build import build_article
from briefing.sources.problems import LoadProblem, ProblemHandler

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:rdf)\b", re.IGNORECASE)
_BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6]|blockquote|section|article)\s*>|<br\s*/?>",
                        re.IGNORECASE)

PageLoader = Callable[[str], Article | None]


def looks_like_feed(data: bytes) -> bool:
    """Sniff the first bytes for an RSS, Atom or RDF root element."""
    return bool(_FEED_ROOT.search(data[:4096]))


def fragment_text(html: str) -> str:
    """Plain text of an entry's HTML fragment, one paragraph per block element."""
    if "<" not in html:
        return html
    import lxml.html

    marked = _BLOCK_END.sub("\n\n", html)
    try:
        return lxml.html.fromstring(f"<div>{marked}</div>").text_content()
    except Exception:  # lxml raises several types on hostile fragments; fall back to regex
        return re.sub(r"<[^>]+>", " ", marked)


def _entry_body(entry: dict) -> str:
    for content in entry.get("content") or ():
        if content.get("value"):
            return fragment_text(content["value"])
    return fragment_text(entry.get("summary") or entry.get("description") or "")


def parse_feed(data: bytes, source: str, base_url: str | None, on_problem: ProblemHandler,
               *, retrieved: datetime | None = None, page_loader: PageLoader | None = None
               ) -> list[Article]:
    """Entries as Articles; a broken feed is reported, entries it still yields are kept.

    `page_loader` fetches an entry's full page where that is cheap (a feed file whose items
    point at local pages); otherwise the entry's own content or summary is the text.
    """
    import feedparser

    parsed = feedparser.parse(data)
    usable = [e for e in parsed.entries
              if e.get("title") or e.get("link") or _entry_body(e).strip()]
    if parsed.bozo and not usable:
        reason = getattr(parsed, "bozo_exception", None) or "not a readable feed"
        on_problem(LoadProblem(source, f"malformed feed: {reason}"))
        return []
    if parsed.bozo:
        on_problem(LoadProblem(source, f"feed has errors ({parsed.bozo_exception}); "
                               "loaded the entries it holds", fatal=False))
    outlet = parsed.feed.get("title")
    articles = []
    for index, entry in enumerate(usable, start=1):
        link = entry.get("link")
        url = urljoin(base_url, link) if (base_url and link) else link
        raw_date = entry.get("published") or entry.get("updated")
        label = f"{source} entry {index}"
        page = page_loader(url) if (page_loader and url) else None
        body = page.text if page else _entry_body(entry)
        if not body.strip():
            on_problem(LoadProblem(label, "entry has no text"))
            continue
        articles.append(build_article(
            body=body, source=f"{source}#{index}", title=entry.get("title"), url=url,
            published_raw=raw_date, found="feed entry",
            clock=page.clock if (page and not raw_date) else None,
            outlet=outlet or (page.outlet if page else None), retrieved=retrieved,
        ))
    if not articles and not parsed.bozo:
        on_problem(LoadProblem(source, "feed has no entries", fatal=False))
    return articles
