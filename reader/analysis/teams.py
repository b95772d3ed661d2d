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

_COMMON_WORDS = frozenset(
    "game games win wins team teams player players beat beats victory final round season "
    "points".split()
)

_COUNTRY_TAG = r"(?:\s*\(\s*[A-Z][\w .'-]{1,30}\))?"
_AFTER_TEAM = re.compile(
    rf"{_COUNTRY_TAG}\s*(?:"
    r"\d+(?:\s+[\d.]+){2,}\s*$"  # a row of a table: "Red Star 4 4 0 0 9 3 12"
    r"|\d+\s+[A-Z]"  # a score line: "CHICAGO 3 Atlanta 2", "Benetton (Italy) 92 Dinamo"
    r"|(?:beat|beats|drew|thrashed|edged|routed|crushed|AT)\b"
    r"|of\s+[A-Z][a-z]+\b(?!\s+[A-Z])"  # "Karlsruhe of Germany"
    # A cricket side's innings and points: "Glamorgan 259 and 207 (A. Dale 69", "Surrey 429-7",
    # "Sussex 363 (W. Athey", "Leicestershire 22 points".
    r"|\d{2,3}(?:-\d{1,2})?(?:\s+and\s+\d{1,3}(?:-\d{1,2})?)?\s*(?:\(|,|;)"
    r"|\d{1,3}\s+points\b"
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
    r"^[A-Z][\w .'()-]{1,30}?\s+\d+(?:(?:\s+[\d./-]+){2,}|\s+[A-Z][\w .'()-]{1,30}?\s+\d+)"
    r"(?:\s*\([^()\n]{1,20}\))?\s*$",  # "(in 12)", "(1st game)" after a result
    re.M,
)


# A wire-service slug naming the sport before the headline: "CRICKET - LEICESTERSHIRE TAKE…".
_SPORT_SLUG = re.compile(r"^\s*(?P<sport>[A-Z][A-Za-z ]{2,30}?)\s+-\s")


# Betting odds look like scores: "now 2-1 favourite", "at 5-2", "odds of 40-1".
_ODDS_BEFORE = re.compile(r"(?:odds of|at|now|to|from)\s+$", re.I)
_ODDS_AFTER = re.compile(r"\s*(?:favourite|favorite|shot|outsider|chance|on|against)\b", re.I)


def _odds(text: str, score: re.Match[str]) -> bool:
    before = text[max(0, score.start() - 12) : score.start()]
    return bool(_ODDS_BEFORE.search(before) or _ODDS_AFTER.match(text, score.end()))


def is_sports(text: str) -> bool:
    """Whether the text reads as a sports report (results, tables, match reports)."""
    slug = _SPORT_SLUG.match(text)
    if slug and slug.group("sport").lower() in gz.SPORTS:
        return True
    if len(_TABLE_LINE.findall(text)) >= 4:
        return True
    scores = sum(1 for score in _SCORE.finditer(text) if not _odds(text, score))
    if scores >= 6:
        return True
    found = [word for word in re.findall(r"[a-z-]+", text.lower()) if word in _SPORTS_WORDS]
    words = len(found)
    # Words any article on games, elections or business uses ("games", "players", "win") count
    # only beside the words of sport itself: a review of computer games is no sports report.
    strong = sum(1 for word in found if word not in _COMMON_WORDS)
    # Or sports words alone, many and dense: a match report without scores (a cricket day's
    # play); a long article on politics "wins" and "races" far more thinly.
    return (scores >= 2 and words >= 4 and strong >= 2) or (
        strong >= 3 and words >= 4 and words * 250 >= len(text)
    )


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


# A result around a side: "Atlanta beat Houston", "a 5-3 win over Atlanta", "lost to Milan".
_RESULT_AFTER = re.compile(
    r"\s+(?:beat|beats|drew|thrashed|edged|routed|crushed|defeated|downed|blanked|swept|"
    r"outscored|rallied|lost|won)\b"
    # Its player or its record: "Atlanta's Tom Glavine", "Boston's seventh loss".
    r"|['’]s?\s+(?:(?:\w+\s+){0,2}(?:lead|loss|losses|defeat|win|"
    r"victory|homer|goal|goals|manager|coach|captain|striker|pitcher|starter|side|squad))\b"
)
_RESULT_BEFORE = re.compile(
    r"\b(?:beat|beats|drew with|thrashed|edged|routed|crushed|defeated|downed|blanked|swept|"
    r"win over|victory over|loss to|lost to|defeat by|defeat to|draw with|against|over|"
    # A player's side: "homered for Seattle", "joined Milan from Torino", "moved to Atalanta".
    r"(?:played|plays|playing|scored|scores|signed|homer|homers|homered) for|joined|joins|"
    r"moved to|move to|transferred to|lead over)\s+$"
)


def in_a_result(text: str, start: int, end: int) -> bool:
    """Whether a place's name stands as a side of a result in a sports report ("Atlanta beat
    Los Angeles 5-3", "a win over Milan"): a club, whatever else the city is."""
    return bool(
        _RESULT_AFTER.match(text, end) or _RESULT_BEFORE.search(text, max(0, start - 20), start)
    )
