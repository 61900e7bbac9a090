"""The WHO pass's named steps, one by one (issue 16).

`find_people` is a short policy over named steps (who.py), with the capitalised runs read
in names.py and the namesake split in who_merge.py.  Each step is called here directly on
inputs built as `find_people` builds them: a real `Context` for a short news-like sentence,
its runs cut by `_split_runs`, each word's kind from `_kind`, and the model's `Tags`.  Every
test pairs what the step's docstring promises with a case it must refuse, so a step that
broke (or stopped discriminating) fails here, not only somewhere in an end-to-end count.
"""

from __future__ import annotations

import pytest

from briefing.extract.context import Context
from briefing.extract.names import Run, Token, capitalised_tokens, credit_spans, runs
from briefing.extract.names import _run_end as run_end
from briefing.extract.who import (
    _body,
    _finish,
    _kind,
    _name_start,
    _no_name,
    _place_employers,
    _read_run,
    _Reading,
    _recent,
    _role_before,
    _split_runs,
    _typed_person,
    _unplaced_singles,
    find_people,
)
from briefing.extract.who_merge import (
    NameCandidate,
    Namesakes,
    _given_names,
    _split_by_first_name,
    merge,
    split_known,
    surname_index,
)
from briefing.model import Span


def _cut(text: str, words: str) -> tuple[Context, Run, list[Token], list[str]]:
    """The cut of a run that reads `words`, as `find_people` hands it to its steps."""
    ctx = Context(text)
    for run, toks in _split_runs(text, ctx, []):
        if text[toks[0].start:toks[-1].end] == words:
            return ctx, run, toks, [_kind(t) for t in toks]
    raise AssertionError(f"no cut reads {words!r} in {text!r}")


def _read(text: str) -> tuple[Context, _Reading]:
    """Every run of `text` through `_read_run`, as `find_people` does first."""
    ctx = Context(text)
    reading = _Reading(text, credit_spans(text))
    for run, toks in _split_runs(text, ctx, []):
        _read_run(reading, ctx.tags, run, toks)
    return ctx, reading


def _merged(text: str) -> tuple[Context, _Reading, list[NameCandidate], Namesakes]:
    """The state `find_people` hands to `_place_employers` (without the model's additions,
    which these texts do not need)."""
    ctx, reading = _read(text)
    found, leftovers = split_known(text, reading.found)
    reading.singles.extend((t, None) for t in leftovers)
    recent = _recent(ctx)
    people = merge(found, recent)
    return ctx, reading, people, surname_index(people, recent)


def _placed(text: str) -> tuple[Context, _Reading, list[NameCandidate],
                                 dict[str, list[Span]]]:
    """The state after employers found their people and lone words were kept aside."""
    ctx, reading, people, by_surname = _merged(text)
    _place_employers(reading, by_surname)
    return ctx, reading, people, _unplaced_singles(reading, people, by_surname)


def _words(text: str, spans: list[Span]) -> list[str]:
    return [text[s:e] for s, e in spans]


# --- _no_name -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "words"), [
    ("Verstappen won the Brazilian Grand Prix on Sunday.", "Brazilian Grand Prix"),  # event
    ("She wrote the novel Silent Rivers in a month.", "Silent Rivers"),  # a work's title
    ("Zorbin Flats (1965) opened to praise.", "Zorbin Flats"),  # a work dated by its year
    ("The minister arrived (Photo: Jane Doe, AP) late.", "Jane Doe"),  # a picture credit
    ("A crowd gathered. Melina Mara/The Washington Post", "Melina Mara"),  # a credit line
    ("Residents of Sterling Heights voted.", "Sterling Heights"),  # a place
])
def test_no_name_refuses_events_works_credits_and_places(text: str, words: str) -> None:
    _ctx, run, toks, kinds = _cut(text, words)
    assert _no_name(text, credit_spans(text), run, toks, kinds)


@pytest.mark.parametrize(("text", "words"), [
    ("Minister Anna Lindqvist said the talks would go on.", "Minister Anna Lindqvist"),
    ("Silent Rivers wrote to the council on Friday.", "Silent Rivers"),  # no work noun
    ("Jane Doe arrived late to the hearing.", "Jane Doe"),  # no credit around her
    ("Melina Mara spoke to The Washington Post.", "Melina Mara"),  # no slash after her
])
def test_no_name_lets_people_through(text: str, words: str) -> None:
    _ctx, run, toks, kinds = _cut(text, words)
    assert not _no_name(text, credit_spans(text), run, toks, kinds)


# --- _body ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "words"), [
    ("The Bank of England raised rates again.", "Bank of England"),
    ("A spokesman for the Department for Transport declined to comment.",
     "Department for Transport"),
    ("The Chicago Bulls beat the visitors.", "Chicago Bulls"),  # a place and a plural: a team
    ("Fans of the Boston Celtics celebrated.", "Boston Celtics"),
])
def test_body_reads_the_whole_run_as_one_body(text: str, words: str) -> None:
    _ctx, _run, toks, kinds = _cut(text, words)
    span = _body(text, toks, kinds)
    assert span is not None
    assert text[span[0]:span[1]] == words


@pytest.mark.parametrize(("text", "words"), [
    ("Governor Tom Reed spoke to reporters.", "Governor Tom Reed"),
    ("Anna Lindqvist arrived in the capital.", "Anna Lindqvist"),
    ("Paris Hilton arrived at the party.", "Paris Hilton"),  # a place, but no plural after it
])
def test_body_is_none_for_people(text: str, words: str) -> None:
    _ctx, _run, toks, kinds = _cut(text, words)
    assert _body(text, toks, kinds) is None


# --- _name_start ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "words", "name"), [
    ("Press Secretary Jen Psaki said the talks were useful.", "Press Secretary Jen Psaki",
     "Jen Psaki"),
    ("Russian President Vladimir Putin spoke by phone.", "Russian President Vladimir Putin",
     "Vladimir Putin"),  # "Vladimir" is a place too, but stays a name after a title
    ("Yesterday Yuri Ushakov spoke to reporters.", "Yuri Ushakov", "Yuri Ushakov"),
    ("Anna Maria Lindqvist scored twice.", "Anna Maria Lindqvist", "Anna Maria Lindqvist"),
])
def test_name_start_skips_titles_only(text: str, words: str, name: str) -> None:
    ctx, _run, toks, kinds = _cut(text, words)
    k = _name_start(ctx.text, ctx.tags, toks, kinds)
    assert text[toks[k].start:toks[-1].end] == name


def test_name_start_reads_a_glued_title_the_role_lists_lack() -> None:
    text = "Striker Tomas Varga scored twice."
    ctx, _run, toks, kinds = _cut(text, "Striker Tomas Varga")
    assert kinds[0] != "role"  # no role list has "Striker": the model's reading decides
    assert _name_start(ctx.text, ctx.tags, toks, kinds) == 1
    assert kinds[0] == "role"  # the step marks it so, for `_role_before`


class _TitleFirst:
    """A model reading of a run's first word as no name and of the rest as a person, as
    the shipped model reads "Striker" before "Tomas Varga" (here for any words)."""

    def dist(self, start: int, end: int) -> dict[str, float]:
        if start == 0:
            return {"O": 0.9, "PER": 0.05, "ORG": 0.03, "LOC": 0.02}
        return {"O": 0.05, "PER": 0.9, "ORG": 0.03, "LOC": 0.02}


@pytest.mark.parametrize(("text", "glued"), [
    ("Striker Tomas Varga scored twice.", True),
    # a headline's name and verb, the pair written again below it
    ("Hillary Kessler Goes After Tom Hale.\nHillary Kessler said on Tuesday it was over.",
     False),
])
def test_a_glued_title_is_never_a_pair_the_text_writes_again(text: str, glued: bool) -> None:
    ctx, _run, toks, kinds = _cut(text, " ".join(text.split()[:3]))
    assert (_name_start(ctx.text, _TitleFirst(), toks, kinds) == 1) is glued  # type: ignore[arg-type]


class _Model:
    """A model reading of every word alike."""

    def __init__(self, **dist: float) -> None:
        self._dist = {"O": 0.0, "PER": 0.0, "ORG": 0.0, "LOC": 0.0, **dist}

    def dist(self, start: int, end: int) -> dict[str, float]:
        return self._dist


_SURE_BODY = _Model(ORG=0.85, O=0.05, PER=0.05, LOC=0.05)
_NO_NAME = _Model(O=0.9, PER=0.04, ORG=0.03, LOC=0.03)


@pytest.mark.parametrize(("text", "name", "model", "person"), [
    # only a person has an age, whatever the model reads
    ("“Resign now,” declared 42-year-old Amy Rodkin at the rally.", "Amy Rodkin", _SURE_BODY,
     True),
    ("“Resign now,” declared the crowd outside Vantor Industries.", "Vantor Industries",
     _SURE_BODY, False),
    # a person's relative pronoun keeps a name the model reads as no name ("Flowers")
    ("Trump invited Gennie Flowers, who once had an affair with him, to the debate.",
     "Gennie Flowers", _NO_NAME, True),
    ("Residents of Elm Flowers, which flooded in May, were moved.", "Elm Flowers", _NO_NAME,
     False),
    # an appositive role ("Lind, a medical doctor,") likewise
    ("Lind, a medical doctor, then appeared on television.", "Lind", _NO_NAME, True),
    ("Lind, a small town, then appeared on the map.", "Lind", _NO_NAME, False),
])
def test_typed_person_evidence_the_model_cannot_overrule(text: str, name: str, model: _Model,
                                                         person: bool) -> None:
    start = text.index(name)
    candidate = NameCandidate(name.split(), name, mentions=[(start, start + len(name))])
    orgs: dict[str, list[Span]] = {}
    assert _typed_person(text, model, candidate, orgs) is person  # type: ignore[arg-type]


def test_name_start_reads_no_glued_title_inside_a_sentence() -> None:
    """There a title is written in lower case ("said striker Tomas Varga"): a capitalised
    first word is the name's own, however unsure the model is of it ("said Sayed ...")."""
    text = "Striker Tomas Varga scored twice."
    ctx, _run, toks, kinds = _cut(text, "Striker Tomas Varga")
    assert _name_start(ctx.text, ctx.tags, toks, kinds, opens=False) == 0
    assert kinds[0] != "role"


# --- _role_before ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "words", "role"), [
    ("Press Secretary Jen Psaki said the talks were useful.", "Press Secretary Jen Psaki",
     "Press Secretary"),
    ("The foreign affairs adviser Yuri Ushakov spoke.", "Yuri Ushakov",
     "foreign affairs adviser"),
    ("Putin's foreign affairs adviser Yuri Ushakov spoke.", "Yuri Ushakov",
     "foreign affairs adviser to Putin"),
    ("Governor Tom Reed spoke to reporters.", "Governor Tom Reed", "Governor"),
    ("Yesterday Yuri Ushakov spoke to reporters.", "Yuri Ushakov", ""),
    ("The office of Yuri Ushakov spoke.", "Yuri Ushakov", ""),
])
def test_role_before(text: str, words: str, role: str) -> None:
    ctx, _run, toks, kinds = _cut(text, words)
    k = _name_start(ctx.text, ctx.tags, toks, kinds)
    assert _role_before(text, toks, kinds, k) == role


def test_role_before_takes_the_glued_title_name_start_found() -> None:
    text = "Striker Tomas Varga scored twice."
    ctx, _run, toks, kinds = _cut(text, "Striker Tomas Varga")
    k = _name_start(ctx.text, ctx.tags, toks, kinds)
    assert _role_before(text, toks, kinds, k) == "Striker"


# --- _read_run ------------------------------------------------------------------------

def test_read_run_sorts_each_run_into_body_employer_lone_word_or_person() -> None:
    text = ("The Bank of England raised rates. Red Bull spokeswoman Ana Silva said the car "
            "was ready. Later Varga watched. The Brazilian Grand Prix starts soon.")
    _ctx, reading = _read(text)
    assert list(reading.orgs) == ["Bank of England"]
    assert [name for name, _ in reading.employers] == ["Red Bull"]
    assert [(p.tokens, p.roles, p.evidence) for p in reading.found] == [
        (["Ana", "Silva"], ["spokeswoman"], True)]
    assert [tok.text for tok, _ in reading.singles] == ["Varga"]  # kept aside, not a person
    everything = str((reading.orgs, reading.employers, reading.found, reading.singles))
    assert "Grand" not in everything and "Prix" not in everything


def test_read_run_keeps_an_office_of_a_place_from_being_a_person() -> None:
    _ctx, reading = _read("He wrote to the Governor of Texas on Friday.")
    assert reading.found == [] and reading.singles == []


# --- _place_employers -----------------------------------------------------------------

def test_place_employers_joins_surnames_and_keeps_bodies_but_not_places() -> None:
    text = ("Christian Horner runs the team. On Friday Horner officials said the car was "
            "ready. White House officials agreed. Later, UAE officials did not.")
    _ctx, reading, people, by_surname = _merged(text)
    assert [name for name, _ in reading.employers] == ["Horner", "White House", "UAE"]
    _place_employers(reading, by_surname)
    (horner,) = people
    assert _words(text, horner.mentions) == ["Christian Horner", "Horner"]
    assert list(reading.orgs) == ["White House"]  # "UAE" is a country, "Horner" a person


# --- _unplaced_singles ----------------------------------------------------------------

def test_unplaced_singles_keeps_only_the_unexplained_lone_names() -> None:
    text = ("Anna Lindqvist arrived. Lindqvist spoke briefly. Later Varga said he was tired. "
            "Shoppers want Korvex, and workers in Tamberly were told.")
    _ctx, _reading, people, unplaced = _placed(text)
    assert {w: _words(text, s) for w, s in unplaced.items()} == {"Korvex": ["Korvex"]}
    # a surname joins its person; a lone word beside a speech verb becomes one
    named = {" ".join(p.tokens): (_words(text, p.mentions), p.evidence) for p in people}
    assert named == {"Anna Lindqvist": (["Anna Lindqvist", "Lindqvist"], True),
                     "Varga": (["Varga"], True)}
    # "Shoppers" opens its sentence and "Tamberly" follows "in": neither is kept aside


# --- _finish --------------------------------------------------------------------------

def test_finish_keeps_supported_people_with_pronouns_the_unnamed_and_bodies() -> None:
    text = ("Press Secretary Jen Psaki spoke. She said the talks were useful. Red Bull "
            "spokeswoman Ana Silva agreed. A senior official said more was coming.")
    ctx, reading, people, unplaced = _placed(text)
    quell = text.index("coming")  # a candidate nothing supports: dropped
    people.append(NameCandidate(["Quell"], "Quell", mentions=[(quell, quell + 6)]))
    named, organizations = _finish(ctx, reading, people, unplaced, None)
    by_name = {p.name: p for p in named}
    assert set(by_name) == {"Jen Psaki", "Ana Silva", "senior official"}
    assert by_name["senior official"].anonymous
    assert _words(text, list(by_name["Jen Psaki"].pronouns)) == ["She"]
    assert by_name["Jen Psaki"].roles == ("Press Secretary",)
    assert named[0].name == "Jen Psaki"  # most relevant first: a role and a pronoun
    assert [o.name for o in organizations] == ["Red Bull"]


def test_finish_makes_a_recurring_lone_word_a_body() -> None:
    text = "Shoppers want Toblerone. Stores stock Toblerone. Fans love Toblerone."
    ctx, reading, people, by_surname = _merged(text)
    unplaced = _unplaced_singles(reading, people, by_surname)
    assert len(unplaced["Toblerone"]) == 3
    named, organizations = _finish(ctx, reading, people, unplaced, None)
    assert named == []
    assert [(o.name, len(o.mentions)) for o in organizations] == [("Toblerone", 3)]

    once = "Shoppers want Toblerone. Stores stock it."
    ctx, reading, people, by_surname = _merged(once)
    _named, organizations = _finish(ctx, reading, people,
                                    _unplaced_singles(reading, people, by_surname), None)
    assert organizations == []  # named once: no evidence of a brand


# --- runs and _run_end (names.py) -----------------------------------------------------

def test_runs_join_connectors_and_stop_at_possessives_and_sentences() -> None:
    text = ("Secretary of State Antony Blinken called the Department for Transport, "
            "Friends for Peace and Awards for Peace. Putin's adviser visited Paris. London "
            "was next.")
    ctx = Context(text)
    read = {text[r.start:r.end]: r for r in runs(text, ctx.seg)}
    assert "Secretary of State Antony Blinken" in read
    assert "Department for Transport" in read  # "for" after an institution
    assert "Friends for Peace" in read  # and after the people a group speaks for
    assert "Awards" in read and "Peace" in read  # and nowhere else
    assert read["Putin"].tokens[-1].possessive and read["Putin"].sentence_initial
    assert not read["Paris"].sentence_initial and read["London"].sentence_initial


def test_runs_mark_title_case_headlines() -> None:
    text = "Voters Worried Over Rising Prices\n\nThe mood soured, said Anna Lindqvist."
    ctx = Context(text)
    read = {text[r.start:r.end]: r for r in runs(text, ctx.seg)}
    assert read["Voters Worried Over Rising Prices"].headline
    assert not read["Anna Lindqvist"].headline


def test_run_end_stops_at_the_sentence_end_and_before_a_lowercase_word() -> None:
    text = "Anna Lindqvist met Tom Reed. Korvex Holdings"
    caps = capitalised_tokens(text)
    first_end = text.index(".") + 1
    j = run_end(text, caps, 0, first_end, set(), set())
    assert caps[j].text == "Lindqvist"  # "met" ends it
    j = run_end(text, caps, 2, first_end, set(), set())
    assert caps[j].text == "Reed"  # not over the period into "Korvex"
    assert caps[run_end(text, caps, 4, len(text), set(), set())].text == "Holdings"


def test_run_end_goes_over_a_nickname_in_marks() -> None:
    text = "Boxer Marta “Cia” Olsen won. Ann “said” nothing"
    caps = capitalised_tokens(text)
    nicknames: set[int] = set()
    assert caps[run_end(text, caps, 1, text.index(".") + 1, set(), nicknames)].text == "Olsen"
    assert nicknames == {text.index("Cia")}


# --- _given_names and _split_by_first_name (who_merge.py) ------------------------------

def _smiths() -> tuple[str, list[NameCandidate]]:
    text = ("Jim Smith arrived. Anna Smith left. Later, Senator Smith said goodbye. "
            "Jimmy Smith waved.")
    _ctx, reading = _read(text)
    return text, [p for p in reading.found if p.surname == "smith"]


def test_given_names_counts_short_forms_once() -> None:
    _text, group = _smiths()
    assert _given_names(group) == ["jim", "anna"]  # "Jimmy" is Jim; "Senator Smith" has none
    assert _given_names([p for p in group if p.tokens[0] == "Anna" or len(p.tokens) == 1]) \
        == ["anna"]


def test_split_by_first_name_gives_a_bare_surname_to_the_namesake_named_just_before(
        ) -> None:
    text, group = _smiths()
    buckets = _split_by_first_name(group, _recent(Context(text)))
    assert [[text[s:e] for p in b for s, e in p.mentions] for b in buckets] == [
        ["Jim Smith", "Jimmy Smith"], ["Anna Smith", "Smith"]]
    one = [p for p in group if p.tokens[0] in ("Jim", "Jimmy") or len(p.tokens) == 1]
    assert _split_by_first_name(one, None) == [one]  # one given name: one person


def test_a_bare_surname_far_from_either_namesake_means_the_one_the_story_follows() -> None:
    """A husband named once in a caption does not take every "Smith" after it."""
    text = ("Anna Smith conceded the race on Tuesday. Anna Smith thanked her staff. Anna Smith "
            "spoke for ten minutes. Her husband, Jim Smith, stood beside her on the stage. "
            "The crowd cheered for a long time. Volunteers wept in the hall. Later, Smith "
            "told donors that the letter had cost her the race.")
    people = {p.name: p for p in find_people(Context(text))[0]}
    later = text.rindex("Smith")
    assert (later, later + 5) in people["Anna Smith"].mentions
    assert (later, later + 5) not in people["Jim Smith"].mentions


def test_a_span_overlapping_any_taken_span_is_found_as_a_scan_would() -> None:
    """The binary-search overlap test answers as testing every taken span does, for spans
    before, after, inside, around and touching the ones already given to a name."""
    from briefing.extract.who import _Taken

    taken = [(10, 20), (0, 3), (40, 45), (12, 14), (30, 31)]
    held = _Taken(taken)
    for a in range(0, 50):
        for b in range(a + 1, 52):
            scan = any(s < b and a < e for s, e in taken)
            assert held.overlaps((a, b)) == scan, (a, b)
    assert not _Taken([]).overlaps((0, 5))
