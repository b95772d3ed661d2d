"""Co-reference for people: later mentions ("Putin", "von der Leyen", "Xi") join the fullest
name the article gives them ("Vladimir Putin", "Ursula von der Leyen", "Xi Jinping")."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from reader.analysis import gazetteer as gz

# What may follow a surname without being one: "Walter M Phillips Jr" is Mr Phillips.
NAME_SUFFIXES = frozenset("Jr Jr. Sr Sr. II III IV".split())


def name_words(name: str) -> list[str]:
    """The words of a person's name without a suffix after the surname."""
    words = name.split()
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return words


def remember_person(people: dict[str, str], name: str) -> None:
    words = name_words(name)
    surname = words[-1]
    known = people.get(surname)
    if known is None or len(name) > len(known):
        people[surname] = name
    # Surname-first names ("Li Qiang") are later called by their first word; so, in a
    # feature or a sports report, is a person by their given name ("his wife Sharon").
    first = words[0]
    if len(words) in (2, 3) and len(name) > len(people.get(first, "")):
        family_first = first in gz.FAMILY_FIRST or first not in gz.GIVEN_NAMES
        if family_first or first not in people:
            people[first] = name


def names_a_person(people: dict[str, str], name: str) -> bool:
    """Whether `name` is a full name the article has given someone: `people` holds each under
    its surname or first word (a lookup, not a pass over every name in a long article)."""
    words = name_words(name)
    return people.get(words[-1]) == name or people.get(words[0]) == name


def canonical(name: str, label: str, people: dict[str, str]) -> str:
    if label == "PERSON":
        words = name_words(name)
        full = people.get(words[-1])
        full_words = name_words(full) if full else []
        # "Putin", "von der Leyen" and "Joe Biden" name "Vladimir Putin", "Ursula von der
        # Leyen" and "Joe Biden": a surname, the name's end, or the same first name.
        if full and (full_words[-len(words) :] == words or full_words[0] == words[0]):
            return full
        return name
    return gz.ALIASES.get(name, name)


class FullNames:
    """The full names of people in an article, found by the lone word that stands for one
    (its surname or first word): "Trump" → Donald or Melania Trump."""

    def __init__(self, names: Iterable[tuple[int, str]]) -> None:
        # word → (starts, names) of the full names it fits, in order of the text, and how often
        # each was named: indexed so a huge article costs a lookup per lone word, not a pass
        # over every name.
        self._by_word: dict[str, tuple[list[int], list[str]]] = {}
        self._counts: dict[str, dict[str, int]] = {}
        for start, name in sorted(names):
            parts = name_words(name)
            for word in {parts[0], parts[-1]}:
                starts, found = self._by_word.setdefault(word, ([], []))
                starts.append(start)
                found.append(name)
                counts = self._counts.setdefault(word, {})
                counts[name] = counts.get(name, 0) + 1

    def named(self, word: str, at: int, sentence_start: int = 0) -> str | None:
        """The only full name `word` fits; among several, the one named earlier in the same
        sentence ("Then Donald Trump took the stage, and Trump said"), else the one the article
        names most (the first named of those named as often): news calls the others by their
        first name or a title ("Melania", "Mrs. Trump"), and "Trump" alone is whom it is
        about."""
        counts = self._counts.get(word)
        if not counts:
            return None
        if len(counts) == 1:
            return next(iter(counts))
        starts, names = self._by_word[word]
        before = bisect_left(starts, at)
        if before and starts[before - 1] >= sentence_start:
            return names[before - 1]
        first = {name: names.index(name) for name in counts}
        return max(counts, key=lambda name: (counts[name], -first[name]))
