"""Plain-text primitives for the brief: cleaning article text and wrapping at 72 columns.

Everything that came from an article passes through `clean` before it reaches the file, so a
hostile page cannot smuggle terminal escapes, bidi overrides or control characters into a
brief that the next shift will `cat` in their terminal.  What counts as unsafe is decided
once, in `briefing.core.textclean` (the loaders' cleaner); this module only shapes the
spacing.  Running it again here is not redundant: analyses and titles may come from a store
written by an older version, and the brief must be safe whatever it was given.
"""

from __future__ import annotations

import re
import textwrap

from briefing.core.textclean import strip_controls

WIDTH = 72

_SPACES = re.compile(r"[^\S\n]+")


def clean(text: str | None, *, keep_newlines: bool = False) -> str:
    """Article text made safe and single-spaced for the file."""
    if not text:
        return ""
    text, _ = strip_controls(text.replace("\t", " "))
    if not keep_newlines:
        text = text.replace("\n", " ")
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def printable(line: str) -> str:
    """One finished line of the brief, stripped of anything unsafe; indentation kept."""
    safe, _ = strip_controls(line.replace("\t", " "))
    return safe.replace("\n", "").rstrip()


def clip(text: str, limit: int) -> str:
    """Shorten at a word boundary with an ellipsis; wording kept, never paraphrased."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:—–-") + "…"


def wrap(text: str, *, indent: str = "", hang: str | None = None, width: int = WIDTH) -> list[str]:
    """Wrap one paragraph; `hang` indents the continuation lines (defaults to `indent`).

    Long words (URLs) are broken rather than allowed past the margin: the width is a promise
    to printers and fixed-width message systems.
    """
    wrapper = textwrap.TextWrapper(
        width=width, initial_indent=indent,
        subsequent_indent=indent if hang is None else hang,
        break_long_words=True, break_on_hyphens=False, drop_whitespace=True,
    )
    return wrapper.wrap(text) or [indent.rstrip()]


def labelled(label: str, text: str, *, indent: str = "", label_width: int = 0) -> list[str]:
    """`Label: text` with the text's continuation lines aligned under its first word."""
    head = f"{indent}{label.ljust(label_width)} "
    return wrap(text, indent=head, hang=" " * len(head))


def heading(number: int | None, title: str) -> list[str]:
    """A section heading and its rule, full width, so sections stand out in plain text."""
    name = f"{number}. {title.upper()}" if number is not None else title.upper()
    return [name, "-" * len(name)]


def rule(char: str = "=") -> str:
    return char * WIDTH
