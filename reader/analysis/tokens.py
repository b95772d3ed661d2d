"""Words of the text the recogniser reads, and the runs of capitalised words names are made of.

A run joins capitalised words separated by single spaces, with particles ("von der") and
connectors ("of", "and") inside; "and" splits a run unless the whole is a known name.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from reader.analysis import gazetteer as gz
from reader.analysis.text import STATE_ABBREVIATIONS, sentence_spans

# The titles news style writes with a full stop ("Adm.", "Sen."): one token with it, as listed.
_DOTTED_TITLES = "|".join(
    sorted(
        (
            re.escape(title[:-1])
            for title in gz.PERSON_TITLES
            if title.endswith(".") and " " not in title
        ),
        key=len,
        reverse=True,
    )
)
_TOKEN = re.compile(
    # The alternatives up to the initial all begin with a capital: the lookahead skips them
    # at once for the lower-case words most text is made of.
    r"(?=[A-Z])(?:(?:[A-Z]\.){2,}"  # U.S., U.K.
    rf"|(?:{_DOTTED_TITLES}|St|Jr|Sr)\.(?=\s)"
    # A company's legal form and a state as news style shortens them keep their full stop.
    rf"|(?:Corp|Inc|Co|Ltd|Bros|{'|'.join(STATE_ABBREVIATIONS)})\.(?=[\s,;:)])"
    r"|[A-Z]{1,3}&[A-Z]{1,3}\b"  # AT&T, S&P, P&G
    r"|[A-Z]\.(?=\s+[A-Z]))"  # an initial
    r"|(?:al|el|bin|ibn)-[^\W\d_][\w]*"  # al-Assad
    r"|[^\W\d_](?:\w|[-'’](?=\w))*"  # a word, with inner hyphens and apostrophes
    r"|\d+(?:[.,]\d+)*"
    r"|[^\s\w]"
)


_POSSESSIVE = re.compile(r"['’]s?$")


PARTICLES = frozenset("von van der den de da di du del della la le ter zu dos das do y".split())


# Particles that may begin a surname on their own: "von der Leyen said".
NAME_PARTICLES = frozenset("von van de da di du del della bin ibn al el".split())


CONNECTORS = frozenset({"of", "for", "and", "on", "the", "&"})


_TIME_WORDS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
    "June July August September October November December Today Yesterday Tomorrow".split()
)


_QUOTE_OPENERS = "“\"‘'«„"


GPE_NAMES = gz.COUNTRIES | gz.CITIES | gz.STATES


_ARABIC_ARTICLES = ("al-", "el-", "bin-", "ibn-")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    sentence_initial: bool = False
    after_quote: bool = False  # straight after an opening quotation mark
    # Read for every token by every pass: worked out once, when the token is made.
    is_word: bool = field(init=False)
    capitalised: bool = field(init=False)

    def __post_init__(self) -> None:
        first = self.text[0]
        self.is_word = first.isalpha()
        self.capitalised = first.isupper() or self.text.startswith(_ARABIC_ARTICLES)


def gazetteer_label(name: str, quoted: bool = False) -> str | None:
    if name in gz.ORGANISATIONS or (quoted and name in gz.PUBLICATIONS):
        return "ORG"
    if name in GPE_NAMES:
        return "GPE"
    if name in gz.LOCATIONS:
        return "LOC"
    if name in gz.NATIONALITIES:
        return "NORP"
    return None


def tokenize(text: str, start: int, end: int) -> list[list[Token]]:
    """Tokens of text[start:end], one list per sentence."""
    sentences = []
    for sentence_start, sentence_end in sentence_spans(text, start, end):
        tokens = []
        first_word = True
        previous = ""
        for match in _TOKEN.finditer(text, sentence_start, sentence_end):
            word = match.group()
            if "-" in word:
                head, _dash, tail = word.partition("-")
                if tail[:1].islower() and gazetteer_label(head):
                    # "California-based", "Russian-led": the name is the part before the hyphen.
                    word = head
            token = Token(match.start(), match.start() + len(word), word)
            if word[0].isalpha():
                token.sentence_initial = first_word or (bool(previous) and previous in '“"‘«:—–')
                token.after_quote = bool(previous) and previous in _QUOTE_OPENERS
                first_word = False
                previous = ""
            else:
                previous = word
            tokens.append(token)
        sentences.append(tokens)
    return sentences


def joined_text(text: str, tokens: list[Token]) -> str:
    return text[tokens[0].start : tokens[-1].end]


def capitalised_runs(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Maximal runs of capitalised words, joined by single spaces, particles and connectors."""
    runs: list[list[Token]] = []
    current: list[Token] = []

    def adjacent(left: Token, right: Token) -> bool:
        return text[left.end : right.start] == " "

    for index, token in enumerate(tokens):
        joinable = token.is_word and (
            token.capitalised
            or (
                (current or token.text in NAME_PARTICLES)
                and (token.text in PARTICLES or (current and token.text in CONNECTORS))
                and _name_continues(text, tokens, index)
            )
        )
        if token.text.isdigit() and current and len(token.text) <= 2:
            joinable = gazetteer_label(joined_text(text, [*current, token])) is not None
        if joinable and (not current or adjacent(current[-1], token)):
            current.append(token)
            continue
        if current:
            runs.append(current)
        current = [token] if joinable else []
    if current:
        runs.append(current)
    return [
        piece
        for run in runs
        for owned in _split_after_owner(text, run)
        for piece in _split_at_and(text, owned)
    ]


_OWNER = re.compile(r"\w['’]s$")


def _split_after_owner(text: str, run: list[Token]) -> list[list[Token]]:
    """ "Israel's Teva Pharmaceuticals", "Fox's Trading Spouses": an owner, then what it owns,
    two names; unless the whole is a listed name ("McDonald's Corp")."""
    cuts = [i + 1 for i, token in enumerate(run[:-1]) if _OWNER.search(token.text)]
    if not cuts:
        return [run]
    whole = joined_text(text, run)
    if gazetteer_label(whole) or whole in gz.GEONAMES_PLACES:
        return [run]
    bounds = [0, *cuts, len(run)]
    return [run[a:b] for a, b in itertools.pairwise(bounds) if run[a:b]]


def _split_at_and(text: str, run: list[Token]) -> list[list[Token]]:
    """ "Goldman Sachs and Deutsche Bank" is two names; "Bosnia and Herzegovina" is one, and so
    is "Securities and Exchange Commission": one unknown word joined to a body's name."""
    if not any(token.text in ("and", "&") for token in run):
        return [run]
    if gazetteer_label(joined_text(text, run)):
        return [run]
    words = run[1:] if run[0].text == "The" else run
    if (
        len(words) >= 4
        and words[1].text in ("and", "&")
        and words[-1].text in gz.ORG_HEADS
        and not gazetteer_label(words[0].text)
        and words[0].text not in gz.GIVEN_NAMES
    ):
        return [run]
    pieces, current = [], []
    for token in run:
        if token.text in ("and", "&"):
            if current:
                pieces.append(current)
            current = []
        else:
            current.append(token)
    if current:
        pieces.append(current)
    return pieces


def _name_continues(text: str, tokens: list[Token], index: int) -> bool:
    """Whether the particles from `index` on ("von der") lead to a capitalised word."""
    for position in range(index, min(index + 3, len(tokens) - 1)):
        left, right = tokens[position], tokens[position + 1]
        if text[left.end : right.start] != " " or not right.is_word:
            return False
        if right.capitalised:
            return right.text not in _TIME_WORDS
        if right.text not in PARTICLES:
            return False
    return False


def strip_possessive(text: str, token: Token) -> int:
    """End offset of `token` without a possessive ’s."""
    match = _POSSESSIVE.search(token.text)
    if match and len(token.text) > len(match.group()) + 1 and token.capitalised:
        return token.end - len(match.group())
    return token.end


def matches_whole(name: str, longest: int = 6) -> bool:
    """Whether the tokenizer makes `name` one run of capitalised words of at most `longest`
    tokens: what a word list's entry must be for the engine ever to match it."""
    text = f"{name} ."  # a full stop after, as in a sentence
    runs = [
        run for sentence in tokenize(text, 0, len(text)) for run in capitalised_runs(text, sentence)
    ]
    return (
        len(runs) == 1
        and runs[0][0].start == 0
        and strip_possessive(text, runs[0][-1]) == len(name)
        and len(runs[0]) <= longest
    )
