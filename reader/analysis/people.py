"""Co-reference for people: later mentions ("Putin", "von der Leyen", "Xi") join the fullest
name the article gives them ("Vladimir Putin", "Ursula von der Leyen", "Xi Jinping")."""

from __future__ import annotations

from reader.analysis import gazetteer as gz


def remember_person(people: dict[str, str], name: str) -> None:
    words = name.split()
    surname = words[-1]
    known = people.get(surname)
    if known is None or len(name) > len(known):
        people[surname] = name
    # Surname-first names ("Li Qiang") are later called by their first word.
    family_first = words[0] in gz.FAMILY_FIRST or words[0] not in gz.GIVEN_NAMES
    if len(words) in (2, 3) and family_first and len(name) > len(people.get(words[0], "")):
        people[words[0]] = name


def canonical(name: str, label: str, people: dict[str, str]) -> str:
    if label == "PERSON":
        words = name.split()
        full = people.get(words[-1])
        full_words = full.split() if full else []
        # "Putin", "von der Leyen" and "Joe Biden" name "Vladimir Putin", "Ursula von der
        # Leyen" and "Joe Biden": a surname, the name's end, or the same first name.
        if full and (full_words[-len(words) :] == words or full_words[0] == words[0]):
            return full
        return name
    return gz.ALIASES.get(name, name)
