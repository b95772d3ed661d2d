"""The optional spaCy engine: spaCy's named entities, our grouping, quotations and speakers.

Install with `pip install 'reader[spacy]'` and an English model (`python -m spacy download
en_core_web_sm`). Only the recogniser differs from the built-in engine: quotation finding and
speaker attribution are shared, so the two engines can be compared on entities alone.
"""

from __future__ import annotations

import os

from reader.analysis.engine import EngineUnavailable
from reader.analysis.model import Analysis
from reader.corpus.model import Article

MODEL_ENV = "READER_SPACY_MODEL"  # a pipeline to use, by package name or path
# Installed English pipelines are tried in this order when none is named.
PREFERRED = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")
# What named entities need; the tagger, parser, lemmatizer… are switched off (13k characters a
# second with the whole pipeline against 30k with these).
_NER_PIPES = ("tok2vec", "transformer", "ner")
_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP"}
_INSTALL = "pip install 'reader[spacy]' && python -m spacy download en_core_web_sm"


def installed_models(spacy) -> list[str]:
    try:
        return list(spacy.util.get_installed_models())
    except Exception:  # an old spaCy without the helper: only the named model can run
        return []


def find_model(installed: list[str]) -> str | None:
    """The English pipeline to use among those installed: the preferred ones first, then any
    other English one."""
    for name in PREFERRED:
        if name in installed:
            return name
    english = sorted(name for name in installed if name.startswith("en_"))
    return english[0] if english else None


class SpacyEngine:
    name = "spacy"

    def __init__(self) -> None:
        try:
            import spacy
        except ImportError as error:
            raise EngineUnavailable(f"spaCy is not installed: {_INSTALL}") from error
        model = os.environ.get(MODEL_ENV) or find_model(installed_models(spacy))
        if model is None:
            raise EngineUnavailable(f"no English spaCy pipeline is installed: {_INSTALL}")
        try:
            self._nlp = spacy.load(model)
        except OSError as error:
            message = f"spaCy's pipeline {model} could not be loaded ({error}): {_INSTALL}"
            raise EngineUnavailable(message) from error
        if "ner" not in self._nlp.pipe_names:
            raise EngineUnavailable(f"spaCy's pipeline {model} has no entity recogniser")
        self._nlp.select_pipes(enable=[name for name in self._nlp.pipe_names if name in _NER_PIPES])
        self.model = model
        self.label = f"spaCy engine ({model})"
        self.version = f"{spacy.__version__}-{model}-{self._nlp.meta.get('version', '')}"

    def analyze(self, article: Article) -> Analysis:
        from reader.analysis.engine import complete_analysis
        from reader.analysis.people import canonical, remember_person
        from reader.analysis.text import ArticleText

        text = ArticleText(article)
        spans = []
        for entity in self._nlp(text.text).ents:
            if entity.label_ not in _LABELS:
                continue
            start, end = entity.start_char, entity.end_char
            words = text.text[start:end]
            # Same conventions as the gold: no leading "the", no possessive.
            if words.lower().startswith("the "):
                start += 4
            if words.endswith(("’s", "'s")):
                end -= 2
            if end > start:
                spans.append((start, end, entity.label_))
        people: dict[str, str] = {}
        for start, end, label in spans:
            if label == "PERSON" and len(text.text[start:end].split()) >= 2:
                remember_person(people, text.text[start:end])
        found = [
            (start, end, label, canonical(text.text[start:end], label, people))
            for start, end, label in spans
        ]
        return complete_analysis(text, found, self.name)
