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

PageLoader = Callable[[list[str]], dict[str, Article | LoadProblem]]
"""Entry links -> the page read from each, or the problem that stopped it (a batch, so an
HTTP loader can fetch a few at a time)."""

SUMMARY_CHARS = 1500
"""Full content (`content:encoded`, Atom `content`) shorter than this is taken for a teaser
and its link is followed too; a `description`/`summary` is always only a summary."""


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


def _entry_body(entry: dict, full: str | None = None) -> str:
    """The entry's own text: its full content (`full`, when already read), else its summary."""
    full = _full_content(entry) if full is None else full
    return full or fragment_text(entry.get("summary") or entry.get("description") or "")


def _full_content(entry: dict) -> str:
    for content in entry.get("content") or ():
        if content.get("value"):
            return fragment_text(content["value"])
    return ""


def _wants_page(full: str) -> bool:
    """No full content, or one too short to be the story: the page is likely longer."""
    return len(full.strip()) < SUMMARY_CHARS


def _entry_link(entry: dict, data: bytes) -> str | None:
    """The entry's link as the feed wrote it.  feedparser turns `file:///tmp/x` into
    `file://tmp/x` (the first folder read as a host); put the lost slash back when the feed's
    own bytes say so."""
    link = entry.get("link")
    if link and link.startswith("file://") and not link.startswith("file:///"):
        restored = "file:///" + link[len("file://"):]
        if restored.encode() in data:
            return restored
    return link


def parse_feed(data: bytes, source: str, base_url: str | None, on_problem: ProblemHandler,
               *, retrieved: datetime | None = None, page_loader: PageLoader | None = None
               ) -> list[Article]:
    """Entries as Articles; a broken feed is reported, entries it still yields are kept.

    An entry with only a title, a link and perhaps a summary (no full content, or content
    shorter than `SUMMARY_CHARS`) is read from its link by `page_loader` when there is one:
    the page's text, with the entry's title, date and link kept.  The summary stays the text
    when the page cannot be had (a caveat); with no summary either, the entry is lost and
    the problem names its title.
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
    entries = []
    for entry in usable:
        link = _entry_link(entry, data)
        url = urljoin(base_url, link) if (base_url and link) else link
        full = _full_content(entry)  # an entry's HTML goes through lxml once
        entries.append((entry, url, _entry_body(entry, full), _wants_page(full)))
    wanted = [url for _, url, _, wants in entries if url and wants]
    pages = page_loader(list(dict.fromkeys(wanted))) if (page_loader and wanted) else {}
    articles = []
    for index, (entry, url, summary, _) in enumerate(entries, start=1):
        raw_date = entry.get("published") or entry.get("updated")
        title = (entry.get("title") or "").strip() or None
        label = f"{source} entry {index}"
        got = pages.get(url) if url else None
        page = got if isinstance(got, Article) else None
        if isinstance(got, LoadProblem):
            if summary.strip():
                on_problem(LoadProblem(got.source, f"{got.reason}; the feed's summary is used "
                                       "instead", fatal=False, title=title))
            else:
                on_problem(LoadProblem(got.source, got.reason, title=title))
                continue
        # The longer text wins: a page whose extraction came out thinner than the feed's
        # own summary is no improvement on it.
        body = page.text if page and len(page.text) >= len(summary.strip()) else summary
        if not body.strip():
            on_problem(LoadProblem(url or label, "entry has no text and no link to follow"
                                   if not url else "entry has no text", title=title))
            continue
        articles.append(build_article(
            body=body, source=f"{source}#{index}", title=entry.get("title"), url=url,
            published_raw=raw_date, found="feed entry",
            clock=page.clock if (page and not raw_date) else None,
            outlet=outlet or (page.outlet if page else None), retrieved=retrieved,
        ))
    if not articles and not parsed.bozo and not usable:
        on_problem(LoadProblem(source, "feed has no entries", fatal=False))
    return articles
