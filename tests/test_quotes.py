"""QUOTES: marks, partial and multi-paragraph quotes, and speaker attribution."""

from __future__ import annotations

from briefing.extract import analyze


def _quotes(text: str) -> list:
    return list(analyze(text).quotes)


def test_seed_seven_quotes_with_speakers(seed_text: str) -> None:
    quotes = _quotes(seed_text)
    assert len(quotes) == 7
    speakers = [q.speaker for q in quotes]
    official = "senior Biden Administration official"
    assert speakers == [official, "Jen Psaki", "Jen Psaki", "Yuri Ushakov", "Yuri Ushakov",
                        official, official]
    assert "urged Russia to de-escalate tensions with Ukraine" in quotes[1].text
    for q in quotes:
        assert seed_text[q.start:q.end] == q.text
        assert q.speaker_start is not None and q.speaker_end is not None


def test_straight_marks_and_said_x() -> None:
    text = 'Anna Berg runs the port. "The cranes are idle until Monday," said Berg.'
    (quote,) = _quotes(text)
    assert quote.speaker == "Anna Berg" and quote.cue == "said"
    assert text[quote.speaker_start:quote.speaker_end] == "Berg"


def test_told_reporters_and_colon_introduction() -> None:
    text = ("Tom Reyes told reporters: “We expect the storm by nightfall.” "
            "Later Dana White spoke. “Nobody should travel tonight,” White told reporters.")
    first, second = _quotes(text)
    assert (first.speaker, second.speaker) == ("Tom Reyes", "Dana White")
    assert second.cue == "told"


def test_pronoun_speaker_is_the_canonical_name() -> None:
    text = "Jen Psaki spoke at noon. “The call was constructive,” she said."
    (quote,) = _quotes(text)
    assert quote.speaker == "Jen Psaki"
    assert text[quote.speaker_start:quote.speaker_end] == "she"


def test_multi_paragraph_quote_continues() -> None:
    text = ("Mayor Lena Ortiz spoke on Friday.\n\n“The river has crested and the levees held.\n\n"
            "“We will reopen the bridge when engineers say so,” Ortiz said.\n\nNothing else.")
    (quote,) = _quotes(text)
    assert quote.text.startswith("“The river") and quote.text.endswith("say so,”")
    assert quote.speaker == "Lena Ortiz"


def test_according_to_and_partial_quote() -> None:
    text = "According to Lena Ortiz, the council “will not raise taxes this year” after all."
    (quote,) = _quotes(text)
    assert quote.speaker == "Lena Ortiz" and quote.cue == "according to"
    assert "will not raise taxes this year" in quote.text


def test_scare_quotes_are_not_speech() -> None:
    assert _quotes("The so-called “reset” failed, and the “Morning Show” ended.") == []
