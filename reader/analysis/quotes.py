"""Quotations: find them by their marks, tell speech from scare quotes and titles, find speakers.

Marks are paired inside a paragraph by direction (an opening mark follows a space, a closing
one precedes a space or punctuation), never by counting across the article, so a lost mark costs
one quotation. A quotation may run over paragraphs when each one opens with a mark. A closing
mark with no opening one starts its quotation at the beginning of its sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.analysis import gazetteer as gz
from reader.analysis.text import ABBREVIATIONS, ArticleText

_DOUBLE_OPEN, _DOUBLE_CLOSE = "“«„", "”»"
_RUN_ON_WORDS = 6
_SINGLE_OPEN, _SINGLE_CLOSE = "‘", "’"
_OPENING_BEFORE = " \t\n([{—–-/:"
_CLOSING_AFTER = " \t\n.,;:!?)]}—–-/…"

REPORTING_VERBS = (
    "said|says|say|told|tells|added|adds|asked|asks|insisted|insists|wrote|writes|tweeted|"
    "tweets|posted|stated|states|declared|declares|explained|explains|noted|notes|warned|warns|"
    "argued|argues|claimed|claims|replied|replies|continued|continues|recalled|recalls|admitted|"
    "admits|acknowledged|announced|announces|confirmed|confirms|denied|denies|urged|urges|"
    "suggested|suggests|responded|responds|agreed|agrees|stressed|stresses|emphasised|"
    "emphasized|observed|remarked|commented|conceded|concedes|predicted|promised|vowed|"
    "cautioned|complained|boasted|joked|shouted|whispered|repeated|reiterated|assured|"
    "maintained|maintains|believes|believed|thinks|thought|told reporters|said in a statement|"
    "called|calls|described|describes|dubbed|labelled|labeled"
)
_VERB = rf"(?:{REPORTING_VERBS})"
_PRONOUNS = {"he", "she", "they", "it", "him", "her", "we", "i"}
# After the closing mark: `, said X` / `, X said` / `, according to X`.
_TAIL_VERB_FIRST = re.compile(rf"^\s*,?\s*(?:{_VERB})\b\s*(?P<rest>[^“\"]*)", re.I)
_TAIL_SUBJECT_FIRST = re.compile(
    rf"^\s*,?\s*(?P<subject>[^“\".!?]{{1,80}}?)\s+(?:has\s+|had\s+|have\s+)?{_VERB}\b", re.I
)
_ACCORDING = re.compile(r"according\s+to\s+(?P<rest>[^“\".!?]{1,80})", re.I)
# Before the opening mark: `X said: “`, `X said that “`, `X said in a statement: “`.
_HEAD = re.compile(
    rf"(?P<subject>[^“\".!?]{{0,120}}?)\s*(?:{_VERB})\b(?P<between>[^“\".!?:]{{0,60}})"
    r"(?:\s+that)?\s*[:,]?\s*$",
    re.I,
)
_VERBISH = frozenset(
    "is are was were be been will would can could should must may might not to has have had "
    "do does did won't can't don't isn't".split()
)
_LAST_VERB = re.compile(rf"\b(?:{_VERB})\b", re.I)
_QUOTED_AS_SAYING = re.compile(r"quot(?:ed|es|ing)\s+(?P<who>.{1,80}?)\s+as\s+saying", re.I)


@dataclass(slots=True)
class Found:
    start: int  # joined-text offsets, marks included
    end: int
    open_mark: bool  # False: the opening mark was lost
    close_mark: bool
    content_start: int
    content_end: int
    family: str  # "double" or "single"
    kind: str = ""
    speaker: tuple[int, int, str] | None = None  # mention (start, end, canonical)


def _is_apostrophe(text: str, index: int) -> bool:
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if before.isalnum() and after.isalpha():
        return True  # don’t, Moscow’s, O’Brien
    return before.isspace() and after.isdigit()  # ’90s


def _direction(text: str, index: int, start: int, end: int) -> str:
    """'open', 'close' or '' (can't tell) for a straight mark at text[index]."""
    before = text[index - 1] if index > start else " "
    after = text[index + 1] if index + 1 < end else " "
    opening = before in _OPENING_BEFORE and not after.isspace()
    closing = after in _CLOSING_AFTER and not before.isspace()
    if opening and not closing:
        return "open"
    if closing and not opening:
        return "close"
    return ""


def _sentence_start(text: str, index: int, floor: int) -> int:
    """Where the sentence holding text[index] begins (not before `floor`)."""
    position = index
    while position > floor:
        if text[position].isspace():
            # A full stop, perhaps inside closing marks, ends the sentence before: `peace.” The`
            back = position - 1
            while back > floor and text[back] in "”\"’'»)":
                back -= 1
            if text[back] in ".!?" and not _abbreviation_before(text, back):
                break
        position -= 1
    while position < index and text[position].isspace():
        position += 1
    return position


def _abbreviation_before(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` ends an initial or abbreviation ("K.", "Mr.", "U.S.")."""
    start = stop
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:stop].lower().strip("“\"‘'(")
    return text[stop] == "." and (len(word) == 1 or word in ABBREVIATIONS)


def find_quotes(article_text: ArticleText) -> list[Found]:
    text = article_text.text
    found: list[Found] = []
    pending: Found | None = None  # a double quotation still open at a paragraph's end
    paragraphs = article_text.paragraphs
    for number, paragraph in enumerate(paragraphs):
        start, end = paragraph.start, paragraph.end
        open_double: int | None = None
        open_single: int | None = None
        floor = start
        if pending is not None:
            # The quotation runs on: this paragraph opens with a mark (checked below).
            open_double = start
        for index in range(start, end):
            char = text[index]
            if char in _DOUBLE_OPEN or (
                char == '"' and _straight_opens(text, index, start, end, open_double)
            ):
                if pending is not None and index == _first_visible(text, start):
                    continue  # the mark that re-opens a quotation running over paragraphs
                open_double = index
                open_single = None
            elif char in _DOUBLE_CLOSE or char == '"':
                if pending is not None and open_double == start:
                    pending.end, pending.content_end, pending.close_mark = index + 1, index, True
                    found.append(pending)
                    pending = None
                elif open_double is not None:
                    found.append(
                        Found(open_double, index + 1, True, True, open_double + 1, index, "double")
                    )
                else:
                    begin = _sentence_start(text, index, floor)
                    if index - begin >= 2:
                        found.append(Found(begin, index + 1, False, True, begin, index, "double"))
                open_double = None
                floor = index + 1
            elif char == _SINGLE_OPEN or (
                char == "'" and _direction(text, index, start, end) == "open"
            ):
                if not _is_apostrophe(text, index):
                    open_single = index
            elif (
                (char == _SINGLE_CLOSE or char == "'")
                and open_single is not None
                and not _is_apostrophe(text, index)
                and _direction(text, index, start, end) != "open"
            ):
                found.append(
                    Found(open_single, index + 1, True, True, open_single + 1, index, "single")
                )
                open_single = None
        if pending is not None and open_double == start:
            continue  # still open: runs on into the next paragraph
        if open_double is not None:
            following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
            quote = Found(open_double, end, True, False, open_double + 1, end, "double")
            # A quotation runs on into the next paragraph when that one opens with a mark and
            # this one holds more than a stray word after its mark ('was "overblown.').
            runs_on = len(text[open_double + 1 : end].split()) >= _RUN_ON_WORDS
            if (
                runs_on
                and following is not None
                and text[_first_visible(text, following.start)] in '“"«„'
            ):
                pending = quote
            elif end - open_double > 1:
                found.append(quote)
    if pending is not None:
        found.append(pending)
    found.sort(key=lambda quote: quote.start)
    return found


def _first_visible(text: str, start: int) -> int:
    position = start
    while position < len(text) - 1 and text[position].isspace():
        position += 1
    return position


def _straight_opens(text: str, index: int, start: int, end: int, open_double: int | None) -> bool:
    direction = _direction(text, index, start, end)
    return direction == "open" or (direction == "" and open_double is None)


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
    if inner in gz.PUBLICATIONS or inner in gz.ORGANISATIONS:
        return "title"
    if title_case and len(words) <= 6 and not ends_like_speech:
        return "title"
    if ends_like_speech or len(words) >= 6:
        return "speech"
    # A partial quotation that carries a verb or runs on, after a reporting verb in its sentence:
    # `said inflation was falling "but not fast enough"` is someone's words, not a scare quote.
    if (len(words) >= 4 or _VERBISH & {word.lower() for word in words}) and reporting_subject(
        text, quote
    ):
        return "speech"
    if _HEAD.search(text[max(0, quote.start - 120) : quote.start]) and text[
        max(0, quote.start - 3) : quote.start
    ].strip().endswith(":"):
        return "speech"
    return "scare"


def reporting_subject(text: str, quote: Found) -> tuple[int, int] | None:
    """The subject of the last reporting verb before `quote` in its sentence, as a span."""
    floor = max(text.rfind("\n", 0, quote.start) + 1, _sentence_start(text, quote.start, 0))
    verbs = list(_LAST_VERB.finditer(text, floor, quote.start))
    if not verbs:
        return None
    verb = verbs[-1]
    if not text[floor : verb.start()].strip():
        return None
    return floor, verb.start()


def attribute(
    article_text: ArticleText,
    quotes: list[Found],
    mentions: list[tuple[int, int, str, str]],
) -> None:
    """Give each speech quotation its speaker: a mention (start, end, canonical) or None."""
    text = article_text.text
    people = [m for m in mentions if m[2] == "PERSON"]
    previous: Found | None = None
    for quote in quotes:
        quote.kind = classify(text, quote)
        if quote.kind != "speech" or (quote.family == "single" and _inside_other(quote, quotes)):
            continue
        speaker = _speaker_after(text, quote, quotes, mentions, people) or _speaker_before(
            text, quote, mentions, people
        )
        subject = reporting_subject(text, quote) if speaker is None else None
        if subject is not None:
            speaker = _mention_in(people, *subject, last=True) or _subject_pronoun(
                text, subject, quote, people, mentions
            )
        if speaker is None and previous is not None and previous.speaker is not None:
            same_paragraph = article_text.paragraph_at(previous.start) == article_text.paragraph_at(
                quote.start
            )
            whole_paragraph = _fills_paragraph(article_text, quote)
            adjacent_paragraph = (
                _paragraph_index(article_text, quote.start)
                - _paragraph_index(article_text, previous.end - 1)
                <= 1
            )
            if same_paragraph or (whole_paragraph and adjacent_paragraph):
                speaker = previous.speaker
        quote.speaker = speaker
        previous = quote


def _subject_pronoun(text, subject, quote, people, mentions):
    words = text[subject[0] : subject[1]].split()
    if words and words[0].lower() in _PRONOUNS:
        return _resolve_pronoun(
            text, subject[0], subject[0], quote.start, people, mentions, words[0].lower()
        )
    return _mention_in(mentions, *subject, last=True)


def _paragraph_index(article_text: ArticleText, offset: int) -> int:
    return article_text.paragraphs.index(article_text.paragraph_at(offset))


def _fills_paragraph(article_text: ArticleText, quote: Found) -> bool:
    paragraph = article_text.paragraph_at(quote.start)
    text = article_text.text
    return not text[paragraph.start : quote.start].strip() and (
        not text[quote.end : paragraph.end].strip(" .")
    )


def _inside_other(quote: Found, quotes: list[Found]) -> bool:
    return any(
        other is not quote and other.start < quote.start and quote.end <= other.end
        for other in quotes
    )


def _sentence_end(text: str, start: int, quotes: list[Found]) -> int:
    """End of the attribution clause after a quotation: the sentence end or the next quote."""
    following = [q.start for q in quotes if q.start >= start]
    limit = min([*following, len(text)])
    match = re.compile(r"[.!?](?=\s|$)|\n").search(text, start, limit)
    return match.end() if match else limit


def _mention_in(
    mentions: list[tuple[int, int, str, str]], start: int, end: int, last: bool = False
) -> tuple[int, int, str] | None:
    inside = [m for m in mentions if start <= m[0] and m[1] <= end]
    if not inside:
        return None
    chosen = inside[-1] if last else inside[0]
    return chosen[0], chosen[1], chosen[3]


def _resolve_pronoun(
    text: str,
    pronoun_end: int,
    clause_end: int,
    before: int,
    people: list[tuple[int, int, str, str]],
    mentions: list[tuple[int, int, str, str]],
    pronoun: str,
) -> tuple[int, int, str] | None:
    if pronoun in ("they", "it", "we"):
        groups = [m for m in mentions if m[2] in ("ORG", "GPE", "NORP") and m[1] <= before]
        return (groups[-1][0], groups[-1][1], groups[-1][3]) if groups else None
    # "…,” he said, quoted by X, Igor Konashenkov, spokesman…: the person named in the clause.
    later = _mention_in(people, pronoun_end, clause_end)
    if later:
        return later
    earlier = [m for m in people if m[1] <= before]
    if not earlier:
        return None
    # The subject comes first: take the first person of the latest sentence naming anyone.
    sentence = _sentence_start(text, earlier[-1][0], 0)
    first = next(m for m in earlier if m[0] >= sentence)
    return first[0], first[1], first[3]


def _speaker_after(text, quote, quotes, mentions, people):
    clause_end = _sentence_end(text, quote.end, quotes)
    # A pronoun's antecedent may follow a quoted title: “…,” he said, quoted by “X”, Name.
    sentence_end = _sentence_end(text, quote.end, [])
    tail = text[quote.end : clause_end]
    verb_first = _TAIL_VERB_FIRST.match(tail)
    if verb_first:
        rest_start = quote.end + verb_first.start("rest")
        word = verb_first.group("rest").split(" ", 1)[0].strip(",").lower()
        if word in _PRONOUNS:
            return _resolve_pronoun(
                text, rest_start + len(word), sentence_end, quote.start, people, mentions, word
            )
        person = _mention_in(people, rest_start, clause_end)
        return person or _mention_in(mentions, rest_start, clause_end)
    subject_first = _TAIL_SUBJECT_FIRST.match(tail)
    content = text[quote.content_start : quote.content_end].rstrip()
    new_sentence = content[-1:] in ".!?" and tail.strip()[:1].isupper()
    if subject_first and new_sentence and len(subject_first.group("subject").split()) > 3:
        subject_first = None  # `…peace.” The ministry said…` starts the next sentence
    if subject_first:
        subject = subject_first.group("subject").strip(" ,")
        subject_start = quote.end + subject_first.start("subject")
        subject_end = quote.end + subject_first.end("subject")
        if subject.lower() in _PRONOUNS:
            return _resolve_pronoun(
                text, subject_end, sentence_end, quote.start, people, mentions, subject.lower()
            )
        found = _mention_in(people, subject_start, subject_end, last=True)
        if found:
            return found
        found = _mention_in(mentions, subject_start, subject_end, last=True)
        if found:
            return found
    according = _ACCORDING.search(tail)
    if according:
        rest_start = quote.end + according.start("rest")
        return _mention_in(people, rest_start, clause_end) or _mention_in(
            mentions, rest_start, clause_end
        )
    return None


def _speaker_before(text, quote, mentions, people):
    floor = max(text.rfind("\n", 0, quote.start) + 1, _sentence_start(text, quote.start, 0))
    head = text[floor : quote.start]
    saying = _QUOTED_AS_SAYING.search(head)
    if saying:
        start = floor + saying.start("who")
        return _mention_in(people, start, floor + saying.end("who"))
    according = _ACCORDING.search(head)
    if according and head.rstrip().endswith(","):
        start = floor + according.start("rest")
        return _mention_in(people, start, quote.start) or _mention_in(mentions, start, quote.start)
    match = _HEAD.search(head)
    if not match:
        return None
    subject = match.group("subject")
    subject_start, subject_end = floor + match.start("subject"), floor + match.end("subject")
    last_word = subject.strip(" ,").split(" ")[-1].lower() if subject.strip() else ""
    if last_word in _PRONOUNS:
        return _resolve_pronoun(
            text, subject_end, subject_end, quote.start, people, mentions, last_word
        )
    return _mention_in(people, subject_start, subject_end, last=True) or _mention_in(
        mentions, subject_start, subject_end, last=True
    )
