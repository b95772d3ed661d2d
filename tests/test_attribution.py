"""Every speaker rule of the built-in engine, each shown finding the speaker of an example
(what `reader analyze --explain` reports), so a rule is never added without one."""

from __future__ import annotations

import pytest

from reader.analysis import attribution
from reader.analysis.engine import get_engine
from reader.analysis.explain import explain
from reader.analysis.rules import rule_name
from tests.conftest import report

# rule: (article body, the quotation's first words, its speaker)
EXAMPLES = {
    "runs-on-from-before": (
        "Minister Hamish Grolt said: “We will build it. “And we will pay for it.”",
        "“And we will pay",
        "Hamish Grolt",
    ),
    "transcript-turn": (
        "Hamish Grolt spoke.\n\n“GROLT: We will build it,” the transcript reads.",
        "“GROLT:",
        "Hamish Grolt",
    ),
    "named-after": ("“We will build it,” said Hamish Grolt.", "“We will", "Hamish Grolt"),
    "named-before": ("Hamish Grolt said: “We will build it.”", "“We will", "Hamish Grolt"),
    "verb-first-before": (
        "Tax breaks would make the code more complicated. Said Hamish Grolt: “I don’t get the "
        "sense she is the least bit worried.”",
        "“I don’t get",
        "Hamish Grolt",
    ),
    "named-at-the-end": (
        "It represents a “big leap forward” for the town, said Hamish Grolt, the mayor.",
        "“big leap forward”",
        "Hamish Grolt",
    ),
    "as-put-it": (
        "The first requirement is a “lawful source of investment income,” as a Zorblat "
        "Ministry memo put it.",
        "“lawful source",
        "Zorblat Ministry",
    ),
    "subject-person": (
        "Hamish Grolt, spokesman for the campaign, said the decision dragged the campaign "
        "“into the gutter” and showed they were “rattled”.",
        "“rattled”",
        "Hamish Grolt",
    ),
    "subject-pronoun-resolved": (
        "Anna Ferris spoke on Monday. “I had fun,” Ferris said. She also said that her fellow "
        "housemates had publicity-seeking “agendas”.",
        "“agendas”",
        "Anna Ferris",
    ),
    "subject-body": (
        "A Government Accountability Office report released last year found that the agency "
        "could not be sure the money was not coming from “the drug trade or other crime.” "
        "Officials said so.",
        "“the drug trade",
        "A Government Accountability Office",
    ),
    "subject-bare-name": (
        "The colour orange is everywhere. Orange claims the rival service infringed its rights "
        "and could confuse customers with “copycat adverts of every kind”.",
        "“copycat adverts",
        "Orange",
    ),
    "sentence-about": (
        "Hamish Grolt was threatened with violence, then locked into a room on suspicion of "
        "“promoting activities hostile to the state” while away.",
        "“promoting",
        "Hamish Grolt",
    ),
    "paraphrase-goes-on": (
        "Minister Hamish Grolt spoke. The ministry may wait for the talks, Grolt said. “The "
        "other factor is the money we do not have.”",
        "“The other factor",
        "Hamish Grolt",
    ),
    "previous-speaker-goes-on": (
        "“We will build it,” said Hamish Grolt.\n\n“And we will pay for it.”",
        "“And we will pay",
        "Hamish Grolt",
    ),
    attribution.ATTRIBUTED_AT_ITS_END: (
        "“We will build it and we will pay for it, every penny of it.\n\n"
        "“And we will pay for it, every penny,” said Hamish Grolt.",
        "“We will build",
        "Hamish Grolt",
    ),
}


def speakers(body: str) -> dict[str, tuple[str, str]]:
    return {d.text: (d.answer, d.rule) for d in explain(report(body)).speakers}


@pytest.mark.parametrize(
    "rule",
    [rule_name(r) for r in attribution.RULES] + [attribution.ATTRIBUTED_AT_ITS_END],
)
def test_each_speaker_rule_finds_the_speaker_of_its_example(rule):
    assert rule in EXAMPLES, f"the rule {rule} has no example here"
    body, opening, speaker = EXAMPLES[rule]
    found = [said for text, said in speakers(body).items() if text.startswith(opening)]
    assert found == [(speaker, rule)]


def test_a_quotation_no_rule_attributes_says_so():
    found = speakers("Prices rose on Monday.\n\n“It was a disgrace to us all, and it still is.”")
    assert list(found.values()) == [("", "")]


def test_a_scare_quote_framed_by_its_sentence_is_that_speakers_and_stays_a_scare_quote():
    body = "Hamish Grolt exhorted the delegates to “vote your conscience” and left."
    (quote,) = get_engine().analyze(report(body)).quotes
    assert (quote.kind, quote.speaker) == ("scare", "Hamish Grolt")
    assert speakers(body) == {"“vote your conscience”": ("Hamish Grolt", "sentence-about")}


def test_so_called_marks_a_scare_quote_nobody_said():
    (quote,) = get_engine().analyze(report("The so-called “reforms” passed.")).quotes
    assert (quote.kind, quote.speaker) == ("scare", None)


def test_a_short_quotation_its_sentence_says_someone_said_is_speech():
    body = "It represents a “big leap forward” for the town, said Hamish Grolt, the mayor."
    (quote,) = get_engine().analyze(report(body)).quotes
    assert (quote.kind, quote.speaker) == ("speech", "Hamish Grolt")
