#!/usr/bin/env python3
"""Rebuild briefing/extract/data/entities.crfsuite, the entity tagger's model, from scratch.

    .venv/bin/python scripts/train_entities.py [--corpora ../shared/corpora] [--out PATH]

Inputs, and nothing else (never ../shared/eval, which is for measuring only):
- Universal NER v1, English-EWT dev and test (CC BY-SA 4.0): PER, ORG, LOC.
- re3d, CENTCOM / State Department / UK Government folders (public domain; OGL v3.0):
  Person -> PER, Organisation -> ORG, Location -> LOC, every other type -> O.  Its nominal
  mentions ("the Army", "U.S. forces") are tagged O: only names whose words are all
  capitalised (connectors aside) are kept, as WHO and WHERE list names.
- Sentences written here from the project's gazetteers and role lists (`synthetic`):
  officials and spokesmen of ministries, police forces in cities, streets, airports and
  stadiums (FAC), towns placed by their context, market indices, news agencies, teams, work
  titles and nationality adjectives (O).

Deterministic: inputs are read in a fixed order, the synthetic sentences come from one
seeded generator, and L-BFGS has no randomness; the same inputs give the same file.
"""
# ruff: noqa: E501  (the sentence templates below read best one to a line)

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.core.segment import Segmentation  # noqa: E402
from briefing.extract.tagger import MODEL, features, lexicon_digest, tokenize  # noqa: E402
from briefing.geo import gazetteer  # noqa: E402

RE3D = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "Person": "PER", "Organisation": "ORG",
        "Location": "LOC"}
CONNECTORS = {"of", "the", "for", "and", "de", "al", "&", "-", "'s", "’s", "on", "in"}
PARAMS = {"c1": 0.05, "c2": 0.02, "max_iterations": 150,
          "feature.possible_transitions": True, "feature.minfreq": 1}

Sentence = list[tuple[str, str]]  # (word, BIO label)


def labelled(text: str, spans: list[tuple[int, int, str]], start: int, end: int) -> Sentence:
    toks = tokenize(text, start, end)
    out: Sentence = []
    prev = None
    for t in toks:
        hit = next((sp for sp in spans if sp[0] < t.end and t.start < sp[1]), None)
        if hit is None:
            out.append((t.text, "O"))
            prev = None
            continue
        out.append((t.text, ("I-" if prev == hit else "B-") + hit[2]))
        prev = hit
    return out


def _is_name(text: str) -> bool:
    words = text.replace("-", " ").split()
    return bool(words) and all(w[:1].isupper() or w.lower() in CONNECTORS or not w[:1].isalpha()
                               for w in words) and words[0][:1].isupper()


def corpus(path: Path, kind: str) -> list[Sentence]:
    out: list[Sentence] = []
    with path.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    for doc in docs:
        text = doc["text"]
        spans = []
        for ent in doc["entities"]:
            label = RE3D.get(ent["label"])
            if label is None:
                continue
            s, e = ent["start"], ent["end"]
            if kind == "re3d":
                words = text[s:e]
                if words.lower().startswith("the "):
                    s += 4
                if not _is_name(text[s:e]):
                    continue
            spans.append((s, e, label))
        if kind == "uner":
            bounds, pos = [], 0
            for line in text.split("\n"):
                bounds.append((pos, pos + len(line)))
                pos += len(line) + 1
        else:
            bounds = Segmentation(text).sentences
        for s, e in bounds:
            sent = labelled(text, spans, s, e)
            if sent:
                out.append(sent)
    return out


# ---------------------------------------------------------------- synthetic sentences

FIRST = ["James", "Maria", "Ahmed", "Olga", "Wei", "Fatima", "Carlos", "Aiko", "John", "Priya",
         "Mohammed", "Elena", "David", "Ngozi", "Sergei", "Anna", "Luis", "Mei", "Omar", "Sarah",
         "Pierre", "Yuki", "Kwame", "Ingrid", "Rahul", "Leila", "Daniel", "Chloe", "Hassan",
         "Jennifer", "Tomás", "Aleksandr", "Grace", "Vikram", "Hiroshi", "Amina", "Michael",
         "Sofia", "Ivan", "Laura", "Mark", "Nadia", "Peter", "Rosa", "Samuel", "Tanya", "Ali",
         "Kim", "Jean", "Paul", "Christian", "Helen", "Robert", "Lucy", "George", "Emma"]
LAST = ["Smith", "Garcia", "Khan", "Petrova", "Zhang", "Okafor", "Müller", "Tanaka", "Brown",
        "Sharma", "Haddad", "Ivanov", "Rossi", "Nguyen", "Cohen", "Silva", "Kowalski", "Mensah",
        "Dubois", "Andersson", "Yilmaz", "Park", "Hernández", "Novak", "O'Brien", "Mahmoud",
        "Fischer", "Lopez", "Kuznetsov", "Baker", "Street", "Hill", "Ford", "Washington",
        "Jordan", "Lincoln", "Berlin", "Paris", "Kerry", "Lawson", "Okonjo", "Varga",
        "Wood", "Church", "King", "Bishop", "Marshall", "Carter", "Mason", "Taylor"]
ROLES = ["spokesman", "spokeswoman", "minister", "official", "commander", "director",
         "chief executive", "adviser", "ambassador", "governor", "mayor", "coach", "analyst",
         "prosecutor", "senator", "lawyer", "professor", "correspondent"]
TITLES = ["President", "Prime Minister", "Foreign Minister", "Gen.", "Col.", "Sen.", "Gov.",
          "Mayor", "Judge", "Dr.", "Pitcher", "Coach", "Chancellor", "Detective", "Sgt.",
          "Rep.", "Ambassador", "Pope", "King", "Queen", "Archbishop", "Captain"]
MINISTRIES = ["Defence", "Defense", "Foreign", "Interior", "Health", "Finance", "Justice",
              "Education", "Energy", "Agriculture", "Transport"]
DEPARTMENTS = ["State", "Justice", "Homeland Security", "Energy", "Health", "Transportation"]
COMPANY_WORDS = ["Global", "United", "Pacific", "Northern", "Apex", "Horizon", "Summit", "Atlas",
                 "Vertex", "Orion", "Meridian", "Crescent", "Pinnacle", "Delta", "Redwood"]
COMPANY_HEADS = ["Industries", "Group", "Holdings", "Corp.", "Inc.", "Ltd", "Bank", "Airlines",
                 "Energy", "Motors", "Technologies", "Systems", "Pharmaceuticals", "Partners"]
PARTY = ["Labour Party", "Conservative Party", "Democratic Party", "Republican Party",
         "Green Party", "Socialist Party", "National Front", "People's Party", "Liberal Democrats"]
ARMED = ["Islamic State", "Hezbollah", "Hamas", "al-Shabab", "Boko Haram", "the Taliban",
         "Free Syrian Army", "Houthi rebels", "Wagner Group", "the Kurdish YPG"]
AGENCIES = ["Reuters", "Associated Press", "Agence France-Presse", "AFP", "Xinhua", "Tass",
            "Interfax", "Bloomberg", "Kyodo", "Yonhap", "Anadolu", "Bernama", "PTI", "ANSA"]
TEAM_HEADS = ["Rangers", "United", "City", "Wanderers", "Red Sox", "Yankees", "Lakers", "Bulls",
              "Giants", "Tigers", "Eagles", "Lions", "Warriors", "Athletic", "Rovers", "FC",
              "Villa", "Albion", "County", "Town", "Hotspur", "Celtic", "Dynamo", "Olympic"]
# What teams do to each other: a result names two bodies, not two people.
RESULTS = [" beat ", " lost to ", " drew with ", " were beaten by ", " edged ", " thrashed ",
           " held ", " knocked out "]
STREET_HEADS = ["Street", "Avenue", "Road", "Boulevard", "Lane", "Square", "Bridge", "Drive"]
FAC_HEADS = ["International Airport", "Airport", "Stadium", "Arena", "Central Station",
             "Station", "Hospital", "Palace", "Tower", "Prison", "Air Base", "Cathedral",
             "Mosque", "Embassy", "Courthouse", "Parliament building", "Port"]
INDICES = ["Dow Jones", "Nikkei", "Hang Seng", "FTSE 100", "Nasdaq Composite", "S&P 500",
           "DAX", "CAC 40", "Sensex", "Kospi", "Stoxx 600", "Shanghai Composite"]
WORK_WORDS = ["Silent", "Dark", "Last", "Broken", "Golden", "Lost", "Hidden", "Secret", "Red",
              "Empire", "Shadows", "Kingdom", "Night", "River", "Promise", "Garden", "Mirror",
              "Letters", "Exercises", "Principles", "Memories", "Machine", "Storm", "Fire"]
WORKS = ["book", "novel", "film", "album", "song", "play", "treatise", "series", "documentary"]
PRODUCTS = ["iPhone", "Windows", "Galaxy", "PlayStation", "Kindle", "Boeing 737 MAX", "Airbus A320",
            "Model 3", "Big Mac", "Coca-Cola"]
SYLLABLES = ["ka", "lo", "vi", "ren", "dor", "mi", "sha", "tan", "bel", "gu", "rio", "ne",
             "zo", "ak", "ul", "mar", "tek", "os", "bra", "ni", "ves", "qui", "han", "lev",
             "pol", "sen", "dra", "mu", "fi", "gor", "el", "yan", "tsu", "wen", "ba", "cho"]
HEADLINE = ["Breaking News", "Live Updates", "Latest News", "Top Stories", "What We Know",
            "Key Takeaways", "Opinion", "Analysis", "Most Read", "Related Coverage"]


def coin(rng: random.Random) -> str:
    """A made-up name, so that the model learns names from context, not from a list."""
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice([2, 2, 3])))
    return word.capitalize()


def _entity(parts: list[tuple[str, str | None]]) -> Sentence:
    """Text pieces with a label (None: O) -> tokens with BIO labels."""
    out: Sentence = []
    for piece, label in parts:
        toks = [t.text for t in tokenize(piece)]
        for i, word in enumerate(toks):
            out.append((word, "O" if label is None else ("B-" if i == 0 else "I-") + label))
    return out


def synthetic(rng: random.Random, per_template: int) -> list[Sentence]:
    """`per_template` sentences from each template.  Each sentence draws from a generator
    seeded by its template and its number, so adding a template adds its sentences and
    changes no other: a retrain after a new template differs only by what it adds."""
    base = rng.random()
    cities = sorted({e.name for e in gazetteer.index().values() if e.kind == "city"})
    countries = sorted(gazetteer.country_names().values())
    towns = sorted({v[0].name for v in gazetteer.towns().values()})
    demonyms = sorted(gazetteer.demonyms())

    def coined() -> str:
        return coin(rng)

    def first() -> str:
        return rng.choice(FIRST) if rng.random() < 0.5 else coined()

    def last() -> str:
        # many surnames are also towns' names (Hale, Berg, Lincoln): a name's own context,
        # not the gazetteer, says which
        r = rng.random()
        return rng.choice(LAST) if r < 0.4 else rng.choice(towns) if r < 0.55 else coined()

    def person() -> str:
        r = rng.random()
        if r < 0.1:
            return f"{first()} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {last()}"
        if r < 0.15:
            return f"{first()} {rng.choice(['de', 'van', 'al-', 'bin', 'von'])} {last()}".replace(
                "- ", "-")
        return f"{first()} {last()}"

    def town() -> str:
        return rng.choice(towns) if rng.random() < 0.6 else coined()

    def pick(xs: list[str]) -> str:
        return rng.choice(xs)

    def cap(word: str) -> str:
        return word[:1].upper() + word[1:]

    def company() -> str:
        return f"{pick(COMPANY_WORDS)} {pick(COMPANY_HEADS)}"

    def ministry() -> str:
        return pick([f"{pick(countries)}'s {pick(MINISTRIES)} Ministry",
                     f"Ministry of {pick(MINISTRIES)}", f"{pick(MINISTRIES)} Ministry",
                     f"Department of {pick(DEPARTMENTS)}", f"{pick(DEPARTMENTS)} Department"])

    templates = [
        lambda: [("Police in ", None), (pick(cities), "LOC"), (" said on Monday that ", None),
                 (person(), "PER"), (" had been arrested .", None)],
        lambda: [(person(), "PER"), (", a " + pick(ROLES) + " for the ", None),
                 (pick(MINISTRIES) + " Ministry", "ORG"), (", said the talks would resume .", None)],
        lambda: [(pick(TITLES) + " ", None), (person(), "PER"),
                 (" told reporters in ", None), (pick(cities), "LOC"), (" that ", None),
                 (pick(countries), "LOC"), (" would not back down .", None)],
        lambda: [("The fire started in a building on ", None),
                 (f"{pick(LAST)} {pick(STREET_HEADS)}", "FAC"), (" in central ", None),
                 (pick(cities), "LOC"), (" .", None)],
        lambda: [("Flights at ", None), (f"{pick(cities)} {pick(FAC_HEADS)}", "FAC"),
                 (" were suspended , the ", None), (pick(["airport operator", "authorities"]), None),
                 (" said .", None)],
        lambda: [("The ", None), (pick(INDICES), None), (" index fell 2 percent , while the ", None),
                 (pick(INDICES), None), (" rose .", None)],
        lambda: [(pick(INDICES), None), (" closed higher as shares of ", None), (company(), "ORG"),
                 (" gained .", None)],
        lambda: [("“ We are ready , ” ", None), (person(), "PER"), (" told ", None),
                 (pick(AGENCIES), "ORG"), (" .", None)],
        lambda: [(pick(cities).upper(), "LOC"), (pick([" ( ", " — "]), None),
                 (pick(AGENCIES), "ORG"), (pick([" ) - ", " — "]), None), (person(), "PER"),
                 (" said on Tuesday .", None)],
        lambda: [("according to ", None), (pick(AGENCIES), "ORG"), (" and the ", None),
                 (company(), "ORG"), (" annual report .", None)],
        lambda: [(f"{pick([pick(cities), town()])} {pick(TEAM_HEADS)}", "ORG"), (pick(RESULTS), None),
                 (f"{pick([pick(cities), town()])} {pick(TEAM_HEADS)}", "ORG"),
                 (pick([" 3-1 at ", " at home at ", " away at "]), None),
                 (f"{pick(LAST)} {pick(['Stadium', 'Park', 'Arena'])}", "FAC"), (" .", None)],
        lambda: [(f"{pick([pick(cities), town()])} {pick(TEAM_HEADS)}", "ORG"), (pick(RESULTS), None),
                 (f"{pick([pick(cities), town()])} {pick(TEAM_HEADS)}", "ORG"),
                 (pick([" at home .", " on Saturday .", " in the final .", " 2-0 ."]), None)],
        lambda: [(pick(["Pitcher ", "Striker ", "Goalkeeper ", "Coach ", "Manager "]), None),
                 (person(), "PER"), (" joined the ", None),
                 (f"{pick(cities)} {pick(TEAM_HEADS)}", "ORG"), (" last season .", None)],
        lambda: [("The attack took place in ", None), (pick(towns), "LOC"), (", a suburb of ", None),
                 (pick(cities), "LOC"), (" .", None)],
        lambda: [("Residents of the village of ", None), (pick(towns), "LOC"),
                 (" fled to ", None), (pick(cities), "LOC"), (" .", None)],
        lambda: [("Clashes broke out in the ", None), (pick(towns), "LOC"),
                 (pick([" district", " province", " region"]), None), (" of ", None),
                 (pick(countries), "LOC"), (" .", None)],
        lambda: [("The ", None), (pick(demonyms).title(), None),
                 (pick([" government", " army", " officials", " economy", " navy"]), None),
                 (" said ", None), (pick(countries), "LOC"), (" was to blame .", None)],
        lambda: [("In his ", None), (pick(WORKS), None), (" ", None),
                 (f"{pick(WORK_WORDS)} {pick(WORK_WORDS)}", None), (" , ", None),
                 (person(), "PER"), (" described ", None), (pick(cities), "LOC"), (" .", None)],
        lambda: [("Sales of the ", None), (pick(PRODUCTS), None), (" rose , ", None),
                 (company(), "ORG"), (" said .", None)],
        lambda: [(pick(HEADLINE), None), (" : ", None), (person(), "PER"), (" visits ", None),
                 (pick(countries), "LOC")],
        lambda: [("A ", None), (pick(ROLES), None), (" for the ", None), (ministry(), "ORG"),
                 (" said ", None), (pick(ARMED).removeprefix("the "), "ORG"),
                 (" had claimed the attack .", None)],
        lambda: [("The ", None), (f"{pick(cities)} Police Department", "ORG"),
                 (" and the ", None), (pick(["FBI", "Interpol", "Europol", "Coast Guard"]), "ORG"),
                 (" are investigating .", None)],
        lambda: [("Members of the ", None), (pick(PARTY), "ORG"), (" voted against the bill in ", None),
                 (pick(["Parliament", "Congress", "the Senate", "the Bundestag"]), None),
                 (" .", None)],
        lambda: [(person(), "PER"), (" was born in ", None), (pick(towns), "LOC"), (" , ", None),
                 (pick(countries), "LOC"), (" , and studied at the ", None),
                 (f"University of {pick(cities)}", "ORG"), (" .", None)],
        lambda: [(cap(pick(ROLES)), None), (" ", None), (person(), "PER"), (" met ", None),
                 (pick(LAST), "PER"), (" at the ", None),
                 (f"{pick(LAST)} {pick(['Hotel', 'Palace', 'Hall', 'Centre'])}", "FAC"),
                 (" .", None)],
        lambda: [("Protesters gathered outside the ", None),
                 (f"{pick(countries)} {pick(['Embassy', 'Consulate'])}", "FAC"), (" in ", None),
                 (pick(cities), "LOC"), (" .", None)],
        lambda: [("Troops from ", None), (pick(ARMED).removeprefix("the "), "ORG"),
                 (" attacked ", None), (pick(towns), "LOC"), (" near the ", None),
                 (pick(["Syrian", "Iraqi", "Afghan", "Malian"]), None), (" border .", None)],
    ]
    year = lambda: str(rng.randint(1500, 2024))  # noqa: E731
    templates += [
        lambda: [(person(), "PER"), (" was born in ", None), (town(), "LOC"), (" in ", None),
                 (year(), None), (" .", None)],
        lambda: [("In ", None), (year(), None), (" , ", None), (last(), "PER"),
                 (pick([" moved to ", " returned to ", " travelled to ", " left "]), None),
                 (pick(countries + cities), "LOC"), (" .", None)],
        lambda: [(person(), "PER"), (" is a ", None), (pick(demonyms).title(), None),
                 (pick([" mathematician", " actor", " politician", " writer", " footballer"]), None),
                 (" who lives in ", None), (pick(cities), "LOC"), (" .", None)],
        lambda: [(last(), "PER"), (pick(["'s paper", "'s wife", "'s brother", "'s work"]), None),
                 (pick([" was rejected by ", " impressed ", " was praised by "]), None),
                 (person(), "PER"), (" .", None)],
        lambda: [("She starred alongside ", None), (person(), "PER"), (" and ", None),
                 (person(), "PER"), (" in the ", None), (pick(WORKS), None), (" ", None),
                 (f"{pick(WORK_WORDS)} of the {pick(WORK_WORDS)}", None), (" .", None)],
        lambda: [(last(), "PER"), (pick([" criticized ", " praised ", " sued ", " joined "]), None),
                 ("the ", None), (pick([ministry(), company(), pick(PARTY)]), "ORG"), (" .", None)],
        lambda: [("He married ", None), (person(), "PER"), (" , the daughter of ", None),
                 (person(), "PER"), (" , in ", None), (town(), "LOC"), (" .", None)],
        lambda: [("Take the train from ", None), (pick(cities), "LOC"), (" to ", None), (town(), "LOC"),
                 (" and change at ", None), (f"{coined()} {pick(['Station', 'Junction'])}", "FAC"),
                 (" .", None)],
        lambda: [(f"{coined()} {pick(['Park', 'Museum', 'Castle', 'Bridge', 'Square'])}", "FAC"),
                 (" is a short walk from ", None), (f"{coined()} {pick(STREET_HEADS)}", "FAC"),
                 (" .", None)],
        lambda: [("“ It is over , ” said ", None), (last(), "PER"), (" , who founded ", None),
                 (f"{coined()} {pick(COMPANY_HEADS)}", "ORG"), (" in ", None), (year(), None),
                 (" .", None)],
        lambda: [(pick(["Port officials", "Police", "The company", "Residents"]), None),
                 (" said ", None), (town(), "LOC"), (" was calm , said ", None), (person(), "PER"),
                 (pick([" .", " , a local resident .", " , who runs a shop there ."]), None)],
        lambda: [(person(), "PER"), (pick([" said ", " told ", " added "]), None),
                 (pick(["", "reporters ", "the BBC "]), None),
                 (pick(["that the ", "the "]), None),
                 (pick(["situation", "ceasefire", "deal", "vote"]), None),
                 (" was fragile .", None)],
        lambda: [(pick(["Shares of ", "Analysts at ", "Workers at "]), None),
                 (f"{coined()} {pick(COMPANY_HEADS)}", "ORG"), (" , based in ", None),
                 (town(), "LOC"), (" , ", None), (pick(countries), "LOC"), (" , rose .", None)],
    ]
    # A person described before the name, after a verb of saying or opening the sentence
    # ("said flood widow Maria Esteves", "Retired teacher Ana Varga said"): the name closes a
    # lower-case description, which is no title the model knows.
    described = ["flood widow", "Gulf War veteran", "retired teacher", "local shopkeeper",
                 "longtime resident", "union leader", "first-time voter", "34-year-old nurse",
                 "community organiser", "small-business owner", "college student", "farmer"]
    quotes = ["“ We have nothing left , ”", "“ It is not over , ”", "“ Nobody warned us , ”",
              "“ The water came in an hour , ”"]
    templates += [
        lambda: [(pick(quotes) + " said ", None), (pick(described), None), (" ", None),
                 (person(), "PER"), (" .", None)],
        lambda: [(cap(pick(described)), None), (" ", None), (person(), "PER"),
                 (pick([" said ", " told reporters ", " wrote that "]), None),
                 (pick(["the road was closed .", "the town had been cut off .",
                        "nobody had come to help ."]), None)],
        lambda: [(person(), "PER"), (f" , {rng.randint(19, 90)} , of ", None), (town(), "LOC"),
                 (" , said the water rose quickly .", None)],
        lambda: [("Speaking to ", None), (pick(AGENCIES), "ORG"), (" , ", None),
                 (person(), "PER"), (" said the vote would go ahead .", None)],
        lambda: [(person(), "PER"), (" and ", None), (person(), "PER"),
                 (" were among those killed , ", None), (pick(["police", "officials"]), None),
                 (" said .", None)],
        # a person's name modifying a noun is still a person ("the Tomas Brekke rally",
        # "Saturday's Ana Varga concert", "the Hale administration")
        lambda: [(pick(["Thousands attended the ", "Police watched the ", "Saturday's ",
                        "Critics of the ", "Donors to the "]), None), (person(), "PER"),
                 (pick([" rally", " campaign", " administration", " fundraiser", " concert",
                        " trial", " foundation"]), None),
                 (pick([" in ", " near "]), None), (pick(cities), "LOC"), (" .", None)],
        # a speaker leading into a quotation with a dash or a colon, as transcripts and
        # columns write it ("Ana Varga -- “It is over .”")
        lambda: [(person(), "PER"), (pick([" -- ", " — ", " : "]), None),
                 (pick(quotes).replace(" , ”", " . ”"), None)],
    ]
    # Places and people the gazetteer cannot know, named by their context alone: a coined
    # name after a verb of travel or a preposition of place is a place, a coined name doing
    # something a person, and "X of Y" a person of a place (biographies, history, travel).
    def place() -> str:
        return coined() if rng.random() < 0.7 else pick(towns)

    templates += [
        lambda: [(pick(["He ", "She ", "They "]), None),
                 (pick(["settled in ", "travelled to ", "moved to ", "fled to ", "returned to ",
                        "stayed at ", "lived near ", "was buried in ", "rushed to "]), None),
                 (place(), "LOC"), (pick([" .", " in " + year() + " .", " , where he taught ."]), None)],
        lambda: [("The road runs through ", None), (place(), "LOC"), (" into northern ", None),
                 (pick(countries), "LOC"), (" .", None)],
        lambda: [(coined(), "PER"), (" of ", None), (place(), "LOC"),
                 (pick([" was a monk .", " founded the abbey .", " died in " + year() + " ."]), None)],
        lambda: [("He spent two years with ", None), (coined(), "PER"), (" at ", None),
                 (place(), "LOC"), (" , where he made many friends .", None)],
        lambda: [(pick(["The music of ", "A village on the border of ", "His native "]), None),
                 (place(), "LOC"), (" shaped his style .", None)],
        lambda: [(coined(), "PER"), (pick([" wrote to ", " met ", " taught ", " visited "]), None),
                 (coined(), "PER"), (pick([" in ", " at ", " near "]), None), (place(), "LOC"),
                 (" .", None)],
        # ... and a person's full name after the same prepositions and verbs is a person
        lambda: [(pick(["He was compared to ", "She spoke to ", "They lost to ",
                        "The letter was sent to ", "The title went to ", "He travelled with "]), None),
                 (person(), "PER"), (pick([" .", " in " + year() + " .", " last week ."]), None)],
        lambda: [(person(), "PER"), (pick([" beat ", " overtook ", " lost to ", " thanked ",
                                           " replaced "]), None),
                 (person(), "PER"), (pick([" on Sunday .", " at ", " in "]), None),
                 (place(), "LOC"), (" .", None)],
    ]
    # A person in the other places news writes one: the subject of a passive or a state
    # ("X was named", "X has been"), after "include", "allow", "injury to", and after a
    # relation or a co-worker noun ("his co-star X", "her husband X").
    relations = ["co-star", "wife", "husband", "partner", "teammate", "colleague", "brother",
                 "sister", "son", "daughter", "lawyer", "successor", "rival", "friend"]
    templates += [
        lambda: [(person(), "PER"),
                 (pick([" was named ", " was appointed ", " was elected ", " was arrested ",
                        " was charged ", " has been ", " was there ", " is expected to ",
                        " will replace "]), None),
                 (pick(["in March .", "on Monday .", "as coach .", "later .", "the new chief ."]),
                  None)],
        lambda: [(pick(["The list includes ", "Her roles include ", "Guests included ",
                        "The panel includes "]), None), (person(), "PER"), (" and ", None),
                 (person(), "PER"), (pick([" .", " in the second season ."]), None)],
        lambda: [(pick(["in order to allow ", "after an injury to ", "a move that left ",
                        "a decision that hurt "]), None), (person(), "PER"),
                 (pick([" to play third base .", " out of the team .", " on the bench ."]), None)],
        lambda: [(pick(["His ", "Her ", "Their "]), None), (pick(relations), None), (" ", None),
                 (person(), "PER"), (pick([" was announced .", " said nothing .", " arrived ."]),
                  None)],
    ]
    out = []
    for k, template in enumerate(templates):
        for j in range(per_template):
            rng.seed(f"{base}-{k}-{j}")
            out.append(_entity(template()))
    return out


def build(corpora: Path, per_template: int = 100, seed: int = 11) -> list[Sentence]:
    data = corpus(corpora / "uner_en_ewt_dev.jsonl", "uner")
    data += corpus(corpora / "uner_en_ewt_test.jsonl", "uner")
    data += corpus(corpora / "re3d_train.jsonl", "re3d")
    data += synthetic(random.Random(seed), per_template)
    return data


def train(sentences: list[Sentence], out: Path, params: dict | None = None) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for sent in sentences:
        words = [w for w, _ in sent]
        trainer.append(features(words), [lab for _, lab in sent])
    trainer.set_params(params or PARAMS)
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--out", type=Path, default=MODEL)
    args = ap.parse_args()
    data = build(args.corpora)
    print(f"{len(data)} sentences, {sum(len(s) for s in data)} tokens", file=sys.stderr)
    train(data, args.out)
    stamp = args.out.with_suffix(".lexicons")
    stamp.write_text(lexicon_digest() + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes) and {stamp.name}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
