"""Finding a bookmarked passage again after its article changed.

A bookmark keeps a text-quote selector as in the W3C Web Annotation model: the exact text of
the passage and about 32 characters of prefix and suffix, all over the article's source text,
plus the source offsets it had. `anchor` looks for it in the new text, in order:

1. at the old offsets, if the text there is still the exact text;
2. wherever the exact text occurs, the prefix, the suffix and the old position choosing among
   repeats;
3. by fuzzy matching (rapidfuzz): candidates from the best alignment of the quote in the whole
   text and near the old place, and from where the prefix and suffix still stand.

Every candidate is scored by how alike its text is to the quote, how alike its surroundings are
to the prefix and suffix, and how near it is to the old place (weights below). Below
`MIN_SCORE`, or with a text less than `MIN_QUOTE` alike, the passage is an orphan: a short
quote loosely matched to unrelated text is worse than no match at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CONTEXT_CHARS = 32
# Score = QUOTE_WEIGHT·quote + CONTEXT_WEIGHT·(prefix + suffix)/2 + NEAR_WEIGHT·nearness,
# each part between 0 and 1.
QUOTE_WEIGHT, CONTEXT_WEIGHT, NEAR_WEIGHT = 0.6, 0.3, 0.1
MIN_SCORE = 0.8
MIN_QUOTE = 0.7
# An exact quote this long that occurs once is the passage whatever surrounds it now (when
# nothing scores better).
UNAMBIGUOUS_CHARS = 48
# Past this many characters only the old neighbourhood is searched fuzzily (the exact and the
# context searches still cover the whole text).
_FUZZY_WHOLE_TEXT = 2_000_000
# A blank line: where one paragraph ends and the next begins, in plain text and Markdown.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True, slots=True)
class Selector:
    """Where a passage was: source offsets and the text-quote selector."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True, slots=True)
class Anchored:
    start: int
    end: int
    score: float  # 1.0 when found where it was


def make_selector(source: str, start: int, end: int) -> Selector:
    return Selector(
        start,
        end,
        source[start:end],
        source[max(0, start - CONTEXT_CHARS) : start],
        source[end : end + CONTEXT_CHARS],
    )


def anchor(source: str, selector: Selector) -> Anchored | None:
    """The passage's place in `source`, or None when it cannot be found with confidence."""
    exact = selector.exact
    if not exact:
        return None
    if source[selector.start : selector.end] == exact:
        return Anchored(selector.start, selector.end, 1.0)
    exact_starts = _occurrences(source, exact)
    exact_spans = {(start, start + len(exact)) for start in exact_starts}
    # A fuzzy span that holds an exact occurrence and more (its old neighbours, say, with new
    # text between) is never better than the occurrence itself.
    breaks = len(_PARAGRAPH_BREAK.findall(exact))
    fuzzy_spans = {
        (start, end)
        for span in _fuzzy_candidates(source, selector)
        for start, end in _as_many_paragraphs(source, span, breaks)
        if not any(start <= low and high <= end for low, high in exact_spans)
    }
    best = _best(source, selector, exact_spans | fuzzy_spans)
    if best is not None and best.score >= MIN_SCORE:
        return best
    if len(exact_starts) == 1 and len(exact) >= UNAMBIGUOUS_CHARS:
        # Rewritten all around, but a long quote that occurs once is still the passage.
        start = exact_starts[0]
        return Anchored(start, start + len(exact), MIN_SCORE)
    return None


def _fuzz():
    """rapidfuzz's scorers, imported on first use: the app imports this module at start-up
    and needs them only when a changed article's bookmarks are looked for (in a worker)."""
    from rapidfuzz import fuzz

    return fuzz


def _best(source: str, selector: Selector, candidates) -> Anchored | None:
    best: Anchored | None = None
    for start, end in candidates:
        text = source[start:end]
        quote = 1.0 if text == selector.exact else _fuzz().ratio(selector.exact, text) / 100
        if quote < MIN_QUOTE:
            continue
        score = _score(source, selector, start, end, quote)
        if best is None or score > best.score:
            best = Anchored(start, end, score)
    return best


def _occurrences(text: str, needle: str, limit: int = 1000) -> list[int]:
    found, start = [], text.find(needle)
    while start >= 0 and len(found) < limit:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


def _score(
    source: str, selector: Selector, start: int, end: int, quote: float | None = None
) -> float:
    if quote is None:
        quote = _fuzz().ratio(selector.exact, source[start:end]) / 100
    prefix = _alike(selector.prefix, source[max(0, start - len(selector.prefix)) : start])
    suffix = _alike(selector.suffix, source[end : end + len(selector.suffix)])
    distance = abs(start - selector.start) / max(len(source), len(selector.exact), 1)
    nearness = max(0.0, 1.0 - distance)
    return QUOTE_WEIGHT * quote + CONTEXT_WEIGHT * (prefix + suffix) / 2 + NEAR_WEIGHT * nearness


def _alike(expected: str, found: str) -> float:
    # At the very start or end of the text there is no prefix or suffix to compare: that agrees.
    if not expected:
        return 1.0 if not found else 0.5
    return _fuzz().ratio(expected, found) / 100


def _as_many_paragraphs(source: str, span: tuple[int, int], breaks: int) -> list[tuple[int, int]]:
    """A fuzzy span over more paragraphs than the passage had (its old neighbours and a new
    paragraph between them, say) becomes each run of as many paragraphs as the passage had: a
    found passage is never longer than the original by whole paragraphs."""
    start, end = span
    found = list(_PARAGRAPH_BREAK.finditer(source, start, end))
    if len(found) <= breaks:
        return [span]
    edges = [start, *(edge for match in found for edge in match.span()), end]
    pieces = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    runs = [(pieces[i][0], pieces[i + breaks][1]) for i in range(len(pieces) - breaks)]
    return [(low, high) for low, high in runs if high > low]


def _fuzzy_candidates(source: str, selector: Selector) -> set[tuple[int, int]]:
    exact = selector.exact
    length = len(exact)
    candidates: set[tuple[int, int]] = set()
    # The quote's best alignment near the old place, then in the whole text.
    slack = max(4 * length, 2000)
    low = max(0, selector.start - slack)
    windows = [(low, source[low : selector.end + slack])]
    if len(source) <= _FUZZY_WHOLE_TEXT:
        windows.append((0, source))
    for offset, window in windows:
        aligned = _fuzz().partial_ratio_alignment(exact, window, score_cutoff=MIN_QUOTE * 100)
        if aligned is not None:
            candidates.add((offset + aligned.dest_start, offset + aligned.dest_end))
    # Where the prefix and the suffix still stand, the passage is what lies between them.
    prefix, suffix = selector.prefix, selector.suffix
    ends = _occurrences(source, suffix, 50) if suffix else []
    for index in _occurrences(source, prefix, 50) if prefix else []:
        start = index + len(prefix)
        between = [end for end in ends if start < end <= start + 2 * length]
        if between:
            candidates.add((start, min(between, key=lambda end: abs(end - start - length))))
        candidates.add((start, min(start + length, len(source))))
    for end in ends:
        candidates.add((max(0, end - length), end))
    return candidates
