"""Scraped page furniture run into a sentence: picture captions, share and play buttons,
video-player chrome, embedded posts' signatures, bare links.

One home for the pattern: the open-question finder skips such sentences and the brief
never takes one as a lead or a watch item.  A sentence that carries any of these is page
routine glued to prose by a scraper, not a statement of the story.
"""

from __future__ import annotations

import re

PAGE_FURNITURE = re.compile(
    r"image (?:copyright|caption)|media caption|pic\.twitter\.com|https?://"
    r"|video (?:loading|unavailable)|click to (?:play|share)|opens in new window"
    r"|\bskip ad\b|\bad loading\b"
    r"|\(@\w+\) \w+ \d"  # an embedded post's signature: "(@name) November 8"
    # a picture credit: "(Jane Doe/Reuters)", "Jane Doe/The Daily Post"
    r"|(?-i:\b[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+){1,3}/(?:The )?[A-Z][\w\-]+)",
    re.IGNORECASE)

# A literal piece of every kind above, in lower case: a sentence with none of them holds no
# furniture, and the pattern (costly on a long sentence) is not tried.
_HINTS = ("caption", "copyright", "twitter.com", "http", "video", "click to", "opens in",
          "skip ad", "ad loading", "(@", "/")


def has_furniture(text: str) -> bool:
    """Whether `text` carries page furniture (`PAGE_FURNITURE`)."""
    low = text.lower()
    return any(h in low for h in _HINTS) and PAGE_FURNITURE.search(text) is not None


# A share button's label run into the text: "Click to share on WhatsApp (Opens in new
# window)", "Share on Facebook".
_SHARE_BUTTON = re.compile(
    r"\b(?:click to )?share (?:on|via) [A-Z]\w+(?: \(opens in new window\))?", re.IGNORECASE)


def share_buttons(text: str) -> list[tuple[int, int]]:
    """The spans of share buttons' labels: the platforms they name are no actor of the
    story (WHO and WHERE read around them)."""
    low = text.lower()
    if "share on " not in low and "share via " not in low:
        return []  # (most texts: no scan at all)
    return [m.span() for m in _SHARE_BUTTON.finditer(text)]
