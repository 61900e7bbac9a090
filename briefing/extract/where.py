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

from briefing.extract import gazetteer
from briefing.extract.context import Context
from briefing.extract.names import Token, is_common, runs
from briefing.extract.roles import ANON_HEADS, GROUP_NOUNS, is_role
from briefing.model import Organization, Person, Place, Span

_PLACE_PREPS = ("in", "to", "from", "at", "near", "outside", "across", "into", "of")
_BIG_CITY = 1_000_000


def find_places(ctx: Context, people: list[Person],
                organizations: list[Organization]) -> list[Place]:
    text = ctx.text
    taken = sorted(m for p in people for m in p.mentions) + sorted(
        m for o in organizations for m in o.mentions)
    name_words = {w.lower() for p in people if not p.anonymous for w in p.name.split()}
    found: dict[tuple[str, str | None], tuple[gazetteer.Entry, list[Span]]] = {}
    for run in runs(text, ctx.seg):
        toks = run.tokens
        i = 0
        while i < len(toks):
            hit = _longest(text, toks, i)
            if hit is None:
                i += 1
                continue
            j, entry = hit
            span = (toks[i].start, toks[j].end)
            i = j + 1
            if _overlaps(span, taken) or not _is_place(text, toks, i - 1, span, entry, run,
                                                      name_words):
                continue
            entry = _disambiguate(text, entry)
            found.setdefault((entry.name, entry.country), (entry, []))[1].append(span)
    places = [Place(e.name, e.kind, e.country, tuple(spans)) for e, spans in found.values()]
    places.sort(key=lambda p: p.mentions[0])
    return places


def _longest(text: str, toks: tuple[Token, ...], i: int) -> tuple[int, gazetteer.Entry] | None:
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
            return j, gazetteer.Entry(gazetteer.country_names().get(iso, iso), "demonym", iso)
    return None


def _overlaps(span: Span, taken: list[Span]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in taken)


def _is_place(text: str, toks: tuple[Token, ...], j: int, span: Span, entry: gazetteer.Entry,
              run, name_words: set[str]) -> bool:
    word = text[span[0]:span[1]]
    before = text[max(0, span[0] - 12):span[0]].split()
    prep = bool(before) and before[-1].lower() in _PLACE_PREPS
    if entry.kind == "demonym":
        return _demonym_is_place(text, span)
    if word.lower() in name_words and not prep:
        return False
    if is_common(word) and not word.isupper():
        return False
    if metonymic(text, span, entry):
        return False
    if entry.kind == "city" and " " not in word and not prep:
        if run.headline or (run.sentence_initial and span[0] == run.start):
            return entry.population >= _BIG_CITY
    return True


def _demonym_is_place(text: str, span: Span) -> bool:
    """Adjectival use before a thing is a place mention; before a person it is affiliation."""
    word = text[span[0]:span[1]]
    if word.endswith("s") and gazetteer.demonyms().get(gazetteer.key(word[:-1])):
        return False  # "Russians", "Brits": people
    following = text[span[1]:span[1] + 40].split()
    if not following:
        return False
    nxt = following[0].strip(",.;:’'\"”").lower()
    if not nxt or not text[span[1]:span[1] + 1].isspace():
        return False
    return not (is_role(nxt) or nxt in ANON_HEADS or nxt in GROUP_NOUNS
                or (following[0][:1].isupper() and not gazetteer.lookup(following[0])))


def metonymic(text: str, span: Span, entry: gazetteer.Entry) -> bool:
    """ "Washington warned", "Moscow's demands": a capital standing for its government."""
    if gazetteer.key(text[span[0]:span[1]]) not in gazetteer.capitals():
        return False
    tail = text[span[1]:span[1] + 25]
    if tail.startswith(("'s", "’s")):
        return True
    nxt = tail.split()[0].strip(",.;:").lower() if tail.split() else ""
    return tail[:1] == " " and nxt in _GOVERNMENT_VERBS


_GOVERNMENT_VERBS = frozenset(["said", "says", "warned", "warns", "wants", "has", "have", "will", "would", "is", "was", "accused", "accuses", "imposed", "imposes", "announced", "announces", "demanded", "demands", "rejected", "rejects", "denied", "denies", "insists", "insisted", "responded", "responds", "threatened", "threatens", "urged", "urges", "hopes", "hoped", "believes", "believed", "must", "should", "could", "may", "might"])


def _disambiguate(text: str, entry: gazetteer.Entry) -> gazetteer.Entry:
    if entry.kind == "country" and entry.country:
        state = gazetteer.us_states().get(gazetteer.key(entry.name))
        if state is not None and not _country_evidence(text, entry.country):
            return state
    if entry.kind == "region" and entry.country == "US":
        capital_iso = gazetteer.capitals().get(gazetteer.key(entry.name))
        if capital_iso == "US":
            return gazetteer.Entry(entry.name, "city", "US", 0)
    return entry


def _country_evidence(text: str, iso: str) -> bool:
    """Neighbours or the capital named in the text, or no US place at all."""
    names = gazetteer.country_names()
    hints = [names[n] for n in gazetteer.neighbours().get(iso, ()) if n in names]
    hints += [c for c, i in gazetteer.capital_names().items() if i == iso]
    if any(h in text for h in hints):
        return True
    us = ("United States", "U.S.", "Atlanta", "America")
    return not any(h in text for h in us)
