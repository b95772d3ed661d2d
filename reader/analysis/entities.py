"""The built-in named-entity recogniser: capitalisation, gazetteers, titles, context, co-reference.

Runs of capitalised words are split where a title ("Foreign Minister"), a known place or
nationality, or an organisation ends; what is left is classified by its words and context.
Two passes: the first finds what is certain, the second resolves lone surnames ("Kuleba") and
sentence-initial words against the people the first pass found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis import gazetteer as gz
from reader.analysis.people import NAME_SUFFIXES, FullNames, canonical, remember_person
from reader.analysis.teams import as_team, is_country, is_sports, table_side
from reader.analysis.text import ArticleText
from reader.analysis.tokens import (
    CONNECTORS,
    GPE_NAMES,
    NAME_PARTICLES,
    PARTICLES,
    Token,
    capitalised_runs,
    gazetteer_label,
    strip_possessive,
    tokenize,
)

_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "from"})
_PLACE_QUALIFIERS = frozenset(
    "Greater North South East West Northern Southern Eastern Western Upper Lower Central "
    "Inner Outer Old New".split()
)
_NOT_ROLES = frozenset({"A", "An", "The", "Who", "Whose", "General", "Head", "Chief", "Member"})
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
)


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    text: str
    label: str | None
    cue: str = ""  # "title", "given", "role", "reporting", "place", "gazetteer", ...
    sentence_initial: bool = False
    headline: bool = False


def _longest_match(text: str, run: list[Token], index: int, names: frozenset[str]) -> int:
    """How many tokens from `index` form the longest entry of `names` (0 if none)."""
    for length in range(min(6, len(run) - index), 0, -1):
        piece = run[index : index + length]
        name = text[piece[0].start : strip_possessive(text, piece[-1])]
        if name in names:
            return length
    return 0


def _gazetteer_length(text: str, run: list[Token], index: int, quoted: bool) -> tuple[int, str]:
    for length in range(min(6, len(run) - index), 0, -1):
        piece = run[index : index + length]
        name = text[piece[0].start : strip_possessive(text, piece[-1])]
        label = gazetteer_label(name, quoted)
        if not label and _shouted(name):
            # All-capitals text (datelines, headlines): "NEW YORK" is New York. Places and
            # nationalities only: a shouted word is no evidence of a company or a person.
            label = gazetteer_label(name.title(), quoted)
            label = label if label in ("GPE", "LOC", "NORP") else ""
        if label:
            return length, label
    return 0, ""


def _geonames_place(text: str, piece: list[Token]) -> bool:
    name = text[piece[0].start : strip_possessive(text, piece[-1])]
    return name in gz.GEONAMES_PLACES or (_shouted(name) and name.title() in gz.GEONAMES_PLACES)


def _could_be_a_name(place: str) -> bool:
    """Whether a place before an unknown word is a given name ("Paris Whitfield", "Santiago
    Bernabéu"), not the first word of a body or place ("U.S. Treasury", "Bucharest
    Newsroom", "Tunbridge Wells")."""
    return place in gz.GIVEN_NAMES or place in gz.CENSUS_GIVEN_NAMES


def _firm_names(found: list[Candidate]) -> frozenset[str]:
    """The first words of names written with a company's legal form: "Pirelli" of "Pirelli
    SpA", "Kao" of "Kao Corp."."""
    names = set()
    for candidate in found:
        words = candidate.text.split()
        if len(words) >= 2 and words[-1] in gz.LEGAL_FORMS:
            names.add(words[0])
    return frozenset(names)


# What the article itself says of a name that only a body has: a spokesman for it, shares in
# it, its chief executive, profits or shareholders. (Not "staff", "aides": people have them.)
_NAME = r"(?P<name>[A-Z][\w&-]*(?:\s+(?:[A-Z][\w&-]*|of|and|for))*?)"
_BODY_BEFORE = re.compile(
    r"\b(?:spokes(?:man|woman|person)|shares|shareholders|stake|chief executive|chairman|"
    r"takeover|bid|merger)\s+(?:for|in|of|at)\s+(?:the\s+)?" + _NAME + r"(?![\w&-])"
)
_BODY_AFTER = re.compile(
    _NAME + r"['’]s\s+(?:chief executive|chairman|shareholders|shares|board|spokes(?:man|woman|"
    r"person)|profits?|sales|revenues?|subsidiary|takeover|share price|offer|bid|arm|unit)\b"
)
# "the Verizon offer", "its Sandoz unit", "the Easymobile brand".
_BODY_NOUN_AFTER = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+" + _NAME + r"\s+(?:offer|bid|unit|subsidiary|division|brand|"
    r"shareholders|board)\b"
)


def _bodies_by_evidence(text: str) -> frozenset[str]:
    """Names the article shows to be organisations (see _BODY_BEFORE, _BODY_AFTER), and an
    abbreviation it defines in brackets ("… Rural Affairs (Defra)"): a body's short name."""
    names = {match.group("name") for match in _BODY_BEFORE.finditer(text)}
    names.update(match.group("name") for match in _BODY_AFTER.finditer(text))
    names.update(match.group("name") for match in _BODY_NOUN_AFTER.finditer(text))
    for match in _DEFINED.finditer(text):
        initials = "".join(word[0] for word in match.group("long").split() if word[0].isupper())
        short = match.group("short")
        # The name may begin after other words ("Chart-Track for the Entertainment and …").
        if len(short) >= 3 and initials.lower().endswith(short.lower()):
            names.add(short)
    return frozenset(names)


# A name of three or more capitalised words with its abbreviation in brackets after it.
_DEFINED = re.compile(
    r"(?P<long>[A-Z][\w-]*(?:,?\s+(?:[A-Z][\w-]*|of|and|for|the|on)){2,})\s+\((?P<short>[A-Z][A-Za-z]{1,7})\)"
)


# A broadcaster's channel or station: its name and a number ("BBC Three", "Radio 4").
# (A bare numeral after a name is more often a score: "Lazio 2 Roma 1".)
_CHANNEL_NUMBER = re.compile(r"\s+(?:One|Two|Three|Four|Five|Radio\s+\d{1,2})(?![\w-])")
_STATION_NUMBER = re.compile(r"\s+\d{1,2}(?![\w-])")  # after "… Radio"


def _with_channels(text: str, found: list[Candidate]) -> list[Candidate]:
    """A known organisation followed by a number is one name, its channel ("BBC Three",
    "BBC Radio 4"), and the number no name of its own."""
    kept: list[Candidate] = []
    swallowed_to = -1
    for candidate in found:
        if candidate.start < swallowed_to:
            continue
        channel = _STATION_NUMBER if candidate.text.endswith("Radio") else _CHANNEL_NUMBER
        number = channel.match(text, candidate.end) if candidate.label == "ORG" else None
        if number is not None:
            candidate.end = number.end()
            candidate.text = text[candidate.start : candidate.end]
            swallowed_to = candidate.end
        kept.append(candidate)
    return kept


def _titles_of_works(text: str, found: list[Candidate]) -> frozenset[str]:
    """Names the article shows as titles of works once ("the sitcom Nighty Night",
    "Jonathan Creek (BBC One)"): titles wherever else they stand."""
    return frozenset(
        candidate.text
        for candidate in found
        if candidate.label is None and not candidate.cue and _titled_as_work(text, candidate)
    )


def _titled_as_work(text: str, candidate: Candidate) -> bool:
    """Named as a work here: after "the sitcom", "shows", or before a channel in brackets."""
    return _word_before(text, candidate.start) in _WORK_NOUNS or bool(
        _ON_CHANNEL.match(text, candidate.end)
    )


def _known_surname(word: str, people: dict[str, str]) -> bool:
    """Whether `word` is the surname of a person the article names in full."""
    full = people.get(word, "").split()
    return len(full) >= 2 and full[-1] == word


def _shouted(name: str) -> bool:
    """All capitals and more than an acronym's few letters ("LONDON", not "US")."""
    return name.isupper() and sum(char.isalpha() for char in name) > 3


_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*")
_SHOUTED_LINKS = frozenset("AT VS V".split())
_VESSELS = frozenset("USS HMS RMS HMAS HMCS INS".split())
# A possessive ending, and only that: "Airlines" keeps its s ("rstrip" took it: "Airline").
_POSSESSIVE_END = re.compile(r"['’]s?$")


def _is_org_phrase(run: list[Token]) -> bool:
    """ "Russian Defense Ministry", "Reserve Bank of Australia", "Ministry of Defense"."""
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


def split_run(text: str, run: list[Token], headline: bool) -> list[Candidate]:
    """Cut a run of capitalised words into titles (dropped), known names and the rest."""
    candidates: list[Candidate] = []
    index = 0
    title_cue = False
    quoted = run[0].after_quote
    while index < len(run):
        token = run[index]
        starts_surname = (
            token.text in NAME_PARTICLES
            and index + 1 < len(run)
            and (index == 0 or run[index - 1].text in gz.COMMON_CAPITALISED)
        )
        if (token.text in CONNECTORS or token.text in PARTICLES) and not starts_surname:
            index += 1
            continue
        if token.text in _SHOUTED_LINKS:
            index += 1  # "ATLANTA AT CHICAGO": a fixture in capitals, two names
            continue
        if token.text in ("The", "the"):
            with_the, label = _gazetteer_length(text, run, index, quoted)
            if with_the > 1 and text[token.start : run[index + with_the - 1].end] in GPE_NAMES:
                candidates.append(
                    _candidate(text, run[index : index + with_the], label, "gazetteer")
                )
                index += with_the
            else:
                index += 1
            continue
        rest = run[index:]
        if token.text.lower() in gz.ROLE_NOUNS and token.text not in _NOT_ROLES and len(rest) > 1:
            index += 1  # "Curator Anna Ferris": a role works as a title
            title_cue = True
            continue
        if (
            _is_org_phrase(rest)
            and not any(t.text in gz.PERSON_TITLES for t in rest[1:])
            # A known place that ends in a body's word is the place: "West Bank".
            and _gazetteer_length(text, run, index, quoted)[0] < len(rest)
        ):
            candidates.append(_candidate(text, rest, "ORG", "org-head"))
            break
        title_length = _longest_match(text, run, index, gz.PERSON_TITLES)
        gazetteer_length, label = _gazetteer_length(text, run, index, quoted)
        if token.text in _PLACE_QUALIFIERS and not gazetteer_length and index + 1 < len(run):
            # "Greater Manchester", "East Jerusalem": a qualifier and a known place are a place.
            place_length, place_label = _gazetteer_length(text, run, index + 1, quoted)
            if place_label in ("GPE", "LOC"):
                piece = run[index : index + 1 + place_length]
                candidates.append(_candidate(text, piece, place_label, "gazetteer"))
                index += 1 + place_length
                continue
        if title_length and title_length >= gazetteer_length:
            after_title = index + title_length
            if after_title < len(run) and run[after_title].text in gz.ORG_HEADS:
                # "Major League Baseball", "General Council": no name starts with "League"
                candidates.append(_candidate(text, rest, "ORG", "org-head"))
                break
            index += title_length
            title_cue = True
            continue
        if (
            label == "ORG"
            and gazetteer_length == len(rest) - 1
            and rest[-1].text in gz.THING_HEADS
            and not _CHANNEL_NUMBER.fullmatch(" " + rest[-1].text)  # "BBC One" is a channel
        ):
            break  # a day or an event named after a body: "Labour Day" is no Labour
        if gazetteer_length:
            piece = run[index : index + gazetteer_length]
            following = (
                run[index + gazetteer_length] if index + gazetteer_length < len(run) else None
            )
            # "Jordan" in "Michael Jordan" is a surname, and "Paris" in "Paris Whitfield" a
            # given name: a place followed by an unknown capitalised word is a name.
            place_then_name = (
                label == "GPE"
                and gazetteer_length == 1
                and _could_be_a_name(text[piece[0].start : piece[0].end])
                and following is not None
                and following.text not in gz.COMMON_CAPITALISED
                and following.text not in gz.ORG_HEADS
                and not _gazetteer_length(text, run, index + 1, quoted)[0]
                and not _longest_match(text, run, index + 1, gz.PERSON_TITLES)
            )
            if not (title_cue or _given_name(run, index) or place_then_name):
                candidates.append(_candidate(text, piece, label, "gazetteer"))
                index += gazetteer_length
                continue
        if token.text in gz.COMMON_CAPITALISED:
            index += 1
            continue
        # The rest of the run, up to the next known name or title, is one name.
        end = index + 1
        while end < len(run):
            if not _given_name(run, index) and _gazetteer_length(text, run, end, quoted)[0]:
                break
            if run[end].text in _SHOUTED_LINKS:
                break
            if (
                run[end].text == "of"
                and end + 1 < len(run)
                and _gazetteer_length(text, run, end + 1, quoted)[1] in ("GPE", "LOC")
            ):
                break  # "Simon Parke of England": a person and where they are from
            if (
                _longest_match(text, run, end, gz.PERSON_TITLES)
                and run[end].text not in gz.GIVEN_NAMES
            ):
                break
            end += 1
        while end > index + 1 and run[end - 1].text in (CONNECTORS | PARTICLES):
            end -= 1
        piece = run[index:end]
        cue = "title" if title_cue else "given" if _given_name(run, index) else ""
        if not cue and index == 0 and end == len(run) and _geonames_place(text, piece):
            # A large place of GeoNames, standing alone: a place. Inside a longer run it is
            # more often part of a name ("Carla Sacramento", "Rotor Volgograd").
            candidates.append(_candidate(text, piece, "GPE", "geonames"))
            index = end
            continue
        candidate = _candidate(text, piece, None, cue)
        candidate.headline = headline
        candidates.append(candidate)
        title_cue = False
        index = end
    for candidate in candidates:
        candidate.sentence_initial = candidate.start == run[0].start and run[0].sentence_initial
        candidate.headline = headline
    return candidates


def _given_name(run: list[Token], index: int) -> bool:
    if index + 1 >= len(run):
        return False
    word = run[index].text
    if word in gz.GIVEN_NAMES:
        return True
    last = run[-1].text
    return word in gz.CENSUS_FIRST_NAMES and not (
        last in gz.PLACE_HEADS
        or last in gz.ORG_HEADS
        or last in gz.THING_HEADS
        or last.rstrip(".") in gz.LEGAL_FORMS
        or last in gz.LEGAL_FORMS
        or any(token.text in gz.ORG_HEADS for token in run[index + 1 :])
    )


def _candidate(text: str, piece: list[Token], label: str | None, cue: str) -> Candidate:
    end = strip_possessive(text, piece[-1])
    return Candidate(piece[0].start, end, text[piece[0].start : end], label, cue)


def _context_after(text: str, end: int) -> str:
    return text[end : end + 40]


def _word_before(text: str, start: int) -> str:
    """The word just before `start` in the same sentence ("" at a sentence's start)."""
    before = text[max(0, start - 30) : start]
    before = before[before.rfind("\n") + 1 :].rstrip(' “"')
    if not before or before[-1] in ".!?:;":
        return ""
    words = before.split()
    return words[-1].lower() if words else ""


_ROLE_AFTER = re.compile(r"^,\s+(?:the\s+|a\s+|an\s+)?(\w+)")
_VERB_AFTER = re.compile(r"^[’']?s?\s+(\w+)")
# After "X said": "it" or "its" within a few words ("said on Friday that its sales rose").
_ITS_AFTER = re.compile(r"(?:\s+(?!he\b|she\b|his\b|her\b|they\b)[\w-]+){0,4}?\s+(?:it|its)\b")
# … and "he", "his", "she" or "her": a person ("Okafor said his team won").
_HIS_AFTER = re.compile(r"(?:\s+(?!it\b|its\b|they\b)[\w-]+){0,4}?\s+(?:he|his|she|her)\b")


def classify(
    text: str,
    candidate: Candidate,
    people: dict[str, str],
    lower_words: frozenset[str] = frozenset(),
) -> str | None:
    """The label of a candidate the gazetteers did not settle, from its words and context.
    `lower_words`: the words the article writes in lower case somewhere."""
    words = candidate.text.split()
    after = _context_after(text, candidate.end)
    role = _ROLE_AFTER.match(after)
    verb = _VERB_AFTER.match(after)
    # Initials and "Jr" make a name no longer ("Walter M Phillips Jr").
    core = [w for w in words if len(w.rstrip(".")) > 1 and w not in NAME_SUFFIXES]
    if len(core) > 3 and not any(word in PARTICLES for word in words):
        return None  # "James Webb Space Telescope": names of people are rarely this long
    kind_after = _KIND_AFTER.match(after)
    if kind_after and kind_after.group(1) in gz.ORG_TYPE_NOUNS and candidate.cue != "title":
        return "ORG"  # "Sal Oppenheim investment bank", "the Nielsen ratings firm"
    if candidate.cue == "given":
        return "PERSON"
    if words[-1] in people or candidate.text in people.values():
        return "PERSON"
    if candidate.cue == "title" and not candidate.headline:
        return "PERSON"
    if candidate.headline:
        return None
    before = _word_before(text, candidate.start)
    if _PLURAL_ACRONYM.fullmatch(candidate.text):
        return None  # "the MPs said", "DVDs": a plural is a kind of thing, not a name
    if candidate.cue != "title" and _titled_as_work(text, candidate):
        return None  # a title: "the sitcom Nighty Night", "Jonathan Creek (BBC One)"
    if candidate.text.isupper() and _is_dateline(text, candidate):
        return "GPE"  # "LONDON — Shell reported…"
    acronym = candidate.text.isupper() and 2 <= len(candidate.text.replace(".", "")) <= 6
    if acronym and candidate.text not in _NOT_ACRONYMS and len(words) == 1:
        return "ORG"
    if before in gz.ORG_TYPE_NOUNS:
        return "ORG"  # "environmental group Global Witness", "carmaker Stellantis"
    if (
        before in _ORG_LINKS
        and _singular(_word_before(text, candidate.start - len(before) - 1)) in gz.ROLE_NOUNS
    ):
        return "ORG"  # "an adviser to Allianz", "analysts at Jefferies"
    if role and role.group(1) in gz.ROLE_NOUNS and role.group(1) not in ("who", "a", "an", "the"):
        return "PERSON"
    reporting = verb is not None and verb.group(1).lower() in gz.REPORTING_VERBS
    feature = verb is not None and verb.group(1) in _FEATURES
    if feature:
        return "LOC"
    if len(words) == 1:
        if candidate.sentence_initial and candidate.text.lower() in lower_words:
            return None  # "Dealers said…" opening a sentence, "dealers" elsewhere: a common noun
        if reporting and _ITS_AFTER.match(text, candidate.end + verb.end()):
            return "ORG"  # "Ericsson said its profit rose": what says "its" is no person
        if reporting and candidate.text not in gz.COMMON_CAPITALISED:
            # A lone word the article never gives a first name or a title: a body ("Uefa
            # said", "Qwest said"), unless "he" or "she" follows or it is shaped as a surname
            # ("O'Neill said").
            if _HIS_AFTER.match(text, candidate.end + verb.end()):
                return "PERSON"
            return "PERSON" if _SURNAME_SHAPE.match(candidate.text) else "ORG"
        if candidate.sentence_initial:
            return None
        if before in _PLACE_PREPOSITIONS or _place_of(text, candidate.start):
            return "GPE"
        return None
    if before in _PLACE_PREPOSITIONS and not reporting and candidate.cue != "given":
        return "GPE"  # "in Rio Grande do Sul"
    if len(words) <= 4 and all(word[0].isupper() or word in PARTICLES for word in words):
        if candidate.sentence_initial and words[0] in gz.COMMON_CAPITALISED:
            return None
        if any(word in gz.ORG_HEADS for word in words):
            return "ORG"  # "Network Rail": an organisation's word inside the name
        if words[-1] in gz.PLACE_HEADS:
            return "LOC"  # "Ellis Park", "Wall Street"
        if len(words) >= 3 and words[0] in people and words[-1] not in NAME_SUFFIXES:
            return "ORG"  # named after someone: "Trump National Doral", "Clinton Global Initiative"
        if words[-1] in gz.THING_HEADS or candidate.text.isupper() or words[0] in _VESSELS:
            return None  # "World Cup", "Labor Day", "EASTERN DIVISION", "USS Cole"
        return "PERSON"
    return None


# The kind of body a name is, right after it: "X investment bank", "X group".
_KIND_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?([a-z]+)\b")
# Words before a title of a work (no entity of ours), and a channel in brackets after one.
_WORK_NOUNS = frozenset(
    "show shows programme programmes program series sitcom sitcoms drama dramas film films "
    "movie movies album albums single song songs novel book books game games musical "
    "documentary soap".split()
)
_ON_CHANNEL = re.compile(r"\s*\((?:BBC|ITV|Channel|Sky|E4|More4|CBS|NBC|ABC|Fox|HBO)\b[^()]*\)")
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,5}s")
_SURNAME_SHAPE = re.compile(r"(?:O['’]|Mc|Mac(?=[A-Z])|Fitz)[A-Z]")

_PLACE_OF = re.compile(
    r"\b(?:island|city|town|village|port|region|province|state|county|district|capital|"
    r"islands|republic|kingdom|emirate|municipality)\s+of\s+$",
    re.I,
)


def _place_of(text: str, start: int) -> bool:
    """ "the island of Rhodes", "the city of Kharkiv": a settlement or territory's name."""
    return bool(_PLACE_OF.search(text[max(0, start - 40) : start]))


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _is_dateline(text: str, candidate: Candidate) -> bool:
    """An all-capitals place opening a paragraph: "LONDON —", "WOODSIDE, Calif. (AP) —"."""
    line_start = text.rfind("\n", 0, candidate.start) + 1
    return not text[line_start : candidate.start].strip() and text[
        candidate.end : candidate.end + 3
    ].lstrip(" ").startswith(("—", "–", "-", ",", "("))


def find_entities(article_text: ArticleText) -> list[tuple[int, int, str, str]]:
    """(start, end, label, canonical name) in the joined text, in reading order."""
    text = article_text.text
    found: list[Candidate] = []
    for paragraph in article_text.paragraphs:
        block_text = text[paragraph.start : paragraph.end]
        headline = paragraph.is_title or _title_case(block_text)
        for sentence in tokenize(text, paragraph.start, paragraph.end):
            for run in capitalised_runs(text, sentence):
                found.extend(split_run(text, run, headline))

    found = _with_channels(text, found)
    works = _titles_of_works(text, found)
    sports = is_sports(text)
    lower_words = frozenset(_LOWER_WORD.findall(text))
    # Pass one: what is certain. People's surnames are remembered for pass two.
    people: dict[str, str] = {}
    for candidate in found:
        if (
            candidate.label is None
            and candidate.cue in ("title", "given")
            and not candidate.headline
        ):
            words = candidate.text.split()
            if 2 <= len(words) <= 3 or (len(words) > 3 and any(w in PARTICLES for w in words)):
                remember_person(people, candidate.text)
    # A company the article names with its legal form ("Pirelli SpA") is no person under its
    # other names either ("Pirelli said", "Pirelli Cables").
    firms = _firm_names(found)
    bodies = _bodies_by_evidence(text)
    # Pass two, twice: classify the rest; lone surnames join the people they name, and a
    # person found late ("Macron told reporters") is known by then for the headline.
    # A name the article shows as a place once ("the Kurdish city of Arbil") is that place
    # where nothing else says what it is ("within 10 km of Arbil").
    places: dict[str, str] = {}
    for _round in range(2):
        results = []
        for candidate in found:
            label = candidate.label or classify(text, candidate, people, lower_words)
            if label in ("GPE", "LOC") and candidate.text in people and candidate.label:
                label = "PERSON"  # "London wrote…" after "Jack London"
            if sports and not candidate.headline:
                label = _sports_label(text, candidate, label, people, lower_words)
            shouted = _shouted(candidate.text)
            if (
                shouted
                and label not in ("GPE", "LOC", "NORP")
                and _known_surname(candidate.text.title(), people)
            ):
                label = "PERSON"  # a transcript's "PENCE:", a shouted headline's "OBAMA"
            if (
                label in (None, "PERSON", "GPE")
                and not candidate.cue
                and candidate.text in bodies
                and not (label == "GPE" and candidate.label)
            ):
                label = "ORG"  # "a spokesman for Vodafone", "Defra" defined in brackets
            if (
                label in (None, "PERSON")
                and not candidate.cue
                and candidate.text.split()[0] in firms
            ):
                label = "ORG"
            if candidate.text in works and not candidate.cue and candidate.label is None:
                label = None  # a show's title where nothing tells ("But Doc Martin won")
            if label is None and not candidate.headline:
                label = places.get(candidate.text)
            if label is None:
                continue
            if label == "PERSON" and not shouted:
                remember_person(people, candidate.text)
            if label in ("GPE", "LOC") and candidate.label is None:
                places.setdefault(candidate.text, label)  # by its context, not by a list
            results.append((candidate, label))
    results = _with_headline_names(results, [c for c in found if c.headline])
    full_names = FullNames(
        (candidate.start, candidate.text)
        for candidate, label in results
        if label == "PERSON" and len(candidate.text.split()) >= 2
    )
    mentions = []
    for candidate, label in results:
        written = candidate.text
        if label == "PERSON" and _shouted(written):
            written = written.title()
        name = canonical(written, label, people)
        if label == "PERSON" and len(written.split()) == 1:
            name = full_names.named(written, candidate.start) or name
        mentions.append((candidate.start, candidate.end, label, name))
    return mentions


def _sports_label(
    text: str,
    candidate: Candidate,
    label: str | None,
    people: dict[str, str],
    lower_words: frozenset[str],
) -> str | None:
    """In a sports report: a city or state as a side of a league table, result or fixture is
    a club; so is a name nothing else recognised where a team stands (see `teams`)."""
    start, end = candidate.start, candidate.end
    if label == "GPE" and not is_country(candidate.text) and table_side(text, start, end):
        return "ORG"
    if label is None or candidate.cue == "geonames":
        known_person = candidate.cue in ("title", "given") or candidate.text.split()[-1] in people
        if as_team(text, start, end, known_person):
            return "ORG"
        stands_for_place = label is not None and is_country(candidate.text)
        if not known_person and not stands_for_place and _lone_side(text, candidate, lower_words):
            return "ORG"  # a lone name, or a city or county of GeoNames, in a list of sides
    return label


# Words that head or qualify names of events, places and bodies ("Cup", "Open", "Tour"), the
# capitalised words of ordinary prose, given names and nationalities: no side by themselves.
_NOT_SIDES = (
    gz.THING_HEADS
    | gz.PLACE_HEADS
    | gz.ORG_HEADS
    | gz.COMMON_CAPITALISED
    | gz.GIVEN_NAMES
    | gz.NATIONALITIES
)
_VENUE_WORDS = frozenset({"at", "in", "to", "from", "of"})


def _lone_side(text: str, candidate: Candidate, lower_words: frozenset[str]) -> bool:
    """A lone name nothing else recognised, in a sports report where players are named in
    full, is a side ("Essex, Derbyshire and Surrey all closed in on victory"): not a word the
    report also writes in lower case ("Results", "Women"), a label ("Attendance:"), a venue
    ("at Headingley"), an initial or a contraction, nor a sentence's first word unless a list
    of sides goes on from it."""
    name = candidate.text
    if (
        " " in name
        or len(name) < 3
        or not name.isalpha()  # "I'm", "O'Gorman", "Under-21", "I."
        or _shouted(name)
        or name.lower() in lower_words
        or name in _NOT_SIDES
    ):
        return False
    after = text[candidate.end : candidate.end + 5]
    if after.startswith(":") or _word_before(text, candidate.start).lstrip("([") in _VENUE_WORDS:
        return False
    return not candidate.sentence_initial or after.startswith((",", " and "))


def _with_headline_names(
    results: list[tuple[Candidate, str]], headline: list[Candidate]
) -> list[tuple[Candidate, str]]:
    """In a Title Case headline capitals are no evidence, so its runs ("Struggling Donald Trump
    Attacks Hammering Hillary Clinton") are left unlabelled; the names the article itself
    establishes are found inside them, whole words only, longest first."""
    labelled = {id(candidate) for candidate, _label in results}
    known: dict[str, str] = {}
    for candidate, label in results:
        if not candidate.headline and len(candidate.text) > 2:
            known.setdefault(candidate.text, label)
    if not known or not headline:
        return results
    pattern = re.compile(
        r"\b(?:"
        + "|".join(re.escape(name) for name in sorted(known, key=len, reverse=True))
        + r")\b"
    )
    added = []
    for candidate in headline:
        if id(candidate) in labelled:
            continue
        for match in pattern.finditer(candidate.text):
            start = candidate.start + match.start()
            piece = Candidate(start, start + len(match.group()), match.group(), None)
            added.append((piece, known[match.group()]))
    if not added:
        return results
    return sorted([*results, *added], key=lambda item: item[0].start)


_SMALL_WORDS = frozenset("a an the of in on for to and or but at by with from as vs".split())


def _title_case(block_text: str) -> bool:
    """A Title Case Headline: nearly every word but the small ones capitalised. A line of
    names and figures (a scorecard, a table: "J. Pooley 111, M. Ramprakash 108") is none."""
    tokens = block_text.split()
    figures = sum(1 for token in tokens if any(char.isdigit() for char in token))
    if figures >= 2 and figures * 5 >= len(tokens):
        return False
    words = [w for w in tokens if w[0].isalpha() and w.lower() not in _SMALL_WORDS]
    if len(words) < 4:
        return False
    capitalised = sum(word[0].isupper() for word in words)
    return capitalised / len(words) >= 0.9
