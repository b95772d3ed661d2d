"""Every labelling and cutting rule of the built-in engine, each shown deciding an example
(what `reader analyze --explain` reports), so a rule is never added without one."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis import label_rules, run_cutting
from reader.analysis.explain import NOT_MARKED, explain
from reader.analysis.rules import rule_name
from reader.analysis.text import ArticleText
from reader.analysis.tokens import capitalised_runs, tokenize
from reader.corpus.plaintext import parse_plaintext
from tests.conftest import report

# rule: (sentence, the name as written, the label it is given; NOT_MARKED for none)
LABEL_EXAMPLES = {
    "single-letter": ("The teams in pool B met on Monday.", "B", NOT_MARKED),
    "too-long-for-a-person": (
        "The James Webb Space Telescope took pictures of galaxies.",
        "James Webb Space Telescope",
        NOT_MARKED,
    ),
    "kind-of-body-after": (
        "Shares rose after Sal Oppenheim investment bank raised its forecast.",
        "Sal Oppenheim",
        "ORG",
    ),
    "given-name-first": ("The report was written by Sarah Whitfield.", "Sarah Whitfield", "PERSON"),
    "after-a-title": ("The talks were led by Chancellor Zorblat on Monday.", "Zorblat", "PERSON"),
    "known-person": ("Minister Dmytro Kuleba arrived. Later Kuleba left.", "Kuleba", "PERSON"),
    "in-a-headline": None,  # see test_a_title_case_headline_is_left_to_the_article
    "plural-acronym": ("Several of the MPs voted against the plan.", "MPs", NOT_MARKED),
    "title-of-a-work": ("Millions watched the sitcom Nighty Night.", "Nighty Night", NOT_MARKED),
    "dateline": ("HALIFAX — The storm closed the harbour.", "HALIFAX", "GPE"),
    "party-tag": ("Senator Hamish Grolt (I-VT) spoke on Monday.", "I-VT", NOT_MARKED),
    "acronym": ("Officials of the ZRQ met in the morning.", "ZRQ", "ORG"),
    "kind-of-body-before": (
        "The environmental group Global Witness published a report.",
        "Global Witness",
        "ORG",
    ),
    "role-at-a-body": ("She is an analyst at Jefferies in the city.", "Jefferies", "ORG"),
    "role-after-a-comma": ("The plan came from Grolt, the minister, on Monday.", "Grolt", "PERSON"),
    "feature-after": ("Boats sailed up the Guaiba river at dawn.", "Guaiba", "LOC"),
    "lone-common-noun": ("Dealers said prices fell. The dealers worried.", "Dealers", NOT_MARKED),
    "says-its": ("Qwertix said its profit rose in the quarter.", "Qwertix", "ORG"),
    "lone-word-says": ("Prices will rise, Qwertix said on Monday.", "Qwertix", "ORG"),
    "lone-word-opening": ("Tarquil was quiet on Monday.", "Tarquil", NOT_MARKED),
    "lone-word-of-a-place": ("The convoy stopped in Zubrovka on Monday.", "Zubrovka", "GPE"),
    "lone-word-unknown": ("The convoy stopped and Zubrovka was quiet.", "Zubrovka", NOT_MARKED),
    "in-a-place": ("Floods hit towns in Rio Grande Valley.", "Rio Grande Valley", "GPE"),
    "body-word-inside": ("We visited Bank Zubrova yesterday.", "Bank Zubrova", "ORG"),
    "place-word-last": ("The match was played at Ellis Park on Monday.", "Ellis Park", "LOC"),
    "named-after-a-person": (
        "Hamish Grolt spoke. The Grolt Global Initiative gave money.",
        "Grolt Global Initiative",
        "ORG",
    ),
    "thing-or-shouted": ("Fans travelled to the Grolt Cup on Monday.", "Grolt Cup", NOT_MARKED),
    "ordinary-word-first": (
        "Millions watched Wife Swap on Monday. His wife was not amused.",
        "Wife Swap",
        NOT_MARKED,
    ),
    "short-capitalised-name": ("The plan was drawn up by Hamish Grolt.", "Hamish Grolt", "PERSON"),
    "unexplained": (
        "We met Zorb van der Tarquil Grolt there.",
        "Zorb van der Tarquil Grolt",
        NOT_MARKED,
    ),
}
# Cutting rules that take a name (the others only skip words: see CUT_EXAMPLES).
TAKEN_EXAMPLES = {
    "the-and-a-place": ("Judges met in The Hague on Monday.", "The Hague", "GPE"),
    "body-phrase": (
        "A statement from the Russian Defense Ministry followed.",
        "Russian Defense Ministry",
        "ORG",
    ),
    "qualified-place": (
        "Rain fell across Greater Manchester on Monday.",
        "Greater Manchester",
        "GPE",
    ),
    "title-then-body-word": (
        "Fans of Major League Baseball cheered.",
        "Major League Baseball",
        "ORG",
    ),
    "listed-name": ("The talks were held in Ukraine on Monday.", "Ukraine", "GPE"),
    "geonames-place": ("The talks went on. Aktobe was quiet.", "Aktobe", "GPE"),
}


def decisions(sentence: str) -> dict[str, tuple[str, str]]:
    return {d.text: (d.answer, d.rule) for d in explain(report(sentence)).entities}


@pytest.mark.parametrize("rule", [rule_name(r) for r in label_rules.RULES])
def test_each_labelling_rule_decides_its_example(rule):
    assert rule in LABEL_EXAMPLES, f"the rule {rule} has no example here"
    if LABEL_EXAMPLES[rule] is None:
        return
    sentence, name, label = LABEL_EXAMPLES[rule]
    assert decisions(sentence).get(name) == (label, rule)


def test_a_title_case_headline_is_left_to_the_article():
    article = parse_plaintext(Path("a.txt"), "Zorblat Wins Vote\n\nThe vote was close on Monday.\n")
    found = {d.text: (d.answer, d.rule) for d in explain(article).entities}
    assert found["Zorblat Wins Vote"] == (NOT_MARKED, "in-a-headline")


@pytest.mark.parametrize("rule", sorted(TAKEN_EXAMPLES))
def test_each_cutting_rule_that_takes_a_name_decides_its_example(rule):
    sentence, name, label = TAKEN_EXAMPLES[rule]
    assert decisions(sentence).get(name) == (label, rule)


# rule: (sentence, the names cut from its runs); without the rule the cut differs.
CUT_EXAMPLES = {
    "connecting-word": ("They met Hamish Grolt of Ukraine.", ["Hamish Grolt", "Ukraine"]),
    "fixture-in-capitals": ("ATLANTA AT CHICAGO", ["ATLANTA", "CHICAGO"]),
    "the-and-a-place": ("They met The Zorblat Group.", ["Zorblat Group"]),
    "role-as-title": ("She met Curator Anna Ferris.", ["Anna Ferris"]),
    "body-phrase": ("A statement from the Russian Defense Ministry.", ["Russian Defense Ministry"]),
    "qualified-place": ("Rain fell across Greater Manchester.", ["Rain", "Greater Manchester"]),
    "title": ("They met Baroness Zorblat.", ["Zorblat"]),
    "day-named-after-a-body": ("Shops close on Labour Day.", ["Shops"]),
    "listed-name": (
        "President Zorblat of Ukraine Anna Ferris spoke.",
        ["Zorblat", "Ukraine", "Anna Ferris"],
    ),
    "common-capitalised-word": ("It rained on Monday Zorblat said.", ["Zorblat"]),
    "rest-is-one-name": ("The plan was drawn up by Hamish Grolt.", ["Hamish Grolt"]),
}


def cut(sentence: str, rules) -> list[str]:
    """The names `split_run` cuts from the sentence's runs, with only `rules` in the table."""
    article = report(sentence)
    text = ArticleText(article)
    paragraph = text.paragraphs[-1]
    saved = run_cutting.RULES[:]
    run_cutting.RULES[:] = rules
    try:
        return [
            candidate.text
            for tokens in tokenize(text.text, paragraph.start, paragraph.end)
            for run in capitalised_runs(text.text, tokens)
            for candidate in run_cutting.split_run(text.text, run, headline=False)
        ]
    finally:
        run_cutting.RULES[:] = saved


@pytest.mark.parametrize("rule", [rule_name(r) for r in run_cutting.RULES])
def test_each_cutting_rule_cuts_its_example_and_is_needed_for_it(rule):
    assert rule in CUT_EXAMPLES, f"the rule {rule} has no example here"
    sentence, expected = CUT_EXAMPLES[rule]
    assert cut(sentence, run_cutting.RULES) == expected
    if rule != "rest-is-one-name":  # the last rule: every run ends with it
        without = [r for r in run_cutting.RULES if rule_name(r) != rule]
        assert cut(sentence, without) != expected
