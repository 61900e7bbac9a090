"""The house theme: a dark, low-glare palette for night shifts.  All colours live here."""

from __future__ import annotations

from textual.theme import Theme

HOUSE_THEME = Theme(
    name="briefing",
    primary="#5A9BD5",
    secondary="#7FB6A4",
    accent="#E0B15A",
    warning="#E39B4B",
    error="#E0625A",
    success="#8DBF73",
    foreground="#D6DCE4",
    background="#10161E",
    surface="#161E28",
    panel="#1E2835",
    dark=True,
)
