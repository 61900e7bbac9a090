"""The place pass's named steps, one by one (issue 16).

`find_places` (where.py) reads each capitalised run against the gazetteer (`_run_places`),
after `_local_places` has read the places the gazetteer lacks or ranks too small from
their context (`_placed_by_context`, with `_town_after` and `_lone_town` for towns).  The
steps are called here directly on what `find_places` hands them: a real `Context` for a
short news-like sentence, its runs, and the mentions and name words of the people and
bodies `find_people` finds.  Each test pairs a place the step's docstring promises with
one it must refuse (a small town with no place context, a person's name, a modifier).
"""

from __future__ import annotations

import pytest

from briefing.extract.context import Context
from briefing.extract.names import Run, without
from briefing.extract.where import (
    _local_places,
    _lone_town,
    _placed_by_context,
    _region,
    _run_places,
    _town_after,
    find_places,
)
from briefing.extract.who import find_people
from briefing.model import Span


class _Read:
    """What `find_places` reads before its steps: the runs, the people's and bodies'
    mentions (`taken`) and the words of people's names."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ctx = Context(text)
        self.people, self.organizations = find_people(self.ctx)
        self.taken: list[Span] = sorted([m for p in self.people for m in p.mentions]
                                        + [m for o in self.organizations for m in o.mentions])
        self.name_words = {word.lower() for p in self.people if not p.anonymous
                           for phrase in (p.name, *(text[s:e] for s, e in p.mentions))
                           for word in phrase.split()}
        self.runs = without(self.ctx.runs, [])

    def run(self, words: str, nth: int = 0) -> Run:
        found = [r for r in self.runs if self.text[r.start:r.end] == words]
        assert len(found) > nth, f"no run {words!r} in {self.text!r}"
        return found[nth]

    def local(self) -> dict[str, tuple[str, str | None]]:
        found = _local_places(self.text, self.runs, self.taken, self.name_words)
        return {e.name: (e.kind, e.country) for e in found.values()}


# --- find_places ----------------------------------------------------------------------

def test_find_places_reads_demonyms_capitals_and_small_towns_by_their_use() -> None:
    text = ("Russian President Vladimir Putin warned of a Russian occupation. Washington "
            "warned Moscow. Officials in Washington met crews near Tamberly.")
    read = _Read(text)
    places = {p.name: p for p in find_places(read.ctx, read.people, read.organizations)}
    # a nationality and the capital that warned are no place mentions
    assert set(places) == {"Moscow", "Washington", "Tamberly"}
    assert places["Washington"].mentions == ((text.index("in Washington") + 3,
                                              text.index("in Washington") + 13),)
    assert places["Tamberly"].kind == "other"


def test_find_places_leaves_out_the_words_of_a_persons_name() -> None:
    read = _Read("Lewis Hamilton won. Max Verstappen lost to Hamilton in Paris.")
    places = find_places(read.ctx, read.people, read.organizations)
    assert [p.name for p in places] == ["Paris"]


# --- _run_places ----------------------------------------------------------------------

def _run_places_of(read: _Read, words: str, nth: int = 0) -> list[tuple[str, str, str]]:
    local = _local_places(read.text, read.runs, read.taken, read.name_words)
    return [(read.text[s:e], e_.name, e_.kind) for (s, e), e_ in
            _run_places(read.text, read.run(words, nth), local, read.taken, read.name_words)]


def test_run_places_takes_the_longest_name_known() -> None:
    read = _Read("Storms hit the South China Sea on Monday.")
    assert _run_places_of(read, "South China Sea") == [
        ("South China Sea", "South China Sea", "other")]  # a sea, not China
    read = _Read("Verstappen won the Brazilian Grand Prix in Sao Paulo.")
    assert _run_places_of(read, "Brazilian Grand Prix") == [
        ("Brazilian Grand Prix", "Brazil", "country")]  # an event placed in its country
    assert _run_places_of(read, "Sao Paulo") == [("Sao Paulo", "São Paulo", "city")]


def test_run_places_refuses_a_persons_name_a_government_and_a_nationality() -> None:
    read = _Read("Lewis Hamilton won. Max Verstappen lost to Hamilton in Hamilton.")
    assert _run_places_of(read, "Hamilton", 0) == []  # the driver
    assert [name for _, name, _ in _run_places_of(read, "Hamilton", 1)] == ["Hamilton"]
    read = _Read("Washington warned Moscow on Friday.")
    assert _run_places_of(read, "Washington") == []  # the government
    assert _run_places_of(read, "Moscow") == [("Moscow", "Moscow", "city")]
    read = _Read("Russian President Vladimir Putin spoke.")
    assert _run_places_of(read, "Russian President Vladimir Putin") == []


# --- _local_places --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "place", "kind", "country"), [
    ("Lewis Hamilton won at the Interlagos circuit.", "Interlagos", "other", None),  # venue
    ("Fighting spread to the town of Tamberly.", "Tamberly", "other", None),  # "town of"
    ("Crews worked in Ely overnight.", "Ely", "city", "GB"),  # a town after "in"
    ("Crews worked near Tamberly overnight.", "Tamberly", "other", None),  # after "near"
    ("Floods reached Ludlow, England, on Monday.", "Ludlow", "city", "GB"),  # the right one
    ("Floods reached Penrith, Australia, on Monday.", "Penrith", "city", "AU"),
    ("DOVER, England — Ferries stopped.", "Dover", "city", "GB"),  # a dateline
    ("The ship sank in the Arabian Sea.", "Arabian Sea", "other", None),  # a feature
    ("Protests spread in Gujarat.", "Gujarat", "region", "IN"),  # a state, as spelled
    ("Police said Calais was receiving traffic.", "Calais", "city", "FR"),  # big enough
])
def test_local_places_reads_places_from_their_context(
        text: str, place: str, kind: str, country: str | None) -> None:
    assert _Read(text).local() == {place: (kind, country)}


@pytest.mark.parametrize("text", [
    "Fighting spread to Tamberly.",  # no town the gazetteer knows, no place word
    "Crews worked in Tamberly overnight.",  # "in" places only a known town
    "Anna Tamberly arrived. Crews worked near Tamberly.",  # her name, not a place
    "Kelby Jones arrived. Crews worked near Kelby.",  # a word of a name is somebody's
    "Loughborough flooded on Monday.",  # a small town with no place context
    "Police said Tewkesbury was receiving traffic.",  # too small to stand alone
    "Floods reached Ludlow on Monday.",  # ditto, with no region beside it
])
def test_local_places_refuses_names_with_no_place_context(text: str) -> None:
    assert _Read(text).local() == {}


# --- _placed_by_context ---------------------------------------------------------------

def _placed(text: str, words: str) -> tuple[str, str, str | None] | None:
    read = _Read(text)
    run = read.run(words)
    entry = _placed_by_context(text, run, list(run.tokens), words)
    return None if entry is None else (entry.name, entry.kind, entry.country)


def test_placed_by_context_reads_venues_prepositions_commas_and_datelines() -> None:
    assert _placed("Crowds filled the Tamberly stadium.", "Tamberly") == (
        "Tamberly", "other", None)
    assert _placed("Floods reached Ludlow, England, on Monday.", "Ludlow") == (
        "Ludlow", "city", "GB")
    assert _placed("Floods reached Ludlow, South Africa, on Monday.", "Ludlow") == (
        "Ludlow", "city", "ZA")
    assert _placed("Crews worked outside Tewkesbury overnight.", "Tewkesbury") == (
        "Tewkesbury", "city", "GB")
    assert _placed("DOVER, England — Ferries stopped.", "DOVER") == ("Dover", "city", "GB")


def test_placed_by_context_refuses_a_small_town_without_context() -> None:
    assert _placed("Workers said Tewkesbury was quiet.", "Tewkesbury") is None
    assert _placed("Crowds filled the Tamberly's stadium.", "Tamberly") is None  # an owner
    assert _placed("Tewkesbury's mayor said so.", "Tewkesbury") is None
    # a lone name opening its sentence is capitalised by its place: no evidence of a town
    assert _placed("Calais was receiving traffic, police said.", "Calais") is None
    assert _placed("Later, Calais was receiving traffic.", "Calais") == ("Calais", "city", "FR")


# --- _town_after and _lone_town -------------------------------------------------------

def test_town_after_a_place_preposition() -> None:
    entry = _town_after("Loughborough", "in")
    assert entry is not None and (entry.name, entry.kind, entry.country) == (
        "Loughborough", "city", "GB")
    entry = _town_after("Gujarat", "in")
    assert entry is not None and (entry.name, entry.kind, entry.country) == (
        "Gujarat", "region", "IN")  # the text's spelling, not "Gujarāt"
    entry = _town_after("Tamberly", "near")
    assert entry is not None and (entry.name, entry.kind) == ("Tamberly", "other")


def test_town_after_refuses_an_unknown_name_but_after_near() -> None:
    assert _town_after("Tamberly", "in") is None
    assert _town_after("Tamberly", None) is None  # a dateline of no known town


def test_lone_town_only_a_big_town_written_as_a_noun() -> None:
    entry = _lone_town("Police said Calais was receiving traffic.", "Calais")
    assert entry is not None and (entry.name, entry.country) == ("Calais", "FR")
    assert _lone_town("Police said Tewkesbury was quiet.", "Tewkesbury") is None  # small
    assert _lone_town("Calais workers said Calais was quiet.", "Calais") is None  # modifier
    assert _lone_town("Police said Calais was quiet. Calais' mayor agreed.", "Calais") is None
    assert _lone_town("Police said Tamberly was quiet.", "Tamberly") is None  # no town


@pytest.mark.parametrize(("name", "region"), [("Eastern", None), ("Central", None),
                                              ("Gujarat", "IN")])
def test_a_direction_alone_is_no_region_the_model_may_offer(name: str,
                                                            region: str | None) -> None:
    """"of Eastern and Northern European heritage": the model may read "Eastern" as a place,
    and Fiji has an Eastern division; a direction alone is an adjective in prose."""
    found = _region(name)
    assert (found.country if found else None) == region
