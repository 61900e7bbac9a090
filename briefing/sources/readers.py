"""Dispatch on what a source is: a path (by suffix, else by sniffing), a folder, a URL."""

from __future__ import annotations

import os
import re
import stat
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
from briefing.sources.limits import (
    TooLarge,
    check_chars,
    max_bytes,
    over_bytes,
    read_capped,
)
from briefing.sources.problems import LoadError, LoadProblem, ProblemHandler
from briefing.sources.text import split_text
from briefing.sources.web import FetchError, fetch, make_client
from briefing.urls import redacted

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
        """Report one problem; a URL's `user:password@` never reaches the message."""
        self.on_problem(LoadProblem(redacted(source), redacted(reason), fatal))

    def read(self, source: str) -> list[Article]:
        """The articles of one source; any failure is reported with the source, never raised.

        The loaders below already turn every expected failure into a problem; this is the
        last line, so a parser bug on one hostile file costs that file, not the run.
        """
        return self._guarded(source, lambda: self._read(source))

    def read_stdin(self, data: bytes | None = None) -> list[Article]:
        """Standard input, read up to the size cap (a pipe from `/dev/zero` stops there)."""
        import sys

        cap = max_bytes()
        if data is None:
            try:
                data = read_capped(sys.stdin.buffer, cap)
            except TooLarge as exc:
                self.problem("<stdin>", f"standard input is {exc}")
                return []
            except OSError as exc:
                self.problem("<stdin>", f"cannot read ({exc.strerror or exc})")
                return []
        elif len(data) > cap:
            self.problem("<stdin>", f"standard input is {over_bytes(cap)}")
            return []
        held = data
        return self._guarded("<stdin>", lambda: self.from_bytes(held, "<stdin>"))

    def _guarded(self, source: str, work: Callable[[], list[Article]]) -> list[Article]:
        """`work()`, with any failure it did not foresee reported as this source's problem
        (a `LoadError` still raises: the caller asked for fatal problems to)."""
        try:
            return work()
        except LoadError:
            raise
        except Exception as exc:
            self.problem(source, f"could not be read ({type(exc).__name__}: {exc})")
            return []

    def _read(self, source: str) -> list[Article]:
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
        """Every article file under `folder`, each read on its own (one bad file costs only
        itself).  Symbolic links leading out of the folder are skipped and said: a folder
        someone else filled must not make the officer's own files part of a brief."""
        walk = FolderWalk(folder)
        for shown, reason, fatal in walk.problems:
            self.problem(source if shown == str(folder) else shown, reason, fatal)
        if not walk.files and not walk.problems:
            self.problem(source, "folder holds no articles (.txt, .md, .html, .xml ...)")
        articles: list[Article] = []
        for path in walk.files:
            articles.extend(self.read(str(path)))
        return articles

    def read_file(self, path: Path, source: str) -> list[Article]:
        data = self._file_bytes(path, source)
        if data is None:
            return []
        if isinstance(data, Path):
            return self.read_folder(data, source)
        if self.memo is None:
            return self.from_bytes(data, source, suffix=path.suffix.lower(),
                                   base_url=path.resolve().as_uri(), local_dir=path.parent)
        return self._remembered(path, source, data)

    def _file_bytes(self, path: Path, source: str) -> bytes | Path | None:
        """A regular file's bytes, up to the size cap; the folder itself for a folder; None
        (reported) for anything else.  Devices, FIFOs and sockets are refused before they
        are opened: `/dev/zero` never ends and a FIFO blocks the open until a writer comes.
        """
        try:
            info = path.stat()
        except FileNotFoundError:
            self.problem(source, "no such file or folder")
            return None
        except OSError as exc:
            self.problem(source, f"cannot read ({exc.strerror or exc})")
            return None
        if stat.S_ISDIR(info.st_mode):
            return path
        if not stat.S_ISREG(info.st_mode):
            self.problem(source, f"not a regular file ({_file_kind(info.st_mode)}); not read")
            return None
        cap = max_bytes()
        if info.st_size > cap:
            self.problem(source, f"file of {info.st_size:,} bytes is {over_bytes(cap)}")
            return None
        try:
            # O_NONBLOCK: a file swapped for a FIFO since the stat cannot block the open.
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            with os.fdopen(fd, "rb") as stream:
                if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                    self.problem(source, "not a regular file; not read")
                    return None
                return read_capped(stream, cap)
        except TooLarge as exc:
            self.problem(source, f"file is {exc}")
        except OSError as exc:
            self.problem(source, f"cannot read ({exc.strerror or exc})")
        return None

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
            self.problem(url, f"unsupported content type {result.content_type!r} (the server "
                         "sent neither a page nor a feed)")
            return []
        final = redacted(result.url)
        return self.from_bytes(result.body, redacted(url), kind=kind, charset=result.charset,
                               base_url=final, page_url=final)

    def from_bytes(self, data: bytes, source: str, *, suffix: str = "", kind: str | None = None,
                   charset: str | None = None, base_url: str | None = None,
                   local_dir: Path | None = None, page_url: str | None = None) -> list[Article]:
        """One source's bytes as articles: a feed's entries, a page, or a text file."""
        data, bom_charset = _from_bom(data)
        charset = bom_charset or charset
        refused = _unusable(data, page_url)
        if refused:
            self.problem(source, refused)
            return []
        kind = kind or _kind_from_suffix(suffix) or _sniff(data)
        if kind == "text" and page_url:
            kind = _sniff(data)  # servers label feeds and pages text/plain often enough
        feed_in_disguise = kind == "html" and looks_like_feed(data) and not _HTML_START.match(data)
        if kind == "feed" or feed_in_disguise:
            return self._feed(data, source, base_url, local_dir, page_url)
        if kind == "html" and not charset:
            charset = _meta_charset(data)
        text, caveat = decode(data, charset)
        too_long = check_chars(text)
        if too_long:
            self.problem(source, too_long)
            return []
        if caveat:
            self.problem(source, f"{caveat}; loaded with replacement characters", fatal=False)
        notes = [caveat] if caveat else []
        if kind == "html":
            return self._html(text, source, page_url, notes)
        return self._text(text, source, page_url, notes)

    def _feed(self, data: bytes, source: str, base_url: str | None, local_dir: Path | None,
              page_url: str | None) -> list[Article]:
        """A feed's entries, their pages followed from the feed's folder or over HTTP."""
        loader: PageLoader | None
        if local_dir:
            loader = self._local_page_loader(local_dir)
        else:
            loader = self.http_page_loader() if page_url else None
        return parse_feed(data, source, base_url, self.on_problem,
                          retrieved=self._retrieved(page_url), page_loader=loader)

    def _text(self, text: str, source: str, page_url: str | None,
              notes: list[str]) -> list[Article]:
        """A text or Markdown article: front matter, then the body less page furniture."""
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

        def guarded(url: str) -> Article | LoadProblem:
            """One page; whatever it raises costs that page only, never the feed."""
            try:
                return one(url)
            except Exception as exc:
                return LoadProblem(redacted(url), f"could not be read ({type(exc).__name__}: "
                                   f"{redacted(str(exc))})")

        def load_pages(urls: list[str]) -> dict[str, Article | LoadProblem]:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(PAGE_WORKERS, thread_name_prefix="page") as pool:
                return dict(zip(urls, pool.map(guarded, urls), strict=True))

        return load_pages


class FolderWalk:
    """The article files under a folder, in order, and what was skipped or unreadable.

    Walked by hand (not `rglob`) for two reasons: a sub-folder that cannot be listed must be
    said ("cannot read folder"), not silently taken for empty; and a symbolic link is
    followed only when it resolves inside the folder, so a link to `/etc/hostname` or to
    the officer's home is skipped, and said.
    """

    SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES

    def __init__(self, folder: Path) -> None:
        self.root = folder.resolve()
        self.files: list[Path] = []
        self.problems: list[tuple[str, str, bool]] = []
        """(path, reason, fatal): an unreadable folder loses articles; a skipped link not."""
        self._seen: set[Path] = set()
        self._walk(folder)
        self.files.sort()

    def _walk(self, folder: Path) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            self.problems.append((str(folder), unreadable_folder(exc), True))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue  # dot-folders and dot-files (.git, editor swap files)
            self._entry(Path(entry.path), entry)

    def _entry(self, path: Path, entry: os.DirEntry[str]) -> None:
        try:
            is_dir = entry.is_dir()
            is_link = entry.is_symlink()
        except OSError as exc:
            self.problems.append((str(path), f"cannot read ({exc.strerror or exc})", True))
            return
        if not is_dir and path.suffix.lower() not in self.SUFFIXES:
            return
        if is_link:
            target = path.resolve()
            if not target.is_relative_to(self.root):
                self.problems.append((str(path), f"symbolic link leads outside the folder "
                                      f"(to {target}); skipped", False))
                return
            if is_dir:
                return  # a link to a folder inside: its files are read there, once
        if is_dir:
            key = path.resolve()
            if key not in self._seen:
                self._seen.add(key)
                self._walk(path)
        else:
            self.files.append(path)


def unreadable_folder(exc: OSError) -> str:
    """The reason for a folder that cannot be listed: never "empty", which would send the
    officer looking for articles that are there."""
    return f"cannot read folder ({exc.strerror or exc}); its articles were not loaded"


def _unusable(data: bytes, page_url: str | None) -> str | None:
    """Why these bytes are no article at all (nothing, blank space, binary), or None."""
    if not data:
        return "empty file" if not page_url else "empty response body"
    if not data.strip():
        return ("empty file: no text, only blank space; not an article" if not page_url
                else "empty response body: only blank space")
    if looks_binary(data):
        return "binary data, not text (an image, PDF or archive?)"
    return None


def _file_kind(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"))
_XML_ENCODING = re.compile(rb"""^(<\?xml[^>]*?encoding=["'])[^"']*(["'])""")
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _from_bom(data: bytes) -> tuple[bytes, str | None]:
    """UTF-16 and UTF-32 text (with its byte-order mark) as UTF-8, so it is not taken for
    binary (its NUL bytes) and every later step reads it as any other file.  An XML
    declaration naming the old encoding is made to say UTF-8."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                return data, None
            utf8 = text.encode("utf-8", "surrogatepass")
            return _XML_ENCODING.sub(rb"\1utf-8\2", utf8, count=1), "utf-8"
    return data, None


def _meta_charset(data: bytes) -> str | None:
    """The page's own `<meta charset>` when its bytes are not UTF-8 (a Latin-1 page), so
    it decodes without replacement characters.  Valid UTF-8 stays UTF-8: a wrong meta tag
    on a UTF-8 page is common, and reading it as Latin-1 would garble every accent."""
    try:
        data.decode("utf-8")
        return None
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    import codecs

    name = match.group(1).decode("ascii", "ignore").lower()
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    # As browsers do: a page labelled Latin-1 is windows-1252 (curly quotes in 0x80-0x9f).
    if name in ("latin-1", "iso8859-1", "ascii") and _decodes(data, "cp1252"):
        return "cp1252"
    return name


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
        return True
    except UnicodeDecodeError:
        return False


def _digest(path: Path) -> str:
    """A file's bytes as a hash ("" when it cannot be read: a change, as far as a memo goes)."""
    import hashlib

    try:
        with path.open("rb") as stream:  # streamed: a large page never sits in memory
            return hashlib.file_digest(stream, "sha256").hexdigest()
    except OSError:
        return ""


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
