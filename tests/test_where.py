"""WHERE: gazetteer matches, demonyms and the traps from the issue."""

from __future__ import annotations

from briefing.extract import analyze


def _places(text: str) -> dict[str, object]:
    return {p.name: p for p in analyze(text).places}


def test_seed_places(seed_text: str) -> None:
    places = _places(seed_text)
    assert set(places) == {"Ukraine", "Russia", "United States", "Iran"}
    assert places["Russia"].kind == "country" and places["Russia"].country == "RU"


def test_demonym_before_a_thing_is_a_place_before_a_person_only_affiliation() -> None:
    text = "Russian President Vladimir Putin warned of a Russian occupation."
    russia = _places(text)["Russia"]
    assert [text[s:e] for s, e in russia.mentions] == ["Russian"]
    assert russia.mentions[0][0] > text.index("warned")


def test_georgia_state_or_country_by_context() -> None:
    state = _places("Voters in Georgia and Ohio lined up in the United States election.")
    assert state["Georgia"].kind == "region" and state["Georgia"].country == "US"
    country = _places("Georgia accused Russia and Armenia of meddling.")
    assert country["Georgia"].kind == "country" and country["Georgia"].country == "GE"


def test_jordan_person_and_country() -> None:
    assert "Jordan" not in _places("Michael Jordan said Jordan would play again.")
    assert _places("Refugees crossed into Jordan on Monday.")["Jordan"].country == "JO"


def test_washington_as_government_is_not_a_place() -> None:
    assert "Washington" not in _places("Washington warned Moscow against escalation.")
    assert _places("Talks were held in Washington on Friday.")["Washington"].kind == "city"


def test_turkey_and_turkiye_are_one_country() -> None:
    places = _places("Turkey hosted the talks. Türkiye said it would mediate.")
    assert len(places) == 1
    (turkey,) = places.values()
    assert turkey.country == "TR" and len(turkey.mentions) == 2


def test_person_called_paris_is_not_the_city() -> None:
    text = "Paris Hilton arrived. Paris said she loved the show."
    assert "Paris" not in _places(text)
    assert "Paris" in _places("The summit moved to Paris.")
