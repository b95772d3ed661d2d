"""Word lists the built-in engine uses: places, nationalities, organisations, titles, names.

General knowledge of news text, not of any one article: countries and their people, capitals
and large cities, states and regions, seas and continents, well-known organisations and
publications, the titles that precede a person's name, and common given names. The lists are
data files in `data/`, one entry a line (edit them there); `data/places.txt` is derived from
GeoNames by `tools/build_places.py`, `data/name_genders.txt` from the 1990 US Census by
`tools/build_name_genders.py`. Reading them all takes about 5 ms and 1.7 MB, in the
analysis worker (never before the first paint, nor for `reader --version` or `list`).
"""

from __future__ import annotations

from pathlib import Path

from reader.analysis.text import STATE_ABBREVIATIONS


def _data_file(name: str) -> frozenset[str]:
    """A list kept as data beside the code: one entry a line, "#" starts a comment."""
    path = Path(__file__).parent / "data" / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


COUNTRIES = _data_file("countries.txt")

CITIES = _data_file("cities.txt")

# With the one-word abbreviations of US states, full stop included ("Calif.").
STATES = _data_file("states.txt") | {f"{state}." for state in STATE_ABBREVIATIONS}

# Countries, US states and large cities from GeoNames (tools/build_places.py derives the file).
# The hand lists above keep what GeoNames spells otherwise or ranks smaller (Kyiv, Bakhmut).
GEONAMES_PLACES = _data_file("places.txt")

LOCATIONS = _data_file("locations.txt")

# Nationality and group adjectives (NORP), with the country each points to.
NATIONALITIES = _data_file("nationalities.txt")

# Organisations news text names without a tell-tale word like "Ministry".
ORGANISATIONS = _data_file("organisations.txt")

# Publications (also ORG): in quotation marks they are titles, not speech.
PUBLICATIONS = _data_file("publications.txt")

# Words that make a capitalised phrase an organisation ("Russian Defense Ministry").
ORG_HEADS = _data_file("org_heads.txt")

# Last words of names that are events, titles or things, never people: "World Cup", "U.S.
# Open", "PGA Tour", "Labor Day", "Fifth Amendment", "Large Hadron Collider".
THING_HEADS = _data_file("thing_heads.txt")

# Last words of names of places made by people or nature: "Ellis Park", "Wall Street".
PLACE_HEADS = _data_file("place_heads.txt")

# Lower-case words naming a kind of organisation: the name that follows is one.
ORG_TYPE_NOUNS = _data_file("org_type_nouns.txt")

# Titles and roles: cues that a person's name follows (or precedes, after a comma).
PERSON_TITLES = _data_file("person_titles.txt")

# Lower-case role words that, after a name and a comma, mark it as a person: "X, spokesman for".
# Capitalised before a name ("Curator Anna Ferris") they work as titles.
ROLE_NOUNS = _data_file("role_nouns.txt")

# Given names, to recognise a person without any other cue (a wide, international sample).
GIVEN_NAMES = _data_file("given_names.txt")

# Sports a wire-service slug names before a headline ("CRICKET - …"), in lower case.
SPORTS = _data_file("sports.txt")

# A company's legal form: "X Corp of Y" is a firm and where it is from.
LEGAL_FORMS = _data_file("legal_forms.txt")

# The 1990 US Census given names (tools/build_name_genders.py), each with the gender nearly
# all its bearers have: what "he" or "she" can refer to when no Mr./Mrs. says ("x": both).
CENSUS_GIVEN_NAMES = dict(entry.split() for entry in _data_file("name_genders.txt"))
NAME_GENDERS = {name: gender for name, gender in CENSUS_GIVEN_NAMES.items() if gender != "x"}

# Family names written first ("Xi Jinping", "Kim Jong Un"): such a person is later called by
# the first word, so these never count as given names.
FAMILY_FIRST = _data_file("family_first.txt")


# Verbs that report speech: "…,” said X", "X told reporters", "X tweeted:".
REPORTING_VERBS = frozenset(
    """
said says say told tells added adds asked asks insisted insists wrote writes tweeted tweets
posted stated states declared declares explained explains noted notes warned warns argued
argues claimed claims replied replies continued continues recalled recalls admitted admits
acknowledged announced announces confirmed confirms denied denies urged urges suggested
suggests responded responds agreed agrees stressed stresses emphasised emphasized observed
remarked commented conceded concedes predicted promised vowed cautioned complained boasted
joked shouted whispered repeated reiterated assured maintained maintains believes believed
thinks thought called calls described describes dubbed labelled labeled
""".split()
)

# Short forms a text uses for the same place or body, and the name they stand for.
ALIASES = {
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "United States of America": "United States",
    "America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "EU": "European Union",
    "E.U.": "European Union",
    "UN": "United Nations",
    "U.N.": "United Nations",
    "Nato": "NATO",
    "Kiev": "Kyiv",
    "Odessa": "Odesa",
    "Kharkov": "Kharkiv",
    "Donbass": "Donbas",
    "Türkiye": "Turkey",
    "Czechia": "Czech Republic",
    "Holland": "Netherlands",
    "Burma": "Myanmar",
    "The Telegraph": "Telegraph",
    "Daily Telegraph": "Telegraph",
    "The Guardian": "Guardian",
    "The Times": "Times",
    "The New York Times": "New York Times",
    "The Washington Post": "Washington Post",
    "The Wall Street Journal": "Wall Street Journal",
    "The Economist": "Economist",
    "Associated Press": "AP",
    "Agence France-Presse": "AFP",
    "State Duma": "Duma",
    "ISIL": "Islamic State",
    "ISIS": "Islamic State",
}

# Words that are capitalised at the start of a sentence or in headlines but name nothing.
COMMON_CAPITALISED = _data_file("common_capitalised.txt")

# The census names that nearly always name one gender are given names too before another
# name ("Melania Trump"), unless they are also a place, a people, a body or an ordinary
# capitalised word ("Paris", "Tory", "Man"). Many are surnames as well ("Ellis", "Clinton"),
# so they never outweigh a name's head word ("Ellis Park") nor make a lone word a person.
CENSUS_FIRST_NAMES = (
    frozenset(NAME_GENDERS)
    - FAMILY_FIRST
    - COMMON_CAPITALISED
    - NATIONALITIES
    - ORGANISATIONS
    - COUNTRIES
    - CITIES
    - STATES
    - GEONAMES_PLACES
)
