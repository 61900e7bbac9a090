"""Making untrusted bytes safe to hold: decoding, control characters, terminal escapes.

Every loader passes its text through here, so no escape sequence from a page or feed can
reach the terminal, the store or the brief, and every repair is said out loud.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# CSI/OSC/other ESC sequences first (so their parameters go with them), then any other
# C0/C1 control character except tab and newline.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"          # CSI: colours, cursor moves
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: titles, hyperlinks, clipboard writes
    r"|\x1b[@-_]|\x9b[0-?]*[ -/]*[@-~]"  # other two-byte escapes, 8-bit CSI
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
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


def strip_controls(text: str) -> tuple[str, int]:
    """Remove terminal escapes and control characters; return the text and how many went."""
    cleaned, escapes = _ESCAPES.subn("", text)
    cleaned = cleaned.replace("\r\n", "\n").replace("\r", "\n")
    cleaned, controls = _CONTROLS.subn("", cleaned)
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
