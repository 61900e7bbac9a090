"""OPEN QUESTIONS: what the officer must keep watching, short and precise."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing import analyze
from briefing.extract.anchor import make_context
from briefing.extract.questions import find_questions
from briefing.extract.questions_cues import CUES, IF_CLAUSE, IF_TRIGGERS, Cue, fold
from briefing.model import OpenQuestion
from tests.conftest import SEED_ARTICLE


def questions(text: str) -> list[OpenQuestion]:
    return find_questions(make_context(text, None))


def only(text: str) -> OpenQuestion:
    found = questions(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("sentence", "cue"), [
    ("It remains unclear whether the ceasefire will hold.", "remains unclear"),
    ("It is not known how many ships were inside the harbour.", "It is not known"),
    ("The ministry did not say when the border would reopen.", "did not say"),
    ("A spokeswoman for the company declined to comment on the talks.", "declined to comment"),
    ("Officials didn't say what caused the outage at the plant.", "didn't say"),
    ("The number of casualties has not been disclosed by the army.", "has not been disclosed"),
])
def test_unknowns(sentence: str, cue: str) -> None:
    found = only(sentence)
    assert found.kind == "unknown"
    assert cue.lower() in found.cue.lower()


@pytest.mark.parametrize("sentence", [
    "Further talks on those demands are set for next month.",
    "The parliament will vote on the bill on Tuesday morning.",
    "The central bank is expected to raise rates again in March.",
    "A final report is due by the end of the year.",
    "Hearings are scheduled for Wednesday at the federal court.",
])
def test_pending_events(sentence: str) -> None:
    assert only(sentence).kind == "pending"


@pytest.mark.parametrize(("sentence", "cue"), [
    ("The United States could impose new sanctions if Moscow moves more troops.", "if"),
    ("We will respond, should a further invasion proceed in the coming weeks.", "should a"),
    ("The union threatened to extend the strike to every port in the region.", "threatened to"),
    ("The dam will be opened unless the rain stops by the evening.", "unless"),
])
def test_conditionals_and_threats(sentence: str, cue: str) -> None:
    found = only(sentence)
    assert found.kind == "conditional"
    assert found.cue.lower() == cue


@pytest.mark.parametrize("sentence", [
    "A report saying the army would withdraw came out over the weekend.",
    "The convoy was reportedly hit by artillery near the river.",
    "The figure could not be independently verified by reporters.",
])
def test_unconfirmed_reports(sentence: str) -> None:
    assert only(sentence).kind == "unconfirmed"


@pytest.mark.parametrize("sentence", [
    "The ministry denied that any troops had crossed the border.",
    "The governor said, without evidence, that the fire was set deliberately.",
    "The company rejected the allegations as politically motivated.",
])
def test_disputed_claims(sentence: str) -> None:
    assert only(sentence).kind == "disputed"


@pytest.mark.parametrize("sentence", [
    "Russia should withdraw its forces from the border, the minister said.",
    "Experts expected the two leaders to discuss a range of topics.",
    "Reporters asked if the talks had ended early on Monday.",
    "The call began at 3:35 p.m. and lasted for about 50 minutes.",
    "Putin said new sanctions could lead to a complete rupture of ties.",
    "Internal disputes spilled into public view at the agency.",
    "The start was delayed by 10 minutes due to the heavy rain.",
    "Wall Street was poised to end its longest losing streak in months.",
    "Tags:",
])
def test_settled_statements_are_not_listed(sentence: str) -> None:
    assert questions(sentence) == []


def test_a_sentence_is_listed_once_under_its_strongest_kind() -> None:
    text = ("It remains unclear whether talks set for next month will go ahead if the "
            "report is confirmed. The ministry denied an estimated 5,000 troops had moved.")
    found = questions(text)
    assert [q.kind for q in found] == ["unknown", "disputed"]
    assert len({(q.start, q.end) for q in found}) == len(found)


def test_offsets_index_the_untouched_text() -> None:
    text = "Skip\n\nThe mayor\u00a0declined to say when schools would reopen. Rain fell."
    found = only(text)
    assert text[found.start:found.end] == found.text
    assert found.cue == "declined to say"


def test_seed_article_open_questions() -> None:
    raw = SEED_ARTICLE.read_text(encoding="utf-8").split("---", 2)[2]
    found = questions(raw)
    texts = [q.text for q in found]
    kinds = {q.text[:40]: q.kind for q in found}
    assert any(t.startswith("It remains unclear what, if anything,") for t in texts)
    assert "Further talks on those demands are set for next month." in texts
    assert any("report saying Russia would be pulling back" in t for t in texts)
    assert any("in the coming weeks" in t for t in texts)
    assert kinds["Further talks on those demands are set f"] == "pending"
    assert [q.kind for q in found if "in the coming weeks" in q.text] == ["conditional"]
    assert [q.kind for q in found if "report saying" in q.text] == ["unconfirmed"]
    # short enough to read: the seed has 23 sentences, most of them settled facts
    assert len(found) <= 9
    assert not any("Experts expected" in t or t.startswith("Tags") for t in texts)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400))
def test_never_raises_and_offsets_hold(text: str) -> None:
    for q in questions(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text


@pytest.mark.parametrize("cue", [c for cues in CUES.values() for c in cues]
                         + [Cue(IF_TRIGGERS, IF_CLAUSE)],
                         ids=lambda c: c.pattern.pattern[:30])
def test_every_match_of_a_cue_holds_one_of_its_trigger_words(cue: Cue) -> None:
    """The trigger prefilter may skip a regex only where the regex could not match."""

    @settings(max_examples=40, deadline=None)
    @given(st.from_regex(cue.pattern))
    def check(text: str) -> None:
        match = cue.pattern.search(text)
        assert match is not None
        low = fold(match.group(0))
        assert any(word in low for word in cue.triggers), match.group(0)

    check()



@pytest.mark.parametrize(("sentence", "kind"), [
    # the common forms of "still unknown"
    ("It is too early to confirm numbers, the fire chief said.", "unknown"),
    ("The gunman remains at large after the shooting at the mall.", "unknown"),
    ("Two crew members are still missing after the ferry capsized.", "unknown"),
    ("Votes in the western districts were still being counted late on Sunday.", "unknown"),
    ("The minister has not commented publicly on the resignation.", "unknown"),
    ("The regulator isn't saying whether the bank broke any rules.", "unknown"),
    ("At least 12 people were killed when the bridge collapsed.", "unknown"),
    ("The company has not yet confirmed whether the plant will close.", "unknown"),
    ("Who fired the first shot remains under investigation.", "unknown"),
    # disputed, unconfirmed, pending in their common forms
    ("The ministry denied the allegations on Tuesday.", "disputed"),
    ("Her lawyer said the charges were lies from start to finish.", "disputed"),
    ("The senator offered no proof that the ballots had been altered.", "unconfirmed"),
    ("The files were understood to date back a decade.", "unconfirmed"),
    ("The Justice Department is investigating the shooting.", "pending"),
    ("An investigation is under way into the cause of the fire.", "pending"),
    ("The death toll from the blast rose to at least nine on Friday.", "unknown"),
    ("Footage shows the driver braking, contradicting the company's earlier account.",
     "disputed"),
    ("The opposition questioned the accuracy of the official count.", "disputed"),
])
def test_open_question_forms(sentence: str, kind: str) -> None:
    assert only(sentence).kind == kind


@pytest.mark.parametrize("text", [
    # routine page furniture, not a gap in the story
    "The governor's office did not immediately respond to requests for comment.",
    "The firm could not be reached for comment on Friday.",
    # counterfactuals and a speaker's courtesy are no open conditions
    "If newspaper endorsements equaled victory, the mayor would be re-elected easily.",
    "If people didn't make mistakes, the game would be far too easy.",
    "WALLACE: If I may, sir, we have limited time.",
    # a speaker's own hedge inside a quotation
    "“We apparently scare people when we wave our arms,” the coach said.",
    "HOST: Well, the senator apparently thinks this is a game show.",
    # "deny" meaning "prevent", an estimate, a prediction
    "The blockade was meant to deny the rebels access to the port.",
    "An estimated 126 million voters cast ballots in the last election.",
    "The new approach is likely to reassure nervous investors.",
    # a schedule stated as a fact, an idiom, page furniture
    "The campaign says the candidate will announce plans Friday for a new jobs programme.",
    "He does not answer to anyone in the party.",
    "Image copyright Reuters Image caption Officials denied the reports on Monday",
    "Pia Laurent/The Daily Courier It is not clear whether the talks will resume.",
    "At least 40 percent of voters backed the plan in the first round.",
])
def test_open_question_traps(text: str) -> None:
    assert questions(text) == []


@pytest.mark.parametrize(("sentence", "kind"), [
    # a count that may still grow, however long the noun phrase before the figure
    ("Officials said the number of dead could rise as rescuers reach the valley.", "unknown"),
    ("The death toll from Tuesday's landslide in the hill villages north of the provincial "
     "capital rose to at least 31 on Thursday.", "unknown"),
    ("Whether the truce will hold remains to be seen.", "unknown"),
    # a denial in quotation marks, another outlet's story relayed
    ("Her spokesman said the allegations were “lies from a bitter rival.”", "disputed"),
    ("The Daily Herald reports that the mayor's office ignored two earlier warnings.",
     "unconfirmed"),
    ("The Riverside Chronicle reported Friday that the plant had failed two inspections.",
     "unconfirmed"),
    # a result still to come: a decision, not a schedule
    ("The fate of the peace deal still hangs in the balance.", "pending"),
    ("A vote on the motion is set for Thursday.", "pending"),
    ("The company expects a ruling from the appeals court by March.", "pending"),
    # a condition on the story's events: a named actor in a quotation, a firm outcome
    ("“We will respond decisively if Russia invades,” the minister said.", "conditional"),
    ("The union will extend the strike to every port if the talks fail.", "conditional"),
])
def test_open_questions_of_news_classes(sentence: str, kind: str) -> None:
    assert only(sentence).kind == kind


@pytest.mark.parametrize("text", [
    # schedules stated as facts, and a stance rather than an expected decision
    "The two candidates are set for a tour of the northern states on Monday.",
    "She said she expects the campaign to keep pressing its case in the swing states.",
    "The title wasn't hanging in the balance after the first race.",
    # a commentator's prediction: the outcome hedged, or an argument reported
    "Her gains in the polls may prove short-lived if the economy slows this winter.",
    "If the governor wins, she likely will face a long recount fight.",
    "Analysts are arguing that if rates stay high, the housing market will stall.",
    # a past or unreal condition, in either order
    "The forecast said floods could follow if the rain was to continue.",
    "Critics panned his pledge that he would quit politics if he lost.",
    # a speaker's general point in a quotation: the condition's subject a pronoun or a plural
    "“We will win if they give us a fair chance,” the coach said.",
    "“The only way this ends will be if lawyers face prison,” she said.",
    # a speaker's own hedge in a first-person sentence with no quotation marks
    "I like to talk with my hands, but apparently that unsettles people.",
])
def test_news_traps_are_not_open_questions(text: str) -> None:
    assert questions(text) == []


def test_a_condition_on_a_date_still_to_come_is_open_without_a_modal() -> None:
    text = "If the challenger finishes second in the final race on 27 November, he takes the title."
    found = analyze(text, published="2026-11-14").questions
    assert [(q.kind, q.cue) for q in found] == [("conditional", "If")]
    # the same condition once the date has passed is history, not a question
    assert analyze(text, published="2026-12-01").questions == ()


def test_an_embedded_post_run_into_a_sentence_is_cut_off() -> None:
    text = ("Worst news all week -- Jane Roe (@janeroe) November 8, 2016 The firm denies the "
            "change is linked to the strike, a spokeswoman said.")
    found = only(text)
    assert found.kind == "disputed"
    assert found.text.startswith("The firm denies")
    assert text[found.start:found.end] == found.text
