"""Vocabulary for roles, organisations and speech: what a word says about the name beside it.

Role words come from nameparser's title list (800+ titles), trimmed of the entries that are
also ordinary first names or adjectives; the organisation heads and speech verbs are short
general English lists kept here because no installed package has them.
"""

from __future__ import annotations

from functools import cache

_EXTRA_ROLES = [
    "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide", "official",
    "minister", "secretary", "president", "premier", "chancellor", "chairman", "chairwoman",
    "chair", "ceo", "cfo", "coo", "founder", "executive", "director", "head", "chief", "commander",
    "general", "colonel", "lieutenant", "sergeant", "captain", "admiral", "marshal", "ambassador",
    "envoy", "diplomat", "governor", "mayor", "senator", "congressman", "congresswoman",
    "representative", "lawmaker", "legislator", "judge", "justice", "attorney", "lawyer",
    "prosecutor", "sheriff", "negotiator", "analyst", "economist", "expert", "professor",
    "researcher", "scientist", "doctor", "nurse", "surgeon", "correspondent", "reporter", "editor",
    "anchor", "host", "columnist", "author", "writer", "actor", "actress", "singer", "rapper",
    "player", "driver", "coach", "manager", "boss", "owner", "principal", "dean", "chaplain",
    "pastor", "priest", "bishop", "pope", "imam", "rabbi", "king", "queen", "prince", "princess",
    "emperor", "sultan", "sheikh", "emir", "leader", "nominee", "candidate", "deputy", "vice",
    "undersecretary", "counsellor", "counselor", "adjutant", "officer", "inspector",
    "commissioner", "superintendent", "administrator", "strategist", "pollster", "activist",
    "campaigner", "teammate", "champion", "republican", "democrat", "democratic", "libertarian",
    "sen", "sens", "reps", "gens", "boss", "star", "organizer", "forecaster", "meteorologist",
]
# Titles in nameparser's list that are too often something else in running text.
_NOT_ROLES = frozenset([
    "air", "advertising", "analytics", "foreign", "dean", "will", "sir", "grand", "the", "united",
    "national", "federal", "royal",  # adjectives of institutions ("National Hurricane Center")
    "police", "army", "navy", "group", "metropolitan",  # bodies: "the Metropolitan Police"
    "first", "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th",
])

ORG_HEADS = frozenset([
    "ministry", "department", "chamber", "agency", "administration", "council", "committee",
    "commission", "party", "bank", "inc", "corp", "corporation", "company", "co", "ltd", "llc",
    "plc", "group", "university", "college", "institute", "service", "services", "police", "army",
    "navy", "forces", "force", "office", "organization", "organisation", "union", "court",
    "senate", "congress", "parliament", "assembly", "association", "foundation", "fund", "board",
    "bureau", "authority", "network", "news", "times", "post", "journal", "airlines", "airways",
    "guard", "federation", "club", "campaign", "coalition", "alliance", "movement", "front",
    "church", "hospital", "school", "exchange", "reserve", "cabinet", "embassy", "consulate",
    "international", "holdings", "technologies", "systems", "motors", "media", "labs", "team",
    "government", "tribunal", "globe", "tribune", "herald", "telegraph", "gazette", "chronicle",
    "kremlin", "pentagon", "house", "duma", "taliban", "cooperative", "co-op", "center", "centre",
    "directorate", "secretariat", "command", "corps", "observatory", "utility", "operator",
    "league", "convention", "museum", "presse", "agence",
])
# Names of institutions that carry no head word ("NATO", "White House" is caught by "house").
ORG_NAMES = frozenset([
    "nato", "un", "eu", "fbi", "cia", "nsa", "who", "imf", "opec", "asean", "osce", "iaea",
    "interpol", "kremlin", "pentagon", "hamas", "hezbollah", "taliban", "reuters",
])
NOT_ORG_ACRONYMS = frozenset([
    "ceo", "cfo", "coo", "tv", "gdp", "est", "edt", "pst", "pdt", "gmt", "utc", "am", "pm", "ok",
    "ii", "iii", "iv", "covid", "dna", "usd", "eur", "vs", "id", "pdf", "ad", "bc", "ap", "afp",
    "upi",
])

SPEECH_VERBS = frozenset([
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "explained",
    "explains", "noted", "notes", "asked", "asks", "wrote", "writes", "argued", "argues", "warned",
    "warns", "insisted", "insists", "claimed", "claims", "declared", "declares", "continued",
    "continues", "replied", "replies", "responded", "responds", "recalled", "recalls", "tweeted",
    "tweets", "announced", "announces", "urged", "urges", "suggested", "suggests", "acknowledged",
    "acknowledges", "admitted", "admits", "conceded", "concedes", "cautioned", "cautions",
    "observed", "observes", "remarked", "remarks", "countered", "counters", "stressed", "stresses",
    "emphasized", "emphasised", "predicted", "predicts", "reported", "reports", "confirmed",
    "confirms", "denied", "denies", "pointed", "agreed", "agrees", "joked", "jokes", "shouted",
    "yelled", "wondered", "wonders", "complained", "complains", "boasted", "boasts", "lamented",
    "laments", "quipped", "testified", "testifies", "vowed", "vows", "promised", "promises",
    "called", "calls", "described", "describes", "recounted", "said:",
])
GROUP_NOUNS = frozenset([
    "officials", "police", "authorities", "experts", "analysts", "critics", "sources", "residents",
    "witnesses", "reports", "others", "democrats", "republicans", "protesters", "troops",
    "soldiers", "investigators", "prosecutors", "lawmakers", "officers", "doctors", "scientists",
    "researchers", "people", "fans", "supporters", "voters", "observers", "diplomats",
])
ANON_HEADS = frozenset([
    "official", "spokesman", "spokeswoman", "spokesperson", "source", "aide", "diplomat",
    "officer", "adviser", "advisor", "person", "insider", "executive", "representative", "analyst",
    "expert", "lawmaker", "negotiator", "employee", "resident", "witness", "staffer",
])


# Last words of the names of events, contests and treaties ("Brazilian Grand Prix", "French
# Open", "Paris Agreement"): such a run is neither a person nor an organisation, and a
# demonym or place at its head makes the whole name a mention of that place.
EVENT_HEADS = frozenset([
    "prix", "cup", "open", "games", "olympics", "olympiad", "championship", "championships",
    "tournament", "festival", "summit", "conference", "forum", "awards", "marathon", "derby",
    "rally", "series", "trophy", "classic", "expo", "war", "revolution", "agreement", "accord",
    "accords", "treaty", "talks", "election", "elections", "referendum", "act", "amendment",
])
# Lowercase nouns that make the capitalised name before them a place ("the Interlagos
# circuit") or, followed by "of", the name after them ("the city of Mazar-i-Sharif").
VENUE_NOUNS = frozenset([
    "circuit", "track", "racetrack", "stadium", "arena", "airport", "airbase", "province",
    "district", "county", "region", "valley", "river", "lake", "island", "islands", "bay",
    "square", "village", "town", "city", "neighbourhood", "neighborhood", "suburb", "township",
    "municipality", "oblast", "peninsula", "desert", "strait", "coast", "port", "harbour",
    "harbor", "mountains", "outskirts", "crossing", "checkpoint", "camp", "base",
])

# Words that end a lowercase role read backwards from a name ("the ... adviser Yuri").
STOP_BEFORE_ROLE = frozenset([
    "the", "a", "an", "and", "or", "to", "by", "with", "for", "in", "on", "at", "that", "as",
    "who", "when", "after", "before", "from", "said", "says", "told", "of", "is", "was", "were",
    "are", "be", "has", "have", "had", "his", "her", "their", "its", "this",
])


# Capitalised words that open the name of a storm ("Cyclone Tara", "Hurricane Ida"): such a
# run is an event, never a person; with an organisation head after it, an institution.
STORM_WORDS = frozenset(["hurricane", "typhoon", "cyclone", "storm", "tropical", "superstorm"])
# Capitalised heads of natural features.  "the Arabian Sea", "the Gulf Coast", "the Hudson
# River" are places (kind "other"); the weak heads are also surnames ("Michael Bay"), so they
# need "the" before the run.  FEATURE_FIRST open a name with "of" ("Gulf of Aden") or
# without ("Mount Kenya", "Lake Chad").
FEATURE_HEADS = frozenset([
    "sea", "ocean", "gulf", "coast", "strait", "straits", "peninsula", "channel", "canal",
    "desert", "mountains", "islands", "archipelago", "belt",
    # landmarks ("Wall Street", "Trump Tower", "the Blue Mosque") join from FACILITY_HEADS
])
# Last words of the names of buildings, roads and other built places: "Baker Street",
# "Heathrow Airport", "the Hafijj Hotel".  Such a run is a place of kind "facility", never a
# person; they count among the feature heads, so WHO leaves the run alone.
FACILITY_HEADS = frozenset([
    "street", "avenue", "road", "boulevard", "blvd", "lane", "drive", "highway", "motorway",
    "expressway", "turnpike", "square", "plaza", "bridge", "tunnel", "airport", "airfield",
    "airbase", "stadium", "arena", "station", "terminal", "hotel", "palace", "castle", "tower",
    "mosque", "cathedral", "temple", "synagogue", "basilica", "prison", "jail", "building",
    "barracks", "pier", "wharf", "dam", "theater", "theatre", "theaters", "theatres", "cinema",
    "planetarium", "aquarium", "zoo", "harbour", "harbor", "marina", "cemetery", "monument",
    "memorial", "lighthouse", "fortress", "citadel", "mall", "racecourse", "speedway",
])
FEATURE_HEADS = FEATURE_HEADS | FACILITY_HEADS
FEATURE_WEAK_HEADS = frozenset(["river", "bay", "lake", "valley", "island", "basin", "reef",
                                "delta", "falls", "plain", "plains", "sound",
                                # realms: "the Holy Roman Empire", "the Ottoman Caliphate"
                                "empire", "kingdom", "caliphate", "sultanate", "emirate"])
# Words that make a known place into a part of it ("North Oakland", "Old Delhi", "Greater
# Manchester"): such a run is a place, never a person.
PLACE_PARTS = frozenset(["north", "south", "east", "west", "northern", "southern", "eastern",
                         "western", "central", "old", "new", "upper", "lower", "greater",
                         "downtown", "inner", "outer"])
FEATURE_FIRST = frozenset(["gulf", "bay", "sea", "strait", "straits", "isle", "cape", "mount",
                           "lake", "mt"])  # the first six only before "of"


def _spellings(words: set[str]) -> set[str]:
    """British and American spellings of each role ("organizer" and "organiser")."""
    out = set(words)
    out.update(w[:-4] + "iser" for w in words if w.endswith("izer"))
    return out


@cache
def role_words() -> frozenset[str]:
    # nameparser is imported here, not with the module: the segmenter and the brief use
    # this module's word lists and need no title table.
    from nameparser.config import CONSTANTS

    titles = {t for t in CONSTANTS.titles if t.isalpha()}
    return frozenset(_spellings(titles | set(_EXTRA_ROLES)) - _NOT_ROLES)


def is_role(word: str) -> bool:
    return word.lower().rstrip(".") in role_words()
