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

# 3: bookmarks. A bookmark points at its article's row and also keeps the path, the content
# hash its offsets refer to and a W3C text-quote selector (exact text with ~32 characters of
# prefix and suffix, over the source text), so the passage can be found again when the file
# changes, and shown, exported or re-attached when it cannot (`orphan`). `key` names a bookmark
# across exports and imports. Notes and passages are searchable (`bookmark_text`, kept in step
# by triggers).
_BOOKMARKS = """
CREATE TABLE bookmarks (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    article_id INTEGER,
    path TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    exact TEXT NOT NULL,
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    speaker TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    date TEXT NOT NULL DEFAULT '',
    orphan INTEGER NOT NULL DEFAULT 0,
    created REAL NOT NULL,
    updated REAL NOT NULL
);
CREATE INDEX bookmarks_article ON bookmarks (article_id);
CREATE INDEX bookmarks_selector ON bookmarks (content_hash, exact);

CREATE VIRTUAL TABLE bookmark_text USING fts5 (
    note, text, title, speaker, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER bookmarks_text_insert AFTER INSERT ON bookmarks BEGIN
    INSERT INTO bookmark_text (rowid, note, text, title, speaker)
        VALUES (new.id, new.note, new.text, new.title, new.speaker);
END;
CREATE TRIGGER bookmarks_text_update AFTER UPDATE ON bookmarks BEGIN
    DELETE FROM bookmark_text WHERE rowid = old.id;
    INSERT INTO bookmark_text (rowid, note, text, title, speaker)
        VALUES (new.id, new.note, new.text, new.title, new.speaker);
END;
CREATE TRIGGER bookmarks_text_delete AFTER DELETE ON bookmarks BEGIN
    DELETE FROM bookmark_text WHERE rowid = old.id;
END;
-- An article row that goes (only a row made for a moved file's new name, which has no
-- bookmarks yet) never takes bookmarks with it: they become orphans.
CREATE TRIGGER articles_orphan_bookmarks AFTER DELETE ON articles BEGIN
    UPDATE bookmarks SET article_id = NULL, orphan = 1 WHERE article_id = old.id;
END;
"""

# 4: the analysis index: what the engine found in each article, for the library-wide views
# (people, quotations, the entity filter) and to colour an article at once when it opens.
# Derived data: a repair or an engine change rebuilds it from the files.
# - `analyses`: one row per article analysed, with the content hash and the engine (name and
#   version) it was made from; `problem` says why an analysis failed (the article is skipped).
# - `entities`: the library's entities, one name each ("Antony Blinken"), with their counts
#   (and a person's surname, so an article that names only "Blinken" finds him).
# - `article_entities`: each entity an article names, under the article's own name for it
#   (an alias of the library's entity), with its mentions as source offsets.
# - `quotations`: every quotation with its kind, words and speaker (the article's name, its
#   source span and the library's entity), and its article's date (to list them by date).
# - `entity_choices`: merges and splits made by hand: `alias` (an article's name) counts as
#   `target` (a library name; itself to keep it apart). Kept across rebuilds.
# - `analysis_claims`: which running copy of the app analyses which article, until when, so
#   two copies share the work and never write the same article at once.
_ANALYSIS_INDEX = """
CREATE TABLE analyses (
    article_id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL,
    engine TEXT NOT NULL,
    problem TEXT,
    updated REAL NOT NULL
);
CREATE INDEX analyses_hash ON analyses (content_hash);
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    label TEXT NOT NULL,
    surname TEXT NOT NULL DEFAULT '',
    articles INTEGER NOT NULL DEFAULT 0,
    mentions INTEGER NOT NULL DEFAULT 0,
    UNIQUE (name, label)
);
CREATE INDEX entities_articles ON entities (articles);
CREATE INDEX entities_surname ON entities (label, surname);
CREATE TABLE article_entities (
    article_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    label TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    mentions INTEGER NOT NULL,
    spans TEXT NOT NULL,
    PRIMARY KEY (article_id, name, label)
) WITHOUT ROWID;
CREATE INDEX article_entities_entity ON article_entities (entity_id, article_id);
CREATE TABLE quotations (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    kind TEXT NOT NULL,
    words TEXT NOT NULL,
    speaker TEXT,
    speaker_name TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    speaker_id INTEGER,
    date TEXT NOT NULL DEFAULT ''
);
CREATE INDEX quotations_article ON quotations (article_id);
-- Newest first, as the quotations screen lists them: the first rows without a sort.
CREATE INDEX quotations_date ON quotations (date DESC, article_id, start);
CREATE INDEX quotations_speaker ON quotations (speaker_id);
CREATE TABLE entity_choices (
    label TEXT NOT NULL,
    alias TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (label, alias)
);
CREATE TABLE analysis_claims (
    article_id INTEGER PRIMARY KEY,
    owner TEXT NOT NULL,
    until REAL NOT NULL
);
-- A row that goes takes its article out of the counts too.
CREATE TRIGGER articles_forget_analysis AFTER DELETE ON articles BEGIN
    UPDATE entities SET
        articles = articles - 1,
        mentions = mentions - (SELECT sum(mentions) FROM article_entities
                               WHERE article_id = old.id AND entity_id = entities.id)
        WHERE id IN (SELECT entity_id FROM article_entities WHERE article_id = old.id);
    DELETE FROM analyses WHERE article_id = old.id;
    DELETE FROM article_entities WHERE article_id = old.id;
    DELETE FROM quotations WHERE article_id = old.id;
    DELETE FROM analysis_claims WHERE article_id = old.id;
END;
"""

# 5: articles from the web. `web_pages` makes one URL one article (`reader add` twice, or the
# same story in two feeds); `feeds` keeps each subscription with what its server said last
# (ETag, Last-Modified) for conditional requests; `feed_entries` the entries already taken.
_WEB = """
CREATE TABLE web_pages (
    url TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    added TEXT NOT NULL
);
CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    folder TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    added TEXT NOT NULL,
    checked TEXT,
    problem TEXT
);
CREATE TABLE feed_entries (
    feed_id INTEGER NOT NULL,
    entry_key TEXT NOT NULL,
    url TEXT NOT NULL DEFAULT '',
    path TEXT,
    PRIMARY KEY (feed_id, entry_key)
) WITHOUT ROWID;
CREATE INDEX feed_entries_url ON feed_entries (url);
CREATE TRIGGER feeds_forget_entries AFTER DELETE ON feeds BEGIN
    DELETE FROM feed_entries WHERE feed_id = old.id;
END;
"""

MIGRATIONS: tuple = (_READING_STATE, _ARTICLES, _BOOKMARKS, _ANALYSIS_INDEX, _WEB)
