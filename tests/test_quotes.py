"""QUOTES: marks, partial and multi-paragraph quotes, and speaker attribution."""

from __future__ import annotations

import pytest

from briefing.extract import analyze


def _quotes(text: str) -> list:
    return list(analyze(text).quotes)


def test_seed_seven_quotations_with_speakers(seed_text: str) -> None:
    """All seven quoted passages, each under its right speaker.  A quotation interrupted by
    its cue, or two fragments one cue introduces, is one attribution (one Quote), so the
    seven passages arrive as five Quotes; the marks inside `text` still show each one."""
    quotes = _quotes(seed_text)
    official = "senior Biden Administration official"
    passages = [
        ("We are prepared to provide Ukraine with further assistance", official),
        ("urged Russia to de-escalate tensions with Ukraine", "Jen Psaki"),
        ("made clear that the United States and its allies", "Jen Psaki"),
        ("would be a colossal mistake", "Yuri Ushakov"),
        ("A lot of mistakes have been made over the past 30 years", "Yuri Ushakov"),
        ("Russia has put its concerns on the table", official),
        ("The United States and our allies and partners will put our concerns", official),
    ]
    for words, speaker in passages:
        holding = [q for q in quotes if words in q.text]
        assert len(holding) == 1, words
        assert holding[0].speaker == speaker, words
        assert f"“{words}" in holding[0].text or f" {words}" in holding[0].text
    assert [q.speaker for q in quotes] == [official, "Jen Psaki", "Yuri Ushakov",
                                          "Yuri Ushakov", official]
    assert quotes[1].text.startswith("Biden “urged")
    for q in quotes:
        assert seed_text[q.start:q.end] == q.text
        assert q.speaker_start is not None and q.speaker_end is not None
    # Each passage stays addressable on its own: seven pairs of marks, in reading order.
    parts = [(seed_text[s:e], q.speaker) for q in quotes for s, e in q.parts]
    assert len(parts) == 7
    for (passage, speaker), (words, want) in zip(parts, passages, strict=True):
        assert passage.startswith("“") and words in passage and speaker == want


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


def test_interrupted_quote_is_one_attribution() -> None:
    text = ("Mayor Lena Ortiz spoke on Friday. “The river has crested,” Ortiz said. "
            "“We will reopen the bridge on Monday.”\n\nTraffic resumed.")
    (quote,) = _quotes(text)
    assert quote.text == ("“The river has crested,” Ortiz said. "
                          "“We will reopen the bridge on Monday.”")
    assert quote.speaker == "Lena Ortiz"


def test_doubled_apostrophes_are_quotation_marks() -> None:
    text = ("Helen Marsh studies taxes. ''There's a lot of new complexity in the plan,'' "
            "said Ms. Marsh.\n\nThe plan isn't final.")
    (quote,) = _quotes(text)
    assert quote.text == "''There's a lot of new complexity in the plan,''"
    assert quote.speaker == "Helen Marsh"


def test_mixed_mark_shapes_pair() -> None:
    text = 'Chief Ray Kell said there was “no evidence of a second device" at the site.'
    (quote,) = _quotes(text)
    (start, end), = quote.parts
    assert text[start:end] == '“no evidence of a second device"'
    assert quote.speaker == "Ray Kell"


def test_long_appositive_between_quote_and_verb() -> None:
    text = ("“It has the important virtue of being fiscally responsible,” Leonard Burman, "
            "director of a tax research centre in the capital, said of the plan.")
    (quote,) = _quotes(text)
    assert quote.speaker is not None and quote.speaker.endswith("Burman")


def test_quote_signed_with_a_dash() -> None:
    text = ("Readers wrote in after the debate.\n\n"
            "“I am truly afraid of what comes next for the country.” ― Edwin Monroy\n\n"
            "“Maybe we can still fix this before the vote.” ― Steve Quinlan")
    quotes = _quotes(text)
    assert [q.speaker for q in quotes] == ["Edwin Monroy", "Steve Quinlan"]


def test_person_spoken_to_is_not_the_speaker() -> None:
    text = ("Senator Tom Hale attacked the plan. He later sat down with the host Bill Mara, "
            "telling him that “this budget will not pass the Senate this year.”")
    (quote,) = _quotes(text)
    assert quote.speaker == "Tom Hale"


def test_pronoun_goes_to_the_person_the_story_follows() -> None:
    text = ("Senator Tom Hale criticised the budget on Monday. He spoke after a meeting with "
            "the trade envoy Mark Dunn. “This plan will fail,” he said.")
    (quote,) = _quotes(text)
    assert quote.speaker == "Tom Hale"
    assert text[quote.speaker_start:quote.speaker_end] == "he"


def test_pronoun_goes_to_the_subject_not_the_person_talked_about() -> None:
    text = ("Rick Matthews praised the debate. Matthews said Dan Pence's answers were sharp. "
            "“I thought the night went well for the ticket,” he said.")
    (quote,) = _quotes(text)
    assert quote.speaker == "Rick Matthews"


def test_pronoun_skips_a_name_after_a_preposition() -> None:
    text = ("Omar Haddad runs the port. In an interview with the broadcaster Rusty Vance, "
            "Haddad said the cranes were idle. “We lose money every hour,” he told the host.")
    (quote,) = _quotes(text)
    assert quote.speaker == "Omar Haddad"


def test_gender_from_a_role_noun_picks_the_right_person() -> None:
    text = ("Campaign spokeswoman Nora Vance answered questions after Tom Baker left the "
            "room. “We have nothing further to add,” she said.")
    (quote,) = _quotes(text)
    assert quote.speaker == "Nora Vance"


def test_an_object_pronoun_after_a_name_is_not_its_gender() -> None:
    """ "Olsen scolded him" says nothing about Olsen; reading it as "male" sent "she said"
    to whichever woman came before."""
    text = ("Judge Maria Lopez heard the case. Senator Karen Olsen scolded him: “You sold "
            "false hope to the public,” she said.")
    (quote,) = _quotes(text)
    assert quote.speaker == "Karen Olsen"


def test_question_quote_followed_by_its_cue() -> None:
    text = ("Lindsey Graham spoke to the club.\n\n“Does anybody know what the platform is?” "
            "Graham asked. “Neither do I.”")
    (quote,) = _quotes(text)
    assert quote.speaker == "Lindsey Graham" and quote.cue == "asked"


def test_appositive_head_speaks_not_the_organisation_inside_it() -> None:
    text = ("“The rules cannot stand,” Marc Morial, the chief executive of the National Urban "
            "League, told reporters on Monday.")
    (quote,) = _quotes(text)
    assert quote.speaker == "Marc Morial"


def test_a_document_can_be_the_source() -> None:
    text = ("The court ruled on Friday.\n\n“A state cannot remove voters for failing to vote,” "
            "said the ruling.")
    (quote,) = _quotes(text)
    assert quote.speaker == "the ruling"


def test_name_after_a_verb_mid_sentence_is_not_the_speaker() -> None:
    text = ("The Indiana governor said Democrats and the media are to blame for focusing on "
            "“he said this, he tweeted that.”")
    (quote,) = _quotes(text)
    assert quote.speaker != "Democrats"


def test_colon_after_a_thing_said_goes_to_the_subject() -> None:
    text = ("On July 6, Bernie Sanders made the following comment:\n\n“For young people who "
            "left school, the unemployment rate is 33 percent.”")
    (quote,) = _quotes(text)
    assert quote.speaker == "Bernie Sanders"


def test_parts_either_side_of_a_long_appositive_are_one_attribution() -> None:
    text = ("“This isn't reform,” said Douglas Holt, an economist who served as director "
            "of the Congressional Budget Office and is now president of the American Action "
            "Forum, a conservative, pro-growth advocacy group. “It's anti-reform. She's "
            "layering on more complexity.”\n\n"
            "“We disagree,” a spokesman for the campaign said later that evening. "
            "“The plan stands.”")
    first, second = _quotes(text)
    assert first.speaker == "Douglas Holt" and len(first.parts) == 2
    assert first.text.endswith("more complexity.”")
    assert len(second.parts) == 2


def test_a_closing_mark_opening_a_paragraph_opens_a_quotation() -> None:
    text = ("The senator spoke for an hour.\n\n"
            "” … what I learned from listening to these families is that words matter,” "
            "Anna Berg wrote.")
    (quote,) = _quotes(text)
    assert quote.text.startswith("” … what I learned") and quote.speaker == "Anna Berg"


def test_a_pronoun_with_no_one_to_stand_for_keeps_the_cue() -> None:
    (quote,) = _quotes("“It is over,” he said.")
    assert (quote.speaker, quote.cue) == (None, "said")


@pytest.mark.parametrize(("text", "quoted", "speaker"), [
    # British, Irish and Australian house style: single marks, curly or straight
    ("‘We will not back down,’ the union leader said.", "‘We will not back down,’",
     "the union leader"),
    ("'We will not back down,' the union leader said on Monday.",
     "'We will not back down,'", "the union leader"),
    # double marks nested inside single ones, and the other way round
    ("The minister said: ‘There is no “quick fix” for this, and we know it.’",
     "‘There is no “quick fix” for this, and we know it.’", "The minister"),
    ("“She told me ‘never again’ and walked out,” the manager said.",
     "“She told me ‘never again’ and walked out,”", "the manager"),
    # a plural possessive inside a single-quoted quotation does not close it
    ("‘The players' union will strike on Friday,’ the captain said.",
     "‘The players' union will strike on Friday,’", "the captain"),
    # a quotation running over paragraphs: the opening mark repeated, no closing mark between
    ("‘It was a long night for all of us.\n\n‘We are tired but we will keep going,’ the "
     "firefighter said.",
     "‘It was a long night for all of us.\n\n‘We are tired but we will keep going,’",
     "the firefighter"),
    # double curly marks nested inside straight ones: the outer quotation is the speaker's
    ("Hale continued:\n\n\"Let me read you the question: “Do you think the levee will "
     "hold?” Forty-three said yes; forty-four said no.\"",
     "\"Let me read you the question: “Do you think the levee will hold?” Forty-three said "
     "yes; forty-four said no.\"", "Hale"),
    # guillemets
    ("«Nous resterons ici jusqu'au bout», a déclaré le maire.",
     "«Nous resterons ici jusqu'au bout»", None),
])
def test_every_house_style_of_quotation_marks(text: str, quoted: str,
                                              speaker: str | None) -> None:
    found = analyze(text, published="2016-11-09").quotes
    assert [q.text for q in found] == [quoted]
    if speaker is not None:
        assert found[0].speaker == speaker


@pytest.mark.parametrize("text", [
    "Music from the '90s and rock 'n' roll filled the hall, officials said.",
    "Assad’s forces said they don’t expect the convoy before the ’90s-era bridge reopens.",
    "The players' union and the owners' group met on Friday, the league said.",
    "Fans of rock ’n’ roll queued at the O’Connell Street store.",
])
def test_apostrophes_are_never_quotation_marks(text: str) -> None:
    assert analyze(text, published="2016-11-09").quotes == ()


@pytest.mark.parametrize(("text", "claim", "speaker"), [
    # a partial quotation in reported speech runs to the end of the claim it is part of
    ('The minister said the plan was "a serious error" that would cost the port its licence.',
     'the plan was "a serious error" that would cost the port its licence', "minister"),
    # ... the quotation may open the reported clause
    ('Jane Roe gave no figure, though she said "budget savings" and new fees would pay for it.',
     '"budget savings" and new fees would pay for it', "Jane Roe"),
    # ... and it stops where the writer's own clause starts
    ('Jane Roe said the ruling was "a gift to smugglers" in every port; the ministry has not '
     'replied.',
     'the ruling was "a gift to smugglers" in every port', "Jane Roe"),
    # a programme's title earlier in the sentence is no quotation between cue and claim
    ('On "Morning Report," Senator Jane Roe said voters wanted "more listening" from both '
     'parties.', 'voters wanted "more listening" from both parties', "Jane Roe"),
    # a US politician's party and state between the name and the verb
    ('Sen. Jane Roe (D-Ore.) said the bill was "dead on arrival" in the House.',
     'the bill was "dead on arrival" in the House', "Jane Roe"),
    # verbs of condemning and praising cite words too
    ('In a statement, President Jane Roe condemned the launch as "reckless and destabilizing" '
     'for the region.', 'the launch as "reckless and destabilizing" for the region', "Jane Roe"),
])
def test_reported_speech_carries_the_whole_claim(text: str, claim: str, speaker: str) -> None:
    quote = only_quote(text)
    assert quote.text == claim
    assert speaker in (quote.speaker or "")
    assert text[quote.start:quote.end] == quote.text


def test_a_party_tag_is_not_an_organisation() -> None:
    found = analyze('Sen. Jane Roe (D-Ore.) and Rep. John Doe (R-Wis.) said the bill was '
                    '"dead on arrival" in the House.')
    assert [o.name for o in found.organizations] == []


def only_quote(text: str):
    found = _quotes(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "speaker"), [
    ('The mayor also said it was "too early to tell" what caused the blast.', "The mayor"),
    ("The driver's family has called on police to release the videos \"as a matter of the "
     'public good" this week.', "The driver's family"),
    # a described speaker is a noun phrase, never a clause or an adverb's fragment
    ('Jane Roe said the levy was "a tax on the poor"; the ministry has not replied.', "Jane Roe"),
])
def test_a_described_speaker_is_a_noun_phrase(text: str, speaker: str) -> None:
    assert only_quote(text).speaker == speaker


def test_a_fragment_is_never_a_speaker() -> None:
    text = ("Following a swiftly called, late-afternoon meeting, the council called the launch "
            '"a clear violation and in flagrant disregard" of the resolutions.')
    assert all("swiftly" not in (q.speaker or "") for q in _quotes(text))


@pytest.mark.parametrize("text", [
    # a short quoted term inside the writer's own sentence, no speaker and no verb of saying
    'The fact-checkers looked again at the figure of "thousands of shootings" in the city.',
    'Investors used the so-called "targeted employment area" rule to cut their costs.',
    'The story was filed by the paper\'s "national enterprise reporter" on Sunday.',
    # a person opening the sentence does not make a term their words
    'Ruth Keller has used the phrase "fiscal cliff" often in her speeches this year.',
    # a work's title, digits and all
    'Mary Hale sings to Ann Berg in a preview clip of "The 411."',
])
def test_terms_and_scare_quotes_are_not_quotes(text: str) -> None:
    assert _quotes(text) == []


@pytest.mark.parametrize("text", [
    # the same length of phrase is speech when a verb of saying or calling stands by it
    'The candidate vowed to punish "those who break the rules" if elected.',
    'Protesters marched through the square chanting "no more delays" until dusk.',
    # a sentence of short words is no title, however few its letters
    'Police arrested Tom Hale on Friday, saying "he had a gun in his car."',
])
def test_short_phrases_with_a_verb_of_saying_stay_quotes(text: str) -> None:
    assert len(_quotes(text)) == 1


def test_a_signature_is_the_name_as_signed_without_the_credit_below() -> None:
    text = ("“We will not be silenced by a wall.” ― Maria Lopez.\n\nGetty\n\n"
            "Readers sent in their answers.")
    (quote,) = _quotes(text)
    assert quote.speaker == "Maria Lopez"
    assert text[quote.speaker_start:quote.speaker_end] == "Maria Lopez"


def test_an_embedded_post_link_is_not_a_quote() -> None:
    assert _quotes('The post ended with a picture "pic.twitter.com/abc123" of the crowd.') == []


@pytest.mark.parametrize("text", [
    "“Is it over already?” asked Anna Lindqvist.",
    "\"Who pays for this?\" asked Anna Lindqvist, the council leader.",
])
def test_asked_right_after_a_question_names_the_one_asking(text: str) -> None:
    """After "told"/"asked" a name is usually the one spoken to; right after a question
    the name after "asked" is the one who asked it."""
    (quote,) = analyze(text).quotes
    assert quote.speaker == "Anna Lindqvist"


def test_told_after_a_quotation_still_names_the_one_spoken_to() -> None:
    (quote,) = analyze("“We will rebuild,” Anna Lindqvist told Peter Moss.").quotes
    assert quote.speaker == "Anna Lindqvist"


@pytest.mark.parametrize(("text", "speaker", "evidence"), [
    ("Sen. Maria Ortiz toured the port on Monday. “We will not let it close,” the senator "
     "said.", "Maria Ortiz", "the senator"),
    ("Foreign Minister Anton Varga met the envoy. “There will be no deal this year,” the "
     "minister told reporters.", "Anton Varga", "the minister"),
    ("Gov. Lena Park spoke after the storm. The governor said she would “rebuild every "
     "school by the spring.”", "Lena Park", "The governor"),
])
def test_a_description_names_the_one_person_holding_that_role(
        text: str, speaker: str, evidence: str) -> None:
    """Shown by name; the description stays the evidence (the span the text attributes)."""
    [quote] = _quotes(text)
    assert quote.speaker == speaker
    assert text[quote.speaker_start:quote.speaker_end] == evidence


@pytest.mark.parametrize(("text", "speaker"), [
    # no one named holds the role: the description as written
    ("Talks resumed in Geneva on Monday. “There will be no deal this year,” the spokeswoman "
     "said.", "the spokeswoman"),
    # two mayors: which one is not for a rule to guess
    ("Mayor Ann Cole of Dover met Mayor Luis Vega of Milford. “The bridge stays shut,” the "
     "mayor said.", "the mayor"),
    # a body speaks, not the person whose title names it
    ("Police Chief John Harmon met reporters. “We will find them,” the police said.",
     "the police"),
    ("Jane Doe, the company's chief executive, spoke first. “Sales rose,” the company said.",
     "the company"),
])
def test_a_description_no_single_named_person_fits_stays_as_written(
        text: str, speaker: str) -> None:
    [quote] = _quotes(text)
    assert quote.speaker == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    ("The agency cleared the senator on Sunday. FBI Director Jane Roe made the announcement "
     "in a letter to Congress, saying the agency had “found nothing new in the emails.”",
     "Jane Roe"),
    ("The Pentagon said the strike was lawful. Pentagon spokesman Dan Ortiz briefed "
     "reporters, saying the raid “achieved every one of its aims.”", "Dan Ortiz"),
])
def test_a_body_opening_a_persons_title_is_not_the_speaker(text: str, speaker: str) -> None:
    [quote] = _quotes(text)
    assert quote.speaker == speaker


# (text, words of the quotation, page furniture no quotation may hold)
FURNITURE = [
    # a related-links block under a quotation whose mark was left open
    ('Massa spoke after the race. "It is hard to explain the feeling, for my fans. "I just '
     'say thank you very much. "It is difficult to explain. related articles Gunning for '
     'glory How can Tom Vale be crowned world champion this weekend? CHANGE OF PLAN Vale '
     'says "the car is ready" before the final', "difficult to explain", "Gunning for glory"),
    # a "follow me" line quoted as the transcript's last paragraph
    ('"HALE: And that is why we will win.\n"Follow Jo Lind on Twitter @jolind."',
     "why we will win", "Follow Jo Lind"),
    # an embedded post's signature before the next quotation
    ('They changed the bar, quite obviously. Typical cost cutting. -- Ann Vale (@annvale) '
     'November 8, 2016 "Fair enough cutting the weight, but why the big gaps?" wrote Lee '
     'Yarrow.', "Fair enough", "Ann Vale"),
    # a linked headline in brackets between two quotations of one speaker
    ('"Our analysis is that the letter stopped our momentum," she said. [A series of '
     'mistakes likely sealed Berg\'s fate] "We dropped, and we had to keep pushing ahead."',
     "We dropped", "A series of mistakes"),
]


@pytest.mark.parametrize(("text", "words", "furniture"), FURNITURE)
def test_page_furniture_is_never_part_of_a_quotation(text: str, words: str,
                                                     furniture: str) -> None:
    quote = next(q for q in _quotes(text) if words in q.text)
    assert furniture not in quote.text


def test_a_short_spoken_sentence_with_one_long_capital_is_no_title() -> None:
    text = 'Ana Ruiz leans out and repeatedly says, "Don’t you do it," until the shots.'
    assert [(q.speaker, text[q.start:q.end]) for q in analyze(text).quotes] == [
        ("Ana Ruiz", '"Don’t you do it,"')]
