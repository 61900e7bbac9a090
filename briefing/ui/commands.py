"""Command palette provider: zones, panes, export, timeline and themes.

Titles follow posting's `group: action` pattern so typing "zone" or "theme" narrows at once.
`discover` (shown before typing) stays to a few top commands: it runs on every open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider

from briefing.ui.keys import bound_keys
from briefing.ui.screens.zone_picker import all_zones
from briefing.ui.theme import THEME_PREFIX

if TYPE_CHECKING:
    from briefing.ui.host import Dashboard

Command = tuple[str, Callable[[], object], str]
PANE_TITLES = {"articles": "Articles", "who": "WHO", "when": "WHEN", "where": "WHERE",
               "quotes": "QUOTES", "questions": "OPEN QUESTIONS"}


class BriefingCommands(Provider):
    @property
    def briefing(self) -> Dashboard:
        return cast("Dashboard", self.app)

    def _key(self, binding_id: str) -> str:
        """The key as the officer's keymap has it, else the app's binding: never a stale one."""
        app = self.briefing
        binding = next(b for b in app.BINDINGS if isinstance(b, Binding) and b.id == binding_id)
        return bound_keys(binding, app.config.keymap)

    def _top(self) -> Iterator[Command]:
        app = self.briefing
        key = self._key
        yield ("Export brief…", app.action_export,
               f"Write the plain-text morning brief ({key('export')})")
        yield ("Timeline", app.action_timeline,
               f"Every time mention on one axis ({key('timeline')})")
        yield ("Time zone: pick…", app.action_pick_zone,
               f"Type-ahead over IANA zones ({key('pick-zone')})")
        yield ("Time zone: next in cycle", app.action_cycle_zone,
               f"UTC, local, source… ({key('cycle-zone')})")
        yield ("Feeds: refresh", app.action_refresh,
               f"Fetch the feeds the config lists now ({key('refresh')})")
        yield ("Sources: failed", app.action_failures,
               f"What could not be loaded, and why ({key('failures')})")

    def _all(self) -> Iterator[Command]:
        app = self.briefing
        yield from self._top()
        for pane, title in PANE_TITLES.items():
            yield f"Focus: {title}", partial(app.focus_pane, pane), f"Move to the {title} pane"
        cycle = app.zone_cycle()
        # all_zones() is cached: search runs on every keystroke, and scanning the zone
        # database each time (about 600 files) made typing lag.
        for zone in [*cycle, *(z for z in all_zones() if z not in cycle)]:
            yield (f"Time zone: {zone}", partial(setattr, app, "display_zone", zone),
                   "Show every time in this zone")
        for theme in sorted(app.available_themes):
            yield f"{THEME_PREFIX}{theme}", partial(setattr, app, "theme", theme), "Switch theme"

    async def discover(self) -> Hits:
        for title, callback, help_text in self._top():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback, help_text in self._all():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
