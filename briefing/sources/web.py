"""http(s) fetching with the limits a watch floor needs: timeouts, redirect cap, size cap.

Every limit holds while the bytes arrive: the body is counted after decompression (a gzip
bomb stops at the cap, not in memory), and one overall deadline covers connecting, the
headers and the body together.  The per-read timeout alone is not enough: a server sending
its headers one byte a second never lets a read time out, and would hold `extract` (or the
dashboard's refresh) for as long as it likes.  The deadline is enforced by a watchdog that
shuts the connection's socket down when time is up, so even a read blocked in the middle of
the headers returns at once.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing.about import __version__
from briefing.sources.limits import (
    DEFAULT_DEADLINE,
    DEFAULT_MAX_BYTES,
    fetch_deadline,
    over_bytes,
)
from briefing.sources.limits import max_bytes as default_max_bytes
from briefing.urls import redacted

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"briefing/{__version__} (terminal news dashboard; +https://pypi.org/project/briefing/)"
MAX_BYTES = DEFAULT_MAX_BYTES
"""The default size cap; `BRIEFING_MAX_BYTES` overrides it at each fetch."""
MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 15.0
DEADLINE = DEFAULT_DEADLINE
"""Seconds a whole fetch may take (`BRIEFING_FETCH_DEADLINE` overrides it).  The read
timeout bounds each wait for a byte, so a server trickling a byte every few seconds would
otherwise hold a load (and quit) forever."""


class FetchError(Exception):
    """A fetch that failed, with the reason the officer will read."""


@dataclass
class FetchResult:
    url: str
    """The final URL, after redirects."""
    status: int
    content_type: str
    charset: str | None
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    """Response headers, names in lower case (as httpx gives them)."""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def make_client(transport: httpx.BaseTransport | None = None, *,
                read_timeout: float = READ_TIMEOUT) -> httpx.Client:
    """One client per load: shared connections, our limits, and an injectable transport."""
    import httpx

    return httpx.Client(
        timeout=httpx.Timeout(read_timeout, connect=CONNECT_TIMEOUT),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        headers={"User-Agent": USER_AGENT, "Accept": "text/html, application/rss+xml, "
                 "application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.1"},
        transport=transport,
    )


def fetch(url: str, *, client: httpx.Client | None = None,
          headers: dict[str, str] | None = None, max_bytes: int | None = None,
          deadline: float | None = None, cancelled: Callable[[], bool] | None = None
          ) -> FetchResult:
    """GET `url`; raise FetchError with a plain reason for every way it can fail.

    `deadline` caps the whole fetch in seconds (default `BRIEFING_FETCH_DEADLINE`, 30 s),
    headers included; `cancelled` (say, the officer quit) is asked before connecting and
    between chunks.  Every reason names the URL without its `user:password@`.
    """
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError("only http and https URLs are fetched")
    limit = max_bytes if max_bytes is not None else default_max_bytes()
    watch = _Watchdog(deadline if deadline is not None else fetch_deadline(), cancelled)
    watch.check()
    own_client = client is None
    client = client or make_client()
    try:
        with watch:
            return _get(client, url, headers, limit, watch)
    except FetchError as exc:
        raise FetchError(redacted(str(exc))) from None
    except Exception as exc:  # httpx's, the URL parser's, and a socket shut by the watchdog
        raise FetchError(redacted(_explain(exc, client, watch))) from None
    finally:
        if own_client:
            client.close()


class _Watchdog:
    """The overall deadline and the cancel check, for one fetch.

    `check` is asked between chunks; the timer, armed for the time left, shuts the socket
    httpcore connected (seen through its trace hook) so a read blocked on a trickling server
    returns at once instead of after the server is done.
    """

    def __init__(self, seconds: float, cancelled: Callable[[], bool] | None) -> None:
        self.seconds = seconds
        self.cancelled = cancelled
        self.give_up = time.monotonic() + seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise FetchError("cancelled")
        if self.expired or time.monotonic() > self.give_up:
            self.expired = True
            raise FetchError(self.reason())

    def reason(self) -> str:
        return (f"took longer than {self.seconds:g} s in all; gave up "
                "(BRIEFING_FETCH_DEADLINE sets the limit)")

    def trace(self, event: str, info: dict) -> None:
        """httpcore's trace hook: keep the socket of each new connection."""
        if event == "connection.connect_tcp.complete":
            stream = info.get("return_value")
            sock = stream.get_extra_info("socket") if stream is not None else None
            if isinstance(sock, socket.socket):
                with self._lock:
                    self._sockets.append(sock)
                    if self.expired:
                        self._shut(sock)

    def __enter__(self) -> _Watchdog:
        self._timer = threading.Timer(max(0.0, self.give_up - time.monotonic()), self._fire)
        self._timer.daemon = True
        self._timer.start()
        return self

    def __exit__(self, *_: object) -> None:
        if self._timer is not None:
            self._timer.cancel()

    def _fire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):  # already closed: nothing waits on it
            sock.shutdown(socket.SHUT_RDWR)


def _get(client: httpx.Client, url: str, headers: dict[str, str] | None, limit: int,
         watch: _Watchdog) -> FetchResult:
    """The request itself, with the body counted as it arrives (after decompression)."""
    with client.stream("GET", url, headers=headers,
                       extensions={"trace": watch.trace}) as response:
        if response.status_code == 304:
            return FetchResult(str(response.url), 304, "", None, b"", dict(response.headers))
        if response.status_code >= 400:
            raise FetchError(_status_reason(response))
        declared = response.headers.get("content-length") or ""
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"body of {int(declared):,} bytes is {over_bytes(limit)}")
        watch.check()
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            watch.check()
            size += len(chunk)
            if size > limit:
                raise FetchError(f"body is {over_bytes(limit)}")
            chunks.append(chunk)
        watch.check()
        content_type = response.headers.get("content-type", "")
        return FetchResult(str(response.url), response.status_code,
                           content_type.split(";")[0].strip().lower(),
                           response.charset_encoding, b"".join(chunks), dict(response.headers))


def _status_reason(response: httpx.Response) -> str:
    """`HTTP 404 Not Found`; for 429 and 503, when the server says to try again."""
    reason = f"HTTP {response.status_code} {response.reason_phrase}".strip()
    if response.status_code in (429, 503):
        when = _retry_after(response.headers.get("retry-after"))
        if when:
            reason += f"; the server asks to retry {when}"
        elif response.status_code == 429:
            reason += "; too many requests, retry later"
    return reason


def _retry_after(value: str | None) -> str | None:
    """A Retry-After header (seconds or an HTTP date) as words with a UTC time."""
    from datetime import UTC, timedelta
    from email.utils import parsedate_to_datetime

    from briefing.clock import clock_from_env, system_clock

    if not value:
        return None
    value = value.strip()
    try:
        now = clock_from_env()()  # the one clock: BRIEFING_NOW fixes it here too
    except ValueError:  # a bad BRIEFING_NOW is said elsewhere; a hint needs only a clock
        now = system_clock()
    if value.isdigit():
        at = now + timedelta(seconds=int(value))
        return f"after {int(value)} s (at {at:%H:%M}Z)"
    try:
        at = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return f"at {at.astimezone(UTC):%Y-%m-%d %H:%M}Z"


def _explain(exc: Exception, client: httpx.Client, watch: _Watchdog) -> str:
    """The officer's reason for an exception raised while fetching."""
    import httpx

    if watch.expired:
        return watch.reason()
    if isinstance(exc, httpx.InvalidURL | ValueError | UnicodeError):
        return f"malformed URL ({_reason(exc)})"
    if isinstance(exc, httpx.TooManyRedirects):
        return f"redirect loop or more than {MAX_REDIRECTS} redirects"
    if isinstance(exc, httpx.ConnectTimeout):
        return "timed out while connecting"
    if isinstance(exc, httpx.TimeoutException):
        return f"timed out (no answer within {client.timeout.read:g} s)"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect ({_reason(exc)})"
    if isinstance(exc, httpx.HTTPError | OSError):
        return f"{type(exc).__name__}: {_reason(exc)}"
    raise exc


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    if "refused" in text.lower():
        return "connection refused"
    return text.splitlines()[0][:200]
