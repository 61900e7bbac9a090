"""One spelling per article link, shared by the loaders' de-duplication and the store.

Both ask the same question ("is this the story I already hold?"), so they must agree: two
rules that disagree let a load keep two rows the store then merges, or the reverse.

The normalisation, and why:
- scheme and host lower-cased, default port dropped, fragment dropped, campaign-tracking
  parameters (utm_*, mc_*, fbclid, gclid ...) dropped: none of these changes the document a
  server returns.
- `http` and `https` are the same key: the same article is routinely linked both ways, and
  no news site serves a different story on each.
- the path is kept exactly, trailing slash included: `/a` and `/a/` can be different
  resources, and the store revises an article in place when its key matches, so a false
  merge would overwrite one story with another.  A missed merge costs at most a second row,
  and identical bodies are merged anyway by the body key.
- only http(s) links get a key (None otherwise): a `file://` or relative link names a copy
  on one disk, not the published story, and is merged by its body instead.

Written by hand on purpose: these rules are a dozen lines of `urllib.parse`, while the
libraries that do "URL normalisation" either pull in a dependency tree or rewrite paths
(percent-decoding, dropping trailing slashes) in ways that can merge two different articles.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_", "mc_")
_TRACKING_NAMES = frozenset({"fbclid", "gclid", "dclid", "msclkid", "igshid", "ocid", "cmpid"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
# "scheme://user:password@": the credentials of an address written anywhere in a line.
_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://)[^\s/?#]*@")


def _tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_NAMES or lowered.startswith(_TRACKING_PREFIXES)


def canonical_url(url: str | None) -> str | None:
    """The key an article's link is known by; None for anything that is not http(s)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _tracking(k)])
    return urlunsplit(("https", host, parts.path or "/", query, ""))


def redacted(text: str) -> str:
    """`text` (an address, or a message naming addresses) without the `user:password@` an
    officer may have written into a feed address: what the CLI prints (to a terminal, a
    log, a pasted error) must not carry it.  Paths and mail addresses are left alone."""
    return _CREDENTIALS.sub(r"\1", text) if "@" in text else text
