"""HTML pages: trafilatura for the main text and metadata.

The publication time is asked for with its time and zone; the page's own raw string is
kept too, read from the usual meta tags, because a parsed date silently drops what it
cannot read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.core.textclean import strip_controls

_META_DATES = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "article.published", "published_time", "datepublished", "date", "dc.date",
    "dc.date.issued", "dc.date.created", "dcterms.created", "dcterms.issued", "pubdate",
    "publishdate", "publish-date", "sailthru.date", "parsely-pub-date",
)
_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_TIME_TAG = re.compile(r"<time\b[^>]*\bdatetime\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_CANONICAL = re.compile(r"<link\b[^>]*rel\s*=\s*[\"']canonical[\"'][^>]*>", re.IGNORECASE)


@dataclass
class PageParts:
    title: str | None
    body: str
    published_raw: str | None
    published_found: str | None
    """Where the page said it: "meta article:published_time", "JSON-LD", "<time>"."""
    url: str | None
    outlet: str | None


def raw_published(html: str) -> tuple[str | None, str | None]:
    """(the page's own publication string, where it was): meta tags, JSON-LD, then <time>.

    Only what the page states: trafilatura's date, which falls back to guessing from the
    text and gives "1 January" of a year it saw, would invent a date the page never gave.
    """
    found: dict[str, str] = {}
    for tag in _META_TAG.findall(html[:300_000]):
        attrs = {m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
                 for m in _ATTR.finditer(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in _META_DATES and attrs.get("content"):
            found.setdefault(key, attrs["content"].strip())
    for key in _META_DATES:
        if key in found:
            return found[key], f"meta {key}"
    for pattern, how in ((_JSONLD_DATE, "JSON-LD"), (_TIME_TAG, "<time>")):
        match = pattern.search(html)
        if match:
            return match.group(1).strip(), how
    return None, None


def canonical_link(html: str) -> str | None:
    """The page's own `<link rel="canonical">` href, as written (not normalised: that is
    `briefing.urls.canonical_url`'s job, done where articles are compared)."""
    match = _CANONICAL.search(html[:300_000])
    if not match:
        return None
    href = re.search(r"href\s*=\s*[\"']([^\"']+)[\"']", match.group(0))
    return href.group(1).strip() if href else None


def parse_page(html: str, url: str | None = None, max_date: str | None = None) -> PageParts:
    """Main text and metadata; raises ValueError when the page holds no article text."""
    import trafilatura
    from trafilatura.settings import Document, set_date_params

    date_params = set_date_params(True)
    date_params["outputformat"] = "%Y-%m-%dT%H:%M:%S%z"
    if max_date:
        date_params["max_date"] = max_date  # trafilatura's default reads the host clock
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False,
        date_extraction_params=date_params,
    )
    if document is None:
        # trafilatura drops the whole page when its metadata reading fails (an offset of
        # +24:00 in a date tag); the text stands without it, and the date is ours anyway.
        document = trafilatura.bare_extraction(html, url=url, with_metadata=False,
                                               include_comments=False)
    # (a dict only when asked for one; a None when trafilatura found nothing)
    if not isinstance(document, Document) or not re.search(r"[^\W\d_]{2,}", document.text or ""):
        raise ValueError("no article text found in the page")
    body, _ = strip_controls(document.text or "")
    title = document.title.strip() if document.title else None
    first, _, rest = body.strip().partition("\n")
    if title and rest and first.strip().casefold() == title.casefold():
        body = rest  # the headline is the title, shown apart; not the story's first line
    outlet = document.sitename.strip() if document.sitename else None
    raw, found = raw_published(html)
    return PageParts(title=title, body=body.strip(), published_raw=raw, published_found=found,
                     url=canonical_link(html) or url, outlet=outlet)
