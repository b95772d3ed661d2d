"""The word lists beside the engine: no entry it could never match (a relic, or a name cut
short by a bad export), so every list says what the engine does."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.candidates import LONGEST_LISTED_NAME
from reader.analysis.tokens import matches_whole

DATA = Path(__file__).resolve().parent.parent / "reader" / "analysis" / "data"
# Looked up as whole names, cut from runs of capitalised words ("Black Sea", "The Hague").
NAME_LISTS = [
    "cities.txt",
    "countries.txt",
    "locations.txt",
    "nationalities.txt",
    "organisations.txt",
    "places.txt",
    "publications.txt",
    "person_titles.txt",
    "states.txt",
]
# Looked up one word at a time ("Ministry" heads a body's name, "minister" is a role).
WORD_LISTS = [
    "common_capitalised.txt",
    "family_first.txt",
    "given_names.txt",
    "legal_forms.txt",
    "org_heads.txt",
    "org_type_nouns.txt",
    "place_heads.txt",
    "role_nouns.txt",
    "thing_heads.txt",
]


def entries(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def matchable_name(entry: str) -> bool:
    return matches_whole(entry, LONGEST_LISTED_NAME)


def test_every_list_beside_the_engine_is_checked_here():
    known = {*NAME_LISTS, *WORD_LISTS, "name_genders.txt", "sports.txt"}
    assert {path.name for path in DATA.glob("*.txt")} == known


@pytest.mark.parametrize("name", NAME_LISTS)
def test_every_name_in_a_list_of_names_can_be_matched(name):
    assert [entry for entry in entries(name) if not matchable_name(entry)] == []


@pytest.mark.parametrize("name", WORD_LISTS)
def test_a_list_read_one_word_at_a_time_holds_single_words(name):
    assert [entry for entry in entries(name) if len(entry.split()) != 1] == []
