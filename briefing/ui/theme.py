"""The house theme (a dark, low-glare palette for night shifts; all colours live here), and
the theme preview and memory every run shares."""

from __future__ import annotations

from rich.text import Text
from textual.app import App
from textual.command import CommandPalette
from textual.content import Content
from textual.theme import Theme

from briefing.ui.state import UiState

THEME_PREFIX = "Theme: "

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


class ThemeMemory(App[int]):
    """Theme preview in the command palette, and the chosen theme remembered across runs.

    posting's pattern: highlighting a theme in the palette shows it at once, and closing the
    palette without choosing one puts the original back.  Only a chosen theme is saved.
    """

    def __init__(self) -> None:
        super().__init__()
        self.ui_state = UiState(None)
        self.configured_theme = HOUSE_THEME.name
        self._original_theme: str | None = None
        """Set while the palette is open: the theme to restore if nothing is chosen."""
        self._remembering = False

    def start_theme(self, state: UiState, configured: str) -> None:
        self.register_theme(HOUSE_THEME)
        self.ui_state, self.configured_theme = state, configured
        wanted = state.theme(configured)
        for name in (wanted, configured, HOUSE_THEME.name):
            if name in self.available_themes:
                self.theme = name
                break
        if wanted not in self.available_themes:
            self.notify(f"Theme {wanted!r} is not known; using {self.theme!r}",
                        title="Theme", severity="warning", markup=False)
        self._remembering = True

    def watch_theme(self, theme: str) -> None:
        if self._original_theme is not None or not self._remembering:
            return  # a preview, or start-up: nothing chosen yet
        try:
            self.ui_state.save_theme(theme, self.configured_theme)
        except OSError as exc:
            self.notify(f"Theme {theme!r} applied but not remembered: {exc}", title="Theme",
                        severity="warning", markup=False)

    def on_command_palette_opened(self, _: CommandPalette.Opened) -> None:
        self._original_theme = self.theme

    def on_command_palette_option_highlighted(self,
                                              event: CommandPalette.OptionHighlighted) -> None:
        if self._original_theme is None:
            return
        prompt = event.highlighted_event.option.prompt
        text = prompt.plain if isinstance(prompt, Content | Text) else str(prompt)
        title = text.split("\n", 1)[0]  # the help line follows the title
        name = title.removeprefix(THEME_PREFIX)  # ours say "Theme: x"; Textual's just "x"
        if name in self.available_themes:
            self.theme = name

    def on_command_palette_closed(self, _: CommandPalette.Closed) -> None:
        """Back to the original; a chosen theme command then runs and sets (and saves) it."""
        original, self._original_theme = self._original_theme, None
        if original is not None and original != self.theme:
            self.theme = original
