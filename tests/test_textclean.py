"""One rule for unsafe text: the loaders, the brief and the UI all apply the same one."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.brief.text import clean as brief_clean
from briefing.brief.text import printable
from briefing.core.textclean import UNSAFE_CHAR, strip_controls
from briefing.sources import load
from briefing.ui.safe import visible_controls as screen_clean

# Each hides the word "pwned" in an escape's payload, or reorders text with a bidi control.
HOSTILE = [
    "Title\x1bP1$rpwned\x1b\\ tail",                # DCS: a terminal query / reply
    "Title\x1b_pwned apc\x1b\\ tail",              # APC: tmux passthrough and the like
    "Title\x1b^pwned pm\x07 tail",                 # PM
    "Title\x1bXpwned sos\x1b\\ tail",              # SOS
    "Title\x1b]52;c;cHduZWQ=pwned\x07 tail",       # OSC 52: write the clipboard
    "Title\x1b[2J\x1b[31m tail",                    # CSI: clear screen, colour
    "Title\x1b]0;pwned",                           # OSC never terminated
    "Title \u202etail\u202c",                      # right-to-left override ... pop
    "Title \u2067tail\u2069",                      # right-to-left isolate ... pop
    "Title\x00\x07\x08\x9b2J tail",                # NUL, BEL, BS, 8-bit CSI
]
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


@pytest.mark.parametrize("hostile", HOSTILE)
def test_the_loader_and_the_brief_remove_payloads_and_bidi_controls(hostile: str) -> None:
    for cleaned in (strip_controls(hostile)[0], brief_clean(hostile), printable(hostile)):
        assert cleaned.startswith("Title")
        assert "pwned" not in cleaned and "\x1b" not in cleaned and "2J" not in cleaned
        assert not UNSAFE_CHAR.search(cleaned) and not set(BIDI) & set(cleaned)


@pytest.mark.parametrize("hostile", HOSTILE)
def test_the_screen_shows_the_same_characters_as_stand_ins_at_the_same_offsets(
        hostile: str) -> None:
    shown = screen_clean(hostile)
    assert len(shown) == len(hostile)  # highlight offsets into the body stay valid
    assert "\x1b" not in shown and not set(BIDI) & set(shown)
    assert [i for i, c in enumerate(shown) if c != hostile[i]] == \
        [m.start() for m in UNSAFE_CHAR.finditer(hostile)]


def test_a_loaded_article_keeps_no_escape_payload(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text("---\ntitle: Port \u202eclosed\n---\nOfficials said the port\x1bPq#0;2;"
                    "pwned\x1b\\ reopened on Monday after the storm passed, the agency said.",
                    "utf-8")
    [article] = load(str(path))
    assert article.title == "Port closed"
    assert "pwned" not in article.text and "the port reopened on Monday" in article.text
    assert any("control character" in note for note in article.notes)


def test_an_unterminated_escape_string_does_not_swallow_the_article() -> None:
    cleaned, removed = strip_controls("Stray \x1b]0;title\nThe port reopened on Monday.")
    assert cleaned == "Stray \nThe port reopened on Monday." and removed == 1


def test_scripts_that_need_joiners_keep_them() -> None:
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # ZWNJ inside a word
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert strip_controls(persian) == (persian, 0)
    assert brief_clean(family) == family
