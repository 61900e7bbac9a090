"""Plain-text primitives for the brief: cleaning article text and wrapping at 72 columns.

Everything that came from an article passes through `clean` before it reaches the file, so a
hostile page cannot smuggle terminal escapes, bidi overrides or control characters into a
brief that the next shift will `cat` in their terminal.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

WIDTH = 72

# ANSI/VT escape sequences (CSI, OSC, DCS and two-character ESC forms), removed whole so that
# no printable remainder ("[31m") survives; then any remaining control or format character.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"          # CSI ... final byte
    r"|\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC/DCS/SOS/PM/APC ... BEL or ST
    r"|\x9b[0-?]*[ -/]*[@-~]"           # 8-bit CSI
    r"|\x1b[()*+#%][0-~]"               # charset and line-size selections
    r"|\x1b[ -~]?"                      # other two-character escapes, or a stray ESC
)
_SPACES = re.compile(r"[^\S\n]+")


def _printable(char: str) -> bool:
    """Keep letters, marks, punctuation, symbols and spaces; drop C0/C1 controls, bidi
    overrides and other format characters (category C*), which only change how text shows."""
    return char == "\n" or not unicodedata.category(char).startswith("C")


def clean(text: str | None, *, keep_newlines: bool = False) -> str:
    """Article text made safe and single-spaced for the file."""
    if not text:
        return ""
    text = _ESCAPES.sub("", text)
    text = text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(c for c in text if _printable(c))
    if not keep_newlines:
        text = text.replace("\n", " ")
    text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def printable(line: str) -> str:
    """One finished line of the brief, stripped of anything unprintable; indentation kept."""
    line = _ESCAPES.sub("", line).replace("\t", " ")
    return "".join(c for c in line if c == " " or (_printable(c) and c != "\n")).rstrip()


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
