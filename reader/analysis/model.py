"""What analysis finds in an article: entity mentions and quotations, as source offsets."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP")


# Past this, analysis would keep a core busy for longer than a reader waits (time grows in
# step with length: 8 MB of news took 15 s on 2 cores); such files are read, not analysed.
MAX_ANALYSED_CHARS = 8_000_000
# What the status line calls the engine an analysis came from.
ENGINE_LABELS = {"builtin": "built-in engine", "spacy": "spaCy engine"}


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an entity: `source[start:end] == text`; `entity` is the canonical name."""

    start: int
    end: int
    text: str
    label: str
    entity: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation, marks included where they exist; `speaker` as named in the text, or None."""

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None
    speaker_entity: str | None = None  # the speaker's canonical name, when it is an entity
    speaker_start: int | None = None  # where the speaker is named, in the source
    speaker_end: int | None = None

    @property
    def speaker_name(self) -> str | None:
        """Who speaks, as the reader should see it: the entity's full name ("Donald Trump" for
        "Trump", so one speaker is one name), else the words of the text."""
        return self.speaker_entity or self.speaker


@dataclass(frozen=True, slots=True)
class EntitySummary:
    name: str
    label: str
    count: int


@dataclass(slots=True)
class Analysis:
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    engine: str = ""
    # How many of the library's articles name each entity, (label, name) → count, when the
    # analysis index has told (not part of the analysis itself: never written out).
    library_articles: dict[tuple[str, str], int] = field(default_factory=dict)

    def entities(self) -> list[EntitySummary]:
        """Each entity once, with its label and mention count, most mentioned first."""
        counts = Counter((mention.entity, mention.label) for mention in self.mentions)
        summaries = [EntitySummary(name, label, count) for (name, label), count in counts.items()]
        return sorted(summaries, key=lambda s: (ENTITY_LABELS.index(s.label), -s.count, s.name))

    def mentions_of(self, entity: str) -> list[Mention]:
        return [mention for mention in self.mentions if mention.entity == entity]

    def to_json(self) -> dict:
        return {
            "engine": self.engine,
            "entities": [
                {
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "label": m.label,
                    "entity": m.entity,
                }
                for m in self.mentions
            ],
            "quotes": [
                {
                    "start": q.start,
                    "end": q.end,
                    "text": q.text,
                    "kind": q.kind,
                    "speaker": q.speaker,
                    "speaker_entity": q.speaker_entity,
                    "speaker_start": q.speaker_start,
                    "speaker_end": q.speaker_end,
                }
                for q in self.quotes
            ],
        }

    @classmethod
    def from_json(cls, data: dict) -> Analysis:
        return cls(
            mentions=[Mention(**item) for item in data["entities"]],
            quotes=[Quote(**item) for item in data["quotes"]],
            engine=data.get("engine", ""),
        )
