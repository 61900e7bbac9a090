"""RSS and Atom: feedparser, one Article per entry, the entry's raw date kept."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from briefing.model import Article
from briefing.pubclock import PubClock
from briefing.sources.build import build_article, publication_clock
from briefing.sources.limits import max_entries
from briefing.sources.problems import LoadProblem, ProblemHandler
from briefing.urls import redacted

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


@dataclass
class _Entry:
    """One feed entry on its way to an Article: what the feed says, before any page."""

    index: int
    entry: dict
    url: str | None
    summary: str
    wants_page: bool
    title: str | None


def parse_feed(data: bytes, source: str, base_url: str | None, on_problem: ProblemHandler,
               *, retrieved: datetime | None = None, page_loader: PageLoader | None = None
               ) -> list[Article]:
    """Entries as Articles; a broken feed is reported, entries it still yields are kept.

    An entry with only a title, a link and perhaps a summary (no full content, or content
    shorter than `SUMMARY_CHARS`) is read from its link by `page_loader` when there is one:
    the page's text, with the entry's title, date and link kept.  The summary stays the text
    when the page cannot be had (a caveat); with no summary either, the entry is lost and
    the problem names its title.  Each entry is built on its own: one that cannot be read
    is reported with its number and title, and the feed's other entries still load.
    """
    cap = max_entries()
    parsed, written = _parse(data, source, on_problem, cap)
    if parsed is None:
        return []
    usable = _usable_entries(parsed, source, on_problem, cap, written)
    if not usable:
        return []
    outlet = parsed.feed.get("title")
    entries = _prepared(usable, data, source, base_url, on_problem)
    wanted = [e.url for e in entries if e.url and e.wants_page]
    pages = page_loader(list(dict.fromkeys(wanted))) if (page_loader and wanted) else {}
    articles = []
    for prepared in entries:
        try:
            article = _entry_article(prepared, pages, source, outlet, retrieved, on_problem)
        except Exception as exc:  # one hostile entry must not lose the others
            on_problem(LoadProblem(f"{source} entry {prepared.index}",
                                   f"entry could not be read ({type(exc).__name__}: {exc})",
                                   title=prepared.title))
            continue
        if article is not None:
            articles.append(article)
    return articles


_CHARREF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _valid_charrefs(data: bytes) -> bytes:
    """Character references to no character (`&#xD800;`, a lone surrogate; `&#0;`; past
    U+10FFFF) become U+FFFD: feedparser raises on them, which would lose the whole feed
    for one bad title."""

    def fix(match: re.Match[bytes]) -> bytes:
        hex_digits, digits = match.groups()
        code = int(hex_digits, 16) if hex_digits else int(digits)
        if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
            return b"&#xFFFD;"
        return match.group(0)

    return _CHARREF.sub(fix, data)


_ENTRY_START = re.compile(rb"<(?:item|entry)[\s>/]", re.IGNORECASE)
_ENTRY_END = re.compile(rb"</(?:item|entry)\s*>", re.IGNORECASE)


def _first_entries(data: bytes, cap: int) -> tuple[bytes, int]:
    """The feed with only its first `cap` entries, and how many entries it wrote.

    feedparser reads every entry before any cap could apply (a 20,000-entry feed took
    seconds and hundreds of MB to throw most of it away), so the bytes from the entry after
    the cap to the end of the last entry are cut out first.  The closing tags after the
    last entry are kept, so the rest is still a well-formed feed; when it is not, or holds
    fewer entries than the cap (an `<item>` inside CDATA, say), `_parse` reads the whole
    feed instead.
    """
    starts = [m.start() for m in _ENTRY_START.finditer(data)]
    if len(starts) <= cap:
        return data, len(starts)
    ends = [m.end() for m in _ENTRY_END.finditer(data, starts[cap])]
    if not ends:
        return data, len(starts)
    return data[: starts[cap]] + data[ends[-1]:], len(starts)


def _parse(data: bytes, source: str, on_problem: ProblemHandler,
           cap: int) -> tuple[Any, int | None]:
    """feedparser's result (None, reported, when it cannot read the bytes at all) and the
    number of entries the feed wrote when it was cut to the entry `cap` before parsing."""
    import feedparser

    data = _valid_charrefs(data)
    try:
        head, written = _first_entries(data, cap)
        if head is not data:
            parsed = feedparser.parse(head)
            # a cut at a tag that was only text (`<item>` in CDATA) parses, but with fewer
            # entries than the cap: then the whole feed is read
            if not parsed.bozo and len(parsed.entries) == cap:
                return parsed, written
        return feedparser.parse(data), None
    except Exception as exc:  # feedparser raises a handful of types on hostile input
        on_problem(LoadProblem(source, f"malformed feed ({type(exc).__name__}: {exc})"))
        return None, None


def _usable_entries(parsed: Any, source: str, on_problem: ProblemHandler, cap: int,
                    written: int | None = None) -> list[dict]:
    """Entries with something in them, up to the entry `cap`; the feed's own errors said.
    `written`: how many entries the feed holds when only its first ones were parsed."""
    usable = [e for e in parsed.entries
              if e.get("title") or e.get("link") or _entry_body(e).strip()]
    if parsed.bozo and not usable:
        reason = getattr(parsed, "bozo_exception", None) or "not a readable feed"
        on_problem(LoadProblem(source, f"malformed feed: {reason}"))
        return []
    if parsed.bozo:
        on_problem(LoadProblem(source, f"feed has errors ({parsed.bozo_exception}); "
                               "loaded the entries it holds", fatal=False))
    if not usable:
        on_problem(LoadProblem(source, "feed has no entries", fatal=False))
    total = written if written is not None else len(usable)
    if total > cap:
        on_problem(LoadProblem(source, f"feed has {total:,} entries; only the first "
                               f"{cap:,} were read (BRIEFING_MAX_ENTRIES raises the cap)",
                               fatal=False))
        usable = usable[:cap]
    return usable


def _prepared(usable: list[dict], data: bytes, source: str, base_url: str | None,
              on_problem: ProblemHandler) -> list[_Entry]:
    """Each entry's link, own text and whether its page is wanted (its HTML read once)."""
    entries = []
    for index, entry in enumerate(usable, start=1):
        title = (entry.get("title") or "").strip() or None
        try:
            url = _entry_url(entry, data, base_url)
        except ValueError as exc:
            on_problem(LoadProblem(f"{source} entry {index}", f"malformed link "
                                   f"({exc}); the entry's own text is used", fatal=False,
                                   title=title))
            url = None
        full = _full_content(entry)
        entries.append(_Entry(index, entry, url, _entry_body(entry, full),
                              _wants_page(full), title))
    return entries


def _entry_url(entry: dict, data: bytes, base_url: str | None) -> str | None:
    """The entry's link, absolute, without credentials; ValueError when it is malformed."""
    link = _entry_link(entry, data)
    if not link:
        return None
    url = urljoin(base_url, link) if base_url else link
    urlsplit(url)  # raises ValueError on `http://[::1` and the like
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in url):
        raise ValueError("control character in the link")
    return redacted(url)


def _entry_article(prepared: _Entry, pages: dict[str, Article | LoadProblem], source: str,
                   outlet: str | None, retrieved: datetime | None,
                   on_problem: ProblemHandler) -> Article | None:
    """One entry as an Article: its page's text when that is longer than the summary."""
    url, summary, title = prepared.url, prepared.summary, prepared.title
    got = pages.get(url) if url else None
    page = got if isinstance(got, Article) else None
    if isinstance(got, LoadProblem):
        if summary.strip():
            on_problem(LoadProblem(got.source, f"{got.reason}; the feed's summary is used "
                                   "instead", fatal=False, title=title))
        else:
            on_problem(LoadProblem(got.source, got.reason, title=title))
            return None
    # The longer text wins: a page whose extraction came out thinner than the feed's
    # own summary is no improvement on it.
    body = page.text if page and len(page.text) >= len(summary.strip()) else summary
    if not body.strip():
        on_problem(LoadProblem(url or f"{source} entry {prepared.index}",
                               "entry has no text and no link to follow"
                               if not url else "entry has no text", title=title))
        return None
    entry = prepared.entry
    raw_date = entry.get("published") or entry.get("updated")
    clock = page.clock if (page and not raw_date) else feed_date_clock(raw_date, url, body)
    return build_article(
        body=body, source=f"{source}#{prepared.index}", title=entry.get("title"), url=url,
        published_raw=raw_date, found="feed entry", clock=clock,
        outlet=outlet or (page.outlet if page else None), retrieved=retrieved,
    )


_RFC822 = re.compile(r"^\s*(?:[A-Za-z]{3},?\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{1,4})\b(.*)$",
                     re.DOTALL)


def feed_date_clock(raw: str | None, url: str | None, body: str) -> PubClock | None:
    """An RFC 822 feed date read by the RFC's own rules, or None for the usual reading.

    A four-digit year before 1900 (`01 Jan 0001`, a CMS's empty date) is no publication
    date: the clock is unknown, the entry kept, the raw text noted.  A two- or three-digit
    year is read as RFC 2822 says (00-49: 20xx, 50-99: 19xx, three digits: +1900), so
    `01 Jan 99` is 1999, and `01 Jan 50` is 1950, not 2050.
    """
    match = _RFC822.match(raw or "")
    if raw is None or match is None:
        return None
    day, month, year, rest = match.groups()
    if len(year) == 4 and int(year) >= 1900:
        return None
    if len(year) == 4 or int(day) == 0:
        clock = publication_clock(None, "feed entry", None, url, body)
        return replace(clock, raw=raw, found="feed entry",
                       note=f"publication date {raw.strip()!r} has year {year}, not a real "
                       "date; left unknown")
    full = int(year) + (1900 if len(year) == 3 or int(year) >= 50 else 2000)
    clock = publication_clock(f"{day} {month} {full}{rest}", "feed entry", None, url, body)
    return replace(clock, raw=raw)
