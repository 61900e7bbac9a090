"""http(s) fetching with the limits a watch floor needs: timeouts, redirect cap, size cap."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing.about import __version__

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"briefing/{__version__} (terminal news dashboard; +https://pypi.org/project/briefing/)"
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 15.0
DEADLINE = 60.0
"""Seconds a whole fetch may take.  The read timeout bounds each wait for a byte, so a
server trickling a byte every few seconds would otherwise hold a load (and quit) forever."""


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
          headers: dict[str, str] | None = None, max_bytes: int = MAX_BYTES,
          deadline: float = DEADLINE, cancelled: Callable[[], bool] | None = None
          ) -> FetchResult:
    """GET `url`; raise FetchError with a plain reason for every way it can fail.

    `deadline` caps the whole fetch in seconds; `cancelled` (say, the officer quit) is asked
    before connecting and between chunks.  Both are checked as bytes arrive, so either can
    overrun by at most one read timeout while the server is silent.
    """
    import httpx

    if not url.lower().startswith(("http://", "https://")):
        raise FetchError("only http and https URLs are fetched")
    give_up = time.monotonic() + deadline

    def check() -> None:
        if cancelled is not None and cancelled():
            raise FetchError("cancelled")
        if time.monotonic() > give_up:
            raise FetchError(f"took longer than {deadline:g} s; gave up")

    check()
    own_client = client is None
    client = client or make_client()
    try:
        with client.stream("GET", url, headers=headers) as response:
            if response.status_code == 304:
                return FetchResult(str(response.url), 304, "", None, b"", dict(response.headers))
            if response.status_code >= 400:
                raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
            declared = int(response.headers.get("content-length") or 0)
            if declared > max_bytes:
                raise FetchError(f"body of {declared:,} bytes is over the {max_bytes:,}-byte cap")
            check()
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                check()
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"body is over the {max_bytes:,}-byte cap")
                chunks.append(chunk)
            content_type = response.headers.get("content-type", "")
            return FetchResult(str(response.url), response.status_code,
                               content_type.split(";")[0].strip().lower(),
                               response.charset_encoding, b"".join(chunks), dict(response.headers))
    except httpx.TooManyRedirects:
        raise FetchError(f"redirect loop or more than {MAX_REDIRECTS} redirects") from None
    except httpx.ConnectTimeout:
        raise FetchError("timed out while connecting") from None
    except httpx.TimeoutException:
        raise FetchError(f"timed out (no answer within {client.timeout.read:g} s)") from None
    except httpx.ConnectError as exc:
        raise FetchError(f"cannot connect ({_reason(exc)})") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{type(exc).__name__}: {_reason(exc)}") from None
    finally:
        if own_client:
            client.close()


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    if "refused" in text.lower():
        return "connection refused"
    return text.splitlines()[0][:200]
