"""WHO: people (named and anonymous) and organisations, each with every mention merged.

Names are found from capitalised runs (names.py) and classified with general evidence, never
with lists of particular people: a title or role beside the run ("Press Secretary Jen Psaki",
"foreign affairs adviser Yuri Ushakov"), two or more name-like words that no gazetteer or
organisation head explains, or a speech verb beside a single surname ("Ushakov said").  A bare
surname or a hyphenated "Biden-Putin" is merged into the full name it shortens.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

from briefing.extract.anonymous import find_anonymous
from briefing.extract.context import Context
from briefing.extract.features import is_feature, is_storm
from briefing.extract.gender import resolve_pronouns
from briefing.extract.names import (
    ADVOCACY_HEADS,
    FUNCTION_WORDS,
    Run,
    Token,
    credit_spans,
    is_common,
    is_common_contraction,
    is_dateline,
    opening_gerund,
    without,
)
from briefing.extract.roles import (
    EVENT_HEADS,
    FAITHS_LANGUAGES,
    GROUP_NOUNS,
    NOT_ORG_ACRONYMS,
    ORG_HEADS,
    ORG_NAMES,
    ORG_PLURALS,
    OUTLET_HEADS,
    PLACE_PARTS,
    SPEECH_VERBS,
    STOP_BEFORE_ROLE,
    STORM_WORDS,
    VENUE_NOUNS,
    WORK_HEADS,
    is_prose_role,
    is_role,
)
from briefing.extract.tagger import Tags
from briefing.extract.teams import scored_places, team_mentions
from briefing.extract.who_merge import (
    INITIAL,
    NAME_SUFFIXES,
    NameCandidate,
    Namesakes,
    Recent,
    appositive,
    final,
    merge,
    recurring,
    split_known,
    surname_index,
    titled_by_appositive,
)
from briefing.geo import gazetteer
from briefing.model import Organization, Person, Span

_LOWER_WORD = re.compile(r"([A-Za-z][\w\-]*)(['’]s)?\s+$")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from)\s+(?:the\s+)?$")
_TOWARDS_PLACE = re.compile(r"\b(?:in|at|near|from|to|into|outside|across)\s+(?:the\s+)?$")
_ROLE_AFTER = re.compile(r"\s+([a-z]+)")
_NOT_PERSON_HEADS = EVENT_HEADS | WORK_HEADS
_ROMAN = re.compile(r"[IVX]+")  # "Vann R. Newkirk II": part of a name
# After "said X", these make X the subject of the reported clause ("said Calais was
# receiving traffic"), not the speaker ("said Smith, adding").
_CLAUSE_VERB = re.compile(r"\s+(?:is|was|were|are|had|has|have|would|will|could|can|may|might|"
                          r"should|must|did|does|[a-z]+ed)\b")

_ORG_WORDS = ORG_HEADS | ORG_NAMES


def _kind(tok: Token) -> str:
    if tok.text in _TODAY:
        return "org"  # kept in a run only as an outlet's last word (`_split_runs`)
    return _kind_of(tok.text)


_TODAY = frozenset(["Today", "TODAY"])
# Common words that never open a body's name before its head ("The Office", "His Party").
_NO_BODY_WORDS = frozenset(["the", "a", "an", "this", "that", "these", "those", "his", "her",
                            "its", "our", "their", "my", "your", "and", "or", "but", "in",
                            "on", "at", "of", "for", "to", "from", "by", "with", "as", "if",
                            "when", "while", "after", "before", "it", "he", "she", "we", "they",
                            "i", "you"])


@lru_cache(maxsize=1 << 14)
def _kind_of(word: str) -> str:
    """What a single word inside a run is: role, org, place, demonym, common or name.

    Depends on the word alone, so it is memoised across articles.
    """
    low = word.lower().rstrip(".")
    if "." in word:
        return "place" if gazetteer.lookup(word) else "name"
    if is_role(word) and not (word.isupper() and len(word) > 3):
        return "role"
    if (low in ORG_HEADS or low in ORG_NAMES or low in ORG_PLURALS
            or low.rsplit("-", 1)[-1] in ORG_HEADS):
        return "org"  # "France-Presse" too
    if _MOVEMENT.fullmatch(low):
        return "org"  # "Scientology": a movement and its church named by an "-ology"
    if gazetteer.key(word) in gazetteer.demonyms() or _faith(low):
        return "demonym"  # "Danish", and "Baptist" or "Latin": what a name is, not a name
    if is_common_contraction(word) or word in gazetteer.zone_abbreviations():
        # a day, a month, a function word, a pronoun and its verb ("I’m", "We’re"); "CET"
        # after a clock time
        return "common"
    if word.isupper() and 1 < len(word) <= 5 and not _ROMAN.fullmatch(word):
        return "common" if low in NOT_ORG_ACRONYMS else "acronym"  # "GDP", "AFP"; "NATO"
    if word.isupper() and len(word) > 5:
        return "common"  # shouted headline words ("CLEARED", "TIMELINE")
    if gazetteer.lookup(word) is not None:
        return "place"
    return "name"


def _split_runs(text: str, ctx: Context, avoid: list[Span]) -> list[tuple[Run, list[Token]]]:
    """Cut runs at sentence-opening and other common words ("The", "Thursday").

    "of" joins a name only to an institution or a title ("Bank of England", "Secretary of
    State"); between plain names it separates them ("Felipe Nasr of Sauber").  Words inside
    `avoid` (the time finder's spans) are dropped, and so are datelines ("DOVER, England —"),
    storms ("Cyclone Tara") and natural features ("the Arabian Sea"): places and events.
    """
    out = []
    for run in without(ctx.runs, avoid):
        if is_dateline(text, run) or is_storm(run.tokens) or is_feature(text, run.tokens):
            continue
        part: list[Token] = []
        toks = run.tokens
        for i, tok in enumerate(toks):
            if tok.text in _TODAY and part and not text[tok.end:tok.end + 2].strip()[:1].isupper():
                part.append(tok)  # "told USA Today on Monday": an outlet, not the day
                continue
            if tok.capitalised and is_common(tok.text) and not (
                    i + 1 < len(toks) and toks[i + 1].lower in ORG_HEADS
                    and tok.lower not in _NO_BODY_WORDS):  # "the Home Office"
                if part:
                    out.append((run, part))
                part = []
                continue
            if (part and text[part[-1].end:tok.start] == " of "
                    and _kind(part[-1]) not in ("org", "role")):
                out.append((run, part))
                part = []
            part.append(tok)
        if part:
            out.append((run, part))
    return out


# Written before a name without a stop in British style ("Mr Trump"): a role of their own
# that no word before them extends.
_HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"])


def _lower_role(text: str, start: int) -> tuple[str, str | None]:
    """Lowercase role words just before a name: "Putin's foreign affairs adviser" -> role."""
    before = text[max(0, start - 30):start].rsplit(None, 1)
    if start == 0 or not text[start - 1].isspace() or not before or not is_prose_role(before[-1]):
        return "", None  # most names have no role word before them: skip the regex walk
    if before[-1].rstrip(".").lower() in _HONORIFICS:
        return before[-1], None  # "gave Mrs Clinton": the honorific alone, not "gave Mrs"
    words: list[str] = []
    position = start
    owner = None
    for _ in range(5):
        match = _LOWER_WORD.search(text, max(0, position - 40), position)
        if not match:
            break
        word = match.group(1)
        if match.group(2):
            owner = word if word[:1].isupper() else None
            break
        if not words and not is_prose_role(word):
            return "", None
        if word.lower() == "of" and words and _role_of(text, match.start()):
            words.insert(0, word)  # "secretary of state": the role goes on past "of"
            position = match.start()
            continue
        if word.lower() in STOP_BEFORE_ROLE or (word[:1].isupper() and words):
            break
        words.insert(0, word)
        position = match.start()
    role = " ".join(words)
    if role and owner:
        role = f"{role} to {owner}"
    return role, owner


def _role_of(text: str, end: int) -> bool:
    """Whether the word ending at `end` (before an "of") is a role ("secretary of state")."""
    before = _LOWER_WORD.search(text, max(0, end - 40), end)
    return before is not None and not before.group(2) and is_prose_role(before.group(1))


def _affiliation(prefix: list[Token]) -> str | None:
    for tok in prefix:
        iso = gazetteer.demonyms().get(gazetteer.key(tok.text))
        if iso:
            return gazetteer.country_names().get(iso)
    for n in range(len(prefix), 0, -1):
        for i in range(len(prefix) - n + 1):
            phrase = " ".join(t.text for t in prefix[i:i + n])
            entry = gazetteer.lookup(phrase)
            if entry and entry.kind == "country":
                return entry.name
    org_end = max((i for i, t in enumerate(prefix) if (t.lower in _ORG_WORDS
                   or (t.text.isupper() and len(t.text) > 1)) and not is_role(t.text)),
                  default=-1)
    if org_end >= 0:
        return " ".join(t.text for t in prefix[:org_end + 1])
    return None


def _employer_before_title(prefix: list[Token]) -> str | None:
    """ "Halvorsen Freight CEO Dana Whitlock": the capitalised words before a title are the body
    the person works for, whether or not a head word says so."""
    first_role = next((i for i, t in enumerate(prefix) if is_role(t.text)), 0)
    words = prefix[:first_role]
    if not all(is_role(t.text) for t in prefix[first_role:]):
        return None  # the title runs up to the name: "Orbis Chief Executive"
    if not words or any(is_common(t.text) or t.lower in _RANK_WORDS or t.lower in EVENT_HEADS
                        or any(gazetteer.key(part) in gazetteer.demonyms()
                               for part in t.text.split("-"))
                        for t in words):
        return None  # "Afghan Ambassador", "Major General", "Senior Adviser"
    return " ".join(t.text for t in words)


# Words that qualify a title rather than name an employer: "Acting Director".
_RANK_WORDS = frozenset(["major", "senior", "junior", "deputy", "acting", "interim", "former",
                         "veteran", "longtime", "top", "vice", "assistant", "associate",
                         "executive", "general", "lead", "principal", "retired", "late"])


def _collect_org(text: str, toks: list[Token], kinds: list[str],
                 orgs: dict[str, list[Span]]) -> None:
    """The organisation part of a run: up to its last head word before any role word, or the
    whole run when a head word closes it ("Stephenville High School", "Supreme Court": no
    name can follow a body's head, so a title word inside is the body's own)."""
    if kinds and len(kinds) == len(toks) and kinds[-1] == "org" and toks[-1].lower in ORG_HEADS:
        last = len(toks) - 1
    else:
        roles = kinds.index("role") if "role" in kinds else len(kinds)
        last = max((i for i in range(roles) if kinds[i] in ("org", "acronym")), default=-1)
    if last < 0 or (last == 0 and kinds[0] == "org" and toks[0].lower not in ORG_NAMES
                    and not _MOVEMENT.fullmatch(toks[0].lower)):
        return
    span = (toks[0].start, toks[last].end)
    phrase = text[span[0]:span[1]]
    entry = gazetteer.lookup(phrase)
    if entry is None or (entry.kind == "city" and last > 0):
        orgs.setdefault(phrase, []).append(span)


def _glued_title(text: str, tags: Tags, toks: list[Token]) -> bool:
    """Whether the first word of a run is no part of the name the rest makes ("Striker
    Tomas Varga"): the model reads it as no name and the rest as a person.  Never when the
    text writes the first two words together again ("Hillary Clinton Goes After ..." in a
    headline, "Hillary Clinton said" below it): they are a name."""
    if text.count(f"{toks[0].text} {toks[1].text}") > 1:
        return False
    first = tags.dist(toks[0].start, toks[0].end)
    rest = tags.dist(toks[1].start, toks[-1].end)
    return (first is not None and rest is not None and first["O"] >= 0.5
            and rest["PER"] >= 0.5)


def _team(text: str, toks: list[Token]) -> bool:
    """A place and a plural name after it is a team or a club, never a person."""
    if len(toks) < 2 or toks[-1].possessive or not _plural(toks[-1].text):
        return False
    entry = gazetteer.lookup(text[toks[0].start:toks[-2].end])
    return entry is not None and entry.kind in ("city", "region", "country")


def _speech_next(text: str, end: int) -> bool:
    tail = text[end:end + 30].lstrip(" ,")
    word = tail.split(" ", 1)[0].strip(".,:;").lower()
    return word in SPEECH_VERBS


_SPEECH_ENDINGS = tuple(f" {v}" for v in ("said", "says", "added", "told", "according to",
                                           "asked", "wrote"))


# A lower-case description between the verb and the name: "said 9/11 widow Terry Strada",
# "said retired teacher Ana Varga".
_DESCRIBED_AFTER_VERB = re.compile(
    r"\b(?:said|says|added|told|wrote|asked|declared|explained|insisted|recalled|replied|"
    r"shouted)\s+(?:[a-z0-9/'’\-]+\s+){1,3}$")


def _speech_before(text: str, start: int) -> bool:
    head = text[max(0, start - 25):start].rstrip().lower()
    return head.endswith(_SPEECH_ENDINGS) or bool(
        _DESCRIBED_AFTER_VERB.search(text, max(0, start - 50), start))


def _inside(pos: int, spans: list[Span]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _affiliate(text: str, run: Run, toks: list[Token], kinds: list[str]) -> bool:
    """ "Red Bull boss Christian Horner", "Mondelez spokeswoman", "Scientology officials":
    the run names an employer."""
    if toks[-1] is not run.tokens[-1] or toks[-1].possessive:
        return False
    if not set(kinds) <= {"name", "org", "acronym"}:
        return False
    match = _ROLE_AFTER.match(text, toks[-1].end)
    if not match or match.group(1) in ("will", "is"):
        return False
    if is_prose_role(match.group(1)):
        return True  # not "Tom Hale met": the title table's verbs and pronouns are no roles
    # "Port officials said": a sentence's first word is capitalised by its place, not a name
    return match.group(1) in _MEMBERS and not (run.sentence_initial and len(toks) == 1
                                                and toks[0] is run.tokens[0])


# People who belong to a body: "Scientology officials", "Hamas fighters", "Ford workers".
_MEMBERS = frozenset([
    "officials", "members", "employees", "workers", "staff", "staffers", "fighters",
    "militants", "executives", "spokesmen", "spokeswomen", "leaders", "lawyers", "engineers",
    "scientists", "researchers", "insiders", "sources", "representatives", "negotiators",
])


@dataclass
class _Reading:
    """What the WHO pass has read from the runs so far, shared by its steps."""

    text: str
    credits: list[Span]
    found: list[NameCandidate] = field(default_factory=list)
    orgs: dict[str, list[Span]] = field(default_factory=dict)
    singles: list[tuple[Token, Run | None]] = field(default_factory=list)
    employers: list[tuple[str, Span]] = field(default_factory=list)
    titled: set[str] = field(default_factory=set)
    """Bodies named before a title ("Halvorsen Freight CEO"): a body at every mention."""


def find_people(ctx: Context, avoid: list[Span] | None = None,
                ) -> tuple[list[Person], list[Organization]]:
    """People and organisations of one text; see the module docstring for the evidence used.

    `avoid`: spans already read as something else (times: "14:00 CET") that hold no name.
    The steps, in order (the order is the policy): each run is read as a body, an employer,
    a lone word or a named candidate (`_read_run`); the model adds the names the rules
    missed; candidates merge; employers and lone words find their people or become bodies;
    what no evidence supports is dropped (`_finish`).
    """
    text = ctx.text
    reading = _Reading(text, credit_spans(text))
    for run, toks in _split_runs(text, ctx, [*(avoid or []), *reading.credits]):
        _read_run(reading, ctx.tags, run, toks)
    reading.found.extend(_model_people(ctx, reading.found, reading.orgs, reading.employers,
                                       [*(avoid or []), *reading.credits]))
    found, leftovers = split_known(text, reading.found)
    reading.singles.extend((t, None) for t in leftovers)
    recent = _recent(ctx)
    people = merge(found, recent)
    by_surname = surname_index(people, recent)
    _place_employers(reading, by_surname)
    unplaced = _unplaced_singles(reading, people, by_surname)
    return _finish(ctx, reading, people, unplaced, avoid)


# A preposition right before a name: the person is an object there ("a photo of Heidi
# Cruz"), which a bare surname in the next sentence rarely means.
_OBJECT_OF = re.compile(r"\b(?:of|to|with|by|for|from|about|against|at)\s+$")


def _recent(ctx: Context) -> Recent:
    """A name at `at` is recent at `pos` when it is in the sentence of `pos` or the one
    before, and not as the object of a preposition there: a bare surname then means that
    person, not the story's subject."""
    seg, text = ctx.seg, ctx.text

    def recent(at: int, pos: int) -> bool:
        start = seg.sentence_at(pos)[0]
        previous = seg.sentence_at(start - 1)[0] if start > 0 else start
        return at >= previous and not (at < start and _OBJECT_OF.search(
            text, max(0, at - 10), at))

    return recent


_PAGEANTS = frozenset(["universe", "world", "earth", "international", "teen", "grand"])


def _pageant_titles(toks: list[Token], kinds: list[str]) -> list[str]:
    """ "Miss Universe", "Miss USA", "Miss Venezuela": a title, not "Miss" and a surname
    ("former Miss Universe Alicia Machado" is Alicia Machado; "Miss Universe" alone no one)."""
    last = len(toks) - 1
    for i in range(last):
        if toks[i].lower == "miss" and (toks[i + 1].lower in _PAGEANTS or (
                kinds[i + 1] in ("place", "acronym") and i + 1 == last)):
            kinds[i + 1] = "role"  # a place only as the run's end: "Miss Florence Nightingale"
    return kinds


def _read_run(reading: _Reading, tags: Tags, run: Run, toks: list[Token]) -> None:
    """One cut of a capitalised run: a body, an employer, a lone word or a named person."""
    text, orgs = reading.text, reading.orgs
    kinds = _pageant_titles(toks, [_kind(t) for t in toks])
    if _no_name(text, reading.credits, run, toks, kinds):
        return
    employer = None
    body = _body(text, toks, kinds)
    if body is not None:
        orgs.setdefault(text[body[0]:body[1]], []).append(body)
        if body[1] == toks[-1].end:
            return
        # "Bank of England Governor Mark Carney": a role and a name follow the body
        employer = text[body[0]:body[1]]
        rest = next(i for i, t in enumerate(toks) if t.start >= body[1])
        toks, kinds = toks[rest:], kinds[rest:]
    elif _affiliate(text, run, toks, kinds):
        reading.employers.append((text[toks[0].start:toks[-1].end], (toks[0].start, toks[-1].end)))
        return
    _read_named(reading, tags, run, toks, kinds, employer)


def _read_named(reading: _Reading, tags: Tags, run: Run, toks: list[Token], kinds: list[str],
                employer: str | None) -> None:
    """The rest of a run once no body holds it whole: the title words before a name, and
    the person they name (with the body before them as employer), or a lone word."""
    text, orgs = reading.text, reading.orgs
    opens = toks[0].start == run.start and (run.sentence_initial or run.headline)
    k = _name_start(text, tags, toks, kinds, opens)
    if k < len(toks) and all(t.lower.rstrip(".") in NAME_SUFFIXES for t in toks[k:]):
        k = 0  # "Martin Luther King Jr.": a name whose word is also a title, not "Jr"
    if k == len(toks) and _named_by_places(text, tags, toks, kinds):
        k = 0
    name, prefix = toks[k:], toks[:k]
    if not name and len(toks) == 1 and kinds[0] == "place" and not (
            _TOWARDS_PLACE.search(text, max(0, toks[0].start - 10), toks[0].start)
            or text.startswith(",", toks[0].end)):
        # "Hamilton was not among them": a town's name alone may be the surname of a person
        # named before; `_single` attaches it or leaves it to WHERE
        reading.singles.append((toks[0], run))
        return
    if prefix and name and text[prefix[-1].end:name[0].start] == " of ":
        # "Minister of Defence Ana Ruiz": the words after a title's "of" are its field or
        # its seat, and the name is the last two (three with a middle initial); "Professor
        # of Linguistics", "Governor of Texas" name nobody
        keep = 3 if len(name) > 3 and INITIAL.fullmatch(name[-2].text) else 2
        k = len(toks) if len(name) <= keep else len(toks) - keep
        name, prefix = toks[k:], toks[:k]
    _collect_org(text, toks, kinds[:k], orgs)
    if not name:
        return
    role = _role_before(text, toks, kinds, k)
    employer = employer or _registered_employer(reading, prefix, opens)
    if len(name) == 1 and not role:
        reading.singles.append((name[0], run))
        return
    if run.headline and not role:
        reading.singles.extend((t, run) for t in name)
        return
    span = (name[0].start, name[-1].end)
    reading.found.append(NameCandidate([t.text for t in name], text[span[0]:span[1]],
                                   roles=[role] if role else [],
                                   affiliation=(_affiliation(prefix) or employer
                                                if role else None),
                                   mentions=[span], evidence=bool(role) or len(name) > 1))


def _short_bodies(people: list[NameCandidate],
                  orgs: dict[str, list[Span]]) -> list[NameCandidate]:
    """A firm's one-word short name is the firm, not a person: "Korvane said" after
    "Korvane International" ("Ford" after "Ford Motor Company" too, unless a person of
    that surname is named: "Henry Ford")."""
    short: dict[str, str] = {}
    for name in orgs:
        words = _BASED.sub("", name).split()  # "US-based Korvane International"
        while len(words) > 1 and words[-1].lower().rstrip(".") in _FIRM_WORDS:
            words.pop()
        if len(words) == 1 and words[0] != name and not gazetteer.lookup(words[0]):
            short.setdefault(words[0], name)
    if not short:
        return people
    surnames = {p.tokens[-1] for p in people if len(p.tokens) > 1}
    kept = []
    for p in people:
        word = p.tokens[0] if len(p.tokens) == 1 else None
        if word in short and not p.roles and word not in surnames:
            orgs[short[word]].extend(p.mentions)
        else:
            kept.append(p)
    return kept


# Words that close a firm's full name and are dropped in its short form.
_FIRM_WORDS = frozenset(["international", "inc", "corp", "corporation", "co", "ltd", "llc",
                         "plc", "group", "holdings", "company", "limited", "sa", "ag", "gmbh"])


def _registered_employer(reading: _Reading, prefix: list[Token], opens: bool) -> str | None:
    """The body a title's capitalised words name ("Halvorsen Freight CEO"), listed as a body at
    every mention.  One word opening a sentence is more often an adjective than a body
    ("Interim CEO", "Veteran Senator")."""
    employer = _employer_before_title(prefix)
    if employer is None or (opens and " " not in employer):
        return None
    if gazetteer.lookup(employer) is None:
        start = prefix[0].start
        reading.orgs.setdefault(employer, []).append((start, start + len(employer)))
        reading.titled.add(employer)
    return employer


def _no_name(text: str, credits: list[Span], run: Run, toks: list[Token],
             kinds: list[str]) -> bool:
    """Runs that name an event, a work, a picture credit or a place, never a person."""
    if (toks[-1].lower in EVENT_HEADS or toks[-1].lower in WORK_HEADS
            or (credits and _inside(toks[0].start, credits))):
        return True  # "Brazilian Grand Prix", "Paris Agreement", "Seventh Symphony"; a credit
    if _work_title(text, run.start, run.end):
        return True  # "the film Viva Maria! (1965)": a work, whoever it is named after
    if text.startswith("/", toks[-1].end) and text[toks[-1].end + 1:toks[-1].end + 2].isupper():
        return True  # "Melina Mara/The Washington Post"
    if _vessel(toks[0].text, toks[1].text if len(toks) > 1 else ""):
        return True  # "HMS Victory", "Space Shuttle Atlantis": a ship or a craft
    if len(toks) < 2:
        return False
    if (toks[0].lower.rstrip(".") in _SAINTS
            and gazetteer.lookup(text[toks[0].start:toks[-1].end]) is not None):
        return True  # "Saint Petersburg", "St. Louis", "Saint Lucia": a saint's place
    # "Sterling Heights", "New Hampshire", "North Oakland": a place
    return (not {"org", "role"} & set(kinds)
            and _place_name(text[toks[0].start:toks[-1].end], toks[0].lower,
                            text[toks[1].start:toks[-1].end]))


# The prefixes of ships' and craft's names, as written: "HMS", never the honorific "Ms".
_VESSEL_PREFIXES = frozenset(["HMS", "USS", "HMC", "HMCS", "HMAS", "HMNZS", "RMS", "MV", "USNS",
                              "RV"])


def _vessel(first: str, second: str) -> bool:
    """Whether a name opening with these two words is a ship's or a spacecraft's ("HMS
    Victory", "Space Shuttle Atlantis"): neither a person nor a body."""
    return first in _VESSEL_PREFIXES or (first == "Space" and second.lower() == "shuttle")


# A title that names places after its saint: with a name the gazetteer knows whole, the run
# is the place ("Saint Petersburg"); alone before another name, the saint ("Saint Vincent").
_SAINTS = frozenset(["saint", "st", "ste", "sainte", "san", "santa", "sankt"])


def _body(text: str, toks: list[Token], kinds: list[str]) -> Span | None:
    """The span of a run that is a body as a whole: "Bank of England", "Department for
    Transport", "Council on Foreign Relations" (an organisation head before "of", "for" or
    "on"), "Chicago Bulls" (a team)."""
    gap = text[toks[0].end:toks[1].start] if len(toks) > 1 else ""
    if gap == " for " and toks[0].lower in ADVOCACY_HEADS:
        return toks[0].start, toks[-1].end  # "Citizens for Tax Justice"
    if len(toks) > 1 and kinds[0] == "org" and gap in (" of ", " for ", " on "):
        # up to a role that a name follows: "Bank of England | Governor Mark Carney"
        cut = next((i for i in range(2, len(toks) - 1) if kinds[i] == "role"), len(toks))
        return toks[0].start, toks[cut - 1].end
    if _team(text, toks):
        return toks[0].start, toks[-1].end
    return None


def _name_start(text: str, tags: Tags, toks: list[Token], kinds: list[str],
                opens: bool = True) -> int:
    """Where the name begins in a run: after its role, organisation and place words.

    Mutates `kinds` when the model reads the first word as a title no role list has
    ("Pitcher Ben Cole"), only where the run `opens` a sentence or is a headline: inside a
    sentence such a title is written in lower case ("said pitcher Ben Cole"), so a
    capitalised word there is the name's own ("said Sayed Kamal Sadat").
    """
    k = len(toks)
    while k > 0 and (kinds[k - 1] == "name" or (
            kinds[k - 1] == "place" and len(toks) - k < 3
            and ({"name", "role"} & set(kinds[:k - 1]) or k < len(toks)))):
        k -= 1
    if k == 0 and len(toks) >= 3 and opens and _glued_title(text, tags, toks):
        kinds[0] = "role"
        return 1
    return k


def _named_by_places(text: str, tags: Tags, toks: list[Token], kinds: list[str]) -> bool:
    """ "Elizabeth Warren said", "George Washington was forced to retreat": two or three
    words that are each a town's name but together no place.  Adjacent places are not
    written without a comma in prose, so the run is a name; a person's when it is written
    as a person speaks (a verb of saying beside the name or beside its last word alone,
    ", who had", an age) or when the model, which reads such pairs (tagger.place_pairs),
    reads a person."""
    if not 2 <= len(toks) <= 3 or any(kind != "place" for kind in kinds):
        return False
    start, end = toks[0].start, toks[-1].end
    if (" " not in text[toks[0].end:toks[1].start] or _place_name(
            text[start:end], toks[0].lower.rstrip("."), " ".join(t.text for t in toks[1:]))):
        return False  # "Kansas City", "North Dakota": a place whole
    if (_speech_next(text, end) or _speech_before(text, start) or _WHO_AFTER.match(text, end)
            or _AGED.search(text, max(0, start - 20), start)):
        return True
    surname = re.escape(toks[-1].text)
    if any(_speech_next(text, m.end())
           and not _TOWARDS_PLACE.search(text, max(0, m.start() - 10), m.start())
           for m in re.finditer(rf"\b{surname}\b", text)):
        return True
    dist = tags.dist(start, end)
    return dist is not None and dist["PER"] >= _PERSON_PAIR


def _role_before(text: str, toks: list[Token], kinds: list[str], k: int) -> str:
    """The role a name carries: capitalised words of its run ("Press Secretary") and the
    lower-case ones just before it ("foreign affairs adviser")."""
    role = ""
    if "role" in kinds[:k]:
        role = text[toks[0].start:toks[k - 1].end]
    if k == 0 or role:
        lower_role, _ = _lower_role(text, toks[0].start)
        role = " ".join(x for x in (lower_role, role) if x)
    return role


def _place_employers(reading: _Reading, by_surname: Namesakes) -> None:
    """ "Horner's Red Bull team" employers: a surname joins its person; the rest are bodies
    ("White House officials"), unless the gazetteer knows them as places."""
    for name_text, span in reading.employers:
        person = by_surname.at(name_text.split()[-1], span[0])
        if person is not None:
            person.mentions.append((span[1] - len(name_text.split()[-1]), span[1]))
        elif gazetteer.lookup(name_text) is None or any(
                w.lower() in _ORG_WORDS for w in name_text.split()):  # "White House officials"
            reading.orgs.setdefault(name_text, []).append(span)


def _unplaced_singles(reading: _Reading, people: list[NameCandidate],
                      by_surname: Namesakes) -> dict[str, list[Span]]:
    """Lone capitalised words no person claims: kept aside, to become a person if they
    recur with evidence (`recurring`)."""
    text = reading.text
    unplaced: dict[str, list[Span]] = {}
    subjects = _pronoun_subjects(text)
    for tok, run in sorted(reading.singles, key=lambda x: x[0].start):
        if (not _single(text, tok, run, people, by_surname, subjects) and _kind(tok) == "name"
                and not (run and run.sentence_initial and tok is run.tokens[0])
                and not _PLACE_BEFORE.search(text, max(0, tok.start - 8), tok.start)):
            unplaced.setdefault(tok.text, []).append((tok.start, tok.end))
    return unplaced


def _finish(ctx: Context, reading: _Reading, people: list[NameCandidate],
            unplaced: dict[str, list[Span]], avoid: list[Span] | None,
            ) -> tuple[list[Person], list[Organization]]:
    """Keep the people the evidence supports, add pronouns and the unnamed, type the bodies."""
    text, tags, orgs = ctx.text, ctx.tags, reading.orgs
    titled = [p for p in people if " ".join(p.tokens) in reading.titled and not p.roles]
    for p in titled:  # "Halvorsen Freight CEO ... Halvorsen Freight paid": the firm
        orgs.setdefault(" ".join(p.tokens), []).extend(p.mentions)
    people = [p for p in people if p not in titled and _typed_person(text, tags, p, orgs)]
    recurring(people, unplaced, orgs)
    for p in people:
        appositive(text, p)
    places = ctx.defined_places  # "Lisca is a port": its bare "Lisca has" is no one
    for p in people:
        if not p.roles:
            p.mentions = [m for m in p.mentions if text[m[0]:m[1]] not in places]
    people = [p for p in people if p.evidence and p.mentions]
    people = [p for p in people if not _headline_person(ctx, p) and not _quoted_title(ctx, p)]
    _model_orgs(ctx, people, orgs, [*(avoid or []), *reading.credits])
    people = _short_bodies(people, orgs)
    named_spans = [(m, i) for i, p in enumerate(people) for m in p.mentions]
    pronouns: dict[int, list[Span]] = {}
    for span, i in resolve_pronouns(text, named_spans, ctx.gender_votes):
        pronouns.setdefault(i, []).append(span)
    named = [final(p, pronouns.get(i, [])) for i, p in enumerate(people)]
    named.extend(find_anonymous(ctx))
    named.sort(key=_relevance)
    orgs = _joined_by_and(ctx, _without_base_descriptor(orgs),
                          [m for p in named for m in p.mentions])
    employed = {name for name, _ in reading.employers} | reading.titled  # "Korvex spokeswoman"
    for team, spans in team_mentions(text, scored_places(text)).items():
        orgs.setdefault(team, []).extend(spans)  # "Sweden 1 – 0 Korea": the sides
        employed.add(team)
    for name, span in _reporting_outlets(text):
        orgs.setdefault(name, []).append(span)  # "The Independent reported": a source
        employed.add(name)
    organizations = [Organization(n, tuple(sorted(set(s)))) for n, s in orgs.items()
                     if (n in employed or _typed_org(tags, n, s)) and not _PARTY_TAG.match(n)
                     and n not in places
                     and not (_adjective_kind(n.replace("-", " ").split()[-1])
                              and all(_adjective_before_noun(text, span) for span in s))]
    organizations.sort(key=lambda o: (-len(o.mentions), o.mentions[0]))
    return named, organizations


_BASED = re.compile(r"[^\s-]+(?:-[^\s-]+)*-based\s+")


# The words before "and" that open a body's name with it: "Securities and", "Bill and", "the
# Department of Health and" (up to five capitalised words, "of" or "for" between them).
_AND_BEFORE = re.compile(
    r"(?<![\w’'.-])([A-Z][\w’'-]*(?:,? (?:of |for )?[A-Z][\w’'-]*){0,4}),? and $")


def _joined_by_and(ctx: Context, orgs: dict[str, list[Span]],
                   people: list[Span]) -> dict[str, list[Span]]:
    """ "The Securities and Exchange Commission", "the Food and Drug Administration", "the
    Department of Health and Human Services": the run finder cuts a body's name at "and";
    the words before it are the name's own when they are no body, place, acronym or person
    of their own ("the FBI and Justice Department" stays two)."""
    text = ctx.text
    out: dict[str, list[Span]] = {}
    absorbed: set[Span] = set()
    for name, spans in orgs.items():
        for s, e in spans:
            m = _AND_BEFORE.search(text, max(0, s - 80), s) if text.endswith(
                " and ", 0, s) else None
            # "The Securities and": the name opens after a common word
            toks = ([(t.start(), t.group()) for t in re.finditer(r"[^\s,]+", m.group(1))]
                    if m else [])
            while toks and is_common(toks[0][1]):
                toks.pop(0)
            start = m.start(1) + toks[0][0] if m and toks else s
            left = text[start:m.end(1)] if m and toks else ""
            words = left.replace(",", "").split()
            if (not words or not words[0][:1].isupper() or any(w.isupper() for w in words)
                    or "," in text[start:s]  # "Google, Bing, and Yahoo": a list of names
                    or name.isupper()  # "the United States and NATO"
                    or words[-1].lower() in ORG_HEADS or gazetteer.lookup(words[-1]) is not None
                    or gazetteer.lookup(left) is not None
                    or gazetteer.key(words[-1]) in gazetteer.demonyms()
                    or any(a < s and start < b for a, b in people)):
                out.setdefault(name, []).append((s, e))
                continue
            dist = ctx.tags.dist(start, s)
            if dist is not None and dist["PER"] >= _PERSON_PAIR:
                out.setdefault(name, []).append((s, e))  # "said Jones and Exxon Mobil Corp"
                continue
            out.setdefault(text[start:e], []).append((start, e))
            absorbed.add((start, start + len(left)))
    # the words joined may have stood as a body of their own ("Department of Health")
    return {name: kept for name, spans in out.items()
            if (kept := [span for span in spans if span not in absorbed])}


def _without_base_descriptor(orgs: dict[str, list[Span]]) -> dict[str, list[Span]]:
    """"US-based Mondelez International" is Mondelez International: where a body is based
    describes it and is not part of its name (the place is WHERE's)."""
    out: dict[str, list[Span]] = {}
    for name, spans in orgs.items():
        based = _BASED.match(name)
        if based is None or based.end() >= len(name):
            out.setdefault(name, []).extend(spans)
            continue
        cut = based.end()
        out.setdefault(name[cut:], []).extend((s + cut, e) for s, e in spans)
    return out


# How unlikely a person must be (mean probability over the name's mentions) before a run the
# rules read as one is handed to ORG or WHERE, or dropped as no name at all.  (How sure the
# model must be to add a name the rules missed is `tagger.ADD`.)
_NOT_PERSON = 0.1
_PERSON_PAIR = 0.5  # the model's reading that makes two town names a person's name
_SURE_BODY = 0.6
_SURE_NOTHING = 0.9  # "Recent reports have revealed": no name, whatever verb follows


# "Mike Pence (R-IN)", "Paul Ryan (R-Wis.)", "Sen. Lindsey Graham (R-S.C.)": a US
# politician's party and state, no body of its own (and it stood between a name and "said").
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]{0,5}$")


class _Taken:
    """Spans already given to a name, asked whether a new span overlaps any of them.

    Sorted starts and a running maximum of ends answer in a binary search: testing every
    span was quadratic on a text that repeats a name thousands of times."""

    def __init__(self, spans: list[Span]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(itertools.accumulate((e for _, e in ordered), max))

    def overlaps(self, span: Span) -> bool:
        i = bisect.bisect_left(self._starts, span[1])  # the spans that start before its end
        return i > 0 and self._reach[i - 1] > span[0]


def _model_people(ctx: Context, found: list[NameCandidate], orgs: dict[str, list[Span]],
                  employers: list[tuple[str, Span]], avoid: list[Span]) -> list[NameCandidate]:
    """People the model finds that no rule did ("In 1892, Dvořák moved"), as candidates
    that merge with the rest like any other; never a phrase only a headline writes."""
    text = ctx.text
    taken = [m for p in found for m in p.mentions] + [m for v in orgs.values() for m in v]
    taken += [span for _, span in employers] + avoid
    held = _Taken(taken)
    out = []
    for m in ctx.tags.additions(text, ("PER",)):
        span = _trimmed(text, m.start, m.end)
        if (span is None or held.overlaps(span) or _declined(text, span)
                or ctx.headline_names.only(span) or _no_name_word(ctx, span)
                or _outlet(text, *span)):
            continue
        words = text[span[0]:span[1]].split()
        if (len(words) == 1 and gazetteer.town(words[0]) is not None
                and not (_speech_next(text, span[1]) or _speech_before(text, span[0]))):
            continue  # "vowed that Bakhmut would not fall": a town's name alone is a
            # person's only where it speaks; the model cannot tell the two apart
        if len(words) > 1 and _place_name(text[span[0]:span[1]], words[0].lower(),
                                          " ".join(words[1:])):
            continue  # "Old Athens" heading a section, "Sterling Heights": a place
        out.append(NameCandidate(words, text[span[0]:span[1]], mentions=[span], evidence=True))
    return out


# Nouns for works: the capitalised run right after one ("the novel Silent Rivers", "his
# 1958 film Elevator to the Gallows") is the work's title.
_WORK_BEFORE = re.compile(
    r"\b(?:film|movie|novel|book|play|song|single|album|series|sitcom|show|opera|poem|"
    r"episode|documentary|painting|musical|ballet|treatise|memoir|novella|game)s?,?\s+"
    r"(?:[“\"‘']\s*)?$")
# "Viva Maria! (1965)": a single year in brackets after a title dates a work; a person's
# dates are a range ("(1700 – 1782)") or follow "born".
_YEAR_AFTER = re.compile(r"[!?]?\s*\((?:19|20)\d\d\)")


def _work_title(text: str, start: int, end: int) -> bool:
    return bool(_WORK_BEFORE.search(text, max(0, start - 30), start)
                or _YEAR_AFTER.match(text, end))


def _declined(text: str, span: Span) -> bool:
    """Names the rules read as no person or body, whatever the model says: a storm ("Cyclone
    Tara"), an event ("Brazilian Grand Prix"), a work's title, a natural feature or a
    facility."""
    toks = [Token(span[0] + m.start(), span[0] + m.end(), m.group())
            for m in re.finditer(r"\S+", text[span[0]:span[1]])]
    words = [t.text for t in toks]
    return ((words[0].isupper() and len(words) > 1) or _work_title(text, *span)
            or _vessel(words[0], words[1] if len(words) > 1 else "")
            or words[0].lower() in STORM_WORDS
            or words[-1].lower().rstrip(".") in _NOT_PERSON_HEADS
            or is_feature(text, toks))


def _trimmed(text: str, start: int, end: int) -> Span | None:
    """A name the model found, without a title or a dateline glued to it ("Pitcher Ben
    Cole", "Mark Hosenball WASHINGTON"); None when a common word sits inside it."""
    words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text[start:end])]
    mixed = any(not w.isupper() for _, _, w in words)
    while words and (is_role(words[0][2]) or (mixed and words[0][2].isupper()
                                               and len(words[0][2]) > 2)):
        words.pop(0)
    while words and mixed and words[-1][2].isupper() and len(words[-1][2]) > 2:
        words.pop()
    if (not words or not mixed or any(is_common(w) for _, _, w in words)
            or not words[0][2][:1].isupper()):
        return None  # a shouted headline's words are the rules' to read
    return start + words[0][0], start + words[-1][1]


def _typed_person(text: str, tags: Tags, p: NameCandidate, orgs: dict[str, list[Span]]) -> bool:
    """Whether the model lets a person the rules found stand.

    A title or role beside the name is the rules' strongest evidence and is kept.
    Otherwise, when the model finds the name unlikely to be a person in every place it is
    written, the name goes to the organisations when the model reads it so ("the Lakers",
    "Reuters"), and is dropped otherwise: a street, an index, a work's title or a headline
    phrase is left for WHERE or for nobody.  A speech verb beside the name ("said Ines
    Moreau") keeps it a person unless the model is sure of a body ("Microsoft says") or of
    no name at all ("Recent reports").
    """
    if p.roles or any(_AGED.search(text, max(0, s - 20), s) for s, _ in p.mentions):
        return True  # "declared 42-year-old Amy Rodgers": only a person has an age
    if len(p.tokens) > 1 and any(_after_body(text, s) for s, _ in p.mentions) and _speaks(
            text, p):
        return True  # "the Refugee Council Enver Solomon told": the model reads the body's
        # head into the name after it
    dists = [d for s, e in p.mentions if (d := tags.dist(s, e)) is not None]
    if not dists:
        return True
    mean = {k: sum(d[k] for d in dists) / len(dists) for k in dists[0]}
    if mean["ORG"] < _SURE_BODY and (titled_by_appositive(text, p) or any(
            _WHO_AFTER.match(text, e) for _, e in p.mentions)):
        # "Dean, a medical doctor,": a role beside the name, later in the text; "Gennie
        # Flowers, who once ...": a person's relative pronoun (a body takes "which")
        return True
    # "Recent reports have revealed": a word before a plural noun that is also a verb of
    # saying is its adjective, not a speaker
    adjective = len(p.tokens) == 1 and all(_PLURAL_NOUN_NEXT.match(text, e) for _, e in p.mentions)
    if mean["PER"] >= _NOT_PERSON or (not adjective and _speaks(text, p)
                                      and mean["ORG"] < _SURE_BODY and mean["O"] < _SURE_NOTHING):
        return True
    if mean["ORG"] < _SURE_BODY and len(p.tokens) > 1 and any(
            _speech_before(text, s) for s, _ in p.mentions):
        return True  # "said 9/11 widow Terry Strada": the one a verb of saying introduces
    recurring_word = len(p.tokens) == 1 and len(set(p.mentions)) >= 3 and not p.tokens[0].isupper()
    if recurring_word or mean["ORG"] >= max(mean["LOC"], mean["O"]):
        # a body, or a word named alone throughout: a brand or company (who_merge.recurring)
        for span in p.mentions:
            orgs.setdefault(text[span[0]:span[1]], []).append(span)
    return False


_AGED = re.compile(r"\b\d{1,3}-year-old\s+$")
def _after_body(text: str, start: int) -> bool:
    """Whether a capitalised body's head word stands right before `start` ("the Refugee
    Council Enver Solomon")."""
    before = text[max(0, start - 20):start]
    if not before.endswith(" "):
        return False
    word = before.split()[-1] if before.split() else ""
    return word[:1].isupper() and word.lower() in ORG_HEADS


_WHO_AFTER = re.compile(r",\s+who\s+(?:once|also|later|then|had|has|was|is|said|says|told)\b")
_PLURAL_NOUN_NEXT = re.compile(r"\s+(?:reports|claims|notes|calls|remarks|statements|comments|"
                               r"tweets|answers|replies|promises|demands)\b")
_NOT_BODY = 0.8


def _speaks(text: str, p: NameCandidate) -> bool:
    """A speech verb beside a mention, or beside one of the name's words written alone
    elsewhere ("Paris Hilton arrived. Paris said she loved it")."""
    if any(_speech_next(text, e) or _speech_before(text, s) for s, e in p.mentions):
        return True
    return any(_speech_next(text, m.end()) for word in set(p.tokens) if len(word) > 2
               for m in re.finditer(rf"\b{re.escape(word)}\b", text))


def _typed_org(tags: Tags, name: str, spans: list[Span]) -> bool:
    """Whether the model lets a body the rules found stand.  A name with an organisation's
    head word ("Justice Department") is kept; a bare acronym or a recurring word ("DKK",
    "IE6") goes when the model reads it as no name, or as a place, wherever it is written."""
    if any(w.lower().rstrip(".") in _ORG_WORDS for w in name.split()) or name.split()[-1] in _TODAY:
        return True
    if name.split()[0].lower() in ADVOCACY_HEADS and " for " in name:
        return True  # "Veterans for Peace": the rules' reading of the whole name
    if len(set(spans)) >= 3 and not name.isupper():
        return True  # a brand or a company named alone throughout (who_merge.recurring)
    dists = [d for s, e in spans if (d := tags.dist(s, e)) is not None]
    if not dists:
        return True
    no = sum(d["O"] for d in dists) / len(dists)
    place = sum(d["LOC"] for d in dists) / len(dists)  # "LOC" holds facilities too
    return no < _NOT_BODY and place < _NOT_BODY


_LOWER_WORDS = re.compile(r"\b[a-z]+\b")


def _quoted_title(ctx: Context, p: NameCandidate) -> bool:
    """A name written only as the whole of a short quotation in title case: a nickname, a
    show or a song ("“Miss Piggy”", "“Shark Tank”", "“American Skin”"), not a person."""
    text = ctx.text
    for start, end in p.mentions:
        i = bisect.bisect_right(ctx.quoted, (start, len(text))) - 1
        if i < 0 or not ctx.quoted[i][0] < start < end < ctx.quoted[i][1]:
            return False
        words = text[ctx.quoted[i][0] + 1:ctx.quoted[i][1] - 1].strip(" .,!?”\"'’").split()
        if not 0 < len(words) <= 4 or not all(w[:1].isupper() for w in words):
            return False
        after = _LOWER_WORDS.findall(text, ctx.quoted[i][1], ctx.quoted[i][1] + 20)[:2]
        if any(w in SPEECH_VERBS for w in after):
            return False  # "“Tom Hale,” she said": an utterance, whatever its words
    return True


def _headline_person(ctx: Context, p: NameCandidate) -> bool:
    """A person named only in headlines whom the model does not read as a person there
    ("Democrat Voters Worried": a role word before a headline phrase is no evidence)."""
    if not all(ctx.headline_names.only(span) for span in p.mentions):
        return False
    dists = [d for s, e in p.mentions if (d := ctx.tags.dist(s, e)) is not None]
    return not dists or sum(d["PER"] for d in dists) / len(dists) < 0.5


def _model_orgs(ctx: Context, people: list[NameCandidate],
                orgs: dict[str, list[Span]], avoid: list[Span]) -> None:
    """Organisations the model finds that no rule did: teams, agencies, companies."""
    text = ctx.text
    taken = [m for p in people for m in p.mentions] + [m for v in orgs.values() for m in v]
    taken += avoid  # a time's words ("14:00 Moscow time") and credits hold no body
    held = _Taken(taken)
    placed: dict[str, bool] = {}  # a name's place reading, scanned for once per article
    for m in ctx.tags.additions(text, ("ORG",)):
        span = (m.start, m.end)
        name = text[m.start:m.end]
        if (held.overlaps(span) or is_common_contraction(name)
                or _declined(text, span)  # "I’m" is no body
                or ctx.headline_names.only(span) or _no_name_word(ctx, span)):
            continue
        words = name.split()
        if _place_name(name, words[0].lower(), " ".join(words[1:])):
            continue  # "United States", "North Oakland": WHERE's, unless a rule said body
        if name not in placed:
            placed[name] = _placed(text, name)
        if placed[name]:
            continue  # "the Interlagos circuit", "in Interlagos": WHERE's
        orgs.setdefault(name, []).append(span)


def _no_name_word(ctx: Context, span: Span) -> bool:
    """A word the model took for a name that is no name: a pronoun and its verb ("I’m"),
    a faith or a language ("Latin", "Baptist"), or a gerund opening its sentence ("Taking
    his discoveries further, ...", "Following his discharge")."""
    word = ctx.text[span[0]:span[1]]
    if is_common_contraction(word):
        return True  # "I’m", "We’re": a pronoun and its verb
    first = word.split()[0]
    if opening_gerund(first) and ctx.seg.sentence_at(span[0])[0] == span[0]:
        return True  # "Injecting Keller’s troubles": the rules read the name after it
    return (" " not in word and _faith(word.lower())) or _adjective_before_noun(ctx.text, span)


# Endings of adjectives of a people, a faith or a direction ("Christian", "Pachomian",
# "Western", "Paralympic", "European").
_ADJECTIVE_ENDS = ("ian", "ean", "ern", "ic")
_LOWER_NEXT = re.compile(r" ([a-z]+)\b")


def _adjective_before_noun(text: str, span: Span) -> bool:
    """ "Christian moral life", "the West European system", "an Iraqi-British architect",
    "a Western military alliance": a nationality, faith or direction before a lower-case
    word is an adjective, no name.  A word only its ending makes one ("-ian", "-ic") is
    still a name before a role or a body's noun ("Celtic manager"), and no word is an
    adjective before a verb of saying."""
    last = re.split(r"[ \-]", text[span[0]:span[1]])[-1]
    kind = _adjective_kind(last)
    if not kind:
        return False
    nxt = _LOWER_NEXT.match(text, span[1])
    if nxt is None or nxt.group(1) in SPEECH_VERBS or nxt.group(1) in FUNCTION_WORDS:
        return False
    return kind == "sure" or not (is_role(nxt.group(1)) or nxt.group(1) in ORG_HEADS)


@lru_cache(maxsize=1 << 12)
def _adjective_kind(word: str) -> str:
    """ "sure" for a nationality, faith or direction, "ending" for a word only its ending
    makes an adjective ("Pachomian"), "" for any other."""
    low = word.lower()
    if gazetteer.key(word) in gazetteer.demonyms() or _faith(low) or low in PLACE_PARTS:
        return "sure"
    return "ending" if low.endswith(_ADJECTIVE_ENDS) else ""


# A doctrine by its ending: "Buddhism", "Marxism".
_DOCTRINE = re.compile(r"[a-z]{3,}ism")
# A capitalised "-ology" alone in news is a movement and its church ("members of
# Scientology", "Scientology officials"): a body, never a person; disciplines are written
# in lower case or inside a body's name ("Department of Psychology").
_MOVEMENT = re.compile(r"[a-z]{3,}ology")


def _faith(low: str) -> bool:
    """A faith, a doctrine or a language written alone: never a person, a body or a place."""
    return low in FAITHS_LANGUAGES or bool(_DOCTRINE.fullmatch(low))


def _place_name(name: str, first: str, rest: str) -> bool:
    """Whether a name is a place the gazetteer knows, whole or after a part word ("North
    Oakland", "New Hampshire")."""
    return gazetteer.lookup(name) is not None or (
        bool(rest) and first in PLACE_PARTS and gazetteer.lookup(rest) is not None)


def _placed(text: str, name: str) -> bool:
    """Whether the text anywhere writes `name` as a place: before a venue noun ("the
    Interlagos circuit") or after "in", "near" or "outside"."""
    for match in re.finditer(rf"\b(in|near|outside)?\s*{re.escape(name)}\s+([a-z]+)?", text):
        if match.group(1) or (match.group(2) in VENUE_NOUNS):
            return True
    return False


def _relevance(p: Person) -> tuple[int, tuple[int, int]]:
    """Most relevant first: the people a text keeps coming back to (mentions, pronouns
    included) and those it gives a title or role; ties in order of first mention."""
    first = min(p.mentions + p.pronouns, default=(0, 0))
    return -(p.references + (2 if p.roles else 0)), first


# "Talbert received his early education", "Talbert fell out with her brother": a lone
# name whose clause goes on with "his" or "her" is its subject, and a person.
# (read back from the pronoun: a pronoun is rarer than a capital)
_OWN_PRONOUN = re.compile(r"\b(?:his|her|himself|herself)\b")
_SUBJECT_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \t]+(?:[a-z]+[ \t]+){1,4}$")
_SUBJECT_REACH = 80


def _pronoun_subjects(text: str) -> frozenset[str]:
    """Lone names at least twice the subject of a clause that goes on with "his" or "her":
    once may be a body's object ("Vanta sent her a contract"), twice is a biography's
    subject named by surname alone."""
    counts = Counter(m.group(1) for pronoun in _OWN_PRONOUN.finditer(text)
                     if (m := _SUBJECT_BEFORE.search(text, max(0, pronoun.start() - _SUBJECT_REACH),
                                                     pronoun.start())))
    return frozenset(word for word, n in counts.items() if n >= 2 and not is_common(word))


def _single(text: str, tok: Token, run: Run | None, people: list[NameCandidate],
            by_surname: Namesakes, subjects: AbstractSet[str] = frozenset()) -> bool:
    """Attach a lone word to a person (surname) or make it one (beside a speech verb, or
    the subject of clauses that go on with "his" or "her": `_pronoun_subjects`)."""
    parts = tok.text.split("-") if "-" in tok.text else [tok.text]
    offset = tok.start
    used = False
    for part in parts:
        person = by_surname.at(part, offset) or (
            by_surname.bearer(part) if len(parts) == 1 and _kind(tok) == "name" else None)
        if person is not None:
            person.mentions.append((offset, offset + len(part)))
            used = True
        elif run is not None and len(parts) == 1 and (
                _speech_next(text, tok.end) or tok.text in subjects
                or (_speech_before(text, tok.start) and not _CLAUSE_VERB.match(text, tok.end))):
            kind = _kind(tok)
            if _outlet(text, tok.start, tok.end):
                continue  # "the Times wrote": the paper, which `_model_orgs` may list
            if (kind == "name" and tok.lower not in GROUP_NOUNS and not run.headline
                    and not (run.sentence_initial and tok is run.tokens[0] and _plural(tok.text))):
                new = NameCandidate([tok.text], mentions=[(tok.start, tok.end)], evidence=True)
                people.append(new)
                by_surname.add(new)
                used = True
        offset += len(part) + 1
    return used


_THE_NAME = re.compile(r"[Tt]he ([A-Z][a-z]+)\b(?! [A-Z])")
_OUTLET_WORDS = frozenset(w.capitalize() for w in OUTLET_HEADS)
_REPORTING = re.compile(r" (?:reported|reports|wrote|writes|quoted|said|says|published)\b")
_TOLD_THE = re.compile(r"\b(?:told|to|according to|in an interview with) $")


def _reporting_outlets(text: str) -> Iterator[tuple[str, Span]]:
    """ "The Independent reported", "told the Times", "according to the Guardian": a paper
    named by its last word, where it reports or is told (not "from the Sun")."""
    for m in _THE_NAME.finditer(text):
        if m.group(1) not in _OUTLET_WORDS or (m.start() and text[m.start() - 1].isalnum()):
            continue
        if _REPORTING.match(text, m.end()) or _TOLD_THE.search(text, max(0, m.start() - 25),
                                                             m.start()):
            yield m.group(1), m.span(1)


def _outlet(text: str, start: int, end: int) -> bool:
    """ "the Times", "The Guardian": a newspaper's last word alone after "the"."""
    return (text[start:end].lower() in OUTLET_HEADS
            and text[max(0, start - 4):start].lower() == "the ")


def _plural(word: str) -> bool:
    """ "Forecasters said": a plural noun capitalised only by opening its sentence.

    A surname that ends in "s" ("Jones said") is nearly always introduced in full first and
    so is caught as a surname before this test; unknown single openers ending in a plural
    "s" are far more often groups of people than new persons.
    """
    low = word.lower()
    return low.endswith("s") and not low.endswith(("ss", "us", "is", "os")) and len(low) > 4

