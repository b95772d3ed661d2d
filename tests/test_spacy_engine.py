"""The optional spaCy engine: a clear message without spaCy, the same interface with it."""

import importlib.util

import pytest

from reader.analysis.engine import EngineUnavailable, get_engine
from reader.cli import main
from tests.test_plaintext import seed

HAVE_SPACY = importlib.util.find_spec("spacy") is not None


@pytest.mark.skipif(HAVE_SPACY, reason="spaCy is installed here")
def test_without_spacy_the_engine_says_what_to_install(capsys):
    with pytest.raises(EngineUnavailable, match="pip install 'reader\\[spacy\\]'"):
        get_engine("spacy")
    assert main(["analyze", "--engine", "spacy", "seeds"]) == 2
    assert "spaCy is not installed" in capsys.readouterr().err
    assert main(["--engine", "spacy"]) == 2  # the app does not open half-working
    assert "spaCy is not installed" in capsys.readouterr().err


def test_an_unknown_engine_is_refused():
    with pytest.raises(EngineUnavailable, match="unknown engine"):
        get_engine("nonsense")


@pytest.mark.skipif(not HAVE_SPACY, reason="spaCy is not installed (the 'spacy' extra)")
def test_spacy_engine_gives_source_offsets_and_groups_people():
    try:
        engine = get_engine("spacy")
    except EngineUnavailable as error:
        pytest.skip(str(error))
    article = seed()
    analysis = engine.analyze(article)
    assert analysis.mentions
    for mention in analysis.mentions:
        assert article.source[mention.start : mention.end] == mention.text
    assert any(m.entity == "Vladimir Putin" for m in analysis.mentions if m.text == "Putin")


def test_spacy_finds_an_installed_english_pipeline_and_runs_only_what_entities_need(
    monkeypatch,
):
    import sys
    import types

    from reader.analysis.spacy_engine import SpacyEngine, find_model

    assert find_model(["de_core_news_sm", "en_core_web_lg", "en_core_web_md"]) == "en_core_web_md"
    assert find_model(["en_custom_news"]) == "en_custom_news"
    assert find_model(["de_core_news_sm"]) is None

    class Pipeline:
        pipe_names = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]
        meta = {"version": "3.8.0"}

        def select_pipes(self, enable):
            self.enabled = enable

    loaded = {}
    fake = types.ModuleType("spacy")
    fake.__version__ = "3.8.2"
    fake.util = types.SimpleNamespace(get_installed_models=lambda: ["en_core_web_md"])
    fake.load = lambda name: loaded.setdefault(name, Pipeline())
    monkeypatch.setitem(sys.modules, "spacy", fake)
    monkeypatch.delenv("READER_SPACY_MODEL", raising=False)
    engine = SpacyEngine()
    assert list(loaded) == ["en_core_web_md"]
    assert loaded["en_core_web_md"].enabled == ["tok2vec", "ner"]
    assert engine.label == "spaCy engine (en_core_web_md)"
    fake.util = types.SimpleNamespace(get_installed_models=lambda: [])
    with pytest.raises(EngineUnavailable, match="no English spaCy pipeline is installed"):
        SpacyEngine()


def test_the_engine_comes_from_the_config_and_analyze_says_which_ran(tmp_path, capsys):
    import json

    config = tmp_path / "config.toml"
    config.write_text('[reader]\nengine = "builtin"\n')
    assert main(["analyze", "--config", str(config), "--json", "seeds"]) == 0
    captured = capsys.readouterr()
    assert "analysing with the built-in engine" in captured.err
    assert json.loads(captured.out.splitlines()[0])["engine"] == "builtin"
    config.write_text('[reader]\nengine = "nonsense"\n')
    from reader.config import load_config

    problems = load_config(config).problems
    assert problems == ["config.toml line 2: engine must be one of builtin, spacy, not 'nonsense'"]
