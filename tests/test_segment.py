"""Segmentation keeps abbreviations inside sentences."""

from __future__ import annotations

import pytest

from briefing.core.segment import Segmentation, segment


def test_abbreviations_do_not_split() -> None:
    text = "The call began at 3:35 p.m. EST and Gen. Smith of the U.S. Army joined. It ended."
    seg = Segmentation(text)
    assert [text[s:e] for s, e in seg.sentences] == [
        "The call began at 3:35 p.m. EST and Gen. Smith of the U.S. Army joined.", "It ended."]


@pytest.mark.parametrize(("text", "expected"), [
    ("John F. Kennedy spoke on Jan. 5 in Washington, D.C. The crowd cheered.",
     ["John F. Kennedy spoke on Jan. 5 in Washington, D.C.", "The crowd cheered."]),
    ("Shares of Acme Inc. rose. Acme Inc. Chief Executive Jane Roe spoke.",
     ["Shares of Acme Inc. rose.", "Acme Inc. Chief Executive Jane Roe spoke."]),
    ("Talks end at 5 p.m. Eastern on Friday.", ["Talks end at 5 p.m. Eastern on Friday."]),
    ("Troops moved at 5 p.m. The convoy left.", ["Troops moved at 5 p.m.", "The convoy left."]),
    # run-together initials and a delegate's title go on into the name
    ("Rep. J.R. Hale and state Del. Marta Olsen spoke.",
     ["Rep. J.R. Hale and state Del. Marta Olsen spoke."]),
    ("She moved to Dover, Del. The house was small.",
     ["She moved to Dover, Del.", "The house was small."]),
])
def test_abbreviations_end_a_sentence_only_before_a_usual_opener(
        text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in segment(text).sentences] == expected


def test_offsets_point_into_the_untouched_text_across_paragraphs() -> None:
    text = "  First one. Second one.\n\n\tThird, after a blank line.  \n"
    seg = segment(text)
    assert [text[a:b] for a, b in seg.paragraphs] == [
        "First one. Second one.", "Third, after a blank line."]
    assert [text[a:b] for a, b in seg.sentences] == [
        "First one.", "Second one.", "Third, after a blank line."]
    assert seg.sentence_at(text.index("after")) == seg.sentences[2]


@pytest.mark.parametrize(("text", "expected"), [
    ("“Who gave the order?” Graham asked. He left.",
     ["“Who gave the order?” Graham asked.", "He left."]),
    ("“Why now?” asked Senator Lindsey Graham. He left.",
     ["“Why now?” asked Senator Lindsey Graham.", "He left."]),
    ("“Is it over?” The Senate voted.", ["“Is it over?”", "The Senate voted."]),
    ("“Why?” Officials said nothing more.", ["“Why?”", "Officials said nothing more."]),
])
def test_a_speech_tag_after_a_quoted_question_stays_in_its_sentence(
        text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in segment(text).sentences] == expected
