"""What each quotation is (speech, scare quote, title), the verbs that report speech, and the
subject of a quotation's reporting verb; pronouns resolved to the person they stand for.

The phrases around a quotation that name its speaker are in `speaker_clauses`; the order in
which the rules ask them, in `attribution`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from reader.analysis import gazetteer as gz
from reader.analysis.quotes import Found, abbreviation_before, sentence_start
from reader.analysis.speaker_phrases import (
    PRONOUN_GENDER,
    Mentions,
    mention_in,
    possessive,
)

# Cues of speech that name no person by themselves (a newspaper "reports"), so they serve
# attribution only, not the recognition of people (gazetteer.REPORTING_VERBS).
_MORE_CUES = """
reports reported report saying asking accused accuses accusing implored implores pleaded
tweeting writing wrote demanded demands exclaimed yelled screamed cried chanted sang sings
testified testifies countered counters retorted quipped mused asserted asserts charged charges
wondered concluded concludes recounted recounts lamented laments protested objected alleged
alleges contended contends proclaimed texted emailed posted pleads begged scoffed sneered
claim insist argue warn admit deny allege contend maintain
chanting shouting telling warning insisting arguing noting declaring reads read
""".split()
# Verbs that frame someone else's words only before them ("Christie blasted Clinton as a
# “disgrace”"); after a quotation they start another clause ("…,” when Clinton blasted him).
_BEFORE_CUES = """
ruled rules cited cites likened likens blasted blasts slammed slams branded brands mocked
mocks derided derides dismissed dismisses hailed hails touted touts praised praises criticized
criticised criticizes criticises compared compares condemned condemns denounced denounces
branding describing calling labelling labeling dubbing condemning denouncing citing likening
call
""".split()


def _alternatives(words) -> str:
    # Longest first, so "told reporters" wins over "told".
    return "|".join(sorted(set(words), key=len, reverse=True))


REPORTING = _alternatives(
    [*gz.REPORTING_VERBS, *_MORE_CUES, "told reporters", "said in a statement"]
)
VERB = rf"(?:{REPORTING})"  # after a quotation
_VERB_BEFORE = rf"(?:{REPORTING}|{_alternatives(_BEFORE_CUES)})"  # before one


PRONOUNS = {"he", "she", "they", "it", "him", "her", "we", "i"}


# A subject may hold the full stop of a title or an initial: "Mr. Butterfield", "Sen. J. Doe".
_TITLE_STOP = (
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Del|Gov|Rev|Gen|Col|Lt|Sgt|Capt|Adm|Maj|St|Jr|Sr|[A-Z]"
    # …or a party and its state after a name: "Mitch McConnell, R-Ky., said".
    r"|[DRI]-[A-Z][a-z]{1,4})\."
)
# …and a party and state in brackets: "Sen. Claire McCaskill (D-Mo.)".
SUBJECT_PIECE = rf"(?:{_TITLE_STOP}|\([^()“\"\n]{{1,40}}\)|[^“\".!?])"


# Before the opening mark: `X said: “`, `X said that “`, `X said in a statement: “`. Found verb
# first (a regex that tried every reporting verb at every character of the subject cost
# milliseconds a quotation): the reporting verb nearest the mark with only this between them
# ("The spot concludes with footage of Trump saying, “…”": saying, so Trump), and before it
# the longest run of up to 120 subject characters.
_HEAD_TAIL = re.compile(r"[^“\".!?:]{0,60}(?:\s+that)?\s*[:,]?\s*\Z")
_HEAD_SUBJECT = re.compile(rf"{SUBJECT_PIECE}{{0,120}}\Z", re.I)


@dataclass(frozen=True, slots=True)
class HeadMatch:
    subject: str
    subject_start: int  # offsets into the text searched
    subject_end: int


# How far before an opening mark its reporting verb is looked for ("X said on Monday that …:"),
# how far before the verb its subject, and how far back a quotation's sentence is read, in
# characters: bounds that keep a long paragraph from being read again for every quotation.
_VERB_REACH = 200
_SUBJECT_REACH = 600
_SENTENCE_REACH = 400


def head_match(text: str, start: int = 0, end: int | None = None) -> HeadMatch | None:
    """`Subject said:` ending text[start:end] (the stretch before an opening mark)."""
    end = len(text) if end is None else end
    for verb in reversed(list(_LAST_VERB.finditer(text, max(start, end - _VERB_REACH), end))):
        if not _HEAD_TAIL.match(text, verb.end(), end):
            continue
        subject_end = verb.start()
        while subject_end > start and text[subject_end - 1].isspace():
            subject_end -= 1
        subject = _HEAD_SUBJECT.search(text, max(start, subject_end - _SUBJECT_REACH), subject_end)
        if subject is None:
            continue
        return HeadMatch(subject.group(), subject.start(), subject_end)
    return None


_LAST_VERB = re.compile(rf"(?<![\w-]){_VERB_BEFORE}\b", re.I)  # not "so-called"


# What names a term rather than quoting a speaker, right before the opening mark.
_NAMED_AS = re.compile(r"\b(?:known as|the slogan:?|the term|so-called)\s*$", re.I)


def classify(text: str, quote: Found) -> str:
    content = text[quote.content_start : quote.content_end].strip()
    inner = content.strip(" ,.;:!?…—–-")
    words = inner.split()
    if not words:
        return "scare"
    if not quote.open_mark or (quote.end - quote.start > 0 and "\n" in content):
        return "speech"
    ends_like_speech = content[-1:] in ",.!?…—-" if content else False
    small = {"of", "the", "and", "in", "a", "an", "for", "on", "to", "at", "de", "la", "le"}
    title_case = all(word[0].isupper() or word in small for word in words)
    if _NAMED_AS.search(text, max(0, quote.start - 24), quote.start):
        return "scare"  # a term or a slogan: `known as "passing off"`, `the slogan: "…"`
    if inner in gz.PUBLICATIONS or inner in gz.ORGANISATIONS:
        return "title"
    if title_case and len(words) <= 6 and not ends_like_speech:
        return "title"
    if ends_like_speech or len(words) >= 6:
        return "speech"
    # A partial quotation after a reporting verb in its sentence is someone's words, however
    # short: `said inflation was falling "but not fast enough"`, `called it "a shot"`.
    if reporting_subject(text, quote):
        return "speech"
    if head_match(text, max(0, quote.start - 120), quote.start) and text[
        max(0, quote.start - 3) : quote.start
    ].strip().endswith(":"):
        return "speech"
    return "scare"


def sentence_floor(text: str, index: int, limit: int = 0) -> int:
    """Where the sentence holding text[index] begins, never before its paragraph (nor `limit`)."""
    return sentence_start(text, index, max(text.rfind("\n", 0, index) + 1, limit))


def reporting_subject(text: str, quote: Found) -> tuple[int, int] | None:
    """The subject of the last reporting verb before `quote` in its sentence, as a span."""
    floor = sentence_floor(text, quote.start)
    verbs = list(_LAST_VERB.finditer(text, floor, quote.start))
    if not verbs:
        return None
    verb = verbs[-1]
    if not text[floor : verb.start()].strip():
        return None
    return floor, verb.start()


# A speaker's name in capitals opening a transcript's turn: `"PENCE: Well, look, …`.
_TURN_LABEL = re.compile(r"\s*(?P<name>[A-Z][A-Z’'.-]{2,}(?: [A-Z][A-Z’'.-]+){0,2}):\s")


def turn_label(text: str, quote: Found, people: Mentions) -> tuple[int, int, str] | None:
    """A transcript's turn quoted whole is its labelled speaker's: the person the article
    names in full ("Mike Pence" for PENCE), else the label itself."""
    label = _TURN_LABEL.match(text, quote.content_start, quote.content_end)
    if label is None:
        return None
    start, end = label.span("name")
    named = mention_in(people, start, end)
    if named is not None and named[:2] == (start, end):
        return named
    return start, end, label.group("name").title()


# A fronted phrase before a sentence's subject: "At Monday's debate, Clinton cited…".
_FRONTED = re.compile(r"(?:[^,.;:“”\"]{1,60},\s*)?\Z")


def sentence_subject(text: str, quote: Found, mentions: Mentions):
    """The speaker of a partial quotation with no reporting verb: the person or body its
    sentence is about, named as that sentence's subject ("Trump openly admires Putin as a
    “strong leader,”", "Hillary Clinton is describing as “unhinged” a tweet")."""
    start = sentence_floor(text, quote.start, quote.start - _SENTENCE_REACH)
    if not text[start : quote.start].strip():
        return None  # the quotation opens its sentence: no subject before it
    inside = [m for m in mentions.between(start, quote.start) if m[2] in ("PERSON", "ORG")]
    if not inside or possessive(text, inside[0]):
        return None
    first = inside[0]
    if not _FRONTED.fullmatch(text, start, first[0]):
        return None
    after = text[first[1] : first[1] + 2]
    if after.startswith((",", "’", "'")):
        return None  # "Trump, …," an apposition or a list; "Trump's" an owner
    return first[0], first[1], first[3]


def subject_pronoun(text, subject, quote, people, mentions):
    words = text[subject[0] : subject[1]].split()
    if words and words[0].lower() in PRONOUNS:
        return resolve_pronoun(
            text, subject[0], subject[0], quote.start, people, mentions, words[0].lower()
        )
    return None


_SENTENCE_STOP = re.compile(r"[.!?](?=\s|$)|\n")


def end_of_sentence(text: str, start: int, quote_starts: list[int]) -> int:
    """End of the attribution clause after a quotation: the sentence end or the next quote
    (`quote_starts`, sorted). The full stop of a title or an initial ("Mr.", "Sen.", "J.")
    ends no sentence."""
    following = bisect_left(quote_starts, start)
    limit = quote_starts[following] if following < len(quote_starts) else len(text)
    for match in _SENTENCE_STOP.finditer(text, start, limit):
        if match.group() == "." and abbreviation_before(text, match.start()):
            continue
        return match.end()
    return limit


# How many sentences naming only owners a pronoun looks back past for its person.
_OWNER_SENTENCES_SKIPPED = 1


def resolve_pronoun(
    text: str,
    pronoun_end: int,
    clause_end: int,
    before: int,
    people: list[tuple[int, int, str, str]],
    mentions: list[tuple[int, int, str, str]],
    pronoun: str,
) -> tuple[int, int, str] | None:
    if pronoun in ("they", "it", "we"):
        groups = mentions.groups
        index = groups.last_ending_by(before) if groups is not None else -1
        if index < 0:
            return None
        group = groups[index]
        return group[0], group[1], group[3]
    # "…,” he said, quoted by X, Igor Konashenkov, spokesman…: the person named in the clause.
    later = mention_in(people, pronoun_end, clause_end)
    if later:
        return later
    latest = people.last_ending_by(before)
    wanted = PRONOUN_GENDER.get(pronoun)
    if wanted and people.genders:
        # "he" is not Hillary Clinton: go back to the latest person of the pronoun's gender
        # (or of none known), as far as the article says whose is which (Mr., Mrs., Ms.).
        while latest >= 0 and people.genders.get(people[latest][3], wanted) != wanted:
            latest -= 1
    # The subject comes first: take the first person of the latest sentence naming anyone
    # (of the pronoun's gender). An owner is not the subject ("Cosby's lawyer, Walter Phillips,
    # said"); a sentence that names only owners ("And he hit back at Mr Mallon's claim") goes
    # on about someone named before it.
    for _sentence in range(_OWNER_SENTENCES_SKIPPED + 1):
        if latest < 0:
            return None
        sentence = sentence_start(text, people[latest][0], 0)
        first_index = bisect_left(people.starts, sentence, 0, latest + 1)
        for index in range(first_index, latest + 1):
            first = people[index]
            if possessive(text, first):
                continue
            if not wanted or people.genders.get(first[3], wanted) == wanted:
                return first[0], first[1], first[3]
        latest = first_index - 1
        while wanted and latest >= 0 and people.genders.get(people[latest][3], wanted) != wanted:
            latest -= 1
    return None
