"""Names a text defines as places: "Ferns is a small town in Wexford", "Lisca is located on
the coast", "Varn is in the province of Tolo".

A travel guide, a profile of a town or a report from a village says once what the place is
and then writes its bare name as a sentence's subject ("Lisca has a market"), where no
preposition marks it as a place and the model may read a person. One name keeps one sense
in one text: WHO leaves a name so defined to WHERE, and WHERE reads its every mention.
"""

from __future__ import annotations

import re

from briefing.extract.names import is_common
from briefing.extract.roles import is_role
from briefing.geo import gazetteer

# Nouns that say what kind of place a name is, and the kind WHERE gives it.
_PLACE_NOUNS = {
    **dict.fromkeys(("city", "town", "village", "port", "suburb", "hamlet", "capital",
                     "municipality", "settlement", "commune", "township", "resort"), "city"),
    **dict.fromkeys(("district", "neighborhood", "neighbourhood", "borough", "quarter",
                     "region", "province", "county", "state", "prefecture", "oblast",
                     "territory", "enclave"), "region"),
    **dict.fromkeys(("island", "islands", "archipelago", "peninsula", "atoll", "valley"),
                    "other"),
    "country": "country",
}
_NAME = r"(?<![\w’'-])(?P<name>[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2})"
# "is a small coastal town", "is the capital city": up to three modifiers, none a function
# word ("is the mayor of the town" defines a person); the noun closes the phrase ("is a
# town councillor" does not define a town).
# The verb is read from the run of blanks before it, and only from its start: a scan that
# tried every blank of a long run would be quadratic in the run.
_DEFINITION = re.compile(
    r"(?<![ \t])[ \t]+(?:is|was|remains)[ \t]+(?:"
    r"(?:an?|the)[ \t]+(?:(?!(?:of|in|for|with|and|or|to|at|by)\b)[\w-]+[ \t]+){0,3}?"
    r"(?P<noun>" + "|".join(_PLACE_NOUNS) + r")(?=[ \t]*(?:[,.;:]|$|\b(?:on|in|of|at|near|"
    r"north|south|east|west|with|that|which|where|when|and|but|until|since|for|from|by|"
    r"before|after|during|known|located|situated)\b))"
    r"|(?P<located>(?:located|situated)[ \t]+(?:in|on|near)|in[ \t]+the[ \t]+"
    r"(?:province|state|region|county|district|prefecture)[ \t]+of)\b)")
# The name the definition follows, read back from it: the verb is rare and a name is
# everywhere, so the scan starts from the verb.
_NAME_BEFORE = re.compile(_NAME + "$")
_NAME_REACH = 80


def defined_places(text: str) -> dict[str, str]:
    """Each name the text defines as a place, with the place kind its noun gives ("city",
    "region", "other", "country"; "other" where only its location is given)."""
    out: dict[str, str] = {}
    for match in _DEFINITION.finditer(text):
        before = _NAME_BEFORE.search(text, max(0, match.start() - _NAME_REACH), match.start())
        if before is None:
            continue
        name = before.group("name")
        if any(is_common(word) for word in name.split()):
            continue  # "It is a town", "The Old Town is": no name, or no name alone
        noun = match.group("noun")
        out.setdefault(name, _PLACE_NOUNS[noun.lower()] if noun else "other")
    return out


# Buildings that are also institutions: "the Museum of Aviation said" is a body, "at the
# Museum of Aviation" the place where something is or happens.
_BUILDING_HEADS = r"(?:Museum|Center|Centre|Gallery|Library|Hospital|Hall)"
_CAP = r"[A-Z][\w’'&.-]*"
_ANY_BUILDING = re.compile(rf"\b{_BUILDING_HEADS}\b")
_PLACED_BUILDING = re.compile(
    r"(?<![\w-])(?P<word>[a-z]+)[ \t]+(?:at|in|to|from|near|inside|outside|into|towards?)"
    r"[ \t]+(?:the[ \t]+)?(?P<name>"
    rf"(?:{_CAP}[ \t]+){{1,4}}{_BUILDING_HEADS}(?![ \t]+(?:for|of)\b)"
    rf"|{_BUILDING_HEADS}[ \t]+of[ \t]+(?:the[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,2}})"
    r"(?![\w’'-])")


# "the Museum of Aviation in Bristol": a building placed in a town.  Not a centre or a
# hospital, nor one that speaks: "the National Flood Center in Lyon said" is an agency with
# its seat.
_SITES = r"(?:Museum|Gallery|Library|Hall)"
_BUILDING_IN = re.compile(
    rf"(?<![\w’'-])(?P<name>(?:{_CAP}[ \t]+){{1,4}}{_SITES}"
    rf"|{_SITES}[ \t]+of[ \t]+(?:the[ \t]+)?{_CAP}(?:[ \t]+{_CAP}){{0,2}})"
    rf"[ \t]+in[ \t]+(?P<town>{_CAP}(?:[ \t]+{_CAP})?)"
    r"(?![\w’'-]|,?[ \t]+(?:said|says|told|reported|announced|added|warned)\b)")


def placed_buildings(text: str) -> dict[str, str]:
    """Museums, centres, galleries, libraries, hospitals and halls the text puts
    something in or at ("landed at the Corvell Space Center", "taken to the Royal Free
    Hospital"), or a museum, gallery, library or hall it places in a known town ("the
    Museum of Aviation in Bristol"), as facilities.  Not after a role ("a fellow at the
    Wilson Center"): there the place is an employer, and the body WHO's."""
    out: dict[str, str] = {}
    if _ANY_BUILDING.search(text) is None:
        return out  # most articles name none: one scan for the head words first
    for match in _PLACED_BUILDING.finditer(text):
        word = match.group("word")
        if is_role(word) or word in ("fellow", "fellows", "member", "members", "staff"):
            continue
        out.setdefault(match.group("name"), "facility")
    for match in _BUILDING_IN.finditer(text):
        if gazetteer.lookup(match.group("town")) is not None:
            name = match.group("name")
            out.setdefault(name[4:] if name.startswith("The ") else name, "facility")
    return out
