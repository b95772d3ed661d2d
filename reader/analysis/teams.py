"""Teams named after places: in a sports report, "Surrey beat Warwickshire", "CHICAGO 72 64
.529" and "Red Star (Yugoslavia) 92" name clubs, not places.

A report counts as sports by a wire slug naming the sport ("CRICKET - …"), its scores
("3-2", "92-81") or its words (innings, halftime, beat, …), many and dense. In one, a city,
state or county that is not a venue ("at Lord's", "in London", "(London)") would be a team, but
the gazetteer's places are far more often places even there (measured): only a name nothing
else recognised becomes a team, when a table row, a score line, a result ("beat", "drew") or
"of Country" follows it, or where it stands alone in a list of sides (see
`entities._lone_side`). Countries stay places: national sides are named after them.
"""

from __future__ import annotations

import re

from reader.analysis import gazetteer as gz

_SCORE = re.compile(r"(?<![\d.])\d{1,3}-\d{1,3}(?![\d-])")
_SPORTS_WORDS = frozenset(
    """
    beat beats innings wicket wickets halftime half-time goal goals scored match matches league
    cup championship season inning runs points draw drew tournament playoff play-off coach
    striker pitcher homer homers touchdown quarterback batting bowled seeded round standings
    division defeated victory final semi-final quarter-final midfielder goalkeeper referee
    game games win wins team teams player players inning ballpark stadium
    """.split()
)

_COUNTRY_TAG = r"(?:\s*\(\s*[A-Z][\w .'-]{1,30}\))?"
_AFTER_TEAM = re.compile(
    rf"{_COUNTRY_TAG}\s*(?:"
    r"\d+(?:\s+[\d.]+){2,}\s*$"  # a row of a table: "Red Star 4 4 0 0 9 3 12"
    r"|\d+\s+[A-Z]"  # a score line: "CHICAGO 3 Atlanta 2", "Benetton (Italy) 92 Dinamo"
    r"|(?:beat|beats|drew|thrashed|edged|routed|crushed|AT)\b"
    r"|of\s+[A-Z][a-z]+\b(?!\s+[A-Z])"  # "Karlsruhe of Germany"
    r")",
    re.M,
)
# "Dinamo (Russia) 81 (halftime 50-28)": a side, its country and its score (a rider's time,
# "(Russia) 3:45.011", is no score).
_TAGGED_SCORE = re.compile(r"\s*\(\s*[A-Z][\w .'-]{1,30}\)\s*\d+(?=\s*(?:\(|,|;|$))", re.M)
_DATELINE_AFTER = re.compile(r"\s+\d{4}-\d\d-\d\d")


# A standings row ("Doncaster 4 1 1 2 4 5 4", "TORONTO 63 71 .470 11 1/2") or a result line
# ("Scarborough 1 Northampton 1").
_TABLE_LINE = re.compile(
    r"^[A-Z][\w .'()-]{1,30}?\s+\d+(?:(?:\s+[\d./-]+){2,}|\s+[A-Z][\w .'()-]{1,30}?\s+\d+)\s*$",
    re.M,
)


# A wire-service slug naming the sport before the headline: "CRICKET - LEICESTERSHIRE TAKE…".
_SPORT_SLUG = re.compile(r"^\s*(?P<sport>[A-Z][A-Za-z ]{2,30}?)\s+-\s")


def is_sports(text: str) -> bool:
    """Whether the text reads as a sports report (results, tables, match reports)."""
    slug = _SPORT_SLUG.match(text)
    if slug and slug.group("sport").lower() in gz.SPORTS:
        return True
    if len(_TABLE_LINE.findall(text)) >= 4:
        return True
    scores = len(_SCORE.findall(text))
    if scores >= 6:
        return True
    words = sum(1 for word in re.findall(r"[a-z-]+", text.lower()) if word in _SPORTS_WORDS)
    # Or sports words alone, many and dense: a match report without scores (a cricket day's
    # play); a long article on politics "wins" and "races" far more thinly.
    return (scores >= 2 and words >= 4) or (words >= 10 and words * 250 >= len(text))


def is_country(name: str) -> bool:
    """Countries stay places in a sports report: national sides are named after them."""
    return name in gz.COUNTRIES or name.title() in gz.COUNTRIES


def as_team(text: str, start: int, end: int, person_cue: bool) -> bool:
    """Whether the name at text[start:end] of a sports report, which nothing else named, is a
    team."""
    name = text[start:end]
    if person_cue or _DATELINE_AFTER.match(text, end):
        return False
    if re.match(r"[A-Z]\.\s", name):
        return False  # "M. Butcher 70": a player on a scorecard
    if is_country(name) or name in gz.NATIONALITIES:
        return False
    if _AFTER_TEAM.match(text, end) or _TAGGED_SCORE.match(text, end):
        return True
    if re.search(r"\b(?:v|vs\.?|versus)\s+$", text[max(0, start - 10) : start]):
        return True  # "August 16-18 v Kent"
    if (
        " " not in name
        and name.endswith("s")
        and not name.endswith("'s")
        and text[max(0, start - 4) : start].lower() == "the "
    ):
        return True  # "the Mariners", "the Braves": a side by its nickname
    return table_side(text, start, end)


# A fixture: "ATLANTA AT CHICAGO", "Minnesota at Milwaukee".
_FIXTURE_LINE = re.compile(r"^[A-Z][\w .'-]{1,30}? (?:AT|at|v|vs\.?) [A-Z][\w .'-]{1,30}$", re.M)


def table_side(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a side in a line of a table, a result or a fixture:
    "Wigan 42 Bradford Bulls 36", "CHICAGO 72 64 .529 9", "LOS ANGELES AT PHILADELPHIA"."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if _FIXTURE_LINE.fullmatch(text, line_start, line_end):
        before = text[line_start:start]
        return not before.strip() or before.rstrip().endswith((" AT", " at", " v", " vs", " vs."))
    if not _TABLE_LINE.fullmatch(text, line_start, line_end):
        return False
    return start == line_start or re.search(r"\d\s+$", text[line_start:start]) is not None
