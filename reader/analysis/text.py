"""The text the engines read: an article's shown blocks joined into one string, mapped back.

Engines work on plain strings; this module joins the visible blocks (Markdown markup already
removed) with blank lines between them, and turns offsets in that string back into offsets in
`Article.source`, so every result shares the model's one coordinate system.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from reader.corpus.model import Article, BlockKind

PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int  # offsets in the joined text
    end: int
    block: int  # index into article.blocks
    is_title: bool


# Two apostrophes as a double quotation mark (the NYT's ASCII style: ''Yes,'' she said): read
# as curly marks, so they neither pair into an empty quotation nor open a single one.
_ASCII_DOUBLE_OPEN = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[(\[—–-]))''(?=\S)", re.M)
_ASCII_DOUBLE_CLOSE = re.compile(r"(?<=\S)''(?=\s|$|[.,;:!?)\]—–-])", re.M)


def with_ascii_doubles(text: str) -> str:
    """`text` with each '' that opens or closes a quotation made a curly mark (and a word
    joiner, so every offset stays where it was)."""
    if "''" not in text:
        return text
    text = _ASCII_DOUBLE_OPEN.sub("“\u2060", text)
    return _ASCII_DOUBLE_CLOSE.sub("\u2060”", text)


class ArticleText:
    def __init__(self, article: Article) -> None:
        self.article = article
        parts: list[str] = []
        self.paragraphs: list[Paragraph] = []
        position = 0
        for index, block in enumerate(article.blocks):
            if not block.visible or not block.text.strip() or block.kind == BlockKind.CODE:
                continue
            if parts:
                parts.append(PARAGRAPH_BREAK)
                position += len(PARAGRAPH_BREAK)
            parts.append(block.text)
            end = position + len(block.text)
            self.paragraphs.append(Paragraph(position, end, index, block.kind == BlockKind.TITLE))
            position = end
        # The analysis reads '' as a quotation mark; offsets are the same (see the helper).
        self.text = with_ascii_doubles("".join(parts))
        self._starts = [paragraph.start for paragraph in self.paragraphs]

    def paragraph_at(self, offset: int) -> Paragraph:
        return self.paragraphs[self.paragraph_index(offset)]

    def paragraph_index(self, offset: int) -> int:
        return max(bisect_right(self._starts, offset) - 1, 0)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the joined text's [start, end) (end exclusive, never empty)."""
        first = self.paragraph_at(start)
        last = self.paragraph_at(max(end - 1, start))
        blocks = self.article.blocks
        source_start = blocks[first.block].to_source(start - first.start)
        source_end = blocks[last.block].to_source(max(end - 1, start) - last.start) + 1
        return source_start, max(source_end, source_start + 1)


SENTENCE_END = re.compile(r"[.!?…]+[\"”’»)]*(?=\s)")
# Words that end in a full stop without ending the sentence.
# US states as news style abbreviates them in one word ("Calif.", "Sen. Claire McCaskill (D-Mo.)"):
# one list for sentence ends here, for tokens (`tokens`) and for place names (`gazetteer`).
STATE_ABBREVIATIONS = (
    "Ala Ariz Ark Calif Colo Conn Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev "
    "Okla Ore Tenn Tex Va Vt Wash Wis Wyo".split()
)
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st mt gen col lt sgt capt adm maj gov sen rep rev jr sr inc ltd co corp vs "
    "no "
    "del lt.gov supt det cmdr "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m e.g i.e etc "
    # States written with inner full stops, and Pa. (also a word: no token or place of its own).
    "n.h n.j n.m n.y n.c n.d pa r.i s.c s.d w.va".split()
) | {state.lower() for state in STATE_ABBREVIATIONS}


def is_abbreviation(word: str) -> bool:
    """Whether `word` (lower case, no full stop) is an abbreviation or an initial; a party tag
    counts by its state ("d-mo")."""
    return len(word) == 1 or word in ABBREVIATIONS or word.rsplit("-", 1)[-1] in ABBREVIATIONS


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of text[start:end]: breaks after . ! ? unless an abbreviation or initial."""
    spans = []
    sentence_start = start
    for match in SENTENCE_END.finditer(text, start, end):
        word_start = text.rfind(" ", sentence_start, match.start()) + 1
        word = text[max(word_start, sentence_start) : match.start()].lower().strip("“\"‘'(")
        if match.group().startswith(".") and is_abbreviation(word):
            continue
        after = match.end()
        while after < end and text[after].isspace():
            after += 1
        spans.append((sentence_start, match.end()))
        sentence_start = after
    if sentence_start < end:
        spans.append((sentence_start, end))
    return spans
