"""Key sets shared by several widgets, so a vim alias means the same everywhere."""

from __future__ import annotations

from collections.abc import Mapping

from textual.binding import Binding, BindingType

VIM_LIST_KEYS: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
    Binding("g", "first", "First", show=False),
    Binding("G", "last", "Last", show=False),
]
"""j/k/g/G for every OptionList-based pane (toolong's and elia's aliases)."""


def bound_keys(binding: Binding, keymap: Mapping[str, str]) -> str:
    """The keys a binding answers to now: the officer's keymap entry for its id, else its own."""
    return keymap.get(binding.id or "", binding.key)
