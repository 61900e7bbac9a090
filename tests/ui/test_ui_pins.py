"""Tripwires for the private Textual names the dashboard relies on (textual is pinned).

`ArticleList.rerender` re-prompts every row on a zone switch without re-measuring them,
which the public `replace_option_prompt` cannot do; `FactPane` clears the measured heights
when focus changes its wrapping, which no public method does.  If a Textual upgrade renames these,
this fails by name instead of the zone switch failing at the officer's keyboard.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from briefing.ui.widgets.article_list import _replace_prompts_keeping_heights


def test_the_private_option_list_names_still_exist() -> None:
    option = Option("old", id="x")
    options = OptionList(option)
    _replace_prompts_keeping_heights(options, [(option, Content("new"))])
    assert str(options.get_option("x").prompt) == "new"
    assert hasattr(options, "_option_render_cache")
    assert callable(options._clear_caches)  # FactPane re-measures its items on focus
