"""WHO: people (named and anonymous) and organisations, each with every mention merged.

Names are found from capitalised runs (names.py) and classified with general evidence, never
with lists of particular people: a title or role beside the run ("Press Secretary Jen Psaki",
"foreign affairs adviser Yuri Ushakov"), two or more name-like words that no gazetteer or
organisation head explains, or a speech verb beside a single surname ("Ushakov said").  A bare
surname or a hyphenated "Biden-Putin" is merged into the full name it shortens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.extract import gazetteer
from briefing.extract.anonymous import find_anonymous
from briefing.extract.context import Context
from briefing.extract.names import Run, Token, is_common, runs
from briefing.extract.roles import (
    GROUP_NOUNS,
    NOT_ORG_ACRONYMS,
    ORG_HEADS,
    ORG_NAMES,
    SPEECH_VERBS,
    is_role,
)
from briefing.extract.speakers import resolve_pronouns
from briefing.model import Organization, Person, Span

_APPOSITIVE = re.compile(
    r",\s+(?:\d{1,3},\s+)?((?:a|an|the|[A-Z][\w.]*['’]s|[a-z]+er)\s+[^,.;:“”\"()]{2,70}?)(?=,|\.\s|\s+(?:said|says|told))")
_LOWER_WORD = re.compile(r"([A-Za-z][\w\-]*)(['’]s)?\s+$")
_STOP_BEFORE = frozenset(["the", "a", "an", "and", "or", "to", "by", "with", "for", "in", "on", "at", "that", "as", "who", "when", "after", "before", "from", "said", "says", "told", "of", "is", "was", "were", "are", "be", "has", "have", "had", "his", "her", "their", "its", "this"])


@dataclass
class _Person:
    tokens: list[str]
    spellings: list[tuple[str, ...]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    mentions: list[Span] = field(default_factory=list)
    evidence: bool = False

    @property
    def surname(self) -> str:
        return self.tokens[-1].lower()


def _kind(tok: Token) -> str:
    """What a single word inside a run is: role, org, place, demonym, common or name."""
    word = tok.text
    low = word.lower().rstrip(".")
    if "." in word:
        return "place" if gazetteer.lookup(word) else "name"
    if is_role(word) and not (word.isupper() and len(word) > 3):
        return "role"
    if low in ORG_HEADS or low in ORG_NAMES:
        return "org"
    if gazetteer.key(word) in gazetteer.demonyms():
        return "demonym"
    if is_common(word):
        return "common"
    if word.isupper() and 1 < len(word) <= 5 and low not in NOT_ORG_ACRONYMS:
        return "acronym"
    if word.isupper() and len(word) > 5:
        return "common"  # shouted headline words ("CLEARED", "TIMELINE")
    if gazetteer.lookup(word) is not None:
        return "place"
    return "name"


def _split_runs(text: str, ctx: Context) -> list[tuple[Run, list[Token]]]:
    """Cut runs at sentence-opening and other common words ("The", "Thursday")."""
    out = []
    for run in runs(text, ctx.seg):
        part: list[Token] = []
        for tok in run.tokens:
            if tok.capitalised and is_common(tok.text):
                if part:
                    out.append((run, part))
                part = []
            else:
                part.append(tok)
        if part:
            out.append((run, part))
    return out


def _lower_role(text: str, start: int) -> tuple[str, str | None]:
    """Lowercase role words just before a name: "Putin's foreign affairs adviser" -> role."""
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
        if not words and not is_role(word):
            return "", None
        if word.lower() in _STOP_BEFORE or (word[:1].isupper() and words):
            break
        words.insert(0, word)
        position = match.start()
    role = " ".join(words)
    if role and owner:
        role = f"{role} to {owner}"
    return role, owner


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
    org_end = max((i for i, t in enumerate(prefix) if t.lower in ORG_HEADS | ORG_NAMES
                   or (t.text.isupper() and len(t.text) > 1)), default=-1)
    if org_end >= 0:
        return " ".join(t.text for t in prefix[:org_end + 1])
    return None


def _collect_org(text: str, toks: list[Token], kinds: list[str],
                 orgs: dict[str, list[Span]]) -> None:
    """The organisation part of a run: up to its last head word before any role word."""
    last = -1
    for i, kd in enumerate(kinds):
        if kd == "role":
            break
        if kd in ("org", "acronym"):
            last = i
    if last < 0 or (last == 0 and kinds[0] == "org" and toks[0].lower not in ORG_NAMES):
        return
    span = (toks[0].start, toks[last].end)
    phrase = text[span[0]:span[1]]
    entry = gazetteer.lookup(phrase)
    if entry is None or (entry.kind == "city" and last > 0):
        orgs.setdefault(phrase, []).append(span)


def _speech_next(text: str, end: int) -> bool:
    tail = text[end:end + 30].lstrip(" ,")
    word = tail.split(" ", 1)[0].strip(".,:;").lower()
    return word in SPEECH_VERBS


def _speech_before(text: str, start: int) -> bool:
    head = text[max(0, start - 25):start].rstrip().lower()
    return head.endswith(tuple(f" {v}" for v in ("said", "says", "added", "told", "according to",
                                                  "asked", "wrote")))


def find_people(ctx: Context) -> tuple[list[Person], list[Organization]]:
    text = ctx.text
    found: list[_Person] = []
    orgs: dict[str, list[Span]] = {}
    singles: list[tuple[Token, Run]] = []
    for run, toks in _split_runs(text, ctx):
        kinds = [_kind(t) for t in toks]
        if (len(toks) > 1 and not {"org", "role"} & set(kinds)
                and gazetteer.lookup(text[toks[0].start:toks[-1].end])):
            continue  # "Sterling Heights", "New Hampshire": a place
        k = len(toks)
        while k > 0 and (kinds[k - 1] == "name" or (
                kinds[k - 1] == "place" and len(toks) - k < 3
                and ("name" in kinds[:k - 1] or k < len(toks)))):
            k -= 1
        name, prefix = toks[k:], toks[:k]
        _collect_org(text, toks, kinds[:k], orgs)
        if not name:
            continue
        role = ""
        if "role" in kinds[:k]:
            role = text[toks[0].start:prefix[-1].end]
        if k == 0 or role:
            lower_role, _ = _lower_role(text, toks[0].start)
            role = " ".join(x for x in (lower_role, role) if x)
        if len(name) == 1 and not role:
            singles.append((name[0], run))
            continue
        if run.headline and not role:
            singles.extend((t, run) for t in name)
            continue
        person = _Person([t.text for t in name], roles=[role] if role else [],
                         affiliation=_affiliation(prefix) if role else None,
                         mentions=[(name[0].start, name[-1].end)],
                         evidence=bool(role) or len(name) > 1)
        found.append(person)
    people = _merge(found)
    by_surname = {p.surname: p for p in people}
    for tok, run in singles:
        _single(text, tok, run, people, by_surname)
    for p in people:
        _appositive(text, p)
    people = [p for p in people if p.evidence]
    named_spans = [(m, i) for i, p in enumerate(people) for m in p.mentions]
    for span, i in resolve_pronouns(text, named_spans):
        people[i].mentions.append(span)
    named = [_final(p) for p in people]
    named.extend(find_anonymous(ctx))
    named.sort(key=lambda p: p.mentions[0] if p.mentions else (0, 0))
    organizations = [Organization(n, tuple(sorted(set(s)))) for n, s in orgs.items()]
    organizations.sort(key=lambda o: o.mentions[0])
    return named, organizations


def _merge(found: list[_Person]) -> list[_Person]:
    """One person per surname; the longest spelling becomes the canonical name."""
    out: dict[str, _Person] = {}
    for p in found:
        old = out.get(p.surname)
        if old is None:
            out[p.surname] = p
            continue
        old.spellings.append(tuple(p.tokens))
        old.mentions.extend(p.mentions)
        old.roles.extend(r for r in p.roles if r not in old.roles)
        old.affiliation = old.affiliation or p.affiliation
        old.evidence = old.evidence or p.evidence
    for p in out.values():
        p.spellings.append(tuple(p.tokens))
        multi = [sp for sp in p.spellings if len(sp) > 1] or p.spellings
        p.tokens = list(max(multi, key=lambda sp: (multi.count(sp), -len(sp))))
    return list(out.values())


def _single(text: str, tok: Token, run: Run, people: list[_Person],
            by_surname: dict[str, _Person]) -> None:
    parts = tok.text.split("-") if "-" in tok.text else [tok.text]
    offset = tok.start
    for part in parts:
        person = by_surname.get(part.lower())
        if person is not None:
            person.mentions.append((offset, offset + len(part)))
        elif len(parts) == 1 and (_speech_next(text, tok.end) or _speech_before(text, tok.start)):
            kind = _kind(tok)
            if kind == "name" and tok.lower not in GROUP_NOUNS and not run.headline:
                new = _Person([tok.text], mentions=[(tok.start, tok.end)], evidence=True)
                people.append(new)
                by_surname[new.surname] = new
        offset += len(part) + 1


def _appositive(text: str, p: _Person) -> None:
    for start, end in p.mentions:
        match = _APPOSITIVE.match(text, end)
        if match:
            phrase = match.group(1).strip()
            last = phrase.split()[-1]
            if any(is_role(w) for w in phrase.split()) or last.endswith(("er", "or", "ist", "ian")):
                role = re.sub(r"^(a|an|the)\s+", "", phrase)
                if role not in p.roles:
                    p.roles.append(role)
                p.evidence = True


def _final(p: _Person) -> Person:
    return Person(" ".join(p.tokens), tuple(dict.fromkeys(p.roles)), p.affiliation,
                  tuple(sorted(set(p.mentions))))
