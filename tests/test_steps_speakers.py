"""The speaker pass's named steps, one by one (issue 16).

`_cue_in` (speakers.py) tries readings of a quotation's cue from the surest to the
loosest; each reading is a step of its own.  The steps are called here directly on what
`attribute` hands them: a real `Context` for a short news-like sentence, its quotation
spans (`Context.quoted`), the mention index `mentions_of` builds from `find_people`'s
people and bodies, and the cue window blanked and cut as `attribute` cuts it.  Each test
checks the speaker the step's docstring promises and a case the step must refuse.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pytest

from briefing.extract.context import Context
from briefing.extract.mentions import Mentions, mentions_of
from briefing.extract.speakers import (
    _GERUNDS,
    _REACH,
    _STOP,
    Hit,
    _according,
    _cue_in,
    _cue_verbs,
    _described_speaker,
    _finite_speaker,
    _gerund_speaker,
    _lead_in_speaker,
    _pronoun_speaker,
    _sentence_bounds,
    _signed,
    _subject_speaker,
    _written_speaker,
)
from briefing.extract.who import find_people


class _Window(NamedTuple):
    """One side of a quotation as `_cue_in` reads it: the text from `base`, and its cues."""

    text: str
    base: int
    chunk: str
    mentions: Mentions  # (not `index`: a tuple's method)
    end: int  # where the quotation closes
    ordered: list[re.Match[str]]  # the cue verbs in reading order from the quotation
    finite: list[re.Match[str]]  # the same without the gerunds


def _window(text: str, side: str) -> _Window:
    """The cue window `attribute` reads after (`side="after"`) or before the first
    quotation of `text`, with the index built from the people and bodies WHO finds."""
    ctx = Context(text)
    people, organizations = find_people(ctx)
    index = mentions_of(text, people, organizations)
    start, end = ctx.quoted[0]
    s_start, s_end = _sentence_bounds(ctx.seg, start, end)
    if side == "after":
        base = end
        chunk = ctx.quotations.blank(end, min(s_end, end + 250))
        stop = _STOP.search(chunk)
        if stop:
            chunk = chunk[:stop.start()]
        chunk = chunk.split(";", 1)[0]
    else:
        base = max(s_start, start - _REACH)
        chunk = ctx.quotations.blank(base, start)
    leading = side == "after"
    verbs = _cue_verbs(chunk, leading)
    ordered = verbs if leading else verbs[::-1]
    finite = [v for v in ordered if v.group().lower() not in _GERUNDS]
    return _Window(text, base, chunk, index, end, ordered, finite)


def _said(w: _Window, hit: Hit | None) -> tuple[str, str, str | None] | None:
    """A hit as (name, the words at its span, cue), to compare in one assert."""
    return None if hit is None else (hit.name, w.text[hit.start:hit.end], hit.cue)


# --- _cue_in: the readings together -----------------------------------------------------

@pytest.mark.parametrize(("text", "side", "speaker", "cue"), [
    ("“We will not back down,” said Jen Psaki, the press secretary.", "after",
     "Jen Psaki", "said"),
    ("“We will not back down,” Jen Psaki said.", "after", "Jen Psaki", "said"),
    ("Jen Psaki said: “We will not back down.”", "before", "Jen Psaki", "said"),
    ("According to Jen Psaki, the talks “went nowhere at all today.”", "before",
     "Jen Psaki", "according to"),
    ("As Jen Psaki put it, “the talks went nowhere today.”", "before", "Jen Psaki", "put"),
])
def test_cue_in_finds_the_speaker(text: str, side: str, speaker: str, cue: str) -> None:
    w = _window(text, side)
    hit = _cue_in(text, w.base, w.chunk, w.mentions, leading=side == "after")
    assert _said(w, hit) == (speaker, speaker, cue)


@pytest.mark.parametrize(("text", "side"), [
    ("The weather was bad. “It is a sad day for everyone.”", "before"),  # no cue at all
    ("“It is a sad day,” said in an interview with Wolf Blitzer.", "after"),  # spoken to
    ("Jen Psaki said: “We will not back down.”", "after"),  # nothing after the marks
])
def test_cue_in_finds_nobody_without_a_cue(text: str, side: str) -> None:
    w = _window(text, side)
    assert _cue_in(text, w.base, w.chunk, w.mentions, leading=side == "after") is None


# --- _according -----------------------------------------------------------------------

def test_according_names_the_source_after_the_phrase() -> None:
    w = _window("According to Jen Psaki, the talks “went nowhere at all today.”", "before")
    assert _said(w, _according(w.chunk, w.base, w.mentions, [])) == (
        "Jen Psaki", "Jen Psaki", "according to")
    w = _window("“The deal is dead,” according to their attorneys.", "after")
    assert _said(w, _according(w.chunk, w.base, w.mentions, [])) == (
        "their attorneys", "their attorneys", "according to")


def test_according_gives_way_to_a_speaker_of_its_own() -> None:
    """ "According to the Ledger, Keller's spokesman said ...": the outlet reports what the
    spokesman said; "..., according to X, and said" keeps X (the verb has no subject of
    its own)."""
    text = "According to the Ledger, spokesman Jesse Lindqvist said the bill “will be signed.”"
    w = _window(text, "before")
    assert _according(w.chunk, w.base, w.mentions, _cue_verbs(w.chunk, False)) is None
    text = ("The family watched the video, according to their attorneys, and said they had "
            "“more questions than answers.”")
    w = _window(text, "before")
    assert _said(w, _according(w.chunk, w.base, w.mentions, _cue_verbs(w.chunk, False)))[0] \
        == "their attorneys"


def test_according_refuses_a_thing_and_a_chunk_without_the_phrase() -> None:
    w = _window("“The deal is dead,” according to the data.", "after")
    assert _according(w.chunk, w.base, w.mentions, []) is None  # data speak for no one
    w = _window("Jen Psaki said the talks “went nowhere at all today.”", "before")
    assert _according(w.chunk, w.base, w.mentions, []) is None


# --- _cue_verbs -----------------------------------------------------------------------

def test_cue_verbs_after_a_quotation_come_early_unless_a_name_leads() -> None:
    assert [m.group() for m in _cue_verbs(
        " Leonard Burman, director of the Tax Policy Center, said", True)] == ["said"]
    assert _cue_verbs(" the crowd in the square cheered loudly for many minutes and then "
                      "said", True) == []  # too far from the marks to cite them


def test_cue_verbs_read_put_only_as_put_it_and_only_in_lower_case() -> None:
    assert [m.group() for m in _cue_verbs("As Jen Psaki put it, ", False)] == ["put"]
    assert _cue_verbs("Jen Psaki put the plan aside and ", False) == []
    assert _cue_verbs(" Said the minister", True) == []


# --- _gerund_speaker ------------------------------------------------------------------

def test_gerund_speaker_takes_the_name_right_before_the_gerund() -> None:
    w = _window("The crowd watched footage of Anna Lindqvist saying, “we will win this "
                "race.”", "before")
    assert _said(w, _gerund_speaker(w.text, w.base, w.ordered, w.mentions)) == (
        "Anna Lindqvist", "Anna Lindqvist", "saying")


def test_gerund_speaker_refuses_the_object_before_a_comma() -> None:
    w = _window("Tom Reed attacked Anna Lindqvist, saying “she will lose this race.”", "before")
    assert _gerund_speaker(w.text, w.base, w.ordered, w.mentions) is None


# --- _finite_speaker ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "speaker"), [
    ("“We will not back down,” Jen Psaki said.", "Jen Psaki"),  # X said
    ("“We will not back down,” said Jen Psaki, the press secretary.", "Jen Psaki"),  # said X
    ("“It is a sad day for everyone,” said the ruling.", "the ruling"),  # a document
])
def test_finite_speaker_before_or_after_the_verb(text: str, speaker: str) -> None:
    w = _window(text, "after")
    assert _said(w, _finite_speaker(w.text, w.base, w.chunk, w.finite, w.mentions)) == (
        speaker, speaker, "said")


@pytest.mark.parametrize("text", [
    "“It is a sad day,” said in an interview with Wolf Blitzer.",  # after a preposition
    "“It is a sad day for everyone,” said the economy.",  # a thing said, not a speaker
])
def test_finite_speaker_refuses_the_one_spoken_to(text: str) -> None:
    w = _window(text, "after")
    assert _finite_speaker(w.text, w.base, w.chunk, w.finite, w.mentions) is None


def test_finite_speaker_takes_the_teller_not_the_one_told() -> None:
    w = _window("“It is a sad day for everyone,” the minister told Anna Lindqvist.", "after")
    hit = _finite_speaker(w.text, w.base, w.chunk, w.finite, w.mentions)
    assert hit is not None and hit.name == "the minister"


# --- _written_speaker -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "“We will win this race,” said Mr. Podesta on Sunday.",
    "“We will win this race,” Mr. Podesta said.",
])
def test_written_speaker_reads_a_name_the_people_finder_did_not_list(text: str) -> None:
    w = _window(text, "after")
    unlisted = mentions_of(text, [])
    hit = _written_speaker(w.chunk, w.base, w.finite, unlisted)
    assert _said(w, hit) == ("Podesta", "Mr. Podesta", "said")


@pytest.mark.parametrize("text", [
    "“We will win this race,” he said on Sunday.",  # a pronoun is no name
    "“We will win this race,” the minister told African-Americans.",  # the ones told
])
def test_written_speaker_refuses_pronouns_and_the_ones_told(text: str) -> None:
    w = _window(text, "after")
    assert _written_speaker(w.chunk, w.base, w.finite, mentions_of(text, [])) is None


# --- _pronoun_speaker -----------------------------------------------------------------

@pytest.mark.parametrize(("text", "pronoun", "cue"), [
    ("“We will win this race,” he said.", "he", "said"),
    ("“We will win this race,” she told reporters.", "she", "told"),
])
def test_pronoun_speaker(text: str, pronoun: str, cue: str) -> None:
    w = _window(text, "after")
    assert _said(w, _pronoun_speaker(w.chunk, w.base, w.ordered)) == (pronoun, pronoun, cue)


def test_pronoun_speaker_needs_a_pronoun() -> None:
    w = _window("“We will win this race,” the minister said.", "after")
    assert _pronoun_speaker(w.chunk, w.base, w.ordered) is None


@pytest.mark.parametrize("text", [
    "The minister said he would “fight for every vote in the county.”",
    "The deputy governor told lawmakers she had “no intention of resigning now.”",
])
def test_a_pronoun_after_the_verb_opens_what_was_said(text: str) -> None:
    """Not "said he" inverted: the pronoun begins the reported clause, and the speaker is
    the description before the verb."""
    w = _window(text, "before")
    assert _pronoun_speaker(w.chunk, w.base, w.ordered) is None
    assert _said(w, _cue_in(w.text, w.base, w.chunk, w.mentions, leading=False))[0] in (
        "The minister", "The deputy governor")


# --- _subject_speaker -----------------------------------------------------------------

def test_subject_speaker_reads_over_a_long_appositive() -> None:
    w = _window("“It is a sad day for taxpayers,” Leonard Burman, director of the Tax Policy "
                "Center, said.", "after")
    assert _said(w, _subject_speaker(w.chunk, w.base, w.ordered, w.mentions)) == (
        "Leonard Burman", "Leonard Burman", "said")


def test_subject_speaker_needs_a_person_opening_the_clause() -> None:
    w = _window("“It is a sad day for taxpayers,” the report, released on Monday, said.",
                "after")
    assert _subject_speaker(w.chunk, w.base, w.ordered, w.mentions) is None


# --- _described_speaker ---------------------------------------------------------------

def test_described_speaker_before_a_finite_verb() -> None:
    w = _window("“We will not back down,” the spokeswoman said.", "after")
    assert _said(w, _described_speaker(w.base, w.finite, w.mentions)) == (
        "the spokeswoman", "the spokeswoman", "said")


def test_described_speaker_leaves_out_the_relative_pronoun() -> None:
    w = _window("The farm lost a contractor who said he was “never paid for the barn.”",
                "before")
    assert _said(w, _described_speaker(w.base, w.finite, w.mentions))[0] == "a contractor"


@pytest.mark.parametrize("text", [
    "“We will not back down,” the Post said.",  # a capitalised head: a name, not a description
    "“We will not back down,” the 2016 campaign said.",
])
def test_described_speaker_refuses_names_and_dated_phrases(text: str) -> None:
    w = _window(text, "after")
    assert _described_speaker(w.base, w.finite, w.mentions) is None


# --- _lead_in_speaker -----------------------------------------------------------------

def test_lead_in_speaker_before_a_dash_or_colon() -> None:
    w = _window("Mitt Romney -- “It is a sad day for everyone.”", "before")
    assert _said(w, _lead_in_speaker(w.chunk, w.base, w.mentions)) == (
        "Mitt Romney", "Mitt Romney", "-")


@pytest.mark.parametrize("text", [
    "The weather was bad and windy: “It is a sad day for everyone.”",  # nobody leads in
    "Mitt Romney spoke on Monday. “It is a sad day for everyone.”",  # no lead-in at all
    "Mitt Romney spoke and then “it is a sad day for everyone” was all.",  # no colon or dash
])
def test_lead_in_speaker_needs_a_person_and_a_colon_or_dash(text: str) -> None:
    w = _window(text, "before")
    assert _lead_in_speaker(w.chunk, w.base, w.mentions) is None


# --- _signed --------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "signature"), [
    ("“Best show ever.” ― Sonya Herridge", "Sonya Herridge"),
    ("“Best show ever.” ― Carla Sanchez.", "Carla Sanchez"),  # the sentence's period is not hers
])
def test_signed_reads_the_signature_after_a_dash(text: str, signature: str) -> None:
    w = _window(text, "after")
    assert _said(w, _signed(text, w.end, w.mentions)) == (signature, signature, "―")


@pytest.mark.parametrize("text", [
    "“Best show ever,” Carla Sanchez said.",  # no dash: a cue, not a signature
    "“Best show ever.” ― We agree.",  # a pronoun is no signature
])
def test_signed_refuses_cues_and_pronouns(text: str) -> None:
    w = _window(text, "after")
    assert _signed(text, w.end, w.mentions) is None


def test_the_narrators_words_are_read_with_every_quotation_blanked() -> None:
    """Words inside another quotation near a quote are not the narrator's: "said" inside
    the second quote gives the first no cue, the narrator's "said" after it does."""
    text = 'Asked about it, "We will go on," she said, "and I said no to them."'
    quotations = Context(text).quotations
    first, second = quotations.spans[0], quotations.spans[1]
    around = quotations.blank(0, len(text))
    assert len(around) == len(text)
    assert around[first[0]:first[1]].strip() == "" and around[second[0]:second[1]].strip() == ""
    assert "she said" in around and "I said no" not in around
    assert quotations.inside(first[0] + 2) and not quotations.inside(first[1] + 1)
