"""One name per entity across the library, whatever each article calls it.

Each article names an entity in its own way; the engine already makes "Blinken" in an article
that first said "Antony Blinken" the full name. Across articles:
- an article that only ever says "Blinken" counts him as the library's one person of that
  surname ("Antony Blinken"); among several, as the one named in far more articles, else
  apart;
- when a full name first comes to the library, the articles that only gave the surname join
  it (if it is the only person of that name);
- a reader's merges and splits (`entity_choices`) win over both, and are kept for good.

An article's own name for an entity is an alias of the library's entity: the entity screen
lists them, and a split takes one back out.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from reader.analysis.people import name_words

# A lone surname counts as the most named person of that surname when that person is named
# in this many times as many articles as the next one ("Trump" beside Melania Trump).
_CLEAR_LEAD = 2


@dataclass(frozen=True, slots=True)
class Alias:
    name: str
    articles: int
    mentions: int


def _shouted(name: str) -> bool:
    """A name in capitals ("LONDON", "NEW YORK"; "NATO" too: it joins a "Nato" of the same
    type, which is the same body, and nothing else)."""
    return name.isupper() and sum(character.isalpha() for character in name) >= 3


def _calm(name: str) -> str:
    """ "NEW YORK" as a name is written: "New York" (capitals kept after Mc, O')."""
    return " ".join(word.capitalize() for word in name.split())


def surname_of(name: str, label: str) -> str:
    """A person's surname when the name has more than one word (else "": not a full name)."""
    if label != "PERSON":
        return ""
    words = name_words(name)
    return words[-1] if len(words) > 1 else ""


class LibraryNames:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # ----------------------------------------------------------------- resolving

    def entity_for(self, name: str, label: str) -> int:
        """The library's entity an article's `name` counts as (made if new). Call inside a
        transaction."""
        chosen = self.conn.execute(
            "SELECT target FROM entity_choices WHERE label = ? AND alias = ?", [label, name]
        ).fetchone()
        target = chosen[0] if chosen else self._automatic(name, label)
        return self._ensure(target, label, absorb=chosen is None)

    def _automatic(self, name: str, label: str) -> str:
        if _shouted(name):
            # A dateline or a headline in capitals ("LONDON"): the name as the library
            # writes it elsewhere ("London"), if it does.
            found = self.conn.execute(
                "SELECT name FROM entities WHERE label = ? AND name = ?", [label, _calm(name)]
            ).fetchone()
            return found[0] if found else name
        if label != "PERSON" or len(name_words(name)) != 1:
            return name
        full_names = self.conn.execute(
            "SELECT name, articles FROM entities WHERE label = 'PERSON' AND surname = ? "
            "ORDER BY articles DESC LIMIT 2",
            [name],
        ).fetchall()
        if len(full_names) == 1:
            return full_names[0][0]
        if len(full_names) == 2 and full_names[0][1] >= _CLEAR_LEAD * max(full_names[1][1], 1):
            return full_names[0][0]
        return name

    def _ensure(self, name: str, label: str, absorb: bool) -> int:
        found = self.conn.execute(
            "SELECT id FROM entities WHERE name = ? AND label = ?", [name, label]
        ).fetchone()
        if found:
            return found[0]
        surname = surname_of(name, label)
        entity_id = self.conn.execute(
            "INSERT INTO entities (name, label, surname) VALUES (?,?,?)", [name, label, surname]
        ).lastrowid
        if absorb and not _shouted(name):
            self._absorb_capitals(entity_id, name, label)
        if surname and absorb:
            self._absorb_lone_surname(entity_id, surname)
        return entity_id

    def _absorb_capitals(self, entity_id: int, name: str, label: str) -> None:
        """The articles that wrote a name new to the library in capitals join it."""
        alias = name.upper()
        if alias == name or _calm(alias) != name:
            return
        other = self.conn.execute(
            "SELECT id FROM entities WHERE label = ? AND name = ?", [label, alias]
        ).fetchone()
        chosen = self.conn.execute(
            "SELECT 1 FROM entity_choices WHERE label = ? AND alias = ?", [label, alias]
        ).fetchone()
        if other is not None and chosen is None:
            self._move(other[0], entity_id, alias=alias)

    def _absorb_lone_surname(self, entity_id: int, surname: str) -> None:
        """A full name new to the library takes in the articles that gave only its surname,
        when it is the only person of that surname."""
        others = self.conn.execute(
            "SELECT count(*) FROM entities WHERE label = 'PERSON' AND surname = ? AND id != ?",
            [surname, entity_id],
        ).fetchone()[0]
        lone = self.conn.execute(
            "SELECT id FROM entities WHERE label = 'PERSON' AND name = ?", [surname]
        ).fetchone()
        if others or lone is None:
            return
        chosen = self.conn.execute(
            "SELECT 1 FROM entity_choices WHERE label = 'PERSON' AND alias = ?", [surname]
        ).fetchone()
        if chosen is None:
            self._move(lone[0], entity_id, alias=surname)

    # ----------------------------------------------------------------- counts

    def add_counts(self, mentions_by_entity: dict[int, int], sign: int) -> None:
        """An article naming these entities (entity → its mentions) comes in (+1) or goes
        out (-1) of the counts."""
        self.conn.executemany(
            "UPDATE entities SET articles = articles + ?, mentions = mentions + ? WHERE id = ?",
            [(sign, sign * count, entity_id) for entity_id, count in mentions_by_entity.items()],
        )

    def prune(self, ids: Iterable[int]) -> None:
        """Entities no article names any more go."""
        self.conn.executemany(
            "DELETE FROM entities WHERE id = ? AND articles <= 0", [(id_,) for id_ in ids]
        )

    def recount(self, entity_id: int) -> None:
        self.conn.execute(
            """UPDATE entities SET
                articles = (SELECT count(DISTINCT article_id) FROM article_entities
                            WHERE entity_id = ?),
                mentions = (SELECT coalesce(sum(mentions), 0) FROM article_entities
                            WHERE entity_id = ?)
            WHERE id = ?""",
            [entity_id, entity_id, entity_id],
        )

    # ----------------------------------------------------------------- by hand

    def aliases(self, entity_id: int) -> list[Alias]:
        """The names the articles give an entity, most used first."""
        rows = self.conn.execute(
            "SELECT name, count(*), sum(mentions) FROM article_entities WHERE entity_id = ? "
            "GROUP BY name ORDER BY count(*) DESC, name",
            [entity_id],
        )
        return [Alias(*row) for row in rows]

    def merge(self, source_id: int, target_id: int) -> None:
        """Count `source` as `target` from now on, in these articles and any to come."""
        source = self._entity(source_id)
        target = self._entity(target_id)
        if source_id == target_id:
            return
        if source[1] != target[1]:
            raise ValueError(f"{source[0]} is {source[1]} and {target[0]} is {target[1]}")
        for alias in self.aliases(source_id):
            self._choose(alias.name, source[1], target[0])
        self._move(source_id, target_id)

    def split(self, entity_id: int, alias: str) -> int:
        """Take the articles that call the entity `alias` out of it, into an entity of that
        name, from now on. Returns the new entity's id."""
        name, label = self._entity(entity_id)
        if alias == name:
            raise ValueError(f"{alias} is the entity's own name")
        self._choose(alias, label, alias)
        new_id = self._ensure(alias, label, absorb=False)
        self._move(entity_id, new_id, alias=alias)
        return new_id

    def _choose(self, alias: str, label: str, target: str) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO entity_choices (label, alias, target) VALUES (?,?,?)",
            [label, alias, target],
        )
        # Merges made before that pointed at the alias now point where it goes.
        self.conn.execute(
            "UPDATE entity_choices SET target = ? WHERE label = ? AND target = ? AND alias != ?",
            [target, label, alias, alias],
        )

    def _entity(self, entity_id: int) -> tuple[str, str]:
        found = self.conn.execute(
            "SELECT name, label FROM entities WHERE id = ?", [entity_id]
        ).fetchone()
        if found is None:
            raise KeyError(entity_id)
        return found

    def _move(self, source_id: int, target_id: int, alias: str | None = None) -> None:
        """Articles' names (all, or only `alias`) and their quotations move to `target`."""
        only = " AND name = ?" if alias is not None else ""
        speaker_only = " AND speaker_name = ?" if alias is not None else ""
        extra = [alias] if alias is not None else []
        self.conn.execute(
            f"UPDATE article_entities SET entity_id = ? WHERE entity_id = ?{only}",
            [target_id, source_id, *extra],
        )
        self.conn.execute(
            f"UPDATE quotations SET speaker_id = ? WHERE speaker_id = ?{speaker_only}",
            [target_id, source_id, *extra],
        )
        self.recount(source_id)
        self.recount(target_id)
        self.prune([source_id])
