"""The entity model (extract/tagger.py) and what WHO and WHERE make of it.

Every sentence here is written for this file: classes of text (streets, indices, agencies,
teams, headline phrases, titles glued to names; kinds of organisation and facility), never
sentences from an evaluation set.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from briefing import analyze
from briefing.extract import tagger

ROOT = Path(__file__).resolve().parent.parent


def _people(text: str) -> set[str]:
    return {p.name for p in analyze(text).people if not p.anonymous}


def _orgs(text: str) -> set[str]:
    return {o.name for o in analyze(text).organizations}


def _places(text: str) -> dict[str, str]:
    return {p.name: p.kind for p in analyze(text).places}


# ------------------------------------------------------------------ junk that is no person

JUNK = [
    # streets and roads
    ("Residents of Elmwood Avenue said the water had been off since dawn.", "Elmwood Avenue"),
    ("A car bomb exploded on Haifa Street in the early hours, police said.", "Haifa Street"),
    ("Traffic on Castlebrook Road was diverted after the crash.", "Castlebrook Road"),
    # market indices
    ("The Hang Seng index fell 2 percent while the Nikkei rose.", "Hang Seng"),
    ("The Dow Jones Industrial Average closed at a record on Friday.", "Dow Jones"),
    # news agencies
    ("“We will not comment,” a ministry spokesman told Reuters on Monday.", "Reuters"),
    ("The minister was quoted by Agence France-Presse as saying the border stays shut.",
     "Agence France-Presse"),
    # teams
    ("The Boston Red Sox beat the New York Yankees 5-3 on Sunday night.", "Boston Red Sox"),
    ("Manchester United lost to Aston Villa at home.", "Manchester United"),
    # headline phrases and page furniture
    ("Breaking News: Flood Waters Rise In Valley Towns\n\nThe river burst its banks.",
     "Breaking News"),
    # works' titles
    ("She starred in the film Viva Maria! (1965) with Jeanne Moreau.", "Viva Maria"),
    ("His 1958 novel Silent Rivers sold well, said Anna Berg.", "Silent Rivers"),
    ("In the song Lonely Road, Tom Vale sings of his father.", "Lonely Road"),
    # a sentence's opening words before a speech verb
    ("Saturday, October 9, 2010\n\nRecent reports have revealed that the plan failed.",
     "Recent"),
    # a place after a role and "of"
    ("He thanked the State of Texas for its help.", "Texas"),
    # facilities
    ("Flights resumed at Heathrow Airport after the fog lifted.", "Heathrow Airport"),
    ("Hundreds gathered outside the Grand Meridian Hotel on Saturday.", "Grand Meridian Hotel"),
    # a place after an adjective a title table lists, or a saint's place
    ("Trade flourished in Classical Greece long before the Romans came.", "Greece"),
    ("He gave concerts in Tallinn and Saint Petersburg that winter.", "Petersburg"),
    # words of multi-word titles before a noun that closes a name
    ("The files were moved to the Border Information System and the Intelligence System.",
     "System"),
    # ships and spacecraft
    ("Space Shuttle Vantara will go on display at the museum next year.", "Vantara"),
    ("The patrol vessel HMC Kestrel docked at dawn, officials said.", "Kestrel"),
    # doctrines and peoples
    ("Former members of Scientology said they had been followed.", "Scientology"),
    ("The Rohingya fled by boat, the agency said, and one Rohingya man drowned.", "Rohingya"),
    ("Holt graduated in 2006 from Brackenridge High School in Texas.", "Brackenridge"),
    ("The camps are full, after the United Nations High Commissioner for Refugees said so.",
     "Nations"),
    # a newspaper named by its last word
    ("“Prices will rise again,” the Times wrote on Sunday.", "Times"),
]


@pytest.mark.parametrize(("text", "junk"), JUNK)
def test_junk_is_no_person(text: str, junk: str) -> None:
    people = _people(text)
    assert not any(junk in name or name in junk for name in people), people


GLUED = [
    ("Pitcher Ben Coleman threw 90 pitches in six innings.", "Ben Coleman"),
    ("Striker Tomas Varga scored twice before half-time.", "Tomas Varga"),
    ("KABUL — Amir Zadran, a local elder, said the road was closed.", "Amir Zadran"),
]


@pytest.mark.parametrize(("text", "name"), GLUED)
def test_a_title_or_dateline_is_split_from_the_name(text: str, name: str) -> None:
    assert name in _people(text)


def test_a_person_beside_junk_is_still_found() -> None:
    text = ("Maria Okonjo, who lives on Elmwood Avenue, told Reuters the Hang Seng index "
            "was the least of her worries.")
    assert _people(text) == {"Maria Okonjo"}


# ------------------------------------------------------------------ organisations as actors

ORGS = [
    ("The Ministry of Defence said two drones were shot down overnight.", "Ministry of Defence"),
    ("The Justice Department opened an inquiry on Tuesday.", "Justice Department"),
    ("Officers from the Metropolitan Police arrested two men.", "Metropolitan Police"),
    ("Fighters from Boko Haram attacked the village before dawn.", "Boko Haram"),
    ("Shares in Vertex Pharmaceuticals fell after the trial results.", "Vertex Pharmaceuticals"),
    ("The Labour Party won the by-election with a large majority.", "Labour Party"),
    ("The Chicago Bulls signed the guard to a two-year deal.", "Chicago Bulls"),
    ("The ceasefire was announced by the Kremlin late on Friday.", "Kremlin"),
    ("Analysts said Vexcor officials expect the plant to reopen.", "Vexcor"),
    ("Hamas fighters crossed the fence before dawn.", "Hamas"),
    # a title word inside a body's name that its head closes
    ("Holt graduated in 2006 from Brackenridge High School in Texas.",
     "Brackenridge High School"),
    # a body before a title, with nobody named after it
    ("The camps are full, after the United Nations High Commissioner for Refugees said so.",
     "United Nations"),
]


@pytest.mark.parametrize(("text", "org"), ORGS)
def test_organisations_are_actors(text: str, org: str) -> None:
    orgs = _orgs(text)
    assert any(org in name for name in orgs), orgs
    assert org not in _people(text)


NOT_BODIES = [
    ("A double room costs 350 DKK per night, breakfast included.", "DKK"),
    ("He drove in two RBI as the visitors won 5-3.", "RBI"),
    ("Web developers still struggle with IE6 and its quirks.", "IE6"),
]


@pytest.mark.parametrize(("text", "junk"), NOT_BODIES)
def test_an_acronym_that_names_no_body_is_no_organisation(text: str, junk: str) -> None:
    assert junk not in _orgs(text)


def test_unnamed_sources_are_kept_apart_by_the_body_they_speak_for() -> None:
    text = ("A police spokesman said two people were hurt. A spokesman for the Interior "
            "Ministry said the border was shut. A senior official at the Pentagon said talks "
            "would resume. The police spokesman added that nobody was arrested.")
    sources = {p.name: p for p in analyze(text).people if p.anonymous}
    assert set(sources) == {"police spokesman", "spokesman for the Interior Ministry",
                            "senior official at the Pentagon"}
    assert len(sources["police spokesman"].mentions) == 2
    assert sources["spokesman for the Interior Ministry"].affiliation == "Interior Ministry"


# ------------------------------------------------------------------ facilities and towns

FACILITIES = [
    ("Flights resumed at Heathrow Airport after the fog lifted.", "Heathrow Airport"),
    ("Fans streamed out of Wembley Stadium after the final whistle.", "Wembley Stadium"),
    ("Protesters marched from Union Station to the city hall.", "Union Station"),
    ("A car bomb exploded on Haifa Street in the early hours, police said.", "Haifa Street"),
    ("Hundreds gathered outside the Grand Meridian Hotel on Saturday.", "Grand Meridian Hotel"),
    ("The talks were held at Lancaster House Palace in the afternoon.", "Lancaster House Palace"),
    ("The concert at the Roxy Theatre was cancelled.", "Roxy Theatre"),
    ("Crowds gathered at the Adler Planetarium on Sunday.", "Adler Planetarium"),
    ("The orbiter will be shown at the Orland Space Center in the spring.", "Orland Space Center"),
    ("The fire began in the basement of the Hale Community Center.", "Hale Community Center"),
    ("Drones struck Al Marek Air Base before dawn.", "Al Marek Air Base"),
    ("A painting was slashed at the Brennan Museum on Tuesday.", "Brennan Museum"),
]


def test_a_centre_that_is_a_body_stays_a_body() -> None:
    assert "Harlow Research Center" in _orgs(
        "The Harlow Research Center said most voters agreed with the plan.")


@pytest.mark.parametrize(("text", "place"), [
    ("He gave concerts in Tallinn and Saint Petersburg that winter.", "Saint Petersburg"),
    ("Protests spread to St. Louis on Friday night.", "St. Louis"),
])
def test_a_saints_name_the_gazetteer_knows_whole_is_the_place(text: str, place: str) -> None:
    assert place in _places(text)


@pytest.mark.parametrize(("text", "place"), FACILITIES)
def test_facilities_are_places_of_kind_facility(text: str, place: str) -> None:
    assert _places(text).get(place) == "facility", _places(text)


def test_parts_of_places_and_realms_are_no_people() -> None:
    assert _people("Another of North Oakland's food spots is open late.") == set()
    assert "Oakland" in _places("Another of North Oakland's food spots is open late.")
    assert _places("He was made a count of the Holy Roman Empire in 1701.") == {
        "Holy Roman Empire": "other"}


def test_towns_from_their_context() -> None:
    assert "Ostrava" in _places("The fire broke out in the village of Ostrava overnight.")
    assert "Kelmscott" in _places("Two men were arrested in Kelmscott, a suburb of Perth.")


NATIONALITIES = [
    "He was inspired by the work of a Danish philologist.",
    "She taught English at a school in the hills.",
    "His father is of Polish descent.",
    "Russian and French negotiators met again.",
    "He is an American professional baseball player.",
    "The Afghan national team flew home on Monday.",
    "Officers of the Russian army were seen at the border.",
]


@pytest.mark.parametrize("text", NATIONALITIES)
def test_a_nationality_is_no_place(text: str) -> None:
    assert _places(text) == {}


# ------------------------------------------------------------------ the model itself

def test_the_shipped_model_loads_and_tags() -> None:
    assert tagger.model_available()
    text = "Gen. Joseph Votel, commander of U.S. Central Command, arrived in Baghdad."
    from briefing.core.segment import Segmentation

    found = {text[m.start:m.end]: m.label
             for m in tagger.mentions(text, Segmentation(text).sentences)}
    assert any(label == "PER" and "Votel" in name for name, label in found.items())
    assert any(label == "ORG" and "Central Command" in name for name, label in found.items())


def test_the_shipped_model_was_trained_on_todays_lexicons() -> None:
    """The features read the role, organisation and place lists: after changing them, run
    scripts/train_entities.py so the model and its features agree."""
    stamp = tagger.LEXICON_STAMP.read_text(encoding="utf-8").strip()
    assert stamp == tagger.lexicon_digest(), "lexicons changed: retrain the entity model"


def test_training_round_trip(tmp_path: Path) -> None:
    """train -> save -> load -> tag, on a tiny corpus, with the script's own code."""
    import pycrfsuite

    spec = importlib.util.spec_from_file_location("train_entities",
                                                  ROOT / "scripts" / "train_entities.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_entities"] = module
    spec.loader.exec_module(module)
    text = "Anna Berg flew to Kelvaro. Police in Kelvaro said Anna Berg was safe."
    spans = [(0, 9, "PER"), (18, 25, "LOC"), (37, 44, "LOC"), (50, 59, "PER")]
    sentences = [module.labelled(text, spans, 0, 26), module.labelled(text, spans, 27, len(text))]
    assert sentences[0][:2] == [("Anna", "B-PER"), ("Berg", "I-PER")]
    out = tmp_path / "tiny.crfsuite"
    module.train(sentences * 5, out, {"c1": 0.0, "c2": 0.01, "max_iterations": 50})
    loaded = pycrfsuite.Tagger()
    loaded.open(str(out))
    labels, _ = tagger.tag_words([w for w, _ in sentences[0]], loaded)
    assert labels == [lab for _, lab in sentences[0]]
    found = tagger.mentions(text, [(0, 26)], loaded)
    assert [(text[m.start:m.end], m.label) for m in found] == [("Anna Berg", "PER"),
                                                               ("Kelvaro", "LOC")]


def test_training_is_deterministic(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("train_entities2",
                                                  ROOT / "scripts" / "train_entities.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    import random

    first = module.synthetic(random.Random(3), 2)
    again = module.synthetic(random.Random(3), 2)
    assert first == again
    assert first != module.synthetic(random.Random(4), 2)


def test_long_capital_runs_are_read() -> None:
    """A long run of capitals (a shouted line, a base64 blob) must not make a pattern
    backtrack cubically; analyze returns, whatever it finds."""
    analyze("A" * 3000)
    analyze(" ".join(["ABC"] * 1000))
    analyze("WASHINGTON " * 300 + "— Reuters")
