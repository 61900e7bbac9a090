"""WHERE and WHO on a name whose sense the rest of the text settles: a town a guide defines,
a town a person's misread name shares, a country a match report scores as a side.

Every sentence is written for the class of text it stands for (invented people and towns,
real towns the gazetteer knows); none is taken from the evaluation sets.
"""

from __future__ import annotations

import pytest

from briefing.extract import analyze
from briefing.extract.placedefs import defined_places
from briefing.extract.teams import scored_places


def _places(text: str) -> dict[str, int]:
    return {p.name: len(p.mentions) for p in analyze(text).places}


def _people(text: str) -> list[str]:
    return [p.name for p in analyze(text).people if not p.anonymous]


def _bodies(text: str) -> dict[str, int]:
    return {o.name: len(o.mentions) for o in analyze(text).organizations}


# -- a name the text defines as a place --------------------------------------------------------

@pytest.mark.parametrize(("text", "defined"), [
    ("Lisca is a small fishing town on the coast.", {"Lisca": "city"}),
    ("Varn is in the province of Tolo, two hours by bus.", {"Varn": "other"}),
    ("Halvik is located on a fjord.", {"Halvik": "other"}),
    ("Dunmore was a busy port until the war.", {"Dunmore": "city"}),
    ("Kestrel Bay is a quiet district of the capital.", {"Kestrel Bay": "region"}),
    # a person or a role, not a place
    ("Reed is a town councillor.", {}),
    ("Okafor is the mayor of the town.", {}),
    ("Ana Brekke is a city planner.", {}),
    ("It is a town of ten thousand people.", {}),
])
def test_a_copula_defines_a_place(text: str, defined: dict[str, str]) -> None:
    assert defined_places(text) == defined


def test_a_defined_town_is_a_place_at_every_mention_even_as_a_subject() -> None:
    """A guide writes its town's bare name as a sentence's subject; the model alone reads
    a person there ("Lisca has a market")."""
    text = ("Lisca is a small fishing town on the coast. Lisca has a market every Friday. "
            "Visitors to Lisca should book early. Lisca rewards a slow walk.")
    assert _places(text) == {"Lisca": 4}
    assert _people(text) == []


def test_a_defined_town_is_no_surname_of_a_person_named_after_it() -> None:
    """The founder keeps his name; the town's bare name is the town's, not his surname."""
    text = ("Varn is in the province of Tolo. The chapel was built by Enzo de Varn in 1620. "
            "Varn has two beaches, and Varn is busy in summer.")
    analysis = analyze(text)
    assert {p.name: len(p.mentions) for p in analysis.places}.get("Varn") == 3
    assert [(p.name, [text[s:e] for s, e in p.mentions]) for p in analysis.people] == [
        ("Enzo de Varn", ["Enzo de Varn"])]


# -- a town that opens a sentence --------------------------------------------------------------

def test_a_town_the_text_places_elsewhere_is_a_place_when_it_opens_a_sentence() -> None:
    text = ("Leuven grew around its university. Students in Leuven pay little for rent. "
            "Leuven also brews beer.")
    assert _places(text) == {"Leuven": 3}


def test_a_small_town_opening_a_sentence_with_no_other_evidence_stays_unread() -> None:
    """A capital only its position gives, a town's name nowhere else placed: as before, no
    place (it may be a surname: "Dayton grinned.")."""
    assert "Dayton" not in _places("Dayton grinned at the crowd and left.")


# -- a person's name and the town it shares --------------------------------------------------

def test_a_town_is_vetoed_by_a_surname_not_by_the_first_word_of_a_name() -> None:
    """"lost to Hamilton" after "Lewis Hamilton" is the driver; a misread "Ghent
    Philharmonic" or a given name that is a town takes nothing from the town."""
    surname = "Marta Salzburg won the sprint. Ines Dalby lost to Salzburg in the final."
    assert "Salzburg" not in _places(surname)
    given = ("Tampere Okafor, a painter, opened a show. The gallery is in Tampere, and "
             "crowds in Tampere queued.")
    assert _places(given).get("Tampere") == 2


def test_a_known_place_with_a_part_word_is_no_person() -> None:
    """A section heading "Old Aarhus" is a part of the town, never a person."""
    text = "Sights\n\nOld Aarhus\n\nThe lanes of the old town are narrow and quiet."
    assert _people(text) == []


# -- a place that plays ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "teams"), [
    ("Group B — Andorra 2 – 1 Paraguay", {"Andorra", "Paraguay"}),
    ("Uruguay defeated hosts Luxembourg 3-0 on Sunday.", {"Uruguay", "Luxembourg"}),
    ("Moldova lost 1 – 2 to Andorra in the last minute.", {"Moldova", "Andorra"}),
    ("Ghent beat Antwerp 4-2 in the derby.", {"Ghent", "Antwerp"}),
    # no score, a year range or a date: no match
    ("Andorra and Paraguay signed a fishing pact.", set()),
    ("Uruguay ruled Luxembourg from 1864-1866 in part.", set()),
    ("Talks in Moldova ran June 1-2 in Chisinau.", set()),
])
def test_a_place_beside_a_score_is_a_side(text: str, teams: set[str]) -> None:
    assert scored_places(text) == teams


def test_a_side_is_an_organisation_and_no_place_except_where_something_is_in_it() -> None:
    text = ("Group B — Andorra 2 – 1 Paraguay\n\nAndorra pressed early and Paraguay sat deep. "
            "Fans in Andorra watched on big screens. The match was played in Tampere.")
    bodies = _bodies(text)
    assert bodies["Andorra"] == 2 and bodies["Paraguay"] == 2
    places = _places(text)
    assert places.get("Andorra") == 1  # "Fans in Andorra": the country itself
    assert "Paraguay" not in places and places.get("Tampere") == 1


# -- a lone name the text's pronouns make a person ---------------------------------------------

def test_a_surname_alone_that_twice_goes_on_with_his_or_her_is_a_person() -> None:
    """A biography may name its subject by surname alone, always opening the sentence."""
    text = ("Education\n\nTalbert received his early education at a grammar school. "
            "Talbert fell in love with his cousin. Talbert finally returned in 1809.")
    assert {p.name: len(p.mentions) for p in analyze(text).people} == {"Talbert": 3}


def test_a_body_once_followed_by_her_is_no_person() -> None:
    text = "Vantor sent her a contract. Vantor makes engines. Vantor also sells parts."
    assert _people(text) == []


# -- a building that is also an institution ------------------------------------------------------

@pytest.mark.parametrize(("text", "building"), [
    ("The capsule was flown to the Corvell Space Center on Tuesday and will stay there.",
     "Corvell Space Center"),
    ("Two of the injured were taken to the Royal Marsden Hospital overnight.",
     "Royal Marsden Hospital"),
    ("The trainer will go on show at the Museum of Aviation next spring.", "Museum of Aviation"),
    ("The Brennan Art Gallery in Bristol reopened its doors after the flood.",
     "Brennan Art Gallery"),
])
def test_a_building_the_text_puts_something_at_is_a_facility(text: str, building: str) -> None:
    places = {p.name: p.kind for p in analyze(text).places}
    assert places.get(building) == "facility", places
    assert building not in _bodies(text)


@pytest.mark.parametrize(("text", "body"), [
    # an employer after a role: the body, not where anything happened
    ("“The talks have stalled,” said Ines Carvalho, a fellow at the Corvell Policy Center.",
     "Corvell Policy Center"),
    ("“The figures are worse than feared,” said Tomas Brandt, an analyst at the Ostrow "
     "Research Center.", "Ostrow Research Center"),
])
def test_a_centre_one_works_at_stays_a_body(text: str, body: str) -> None:
    assert body in _bodies(text)
    assert body not in _places(text)


# -- bodies named by their head word or by a name known to the lexicon --------------------------

@pytest.mark.parametrize(("text", "body"), [
    ("The Royal Engraving Academy awarded her its gold medal in 1998.",
     "Royal Engraving Academy"),
    ("He served as president of the Halden Mathematical Society for a decade.",
     "Halden Mathematical Society"),
    ("The story first ran in Pinecrest Magazine before the wires picked it up.",
     "Pinecrest Magazine"),
    ("Fighters of the Tal Afar Brigades withdrew from the ridge before dawn.",
     "Tal Afar Brigades"),
    ("She posted the video to YouTube, where it was seen a million times.", "YouTube"),
    ("Xinhua said the talks would resume next week.", "Xinhua"),
])
def test_a_body_by_its_head_word_or_its_known_name(text: str, body: str) -> None:
    assert body in _bodies(text), _bodies(text)
    assert body not in _people(text)


# -- a city's namesake, a province a city names, a paper named after a country ----------------

@pytest.mark.parametrize(("text", "name", "country"), [
    # the region after a comma says which
    ("The candidate held a rally in Plymouth, Massachusetts, on Sunday.", "Plymouth", "US"),
    ("The distillery in Perth, Scotland, will close next year.", "Perth", "GB"),
    ("The plant in Kingston, Ontario, will close next year.", "Kingston", "CA"),
    # every other place of the story is in one country, and the namesake is not tiny
    ("After stops in Ohio and Florida, the campaign flew to Plymouth for a rally.",
     "Plymouth", "US"),
    # the biggest of its name when nothing says otherwise
    ("Fans in Plymouth and Exeter celebrated the win.", "Plymouth", "GB"),
    # never a tiny namesake for a great city
    ("Envoys from Texas and Ohio joined the talks in Paris.", "Paris", "FR"),
])
def test_a_city_is_the_namesake_the_story_means(text: str, name: str, country: str) -> None:
    places = {p.name: p for p in analyze(text).places}
    assert places[name].country == country


def test_a_city_that_names_a_province_is_the_province() -> None:
    text = "Fighting broke out in Ghazni province and spread to Kandahar province overnight."
    places = {p.name: p.kind for p in analyze(text).places}
    assert len(places) == 2 and set(places.values()) == {"region"} and "Ghazni" in places


def test_a_paper_named_after_a_country_is_no_place() -> None:
    assert _places("The poll was run for USA Today by a firm in Ohio.") == {"Ohio": 1}
