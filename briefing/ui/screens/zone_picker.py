"""`Z`: pick any IANA zone by typing part of its name ("tok", "new york", "kolk"), or a
city or country the zone database does not name ("mumbai", "india") through the gazetteer
the extractors use."""

from __future__ import annotations

from functools import cache
from typing import ClassVar
from zoneinfo import available_timezones

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

LIMIT = 300


@cache
def all_zones() -> tuple[str, ...]:
    """Canonical-looking IANA names; the legacy aliases (`US/Eastern`, `Etc/GMT+5`) last."""
    zones = available_timezones()
    modern = sorted(z for z in zones if "/" in z and not z.startswith(("Etc/", "US/", "SystemV")))
    rest = sorted(zones - set(modern))
    return ("UTC", *[z for z in modern if z != "UTC"], *[z for z in rest if z != "UTC"])


PLACE_POPULATION = 100_000
"""A city smaller than this is not offered: typing "utc" or "mos" must not jump to a town."""


def place_match(query: str) -> tuple[str, str, bool] | None:
    """(place, zone, is a country) when the typed words name a country or a large city:
    "mumbai" is Asia/Kolkata, "india" too."""
    from briefing.geo import gazetteer
    from briefing.geo.places import city_zone, place_zone

    name = " ".join(word.capitalize() for word in query.split())
    if len(name) < 3:
        return None
    if gazetteer.country_code(name):
        zone, country = place_zone(name), True
    else:
        city = gazetteer.city(name)
        zone = city_zone(name) if city and city.population >= PLACE_POPULATION else None
        country = False
    return (name, zone, country) if zone else None


def matching(query: str) -> list[str]:
    """Zones containing every typed word; names whose city starts with it come first."""
    words = query.lower().replace("_", " ").split()
    if not words:
        return list(all_zones())
    found = [z for z in all_zones() if all(w in z.lower().replace("_", " ") for w in words)]
    first = words[0]
    return sorted(found, key=lambda z: not z.lower().rsplit("/", 1)[-1].startswith(first))


class ZonePicker(ModalScreen[str | None]):
    """A type-ahead list over IANA names; enter picks, escape leaves the zone alone."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="zone-picker-cancel"),
        Binding("down", "to_list", "List", show=False),
    ]

    def __init__(self, current: str) -> None:
        super().__init__()
        self._current = current
        self._places_ready = False
        """The gazetteer loads in a thread (about a second, once per process); until then
        typing filters zone names only, so no keystroke waits for it."""

    def compose(self) -> ComposeResult:
        with Vertical(id="zone-picker"):
            yield Static(Content.assemble(("Display zone", "bold"), "  now: ", self._current,
                                          ("   type to filter · enter picks · esc cancels",
                                           "$text-muted")))
            yield Input(placeholder="city or region, e.g. tokyo", id="zone-query")
            yield OptionList(id="zone-options", markup=False)

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(Input).focus()
        self.run_worker(self._load_places, thread=True, group="zone-places")

    def _load_places(self) -> None:
        place_match("London")
        self._places_ready = True
        self.app.call_from_thread(lambda: self._fill(self.query_one(Input).value))

    def _fill(self, query: str) -> None:
        zones = matching(query)
        place = place_match(query) if self._places_ready and query.strip() else None
        options = self.query_one(OptionList)
        choices = [Option(z, id=z) for z in zones[:LIMIT] if not place or z != place[1]]
        if place:
            # A country named in full leads ("india" before Indianapolis); a city follows
            # every zone whose name holds the words ("york": New York before York, UK).
            wanted = query.lower().replace("_", " ").strip()
            exact = any(z.lower().rsplit("/", 1)[-1].replace("_", " ") == wanted for z in zones)
            at = 0 if place[2] and not exact else len(choices)
            zones = [place[1], *(z for z in zones if z != place[1])]
            choices.insert(at, Option(f"{place[1]}  ({place[0]})", id=place[1]))
        options.set_options(choices)
        options.highlighted = 0 if zones else None
        options.border_subtitle = f"{len(zones)} zones"

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        option = self.query_one(OptionList).highlighted_option
        if option is not None:
            self.dismiss(option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_to_list(self) -> None:
        self.query_one(OptionList).focus()
