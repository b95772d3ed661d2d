"""Search across every article: SQLite FTS5 over title and body, ranked by bm25.

The user's query is FTS5 syntax first (phrases in quotes, `prefix*`, AND/OR/NOT, `title:`);
a query FTS5 cannot parse is searched again as its plain words, so typing never errs.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from reader.store.articles import roots_clause

# Markers FTS5 puts around each matching token in a snippet (control characters never appear
# in article text that the index holds).
HIT_START, HIT_END = "\x02", "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)
# Title matches weigh more than body matches.
_RANK = "bm25(article_text, 4.0, 1.0)"


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: int
    path: str
    title: str
    source: str
    date: str
    snippet: str  # with HIT_START/HIT_END around the matching words

    @property
    def snippet_text(self) -> str:
        return self.snippet.replace(HIT_START, "").replace(HIT_END, "")

    @property
    def first_match(self) -> str:
        """The first run of matching words in the snippet ("Vladimir Putin" for a phrase)."""
        found = re.search(
            f"{HIT_START}(.*?){HIT_END}((?:\\s+{HIT_START}.*?{HIT_END})*)", self.snippet, re.DOTALL
        )
        if found is None:
            return ""
        return re.sub(f"[{HIT_START}{HIT_END}]", "", found.group(0))


def was_interrupted(error: sqlite3.Error) -> bool:
    """The search was stopped by its progress handler (cancelled, or over its time)."""
    return getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_INTERRUPT


_QUERY_PART = re.compile(r'"([^"]*)"(\*?)|(\w+)(\*?)(:?)', re.UNICODE)
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


@dataclass(frozen=True, slots=True)
class Term:
    """One thing a query looks for: a word or a phrase (its words), perhaps as a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


def query_terms(query: str) -> list[Term]:
    """What an FTS5 query looks for, for marking it in an article: its words and phrases,
    without operators (AND, OR, NOT, NEAR) or column names (`title:`)."""
    terms = []
    for match in _QUERY_PART.finditer(query):
        phrase, phrase_star, word, word_star, column = match.groups()
        if phrase is not None:
            words = tuple(_WORD.findall(phrase))
            if words:
                terms.append(Term(words, bool(phrase_star)))
        elif not column and word not in _OPERATORS:
            terms.append(Term((word,), bool(word_star)))
    return list(dict.fromkeys(terms))


def plain_words(query: str) -> str:
    """The query as plain words, each quoted (so no word is read as an operator)."""
    return " ".join(f'"{word}"' for word in _WORD.findall(query))


def search(
    conn: sqlite3.Connection,
    query: str,
    roots: list[Path] | None = None,
    limit: int = 50,
    snippet_words: int = 16,
) -> list[SearchHit]:
    """Articles matching `query`, best first; under `roots` only, when given."""
    query = query.strip()
    if not query:
        return []
    try:
        return _search(conn, query, roots, limit, snippet_words)
    except sqlite3.OperationalError as error:
        # FTS5 says "syntax error", "unterminated string", "no such column"… A real fault of
        # the database fails again below and is raised from there; a stopped search stops.
        if was_interrupted(error):
            raise
    words = plain_words(query)
    return _search(conn, words, roots, limit, snippet_words) if words else []


def _search(conn, match: str, roots, limit: int, snippet_words: int) -> list[SearchHit]:
    where, params = ("1", []) if roots is None else roots_clause(roots)
    sql = (
        "SELECT a.id, a.path, a.title, a.source, a.date, "
        f"snippet(article_text, 1, '{HIT_START}', '{HIT_END}', '…', {int(snippet_words)}) "
        "FROM article_text JOIN articles a ON a.id = article_text.rowid "
        f"WHERE article_text MATCH ? AND a.gone = 0 AND a.problem IS NULL AND {where} "
        f"ORDER BY {_RANK} LIMIT ?"
    )
    rows = conn.execute(sql, [match, *params, limit])
    return [SearchHit(*row) for row in rows]
