"""Merging a text's name mentions into people: the second half of WHO (who.py finds them).

Kept apart from the finder so each stays small: these steps see only the candidate people
and their spans, never the capitalised runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.extract.names import Token
from briefing.extract.roles import is_role
from briefing.model import Person, Span

_APPOSITIVE = re.compile(
    r",\s+(?:\d{1,3},\s+)?((?:a|an|the|[A-Z][\w.]*['’]s|[a-z]+er)\s+[^,.;:“”\"()]{2,70}?)(?=,|\.\s|\s+(?:said|says|told))")


@dataclass
class Candidate:
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
        return self.tokens[-1].lower()


def recurring(people: list[Candidate], unplaced: dict[str, list[Span]],
               orgs: dict[str, list[Span]]) -> None:
    """A one-word name used three times and nobody's name is a company, brand or body.

    ("Toblerone is facing...", "Toblerone said...").  A person is named in full at least
    once; a thing that keeps its single name throughout is an organisation or its product.
    """
    words = {w.lower() for p in people for w in p.tokens}
    for word, spans in unplaced.items():
        if len(spans) >= 3 and word.lower() not in words and not word.isupper():
            orgs.setdefault(word, []).extend(spans)


def split_known(text: str, found: list[Candidate]) -> tuple[list[Candidate], list[Token]]:
    """Cut runs that glue names together ("Grand Prix Christian Horner", "Massa Massa").

    Captions and headlines without punctuation join words that the rest of the text writes
    apart; a full name seen on its own elsewhere is taken out, and the remainder is kept only
    as single words after the name (surnames), never as a person of its own.
    """
    known = {tuple(p.tokens) for p in found if 2 <= len(p.tokens) <= 3}
    out: list[Candidate] = []
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
            out.append(Candidate(toks[a:b], text[span[0]:span[1]], roles=list(p.roles),
                               affiliation=p.affiliation, mentions=[span], evidence=True))
        first = pieces[0][0] if pieces else 0
        leftovers.extend(Token(offsets[i], offsets[i] + len(toks[i]), toks[i])
                         for i in rest if i > first)  # words before a name are its title
    return out, leftovers


def merge(found: list[Candidate]) -> list[Candidate]:
    """One person per surname; the commonest multi-word spelling becomes the canonical name."""
    out: dict[str, Candidate] = {}
    for p in found:
        old = out.get(p.surname)
        if old is None:
            out[p.surname] = p
            continue
        old.spellings.append((tuple(p.tokens), p.surface))
        old.mentions.extend(p.mentions)
        old.roles.extend(r for r in p.roles if r not in old.roles)
        old.affiliation = old.affiliation or p.affiliation
        old.evidence = old.evidence or p.evidence
    for p in out.values():
        p.spellings.append((tuple(p.tokens), p.surface))
        multi = [sp for sp in p.spellings if len(sp[0]) > 1] or p.spellings
        words = [sp[0] for sp in multi]
        best = max(multi, key=lambda sp: (words.count(sp[0]), -len(sp[0])))
        p.tokens, p.surface = list(best[0]), best[1]
    return list(out.values())


def appositive(text: str, p: Candidate) -> None:
    for _start, end in p.mentions:
        match = _APPOSITIVE.match(text, end)
        if match:
            phrase = match.group(1).strip()
            last = phrase.split()[-1]
            if any(is_role(w) for w in phrase.split()) or last.endswith(("er", "or", "ist", "ian")):
                role = re.sub(r"^(a|an|the)\s+", "", phrase)
                if role not in p.roles:
                    p.roles.append(role)
                p.evidence = True


def final(p: Candidate) -> Person:
    return Person(p.surface or " ".join(p.tokens), tuple(dict.fromkeys(p.roles)), p.affiliation,
                  tuple(sorted(set(p.mentions))))
