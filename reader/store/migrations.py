"""The schema, one step per version. Never edit a step that has shipped: add the next one.

`PRAGMA user_version` records how many steps a database has taken (see `database.migrate`).
"""

from __future__ import annotations

# 1: reading state keyed by path, small app-wide values.
_READING_STATE = """
CREATE TABLE reading_state (
    path TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    read INTEGER NOT NULL DEFAULT 0,
    updated REAL NOT NULL
);
CREATE INDEX reading_state_hash ON reading_state (content_hash);
CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

# 2: the article index. A row is an article's identity for everything that remembers one
# (reading state now, bookmarks next): it keeps its id when the file is edited or moved.
# Rows carried over from reading_state have size -1, so the indexer reads them once more.
# `words` is NULL until the file has been parsed; `problem` says why a file cannot be shown;
# `gone` marks a file that vanished (its state is kept in case it comes back or moved).
_ARTICLES = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL DEFAULT -1,
    mtime_ns INTEGER NOT NULL DEFAULT -1,
    content_hash TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    words INTEGER,
    problem TEXT,
    gone INTEGER NOT NULL DEFAULT 0,
    read INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0,
    updated REAL NOT NULL DEFAULT 0
);
CREATE INDEX articles_hash ON articles (content_hash);
INSERT INTO articles (path, content_hash, read, position, updated)
    SELECT path, content_hash, read, position, updated FROM reading_state;
DROP TABLE reading_state;

-- Full text of every article for search across the corpus; rowid = articles.id.
CREATE VIRTUAL TABLE article_text USING fts5 (
    title, body, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_forget_text AFTER DELETE ON articles BEGIN
    DELETE FROM article_text WHERE rowid = old.id;
END;
"""

MIGRATIONS: tuple = (_READING_STATE, _ARTICLES)
