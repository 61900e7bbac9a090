"""Untrusted text made safe to show: literal, never markup, never a terminal escape.

Article titles, bodies and quotes come from the open web.  Textual parses plain `str` as
markup in many places (`[0] Update` raises MarkupError, `[link=...]` makes a link), and a raw
ESC byte would reach the terminal.  Everything from an article goes through `literal()`.

Which characters are unsafe is decided once, by `briefing.core.textclean.UNSAFE_CHAR`
(controls, bidi embeddings/overrides/isolates, lone surrogates); the loaders already removed
them from stored text.  Here they are not removed but swapped one-for-one with visible
stand-ins (a bidi override shows as U+FFFD), so offsets into the article text stay valid for
highlighting whatever text reaches the screen.
"""

from __future__ import annotations

from textual.content import Content

from briefing.core.textclean import visible_controls

__all__ = ["literal", "one_line", "source_label", "visible_controls"]


def literal(text: str) -> Content:
    """Content showing `text` exactly as written: no markup parsing, no escapes."""
    return Content(visible_controls(text))


def one_line(text: str, limit: int = 200) -> str:
    """Collapse whitespace for a one-line list row, cleaned."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1] + "…"
    return visible_controls(flat)


def source_label(outlet: str | None, source: str, url: str | None = None) -> str:
    """Who published it, for a list row: the outlet, else the host, else the file name."""
    if outlet:
        return outlet
    from urllib.parse import urlparse

    link = url or source
    if "://" in link:
        return urlparse(link).netloc or link
    return link.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
