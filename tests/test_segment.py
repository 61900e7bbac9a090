"""Segmentation keeps abbreviations inside sentences."""

from __future__ import annotations

from briefing.extract.segment import Segmentation


def test_abbreviations_do_not_split() -> None:
    text = "The call began at 3:35 p.m. EST and Gen. Smith of the U.S. Army joined. It ended."
    seg = Segmentation(text)
    assert [text[s:e] for s, e in seg.sentences] == [
        "The call began at 3:35 p.m. EST and Gen. Smith of the U.S. Army joined.", "It ended."]
