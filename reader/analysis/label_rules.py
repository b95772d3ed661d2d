"""The labelling rules: what a candidate the word lists did not settle is, by its words and
context. An ordered table: the first rule with an answer decides, so a rule's place in
`RULES` is part of its meaning (a rule further down may assume those above did not fire).

A rule reads `Clues` and answers a label ("PERSON", "ORG", "GPE", "LOC"), `NOT_A_NAME`, or
None (no opinion: the next rule is asked). Each has an example in `tests/test_label_rules.py`;
`reader analyze --explain FILE` prints the rule behind every label.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.analysis import gazetteer as gz
from reader.analysis.candidates import Candidate, context_after, word_before
from reader.analysis.people import NAME_SUFFIXES, names_a_person
from reader.analysis.rules import clue, rule_name
from reader.analysis.tokens import PARTICLES

NOT_A_NAME = "-"  # a decided answer: no entity of ours
# People's names are rarely longer ("James Webb Space Telescope" is a thing), initials and
# "Jr" not counted; a name with a particle ("Ursula von der Leyen") may be.
LONGEST_PERSON_NAME = 3
# Short names the rules for several capitalised words still read as a person or a body.
LONGEST_SHORT_NAME = 4

_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "from"})
# A name before one of these is a geographic feature: "the Guaíba river".
_FEATURES = frozenset(
    "river sea lake mountains mountain valley bay gulf strait peninsula desert island islands "
    "coast delta canal ocean basin plateau range".split()
)
_ORG_LINKS = frozenset({"at", "to", "for", "with", "of"})
_NOT_ACRONYMS = frozenset(
    "I II III IV VI OK TV CEO CFO GDP AM PM COVID AIDS HIV DNA PhD VIP FAQ ID PR IT AI US".split()
    # Ordinary words set in capitals for stress or in tables: "UP", "DOWN", "NEW", "TOTAL".
    + "UP DOWN IN ON OFF OUT NO NOT ALL NEW OLD BIG TOP HOT WIN WON LOST BUY SELL HIGH LOW "
    "NET TOTAL YES AND OR BUT THE FOR WITH FROM".split()
    # Honours after a name: "OBE", "MBE".
    + "OBE MBE CBE KBE DBE".split()
    # Months and days in capitals (a dateline, a table's heading), and time zones.
    + "JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER "
    "MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY "
    "GMT UTC BST CET CEST EST EDT CST CDT MST MDT PST PDT".split()
)
_VESSELS = frozenset("USS HMS RMS HMAS HMCS INS".split())
# Last words of a broadcast's title, named after its star or host ("The Catherine Tate Show").
_WORK_HEADS = frozenset("Show Hour Special Programme Podcast".split())
_ACRONYM_LETTERS = range(2, 7)

_ROLE_AFTER = re.compile(r"^,\s+(?:the\s+|a\s+|an\s+)?(\w+)")
_VERB_AFTER = re.compile(r"^[’']?s?\s+(\w+)")
# The kind of body a name is, right after it: "X investment bank", "X group".
_KIND_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?([a-z]+)\b")
# After "X said": "it" or "its" within a few words ("said on Friday that its sales rose").
_ITS_AFTER = re.compile(r"(?:\s+(?!he\b|she\b|his\b|her\b|they\b)[\w-]+){0,4}?\s+(?:it|its)\b")
# … and "he", "his", "she" or "her": a person ("Okafor said his team won").
_HIS_AFTER = re.compile(r"(?:\s+(?!it\b|its\b|they\b)[\w-]+){0,4}?\s+(?:he|his|she|her)\b")
_PARTY_TAG = re.compile(r"[DRI]-[A-Z][A-Za-z]{1,3}\.?")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,5}s")
_SURNAME_SHAPE = re.compile(r"(?:O['’]|Mc|Mac(?=[A-Z])|Fitz)[A-Z]")
_PLACE_OF = re.compile(
    r"\b(?:island|city|town|village|port|region|province|state|county|district|capital|"
    r"islands|republic|kingdom|emirate|municipality)\s+of\s+$",
    re.I,
)
_PLACE_OF_REACH = 40  # characters before a name: "the autonomous region of "


class Clues:
    """What the rules read of one candidate, each worked out once and only when a rule asks
    (most candidates are settled by the first few rules)."""

    def __init__(self, text: str, candidate: Candidate, people, lower_words) -> None:
        self.text = text
        self.candidate = candidate
        self.people: dict[str, str] = people  # surname or name → the full name, found so far
        self.lower_words: frozenset[str] = lower_words  # words written in lower case somewhere
        self.words = candidate.text.split()

    @clue
    def _after(self) -> str:
        return context_after(self.text, self.candidate.end)

    @clue
    def before(self) -> str:
        """The word before, lower case ("" at a sentence's start)."""
        return word_before(self.text, self.candidate.start)

    @clue
    def role(self) -> str:
        """The noun of ", the minister" after it."""
        role = _ROLE_AFTER.match(self._after)
        return role.group(1) if role else ""

    @clue
    def _verb_match(self) -> re.Match[str] | None:
        return _VERB_AFTER.match(self._after)

    @clue
    def verb(self) -> str:
        """The word after it ("said", "river")."""
        return self._verb_match.group(1) if self._verb_match else ""

    @clue
    def kind(self) -> str:
        """The noun of "X investment bank" after it."""
        kind = _KIND_AFTER.match(self._after)
        return kind.group(1) if kind else ""

    @property
    def lone(self) -> bool:
        return len(self.words) == 1

    @property
    def reporting(self) -> bool:
        return self.verb.lower() in gz.REPORTING_VERBS

    @clue
    def short_name(self) -> bool:
        """At most four words, each capitalised or a particle: what the last rules weigh."""
        return len(self.words) <= LONGEST_SHORT_NAME and all(
            word[0].isupper() or word in PARTICLES for word in self.words
        )

    def after_verb(self, pattern: re.Pattern[str]) -> bool:
        """Whether `pattern` matches right after "X said"."""
        verb = self._verb_match
        return verb is not None and bool(pattern.match(self.text, self.candidate.end + verb.end()))


Rule = Callable[[Clues], str | None]


def single_letter(c: Clues) -> str | None:
    """ "N", "B.": a letter alone (a table's column, a grade, a group) names nobody."""
    return NOT_A_NAME if len(c.candidate.text.rstrip(".")) == 1 else None


def too_long_for_a_person(c: Clues) -> str | None:
    """More words than a person's name has, with no particle: a thing ("James Webb Space
    Telescope")."""
    core = [w for w in c.words if len(w.rstrip(".")) > 1 and w not in NAME_SUFFIXES]
    if len(core) > LONGEST_PERSON_NAME and not any(word in PARTICLES for word in c.words):
        return NOT_A_NAME
    return None


def kind_of_body_after(c: Clues) -> str | None:
    """ "Sal Oppenheim investment bank", "the Nielsen ratings firm"."""
    if c.kind in gz.ORG_TYPE_NOUNS and c.candidate.cue != "title":
        return "ORG"
    return None


def given_name_first(c: Clues) -> str | None:
    """Cut with a given name first ("Sarah Whitfield")."""
    return "PERSON" if c.candidate.cue == "given" else None


def known_person(c: Clues) -> str | None:
    """A person the article has named: the surname of one ("Kuleba"), or the name itself."""
    if c.words[-1] in c.people or names_a_person(c.people, c.candidate.text):
        return "PERSON"
    return None


def after_a_title(c: Clues) -> str | None:
    """Cut after a title ("Foreign Minister Dmytro Kuleba"), outside a headline."""
    if c.candidate.cue == "title" and not c.candidate.headline:
        return "PERSON"
    return None


def in_a_headline(c: Clues) -> str | None:
    """In a Title Case headline capitals say nothing: left to the names the article
    establishes (see `entities._with_headline_names`)."""
    return NOT_A_NAME if c.candidate.headline else None


def plural_acronym(c: Clues) -> str | None:
    """ "the MPs said", "DVDs", "Super PACs": a plural is a kind of thing, not a name."""
    return NOT_A_NAME if _PLURAL_ACRONYM.fullmatch(c.words[-1]) else None  # "Super PACs" too


def dateline(c: Clues) -> str | None:
    """An all-capitals place opening a paragraph: "LONDON —", "WOODSIDE, Calif. (AP) —"."""
    candidate, text = c.candidate, c.text
    if not candidate.text.isupper():
        return None
    line_start = text.rfind("\n", 0, candidate.start) + 1
    opens = not text[line_start : candidate.start].strip()
    dash = text[candidate.end : candidate.end + 3].lstrip(" ").startswith(("—", "–", "-", ",", "("))
    return "GPE" if opens and dash else None


def party_tag(c: Clues) -> str | None:
    """ "(I-VT)", "(D-Mo.)": a politician's party and state, no body of its own."""
    return NOT_A_NAME if _PARTY_TAG.fullmatch(c.candidate.text) else None


def acronym(c: Clues) -> str | None:
    """A single word of two to six capitals: a body ("NATO", "UEFA")."""
    name = c.candidate.text
    if (
        name.isupper()
        and len(name.replace(".", "")) in _ACRONYM_LETTERS
        and name not in _NOT_ACRONYMS
        and c.lone
    ):
        return "ORG"
    return None


def kind_of_body_before(c: Clues) -> str | None:
    """ "environmental group Global Witness", "carmaker Stellantis"."""
    return "ORG" if c.before in gz.ORG_TYPE_NOUNS else None


def role_at_a_body(c: Clues) -> str | None:
    """ "an adviser to Allianz", "analysts at Jefferies"."""
    if c.before not in _ORG_LINKS:
        return None
    role = word_before(c.text, c.candidate.start - len(c.before) - 1)
    return "ORG" if _singular(role) in gz.ROLE_NOUNS else None


def role_after_a_comma(c: Clues) -> str | None:
    """ "Kuleba, the minister", "Sarah Whitfield, a curator"."""
    if c.role in gz.ROLE_NOUNS and c.role not in ("who", "a", "an", "the"):
        return "PERSON"
    return None


def feature_after(c: Clues) -> str | None:
    """ "the Guaíba river", "the Azov Sea"."""
    return "LOC" if c.verb in _FEATURES else None


def lone_common_noun(c: Clues) -> str | None:
    """ "Dealers said…" opening a sentence, "dealers" elsewhere: a common noun."""
    candidate = c.candidate
    if c.lone and candidate.sentence_initial and candidate.text.lower() in c.lower_words:
        return NOT_A_NAME
    return None


def says_its(c: Clues) -> str | None:
    """ "Ericsson said its profit rose": what says "its" is no person."""
    return "ORG" if c.lone and c.reporting and c.after_verb(_ITS_AFTER) else None


def lone_word_says(c: Clues) -> str | None:
    """A lone word the article never gives a first name or a title, saying something: a body
    ("Uefa said", "Qwest said"), unless "he" or "she" follows or it is shaped as a surname
    ("O'Neill said")."""
    if not (c.lone and c.reporting and c.candidate.text not in gz.COMMON_CAPITALISED):
        return None
    if c.after_verb(_HIS_AFTER) or _SURNAME_SHAPE.match(c.candidate.text):
        return "PERSON"
    return "ORG"


def lone_word_of_a_place(c: Clues) -> str | None:
    """ "in Kharkiv", "the city of Kharkiv"."""
    if c.lone and (c.before in _PLACE_PREPOSITIONS or _place_of(c.text, c.candidate.start)):
        return "GPE"
    return None


def lone_word_unknown(c: Clues) -> str | None:
    """A lone capitalised word nothing above explained: left unmarked."""
    return NOT_A_NAME if c.lone else None


def in_a_place(c: Clues) -> str | None:
    """ "in Rio Grande do Sul": several words after a place's preposition, not saying."""
    if c.before in _PLACE_PREPOSITIONS and not c.reporting and c.candidate.cue != "given":
        return "GPE"
    return None


def body_word_inside(c: Clues) -> str | None:
    """ "Network Rail": an organisation's word inside the name."""
    return "ORG" if c.short_name and any(word in gz.ORG_HEADS for word in c.words) else None


def place_word_last(c: Clues) -> str | None:
    """ "Ellis Park", "Wall Street"."""
    return "LOC" if c.short_name and c.words[-1] in gz.PLACE_HEADS else None


def named_after_a_person(c: Clues) -> str | None:
    """ "Trump National Doral", "Clinton Global Initiative"."""
    words = c.words
    if (
        c.short_name
        and len(words) >= 3
        and words[0] in c.people
        and words[-1] not in NAME_SUFFIXES
        and words[-1] not in _WORK_HEADS  # "The Catherine Tate Show" is a show
    ):
        return "ORG"
    return None


def thing_or_shouted(c: Clues) -> str | None:
    """ "World Cup", "Labor Day", "EASTERN DIVISION", "USS Cole"."""
    words = c.words
    if c.short_name and (
        words[-1] in gz.THING_HEADS or c.candidate.text.isupper() or words[0] in _VESSELS
    ):
        return NOT_A_NAME
    return None


def ordinary_word_first(c: Clues) -> str | None:
    """ "Wife Swap", "Night Takeaway", "Great Champ": a name nothing else explained whose
    first word the article also writes in lower case, as an ordinary word, names a thing
    (a show, a product, a place) more often than a person."""
    if c.short_name and c.words[0].lower() in c.lower_words:
        return NOT_A_NAME
    return None


def short_capitalised_name(c: Clues) -> str | None:
    """Two to four capitalised words nothing else explained: a person's name."""
    return "PERSON" if c.short_name else None


def unexplained(c: Clues) -> str | None:
    """Longer, or with lower-case words inside ("Bank of Zubrova"), and nothing above
    explained it: left unmarked."""
    return NOT_A_NAME


RULES: list[Rule] = [
    single_letter,
    too_long_for_a_person,
    kind_of_body_after,
    given_name_first,
    after_a_title,
    known_person,
    in_a_headline,
    plural_acronym,
    dateline,
    party_tag,
    acronym,
    kind_of_body_before,
    role_at_a_body,
    role_after_a_comma,
    feature_after,
    # One word.
    lone_common_noun,
    says_its,
    lone_word_says,
    lone_word_of_a_place,
    lone_word_unknown,
    # Several words.
    in_a_place,
    body_word_inside,
    place_word_last,
    named_after_a_person,
    thing_or_shouted,
    ordinary_word_first,
    short_capitalised_name,
    unexplained,
]


def classify(
    text: str,
    candidate: Candidate,
    people: dict[str, str],
    lower_words: frozenset[str] = frozenset(),
) -> tuple[str | None, str]:
    """The label of a candidate the gazetteers did not settle (None: no entity), and the
    name of the rule that decided it."""
    found = Clues(text, candidate, people, lower_words)
    for rule in RULES:
        answer = rule(found)
        if answer is not None:
            return (None if answer == NOT_A_NAME else answer), rule_name(rule)
    raise AssertionError("the last rule always answers")


def _place_of(text: str, start: int) -> bool:
    return bool(_PLACE_OF.search(text[max(0, start - _PLACE_OF_REACH) : start]))


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
