"""Vocabulary for roles, organisations and speech: what a word says about the name beside it.

Role words come from nameparser's title list (800+ titles), trimmed of the entries that are
also ordinary first names or adjectives; the organisation heads and speech verbs are short
general English lists, kept as data in data/words/ (each file says what its list is for)
because no installed package has them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from briefing.core.words import CORE_WORDS, word_list, word_set

WORDS = Path(__file__).resolve().parent / "data" / "words"

_EXTRA_ROLES = word_list(WORDS, "extra_roles")
_NOT_ROLES = word_set(WORDS, "not_roles")
PROSE_NOT_ROLES = word_set(WORDS, "prose_not_roles")
ORG_HEADS = word_set(WORDS, "org_heads")
ORG_NAMES = word_set(WORDS, "org_names")
# WHO's reading of a run only, not a feature of the model (so not in its lexicon digest)
ORG_PLURALS = word_set(WORDS, "org_plurals")
NOT_ORG_ACRONYMS = word_set(WORDS, "not_org_acronyms")
SPEECH_VERBS = word_set(CORE_WORDS, "speech_verbs")  # the segmenter reads them too
GROUP_NOUNS = word_set(WORDS, "group_nouns")
ANON_HEADS = word_set(WORDS, "anon_heads")
EVENT_HEADS = word_set(WORDS, "event_heads")
WORK_HEADS = word_set(WORDS, "work_heads")
VENUE_NOUNS = word_set(WORDS, "venue_nouns")
STOP_BEFORE_ROLE = word_set(WORDS, "stop_before_role")
STORM_WORDS = word_set(WORDS, "storm_words")
FACILITY_HEADS = word_set(WORDS, "facility_heads")
CENTRE_KINDS = word_set(WORDS, "centre_kinds")
FEATURE_HEADS = word_set(WORDS, "feature_heads") | FACILITY_HEADS
FEATURE_WEAK_HEADS = word_set(WORDS, "feature_weak_heads")
PLACE_PARTS = word_set(WORDS, "place_parts")
FEATURE_FIRST = word_set(WORDS, "feature_first")
FAITHS_LANGUAGES = word_set(WORDS, "faiths_languages")
OUTLET_HEADS = word_set(WORDS, "outlet_heads")


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


def is_prose_role(word: str) -> bool:
    """A lower-case word before a name that is a role ("adviser"), not a verb or a pronoun
    the title table also lists ("met", "us")."""
    return is_role(word) and word.lower() not in PROSE_NOT_ROLES
