"""The cutting rules: a run of capitalised words ("Foreign Minister Dmytro Kuleba of Ukraine")
cut into titles (dropped), names the word lists know, and the rest.

An ordered table: at each position of the run the first rule that applies acts (skips words,
takes a name, or ends the run), so a rule's place in `RULES` is part of its meaning. Each has
an example in `tests/test_run_cutting.py`; a name a rule takes carries the rule's name, which
`reader analyze --explain FILE` prints.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from reader.analysis import gazetteer as gz
from reader.analysis.candidates import (
    Candidate,
    candidate_of,
    could_be_a_name,
    gazetteer_length,
    geonames_place,
    longest_match,
)
from reader.analysis.tokens import CONNECTORS, GPE_NAMES, NAME_PARTICLES, PARTICLES, Token

_PLACE_QUALIFIERS = frozenset(
    "Greater North South East West Northern Southern Eastern Western Upper Lower Central "
    "Inner Outer Old New".split()
)
_NOT_ROLES = frozenset({"A", "An", "The", "Who", "Whose", "General", "Head", "Chief", "Member"})
_SHOUTED_LINKS = frozenset("AT VS V".split())
_HONOURS = frozenset("QC KC OBE MBE CBE KBE DBE".split())
# A broadcaster's channel, after its name ("BBC Three"): see `entities._with_channels`.
CHANNEL_NUMBER = re.compile(r"\s+(?:One|Two|Three|Four|Five|Radio\s+\d{1,2})(?![\w-])")
# A possessive ending, and only that: "Airlines" keeps its s ("rstrip" took it: "Airline").
_POSSESSIVE_END = re.compile(r"['’]s?$")


@dataclass(slots=True)
class Cut:
    """A run being cut: where the rules are, and what they took so far."""

    text: str
    run: list[Token]
    quoted: bool
    index: int = 0
    title_cue: bool = False  # a title or role just passed: the next name is a person's
    done: bool = False
    taken: list[Candidate] = field(default_factory=list)
    # Listed names by where they start: several rules ask at the same place.
    _listed: dict[int, tuple[int, str]] = field(default_factory=dict)

    @property
    def token(self) -> Token:
        return self.run[self.index]

    @property
    def rest(self) -> list[Token]:
        return self.run[self.index :]

    def listed(self, index: int | None = None) -> tuple[int, str]:
        """The longest listed name from `index` (here by default): its length and label."""
        at = self.index if index is None else index
        found = self._listed.get(at)
        if found is None:
            found = self._listed[at] = gazetteer_length(self.text, self.run, at, self.quoted)
        return found

    def take(self, length: int, label: str | None, cue: str, rule: str) -> None:
        piece = self.run[self.index : self.index + length]
        candidate = candidate_of(self.text, piece, label, cue)
        candidate.rule = rule if label else ""
        self.taken.append(candidate)
        self.index += length


Rule = Callable[[Cut], bool]


def connecting_word(cut: Cut) -> bool:
    """ "and", "of", "de" between names are no name, unless a particle starts a surname
    ("Van Gaal" after a common word)."""
    run, index, word = cut.run, cut.index, cut.token.text
    starts_surname = (
        word in NAME_PARTICLES
        and index + 1 < len(run)
        and (index == 0 or run[index - 1].text in gz.COMMON_CAPITALISED)
    )
    if (word in CONNECTORS or word in PARTICLES) and not starts_surname:
        cut.index += 1
        return True
    return False


def fixture_in_capitals(cut: Cut) -> bool:
    """ "ATLANTA AT CHICAGO": a fixture in capitals, two names."""
    if cut.token.text in _SHOUTED_LINKS:
        cut.index += 1
        return True
    return False


def the_and_a_place(cut: Cut) -> bool:
    """ "The Hague", "the Netherlands" are places with their article; any other "The" is
    skipped."""
    if cut.token.text not in ("The", "the"):
        return False
    length, label = cut.listed()
    if length > 1 and cut.text[cut.token.start : cut.run[cut.index + length - 1].end] in GPE_NAMES:
        cut.take(length, label, "gazetteer", "the-and-a-place")
    else:
        cut.index += 1
    return True


def role_as_title(cut: Cut) -> bool:
    """ "Curator Anna Ferris": a role before a name works as a title."""
    word = cut.token.text
    if word.lower() in gz.ROLE_NOUNS and word not in _NOT_ROLES and len(cut.rest) > 1:
        cut.index += 1
        cut.title_cue = True
        return True
    return False


def _is_body_phrase(run: list[Token]) -> bool:
    words = [token.text for token in run]
    if len(words) >= 2 and _POSSESSIVE_END.sub("", words[-1]) in gz.ORG_HEADS:
        return True
    if len(words) >= 3 and words[-2] in gz.ORG_HEADS and words[-1] in GPE_NAMES:
        return True  # "Imperial College London", "University College Dublin"
    if len(words) == 2 and words[0] == "Air" and words[1] in GPE_NAMES:
        return True  # an airline: "Air France", "Air India"
    return any(
        word in gz.ORG_HEADS
        and word not in gz.LEGAL_FORMS  # "Kia Motor Corp of South Korea": a firm, then its country
        and words[position + 1] in ("of", "for", "on")
        for position, word in enumerate(words[:-2])
    )


def body_phrase(cut: Cut) -> bool:
    """ "Russian Defense Ministry", "Reserve Bank of Australia", "Ministry of Defense": the
    rest of the run is one body. (A known place that ends in a body's word is the place:
    "West Bank".)"""
    rest = cut.rest
    if (
        _is_body_phrase(rest)
        and not any(token.text in gz.PERSON_TITLES for token in rest[1:])
        and cut.listed()[0] < len(rest)
    ):
        cut.take(len(rest), "ORG", "org-head", "body-phrase")
        cut.done = True
        return True
    return False


def qualified_place(cut: Cut) -> bool:
    """ "Greater Manchester", "East Jerusalem": a qualifier and a known place are a place."""
    if cut.token.text not in _PLACE_QUALIFIERS or cut.listed()[0] or cut.index + 1 >= len(cut.run):
        return False
    length, label = cut.listed(cut.index + 1)
    if label in ("GPE", "LOC"):
        cut.take(1 + length, label, "gazetteer", "qualified-place")
        return True
    return False


def title(cut: Cut) -> bool:
    """ "Foreign Minister", "Mr", "Sir" before a name: skipped, and the name after is a
    person's. No name starts with a body's word: "Major League Baseball" is a body."""
    title_length = longest_match(cut.text, cut.run, cut.index, gz.PERSON_TITLES)
    if not title_length or title_length < cut.listed()[0]:
        return False
    after_title = cut.index + title_length
    if after_title < len(cut.run) and cut.run[after_title].text in gz.ORG_HEADS:
        cut.take(len(cut.rest), "ORG", "org-head", "title-then-body-word")
        cut.done = True
        return True
    cut.index += title_length
    cut.title_cue = True
    return True


# Words that end the name of an event after a place or a people's name: "U.S. Open", "Hong
# Kong Open", "Belgian Grand Prix". (Not "Station", "Fund" or a number: "Tokyo Station" is a
# place, "Kuwait Fund" a body; nor "Day" or "War": "U.S. Labor Day", "the Korean War" keep their
# place and people, as the news marks them.)
_EVENT_HEADS = gz.THING_HEADS - set(
    "Station Fund Index Initiative Project Program Programme Plan Show Day Week Year War Wars "
    "One Two Three Four Five Six Seven Eight Nine Ten".split()
)


def day_named_after_a_body(cut: Cut) -> bool:
    """ "Labour Day" is a day, no Labour: a body's name then a thing's word ends the run; so
    does a place's or a people's name before an event's word ("U.S. Open", "Belgian Grand
    Prix", "U.S. Amateur Championship")."""
    rest = cut.rest
    length, label = cut.listed()
    if (
        label == "ORG"
        and length == len(rest) - 1
        and rest[-1].text in gz.THING_HEADS
        and not CHANNEL_NUMBER.fullmatch(" " + rest[-1].text)  # "BBC One" is a channel
    ):
        cut.done = True
        return True
    if label in ("GPE", "LOC", "NORP") and 0 < length < len(rest) and rest[-1].text in _EVENT_HEADS:
        cut.done = True
        return True
    return False


def listed_name(cut: Cut) -> bool:
    """A name in the word lists, unless a title or a given name comes first, or it is a place
    before an unknown word: "Jordan" in "Michael Jordan" is a surname, "Paris" in "Paris
    Whitfield" a given name."""
    length, label = cut.listed()
    if not length:
        return False
    run, index, text = cut.run, cut.index, cut.text
    following = run[index + length] if index + length < len(run) else None
    place_then_name = (
        label == "GPE"
        and length == 1
        and could_be_a_name(text[run[index].start : run[index].end])
        and following is not None
        and following.text not in gz.COMMON_CAPITALISED
        and following.text not in gz.ORG_HEADS
        and not cut.listed(index + 1)[0]
        and not longest_match(text, run, index + 1, gz.PERSON_TITLES)
    )
    if cut.title_cue or given_name(run, index) or place_then_name:
        return False
    cut.take(length, label, "gazetteer", "listed-name")
    return True


def common_capitalised_word(cut: Cut) -> bool:
    """ "Monday", "Government", "Several": capitalised words of prose, no name (nor
    "Thursday's")."""
    if _POSSESSIVE_END.sub("", cut.token.text) in gz.COMMON_CAPITALISED:
        cut.index += 1
        return True
    return False


def rest_is_one_name(cut: Cut) -> bool:
    """The rest of the run, up to the next listed name or title, is one name (its label for
    `label_rules`); a large place of GeoNames standing alone is a place. (Inside a longer run
    it is more often part of a name: "Carla Sacramento", "Rotor Volgograd".)"""
    run, index, text = cut.run, cut.index, cut.text
    given = given_name(run, index)
    end = index + 1
    while end < len(run):
        if not given and cut.listed(end)[0]:
            break
        if run[end].text in _SHOUTED_LINKS:
            break
        if (
            run[end].text == "of"
            and end + 1 < len(run)
            and cut.listed(end + 1)[1] in ("GPE", "LOC")
        ):
            break  # "Simon Parke of England": a person and where they are from
        if longest_match(text, run, end, gz.PERSON_TITLES) and run[end].text not in gz.GIVEN_NAMES:
            break
        end += 1
    while end > index + 1 and run[end - 1].text in (CONNECTORS | PARTICLES | _HONOURS):
        end -= 1  # "Charles Harris QC", "Jane Doe OBE": the honour is no part of the name
    cue = "title" if cut.title_cue else "given" if given else ""
    if not cue and index == 0 and end == len(run) and geonames_place(text, run[index:end]):
        cut.take(end - index, "GPE", "geonames", "geonames-place")
        return True
    cut.take(end - index, None, cue, "")
    cut.title_cue = False
    return True


RULES: list[Rule] = [
    connecting_word,
    fixture_in_capitals,
    the_and_a_place,
    role_as_title,
    body_phrase,
    qualified_place,
    title,
    day_named_after_a_body,
    listed_name,
    common_capitalised_word,
    rest_is_one_name,
]


def split_run(text: str, run: list[Token], headline: bool) -> list[Candidate]:
    """Cut a run of capitalised words into titles (dropped), known names and the rest."""
    cut = Cut(text, run, quoted=run[0].after_quote)
    while cut.index < len(run) and not cut.done:
        for rule in RULES:
            if rule(cut):
                break
    for candidate in cut.taken:
        candidate.sentence_initial = candidate.start == run[0].start and run[0].sentence_initial
        candidate.headline = headline
    return cut.taken


def given_name(run: list[Token], index: int) -> bool:
    """Whether the word at `index` is a given name starting a longer name ("Sarah Whitfield";
    not "Jordan Bank", "Victoria Station")."""
    if index + 1 >= len(run):
        return False
    word = run[index].text
    last = run[-1].text
    if word in gz.GIVEN_NAMES and last not in gz.THING_HEADS:
        return True  # not "Catherine Tate Show", "Grace Kelly Award"
    return word in gz.CENSUS_FIRST_NAMES and not (
        last in gz.PLACE_HEADS
        or last in gz.ORG_HEADS
        or last in gz.THING_HEADS
        or last.rstrip(".") in gz.LEGAL_FORMS
        or last in gz.LEGAL_FORMS
        or any(token.text in gz.ORG_HEADS for token in run[index + 1 :])
    )
