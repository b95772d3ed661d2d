"""A candidate name, cut from a run of capitalised words, and what the rules read around it.

Shared by the cutting rules (`run_cutting`), the labelling rules (`label_rules`) and the
article-wide passes (`entities`).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.analysis import gazetteer as gz
from reader.analysis.tokens import Token, gazetteer_label, strip_possessive

# The longest entry of a word list, in words: no name in them is longer.
LONGEST_LISTED_NAME = 6
# How far back the word before a name is looked for, in characters (one or two words).
WORD_BEFORE_REACH = 30
# How far after a name its context is read ("…, the minister", "said its profit …").
CONTEXT_AFTER_REACH = 40


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    text: str
    label: str | None
    cue: str = ""  # "title", "given", "role", "reporting", "place", "gazetteer", ...
    sentence_initial: bool = False
    headline: bool = False
    rule: str = ""  # the rule that decided its label, for `reader analyze --explain`


def longest_match(text: str, run: list[Token], index: int, names: frozenset[str]) -> int:
    """How many tokens from `index` form the longest entry of `names` (0 if none)."""
    for length in range(min(LONGEST_LISTED_NAME, len(run) - index), 0, -1):
        piece = run[index : index + length]
        name = text[piece[0].start : strip_possessive(text, piece[-1])]
        if name in names:
            return length
    return 0


def gazetteer_length(text: str, run: list[Token], index: int, quoted: bool) -> tuple[int, str]:
    """How many tokens from `index` form the longest listed name, and its label."""
    for length in range(min(LONGEST_LISTED_NAME, len(run) - index), 0, -1):
        piece = run[index : index + length]
        name = text[piece[0].start : strip_possessive(text, piece[-1])]
        label = gazetteer_label(name, quoted)
        if not label and shouted(name):
            # All-capitals text (datelines, headlines): "NEW YORK" is New York. Places and
            # nationalities only: a shouted word is no evidence of a company or a person.
            label = gazetteer_label(name.title(), quoted)
            label = label if label in ("GPE", "LOC", "NORP") else ""
        if label:
            return length, label
    return 0, ""


def geonames_place(text: str, piece: list[Token]) -> bool:
    name = text[piece[0].start : strip_possessive(text, piece[-1])]
    return name in gz.GEONAMES_PLACES or (shouted(name) and name.title() in gz.GEONAMES_PLACES)


def could_be_a_name(place: str) -> bool:
    """Whether a place before an unknown word is a given name ("Paris Whitfield", "Santiago
    Bernabéu"), not the first word of a body or place ("U.S. Treasury", "Bucharest
    Newsroom", "Tunbridge Wells")."""
    return place in gz.GIVEN_NAMES or place in gz.CENSUS_GIVEN_NAMES


def shouted(name: str) -> bool:
    """All capitals and more than an acronym's few letters ("LONDON", not "US")."""
    return name.isupper() and sum(char.isalpha() for char in name) > 3


def candidate_of(text: str, piece: list[Token], label: str | None, cue: str) -> Candidate:
    end = strip_possessive(text, piece[-1])
    return Candidate(piece[0].start, end, text[piece[0].start : end], label, cue)


def context_after(text: str, end: int) -> str:
    return text[end : end + CONTEXT_AFTER_REACH]


def word_before(text: str, start: int) -> str:
    """The word just before `start` in the same sentence ("" at a sentence's start)."""
    before = text[max(0, start - WORD_BEFORE_REACH) : start]
    before = before[before.rfind("\n") + 1 :].rstrip(' “"')
    if not before or before[-1] in ".!?:;":
        return ""
    words = before.split()
    return words[-1].lower() if words else ""
