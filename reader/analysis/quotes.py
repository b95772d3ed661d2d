"""Quotations found by their marks: curly, straight, single and guillemets.

Marks are paired inside a paragraph by direction (an opening mark follows a space, a closing
one precedes a space or punctuation), never by counting across the article, so a lost mark costs
one quotation. A quotation running over paragraphs (each one opens with a mark, only the last
closes) is found paragraph by paragraph, as readers and annotators count it. A closing mark with
no opening one starts its quotation at the beginning of its sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from reader.analysis.text import ArticleText, Paragraph, is_abbreviation

_DOUBLE_OPEN, _DOUBLE_CLOSE = "“«„", "”»"
_RUN_ON_WORDS = 6
_SINGLE_OPEN, _SINGLE_CLOSE = "‘", "’"
_MARK = re.compile("[\"“«„”»‘’']")
_JOINER = "\u2060"
_FEET_INCHES = re.compile(r"\b\d['’]\d{1,2}$")
_OPENING_BEFORE = " \t\n([{—–-/:"
_CLOSING_AFTER = " \t\n.,;:!?)]}—–-/…"


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
    runs_on: bool = False  # continues in the next paragraph's quotation (no closing mark here)
    speaker: tuple[int, int, str] | None = None  # mention (start, end, canonical)
    rule: str = ""  # the speaker rule that found it (`attribution.RULES`)


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


def sentence_start(text: str, index: int, floor: int) -> int:
    """Where the sentence holding text[index] begins (not before `floor`)."""
    position = index
    while position > floor:
        if text[position].isspace():
            # A full stop, perhaps inside closing marks, ends the sentence before: `peace.” The`
            back = position - 1
            while back > floor and text[back] in "”\"’'»)":
                back -= 1
            if text[back] in ".!?" and not abbreviation_before(text, back):
                break
        position -= 1
    while position < index and text[position].isspace():
        position += 1
    return position


def abbreviation_before(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` ends an initial or abbreviation ("K.", "Mr.", "U.S.")."""
    start = stop
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:stop].lower().strip("“\"‘'(")
    return text[stop] == "." and is_abbreviation(word)


def find_quotes(article_text: ArticleText) -> list[Found]:
    text = article_text.text
    found: list[Found] = []
    paragraphs = article_text.paragraphs
    # A straight mark left open in an article set in typeset marks is a stray one (pasted
    # text): nothing tells where its quotation would end. In a straight-marked article it is a
    # lost closing mark, and its quotation runs to the paragraph's end ('was "overblown.').
    typeset = text.count("“") > text.count('"')
    for number, paragraph in enumerate(paragraphs):
        start, end = paragraph.start, paragraph.end
        open_double: int | None = None
        open_single: int | None = None
        floor = start
        for mark in _MARK.finditer(text, start, end):  # every branch below needs a mark
            index, char = mark.start(), mark.group()
            if char == '"' and _FEET_INCHES.search(text, max(start, index - 6), index):
                continue  # 6'3": a height, no quotation mark
            if (
                char in _DOUBLE_OPEN
                or (char == '"' and _straight_opens(text, index, start, end, open_double))
                or (open_double is None and _closer_opening(text, index, start))
            ):
                if open_double is not None:
                    run_on = _run_on_within(text, open_double, index)
                    if run_on is not None:
                        found.append(run_on)
                open_double = index
                open_single = None
            elif char in _DOUBLE_CLOSE or char == '"':
                if open_double is not None:
                    found.append(
                        Found(open_double, index + 1, True, True, open_double + 1, index, "double")
                    )
                else:
                    begin = sentence_start(text, index, floor)
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
        following = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        if open_double is not None and end - open_double > 1:
            runs_on = _runs_on(text, open_double, end, following)
            if runs_on or not (text[open_double] == '"' and typeset):
                quote = Found(open_double, end, True, False, open_double + 1, end, "double")
                quote.runs_on = runs_on
                found.append(quote)
    for quote in found:
        # The word joiner that pads an ASCII '' mark (text.with_ascii_doubles) is a mark too.
        while quote.content_start < quote.content_end and text[quote.content_start] == _JOINER:
            quote.content_start += 1
        while quote.content_end > quote.content_start and text[quote.content_end - 1] == _JOINER:
            quote.content_end -= 1
    found = [quote for quote in found if _is_words(text, quote)]
    found.sort(key=lambda quote: quote.start)
    return _quotations_of_record(article_text, found)


_TAG = re.compile(r"<[A-Za-z][^<>\n]*>")


def _quotations_of_record(article_text: ArticleText, found: list[Found]) -> list[Found]:
    """The quotations a reader attributes, from all quoted stretches (sorted by start):
    - none in the headline: it repeats, cut down, words the body quotes with their speaker,
      and its capitals say nothing of whether the words are a title or speech;
    - none inside a single quotation mark nested in a longer quotation: it is part of the
      speech around it ("That was him saying, 'Don't leave it on the field.'");
    - none inside markup left in the text (an embedded tweet's `<tweet author="name">`)."""
    text = article_text.text
    headline_end = next(
        (paragraph.end for paragraph in article_text.paragraphs if paragraph.is_title), -1
    )
    tags = [match.span() for match in _TAG.finditer(text)] if "<" in text else []
    tag_starts = [start for start, _ in tags]
    kept: list[Found] = []
    enclosing_end = -1  # the end of the furthest-reaching quotation so far
    for quote in found:
        nested = quote.family == "single" and quote.end <= enclosing_end
        enclosing_end = max(enclosing_end, quote.end)
        if nested or quote.start < headline_end or _single_quoted_heading(article_text, quote):
            continue
        tag = bisect_right(tag_starts, quote.start) - 1
        if tag >= 0 and quote.start < tags[tag][1]:
            continue
        kept.append(quote)
    return kept


def fills_paragraph(article_text: ArticleText, quote: Found) -> bool:
    """Whether the quotation is its paragraph, a full stop aside."""
    paragraph = article_text.paragraph_at(quote.start)
    text = article_text.text
    return not text[paragraph.start : quote.start].strip() and (
        not text[quote.end : paragraph.end].strip(" .")
    )


def _single_quoted_heading(article_text: ArticleText, quote: Found) -> bool:
    """A section's heading set in single marks, alone in its paragraph and in Title Case
    ('Legend in the Coal Fields.'), as headlines use them: no quotation."""
    if quote.family != "single" or not fills_paragraph(article_text, quote):
        return False
    text = article_text.text
    words = text[quote.content_start : quote.content_end].strip(" .,;:!?").split()
    return bool(words) and all(word[0].isupper() or word in _HEADING_SMALL for word in words)


_HEADING_SMALL = frozenset("a an the of in on for to and or at by with is are".split())
_MARKUP = re.compile(r"[<>=]|https?:|www\.|\.com\b|pic\.twitter")


def _is_words(text: str, quote: Found) -> bool:
    """Whether a quoted stretch holds words: not a number, an address or markup left in the
    text by an embedded tweet ("778257943577919488", "pic.twitter.com/", '<tweet a="')."""
    content = text[quote.content_start : quote.content_end]
    if not any(char.isalpha() for char in content):
        return False
    return not (_MARKUP.search(content) and len(content.split()) <= 3)


def _runs_on(text: str, mark: int, end: int, following: Paragraph | None) -> bool:
    """Whether the quotation opened at `mark` and still open at its paragraph's `end` runs on
    into the next paragraph: that one re-opens with a mark of the same style (straight for
    straight), and this one holds more than a stray word after its mark ('was "overblown.')."""
    return (
        following is not None
        and len(text[mark + 1 : end].split()) >= _RUN_ON_WORDS
        and _same_style(text[mark], text[_first_visible(text, following.start)])
    )


def _run_on_within(text: str, mark: int, reopened: int) -> Found | None:
    """A quotation opened at `mark` and opened again at `reopened` with no closing mark
    between: where paragraphs were merged into one, a quotation running on into the next
    paragraph (`… in this court case. "It is our right …`). The earlier part is a quotation of
    its own, to the end of its last sentence, when that sentence ended just before the new
    mark; otherwise the first mark was a stray one, and nothing is found for it."""
    last = reopened - 1
    while last > mark and text[last].isspace():
        last -= 1
    if (
        last == reopened - 1
        or text[last] not in ".!?…"
        or not _same_style(text[mark], text[reopened])
    ):
        return None
    if len(text[mark + 1 : last].split()) < 2:
        return None
    quote = Found(mark, last + 1, True, False, mark + 1, last + 1, "double")
    quote.runs_on = True
    return quote


def _same_style(mark: str, other: str) -> bool:
    """Whether `other` re-opens a quotation opened by `mark`: straight by straight, typeset by
    typeset (a closing mark set as an opener counts as typeset)."""
    if mark == '"':
        return other == '"'
    return other in "“«„”"


def _closer_opening(text: str, index: int, paragraph_start: int) -> bool:
    """A closing mark set where a quotation opens, by a slip of the keyboard or of a font: at
    the very start of a paragraph, against a letter (”Mr. Trump embodies…)."""
    return (
        text[index] == "”"
        and index == _first_visible(text, paragraph_start)
        and index + 1 < len(text)
        and text[index + 1].isalpha()
    )


def _first_visible(text: str, start: int) -> int:
    position = start
    while position < len(text) - 1 and text[position].isspace():
        position += 1
    return position


def _straight_opens(text: str, index: int, start: int, end: int, open_double: int | None) -> bool:
    direction = _direction(text, index, start, end)
    return direction == "open" or (direction == "" and open_double is None)
