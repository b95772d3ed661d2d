"""Derive reader/analysis/data/name_genders.txt from the 1990 US Census first-name lists.

    pip install names && python tools/build_name_genders.py

The `names` package (MIT licence) ships the Census Bureau's 1990 frequency lists of female and
male first names (public domain: dist.female.first, dist.male.first). A name is written with
the gender that holds at least SHARE of its bearers (both lists are percentages of populations
of about the same size), so "James" is m and "Mary" f, while "Jordan" or "Jean" are x (both):
for those the reader asks the article (Mr., Mrs.) or leaves the pronoun ungendered. Every name
counts as a given name where a place's name could be one ("Paris Whitfield").
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "reader" / "analysis" / "data" / "name_genders.txt"
SHARE = 0.95


def frequencies(path: Path) -> dict[str, float]:
    found = {}
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2:
            found[parts[0].title()] = float(parts[1])
    return found


def main() -> None:
    import names

    folder = Path(names.__file__).parent
    female = frequencies(folder / "dist.female.first")
    male = frequencies(folder / "dist.male.first")
    lines = []
    for name in sorted(female.keys() | male.keys()):
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if f + m == 0:
            continue
        if f / (f + m) >= SHARE:
            lines.append(f"{name} f")
        elif m / (f + m) >= SHARE:
            lines.append(f"{name} m")
        else:
            lines.append(f"{name} x")
    header = (
        "# Given name and the gender nearly all its bearers have (m/f; x: both): derived by\n"
        "# tools/build_name_genders.py from the 1990 US Census first-name lists (public domain).\n"
    )
    OUT.write_text(header + "\n".join(lines) + "\n")
    print(f"{len(lines)} names -> {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    main()
