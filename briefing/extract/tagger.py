"""A learned entity tagger: which capitalised words are a person, a body, a place or a facility.

Hand rules over capitalised runs cannot tell "Daniel Bernoulli" from "Baker Street", "the
Dow Jones index" or "the Red Sox"; a small linear-chain CRF (python-crfsuite) can, from the
word's shape, affixes and neighbours and from the project's own gazetteers and role lists.
It is trained by `scripts/train_entities.py` on the corpora in `../shared/corpora` (Universal
NER English-EWT, CC BY-SA 4.0, and re3d, public domain and OGL v3.0) and on sentences the
project writes itself from its gazetteers and role patterns; the shipped model file
`data/entities.crfsuite` is licensed CC BY-SA 4.0 like its training data.

The model is read on first use (one C call, about 10 ms).  Features are built per word once
and cached, and only the stretches of a sentence around a name-like capitalised word (one
that no gazetteer, nationality or title list settles, and not a sentence-opening function
word) are tagged, so tagging costs about a millisecond per news article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from briefing.core.words import word_set
from briefing.extract.names import FUNCTION_WORDS, TIME_WORDS, Token
from briefing.extract.roles import (
    EVENT_HEADS,
    FEATURE_HEADS,
    FEATURE_WEAK_HEADS,
    GROUP_NOUNS,
    ORG_HEADS,
    ORG_NAMES,
    SPEECH_VERBS,
    VENUE_NOUNS,
    WORDS,
    is_role,
)
from briefing.geo import gazetteer

MODEL = Path(__file__).resolve().parent / "data" / "entities.crfsuite"
# The digest of the lexicons the model's features read, as they were when it was trained
# (scripts/train_entities.py writes it; a test compares it with the lexicons of today).
LEXICON_STAMP = MODEL.with_suffix(".lexicons")

# Initials ("U.S.", "J."), words with inner hyphens or apostrophes, a possessive "'s" apart.
_TOKEN = re.compile(r"[^\W_]+(?:[-'’&.][^\W_]+)*\.?|[^\w\s]")
_OPENERS = FUNCTION_WORDS | TIME_WORDS
_ABBREVIATIONS = word_set(WORDS, "abbreviations")


class Tok(NamedTuple):
    start: int
    end: int
    text: str


class Mention(NamedTuple):
    """A tagged name: offsets into the text, label (PER, ORG, LOC, FAC), mean confidence."""

    start: int
    end: int
    label: str
    score: float


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """Words and punctuation of text[start:end]; a trailing full stop stays only on
    abbreviations and initials ("Gen.", "J.", "U.S."), not on a sentence's last word, and a
    possessive "'s" is a word of its own."""
    words, spans = _split(text, start, len(text) if end is None else end)
    return [Tok(a, b, w) for w, (a, b) in zip(words, spans, strict=True)]


def _split(text: str, start: int, end: int) -> tuple[list[str], list[tuple[int, int]]]:
    """`tokenize` as two lists, words and their spans: no object per word."""
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    add_word, add_span = words.append, spans.append
    for m in _TOKEN.finditer(text, start, end):
        word = m.group()
        if len(word) < 3 or not (word[-1] in "sS." or "." in word):
            add_word(word)
            add_span(m.span())
            continue
        s, e = m.span()
        if word[-2] in "'’" and word[-1] in "sS" and len(word) > 3:
            words += (word[:-2], word[-2:])
            spans += ((s, e - 2), (e - 2, e))
        elif word.endswith(".") and not (
                word[:-1].lower() in _ABBREVIATIONS or word.count(".") > 1):
            words += (word[:-1], ".")
            spans += ((s, e - 1), (e - 1, e))
        else:
            add_word(word)
            add_span((s, e))
    return words, spans


def _shape(word: str) -> str:
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


@lru_cache(maxsize=1 << 15)
def _word_class(word: str) -> tuple[str, ...]:
    """What the project's lexicons say of one word (used for it and for its neighbours)."""
    low = word.lower().rstrip(".")
    out = []
    if word[:1].isupper():
        entry = gazetteer.lookup(word)
        if entry is not None:
            # a city under one of its foreign spellings ("Nico" for Nice, "Rabbah" for
            # Amman) is far weaker evidence than its own name: such words are given names
            # and surnames as often ("Nico Rosberg")
            alternate = entry.kind == "city" and gazetteer.key(word) != gazetteer.key(entry.name)
            out.append("gaz=alt" if alternate else "gaz=" + entry.kind)
        elif gazetteer.town(word) is not None:
            out.append("gaz=town")
        if gazetteer.key(word) in gazetteer.demonyms():
            out.append("demonym")
    if is_role(low):
        out.append("role")
    out.extend(tag for tag, lists in _LEXICON_TAGS if any(low in words for words in lists))
    return tuple(out)


# The word lists `_word_class` tags a word from, in feature order; `lexicon_digest` hashes
# the same lists, so a list added here is one the retrain check watches too.
_LEXICON_TAGS: tuple[tuple[str, tuple[frozenset[str], ...]], ...] = (
    ("orghead", (ORG_HEADS,)), ("orgname", (ORG_NAMES,)), ("venue", (VENUE_NOUNS,)),
    ("feature", (FEATURE_HEADS, FEATURE_WEAK_HEADS)), ("event", (EVENT_HEADS,)),
    ("speech", (SPEECH_VERBS,)), ("group", (GROUP_NOUNS,)),
)


@lru_cache(maxsize=1 << 15)
def _own(word: str) -> tuple[str, ...]:
    low = word.lower()
    shape = _shape(word)
    out = [
        "bias", "w=" + low, "sh=" + shape, "p2=" + low[:2], "p3=" + low[:3],
        "s2=" + low[-2:], "s3=" + low[-3:], "s4=" + low[-4:],
    ]
    if word.isupper() and len(word) > 1:
        out.append("allcaps")
    elif word[:1].isupper():
        out.append("title")
    if len(word) == 1:
        out.append("len1")
    out.extend(_word_class(word))
    return tuple(out)


@lru_cache(maxsize=1 << 16)
def _near(word: str, at: int) -> tuple[str, ...]:
    low = word.lower()
    p = f"{at:+d}"
    out = [p + "w=" + low, p + "sh=" + _shape(word)]
    if word[:1].isupper():
        out.append(p + "cap")
    out.extend(p + c for c in _word_class(word))
    return tuple(out)


@lru_cache(maxsize=1 << 15)
def _pair_kind(first: str, second: str) -> str:
    entry = gazetteer.lookup(first + " " + second)
    return entry.kind if entry is not None else ""


def features(words: Sequence[str], lo: int = 0, hi: int | None = None) -> list[list[str]]:
    """One list of feature strings per word of a sentence (of words[lo:hi], in context)."""
    n = len(words)
    out = []
    for i in range(lo, n if hi is None else hi):
        word = words[i]
        feats = list(_own(word))
        if i == 0:
            feats.append("BOS")
        if i == n - 1:
            feats.append("EOS")
        for at in (-2, -1, 1, 2):
            j = i + at
            if 0 <= j < n:
                feats.extend(_near(words[j], at))
        if i + 1 < n and word[:1].isupper() and words[i + 1][:1].isupper():
            pair = _pair_kind(word, words[i + 1])
            if pair:
                feats.append("gaz2=" + pair)
        if i > 0 and word[:1].isupper() and words[i - 1][:1].isupper():
            pair = _pair_kind(words[i - 1], word)
            if pair:
                feats.append("gaz2p=" + pair)
        out.append(feats)
    return out


def lexicon_digest() -> str:
    """A digest of everything `_word_class` reads: the role, organisation, venue, feature,
    event, speech and group word lists, the function and time words, and the gazetteer
    tables.  When it changes, the shipped model was trained on other features: retrain."""
    import hashlib

    from briefing.extract import roles

    digest = hashlib.sha256()
    tagged = [words for _, lists in _LEXICON_TAGS for words in lists]
    for words in (roles.role_words(), *tagged, FUNCTION_WORDS, TIME_WORDS):
        digest.update("\n".join(sorted(words)).encode() + b"\0")
    for path in sorted(gazetteer.DATA.iterdir()):
        if path.suffix in (".tsv", ".gz"):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


@cache
def _tagger():
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    return tagger


def model_available() -> bool:
    return MODEL.is_file()


def tag_words(words: Sequence[str], tagger=None) -> tuple[list[str], list[float]]:
    """BIO labels of a sentence's words and each label's marginal probability."""
    tagger = tagger or _tagger()
    labels = tagger.tag(features(words))
    probs = [tagger.marginal(lab, i) for i, lab in enumerate(labels)]
    return labels, probs


def _chunks(words: Sequence[str], unsettled: Collection[int] = ()) -> list[tuple[int, int]]:
    """The stretches of a sentence worth tagging: two words either side of every capitalised
    word that is not a sentence-opening function word ("The", "He") nor settled by a list
    (unless its index is `unsettled`).  The features of a word reach two words each way, so
    tagging these stretches alone reads the names as the whole sentence would, at a
    fraction of the cost."""
    out: list[tuple[int, int]] = []
    n = len(words)
    for i, word in enumerate(words):
        if (not word[:1].isupper() or (i == 0 and word.lower() in _OPENERS)
                or (_settled(word) and i not in unsettled)):
            continue
        lo, hi = max(0, i - 1), min(n, i + 2)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


@lru_cache(maxsize=1 << 14)
def _settled(word: str) -> bool:
    """A place the gazetteer knows, a nationality or a title ("Russia", "U.S.", "Moscow",
    "Russian", "President"): the rules read these, so they start no stretch of their own (a
    name beside one still takes it in)."""
    return (gazetteer.lookup(word) is not None or gazetteer.key(word) in gazetteer.demonyms()
            or is_role(word))


def place_pairs(text: str, words: Sequence[Token]) -> list[int]:
    """Starts of the words of two adjacent one-word places that together are no place
    ("George Washington", "Elizabeth Warren", "York Minster"): prose puts a comma between
    two places, so the pair is some other name and the model, not the gazetteer, types
    it.  `words`: the tokens of one capitalised run."""
    out: list[int] = []
    for first, second in pairwise(words):
        if text[first.end:second.start] == " " and _two_places(first.text, second.text):
            out += (first.start, second.start)
    return out


@lru_cache(maxsize=1 << 14)
def _two_places(first: str, second: str) -> bool:
    return (gazetteer.lookup(first) is not None and gazetteer.lookup(second) is not None
            and gazetteer.lookup(f"{first} {second}") is None)


def mentions(text: str, sentences: Iterable[tuple[int, int]], tagger=None) -> list[Mention]:
    """Every name the model finds in `text`, sentence by sentence, in reading order."""
    if tagger is None and not model_available():
        return []
    return Tags(text, sentences, tagger).mentions


def _spans(words: Sequence[str], spans: Sequence[tuple[int, int]], labels: Sequence[str],
           probs: Sequence[float]) -> list[Mention]:
    out = []
    i = 0
    while i < len(words):
        lab = labels[i]
        if lab == "O":
            i += 1
            continue
        kind = lab[2:]
        j = i + 1
        while j < len(words) and labels[j] == "I-" + kind:
            j += 1
        a, b = i, j
        while a < b and not words[a][:1].isupper():
            a += 1  # "the", "tampa bay": WHO and WHERE list names, which are capitalised
        while b > a and not words[b - 1][:1].isupper():
            b -= 1  # "the Interlagos circuit"
        if b > a:
            score = sum(probs[i:j]) / (j - i)
            out.append(Mention(spans[a][0], spans[b - 1][1], kind, score))
        i = j
    return out


_PAIRS = tuple((lab, "B-" + lab, "I-" + lab) for lab in ("PER", "ORG"))


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

# How sure the model must be to add a name (a person, a body, a place) no rule found.
ADD = 0.6


class Tags:
    """The model's reading of one text: its mentions, and per capitalised word the
    probability of each type (PER, ORG, a place (LOC, facilities included) or O), to type
    the runs the rules find.  Mentions keep the facility label apart."""

    def __init__(self, text: str, sentences: Iterable[tuple[int, int]], tagger=None,
                 anchors: Sequence[tuple[int, str]] | None = None,
                 unsettled: AbstractSet[int] = frozenset()) -> None:
        """`anchors`: (start, word) of the capitalised words that may start a name (the
        runs of names.py); a sentence with none that the gazetteer does not settle is not
        read at all.  Without them every sentence is read.  `unsettled`: starts of words
        the gazetteer settles but their run does not (`place_pairs`), typed like any
        other."""
        self.mentions: list[Mention] = []
        self._unsettled = unsettled
        self.openers: set[int] = set()
        """Starts of the words that open a sentence (capitalised by their place)."""
        self._starts: list[int] = []
        self._dists: list[tuple[int, int, dict[str, float]]] = []
        if tagger is None and not model_available():
            return
        tagger = tagger or _tagger()
        # crfsuite takes UTF-8: a lone surrogate (the loaders drop them, a caller of
        # `analyze` may not) is read as U+FFFD, one for one, so offsets hold.
        text = _LONE_SURROGATE.sub("\ufffd", text)
        known = frozenset(tagger.labels())  # the labels it was trained with (a tiny test
        # model may lack FAC)
        keys = ([a for a, w in anchors if a in unsettled or not _settled(w)]
                if anchors is not None else None)
        for s, e in sentences:
            if keys is not None:
                k = bisect_left(keys, s)
                if k == len(keys) or keys[k] >= e:
                    continue
            words, spans = _split(text, s, e)
            if not words:
                continue
            self.openers.add(spans[0][0])
            forced = [i for i, (a, _) in enumerate(spans) if a in unsettled] if unsettled else ()
            for lo, hi in _chunks(words, forced):
                labels = tagger.tag(features(words, lo, hi))
                self._read(tagger, known, words, spans, lo, hi, labels)

    def additions(self, text: str, labels: Collection[str]) -> Iterator[Mention]:
        """Mentions of `labels` sure enough (`ADD`) for WHO or WHERE to add a name no rule
        found: capitalised, and not one word capitalised only by opening its sentence
        ("Rival teams")."""
        for m in self.mentions:
            if m.label not in labels or m.score < ADD or not text[m.start].isupper():
                continue
            if m.start in self.openers and " " not in text[m.start:m.end]:
                continue
            yield m

    def _read(self, tagger, known: frozenset[str], words: Sequence[str],
              spans: Sequence[tuple[int, int]], lo: int, hi: int, labels: list[str]) -> None:
        """Type probabilities of the stretch's capitalised words, and its mentions."""
        probs = []
        for i in range(lo, hi):
            word = words[i]
            lab = labels[i - lo]
            if not word[:1].isupper() or (_settled(word) and spans[i][0] not in self._unsettled):
                # a lowercase word, or a place or title the rules read: its label's own
                # probability only (one call, not five)
                probs.append(tagger.marginal(lab, i - lo))
                continue
            at = i - lo
            dist = {"O": tagger.marginal("O", at)}
            for kind, b, inner in _PAIRS:
                dist[kind] = ((tagger.marginal(b, at) if b in known else 0.0)
                              + (tagger.marginal(inner, at) if inner in known else 0.0))
            # places and facilities together under "LOC": the rest (four calls fewer per word)
            dist["LOC"] = max(0.0, 1.0 - dist["O"] - dist["PER"] - dist["ORG"])
            self._starts.append(spans[i][0])
            self._dists.append((spans[i][0], spans[i][1], dist))
            kind = lab[2:] or "O"
            probs.append(dist["LOC" if kind == "FAC" else kind])  # FAC shares LOC's share
        self.mentions.extend(_spans(words[lo:hi], spans[lo:hi], labels, probs))

    def dist(self, start: int, end: int) -> dict[str, float] | None:
        """Mean type probabilities ("O", "PER", "ORG", and "LOC" for places and facilities
        together) of the capitalised words in text[start:end] that no gazetteer or title
        list settles (None when there are none)."""
        i = bisect_left(self._starts, start)
        found = []
        while i < len(self._dists) and self._dists[i][0] < end:
            found.append(self._dists[i][2])
            i += 1
        if not found:
            return None
        return {k: sum(d[k] for d in found) / len(found) for k in found[0]}
