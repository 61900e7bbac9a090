"""The finder's shortcuts never hide a form: the lead-word dispatch and the token scan.

The finder tries a pattern only where a token it can start with begins (`Row.leads`), and
finds tokens with a byte-level scan instead of a regex.  Both are speed devices; these tests
check them against the slow, obvious way on every sentence of the form and trap tables.
"""

from __future__ import annotations

import re

import pytest
from test_when_forms import FORMS, TRAPS

from briefing.extract.when import finder
from briefing.extract.when.finder import find_candidates
from briefing.extract.when.patterns import lead_key, table
from briefing.extract.when.triggers import start_positions
from tests.conftest import SEED_ARTICLE

_TOKEN = re.compile(r"['’]?[\w$]+")  # the tokeniser the byte-level scan stands in for
EXTRA = [
    "The order was signed 301535Z DEC 21 and filed on 2021-12-30T15:35:00Z.",
    "Sales fell in Q1 2021 and in the 1990s, the '90s and the 20th century.",
    "He arrived at 1430Z, left at 0900 GMT and was back by 3pm or 12 noon.",
    "On Mondays the market opens; every Monday since 1957-58 it has.",
    "The talks took 12/30/2021, about 1,000 years ago, in Zürich’s “old” town — 5 hours.",
    "Between 12 and 18 months passed; a few days ago, the first quarter of 2020 ended.",
    "Talks in Zürich began at ٣:٣٠ p.m. and ended at 5 p.m. (Ελλάδα time).",
]
SENTENCES = [form[0] for form in FORMS] + TRAPS + EXTRA


@pytest.mark.parametrize("text", SENTENCES)
def test_every_match_starts_with_a_declared_lead(text: str) -> None:
    """A row that can match at a token must list that token's lead key, or the finder
    would never try it there."""
    for token in _TOKEN.finditer(text):
        key = lead_key(token.group(0))
        for row in table():
            match = row.pattern.match(text, token.start())
            if match and match.group(0).strip():
                assert key in row.leads, (row.kind, match.group(0), key)


@pytest.mark.parametrize("text", [*SENTENCES, SEED_ARTICLE.read_text(encoding="utf-8")])
def test_scan_proposes_only_token_starts(text: str) -> None:
    """Every start the byte-level scan proposes is where the regex tokeniser starts a token
    (so no pattern runs from the middle of a word, whatever the text's alphabet)."""
    starts = {m.start() for m in _TOKEN.finditer(text)}
    assert set(start_positions(text)) <= starts


@pytest.mark.parametrize("text", SENTENCES)
def test_dispatch_finds_what_every_row_at_every_token_finds(
        text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The triggers, their modifier chains and the lead keys together lose nothing: the same
    candidates come out when every row is tried at every token start."""
    fast = [(c.start, c.end, c.kind, c.groups) for c in find_candidates(text)]
    every_row = tuple(enumerate(table()))
    monkeypatch.setattr(finder, "start_positions",
                        lambda t: {m.start(): every_row for m in _TOKEN.finditer(t)})
    assert [(c.start, c.end, c.kind, c.groups) for c in find_candidates(text)] == fast
