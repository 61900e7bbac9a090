"""Making untrusted bytes safe to hold: decoding, control characters, terminal escapes.

This is the project's one cleaner for text from the open web.  Every loader passes its text
through `strip_controls`, so no escape sequence from a page or feed reaches the store; the
brief (`text`) and the command line run it again on what they print, and the UI maps
the same `UNSAFE_CHAR` set to visible stand-ins.  Every repair is said out loud.

What goes, and why:
- escape sequences whole, introducer, parameters and payload: CSI (colours, cursor moves,
  clearing the screen), OSC (window titles, hyperlinks, clipboard writes), DCS, SOS, PM and
  APC strings (terminal queries, sixel images, tmux passthrough), charset selections.  A
  string's payload runs to its terminator (BEL or ST); an unterminated one ends at the end
  of its line, so one stray ESC cannot swallow the rest of an article.
- C0 and C1 control characters, except tab and newline (carriage returns become newlines).
  A lone 8-bit string introducer (U+0090, U+009D ...) goes but its "payload" stays: in text
  decoded as Latin-1 those code points are usually mis-decoded punctuation, not escapes.
- bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) are removed, not
  kept: they can make a line read in another order than it is stored ("Trojan Source"),
  and news text needs none of them, since the reading order of Arabic or Hebrew comes from
  the letters themselves.  The implicit marks (U+200E LRM, U+200F RLM) stay: they reorder
  nothing.
- lone surrogates, which are not characters and cannot even be written out as UTF-8.
Zero-width joiners, soft hyphens and the like stay: Persian, Indic scripts and emoji need
them, and they change no terminal state and no reading order.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"                   # CSI, 7- and 8-bit
    r"|\x1b[\]PX^_]"                                      # OSC, DCS, SOS, PM, APC ...
    r"(?:[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"          # ... to BEL or ST,
    r"|[^\x07\x1b\x9c\n]*)"                               # ... or, unterminated, to the line end
    r"|\x1b[ -/]*[0-~]"                                    # charset selections, two-byte escapes
    r"|\x1b"                                               # a stray ESC
)
UNSAFE_CHAR = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""One character that must never reach a terminal, the store or a brief (see above)."""
_SPACE_RUN = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def decode(data: bytes, charset: str | None = None) -> tuple[str, str | None]:
    """Text and a caveat: UTF-8 (or the declared charset), else UTF-8 with replacement."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in (charset, "utf-8"):
        if not encoding:
            continue
        try:
            return data.decode(encoding), None
        except (UnicodeDecodeError, LookupError):
            continue
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return text, f"invalid UTF-8: {bad} byte sequence(s) replaced with U+FFFD"


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KiB mean this is not text (images, PDFs, archives)."""
    return b"\x00" in data[:8192]


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control pictures" block: ␛ for ESC
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"  # C1 controls, bidi controls, lone surrogates


def visible_controls(text: str) -> str:
    """`text` with each unsafe character (`UNSAFE_CHAR`) swapped for a visible stand-in:
    ␛ for ESC, ␊ for a line feed, U+FFFD for a C1 control, a bidi override or a lone
    surrogate.  The same length, so offsets survive; nothing is obeyed by the terminal, and
    the reader still sees that something was there (where `strip_controls` removes it).
    The one escaping function for what the CLI and the UI show from outside."""
    return UNSAFE_CHAR.sub(_visible, text)


def blanked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with each span (in order of start; overlaps allowed) replaced by spaces: the
    same length, so offsets still index it, and no word reads across a blanked stretch.
    Quotations for the narrator's words, headlines for the body's."""
    pieces: list[str] = []
    at = 0
    for s, e in spans:
        s = max(s, at)
        if s < e:
            pieces += (text[at:s], " " * (e - s))
            at = e
    pieces.append(text[at:])
    return "".join(pieces)


def strip_controls(text: str) -> tuple[str, int]:
    """Remove escapes, control characters and bidi controls; return the text and how many
    went, so the loader can note a repair instead of making it silently."""
    cleaned, escapes = _ESCAPES.subn("", text)
    cleaned = cleaned.replace("\r\n", "\n").replace("\r", "\n")
    cleaned, controls = UNSAFE_CHAR.subn("", cleaned)
    return cleaned, escapes + controls


def tidy(text: str) -> str:
    """Normalise line ends and runs of blanks; keep paragraphs."""
    lines = [_SPACE_RUN.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def body_key(text: str) -> str:
    """A hash of the body that ignores case, spacing and punctuation: duplicates share it."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    words = re.findall(r"\w+", folded)
    return hashlib.sha256(" ".join(words).encode()).hexdigest()


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
