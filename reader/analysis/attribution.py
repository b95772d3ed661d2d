"""Who speaks each quotation: an ordered table of speaker rules, the first with an answer
decides (a rule's place in `RULES` is part of its meaning).

Each rule reads `Scene` (the quotation, the article's mentions, the quotation before) and
answers a speaker — a mention (start, end, canonical name) — or None. The rule that decided is
kept on the quotation for `reader analyze --explain FILE`; each has an example in
`tests/test_attribution.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.analysis.quotes import Found, fills_paragraph
from reader.analysis.rules import clue, rule_name
from reader.analysis.speaker_clauses import (
    as_they_put_it,
    paraphrase_before,
    said_at_the_end,
    speaker_after,
    speaker_before,
    subject_entity,
    verb_then_who,
)
from reader.analysis.speaker_phrases import Mentions, bare_name, known_genders, mention_in
from reader.analysis.speakers import (
    classify,
    reporting_subject,
    sentence_subject,
    subject_pronoun,
    turn_label,
)
from reader.analysis.text import ArticleText

Speaker = tuple[int, int, str]


@dataclass
class Scene:
    """One quotation and what its speaker is found among."""

    article_text: ArticleText
    quote: Found
    quote_starts: list[int]  # every quotation's start, sorted
    mentions: Mentions
    people: Mentions
    previous: Found | None  # the speech quotation before, attributed

    @property
    def text(self) -> str:
        return self.article_text.text

    @clue
    def subject(self) -> tuple[int, int] | None:
        """The subject before the reporting verb of the quotation's sentence, if it has one."""
        return reporting_subject(self.text, self.quote)

    def same_paragraph_as_previous(self) -> bool:
        paragraph_at = self.article_text.paragraph_at
        return self.previous is not None and paragraph_at(self.previous.start) == paragraph_at(
            self.quote.start
        )


Rule = Callable[[Scene], Speaker | None]


def runs_on_from_before(scene: Scene) -> Speaker | None:
    """A quotation running on from the one before in the same paragraph (paragraphs run
    together: `X said: "A. "B.`) is the same speaker's words."""
    previous = scene.previous
    if previous is not None and previous.runs_on and scene.same_paragraph_as_previous():
        return previous.speaker
    return None


def transcript_turn(scene: Scene) -> Speaker | None:
    """`"PENCE: Well, look, …`: a transcript's turn is its labelled speaker's."""
    return turn_label(scene.text, scene.quote, scene.people)


def named_after(scene: Scene) -> Speaker | None:
    """After the closing mark: `," said X`, `," X said`, `according to X`."""
    return speaker_after(scene.text, scene.quote, scene.quote_starts, scene.mentions, scene.people)


def named_before(scene: Scene) -> Speaker | None:
    """Before the opening mark: `X said: "`, `quoted X as saying "`."""
    return speaker_before(scene.text, scene.quote, scene.mentions, scene.people)


def verb_first_before(scene: Scene) -> Speaker | None:
    """ "Said Ellis: “…”", "Added the minister: “…”"."""
    return verb_then_who(scene.text, scene.quote, scene.mentions)


def named_at_the_end(scene: Scene) -> Speaker | None:
    """At the end of the quotation's sentence: `… a "stellar year", said Roger Bennett.`"""
    return said_at_the_end(scene.text, scene.quote, scene.quote_starts, scene.people)


def as_put_it(scene: Scene) -> Speaker | None:
    """ "…," as a Homeland Security memo put it; as The New Yorker put it, "…"."""
    return as_they_put_it(scene.text, scene.quote, scene.quote_starts, scene.mentions)


def subject_person(scene: Scene) -> Speaker | None:
    """A partial quotation's reporting verb, its subject a person: `Kuleba called it "…"`."""
    return mention_in(scene.people, *scene.subject, last=True) if scene.subject else None


def subject_pronoun_resolved(scene: Scene) -> Speaker | None:
    """… its subject "he" or "she": the person it stands for."""
    if scene.subject is None:
        return None
    return subject_pronoun(scene.text, scene.subject, scene.quote, scene.people, scene.mentions)


def subject_body(scene: Scene) -> Speaker | None:
    """… its subject a body or a description: `the ministry said it was "…"`."""
    return subject_entity(scene.text, scene.mentions, *scene.subject) if scene.subject else None


def subject_bare_name(scene: Scene) -> Speaker | None:
    """… its subject a name nothing recognised: the name as written."""
    return bare_name(scene.text, *scene.subject, whole=True) if scene.subject else None


def sentence_about(scene: Scene) -> Speaker | None:
    """No reporting verb: the person or body the quotation's sentence is about ("Trump openly
    admires Putin as a “strong leader,”")."""
    return sentence_subject(scene.text, scene.quote, scene.mentions)


def paraphrase_goes_on(scene: Scene) -> Speaker | None:
    """After "…, Schiff said." in its paragraph, a quotation with no cue of its own is Schiff's."""
    return paraphrase_before(scene.article_text, scene.quote, scene.people)


def previous_speaker_goes_on(scene: Scene) -> Speaker | None:
    """No cue of its own: the previous speaker goes on, in the same paragraph, or in the next
    when the quotation fills its paragraph."""
    previous = scene.previous
    if previous is None or previous.speaker is None:
        return None
    adjacent = (
        scene.article_text.paragraph_index(scene.quote.start)
        - scene.article_text.paragraph_index(previous.end - 1)
        <= 1
    )
    filled = fills_paragraph(scene.article_text, scene.quote)
    if scene.same_paragraph_as_previous() or (filled and adjacent):
        return previous.speaker
    return None


RULES: list[Rule] = [
    runs_on_from_before,
    transcript_turn,
    named_after,
    named_before,
    verb_first_before,
    named_at_the_end,
    as_put_it,
    subject_person,
    subject_pronoun_resolved,
    subject_body,
    subject_bare_name,
    sentence_about,
    paraphrase_goes_on,
    previous_speaker_goes_on,
]
# A scare quote in a sentence that names who used the words ("Grolt exhorted them to “vote
# your conscience”") is still a scare quote, but the words are that speaker's: only the rules
# that read the quotation's own sentence are asked, never the previous speaker.
FRAMED = [
    named_before,
    named_at_the_end,
    as_put_it,
    subject_person,
    subject_pronoun_resolved,
    sentence_about,
]
# Not in the table: a quotation running over paragraphs, still without a speaker, is
# attributed once at its end (`attribute`'s last pass).
ATTRIBUTED_AT_ITS_END = "attributed-at-its-end"


def attributed_quotes(
    article_text: ArticleText, mentions: list[tuple[int, int, str, str]]
) -> list[Found]:
    """Every quotation of the text with its kind, speaker and the rule that found it."""
    from reader.analysis.quotes import find_quotes

    quotes = find_quotes(article_text)
    attribute(article_text, quotes, mentions)
    return quotes


def attribute(
    article_text: ArticleText,
    quotes: list[Found],
    mentions: list[tuple[int, int, str, str]],
) -> None:
    """Give each quotation its kind, and each speech quotation (and a scare quote its own
    sentence attributes) its speaker (a mention) and the rule that found it."""
    text = article_text.text
    mentions = Mentions(mentions, text)
    people = Mentions((m for m in mentions if m[2] == "PERSON"), text)
    groups = Mentions((m for m in mentions if m[2] in ("ORG", "GPE", "NORP")), text)
    mentions.groups = groups
    people.groups = groups
    people.genders = known_genders(text, people)
    quotes = sorted(quotes, key=lambda found: found.start)
    quote_starts = [quote.start for quote in quotes]
    previous: Found | None = None
    for quote in quotes:
        quote.kind = classify(text, quote)
        if quote.kind == "scare":
            scene = Scene(article_text, quote, quote_starts, mentions, people, None)
            for rule in FRAMED:
                speaker = rule(scene)
                if speaker is not None:
                    quote.speaker, quote.rule = speaker, rule_name(rule)
                    if rule is named_at_the_end:
                        quote.kind = "speech"  # `a "stellar year", said Roger Bennett`: said
                    break
            if quote.kind == "scare":
                continue
        if quote.kind != "speech":
            continue
        scene = Scene(article_text, quote, quote_starts, mentions, people, previous)
        for rule in RULES:
            speaker = rule(scene)
            if speaker is not None:
                quote.speaker, quote.rule = speaker, rule_name(rule)
                break
        previous = quote
    for number in range(len(quotes) - 2, -1, -1):
        quote, following = quotes[number], quotes[number + 1]
        if quote.runs_on and quote.speaker is None and quote.kind == following.kind == "speech":
            quote.speaker = following.speaker
            quote.rule = ATTRIBUTED_AT_ITS_END if following.speaker else ""
