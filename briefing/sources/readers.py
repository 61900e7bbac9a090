"""Dispatch on what a source is: a path (by suffix, else by sniffing), a folder, a URL."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.core.textclean import decode, looks_binary
from briefing.model import Article
from briefing.sources.build import build_article
from briefing.sources.feeds import PageLoader, looks_like_feed, parse_feed
from briefing.sources.follow import PAGE_WORKERS, PageMemory, SourceMemory, raw_key
from briefing.sources.html import parse_page
from briefing.sources.problems import LoadProblem, ProblemHandler
from briefing.sources.text import split_text
from briefing.sources.web import MAX_BYTES, FetchError, fetch, make_client

if TYPE_CHECKING:
    import httpx

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom", ".rdf"})
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<article|<div|<p\b)",
                         re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml",
               "application/feed+json", "application/xml", "text/xml")


class Reader:
    """Reads sources one by one, reporting each problem and carrying on."""

    def __init__(self, on_problem: ProblemHandler, *, client: httpx.Client | None = None,
                 now: datetime, pages: PageMemory | None = None,
                 cancelled: Callable[[], bool] | None = None,
                 memo: SourceMemory | None = None) -> None:
        self.on_problem = on_problem
        self.memo = memo
        """Extractions by raw bytes (the store): an unchanged file is not parsed again."""
        self._deps: dict[str, str] = {}
        """Pages a local feed being read followed, with their digests (the memo's check)."""
        self.cancelled = cancelled
        self.pages = pages
        """Pages fetched before (the store), for conditional GETs of followed links."""
        self._client = client
        self._own_client = False
        self.now = now

    def close(self) -> None:
        if self._own_client and self._client is not None:
            self._client.close()

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client, self._own_client = make_client(), True
        return self._client

    def problem(self, source: str, reason: str, fatal: bool = True) -> None:
        self.on_problem(LoadProblem(source, reason, fatal))

    def read(self, source: str) -> list[Article]:
        if re.match(r"^[a-z][a-z0-9+.-]*://", source, re.IGNORECASE):
            if source.lower().startswith(("http://", "https://")):
                return self.read_url(source)
            self.problem(source, "unsupported URL scheme (only http and https are fetched)")
            return []
        path = Path(source).expanduser()
        if path.is_dir():
            return self.read_folder(path, source)
        return self.read_file(path, source)

    def read_folder(self, folder: Path, source: str) -> list[Article]:
        suffixes = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
        try:
            files = sorted(p for p in folder.rglob("*")
                           if p.is_file() and p.suffix.lower() in suffixes
                           and not _hidden(p.relative_to(folder)))
        except OSError as exc:
            self.problem(source, f"cannot list folder ({exc.strerror or exc})")
            return []
        if not files:
            self.problem(source, "folder holds no articles (.txt, .md, .html, .xml ...)")
        articles: list[Article] = []
        for path in files:
            articles.extend(self.read_file(path, str(path)))
        return articles

    def read_file(self, path: Path, source: str) -> list[Article]:
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                self.problem(source, f"file of {size:,} bytes is over the {MAX_BYTES:,}-byte cap")
                return []
            data = path.read_bytes()
        except FileNotFoundError:
            self.problem(source, "no such file or folder")
            return []
        except IsADirectoryError:
            return self.read_folder(path, source)
        except OSError as exc:
            self.problem(source, f"cannot read ({exc.strerror or exc})")
            return []
        if self.memo is None:
            return self.from_bytes(data, source, suffix=path.suffix.lower(),
                                   base_url=path.resolve().as_uri(), local_dir=path.parent)
        return self._remembered(path, source, data)

    def _remembered(self, path: Path, source: str, data: bytes) -> list[Article]:
        """`from_bytes` through the memo: unchanged bytes (and, for a feed, unchanged pages
        behind its links) give back what they gave before, with nothing parsed.

        A read with a fatal problem is not kept, so the problem is reported again next time.
        """
        assert self.memo is not None
        key = raw_key(source, data)
        held = self.memo.extracted(key)
        if held is not None and all(_digest(Path(p)) == d for p, d in held[1].items()):
            return held[0]
        fatal: list[LoadProblem] = []
        outer, outer_deps = self.on_problem, self._deps

        def watch(problem: LoadProblem) -> None:
            if problem.fatal:
                fatal.append(problem)
            outer(problem)

        self.on_problem, self._deps = watch, {}
        try:
            articles = self.from_bytes(data, source, suffix=path.suffix.lower(),
                                       base_url=path.resolve().as_uri(), local_dir=path.parent)
            deps = self._deps
        finally:
            self.on_problem, self._deps = outer, outer_deps
        if articles and not fatal:
            self.memo.keep_extracted(key, articles, deps)
        return articles

    def read_url(self, url: str) -> list[Article]:
        try:
            result = fetch(url, client=self.client)
        except FetchError as exc:
            self.problem(url, str(exc))
            return []
        kind = _kind_from_type(result.content_type)
        if kind is None and result.content_type and not result.content_type.startswith("text/"):
            self.problem(url, f"unsupported content type {result.content_type!r}")
            return []
        return self.from_bytes(result.body, url, kind=kind, charset=result.charset,
                               base_url=result.url, page_url=result.url)

    def from_bytes(self, data: bytes, source: str, *, suffix: str = "", kind: str | None = None,
                   charset: str | None = None, base_url: str | None = None,
                   local_dir: Path | None = None, page_url: str | None = None) -> list[Article]:
        if not data.strip():
            self.problem(source, "empty file" if not page_url else "empty response body")
            return []
        if looks_binary(data):
            self.problem(source, "binary data, not text (an image, PDF or archive?)")
            return []
        kind = kind or _kind_from_suffix(suffix) or _sniff(data)
        if kind == "text" and page_url:
            kind = _sniff(data)  # servers label feeds and pages text/plain often enough
        feed_in_disguise = kind == "html" and looks_like_feed(data) and not _HTML_START.match(data)
        if kind == "feed" or feed_in_disguise:
            loader: PageLoader | None
            if local_dir:
                loader = self._local_page_loader(local_dir)
            else:
                loader = self.http_page_loader() if page_url else None
            return parse_feed(data, source, base_url, self.on_problem,
                              retrieved=self._retrieved(page_url), page_loader=loader)
        text, caveat = decode(data, charset)
        if caveat:
            self.problem(source, f"{caveat}; loaded with replacement characters", fatal=False)
        notes = [caveat] if caveat else []
        if kind == "html":
            return self._html(text, source, page_url, notes)
        parts = split_text(text)
        if not parts.body.strip():
            self.problem(source, "no article text after trimming page furniture")
            return []
        meta = parts.meta
        return [build_article(
            body=parts.body, source=source, title=parts.title, url=meta.get("url") or page_url,
            published_raw=meta.get("published") or meta.get("date"), zone=meta.get("zone"),
            found="front matter",
            outlet=meta.get("outlet"), retrieved=self._retrieved(page_url), notes=notes,
        )]

    def _html(self, text: str, source: str, page_url: str | None,
              notes: list[str]) -> list[Article]:
        max_date = (self.now + timedelta(days=1)).strftime("%Y-%m-%d")
        try:
            page = parse_page(text, url=page_url, max_date=max_date)
        except ValueError as exc:
            self.problem(source, str(exc))
            return []
        except Exception as exc:  # lxml and trafilatura raise many types on broken markup
            self.problem(source, f"malformed HTML ({type(exc).__name__}: {exc})")
            return []
        return [build_article(
            body=page.body, source=source, title=page.title, url=page.url,
            published_raw=page.published_raw, found=page.published_found, outlet=page.outlet,
            retrieved=self._retrieved(page_url), notes=notes,
        )]

    def _retrieved(self, page_url: str | None) -> datetime | None:
        return self.now if page_url else None

    def _local_page_loader(self, folder: Path) -> PageLoader:
        """Follow a feed entry's link to a page in the feed's folder tree; never elsewhere.

        A feed file is untrusted input: its links could name any file the officer can read
        (`../../.ssh/notes.txt`, `file:///home/...`), which would then sit in the store and
        the brief.  Only `file:` links (relative ones arrive resolved against the feed) to
        files inside the feed's own folder, after resolving `..` and symlinks, are read; any
        other link keeps the entry's own text, and the problem names the path exactly.
        """
        root = folder.resolve()

        def one(url: str) -> Article | LoadProblem | None:
            from urllib.parse import unquote, urlparse

            parts = urlparse(url)
            if parts.scheme != "file":
                return None  # a local feed fetches nothing from the network
            written = unquote(parts.path)
            if parts.netloc not in ("", "localhost"):
                return LoadProblem(url, "a file link naming another host "
                                   f"({parts.netloc}); not followed")
            path = Path(written).resolve()
            if not path.is_relative_to(root):
                shown = written if str(path) == written else f"{written} (that is {path})"
                return LoadProblem(shown, f"link leads outside the feed's folder {root}; "
                                   "not followed")
            if not path.is_file():
                return LoadProblem(written, "linked page not found")
            if path.suffix.lower() not in HTML_SUFFIXES | TEXT_SUFFIXES:
                return None
            self._deps[str(path)] = _digest(path)
            return self._one_page(lambda sub: sub.read_file(path, str(path)), written)

        def load_pages(urls: list[str]) -> dict[str, Article | LoadProblem]:
            found = {url: one(url) for url in urls}
            return {url: got for url, got in found.items() if got is not None}

        return load_pages

    def _one_page(self, read: Callable[[Reader], list[Article]],
                  source: str) -> Article | LoadProblem:
        """Read one linked page with its problems collected, not reported: the feed decides
        whether a failed page is fatal (no summary to fall back on) or a caveat."""
        problems: list[LoadProblem] = []
        sub = Reader(problems.append, client=self._client, now=self.now, memo=self.memo)
        try:
            pages = read(sub)
        except Exception as exc:  # a page must never take the feed down with it
            return LoadProblem(source, f"{type(exc).__name__}: {exc}")
        if pages:
            return pages[0]
        fatal = [p for p in problems if p.fatal]
        return fatal[0] if fatal else LoadProblem(source, "no article text found in the page")

    def http_page_loader(self) -> PageLoader:
        """Follow entries' http(s) links, `PAGE_WORKERS` at a time, with a URL source's
        limits (size cap, timeouts, redirect cap, content type); a page held from an earlier
        fetch is asked for with its validators and, when unchanged (304), taken from memory."""
        client = self.client  # made here, on this thread, and shared by the workers

        def one(url: str) -> Article | LoadProblem:
            from urllib.parse import urlparse

            if urlparse(url).scheme not in ("http", "https"):
                return LoadProblem(url, "a feed served over HTTP may link only to http(s) "
                                   "pages; not followed")
            held = self.pages.held(url) if self.pages else None
            headers = held.conditional_headers() if held else None
            try:
                result = fetch(url, client=client, headers=headers, cancelled=self.cancelled)
            except FetchError as exc:
                return LoadProblem(url, str(exc))
            if result.not_modified and held:
                return held.article
            kind = _kind_from_type(result.content_type)
            if kind == "feed" or (kind is None and result.content_type
                                  and not result.content_type.startswith("text/")):
                return LoadProblem(url, f"unsupported content type {result.content_type!r} "
                                   "for an article page")
            page = self._one_page(
                lambda sub: sub.from_bytes(result.body, url, kind=kind or "html",
                                           charset=result.charset, page_url=result.url), url)
            if isinstance(page, Article) and self.pages:
                self.pages.remember(url, result.headers.get("etag"),
                                    result.headers.get("last-modified"))
            return page

        def load_pages(urls: list[str]) -> dict[str, Article | LoadProblem]:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(PAGE_WORKERS, thread_name_prefix="page") as pool:
                return dict(zip(urls, pool.map(one, urls), strict=True))

        return load_pages


def _digest(path: Path) -> str:
    """A file's bytes as a hash ("" when it cannot be read: a change, as far as a memo goes)."""
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def _hidden(relative: Path) -> bool:
    """Dot-folders and dot-files (.git, editor swap files) are never articles."""
    return any(part.startswith(".") for part in relative.parts)


def _kind_from_suffix(suffix: str) -> str | None:
    if suffix in TEXT_SUFFIXES:
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    return None


def _kind_from_type(content_type: str) -> str | None:
    if content_type in _HTML_TYPES:
        return "html"
    if content_type in _FEED_TYPES or content_type.endswith(("+xml", "/xml")):
        return "feed"
    if content_type in ("text/plain", "text/markdown"):
        return "text"
    return None


def _sniff(data: bytes) -> str:
    if looks_like_feed(data):
        return "feed"
    if _HTML_START.match(data[:1024]):
        return "html"
    return "text"
