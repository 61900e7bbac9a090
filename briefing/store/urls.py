"""One spelling per article URL, so the same story reached by two links is stored once.

Written by hand on purpose: the few rules needed (case of scheme and host, default ports,
fragments, tracking parameters) are a dozen lines of `urllib.parse`, while the libraries that
do "URL normalisation" either pull in a dependency tree or rewrite paths (percent-decoding,
dropping trailing slashes) in ways that can merge two different articles.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING_PREFIXES = ("utm_", "mc_")
_TRACKING_NAMES = frozenset({"fbclid", "gclid", "dclid", "msclkid", "igshid", "ocid", "cmpid"})
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_NAMES or lowered.startswith(_TRACKING_PREFIXES)


def canonical_url(url: str | None) -> str | None:
    """The key an article's link is stored under; None for anything that is not http(s).

    Only changes that never alter which document a server returns: lower-case scheme and
    host, no default port, no fragment, no campaign-tracking parameters, `http` and `https`
    treated alike (the same article is routinely linked both ways).
    """
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
