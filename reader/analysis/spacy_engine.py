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

MODEL = "en_core_web_sm"
MODEL_ENV = "READER_SPACY_MODEL"  # another installed pipeline, by package name or path
MODEL_ENV = "READER_SPACY_MODEL"  # another installed pipeline, by package name or path
_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP"}
_INSTALL = "pip install 'reader[spacy]' && python -m spacy download en_core_web_sm"


class SpacyEngine:
    name = "spacy"

    def __init__(self) -> None:
        try:
            import spacy
        except ImportError as error:
            raise EngineUnavailable(f"spaCy is not installed: {_INSTALL}") from error
        model = os.environ.get(MODEL_ENV, MODEL)
        try:
            self._nlp = spacy.load(model, disable=["lemmatizer"])
        except OSError as error:
            message = f"spaCy's model {model} is not installed: {_INSTALL}"
            raise EngineUnavailable(message) from error
        self.version = f"{spacy.__version__}-{self._nlp.meta.get('version', '')}"

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
