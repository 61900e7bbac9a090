"""`?`/F1: every key, generated from the bindings themselves so a remapped key shows as such."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.keys import key_to_character
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.ui.keys import bound_keys

if TYPE_CHECKING:
    from briefing.ui.app import BriefingApp

NAVIGATION = [
    ("tab / shift+tab", "next / previous pane"),
    ("j k  ↓ ↑", "move in a list, scroll the article"),
    ("g G  home end", "first / last item"),
    ("enter", "on an article: read it · on an item: show its sentence (provenance)"),
    ("escape", "back to the article list / close a dialog"),
    ("ctrl+p", "command palette: zones, panes, export, themes"),
]
MARKS = [
    ("•", "unread (read once opened, or shown for 2 s)"), ("⚑", "flagged for the brief"),
    ("✎", "has a note (n)"),
    ("[approx]", "approximate time (about, around)"), ("[month only]", "no day was given"),
    ("[unresolved]", "no anchor to resolve a relative time"),
]


def _keys(binding: Binding, keymap: dict[str, str]) -> str:
    """Keys as typed: Textual's names for punctuation ("exclamation_mark") become the mark."""
    keys = bound_keys(binding, keymap)
    return " ".join(key_to_character(k) or k for k in keys.split(","))


def help_content(app: BriefingApp) -> Content:
    from briefing.ui.screens.main import MainScreen

    keymap = app.config.keymap
    bindings = [b for b in [*app.BINDINGS, *MainScreen.BINDINGS] if isinstance(b, Binding)]
    rows: list[tuple[str, str]] = [(_keys(b, keymap), b.description) for b in bindings
                                   if b.id != "back"]
    lines: list[Content] = [Content.styled("Keys", "bold underline")]
    lines += [Content.assemble((f"{k:<16}", "bold $accent"), d) for k, d in rows + NAVIGATION]
    lines += [Content(""), Content.styled("Marks", "bold underline")]
    lines += [Content.assemble((f"{k:<16}", "bold $accent"), d) for k, d in MARKS]
    lines += [Content(""), Content.styled(
        "Remap any key in the config's [keymap] table by its id, e.g. cycle-zone = \"x\".",
        "$text-muted")]
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss(None)", "Close help", id="help-close"),
        Binding("j,down", "scroll('down')", "Down", show=False),
        Binding("k,up", "scroll('up')", "Up", show=False),
        Binding("g,home", "scroll('home')", "Top", show=False),
        Binding("G,end", "scroll('end')", "Bottom", show=False),
        Binding("pagedown,space", "scroll('page_down')", "Page down", show=False),
        Binding("pageup", "scroll('page_up')", "Page up", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(help_content(cast("BriefingApp", self.app)))

    def action_scroll(self, where: str) -> None:
        """The same list keys as everywhere else, whichever widget holds the focus."""
        help_text = self.query_one("#help", VerticalScroll)
        move = {"down": help_text.scroll_down, "up": help_text.scroll_up,
                "home": help_text.scroll_home, "end": help_text.scroll_end,
                "page_down": help_text.scroll_page_down, "page_up": help_text.scroll_page_up}
        move[where](animate=False)

    def on_mount(self) -> None:
        self.query_one("#help").border_title = "HELP"
        self.query_one("#help").border_subtitle = "esc closes"
