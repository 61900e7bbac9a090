"""Merging a text's name mentions into people: the second half of WHO (who.py finds them).

Kept apart from the finder so each stays small: these steps see only the candidate people
and their spans, never the capitalised runs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from briefing.extract.names import Token
from briefing.extract.roles import is_role
from briefing.model import Person, Span

_APPOSITIVE = re.compile(
    r",\s+(?:\d{1,3},\s+)?((?:a|an|the|[A-Z][\w.]*['’]s|[a-z]+er)\s+[^,.;:“”\"()]{2,70}?)(?=,|\.\s|\s+(?:said|says|told))")


@dataclass
class NameCandidate:
    """A person while mentions are still being merged (mutable; `final` freezes it).

    `evidence` records whether anything beyond capitals says this is a person (a role, two
    name words, a speech verb): candidates without it are dropped at the end, after they
    have had the chance to absorb their surnames.
    """

    tokens: list[str]
    surface: str = ""
    spellings: list[tuple[tuple[str, ...], str]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    mentions: list[Span] = field(default_factory=list)
    evidence: bool = False

    @property
    def surname(self) -> str:
        """The family name: the last word but a generational suffix ("Biden" of "Joseph R.
        Biden Jr.")."""
        words = [t.lower().rstrip(".,") for t in self.tokens]
        while len(words) > 1 and words[-1] in NAME_SUFFIXES:
            words.pop()
        return words[-1]


NAME_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])
# A name word that is an initial ("B" of "James B. Comey", with or without its stop).
INITIAL = re.compile(r"[A-Z]\.?")


_COMPASS = re.compile(r"(?:(?:north|south)(?:east|west)?|east|west)(?:ern)?")


def recurring(people: list[NameCandidate], unplaced: dict[str, list[Span]],
               orgs: dict[str, list[Span]]) -> None:
    """A one-word name used three times and nobody's name is a company, brand or body.

    ("Toblerone is facing...", "Toblerone said...").  A person is named in full at least
    once; a thing that keeps its single name throughout is an organisation or its product.
    """
    words = {w.lower() for p in people for w in p.tokens}
    for word, spans in unplaced.items():
        if (len(spans) >= 3 and word.lower() not in words and not word.isupper()
                and not _COMPASS.fullmatch(word.lower())):  # "From the East", "run East / West"
            orgs.setdefault(word, []).extend(spans)


def split_known(text: str, found: list[NameCandidate]) -> tuple[list[NameCandidate], list[Token]]:
    """Cut runs that glue names together ("Grand Prix Christian Horner", "Massa Massa").

    Captions and headlines without punctuation join words that the rest of the text writes
    apart; a full name seen on its own elsewhere is taken out, and the remainder is kept only
    as single words after the name (surnames), never as a person of its own.
    """
    known = {tuple(p.tokens) for p in found if 2 <= len(p.tokens) <= 3
             and not INITIAL.fullmatch(p.tokens[-1])}  # not "James B" out of "James B Comey"
    out: list[NameCandidate] = []
    leftovers: list[Token] = []
    for p in found:
        toks = p.tokens
        if len(toks) < 3 and len(set(toks)) == len(toks):
            out.append(p)
            continue
        start = p.mentions[0][0]
        offsets = []
        pos = start
        for word in toks:
            pos = text.find(word, pos)
            offsets.append(pos)
            pos += len(word)
        i, pieces, rest = 0, [], []
        while i < len(toks):
            hit = next((n for n in (3, 2) if i + n <= len(toks) and tuple(toks[i:i + n]) in known
                        and tuple(toks[i:i + n]) != tuple(toks)), 0)
            if hit:
                pieces.append((i, i + hit))
                i += hit
            else:
                rest.append(i)
                i += 1
        if not pieces and len(set(toks)) == len(toks):
            out.append(p)
            continue
        for a, b in pieces:
            span = (offsets[a], offsets[b - 1] + len(toks[b - 1]))
            out.append(NameCandidate(toks[a:b], text[span[0]:span[1]], roles=list(p.roles),
                               affiliation=p.affiliation, mentions=[span], evidence=True))
        first = pieces[0][0] if pieces else 0
        leftovers.extend(Token(offsets[i], offsets[i] + len(toks[i]), toks[i])
                         for i in rest if i > first)  # words before a name are its title
    return out, leftovers


Recent = Callable[[int, int], bool]
"""Whether a name at the first offset is close enough to the second (its sentence or the one
before) that a bare surname there means that person."""


def merge(found: list[NameCandidate], recent: Recent | None = None) -> list[NameCandidate]:
    """One person per surname, unless the text names two people who share it.

    "Bill Clinton" and "Hillary Clinton" stay two people: full names whose first names
    differ (and are not an initial or a short form of one another) split the surname, and
    each bare "Clinton" goes to the namesake `_namesake` picks.
    """
    groups: dict[str, list[NameCandidate]] = {}
    for p in _given_name_forms(found):
        groups.setdefault(p.surname, []).append(p)
    out: list[NameCandidate] = []
    for group in groups.values():
        out.extend(_combine(bucket) for bucket in _split_by_first_name(group, recent))
    return out


# Endings of the adjectives a nickname puts before a given name ("Crooked", "Sleepy",
# "Lyin'"), which a given name before another given name ("John Paul") rarely has.
_EPITHET_ENDS = ("ed", "y", "in'", "in’", "ing")


def _given_name_forms(found: list[NameCandidate]) -> list[NameCandidate]:
    """Fold into a full name the forms that write its given name with an initial ("Alicia
    M", "[FBI Director James B.] Comey" cut at the bracket) or after an epithet ("Crooked
    Hillary" for Hillary Clinton): two words, one the given name only one full name in the
    text bears, the other no name of anyone's (and an epithet an adjective's ending)."""
    bearers: dict[str, dict[str, NameCandidate]] = {}
    for p in found:
        if len(p.tokens) >= 2 and not INITIAL.fullmatch(p.tokens[-1]):
            bearers.setdefault(p.tokens[0].lower(), {}).setdefault(" ".join(p.tokens), p)
    out = []
    for p in found:
        target = None
        if len(p.tokens) == 2:
            first, second = p.tokens
            own = " ".join(p.tokens)
            named = [q for name, q in bearers.get(first.lower(), {}).items() if name != own]
            given = [q for name, q in bearers.get(second.lower(), {}).items() if name != own]
            if (INITIAL.fullmatch(second) and len(named) == 1
                    and second[0] in {t[0] for t in named[0].tokens[1:]}):
                target = named[0]  # "Alicia M", "James B"
            elif (len(given) == 1 and not named and first.lower().endswith(_EPITHET_ENDS)
                    and not {first.lower(), second.lower()}
                    & {q.surname for q in found if q.tokens != p.tokens}):
                target = given[0]  # "Crooked Hillary", "Sleepy Joe", "Lyin' Ted"
        if target is None:
            out.append(p)
            continue
        target.mentions.extend(p.mentions)
        target.roles.extend(r for r in p.roles if r not in target.roles)
    return out


def _namesake(named: list[tuple[int, int]], pos: int, recent: Recent | None) -> int:
    """Which namesake a bare surname at `pos` means, from `named` ((offset, namesake) of
    their mentions, in text order): the one named in its sentence or the one before; else
    the one the story has named most so far (its subject: "her husband, Bill Clinton"
    named once in a caption does not take every "Clinton" after it), the last named among
    equals; the first named when none came before."""
    before = [(at, i) for at, i in named if at <= pos]
    if not before:
        return named[0][1]
    at, last = before[-1]
    if recent is None or recent(at, pos):
        return last
    counts = Counter(i for _, i in before)
    top = max(counts.values())
    return next(i for _, i in reversed(before) if counts[i] == top)


@dataclass
class Namesakes:
    """The people by surname, to tell which one a bare surname later in the text means."""

    by_surname: dict[str, list[NameCandidate]]
    recent: Recent | None = None

    def at(self, surname: str, offset: int) -> NameCandidate | None:
        """The person a bare surname at `offset` means (`_namesake`), or None."""
        namesakes = self.by_surname.get(surname.lower())
        if not namesakes:
            return None
        if len(namesakes) == 1:
            return namesakes[0]
        named = sorted((s, i) for i, p in enumerate(namesakes) for s, _ in p.mentions)
        return namesakes[_namesake(named, offset, self.recent)]

    def bearer(self, word: str) -> NameCandidate | None:
        """The one person whose given name a lone word is: in a story about Max Verstappen,
        "Max said" is him (sports and features call people by their first name).  None
        when two people bear it or nobody does."""
        low = word.lower()
        if len(low) < 3 or low in self.by_surname:
            return None
        bearers = [p for group in self.by_surname.values() for p in group
                   if (given := _first_name(p)) is not None and _same_given(low, given)]
        return bearers[0] if len(bearers) == 1 else None

    def add(self, person: NameCandidate) -> None:
        self.by_surname.setdefault(person.surname, []).append(person)


def surname_index(people: list[NameCandidate], recent: Recent | None = None) -> Namesakes:
    index = Namesakes({}, recent)
    for p in people:
        index.add(p)
    return index


def _first_name(p: NameCandidate) -> str | None:
    """The given name, when it can tell people apart (initials cannot)."""
    if len(p.tokens) < 2:
        return None
    first = p.tokens[0].rstrip(".").lower()
    return first if len(first) >= 2 else None


def _same_given(a: str, b: str) -> bool:
    if a.startswith(b) or b.startswith(a):  # "Jim"/"Jimmy", "Chris"/"Christopher"
        return True
    return _FORMAL.get(a, a) == _FORMAL.get(b, b)  # "Joe"/"Joseph", "Bill"/"William"


# English short forms that are no prefix of the name they stand for ("Joe Biden" and
# "Joseph R. Biden" are one man).  By hand: no installed package lists hypocorisms, and the
# few that news writes this way are a short, stable list.
_FORMAL = {
    "joe": "joseph", "bill": "william", "billy": "william", "will": "william",
    "bob": "robert", "bobby": "robert", "rob": "robert", "mike": "michael", "jim": "james",
    "jimmy": "james", "tom": "thomas", "tommy": "thomas", "dick": "richard", "rick": "richard",
    "ted": "edward", "ed": "edward", "eddie": "edward", "chuck": "charles",
    "charlie": "charles", "hank": "henry", "harry": "henry", "jack": "john", "johnny": "john",
    "bert": "albert", "tony": "anthony", "steve": "stephen", "peggy": "margaret",
    "meg": "margaret", "maggie": "margaret", "liz": "elizabeth", "beth": "elizabeth",
    "betty": "elizabeth", "kate": "katherine", "katie": "katherine", "sue": "susan",
    "larry": "lawrence", "jerry": "gerald", "sandy": "alexandra", "nancy": "ann",
}


def _first_at(p: NameCandidate) -> int:
    return min((s for s, _ in p.mentions), default=0)


def _split_by_first_name(group: list[NameCandidate],
                         recent: Recent | None) -> list[list[NameCandidate]]:
    """Namesakes sharing a surname ("Jim Smith", "Anna Smith") apart, each bare "Smith"
    going to the namesake `_namesake` picks."""
    given = _given_names(group)
    if len(given) <= 1:
        return [group]
    buckets: list[list[NameCandidate]] = [[] for _ in given]
    named = sorted((start, i) for p in group if (n := _first_name(p))
                   for i, g in enumerate(given) if _same_given(n, g) for start, _ in p.mentions)
    titles = [set().union(*(_title_words(p) for p in group if (n := _first_name(p))
                            and _same_given(n, g))) for g in given]
    for p in sorted(_one_per_mention(group), key=_first_at):
        name = _first_name(p)
        if name:
            index = next(i for i, g in enumerate(given) if _same_given(name, g))
        else:
            holders = [i for i, words in enumerate(titles) if words & _title_words(p)]
            index = holders[0] if len(holders) == 1 else _namesake(named, _first_at(p), recent)
        buckets[index].append(p)
    return [b for b in buckets if b]


def _title_words(p: NameCandidate) -> set[str]:
    """The title words of a candidate's roles ("former president" -> {"president"}): a bare
    "President Clinton" goes to the namesake the text gave that title, whoever was named
    last ("Hillary Clinton ... an affair with President Clinton" is Bill)."""
    return {w for role in p.roles for w in role.lower().split() if is_role(w)}


def _given_names(group: list[NameCandidate]) -> list[str]:
    """The distinct first names of a surname's group, "Jim" and "Jimmy" counted once."""
    given: list[str] = []
    for p in group:
        name = _first_name(p)
        if name and not any(_same_given(name, g) for g in given):
            given.append(name)
    return given


def _one_per_mention(group: list[NameCandidate]) -> list[NameCandidate]:
    """Bare surnames split mention by mention: each may mean a different namesake."""
    out: list[NameCandidate] = []
    for p in group:
        if _first_name(p) or len(p.mentions) < 2:
            out.append(p)
            continue
        for n, span in enumerate(sorted(p.mentions)):
            out.append(NameCandidate(list(p.tokens), p.surface, roles=p.roles if n == 0 else [],
                                 affiliation=p.affiliation if n == 0 else None,
                                 mentions=[span], evidence=p.evidence))
    return out


def _combine(group: list[NameCandidate]) -> NameCandidate:
    """Fold a person's mentions together; the commonest multi-word spelling is canonical."""
    base = group[0]
    base.spellings.append((tuple(base.tokens), base.surface))
    for p in group[1:]:
        base.spellings.append((tuple(p.tokens), p.surface))
        base.mentions.extend(p.mentions)
        base.roles.extend(r for r in p.roles if r not in base.roles)
        base.affiliation = base.affiliation or p.affiliation
        base.evidence = base.evidence or p.evidence
    multi = [sp for sp in base.spellings if len(sp[0]) > 1] or base.spellings
    counts = Counter(sp[0] for sp in multi)
    best = max(multi, key=lambda sp: (counts[sp[0]], -len(sp[0])))
    base.tokens, base.surface = list(best[0]), best[1]
    return base


def titled_by_appositive(text: str, p: NameCandidate) -> bool:
    """Whether a mention is followed by an appositive naming a title or a role ("Dean, a
    medical doctor,", "Hale, the party's chairman,"): a person, whatever the model reads."""
    for _start, end in p.mentions:
        match = _APPOSITIVE.match(text, end)
        if match and any(is_role(w) for w in _noun_phrase(match.group(1)).split()):
            return True
    return False


def appositive(text: str, p: NameCandidate) -> None:
    for _start, end in p.mentions:
        match = _APPOSITIVE.match(text, end)
        if match:
            phrase = match.group(1).strip()
            last = phrase.split()[-1]
            if any(is_role(w) for w in phrase.split()) or last.endswith(("er", "or", "ist", "ian")):
                role = re.sub(r"^(a|an|the)\s+", "", _noun_phrase(phrase))
                if role not in p.roles:
                    p.roles.append(role)
                p.evidence = True


# Courtesy titles: a role of a bare surname, and no role beside a full name.
_COURTESY = frozenset(["mr", "mrs", "ms", "miss", "mx"])

# Words that carry a role's noun phrase on past a name ("director of Orbis in Oslo").
_PHRASE_GLUE = frozenset(["of", "for", "and", "the", "at", "in", "on", "de", "to", "&"])


def _noun_phrase(phrase: str) -> str:
    """The role a phrase opens, less what the clause goes on to say after a name: "a member
    of Scientology all his life" is "a member of Scientology"."""
    words = phrase.split()
    after_glue = False  # inside a name that a preposition opened: "of Scientology"
    for i, word in enumerate(words):
        if word[:1].isupper():
            after_glue = after_glue or (i > 0 and words[i - 1] in _PHRASE_GLUE)
        elif after_glue and word not in _PHRASE_GLUE:
            return " ".join(words[:i])  # "a Labour councillor" keeps its noun
        else:
            after_glue = False
    return phrase


def final(p: NameCandidate, pronouns: list[Span]) -> Person:
    name = p.surface or " ".join(p.tokens)
    roles = p.roles
    if " " in name:  # "Mr." says something of "Corrado", nothing of "Donald Trump"
        roles = [r for r in roles if r.lower().rstrip(".") not in _COURTESY]
    return Person(name, _distinct_roles(roles), p.affiliation,
                  tuple(sorted(set(p.mentions))), pronouns=tuple(sorted(set(pronouns))))


def _distinct_roles(roles: list[str]) -> tuple[str, ...]:
    """Each role once, and none that a fuller one already says: "President" goes when
    "Russian President" is there ("Russian President Vladimir Putin ... President Putin")."""
    unique = list(dict.fromkeys(roles))
    folded = [r.lower() for r in unique]
    return tuple(role for role, low in zip(unique, folded, strict=True)
                 if not any(other != low and other.endswith(" " + low) for other in folded))
