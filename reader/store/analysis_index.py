"""The analysis index: each article's entities and quotations, kept in the database so the
library can be asked who is named where and who said what, and an article opens coloured.

Writes: `save` (an article's analysis, replacing what it had), `save_problem` (its analysis
failed), `claim` (which articles this copy of the app analyses next). Reads: `analysis_of`
(one article, for the reader pane) and `progress`. The library-wide questions (entities,
quotations) are in `reader.store.library_views`, names and merges in `library_names`.

Every write is one transaction. Counts on `entities` are kept by adding and taking away, so
saving an article costs the same in a library of a thousand articles as in one of 100,000.
"""

from __future__ import annotations

import sqlite3
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from reader.analysis.model import Analysis, Mention, Quote
from reader.store.articles import roots_clause
from reader.store.database import transaction
from reader.store.library_names import LibraryNames


@dataclass(frozen=True, slots=True)
class PendingArticle:
    """An article to analyse: its row, its file and the content hash the index knows."""

    id: int
    path: str
    content_hash: str


@dataclass(frozen=True, slots=True)
class Progress:
    analysed: int  # with the engine running now
    total: int  # articles that can be analysed
    failed: int  # whose analysis failed (skipped, with the reason kept)
    stale: int  # analysed by another engine version: shown until analysed again


@dataclass(slots=True)
class IndexedAnalysis:
    """An article's analysis from the index; `current`: made by the engine running now."""

    analysis: Analysis
    current: bool


# Articles that may be analysed: read, showable, not gone.
_READABLE = "a.gone = 0 AND a.problem IS NULL AND a.words IS NOT NULL AND a.content_hash != ''"


def _spans(text: str) -> list[tuple[int, int]]:
    numbers = [int(number) for number in text.split()]
    return list(zip(numbers[::2], numbers[1::2], strict=True))


class AnalysisIndex:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.names = LibraryNames(conn)

    # ----------------------------------------------------------------- which articles

    def claim(
        self,
        engine: str,
        roots: list[Path],
        owner: str,
        after_id: int,
        limit: int,
        lease_seconds: float,
    ) -> list[PendingArticle]:
        """The next articles (by row, after `after_id`) under `roots` that have no analysis
        by `engine` for their present text and that no other copy is analysing, claimed for
        `owner` until the lease runs out (a copy that was killed frees them that way)."""
        where, params = roots_clause(roots)
        now = time.time()
        with transaction(self.conn):
            rows = self.conn.execute(
                f"""SELECT a.id, a.path, a.content_hash FROM articles a
                LEFT JOIN analyses n ON n.article_id = a.id
                LEFT JOIN analysis_claims c ON c.article_id = a.id
                WHERE a.id > ? AND {_READABLE} AND {where.replace("path", "a.path")}
                  AND (n.article_id IS NULL OR n.content_hash != a.content_hash
                       OR n.engine != ?)
                  AND (c.article_id IS NULL OR c.owner = ? OR c.until < ?)
                ORDER BY a.id LIMIT ?""",
                [after_id, *params, engine, owner, now, limit],
            ).fetchall()
            self.conn.executemany(
                "INSERT OR REPLACE INTO analysis_claims (article_id, owner, until) VALUES (?,?,?)",
                [(row[0], owner, now + lease_seconds) for row in rows],
            )
        return [PendingArticle(*row) for row in rows]

    def claim_one(self, article_id: int, owner: str, lease_seconds: float) -> None:
        """The app analyses this article now (the reader opened it): the background
        analyser leaves it alone."""
        with transaction(self.conn):
            self.conn.execute(
                "INSERT OR REPLACE INTO analysis_claims (article_id, owner, until) VALUES (?,?,?)",
                [article_id, owner, time.time() + lease_seconds],
            )

    def renew(self, owner: str, lease_seconds: float) -> None:
        """Keep `owner`'s claims: it is alive and at work."""
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE analysis_claims SET until = ? WHERE owner = ?",
                [time.time() + lease_seconds, owner],
            )

    def free_claims_of_the_dead(self, is_alive) -> None:
        """Claims whose owner is known to be gone (`is_alive(owner)` is False: a copy on this
        machine that was killed) are freed at once, not when their lease runs out."""
        owners = [row[0] for row in self.conn.execute("SELECT DISTINCT owner FROM analysis_claims")]
        dead = [owner for owner in owners if is_alive(owner) is False]
        if dead:
            with transaction(self.conn):
                self.conn.executemany(
                    "DELETE FROM analysis_claims WHERE owner = ?", [(owner,) for owner in dead]
                )

    def release(self, owner: str) -> None:
        """Give back what `owner` claimed and did not finish (on quit)."""
        with transaction(self.conn):
            self.conn.execute("DELETE FROM analysis_claims WHERE owner = ?", [owner])

    def progress(self, engine: str, roots: list[Path]) -> Progress:
        where, params = roots_clause(roots)
        where = where.replace("path", "a.path")
        total, analysed, failed, stale = self.conn.execute(
            f"""SELECT count(*),
                coalesce(sum(n.engine = ? AND n.content_hash = a.content_hash
                             AND n.problem IS NULL), 0),
                coalesce(sum(n.content_hash = a.content_hash AND n.problem IS NOT NULL), 0),
                coalesce(sum(n.engine != ? AND n.content_hash = a.content_hash
                             AND n.problem IS NULL), 0)
            FROM articles a LEFT JOIN analyses n ON n.article_id = a.id
            WHERE {_READABLE} AND {where}""",
            [engine, engine, *params],
        ).fetchone()
        return Progress(analysed, total, failed, stale)

    def problems(self) -> list[str]:
        rows = self.conn.execute(
            "SELECT problem FROM analyses WHERE problem IS NOT NULL "
            "GROUP BY problem ORDER BY count(*) DESC LIMIT 20"
        )
        return [row[0] for row in rows]

    # ----------------------------------------------------------------- writing

    def save(self, article_id: int, content_hash: str, engine: str, analysis: Analysis) -> bool:
        """Keep an article's analysis in place of what it had. False (nothing written) when
        the article changed or went since it was read: its new text is analysed later."""
        with transaction(self.conn):
            if not self._still(article_id, content_hash):
                return False
            before = self._forget(article_id)
            groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
            for mention in analysis.mentions:
                groups[(mention.entity, mention.label)].append(mention)
            entity_of: dict[str, int] = {}  # the article's name → the library's entity
            counted: dict[int, int] = defaultdict(int)
            rows = []
            for (name, label), mentions in groups.items():
                entity_id = self.names.entity_for(name, label)
                entity_of.setdefault(name, entity_id)
                counted[entity_id] += len(mentions)
                spans = " ".join(f"{m.start} {m.end}" for m in mentions)
                rows.append((article_id, name, label, entity_id, len(mentions), spans))
            self.conn.executemany(
                "INSERT INTO article_entities (article_id, name, label, entity_id, mentions, "
                "spans) VALUES (?,?,?,?,?,?)",
                rows,
            )
            self.names.add_counts(counted, sign=1)
            self.names.prune(before - counted.keys())
            date = self._date(article_id)
            self.conn.executemany(
                "INSERT INTO quotations (article_id, start, end, kind, words, speaker, "
                "speaker_name, speaker_start, speaker_end, speaker_id, date) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        article_id,
                        quote.start,
                        quote.end,
                        quote.kind,
                        quote.text,
                        quote.speaker,
                        quote.speaker_entity,
                        quote.speaker_start,
                        quote.speaker_end,
                        entity_of.get(quote.speaker_entity or ""),
                        date,
                    )
                    for quote in analysis.quotes
                ],
            )
            self._done(article_id, content_hash, engine, None)
        return True

    def copy_from_twin(self, article_id: int, content_hash: str, engine: str) -> bool:
        """Give an article the analysis of another with the same text (a wire story filed in
        two folders, a copy): no need to analyse it again. False if there is none."""
        with transaction(self.conn):
            twin = self.conn.execute(
                "SELECT article_id FROM analyses WHERE content_hash = ? AND engine = ? "
                "AND problem IS NULL AND article_id != ? LIMIT 1",
                [content_hash, engine, article_id],
            ).fetchone()
            if twin is None or not self._still(article_id, content_hash):
                return False
            before = self._forget(article_id)
            rows = self.conn.execute(
                "SELECT name, label, entity_id, mentions, spans FROM article_entities "
                "WHERE article_id = ?",
                [twin[0]],
            ).fetchall()
            self.conn.executemany(
                "INSERT INTO article_entities (article_id, name, label, entity_id, mentions, "
                "spans) VALUES (?,?,?,?,?,?)",
                [(article_id, *row) for row in rows],
            )
            counted: dict[int, int] = defaultdict(int)
            for _name, _label, entity_id, mentions, _spans in rows:
                counted[entity_id] += mentions
            self.names.add_counts(counted, sign=1)
            self.names.prune(before - counted.keys())
            self.conn.execute(
                "INSERT INTO quotations (article_id, start, end, kind, words, speaker, "
                "speaker_name, speaker_start, speaker_end, speaker_id, date) "
                "SELECT ?, start, end, kind, words, speaker, speaker_name, speaker_start, "
                "speaker_end, speaker_id, ? FROM quotations WHERE article_id = ?",
                [article_id, self._date(article_id), twin[0]],
            )
            self._done(article_id, content_hash, engine, None)
        return True

    def save_problem(self, article_id: int, content_hash: str, engine: str, problem: str) -> None:
        """The article's analysis failed: say why, and skip it until its text or the engine
        changes (whatever it held before stays)."""
        with transaction(self.conn):
            if self._still(article_id, content_hash):
                self._done(article_id, content_hash, engine, problem)

    def _date(self, article_id: int) -> str:
        found = self.conn.execute("SELECT date FROM articles WHERE id = ?", [article_id])
        row = found.fetchone()
        return row[0] if row else ""

    def _still(self, article_id: int, content_hash: str) -> bool:
        """Whether the article's row is for this text (or not yet read by the indexer: an
        article opened on a first run, before its turn)."""
        found = self.conn.execute(
            "SELECT 1 FROM articles WHERE id = ? AND content_hash IN (?, '') AND gone = 0",
            [article_id, content_hash],
        ).fetchone()
        return found is not None

    def _done(self, article_id: int, content_hash: str, engine: str, problem: str | None) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO analyses (article_id, content_hash, engine, problem, updated) "
            "VALUES (?,?,?,?,?)",
            [article_id, content_hash, engine, problem, time.time()],
        )
        self.conn.execute("DELETE FROM analysis_claims WHERE article_id = ?", [article_id])

    def _forget(self, article_id: int) -> set[int]:
        """Take an article's entities and quotations out of the index (and its counts);
        returns the entities it named."""
        counted: dict[int, int] = defaultdict(int)
        for entity_id, mentions in self.conn.execute(
            "SELECT entity_id, mentions FROM article_entities WHERE article_id = ?", [article_id]
        ):
            counted[entity_id] += mentions
        self.names.add_counts(counted, sign=-1)
        self.conn.execute("DELETE FROM article_entities WHERE article_id = ?", [article_id])
        self.conn.execute("DELETE FROM quotations WHERE article_id = ?", [article_id])
        return set(counted)

    # ----------------------------------------------------------------- reading

    def analysis_of(self, article_id: int, content_hash: str, engine: str, source: str):
        """The article's analysis as the index holds it for this text (None if it has none),
        with mentions named as the library names them. `source`: the article's text."""
        done = self.conn.execute(
            "SELECT engine, problem, article_id FROM analyses "
            "WHERE content_hash = ? AND problem IS NULL ORDER BY article_id != ?, engine != ? "
            "LIMIT 1",
            [content_hash, article_id, engine],
        ).fetchone()
        if done is None:
            return None  # (the same text under another name counts: a copy, a move)
        article_id = done[2]
        mentions = []
        for spans, label, name in self.conn.execute(
            "SELECT ae.spans, ae.label, e.name FROM article_entities ae "
            "JOIN entities e ON e.id = ae.entity_id WHERE ae.article_id = ?",
            [article_id],
        ):
            for start, end in _spans(spans):
                mentions.append(Mention(start, end, source[start:end], label, name))
        mentions.sort(key=lambda mention: mention.start)
        quotes = [
            Quote(start, end, words, kind, speaker, library_name or speaker_name, s_start, s_end)
            for start, end, words, kind, speaker, speaker_name, s_start, s_end, library_name in (
                self.conn.execute(
                    "SELECT q.start, q.end, q.words, q.kind, q.speaker, q.speaker_name, "
                    "q.speaker_start, q.speaker_end, e.name FROM quotations q "
                    "LEFT JOIN entities e ON e.id = q.speaker_id "
                    "WHERE q.article_id = ? ORDER BY q.start",
                    [article_id],
                )
            )
        ]
        engine_used = done[0].split("-", 1)[0]  # engine names hold no "-"; versions may
        return IndexedAnalysis(Analysis(mentions, quotes, engine_used), done[0] == engine)
