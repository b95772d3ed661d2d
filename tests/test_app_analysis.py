"""Entities and quotations in the app: colours, panels, mention jumps, speaker status, filter."""

import json
import shutil
from pathlib import Path

from reader.cli import main
from tests.conftest import (
    SEEDS,
    FixedEngine,
    list_text,
    make_app,
    notices,
    open_entity_panel_at,
    view_text,
    wait_for_article,
    wait_for_notice,
)


async def wait_for_analysis(pilot, app) -> None:
    for _ in range(3000):
        await pilot.pause(0.02)
        if app.article_view.marks.analysis is not None:
            return
    raise AssertionError("analysis never arrived")


def pieces(app) -> list[str]:
    view = app.article_view
    return [segment.text for y in range(view.size.height) for segment in view.render_line(y)]


def segment_style(app, text: str):
    """The style of the first rendered piece of the reader pane that reads exactly `text`."""
    view = app.article_view
    for y in range(view.size.height):
        for segment in view.render_line(y):
            if segment.text == text:
                return segment.style
    raise AssertionError(f"{text!r} is not on screen as one piece")


async def test_entities_are_coloured_and_h_hides_the_colours(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await wait_for_analysis(pilot, app)
        person = segment_style(app, "Joe Biden")
        place = segment_style(app, "Crimea")
        assert person.color != place.color
        assert person.bold
        assert "Joe Biden" in pieces(app)
        await pilot.press("h")
        assert app.article_view.show_analysis is False
        # Uncoloured, a name is no longer a piece of its own: it runs on with its line.
        assert "Joe Biden" not in pieces(app)
        assert any("President Joe Biden’s administration" in piece for piece in pieces(app))


async def test_status_line_names_the_speaker_of_the_passage_under_the_cursor(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await wait_for_analysis(pilot, app)
        await pilot.press("tab", "j", "j", "j")
        status = str(app.query_one("#status").render())
        assert status.startswith("“We are not clear")
        assert "— Anthony Blinken" in status


async def test_entity_panel_groups_by_type_and_marks_the_chosen_entity(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await wait_for_analysis(pilot, app)
        await pilot.press("tab", "e")
        panel = app.query_one("EntityPanel")
        prompts = [str(option.prompt).strip() for option in panel.options.options]
        assert prompts[0] == "People"
        assert "Places" in prompts and "Organisations" in prompts
        assert "Vladimir Putin ×3" in prompts
        putin = prompts.index("Vladimir Putin ×3")
        panel.options.highlighted = putin
        await pilot.press("enter")
        view = app.article_view
        assert view.marks.selected_entity == "Vladimir Putin"
        assert view.has_focus
        mentions = view.marks.analysis.mentions_of("Vladimir Putin")
        first_block = view.cursor
        await pilot.press("right_square_bracket")
        assert view.cursor != first_block
        block = view.article.blocks[view.cursor]
        assert any(block.start <= m.start < block.end for m in mentions)
        assert str(app.query_one("#status").render()).startswith("Vladimir Putin: mention")


async def test_quotations_panel_lists_who_said_what_and_jumps(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await wait_for_analysis(pilot, app)
        await pilot.press("tab", "w")
        panel = app.query_one("QuotePanel")
        speakers = [str(option.prompt).splitlines()[0] for option in panel.options.options]
        named = ["Anthony Blinken", "Dmytro Kuleba", "Igor Konashenkov"]
        assert [speaker for speaker in speakers if speaker in named] == named
        await pilot.press(*["j"] * speakers.index("Igor Konashenkov"), "enter")
        view = app.article_view
        assert view.article.blocks[view.cursor].text.startswith("“The Russian Defense Ministry")
        await pilot.press("escape")


async def test_filter_the_list_to_the_articles_that_mention_an_entity(corpus, locations):
    app = make_app([corpus], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app, "United States")
        await wait_for_analysis(pilot, app)
        await open_entity_panel_at(pilot, app, "Vladimir Putin ×3")
        await pilot.press("f")
        for _ in range(200):
            await pilot.pause(0.02)
            if app.article_list.filter_label:
                break
        assert [e.title[:13] for e in app.article_list.rows] == ["United States"]
        assert "1 of 4 articles" in app.main.sub_title
        assert "Harbour" not in list_text(app)
        await pilot.press("escape", "escape")
        assert len(app.article_list.rows) == 4


async def test_analysis_is_kept_by_content(tmp_path, locations):
    engine = FixedEngine(mentions=[("Anthony Blinken", "PERSON", "Anthony Blinken")])
    app = make_app([SEEDS], locations, engine=engine)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await wait_for_analysis(pilot, app)
        await app.workers.wait_for_complete()
    first_session = engine.calls  # the open article, and the library in the background
    assert first_session >= 1
    # The same text under another name, in another session: the kept analysis, coloured.
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(next(SEEDS.glob("*.txt")), copy / "renamed.txt")
    again = make_app([copy], locations, engine=engine)
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, again)
        await wait_for_analysis(pilot, again)
        assert again.article_view.marks.analysis.mentions
        await again.workers.wait_for_complete()
    assert engine.calls == first_session


def test_analyze_json_prints_one_object_per_article_with_source_offsets(corpus, capsys):
    assert main(["analyze", str(corpus), "--json"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 4
    for line in lines:
        record = json.loads(line)
        assert set(record) == {"path", "title", "engine", "entities", "quotes"}
        source = Path(record["path"]).read_text(encoding="utf-8")
        for entity in record["entities"]:
            assert set(entity) == {"start", "end", "text", "label", "entity"}
            assert source[entity["start"] : entity["end"]] == entity["text"]
        for quote in record["quotes"]:
            fields = {"start", "end", "text", "kind", "speaker", "speaker_entity"}
            fields |= {"speaker_start", "speaker_end"}
            # Kind as the evaluation sets name it; an "other" says its form.
            assert set(quote) == fields | ({"form"} if quote["kind"] == "other" else set())
            assert quote["kind"] in ("speech", "other")
            assert source[quote["start"] : quote["end"]] == quote["text"]
            if quote["speaker"]:
                named = source[quote["speaker_start"] : quote["speaker_end"]]
                assert named == quote["speaker"]


def test_evaluate_prints_scores_per_type(capsys):
    assert main(["evaluate"]) == 0
    out = capsys.readouterr().out
    for label in ("PERSON", "ORG", "GPE", "LOC", "NORP", "ALL"):
        assert f"  {label}" in out


async def test_on_a_narrow_terminal_a_panel_takes_the_screen_and_choosing_returns(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(60, 20)) as pilot:
        await wait_for_article(pilot, app)
        await wait_for_analysis(pilot, app)
        await pilot.press("w")
        panel = app.query_one("QuotePanel")
        assert panel.region.width == 60
        assert app.article_view.region.width == 0
        await pilot.press("enter")
        assert app.article_view.region.width > 0 and app.article_view.has_focus
        assert panel.region.width == 0


class BrokenEngine(FixedEngine):
    def analyze(self, article):
        raise ValueError("rule table corrupted")


async def test_a_failing_engine_is_reported_and_the_text_stays(locations):
    app = make_app([SEEDS], locations, engine=BrokenEngine())
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_article(pilot, app)
        await wait_for_notice(pilot, app, "Could not analyse")
        assert app.article_view.marks.analysis is None
        assert app.article_view.article is not None


async def test_speakers_are_named_under_their_passages(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await wait_for_analysis(pilot, app)
        lines = view_text(app).splitlines()
        said = next(i for i, line in enumerate(lines) if "said Kuleba." in line)
        assert lines[said + 1].strip() == "— Anthony Blinken · Dmytro Kuleba"  # one name a speaker
        await pilot.press("h")
        assert "— Anthony Blinken" not in view_text(app)


def panel_lines(app, panel: str) -> list[str]:
    options = app.query_one(panel).options
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_panels_say_why_an_article_has_no_analysis(tmp_path, locations, monkeypatch):
    import reader.ui.widgets.reader_pane as reader_pane

    # The real limit is millions of characters; a lower one tells the same story faster.
    monkeypatch.setattr(reader_pane, "MAX_ANALYSED_CHARS", 100_000)
    folder = tmp_path / "long"
    folder.mkdir()
    body = "\n\n".join("Words upon words in a paragraph. " * 30 for _ in range(120))
    (folder / "long.txt").write_text(f"A very long one\n\n{body}\n", encoding="utf-8")
    app = make_app([folder], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app, "A very long one")
        await pilot.press("e")
        assert panel_lines(app, "EntityPanel") == [
            "Not analysed: the article is longer than 100,000 characters."
        ]
        await pilot.press("w")
        assert panel_lines(app, "QuotePanel")[0].startswith("Not analysed")


async def test_panels_in_an_empty_corpus_say_there_is_no_article(tmp_path, locations):
    (tmp_path / "empty").mkdir()
    app = make_app([tmp_path / "empty"], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(100):
            await pilot.pause(0.02)
            if "No articles here" in view_text(app):
                break
        await pilot.press("e")
        assert panel_lines(app, "EntityPanel") == ["No article open."]


async def test_structure_is_never_drawn_in_an_entity_colour(corpus, locations):
    from reader.config import Config

    for theme in ("textual-dark", "textual-light", "gruvbox"):
        app = make_app([corpus / "world" / "budget_talks.md"], locations, Config(theme=theme))
        async with app.run_test(size=(120, 40)) as pilot:
            await wait_for_article(pilot, app)
            view = app.article_view
            entity_colours = {
                view.get_component_rich_style(f"reader--{kind}").color
                for kind in ("person", "org", "gpe", "loc", "norp")
            }
            for part in ("title", "heading", "code", "link", "prefix"):
                colour = view.get_component_rich_style(f"reader--{part}").color
                assert colour not in entity_colours, (theme, part)


async def test_f_in_the_text_filters_the_list_by_the_entity_of_the_passage(corpus, locations):
    app = make_app([corpus], locations)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await wait_for_article(pilot, app, "United States")
        await wait_for_analysis(pilot, app)
        await pilot.press("tab")
        view = app.article_view
        while "Joe Biden" not in view.article.blocks[view.cursor].text:
            await pilot.press("j")
        assert view.marks.entity_at_cursor() == "United States"  # the passage's first entity
        await open_entity_panel_at(pilot, app, "Vladimir Putin ×3")
        await pilot.press("enter")  # marks Putin; the focus returns to the text
        assert view.has_focus
        await pilot.press("f")
        for _ in range(200):
            await pilot.pause(0.02)
            if app.article_list.filter_label:
                break
        assert app.article_list.filter_label == "mentioning Vladimir Putin"
        assert [row.title[:13] for row in app.article_list.rows] == ["United States"]
        messages = notices(app)
        assert any(m.startswith("1 article mentions Vladimir Putin") for m in messages)


async def test_o_shows_the_links_of_the_passage_and_opens_the_chosen_one(
    corpus, locations, monkeypatch
):
    import webbrowser

    from reader.ui.screens.links import LinkScreen

    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda address: opened.append(address) or True)
    app = make_app([corpus / "world" / "budget_talks.md"], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app, "budget")
        await pilot.press("tab")
        view = app.article_view
        while not view.cursor_block.links():
            await pilot.press("j")
        await pilot.press("o")
        assert isinstance(app.screen, LinkScreen)
        shown = str(app.screen.query_one(".choice-list").get_option_at_index(0).prompt)
        assert "https://ec.europa.eu" in shown and "the Commission" in shown
        assert opened == []  # nothing opens without the key
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        assert opened == ["https://ec.europa.eu"]


async def test_the_status_line_names_the_engine_that_marked_the_entities(locations):
    app = make_app([SEEDS], locations)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_article(pilot, app)
        await wait_for_analysis(pilot, app)
        await pilot.pause()
        status = str(app.query_one("#status").render())
        assert "built-in engine" in status and status.endswith("%")
