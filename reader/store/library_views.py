"""The library-wide questions the analysis index answers: which entities, in how many
articles; which articles name one; every quotation with its speaker.

Filters are text, never SQL: a reader's words go in as parameters with `%` and `_` escaped.
Lists come back capped (`limit`) with the number that matched, so a library of 100,000
articles answers as fast as the first rows can be read.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from reader.store.articles import roots_clause

ENTITY_ORDERS = ("articles", "name")
QUOTATION_ORDERS = ("date", "speaker")


@dataclass(frozen=True, slots=True)
class EntityRow:
    id: int
    name: str
    label: str
    articles: int
    mentions: int


@dataclass(frozen=True, slots=True)
class QuotationRow:
    article_id: int
    path: str
    title: str
    date: str
    start: int
    end: int
    words: str
    speaker: str  # the library's name for the speaker, else the words that name them
    speaker_id: int | None


@dataclass(frozen=True, slots=True)
class Listing:
    """Rows for a screen: the first `limit` that match, and how many matched in all."""

    rows: list
    matched: int


def like_pattern(text: str) -> str:
    """`text` anywhere, as a LIKE pattern: the reader's % and _ are characters, not wildcards."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _scoped(where: str) -> str:
    return where.replace("path", "a.path")


_SHOWN = "a.gone = 0 AND a.problem IS NULL"


class LibraryViews:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def _whole_library(self, roots: list[Path]) -> bool:
        """Whether every article the index counts lies under `roots` and is shown (then the
        kept counts answer; else they are counted for `roots` alone)."""
        where, params = roots_clause(roots)
        outside = self.conn.execute(
            f"""SELECT 1 FROM analyses n JOIN articles a ON a.id = n.article_id
            WHERE n.problem IS NULL AND NOT ({_SHOWN} AND {_scoped(where)}) LIMIT 1""",
            params,
        ).fetchone()
        return outside is None

    def entities(
        self,
        roots: list[Path],
        text: str = "",
        label: str | None = None,
        order: str = "articles",
        limit: int = 2000,
    ) -> Listing:
        """Entities named in the articles under `roots`, most named first (or by name)."""
        conditions, params = ["1"], []
        if text:
            conditions.append("e.name LIKE ? ESCAPE '\\'")
            params.append(like_pattern(text))
        if label:
            conditions.append("e.label = ?")
            params.append(label)
        ordering = (
            "e.name COLLATE NOCASE, e.label"
            if order == "name"
            else "articles DESC, mentions DESC, e.name"
        )
        if self._whole_library(roots):
            source = "entities e"
            counts = "e.articles AS articles, e.mentions AS mentions"
            conditions.append("e.articles > 0")
            group = ""
        else:
            where, root_params = roots_clause(roots)
            source = (
                "entities e JOIN article_entities ae ON ae.entity_id = e.id "
                "JOIN articles a ON a.id = ae.article_id"
            )
            counts = "count(DISTINCT ae.article_id) AS articles, sum(ae.mentions) AS mentions"
            conditions.append(f"{_SHOWN} AND {_scoped(where)}")
            params += root_params
            group = "GROUP BY e.id"
        sql = (
            f"SELECT e.id, e.name, e.label, {counts} FROM {source} "
            f"WHERE {' AND '.join(conditions)} {group}"
        )
        matched = self.conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
        rows = self.conn.execute(f"{sql} ORDER BY {ordering} LIMIT ?", [*params, limit])
        return Listing([EntityRow(*row) for row in rows], matched)

    def entity_named(self, name: str) -> list[int]:
        """The entities of that name (one a label)."""
        found = self.conn.execute("SELECT id FROM entities WHERE name = ?", [name])
        return [row[0] for row in found]

    def articles_naming(self, entity_ids: list[int]) -> set[int]:
        found: set[int] = set()
        for entity_id in entity_ids:
            found.update(
                row[0]
                for row in self.conn.execute(
                    "SELECT article_id FROM article_entities WHERE entity_id = ?", [entity_id]
                )
            )
        return found

    def quotations(
        self,
        roots: list[Path],
        text: str = "",
        speaker: str = "",
        speaker_id: int | None = None,
        order: str = "date",
        limit: int = 2000,
    ) -> Listing:
        """Speech quotations in the articles under `roots`: `text` in the words or the
        speaker's name, `speaker` in the speaker's name, or by one entity."""
        shown_speaker = "coalesce(e.name, q.speaker, '')"
        if self._whole_library(roots):
            # Every article analysed is in view: no need to look each one up.
            conditions, params, articles = ["q.kind = 'speech'"], [], ""
        else:
            where, params = roots_clause(roots)
            conditions = [_SHOWN, _scoped(where), "q.kind = 'speech'"]
            articles = "JOIN articles a ON a.id = q.article_id "
        if text:
            conditions.append(f"(q.words LIKE ? ESCAPE '\\' OR {shown_speaker} LIKE ? ESCAPE '\\')")
            params += [like_pattern(text)] * 2
        if speaker:
            conditions.append(f"{shown_speaker} LIKE ? ESCAPE '\\'")
            params.append(like_pattern(speaker))
        if speaker_id is not None:
            conditions.append("q.speaker_id = ?")
            params.append(speaker_id)
        # ISO-like dates sort as text, newest first; undated ('') come last by themselves.
        ordering = (
            f"{shown_speaker} = '', {shown_speaker} COLLATE NOCASE, q.date DESC, q.article_id, "
            "q.start"
            if order == "speaker"
            else "q.date DESC, q.article_id, q.start"
        )
        body = (
            f"FROM quotations q {articles}"
            f"LEFT JOIN entities e ON e.id = q.speaker_id WHERE {' AND '.join(conditions)}"
        )
        matched = self.conn.execute(f"SELECT count(*) {body}", params).fetchone()[0]
        # The order is found over narrow rows (their ids), the words read for the first few.
        picked = self.conn.execute(
            f"SELECT q.id {body} ORDER BY {ordering} LIMIT ?", [*params, limit]
        ).fetchall()
        ids = [row[0] for row in picked]
        found = {}
        for offset in range(0, len(ids), 500):
            chunk = ids[offset : offset + 500]
            for row in self.conn.execute(
                "SELECT q.id, q.article_id, a.path, a.title, a.date, q.start, q.end, q.words, "
                "coalesce(e.name, q.speaker, ''), q.speaker_id FROM quotations q "
                "JOIN articles a ON a.id = q.article_id "
                "LEFT JOIN entities e ON e.id = q.speaker_id "
                f"WHERE q.id IN ({','.join('?' * len(chunk))})",
                chunk,
            ):
                found[row[0]] = QuotationRow(*row[1:])
        return Listing([found[id_] for id_ in ids], matched)
