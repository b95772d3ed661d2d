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
