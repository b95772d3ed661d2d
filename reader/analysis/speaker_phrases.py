"""The pieces a speaker is made of: mentions found by offset, who the article says is "he" or
"she", and the phrases that speak when no recognised name does ("the newspaper", "Donald
Trump's son", "Vitter demanded"). Used by `speakers`."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from reader.analysis import gazetteer as gz

NOT_NOUNS = frozenset(
    "also still then now again often never already later soon just even only have has had "
    "were was are is be been will would could should may might must can did do does".split()
)


def possessive(text: str, mention) -> bool:
    return text[mention[1] : mention[1] + 2] in ("’s", "'s")


class Mentions(list):
    """Mentions (start, end, label, canonical name) sorted by start, found by offset with a
    binary search: a huge article must not cost a pass over every mention per quotation."""

    def __init__(self, mentions, text: str = "") -> None:
        super().__init__(sorted(mentions))
        self.text = text  # the joined text the offsets point into
        self.starts = [mention[0] for mention in self]
        self.groups: Mentions | None = None  # the organisations, places and nationalities
        self.genders: dict[str, str] = {}  # canonical name → "m"/"f", where the text says

    def between(self, start: int, end: int) -> list:
        low, high = bisect_left(self.starts, start), bisect_right(self.starts, end)
        return [mention for mention in self[low:high] if mention[1] <= end]

    def last_ending_by(self, offset: int) -> int:
        """Index of the last mention that ends by `offset` (-1 if none)."""
        index = bisect_left(self.starts, offset) - 1
        while index >= 0 and self[index][1] > offset:
            index -= 1
        return index


def mention_in(
    mentions: Mentions, start: int, end: int, last: bool = False
) -> tuple[int, int, str] | None:
    # An owner is not the speaker: "said Clinton's communications director, Jennifer Palmieri".
    inside = [m for m in mentions.between(start, end) if not possessive(mentions.text, m)]
    if not inside:
        return None
    chosen = inside[-1] if last else inside[0]
    return chosen[0], chosen[1], chosen[3]


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w’'-]+)")


def known_genders(text: str, people) -> dict[str, str]:
    """Canonical name → "m" or "f": where the article says it ("Mr. Trump", "Mrs. Clinton";
    a surname given both, a couple, says nothing), else by a full name's given name when
    nearly all who bear it are one ("Hillary", not "Jordan")."""
    by_surname: dict[str, set[str]] = {}
    for match in _HONORIFIC.finditer(text):
        gender = "m" if match.group(1) == "Mr" else "f"
        by_surname.setdefault(match.group(2), set()).add(gender)
    genders: dict[str, str] = {}
    names = {mention[3] for mention in people}
    for name in names:
        words = name.split()
        found = by_surname.get(words[-1], set())
        if len(found) == 1:
            genders[name] = next(iter(found))
        elif not found and len(words) >= 2 and words[0] in gz.NAME_GENDERS:
            genders[name] = gz.NAME_GENDERS[words[0]]
    return genders


_DESCRIPTION = re.compile(
    r"^(?:(?:the|a|an|one|two|several|some|many|another|his|her|their|its|my|our|your)\s+\S"
    r"|(?-i:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}['’]s\s+[a-z])"  # "Donald Trump's son"
    r"|(?-i:[A-Z][a-z]{3,}s\s+[a-z]+ing\b)"  # "Protesters marching through the streets"
    # A poll's share: "Only 52 percent of registered voters agreed".
    r"|(?:only\s+|about\s+|nearly\s+|almost\s+|just\s+)?\d[\d,.]*\s*(?:percent|per cent|%)\s)",
    re.I,
)


def description(
    text: str, start: int, end: int, mentions: Mentions | None = None
) -> tuple[int, int, str] | None:
    """A short noun phrase as the speaker, when no name is there to be had; "the newspaper"
    stands for the organisation the article named last before it (shown by that name)."""
    phrase = text[start:end].strip(" ,")
    if not phrase or len(phrase.split()) > 8 or not _DESCRIPTION.match(phrase):
        return None
    begin = start + text[start:end].index(phrase)
    words = phrase.split(" ")
    while len(words) > 2 and words[-1].lower() in NOT_NOUNS:
        words.pop()  # "Scott's family has": the verb's helper is not the speaker
    phrase = " ".join(words)
    body = _named_body(phrase, begin, mentions) or _tied_person(phrase, begin, mentions)
    return begin, begin + len(phrase), body or phrase


_BODIES = frozenset(
    "newspaper paper daily magazine network channel broadcaster station agency company firm "
    "campaign ministry department group organization organisation website site outlet".split()
)


def _named_body(phrase: str, before: int, mentions: Mentions | None) -> str | None:
    """The organisation "the newspaper" or "the campaign" stands for: the last one named."""
    words = phrase.lower().split()
    if mentions is None or len(words) != 2 or words[0] != "the" or words[1] not in _BODIES:
        return None
    index = mentions.last_ending_by(before)
    while index >= 0 and mentions[index][2] != "ORG":
        index -= 1
    return mentions[index][3] if index >= 0 else None


# How far before a name its role may stand ("Scottish Justice Minister Cathy Jamieson"), or
# after it ("Germaine Greer, the feminist writer and broadcaster").
_ROLE_REACH = 40
# How many mentions back a role is looked for (a huge article must not cost a pass over
# every mention per description).
_ROLE_LOOKBACK = 300


def _tied_person(phrase: str, before: int, mentions: Mentions | None) -> str | None:
    """The person "the minister" stands for: the last one before it that the article named
    with that role ("Justice Minister Cathy Jamieson", "Desmond Tutu, the archbishop")."""
    words = phrase.lower().split()
    if mentions is None or not 2 <= len(words) <= 6 or words[0] != "the":
        return None
    role = re.compile(rf"\b{re.escape(words[-1])}\b", re.I)
    text = mentions.text
    index = mentions.last_ending_by(before)
    stop = max(-1, index - _ROLE_LOOKBACK)
    while index > stop:
        start, end, label, name = mentions[index]
        if label == "PERSON":
            ahead = text[max(0, start - _ROLE_REACH) : start]
            ahead = re.split(r"[.;:!?\n“”\"]", ahead)[-1]  # within the sentence
            after = text[end : end + _ROLE_REACH]
            apposition = re.match(r",\s+(?:the|a|an)\s+[^,.;:!?\n]*", after)
            if role.search(ahead) or (apposition and role.search(apposition.group())):
                return name
        index -= 1
    return None


# A name the recogniser did not know, right where the speaker stands: "Vitter demanded",
# "said Representative Charles B. Rangel of New York". Capitalised words, initials and titles.
_NAME_RUN = re.compile(r"(?:[A-Z][a-z]{0,4}\.\s+)*[A-Z][\w’'-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+))*")
_NOT_NAMES = frozenset(
    "The This That These Those It He She They We I You There Here Then But And Or So Yet "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Yesterday Tomorrow".split()
)


def bare_name(text: str, start: int, end: int, whole: bool = False) -> tuple[int, int, str] | None:
    """A capitalised name at text[start:end] (all of it, with `whole`) as the speaker."""
    while start < end and text[start] in " ,":
        start += 1
    match = _NAME_RUN.match(text, start, end)
    if match is None or match.group().split()[0] in _NOT_NAMES:
        return None
    if whole and text[match.end() : end].strip(" ,"):
        return None
    return match.start(), match.end(), match.group()
