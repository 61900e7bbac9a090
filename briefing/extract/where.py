"""WHERE: countries, regions and cities named in the text, with kind and ISO code.

Decisions, each tested:
- Demonyms.  "Russian" is a place mention of Russia where it qualifies a thing or an event
  ("a potential Russian occupation", "British stores"): the article is then about something
  located there.  Where it qualifies a person or stands for people ("Russian President
  Vladimir Putin", "a Russian official", "Russians") it is only that person's affiliation
  (who.py) and not a place mention, so a leader's nationality does not put his country on
  the map of events.
- A capital used as the subject of a statement or with a possessive ("Washington warned",
  "Moscow's demands") means the government, not the city: it is reported as an
  organisation by who.py and left out here.  A dateline or "in Washington" stays a place.
- A name that is a country and also a US state (Georgia) is the country when the text
  names one of its neighbours or its capital, and the state when it names other US places.
- "Turkey" and "Türkiye" are one country.  Any word inside a person's name ("Paris Hilton",
  "Michael Jordan"), or a bare first name or surname of a person in the text not preceded
  by a place preposition, is never a place.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from typing import cast

from briefing.core.words import word_set
from briefing.extract.context import Context
from briefing.extract.features import is_facility, is_feature, is_storm
from briefing.extract.names import (
    Run,
    Token,
    is_common,
    is_common_contraction,
    is_dateline,
    without,
)
from briefing.extract.roles import (
    EVENT_HEADS,
    OUTLET_HEADS,
    PLACE_PARTS,
    STORM_WORDS,
    VENUE_NOUNS,
    WORDS,
    is_role,
)
from briefing.geo import gazetteer
from briefing.geo.places import town_in
from briefing.model import Organization, Person, Place, PlaceKind, Span

_PLACE_PREPS = ("in", "to", "from", "at", "near", "outside", "across", "into", "of")
_TOWN_PREPS = ("in", "near", "outside")
# After these a name no gazetteer knows is still a place ("came ashore near Matagorda").
_NEAR_PREPS = ("near", "outside")
# A lone name that nobody in the text bears and no organisation explains is read as a town
# of this size or more, with no preposition needed ("said Calais was receiving traffic").
_LONE_TOWN = 50_000
_BIG_CITY = 1_000_000
_WORD_AFTER = re.compile(r" (?:race )?([a-z]+)\b")
_WORD_BEFORE = re.compile(r"\b(?:([a-z]+)|([a-z]+) of(?: the)?) $")
_REGION_AFTER = re.compile(r" (?:province|region|district|county|governorate|oblast|prefecture)\b")
_COMMA_PLACE = re.compile(r", ((?:[A-Z][\w.]*)(?: [A-Z][\w.]*){0,2})\b")


# "Rep. Jo Smith (D-N.C.)", "Sen. David Vitter, R-La.": a member's party and state say
# whom they represent, not where the story happens.
_PARTY_STATE = re.compile(r"\b[DRI]-[A-Z]")


# The places found so far, by name and country: the entry read and the spans of its mentions.
_Found = dict[tuple[str, str | None], tuple[gazetteer.PlaceEntry, list[Span]]]


def find_places(ctx: Context, people: list[Person], organizations: list[Organization],
                avoid: list[Span] | None = None) -> list[Place]:
    """Places of one text; the module docstring lists the decisions.

    `avoid`: spans already read as times ("10:00 Moscow time" names a clock, not a place).
    """
    text = ctx.text
    taken = sorted([m for p in people for m in p.mentions]
                   + [m for o in organizations for m in o.mentions])
    # a name the text defines as a place is one, whoever else bears it ("HealthSpace Lisca")
    name_words = _name_words(text, people) - {name.lower() for name in ctx.defined_places}
    all_runs = without(ctx.runs, avoid or [])
    local = _local_places(text, all_runs, taken, name_words, ctx.defined_places)
    found: _Found = {}
    glued = _names_closed_by_places(text, all_runs)
    located = _located(text) | ctx.defined_places.keys()
    deferred: list[tuple[Span, gazetteer.PlaceEntry]] = []
    for run in all_runs:
        for span, entry in _run_places(text, run, local, taken, name_words, glued, located,
                                       deferred):
            found.setdefault((entry.name, entry.country), (entry, []))[1].append(span)
        if is_dateline(text, run) and (state := _dateline_state(text, run.end)):
            found.setdefault((state[1].name, state[1].country), (state[1], []))[1].append(state[0])
    for span, entry in deferred:  # one name keeps one sense in a text (`_is_place`)
        if (entry.name, entry.country) in found:
            found[entry.name, entry.country][1].append(span)
    _model_places(ctx, sorted(taken + list(avoid or [])
                              + [m for _, spans in found.values() for m in spans]),
                  name_words, {o.name.lower() for o in organizations}, found)
    _places_bodies_belong_to(text, organizations, found)
    found = _namesakes_by_context(text, found)
    # (a demonym's entry was made its country's above: every kind left is a place kind)
    places = [Place(e.name, cast(PlaceKind, e.kind), e.country, tuple(kept))
              for e, spans in found.values()
              if (kept := [m for m in spans if not _PARTY_STATE.search(text, max(0, m[0] - 3),
                                                                       m[1])])]
    places.sort(key=lambda p: p.mentions[0])
    return places


def _name_words(text: str, people: list[Person]) -> set[str]:
    """The words that name people here, which no bare mention may read as a place ("lost to
    Hamilton" after "Lewis Hamilton"): a surname, and a word a person is named by alone.

    Not every word of a name: the first word of a misread one ("Cleveland" of a "Cleveland
    Orchestra" read as a person) would otherwise cost a town every mention in its own
    guide, and a given name that is a town ("Jackson Reed ... in Jackson") is rarely how
    a text refers back to a person.
    """
    words: set[str] = set()
    for person in people:
        if person.anonymous:
            continue
        for phrase in (person.name, *(text[s:e] for s, e in person.mentions)):
            parts = phrase.split()
            if parts:
                words.add(parts[-1].lower())
    return words


def _run_places(text: str, run: Run, local: dict[str, gazetteer.PlaceEntry], taken: list[Span],
                name_words: set[str], glued: AbstractSet[str] = frozenset(),
                located: AbstractSet[str] = frozenset(),
                deferred: list[tuple[Span, gazetteer.PlaceEntry]] | None = None
                ) -> list[tuple[Span, gazetteer.PlaceEntry]]:
    """The places one capitalised run names, left to right, each the longest name known
    (to the gazetteer, or to the context as `local`) at its first word; not a place that
    closes a longer name (`_closes_a_name`).  A town that only its position in a sentence
    leaves in doubt goes to `deferred` (see `_is_place`)."""
    out: list[tuple[Span, gazetteer.PlaceEntry]] = []
    deferred = [] if deferred is None else deferred
    toks = run.tokens
    i = 0
    while i < len(toks):
        hit = _longest(text, toks, i)
        near = _local(text, toks, i, local)
        if near is not None and (hit is None or near[0] > hit[0]):
            hit = near  # "South China Sea" is a sea, not China
        if hit is None:
            i += 1
            continue
        j, entry = hit
        if text.startswith("$", toks[j].end):
            i = j + 1  # "US$ 20,000", "HK$": a currency, not the country
            continue
        if _OUTLET_AFTER.match(text, toks[j].end):
            i = j + 1  # "The Washington Post", "The Dallas Morning News": a paper's name
            continue
        k = _event_end(toks, j)
        span = (toks[i].start, toks[k].end)
        if j == i == k and (_closes_a_name(text, run, i, glued)
                            or _opens_a_title(text, run, toks[i])):
            i += 1
            continue
        i = k + 1
        if _overlaps(span, taken):
            continue
        verdict = k != j or (entry.kind != "demonym" and _is_place(
            text, span, entry, run, name_words, located))
        if verdict is False:
            continue  # a nationality ("a Russian convoy") is no place; the event it names
            # ("the Brazilian Grand Prix") is placed in its country
        if entry.kind == "demonym":
            name = gazetteer.country_names().get(entry.country or "", entry.name)
            entry = gazetteer.PlaceEntry(name, "country", entry.country)
        elif entry.kind == "city" and _REGION_AFTER.match(text, span[1]):
            # "Ghazni province", "Zabul region": the province a city names, not the city
            entry = gazetteer.PlaceEntry(entry.name, "region", entry.country)
        (out if verdict else deferred).append((span, _disambiguate(text, entry)))
    return out


# The words that make a place's name a newspaper's: "Washington Post", "Boston Globe".
_OUTLET_AFTER = re.compile(
    r" (?:" + "|".join(sorted(w.capitalize() for w in OUTLET_HEADS if w != "news"))
    + r"|Free Press|Post-Gazette|Star-Tribune|(?:Morning|Daily|Evening) News)\b")


_STATE_AFTER = re.compile(r",\s*((?:[A-Z]\.)+[A-Z]?[a-z]{0,3}\.?|[A-Z][a-z]{1,4}\.)")


def _dateline_state(text: str, end: int) -> tuple[Span, gazetteer.PlaceEntry] | None:
    """ "HEMPSTEAD, N.Y. —": the state a dateline abbreviates after its city, the AP's way."""
    match = _STATE_AFTER.match(text, end)
    state = gazetteer.dateline_state(match.group(1)) if match else None
    return (match.span(1), state) if match and state else None


def _opens_a_title(text: str, run: Run, tok: Token) -> bool:
    """ "Russia Today", "Ukraine Today": a place before a capitalised "Today" inside a sentence
    names a paper or a channel (the time finder reads the pair the same way)."""
    return not run.headline and text.startswith(" Today", tok.end) and not text.startswith(
        " Today,", tok.end)


def _closes_a_name(text: str, run: Run, i: int, glued: AbstractSet[str]) -> bool:
    """Whether the one-word place at token `i` closes a longer name ("Wells Fargo").  In a
    headline every word is capitalised, and a sentence's first word is ("Neighbouring Poland
    has"), so there only a pair the body writes inside a sentence counts (`glued`)."""
    if i == 0:
        return False
    toks = run.tokens
    if _capitalised_by_place(run, i):
        return f"{toks[i - 1].text} {toks[i].text}" in glued
    return _ends_a_name(text, toks[i - 1], toks[i])


def _capitalised_by_place(run: Run, i: int) -> bool:
    """Whether the word before token `i` may be capitalised only by where it stands."""
    return run.headline or (i == 1 and run.sentence_initial)


def _names_closed_by_places(text: str, runs: list[Run]) -> set[str]:
    """The "Wells Fargo" pairs the body writes: a headline's own capitals cannot tell."""
    return {f"{run.tokens[i - 1].text} {run.tokens[i].text}" for run in runs
            for i in range(1, len(run.tokens))
            if not _capitalised_by_place(run, i)
            and gazetteer.lookup(run.tokens[i].text) is not None
            and _ends_a_name(text, run.tokens[i - 1], run.tokens[i])}


def _ends_a_name(text: str, before: Token, tok: Token) -> bool:
    """ "Wells Fargo", "Air France": a place's name closing a longer name, after a word that
    is neither a place, a part of one ("North", "Greater"), a title nor a function word."""
    word = before.text
    if tok.text.isupper() and not word.isupper():
        return False  # "By Mark Hosenball WASHINGTON, Nov 6": a byline, then a dateline
    return (word[:1].isupper() and not before.possessive and text[before.end:tok.start] == " "
            and before.lower.rstrip(".") not in PLACE_PARTS and not is_role(word)
            and not is_common(word) and gazetteer.lookup(word) is None
            and gazetteer.key(word) not in gazetteer.demonyms())


def _model_places(ctx: Context, taken: list[Span], name_words: set[str], bodies: set[str],
                  found: _Found) -> None:
    """Places the model finds that the gazetteer and the context rules missed: "Neiafu",
    "Castlefrank Road" (a facility), "the Hafijj Hotel".

    A name the gazetteer knows was already weighed by the rules ("Washington warned" is the
    government, "Michael Jordan said Jordan would" the player), and a nationality
    ("Danish"), a person's name word or an organisation's name ("The Mercedes garage" when
    Mercedes is a team) is never added; nor is a shouted all-caps phrase.
    """
    text = ctx.text
    tags = ctx.tags
    at_place: frozenset[str] | None = None  # read on first need: most texts never need it
    for m in tags.additions(text, ("LOC", "FAC")):
        span = (m.start, m.end)
        name = text[m.start:m.end]
        words = name.split()
        if (_overlaps(span, taken) or is_common_contraction(name)
                or words[0].lower() in STORM_WORDS  # "Cyclone Tara": a storm, not a place
                or ctx.headline_names.only(span)
                or gazetteer.lookup(name) is not None
                or gazetteer.key(name) in gazetteer.demonyms()
                or name.isupper()  # "(UPI)", "PS2": a shouted phrase or an acronym
                or (len(words) == 1 and _SUBJECT_VERB.match(text, m.end))
                or name in gazetteer.zone_abbreviations()  # "(all times EDT)"
                or any(w.lower() in name_words or is_common(w) for w in words)
                or name.lower() in bodies):
            continue
        if len(words) == 1 and m.label != "FAC" and at_place is None:
            at_place = frozenset(m.group(1) for m in _AT_PLACE.finditer(text))
        if (len(words) == 1 and m.label != "FAC" and name not in (at_place or ())
                and not _listed_with_places(text, span)):
            continue  # "blamed Brexit", "team Ferrari": one unknown word is a place only
            # where the text also writes it after a preposition of place (`_AT_PLACE`)
        if m.label == "FAC" or is_facility(words):
            entry = gazetteer.PlaceEntry(name, "facility", None)
        else:
            entry = (gazetteer.town(name) or _region(name)
                     or gazetteer.PlaceEntry(name, "other", None))
        found.setdefault((entry.name, entry.country), (entry, []))[1].append(span)


# "University of Texas", "Bank of England", "Archdiocese of the Philippines": the place
# closing a body's name after "of".
_OF_PLACE = re.compile(r"\bof (?:the )?((?:[A-Z][\w’'.\-]*)(?: [A-Z][\w’'.\-]*){0,3})$")


def _places_bodies_belong_to(text: str, organizations: list[Organization],
                             found: _Found) -> None:
    """The place a body is "of" is named as a place too: the University of Basel is in
    Basel, and an officer reading WHERE should see it.  Only after "of": in "Pittsburgh
    Pirates" or "New York Times" the place is a team's or a paper's name, not where the
    story is."""
    for org in organizations:
        for start, end in org.mentions:
            match = _OF_PLACE.search(text, start, end)
            entry = gazetteer.lookup(match.group(1)) if match else None
            if match is None or entry is None or entry.kind == "demonym" or (
                    match.group(1) == "America"):  # "Bank of America", "Voice of America"
                continue
            entry = _disambiguate(text, entry)
            spans = found.setdefault((entry.name, entry.country), (entry, []))[1]
            span = match.span(1)
            if span not in spans:
                spans.append(span)
                spans.sort()


def _event_end(toks: tuple[Token, ...], j: int) -> int:
    """ "Brazilian Grand Prix", "Abu Dhabi Grand Prix": the named event a place qualifies."""
    for k in range(j + 1, min(len(toks), j + 5)):
        if toks[k - 1].possessive:
            break
        if toks[k].lower in EVENT_HEADS:
            return k
    return j


def _local_places(text: str, all_runs: list[Run], taken: list[Span],
                  name_words: set[str], defined: Mapping[str, str] | None = None,
                  ) -> dict[str, gazetteer.PlaceEntry]:
    """Places the gazetteer lacks or ranks too small, named as places by their context.

    "the Interlagos circuit", "the city of Mazar-i-Sharif" (a venue noun), "in Loughborough"
    (a place preposition; towns of 5,000+ only, or a country's state or province),
    "Sterling Heights, Michigan" (a comma and a known region or country, which also picks the
    right town of that name), a dateline ("DOVER, England —") and natural features ("the
    Arabian Sea", kind "other").  After "near" any name that is nobody's is a place.
    """
    out: dict[str, gazetteer.PlaceEntry] = {}
    for whole in all_runs:
        run = _without_opener(whole)
        toks = [t for t in run.tokens if not is_common(t.text)]
        if not toks or toks[0] is not run.tokens[0] or toks[-1] is not run.tokens[-1]:
            continue
        span = (run.start, run.end)
        name = text[span[0]:span[1]]
        if gazetteer.lookup(name) is not None or _overlaps(span, taken) or any(
                t.lower in name_words for t in toks):
            continue
        if is_storm(run.tokens):
            continue
        if is_feature(text, run.tokens):
            kind = "facility" if is_facility([t.text for t in toks]) else "other"
            out.setdefault(gazetteer.key(name), gazetteer.PlaceEntry(name, kind, None))
            continue
        entry = _placed_by_context(text, run, toks, name)
        if entry is None and defined and name in defined:  # "Lisca is a port"
            entry = gazetteer.town(name) or gazetteer.PlaceEntry(name, defined[name], None)
        if entry is not None:
            out.setdefault(gazetteer.key(name), entry)
    return out


def _without_opener(run: Run) -> Run:
    """The run less a capitalised function word that opens it ("The Interlagos circuit
    reopened": "The" is capitalised by its place, not part of the name)."""
    tokens = run.tokens
    first = 0
    while (first < len(tokens) - 1 and is_common(tokens[first].text)
           and tokens[first].text[:1].isupper()):
        first += 1
    return run._replace(tokens=tokens[first:]) if first else run


def _placed_by_context(text: str, run: Run, toks: list[Token],
                       name: str) -> gazetteer.PlaceEntry | None:
    """The place a name no gazetteer lists is, read from the words around it (see
    `_local_places`), or None."""
    after = _WORD_AFTER.match(text, run.end)
    before = _WORD_BEFORE.search(text, max(0, run.start - 30), run.start)
    venue_after = after is not None and after.group(1) in VENUE_NOUNS and not toks[-1].possessive
    if venue_after or (before and before.group(2) in VENUE_NOUNS):
        return gazetteer.town(name) or gazetteer.PlaceEntry(name, "other", None)
    comma = _COMMA_PLACE.match(text, run.end)
    region = gazetteer.lookup(comma.group(1)) if comma else None
    if region is not None and region.kind in ("country", "region"):
        return gazetteer.town(name, region.country)
    preposition = before.group(1) if before else None
    if is_dateline(text, run) or (preposition in _TOWN_PREPS and not toks[-1].possessive):
        return _town_after(name, preposition)
    if len(toks) == 1 and not (run.sentence_initial or run.headline):
        return _lone_town(text, name)
    return None


def _town_after(name: str, preposition: str | None) -> gazetteer.PlaceEntry | None:
    """ "in Loughborough", "DOVER, England —": a town or a state; after "near" any name."""
    entry = gazetteer.town(name) or _region(name)
    if entry is None and preposition in _NEAR_PREPS:
        entry = gazetteer.PlaceEntry(name, "other", None)
    return entry


def _lone_town(text: str, name: str) -> gazetteer.PlaceEntry | None:
    """ "said Calais was receiving traffic": a big enough town never written as a modifier."""
    entry = gazetteer.town(name)
    if entry is not None and (entry.population < _LONE_TOWN or not _bare_everywhere(text, name)):
        return None
    return entry


def _bare_everywhere(text: str, name: str) -> bool:
    """Is `name` never a modifier or an owner ("Mercedes garage", "Mercedes' chairman")?

    A town stands as a noun of its own; a brand or a team that happens to share a town's
    name is sooner or later written before the noun it qualifies.
    """
    for match in re.finditer(rf"\b{re.escape(name)}\b(['’]|\s+([a-z]+))?", text):
        if match.group(1) and match.group(1) in "'’":
            return False
        if match.group(2) and match.group(2) not in _CLAUSE_WORDS:
            return False
    return True


_CLAUSE_WORDS = word_set(WORDS, "clause_words")


def _region(name: str) -> gazetteer.PlaceEntry | None:
    """A state or province, under the text's own spelling ("Gujarat", not "Gujarāt"); never
    a direction alone ("Eastern", a region of Fiji and of Ghana, is an adjective in prose)."""
    if name.lower() in PLACE_PARTS:
        return None
    entry = gazetteer.region(name)
    return gazetteer.PlaceEntry(name, "region", entry.country) if entry else None


def _local(text: str, toks: tuple[Token, ...], i: int,
           local: dict[str, gazetteer.PlaceEntry]) -> tuple[int, gazetteer.PlaceEntry] | None:
    if not local:
        return None
    for j in range(min(len(toks), i + 4) - 1, i - 1, -1):
        entry = local.get(gazetteer.key(text[toks[i].start:toks[j].end]))
        if entry is not None:
            return j, entry
    return None


def _longest(text: str, toks: tuple[Token, ...], i: int) -> tuple[int, gazetteer.PlaceEntry] | None:
    """The longest gazetteer name or demonym starting at token i (at most four words)."""
    for j in range(min(len(toks), i + 4) - 1, i - 1, -1):
        phrase = text[toks[i].start:toks[j].end]
        if j > i and any(t.possessive for t in toks[i:j]):
            continue
        entry = gazetteer.lookup(phrase)
        if entry is not None:
            return j, entry
        iso = gazetteer.demonyms().get(gazetteer.key(phrase))
        if iso:
            return j, gazetteer.PlaceEntry(gazetteer.country_names().get(iso, iso), "demonym", iso)
    return None


def _overlaps(span: Span, taken: list[Span]) -> bool:
    """Does `span` cross a person's or organisation's mention?  `taken` is sorted by start."""
    i = bisect_left(taken, (span[1],))
    return any(s < span[1] and span[0] < e for s, e in taken[max(0, i - 8):i])


def _is_place(text: str, span: Span, entry: gazetteer.PlaceEntry, run: Run,
              name_words: set[str], located: AbstractSet[str] = frozenset()) -> bool | None:
    """Whether a one-word name the gazetteer knows is a place here; None for a town whose
    capital only its position gives (a headline, a sentence's first word), which is a
    place where the text writes it as one elsewhere ("Tulsa has ... a train to Tulsa")."""
    word = text[span[0]:span[1]]
    before = text[max(0, span[0] - 12):span[0]].split()
    prep = bool(before) and before[-1].lower() in _PLACE_PREPS
    if word.lower() in name_words and not (
            before and before[-1].lower() in _TOWN_PREPS and not text.startswith("'s", span[1])):
        return False  # "lost to Hamilton": the driver, not the city
    if is_common(word) and not word.isupper():
        return False
    if metonymic(text, span, entry):
        return False
    if entry.kind != "city" or " " in word or prep or is_dateline(text, run):
        return True
    if _SUBJECT_VERB.match(text, span[1]):
        # "Obama said", "Obama wants": a town's name as the subject of saying or wanting is
        # a person or a body ("Bakhmut would not fall" stays a place; a big city as a
        # subject is metonymy, read above)
        return entry.population >= _BIG_CITY
    if run.headline or (run.sentence_initial and span[0] == run.start):
        # A capital only its position gives: the town when the text places it elsewhere
        # ("Ferns is a village ... shops in Ferns"), as one name keeps one sense in a text.
        return entry.population >= _BIG_CITY or word in located or None
    return True


_SUBJECT_VERB = re.compile(r" (?:said|says|told|wants|wanted)\b")
# "in Ferns", "near Ferns", but not "in Ferns' shops" (an owner) nor "in Ferns Road".
_LOCATED = re.compile(
    r"\b(?:in|near|outside|around|throughout)\s+([A-Z][\w’'-]*)(?![\w’'-]|\s+[A-Z])")


# Looser than `_LOCATED`, for what the model already reads as a place: "raced at Interlagos
# In the pits" (a caption's capital after it), "flew from Neiafu".
_AT_PLACE = re.compile(
    r"\b(?:in|near|outside|around|throughout|at|from|into|across|via)\s+(?:the\s+)?"
    r"([A-Z][\w’'-]*)")


_ITEM_BEFORE = re.compile(r"([A-Z][\w’'.-]*),\s+$")
_ITEM_AFTER = re.compile(r",?\s+(?:and\s+|or\s+)?([A-Z][\w’'.-]*)")


def _listed_with_places(text: str, span: Span) -> bool:
    """ "cities like Philadelphia, Raleigh-Durham, Milwaukee and Detroit": a name in a list
    beside a place the gazetteer knows is a place too."""
    before = _ITEM_BEFORE.search(text, max(0, span[0] - 40), span[0])
    after = _ITEM_AFTER.match(text, span[1])
    return any(m is not None and gazetteer.lookup(m.group(1)) is not None
               and gazetteer.key(m.group(1)) not in gazetteer.demonyms() for m in (before, after))


def _located(text: str) -> frozenset[str]:
    """One-word names the text writes after "in", "near" or "outside": places wherever
    they stand, for `_is_place`."""
    return frozenset(m.group(1) for m in _LOCATED.finditer(text))


def metonymic(text: str, span: Span, entry: gazetteer.PlaceEntry) -> bool:
    """ "Washington warned", "Moscow's demands": a capital standing for its government.

    Not after "in"/"at", alone or heading a list: "officials in Paris said", "talks in
    Berlin and London said" name where people are.
    """
    if gazetteer.key(text[span[0]:span[1]]) not in gazetteer.capitals():
        return False
    if _after_location_preposition(text, span[0]):
        return False
    tail = text[span[1]:span[1] + 40]
    if tail.startswith(("'s", "’s")):
        return True
    if tail[:1] != " ":
        return False
    words = [w.strip(",.;:").lower() for w in tail.split()[:4]]
    while words and words[0] in _AUXILIARIES:
        words.pop(0)  # "Moscow has long denied": the verb after the auxiliaries decides
    return bool(words) and words[0] in _GOVERNMENT_VERBS


_LOCATED_BY = frozenset(["in", "at", "near", "outside"])
_LIST_GLUE = re.compile(r"^(?:and|or|,)$")


def _after_location_preposition(text: str, start: int) -> bool:
    """Whether the name at `start` follows "in" directly or through a list ("in A, B and")."""
    words = text[max(0, start - 80):start].replace(",", " , ").split()
    for word in reversed(words[-8:]):
        if word.lower() in _LOCATED_BY:
            return True
        if word.endswith((".", "!", "?", ":", ";")) or not (
                word[:1].isupper() or _LIST_GLUE.match(word)):
            return False  # another sentence or clause, or a word that is no list item
    return False


_GOVERNMENT_VERBS = word_set(WORDS, "government_verbs")
_AUXILIARIES = word_set(WORDS, "auxiliaries")


# How much smaller a namesake may be and still be the one meant when the article's other
# places are all in its country: Plymouth, Massachusetts (1:3 beside Plymouth, England)
# in a story of US states; never Paris, Texas (1:80) for Paris.
_NAMESAKE_RATIO = 10


def _namesakes_by_context(text: str, found: _Found) -> _Found:
    """A city read as the biggest of its name, moved to its namesake where the article says
    which: the region or country after a comma ("Plymouth, Massachusetts"), or, with no
    such word, the country every other place of the article is in."""
    countries = Counter(country for _, country in found if country)
    out: _Found = {}
    for entry, spans in found.values():
        if entry.kind == "city":
            entry = _namesake(text, entry, spans, countries)
        held = out.setdefault((entry.name, entry.country), (entry, []))[1]
        held.extend(s for s in spans if s not in held)
        held.sort()
    return out


def _namesake(text: str, entry: gazetteer.PlaceEntry, spans: list[Span],
              countries: Counter[str]) -> gazetteer.PlaceEntry:
    """The city `entry` names in this article (see `_namesakes_by_context`)."""
    home = _comma_country(text, spans)
    least = 0  # a namesake the comma names may be of any size
    if home is None:
        others = countries - Counter([entry.country] if entry.country else [])
        if len(others) != 1 or entry.country in others:
            return entry
        (home, count), = others.items()
        if count < 2:
            return entry
        least = entry.population // _NAMESAKE_RATIO
    if home == entry.country:
        return entry
    town = town_in(entry.name, home) or town_in(text[spans[0][0]:spans[0][1]], home)
    if town is None or town.population < least:  # (as written: "St. Petersburg, Fla.")
        return entry
    return gazetteer.PlaceEntry(town.name, "city", town.country, town.population)


def _comma_country(text: str, spans: list[Span]) -> str | None:
    """The country of a region or country written after a comma ("Plymouth,
    Massachusetts"; "Kingston, Ontario", a province the index knows only as a town; a
    dateline's AP state)."""
    for start, end in spans:
        if text[start:end].isupper() and _dateline_state(text, end):
            return "US"  # "ST. PETERSBURG, Fla. —": a dateline's AP state
        comma = _COMMA_PLACE.match(text, end)
        if comma is None:
            continue
        region = gazetteer.lookup(comma.group(1))
        if region is None or region.kind not in ("country", "region"):
            region = gazetteer.subdivisions().get(gazetteer.key(comma.group(1)))
        if region is not None and region.kind in ("country", "region"):
            return region.country
    return None


def _disambiguate(text: str, entry: gazetteer.PlaceEntry) -> gazetteer.PlaceEntry:
    if entry.kind == "country" and entry.country:
        state = gazetteer.us_states().get(gazetteer.key(entry.name))
        if state is not None and not _country_evidence(text, entry.country):
            return state
    if entry.kind == "region" and entry.country == "US":
        capital_iso = gazetteer.capitals().get(gazetteer.key(entry.name))
        if capital_iso == "US":
            return gazetteer.PlaceEntry(entry.name, "city", "US", 0)
    return entry


def _country_evidence(text: str, iso: str) -> bool:
    """Neighbours or the capital named in the text, or no US place at all."""
    names = gazetteer.country_names()
    hints = [names[n] for n in gazetteer.neighbours().get(iso, ()) if n in names]
    hints += filter(None, [gazetteer.capital_of(iso)])
    if any(h in text for h in hints):
        return True
    us = ("United States", "U.S.", "Atlanta", "America")
    return not any(h in text for h in us)
