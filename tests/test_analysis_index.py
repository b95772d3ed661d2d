"""The analysis index: articles analysed in the background and kept in the database; names
merged across articles; the library's entities and quotations; faults that lose nothing."""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from reader.analysis.engine import get_engine
from reader.analysis.model import Analysis, Mention, Quote
from reader.services.analysis_index import BackgroundAnalyser, engine_key
from reader.services.library import Indexer
from reader.store.analysis_index import AnalysisIndex
from reader.store.database import connect
from reader.store.library_names import LibraryNames
from reader.store.library_views import LibraryViews

BLINKEN = (
    "Talks in Paris\n\n"
    "Secretary of State Antony Blinken met French officials in Paris on Monday.\n\n"
    '"We have work to do," Blinken told reporters.\n'
)
LONE_SURNAME = (
    "Visit ends\n\n"
    "Mr. Blinken left Paris on Tuesday after two days of talks.\n\n"
    '"It was a good visit," Blinken said.\n'
)


def threads(workers: int):
    return ThreadPoolExecutor(workers)


@pytest.fixture
def library(tmp_path):
    database = tmp_path / "state" / "reader.db"
    conn, _ = connect(database)
    root = tmp_path / "news"
    root.mkdir()

    def write(name: str, text: str) -> Path:
        path = root / name
        path.write_text(text, encoding="utf-8")
        return path

    def index_and_analyse(engine=None, **options):
        Indexer(database, [root]).run(lambda update: None)
        engine = engine or get_engine("builtin")
        analyser = BackgroundAnalyser(database, [root], engine, executor=threads, **options)
        return analyser.run()

    return conn, root, write, index_and_analyse


def test_every_article_is_analysed_once_and_the_next_run_has_nothing_to_do(library):
    _conn, _root, write, analyse = library
    write("a.txt", BLINKEN)
    write("b.txt", LONE_SURNAME)
    progress = analyse()
    assert (progress.analysed, progress.total, progress.failed) == (2, 2, 0)
    engine = get_engine("builtin")
    calls = []

    class Counting:
        name, version = engine.name, engine.version

        def analyze(self, article):
            calls.append(article.path.name)
            return engine.analyze(article)

    again = analyse(Counting())
    assert calls == [] and again.analysed == 2


def test_a_lone_surname_in_one_article_is_the_full_name_another_gives(library):
    conn, root, write, analyse = library
    write("b.txt", LONE_SURNAME)  # indexed first: only "Blinken" is known
    write("a.txt", BLINKEN)
    analyse()
    listing = LibraryViews(conn).entities([root], label="PERSON")
    people = {row.name: row.articles for row in listing.rows}
    assert people == {"Antony Blinken": 2}
    quotes = LibraryViews(conn).quotations([root], speaker="Blinken")
    assert {q.speaker for q in quotes.rows} == {"Antony Blinken"}
    assert len(quotes.rows) == 2


def test_an_article_opens_from_the_index_with_the_library_name(library):
    conn, _root, write, analyse = library
    path = write("b.txt", LONE_SURNAME)
    write("a.txt", BLINKEN)
    analyse()
    from reader.corpus.discover import load_article

    article = load_article(path)
    article_id = conn.execute("SELECT id FROM articles WHERE path = ?", [str(path)]).fetchone()[0]
    found = AnalysisIndex(conn).analysis_of(
        article_id, article.content_hash, engine_key(get_engine()), article.source
    )
    assert found is not None and found.current
    assert {m.entity for m in found.analysis.mentions if m.label == "PERSON"} == {"Antony Blinken"}
    for mention in found.analysis.mentions:
        assert article.source[mention.start : mention.end] == mention.text
    (quote,) = found.analysis.quotes
    assert quote.speaker_name == "Antony Blinken"
    assert article.source[quote.speaker_start : quote.speaker_end] == "Blinken"


def test_a_place_cannot_be_merged_into_a_person(library):
    conn, _root, write, analyse = library
    write("a.txt", BLINKEN)
    analyse()
    views = LibraryViews(conn)
    (paris,) = views.entity_named("Paris")
    (blinken,) = views.entity_named("Antony Blinken")
    with pytest.raises(ValueError):
        LibraryNames(conn).merge(paris, blinken)


def test_a_hand_merge_moves_counts_and_quotations_and_a_split_takes_them_back(library):
    conn, root, write, analyse = library
    write("a.txt", 'Poll\n\nJoe Biden spoke in Ohio.\n\n"We will win," Biden said.\n')
    write("b.txt", 'Poll\n\nJoseph R. Biden spoke in Iowa.\n\n"We can win," Biden said.\n')
    analyse()
    views, names = LibraryViews(conn), LibraryNames(conn)
    joe = views.entity_named("Joe Biden")[0]
    joseph = views.entity_named("Joseph R. Biden")[0]
    with conn:
        names.merge(joseph, joe)
    people = {row.name: (row.articles, row.mentions) for row in views.entities([root]).rows}
    assert "Joseph R. Biden" not in people and people["Joe Biden"][0] == 2
    assert {q.speaker for q in views.quotations([root]).rows} == {"Joe Biden"}
    assert {alias.name for alias in names.aliases(joe)} == {"Joe Biden", "Joseph R. Biden"}
    # Re-analysing (a new engine version) keeps the choice.
    (root / "b.txt").write_text(
        'Poll\n\nJoseph R. Biden spoke in Iowa.\n\n"We can win," Biden said again.\n'
    )
    analyse()
    assert views.entity_named("Joseph R. Biden") == []
    with conn:
        names.split(views.entity_named("Joe Biden")[0], "Joseph R. Biden")
    people = {row.name: row.articles for row in views.entities([root]).rows}
    assert people["Joe Biden"] == 1 and people["Joseph R. Biden"] == 1


def test_a_failing_article_is_marked_and_the_rest_are_analysed(library):
    conn, _root, write, analyse = library
    write("a.txt", BLINKEN)
    write("bad.txt", "Broken\n\nThis one makes the engine fail.\n")
    engine = get_engine("builtin")

    class Failing:
        name, version = "failing", "1"

        def analyze(self, article):
            if "fail" in article.source:
                raise RuntimeError("rules tripped")
            return engine.analyze(article)

    progress = analyse(Failing())
    assert (progress.analysed, progress.failed, progress.total) == (1, 1, 2)
    problem = conn.execute("SELECT problem FROM analyses WHERE problem IS NOT NULL").fetchone()
    assert "rules tripped" in problem[0]


def test_filters_are_text_not_sql_wildcards(library):
    conn, root, write, analyse = library
    write("a.txt", BLINKEN)
    analyse()
    views = LibraryViews(conn)
    assert views.quotations([root], text="%").rows == []
    assert views.quotations([root], text="' OR 1=1 --").rows == []
    assert views.entities([root], text="_").rows == []
    assert len(views.quotations([root], text="work to").rows) == 1


def test_an_edited_article_is_analysed_again_and_its_old_rows_go(library):
    conn, root, write, analyse = library
    path = write("a.txt", BLINKEN)
    analyse()
    path.write_text("Talks\n\nAngela Merkel met Emmanuel Macron in Berlin.\n", encoding="utf-8")
    analyse()
    people = {row.name for row in LibraryViews(conn).entities([root], label="PERSON").rows}
    assert people == {"Angela Merkel", "Emmanuel Macron"}
    assert LibraryViews(conn).quotations([root]).rows == []
    assert conn.execute("SELECT count(*) FROM entities WHERE articles <= 0").fetchone()[0] == 0


def test_saving_keeps_counts_equal_to_a_recount(library):
    conn, _root, write, analyse = library
    for number in range(6):
        write(f"{number}.txt", BLINKEN if number % 2 else LONE_SURNAME)
    analyse()
    kept = dict(conn.execute("SELECT id, articles FROM entities"))
    counted = dict(
        conn.execute(
            "SELECT entity_id, count(DISTINCT article_id) FROM article_entities GROUP BY entity_id"
        )
    )
    assert kept == counted


def test_an_article_changed_since_the_claim_is_not_written():
    analysis = Analysis([Mention(0, 5, "Paris", "GPE", "Paris")], [Quote(0, 5, "Paris", "speech")])
    import sqlite3

    from reader.store.database import migrate

    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn)
    conn.execute("INSERT INTO articles (id, path, content_hash, words) VALUES (1, '/a', 'h2', 3)")
    assert AnalysisIndex(conn).save(1, "h1", "builtin-x", analysis) is False
    assert conn.execute("SELECT count(*) FROM article_entities").fetchone()[0] == 0


def test_the_same_text_in_two_files_is_analysed_once(library):
    conn, root, write, analyse = library
    write("a.txt", BLINKEN)
    (root / "copies").mkdir()
    write("copies/a.txt", BLINKEN)
    engine = get_engine("builtin")
    calls = []

    class Counting:
        name, version = engine.name, engine.version

        def analyze(self, article):
            calls.append(article.path)
            return engine.analyze(article)

    progress = analyse(Counting())
    assert progress.analysed == 2 and len(calls) == 1
    (row,) = LibraryViews(conn).entities([root], label="PERSON").rows
    assert (row.name, row.articles) == ("Antony Blinken", 2)
    assert len(LibraryViews(conn).quotations([root]).rows) == 2


def test_a_new_engine_version_analyses_again_while_the_old_results_are_shown(library):
    conn, _root, write, analyse = library
    path = write("a.txt", BLINKEN)
    engine = get_engine("builtin")

    class Old:
        name, version = "builtin", "old"
        analyze = staticmethod(engine.analyze)

    analyse(Old())
    from reader.corpus.discover import load_article

    article = load_article(path)
    (article_id,) = conn.execute("SELECT id FROM articles").fetchone()
    index = AnalysisIndex(conn)
    shown = index.analysis_of(article_id, article.content_hash, engine_key(engine), article.source)
    assert shown is not None and not shown.current and shown.analysis.mentions
    progress = analyse(engine)
    assert progress.analysed == 1 and progress.stale == 0
    again = index.analysis_of(article_id, article.content_hash, engine_key(engine), article.source)
    assert again.current


def test_two_copies_analysing_at_once_share_the_work_and_write_each_article_once(library):
    import threading

    conn, root, write, _analyse = library
    for number in range(30):
        write(f"{number:02}.txt", BLINKEN.replace("Monday", f"day {number}"))
    database = root.parent / "state" / "reader.db"
    Indexer(database, [root]).run(lambda update: None)
    engine = get_engine("builtin")
    calls: list[str] = []
    lock = threading.Lock()

    class Counting:
        name, version = engine.name, engine.version

        def analyze(self, article):
            with lock:
                calls.append(article.path.name)
            return engine.analyze(article)

    copies = [
        BackgroundAnalyser(database, [root], Counting(), executor=threads, workers=2)
        for _ in range(2)
    ]
    runs = [threading.Thread(target=copy.run) for copy in copies]
    for run in runs:
        run.start()
    for run in runs:
        run.join()
    assert sorted(calls) == sorted(set(calls)) and len(calls) == 30
    assert conn.execute("SELECT count(*) FROM analyses").fetchone()[0] == 30
    (row,) = LibraryViews(conn).entities([root], label="PERSON").rows
    assert row.articles == 30


def test_a_dateline_in_capitals_is_the_place_the_library_writes_in_title_case():
    import sqlite3

    from reader.store.database import migrate

    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn)
    index = AnalysisIndex(conn)
    written = [("LONDON", "GPE"), ("London", "GPE"), ("LONDON", "GPE"), ("NATO", "ORG")]
    for number, (name, label) in enumerate(written, 1):
        conn.execute(
            "INSERT INTO articles (id, path, content_hash, words) VALUES (?, ?, ?, 9)",
            [number, f"/news/{number}.txt", f"h{number}"],
        )
        mention = Mention(0, len(name), name, label, name)
        index.save(number, f"h{number}", "builtin-1", Analysis([mention], []))
    listing = LibraryViews(conn).entities([Path("/news")])
    assert {(row.name, row.articles) for row in listing.rows} == {("London", 3), ("NATO", 1)}


def test_a_library_of_many_copies_of_analysed_articles_is_taken_whole(library):
    conn, root, write, analyse = library
    write("a.txt", BLINKEN)
    analyse()
    (root / "copies").mkdir()
    for number in range(70):  # more than one claim's worth, every one a copy
        write(f"copies/{number:02}.txt", BLINKEN)
    progress = analyse()
    assert (progress.analysed, progress.total) == (71, 71)
    (row,) = LibraryViews(conn).entities([root], label="PERSON").rows
    assert row.articles == 71
