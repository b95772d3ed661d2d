"""The built-in named-entity recogniser: capitalisation, gazetteers, titles, context, co-reference.

Runs of capitalised words are cut where a title ("Foreign Minister"), a known place or
nationality, or an organisation ends (`run_cutting`); what is left is labelled by its words and
context (`label_rules`). Two passes over the article: the first finds what is certain, the
second resolves lone surnames ("Kuleba") and sentence-initial words against the people the
first pass found, and weighs what the article says elsewhere of a name (the article-wide
rules below, each named for `reader analyze --explain`).
"""

from __future__ import annotations

import re

from reader.analysis import gazetteer as gz
from reader.analysis.candidates import Candidate, shouted, word_before
from reader.analysis.label_rules import classify
from reader.analysis.people import FullNames, canonical, remember_person
from reader.analysis.quotes import sentence_start
from reader.analysis.run_cutting import CHANNEL_NUMBER, split_run
from reader.analysis.teams import as_team, in_a_result, is_country, is_sports, table_side
from reader.analysis.text import ArticleText
from reader.analysis.tokens import PARTICLES, capitalised_runs, tokenize

# A Title Case headline: this share of its words (small words aside) capitalised, or more.
TITLE_CASE_SHARE = 0.9


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
_STATION_NUMBER = re.compile(r"\s+\d{1,2}(?![\w-])")  # after "… Radio"


def _with_channels(text: str, found: list[Candidate]) -> list[Candidate]:
    """A known organisation followed by a number is one name, its channel ("BBC Three",
    "BBC Radio 4"), and the number no name of its own."""
    kept: list[Candidate] = []
    swallowed_to = -1
    for candidate in found:
        if candidate.start < swallowed_to:
            continue
        channel = _STATION_NUMBER if candidate.text.endswith("Radio") else CHANNEL_NUMBER
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


# Words before a title of a work (no entity of ours), and a channel in brackets after one.
_WORK_NOUNS = frozenset(
    "show shows programme programmes program series sitcom sitcoms drama dramas film films "
    "movie movies album albums single song songs novel book books game games musical "
    "documentary soap".split()
)
_ON_CHANNEL = re.compile(r"\s*\((?:BBC|ITV|Channel|Sky|E4|More4|CBS|NBC|ABC|Fox|HBO)\b[^()]*\)")


def _titled_as_work(text: str, candidate: Candidate) -> bool:
    """Named as a work here: after "the sitcom", "shows", or before a channel in brackets."""
    return word_before(text, candidate.start) in _WORK_NOUNS or bool(
        _ON_CHANNEL.match(text, candidate.end)
    )


def _known_surname(word: str, people: dict[str, str]) -> bool:
    """Whether `word` is the surname of a person the article names in full."""
    full = people.get(word, "").split()
    return len(full) >= 2 and full[-1] == word


_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*")


def find_entities(article_text: ArticleText) -> list[tuple[int, int, str, str]]:
    """(start, end, label, canonical name) in the joined text, in reading order."""
    return [mention[:4] for mention in explained_entities(article_text)]


def explained_entities(
    article_text: ArticleText, rejected: list[tuple[int, int, str]] | None = None
) -> list[tuple[int, int, str, str, str]]:
    """As `find_entities`, each with the name of the rule that decided its label; the
    candidates decided to be no entity go to `rejected` (start, end, rule), if given."""
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
    first_round: dict[int, tuple[str | None, str]] = {}
    for last_round in (False, True):
        results = []
        for candidate in found:
            if candidate.label:
                label, rule = candidate.label, candidate.rule
            else:
                label, rule = classify(text, candidate, people, lower_words)
                said_before = first_round.setdefault(id(candidate), (label, rule))
                if rule == "known-person" and said_before[0] == "PERSON":
                    rule = said_before[1]  # known by now because the first round said so
            if label in ("GPE", "LOC") and candidate.text in people and candidate.label:
                label, rule = "PERSON", "person-not-place"  # "London wrote…" after "Jack London"
            if sports and not candidate.headline:
                side = _sports_label(text, candidate, label, people, lower_words)
                if side != label:
                    label, rule = side, "sports-side"
            is_shouted = shouted(candidate.text)
            if (
                is_shouted
                and label not in ("GPE", "LOC", "NORP")
                and _known_surname(candidate.text.title(), people)
            ):
                # A transcript's "PENCE:", a shouted headline's "OBAMA".
                label, rule = "PERSON", "shouted-surname"
            if (
                label in (None, "PERSON", "GPE")
                and not candidate.cue
                and candidate.text in bodies
                and not (label == "GPE" and candidate.label)
            ):
                # "a spokesman for Vodafone", "Defra" defined in brackets.
                label, rule = "ORG", "body-by-evidence"
            if (
                label in (None, "PERSON")
                and not candidate.cue
                and candidate.text.split()[0] in firms
            ):
                label, rule = "ORG", "firm-with-legal-form"
            if (
                label is not None
                and candidate.text in works
                and not candidate.cue
                and candidate.label is None
            ):
                # A show's title where nothing tells ("But Doc Martin won").
                label, rule = None, "title-of-a-work"
            if label is None and not candidate.headline and candidate.text in places:
                label, rule = places[candidate.text], "place-elsewhere"
            if label is None:
                if last_round and rejected is not None:
                    rejected.append((candidate.start, candidate.end, rule))
                continue
            if label == "PERSON" and not is_shouted:
                remember_person(people, candidate.text)
            if label in ("GPE", "LOC") and candidate.label is None:
                places.setdefault(candidate.text, label)  # by its context, not by a list
            results.append((candidate, label, rule))
    results = _with_headline_names(results, [c for c in found if c.headline])
    full_names = FullNames(
        (candidate.start, candidate.text)
        for candidate, label, _rule in results
        if label == "PERSON" and len(candidate.text.split()) >= 2
    )
    mentions = []
    for candidate, label, rule in results:
        written = candidate.text
        if label == "PERSON" and shouted(written):
            written = written.title()
        name = canonical(written, label, people)
        if label == "PERSON" and len(written.split()) == 1:
            paragraph = text.rfind("\n", 0, candidate.start) + 1
            sentence = sentence_start(text, candidate.start, paragraph)
            name = full_names.named(written, candidate.start, sentence) or name
        mentions.append((candidate.start, candidate.end, label, name, rule))
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
    if (
        label == "GPE"
        and not is_country(candidate.text)
        and (table_side(text, start, end) or in_a_result(text, start, end))
    ):
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
        or shouted(name)
        or name.lower() in lower_words
        or name in _NOT_SIDES
    ):
        return False
    after = text[candidate.end : candidate.end + 5]
    if after.startswith(":") or word_before(text, candidate.start).lstrip("([") in _VENUE_WORDS:
        return False
    return not candidate.sentence_initial or after.startswith((",", " and "))


def _with_headline_names(
    results: list[tuple[Candidate, str, str]], headline: list[Candidate]
) -> list[tuple[Candidate, str, str]]:
    """In a Title Case headline capitals are no evidence, so its runs ("Struggling Donald Trump
    Attacks Hammering Hillary Clinton") are left unlabelled; the names the article itself
    establishes are found inside them, whole words only, longest first."""
    labelled = {id(candidate) for candidate, _label, _rule in results}
    known: dict[str, str] = {}
    for candidate, label, _rule in results:
        if not candidate.headline and len(candidate.text) > 2:
            known.setdefault(candidate.text, label)
    if not known or not headline:
        return results
    # Known names by their first word, longest first (no pattern of every name compiled per
    # article: that cost more than the rest of the headline's work).
    by_first: dict[str, list[str]] = {}
    for name in sorted(known, key=len, reverse=True):
        first = _FIRST_WORD.match(name)
        if first is not None:
            by_first.setdefault(first.group(), []).append(name)
    added = []
    for candidate in headline:
        if id(candidate) in labelled:
            continue
        for name, offset in _names_inside(candidate.text, by_first):
            start = candidate.start + offset
            piece = Candidate(start, start + len(name), name, None)
            added.append((piece, known[name], "named-in-the-article"))
    if not added:
        return results
    return sorted([*results, *added], key=lambda item: item[0].start)


_FIRST_WORD = re.compile(r"\w+")
_WORD_START = re.compile(r"\b\w+")


def _names_inside(text: str, by_first: dict[str, list[str]]) -> list[tuple[str, int]]:
    """The known names inside `text`, whole words, leftmost and longest first, not
    overlapping: (name, offset)."""
    found = []
    position = 0
    for word in _WORD_START.finditer(text):
        if word.start() < position:
            continue
        for name in by_first.get(word.group(), ()):
            end = word.start() + len(name)
            if text.startswith(name, word.start()) and _word_boundary(text, end):
                found.append((name, word.start()))
                position = end
                break
    return found


def _word_boundary(text: str, at: int) -> bool:
    """What `\\b` means at `at`: a word character on one side only."""
    before = at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_")
    after = at < len(text) and (text[at].isalnum() or text[at] == "_")
    return before != after


_DIGIT = re.compile(r"\d")
_SMALL_WORDS = frozenset("a an the of in on for to and or but at by with from as vs".split())


def _title_case(block_text: str) -> bool:
    """A Title Case Headline: nearly every word but the small ones capitalised. A line of
    names and figures (a scorecard, a table: "J. Pooley 111, M. Ramprakash 108") is none."""
    tokens = block_text.split()
    words = [w for w in tokens if w[0].isalpha() and w.lower() not in _SMALL_WORDS]
    if len(words) < 4:
        return False
    capitalised = sum(word[0].isupper() for word in words)
    if capitalised / len(words) < TITLE_CASE_SHARE:
        return False  # most paragraphs: prose, settled before the figures are counted
    figures = sum(1 for token in tokens if _DIGIT.search(token))
    return not (figures >= 2 and figures * 5 >= len(tokens))
