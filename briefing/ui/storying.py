"""Stories in the dashboard: how many loaded articles report each article's event.

`briefing.stories` groups the list (the same grouping the brief uses) in a thread worker, so
a long list never holds up the screen; the list then shows "3 sources" on each row of a
story several articles carry.  Rerun whenever the set of articles changes.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from textual import work
from textual.worker import get_current_worker

if TYPE_CHECKING:
    from briefing.model import Article
    from briefing.ui.screens.main import MainScreen


@work(thread=True, group="stories", exclusive=True, exit_on_error=False,
      description="grouping stories")
def group_stories(screen: MainScreen, articles: list[tuple[str, Article]]) -> None:
    from briefing.story import stories

    ids = stories([article for _, article in articles])
    if get_current_worker().is_cancelled:
        return
    sizes = Counter(ids)
    carried = {key: sizes[story] for (key, _), story in zip(articles, ids, strict=True)}
    screen.app.call_from_thread(screen.stories_grouped, carried)
