"""QUOTES: speakers a reader would not accept, by the class of sentence that produced them.

Each row is a sentence written for this table: the speaker a careful reader names, and the
words the dashboard must never show as the speaker (a thing, a place, an adjective, a
heading in capitals).
"""

from __future__ import annotations

import pytest

from briefing.extract import analyze

# (text, words of the quotation, the speaker shown, the span that is the evidence)
SPEAKERS = [
    # a described subject of the nearest verb, not a name at a verb further off
    ("Rep. Tom Reed called for new sanctions on Monday, a step the New York congressman "
     "said would “send a clear signal to Moscow about the cost.”",
     "send a clear signal", "Tom Reed", "the New York congressman"),
    # a place after a preposition ends an appositive; the sentence's subject speaks
    ("Maria Delgado, 61, of Aarhus, who watched the parade from a bench on the Green, said "
     "the day reminded her of “all the summers we spent here as children.”",
     "all the summers", "Maria Delgado", "Maria Delgado"),
    # an adverb opening the sentence is no part of the speaker's name
    ("Even Norway said the plan was “a step too far for the alliance” and asked for "
     "a delay.", "a step too far", "Norway", "Norway"),
    # a body speaks
    ("“We will rebuild every house on this street,” the union wrote in a letter to members.",
     "rebuild every house", "the union", "the union"),
    ("“Most of the dead were civilians,” the agency reported in its weekly summary.",
     "Most of the dead", "the agency", "the agency"),
    # a fact-checker's verdict is the fact-checker's words
    ("The fact-checkers rated 40% of Democratic claims as “mostly true” in the sample.",
     "mostly true", "The fact-checkers", "The fact-checkers"),
    # a paragraph that names others only as objects passes "he" back to the subject before
    ("Ken Hale noted that at one of his first meetings, in 1972, he backed a change.\n\n"
     "Replacing her would be harder and could lead to lobbying by loyalists to Tom Berg and "
     "Jim Dahl. That is why, he argued, the party should be ready.\n\n"
     "“This is a different time,” he said.", "a different time", "Ken Hale", "he"),
    # a body opening the sentence after "the" speaks; its verb is no part of its name
    ("After a short meeting, the Harbour Council issued a statement calling the spill "
     "“a clear breach of every permit we granted.”", "a clear breach", "Harbour Council",
     "Harbour Council"),
]


@pytest.mark.parametrize(("text", "words", "speaker", "evidence"), SPEAKERS)
def test_the_speaker_a_reader_names(text: str, words: str, speaker: str, evidence: str) -> None:
    quote = next(q for q in analyze(text).quotes if words in q.text)
    assert quote.speaker == speaker
    assert text[quote.speaker_start:quote.speaker_end] == evidence


# (text, words no speaker may be)
NOT_SPEAKERS = [
    # a container labelled with the quoted words is not speaking
    ("On the intake form, in a box labeled “prior conditions and allergies,” a nurse had "
     "written nothing at all.", "a box"),
    # a heading in capitals before a dash
    ("FLOODS RETURN TO THE VALLEY — Residents were told to leave, with one farmer saying, "
     "“We have seen nothing like this in forty years.”", "FLOODS RETURN TO THE VALLEY"),
    # an adjective before a verb that is also a plural noun
    ("The audit found 40% of Republican claims were “false or badly misleading,” compared "
     "to 30% of Democratic claims.", "Republican"),
    ("Russian reports described the convoy as “a humanitarian mission to the east.”",
     "Russian"),
    # a thing, not a speaker, before a verb of saying
    ("Only the wider region said the vote was “neither free nor fair” this year.",
     "the wider region"),
]


@pytest.mark.parametrize(("text", "never"), NOT_SPEAKERS)
def test_never_a_speaker(text: str, never: str) -> None:
    speakers = [q.speaker for q in analyze(text).quotes]
    assert never not in speakers, speakers


def test_a_transcript_label_outranks_a_cue_nearby() -> None:
    """ “HOST: ...” in a quoted transcript is the host's line, whatever name stands near."""
    text = ("Senator Ruth Keller spoke on the Sunday show, and the host pressed her.\n\n"
            "“HOST: Do you really think the bill will pass the Senate this year, as Keller "
            "said in March?”\n\nKeller did not answer directly.")
    quote = next(q for q in analyze(text).quotes if "bill will pass" in q.text)
    assert quote.speaker == "Host"


@pytest.mark.parametrize("text", [
    "Mayor Lina Okoro spoke at noon. She said, “We will reopen the bridge by Friday.”",
    "The minister left the hall, adding, “Nothing has been decided tonight.”",
    "As the sirens faded, the captain told them, “Stay inside until the all-clear.”",
])
def test_a_quotation_introduced_whole_starts_at_its_mark(text: str) -> None:
    """ "She said, “...”" quotes a whole utterance: the lead-in is the writer's, not the
    speaker's words, and stays out of the quote (only a partial quotation carries its
    clause)."""
    quote = analyze(text).quotes[0]
    assert quote.text.startswith("“")


def test_he_is_the_person_the_paragraph_before_introduced() -> None:
    """A paragraph that ends by introducing someone with a role ("..., president of the
    growers' union.") hands the next quotation's "he" to that person, not to the subject of
    the paragraph's opening clause."""
    text = ("While Governor Alan Pryce had a wide following among farmers, that has not carried "
            "over to his deputy, which worries Ramon Achebe, president of the Valley Growers "
            "Union.\n\n“Nobody out here knows who the deputy is,” he said.")
    quote = analyze(text).quotes[0]
    assert quote.speaker == "Ramon Achebe"


def test_a_paragraph_all_quotation_continues_the_speaker_before() -> None:
    text = ("“We were told the levee would hold,” said Ines Morrow, who farms by the river.\n\n"
            "“It did not hold, and nobody has come to see the damage since Tuesday.”\n\n"
            "The county did not respond to a request for comment.")
    quotes = analyze(text).quotes
    assert [q.speaker for q in quotes] == ["Ines Morrow", "Ines Morrow"]


def test_a_verb_in_a_clause_of_its_own_after_the_quote_cites_nobody() -> None:
    """ "X described Y as a “disgrace” after she criticised ...": the describer speaks; the
    verb of the "after" clause is not the quotation's cue."""
    text = ("Ohio Gov. Mark Delaney described Democratic nominee Ruth Keller as a “disgrace” "
            "after she criticised police officers.")
    assert [q.speaker for q in analyze(text).quotes] == ["Mark Delaney"]


def test_a_pronoun_after_a_gerund_begins_what_was_said() -> None:
    """ "it attacked Delaney, saying he “...”": "he" is Delaney in the words said; the
    speaker is the site (or nobody named), never a person the pronoun would resolve to."""
    text = ("The site praised Keller’s record. Meanwhile, it attacked Delaney, saying he "
            "“has insulted veterans and nurses alike.”")
    assert {q.speaker for q in analyze(text).quotes} <= {None, "The site"}


@pytest.mark.parametrize(("text", "speaker"), [
    ("“The board is in chaos,” said one Labour source on the council.",
     "one Labour source"),
    ("“The talks have failed,” said a senior official in Kabul.", "a senior official"),
    ("“We expected more,” said another delegate at the summit.", "another delegate"),
])
def test_an_unnamed_source_placed_after_the_verb(text: str, speaker: str) -> None:
    assert [q.speaker for q in analyze(text).quotes] == [speaker]


def test_each_turn_of_a_quoted_transcript_is_its_own_quotation() -> None:
    """A transcript quoted turn by turn opens each paragraph with a mark and closes none:
    each labelled turn is one quotation, under its own speaker."""
    text = ("The senator was pressed on the bill on Sunday.\n\n"
            "“HOST: Do you really think the two plans are the same thing, Senator?\n\n"
            "“KELLER: Well, look, the plan has been out there for weeks, and nobody read it.\n\n"
            "“HOST: Senator, I have to ask you about the vote on Thursday.\n\n"
            "“KELLER: And that is why the bill will pass.")
    quotes = analyze(text).quotes
    assert [q.speaker for q in quotes] == ["Host", "Keller", "Host", "Keller"]


def test_no_quotation_runs_across_a_flattened_caption() -> None:
    text = ("“The count is rigged, it has been for years,” he told supporters in Aarhus. Media "
            "caption Which towns voted first? “The voters know it and they will act on "
            "Thursday.”")
    quotes = analyze(text).quotes
    assert len(quotes) == 2
    assert all("caption" not in q.text for q in quotes)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Reuters reported the cuts first. Halvorsen Freight Inc cut 200 jobs on Monday. “We had "
     "no choice,” the company said.", "Halvorsen Freight Inc"),
    ("The Interior Ministry sent troops to the border. “The crossing is closed,” the ministry "
     "said.", "Interior Ministry"),
    # two firms named: which one is "the company" is not said
    ("Acme Corp and Orbis Group agreed to merge. “It is a good deal,” the company said.",
     "the company"),
])
def test_the_company_is_the_one_firm_named_before(text: str, speaker: str) -> None:
    assert [q.speaker for q in analyze(text).quotes] == [speaker]


# (text, words of the quotation, the speaker shown)
PEOPLE_WITHOUT_A_NAME = [
    # kin and acquaintances speak: "my father", "a friend", "her niece"
    ("“We live in a hard world,” my father often said.", "hard world", "my father"),
    ("Over dinner, a friend commented: “For you, the border is the only issue that counts.”",
     "the only issue", "a friend"),
    ("“This is a big year for the harbour!” her niece shouted to the crowd.",
     "a big year", "her niece"),
    ("“The bus never came on time,” said a neighbour who has lived on the street since 1990.",
     "never came on time", "a neighbour"),
    # a people speaking in the plural, not a nationality adjective
    ("Lamenting their luck, Estonians often say, “So far from the sun and so close to the "
     "sea.”", "so close to the sea", "Estonians"),
]


@pytest.mark.parametrize(("text", "words", "speaker"), PEOPLE_WITHOUT_A_NAME)
def test_people_without_a_name_or_a_role_speak(text: str, words: str, speaker: str) -> None:
    quote = next(q for q in analyze(text).quotes if words in q.text)
    assert quote.speaker == speaker


# A quotation inside a sentence with no verb of saying of its own: the sentence's subject
# is the one quoted (a mixed quotation), and never a name inside the clause.
MIXED = [
    ("In recent weeks, Ruth Keller has gone after Delaney as a “leech who will bleed the "
     "county dry” at every stop.", "leech", "Ruth Keller"),
    ("Another critic, Laurence Pryce, likened the rules to “burning the charter in the town "
     "square” at a hearing.", "burning the charter", "Laurence Pryce"),
    ("Mark Delaney met voters in Dayton. The Republican nominee also outlined his plan and "
     "vowed to harshly punish “those who leak the county's secrets.”", "those who leak",
     "The Republican nominee"),
    ("Harbour Board Chair Ines Morrow, despite admitting that she had doubts about “lawyers "
     "trying to get rich on the claims,” backed the settlement.", "lawyers trying",
     "Ines Morrow"),
    ("Ruth Keller spoke in Dayton. She’s claiming that fraud is “a big, big problem in this "
     "county” but says nobody listens.", "a big, big problem", "Ruth Keller"),
    ("Dana Whitlock's doctor is calling the candidate “extremely fit for a man of his age.”",
     "extremely fit", "Dana Whitlock’s doctor".replace("’", "'")),
]


@pytest.mark.parametrize(("text", "words", "speaker"), MIXED)
def test_a_mixed_quotation_is_its_sentence_subjects(text: str, words: str,
                                                    speaker: str) -> None:
    quote = next(q for q in analyze(text).quotes if words in q.text)
    assert quote.speaker == speaker


@pytest.mark.parametrize(("text", "speaker"), [
    # a gerund after a comma cites the sentence's subject, not a "who said" clause before it
    ("Herman Voss was defensive about not paying an architect who said he was owed money "
     "for a clubhouse, saying, “Maybe he did not do a good job, and I was not satisfied.”",
     "Herman Voss"),
    # the one spoken to ("told a young woman who suggested ...") is not the speaker
    ("At a forum, Marc Olsen, head of the league, told a young woman who suggested that "
     "people may stay home that “staying home is not a strategy for anybody.”", "Marc Olsen"),
    # a possessor's title names the speaker: "Keller's campaign manager Robby Lund"
    ("Ruth Keller's campaign manager Robby Lund said as much on Thursday, arguing that "
     "Delaney “lashed out at the county's nurses when asked for details.”", "Robby Lund"),
    # the outlet reports what the spokesman said
    ("According to the Daily Ledger, Keller spokesman Jesse Lindqvist said Friday that if "
     "she won, “she would sign this bill the day it reached her desk.”", "Jesse Lindqvist"),
])
def test_the_speaker_of_the_nearest_cue(text: str, speaker: str) -> None:
    assert [q.speaker for q in analyze(text).quotes] == [speaker]


def test_a_speaker_after_an_exclamation_and_a_long_appositive() -> None:
    """ "“...!” the mayor's niece, state Del. Marta Olsen (D-Harbor), shouted": the verb
    comes late after a described subject and its appositive; the title's abbreviation ends
    no sentence, and the nickname in marks is part of the name, not a quotation."""
    text = ("The mayor welcomed guests. “This is a big year for our city!” the mayor's niece, "
            "state Del. Marta “Cia” Olsen (D-Harbor), shouted to the crowd. “The nation is "
            "watching.”")
    result = analyze(text)
    assert [q.speaker for q in result.quotes] == ["Marta “Cia” Olsen"]
    assert not any(q.text.startswith("“Cia") for q in result.quotes)
    assert [p.name for p in result.people] == ["Marta “Cia” Olsen"]


def test_two_cues_are_two_attributions() -> None:
    """ "“A,” Hale sings to Berg before asking her, “B”": each verb cites its own words."""
    text = ("“Promise me you will keep your hands in sight,” Mary Hale sings to Ann Berg "
            "before asking her, “Where do we go from here, after all of this?”")
    quotes = analyze(text).quotes
    assert [q.speaker for q in quotes] == ["Mary Hale", "Mary Hale"]
    assert [q.cue for q in quotes] == ["sings", "asking"]


def test_a_readers_paragraph_signed_once_at_its_end_gives_every_quotation_its_signer() -> None:
    text = ("“The rent doubled in a year. I moved out.” ― Ana Ruiz\n\n"
            "“Nobody asked us. We read about it ‘in the paper.” And that’s all they said “to "
            "us’.” ― Ines Varga.")
    quotes = analyze(text).quotes
    assert quotes[0].speaker == "Ana Ruiz"
    assert {q.speaker for q in quotes[1:]} == {"Ines Varga"}, [q.speaker for q in quotes]


def test_she_said_continuing_a_speakers_paragraph_outweighs_a_pronoun_after_an_object() -> None:
    """"Vela told Hale, after he admitted": the "he" may be Hale's, and is no evidence that
    Vela is a man; "Vela said. “...,” she said" is evidence that Vela is a woman."""
    text = ("Dana Vela questioned the bank's chief, Tom Hale, on Tuesday.\n\n"
            "“You should resign,” Vela told Hale, after he admitted he had not been punished.\n\n"
            "“This just isn’t right,” Vela said. “You squeezed your staff,” she said.\n\n"
            "“The only way this will change is jail time,” she said.")
    assert analyze(text).quotes[-1].speaker == "Dana Vela"


@pytest.mark.parametrize(("text", "speaker"), [
    ("The harbour board issued a statement saying the port “will not reopen.”",
     "The harbour board"),
    ("The ministry released a note calling the claims “baseless and deeply harmful.”",
     "The ministry"),
])
def test_a_bodys_statement_is_the_bodys_not_a_fragment(text: str, speaker: str) -> None:
    assert [q.speaker for q in analyze(text).quotes] == [speaker]
