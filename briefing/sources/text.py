"""Plain text and Markdown articles: front matter, scraped page furniture, the headline.

Scraped text arrives with the page's chrome around the story ("Skip to main content", a
teaser, a section label, "Share", "Tags:").  The rules here are written by hand because no
library trims plain text (trafilatura needs the HTML tree, which a scrape has lost).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A line that is page chrome wherever it stands.
_FURNITURE = re.compile(
    r"""^(?:skip\s+to\s+(?:main\s+)?content|share(?:\s+(?:this|on\s+\w+))?|tags?\s*:.*
    |advertisement|ad|sponsored|read\s+more|related(?:\s+(?:articles|stories))?\s*:?
    |sign\s+up.*newsletter.*|follow\s+us.*|print|email|comments?|listen\s+to\s+this\s+article
    |(?:photo|image|video)\s*(?:credit)?\s*:.*|\(?(?:ap|reuters|afp|getty)\s+photo.*\)?
    |copyright\s.*|©.*)$""",
    re.IGNORECASE | re.VERBOSE,
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass
class TextParts:
    """What a text file yields before it becomes an Article."""

    body: str
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """`key: value` lines between two `---` lines at the very top.

    Parsed by hand rather than with a YAML library: the keys are a handful of scalars
    (title, published, zone, url, outlet) and a YAML dependency would buy nothing else.
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        pair = _KEY_VALUE.match(line)
        if pair:
            meta[pair.group(1).lower()] = pair.group(2).strip().strip("\"'")
    return meta, text[match.end():]


def _is_body_line(line: str) -> bool:
    """Prose: a long line that reads as sentences, not a label or headline."""
    words = len(_WORD.findall(line))
    return words >= 20 or (words >= 12 and line.rstrip().endswith((".", "”", '"', "?", "!")))


def _is_headline(line: str) -> bool:
    words = len(_WORD.findall(line))
    return 3 <= words <= 30 and not line.rstrip().endswith((".", ":")) and line[:1].isupper()


def _strip_markdown_heading(line: str) -> str:
    return re.sub(r"^#{1,6}\s+", "", line).strip()


def split_text(raw: str) -> TextParts:
    """Front matter, then the head (chrome, teaser, headline) apart from the body."""
    meta, rest = split_front_matter(raw)
    lines = [line.strip() for line in rest.split("\n")]
    first_body = next((i for i, line in enumerate(lines) if _is_body_line(line)), None)
    title = meta.get("title") or None
    if first_body is None:
        return _short_note(lines, title, meta)
    if title:
        # A curated file: keep what stands above the prose, less a repeat of its title.
        start = 0
        lines = [line for line in lines if _strip_markdown_heading(line) != title]
    else:
        start, title = first_body, _headline_above(lines[:first_body])
    body_lines = [line for line in lines[start:] if not _FURNITURE.match(line)]
    return TextParts(_tidy_lines(body_lines), title, meta)


def _short_note(lines: list[str], title: str | None, meta: dict[str, str]) -> TextParts:
    """No prose to anchor on (a short note): everything but the chrome, titled by its
    first line unless the front matter gave a title."""
    kept = [line for line in lines if not _FURNITURE.match(line)]
    body = "\n".join(kept).strip()
    if not title:
        first = next((line for line in kept if line), "")
        title = _strip_markdown_heading(first)[:120] or None
    return TextParts(_tidy_lines(body.split("\n")), title, meta)


def _headline_above(head_lines: list[str]) -> str | None:
    """A scrape's headline: the last title-shaped line above the prose; teasers, captions
    and section labels around it are page chrome."""
    head = [_strip_markdown_heading(line) for line in head_lines]
    head = [line for line in head if line and not _FURNITURE.match(line)]
    headlines = [line for line in head if _is_headline(line)]
    return headlines[-1] if headlines else (head[-1] if head else None)


def _tidy_lines(lines: list[str]) -> str:
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
