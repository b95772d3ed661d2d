"""Who speaks, from the words around a quotation: after the closing mark (", said X",
", X said", "according to X", a dash), before the opening one ("X said:", "quoted X as
saying"), and the sentence's own cues ("…, said Roger Bennett.", "as a memo put it", "Said
Ellis:", a paraphrase's "…, Schiff said."). The rules of `attribution` call these in order;
the verbs and the subject of a reporting verb are in `speakers`.
"""

from __future__ import annotations

import re

from reader.analysis.quotes import abbreviation_before, sentence_start
from reader.analysis.speaker_phrases import (
    NOT_NOUNS,
    bare_name,
    description,
    mention_in,
    possessive,
)
from reader.analysis.speakers import (
    PRONOUNS,
    SUBJECT_PIECE,
    VERB,
    end_of_sentence,
    head_match,
    resolve_pronoun,
    sentence_floor,
)
from reader.analysis.tokens import NAME_PARTICLES

# After the closing mark: `, said X` / `, X said` / `, according to X`.
_TAIL_VERB_FIRST = re.compile(rf"^\s*,?\s*(?:{VERB})\b\s*(?P<rest>[^“\"]*)", re.I)

_TAIL_SUBJECT_FIRST = re.compile(
    rf"^\s*,?\s*(?P<subject>{SUBJECT_PIECE}{{1,80}}?)\s+"
    rf"(?:has\s+|had\s+|have\s+)?{VERB}\b",
    re.I,
)

_ACCORDING = re.compile(rf"according\s+to\s+(?P<rest>{SUBJECT_PIECE}{{1,80}})", re.I)

_QUOTED_AS_SAYING = re.compile(r"quot(?:ed|es|ing)\s+(?P<who>.{1,80}?)\s+as\s+saying", re.I)


# `“…” ― Carla Sanchez.`: a dash after the closing mark signs the quotation.
_TAIL_DASH = re.compile(r"[ \t\u00a0]*[―—–][ \t\u00a0]*(?P<who>[^\n“\"]{1,80})")


# A description that speaks: "the mayor", "one Democratic source on the panel".
# A sentence that ends by saying who spoke: `… a "stellar year", said Roger Bennett, …`.
_SAID_AT_THE_END = re.compile(rf"[,\s](?:{VERB})\s+(?=[A-Z])")


# … or ", X said." closing it: `a cashier who "steals" is held accountable, Warren said.`
_SAID_CLOSING = re.compile(rf"\s+(?:{VERB})\s*[.!?]?\s*$", re.I)


def said_at_the_end(text, quote, quote_starts, people):
    """A partial quotation in a sentence that ends ", said X" or ", X said" (X a person
    named right beside the verb): X's words. Read only to the sentence's end or the next
    quotation."""
    clause_end = end_of_sentence(text, quote.end, quote_starts)
    for verb in _SAID_AT_THE_END.finditer(text, quote.end, clause_end):
        found = mention_in(people, verb.end(), clause_end)
        if found is not None and found[0] == verb.end():
            return found
    comma = text.rfind(",", quote.end, clause_end)
    if comma >= 0:
        found = mention_in(people, comma + 1, clause_end)
        if (
            found is not None
            and not text[comma + 1 : found[0]].strip()
            and _SAID_CLOSING.match(text, found[1], clause_end)
        ):
            return found
    return None


# "…," as a Homeland Security memo put it / as The New Yorker put it, "…".
_AS_PUT_IT = re.compile(r"\bas\s+(?P<who>[^,.;:“”\"]{2,60}?)\s+(?:put|puts)\s+it\b")


def as_they_put_it(text, quote, quote_starts, mentions):
    """Whose words by "as X put it", in the quotation's own sentence, after it or before."""
    clause_end = end_of_sentence(text, quote.end, quote_starts)
    floor = sentence_floor(text, quote.start)
    for match in (
        _AS_PUT_IT.search(text, quote.end, clause_end),
        _AS_PUT_IT.search(text, floor, quote.start),
    ):
        if match is not None:
            start, end = match.span("who")
            found = mention_in(mentions, start, end) or description(text, start, end, mentions)
            if found is not None:
                return found
    return None


_TRAILING_ADVERB = re.compile(
    r"\s+(?:often|also|later|then|once|again|previously|recently|repeatedly|\w+ly)$"
)


# "Said Ellis: “…”", "Added the minister: “…”": the verb first, then who, then the colon.
_VERB_THEN_WHO = re.compile(rf"(?:^|[.!?]\s+|\n)(?:{VERB})\s+(?P<who>[^:“\"\n]{{2,60}}):\s*$", re.I)


def verb_then_who(text, quote, mentions):
    """ "Said Ellis:" before the quotation: Ellis."""
    match = _VERB_THEN_WHO.search(text, max(0, quote.start - 80), quote.start)
    if match is None:
        return None
    start, end = match.span("who")
    return mention_in(mentions, start, end) or description(text, start, end, mentions)


# The sentence before a quotation, ending with its own attribution: "…, Schiff said." or
# "…, said Schiff." (a day may follow: "said Friday").
_ATTRIBUTED_SENTENCE = re.compile(
    rf",\s+(?:(?P<who>[^,.;:“”\"\n]{{2,60}}?)\s+(?:{VERB})|(?:{VERB})\s+"
    rf"(?P<who2>[^,.;:“”\"\n]{{2,60}}?))(?:\s+[A-Z][a-z]+day)?\.\s*$"
)


def paraphrase_before(article_text, quote, people):
    """A quotation opening its sentence with no attribution of its own, after a sentence of
    the same paragraph that ends ", Schiff said.": Schiff's (the paraphrase goes on)."""
    text = article_text.text
    paragraph = article_text.paragraph_at(quote.start)
    floor = max(paragraph.start, quote.start - 300)
    match = _ATTRIBUTED_SENTENCE.search(text, floor, quote.start)
    if match is None:
        return None
    name = "who" if match.group("who") is not None else "who2"
    start, end = match.span(name)
    found = mention_in(people, start, end)
    return found if found is not None and found[:2] == (start, end) else None


def speaker_after(text, quote, quote_starts, mentions, people):
    clause_end = end_of_sentence(text, quote.end, quote_starts)
    dash = _TAIL_DASH.match(text, quote.end, clause_end)
    if dash:
        who_start, who_end = dash.start("who"), dash.end("who")
        found = (
            mention_in(people, who_start, who_end)
            or mention_in(mentions, who_start, who_end)
            or bare_name(text, who_start, who_end)  # a reader's letter: "― Beck Pimentel"
        )
        if found:
            return found
    # A pronoun's antecedent may follow a quoted title: “…,” he said, quoted by “X”, Name.
    sentence_end = end_of_sentence(text, quote.end, [])
    tail = text[quote.end : clause_end]
    verb_first = _TAIL_VERB_FIRST.match(tail)
    content = text[quote.content_start : quote.content_end].rstrip()
    ends = content.rstrip("’'”\"")[-1:]  # a nested quotation's mark aside: `vote,'"`
    if verb_first and not tail.startswith(",") and ends not in ",.!?…—-":
        # `the advertisement “unmistakably and wrongfully” suggests that…`: a partial quotation
        # inside its clause; the verb after it is that clause's own.
        verb_first = None
    if verb_first and ends in ".!?" and tail.lstrip(" ,")[:1].isupper():
        # `…our vote." Asked whether he …, Mr Howard told`: the next sentence's verb.
        verb_first = None
    if verb_first:
        rest_start = quote.end + verb_first.start("rest")
        word = verb_first.group("rest").split(" ", 1)[0].strip(",").lower()
        if word in PRONOUNS:
            return resolve_pronoun(
                text, rest_start + len(word), sentence_end, quote.start, people, mentions, word
            )
        person = mention_in(people, rest_start, clause_end)
        found = person or mention_in(mentions, rest_start, clause_end)
        if found is None:
            # `said one Democratic source on the panel.`: the description speaks.
            end = rest_start + len(re.split(r"[,;:!?\n]", text[rest_start:clause_end])[0])
            if end > rest_start and text[end - 1] == "." and not abbreviation_before(text, end - 1):
                end -= 1  # the sentence's own full stop
            found = description(text, rest_start, end, mentions) or bare_name(text, rest_start, end)
        return found
    subject_first = _TAIL_SUBJECT_FIRST.match(tail)
    new_sentence = content[-1:] in ".!?" and tail.strip()[:1].isupper()
    if (
        subject_first
        and new_sentence
        and (
            len(subject_first.group("subject").split()) > 3
            or text[sentence_start(text, quote.start, 0) : quote.start].strip()
        )
    ):
        # `…peace.” The ministry said…` starts the next sentence, and so does `Japan branded
        # it an “outlaw nation.” Russia insisted…` after a quotation inside its sentence.
        subject_first = None
    if subject_first and not _can_open_subject(subject_first.group("subject")):
        subject_first = None  # `“a mistake” to use email at the State Department, but she denied`
    if subject_first:
        subject_start = quote.end + subject_first.start("subject")
        subject_end = quote.end + subject_first.end("subject")
        adverb = _TRAILING_ADVERB.search(text, subject_start, subject_end)
        if adverb is not None and adverb.start() > subject_start:
            subject_end = adverb.start()  # "my father often said": the father
        subject = text[subject_start:subject_end].strip(" ,")
        if subject.lower() in PRONOUNS:
            return resolve_pronoun(
                text, subject_end, sentence_end, quote.start, people, mentions, subject.lower()
            )
        found = mention_in(people, subject_start, subject_end, last=True)
        if found:
            return found
        found = mention_in(mentions, subject_start, subject_end, last=True)
        if found:
            return found
        found = description(text, subject_start, subject_end, mentions) or bare_name(
            text, subject_start, subject_end, whole=True
        )
        if found:
            return found
    according = _ACCORDING.search(tail)
    if according:
        rest_start = quote.end + according.start("rest")
        return mention_in(people, rest_start, clause_end) or mention_in(
            mentions, rest_start, clause_end
        )
    return None


# Words a subject after a quotation may start with in lower case: `,” the senator said`.
_SUBJECT_OPENERS = frozenset(
    "the a an his her their its our my one another this that these those some many".split()
)


# Words that go on with the sentence the quotation stands in rather than name its speaker.
_CLAUSE_WORDS = frozenset(
    "to and but or while in on at for of with from as than that which when where if by".split()
)


def _can_open_subject(subject: str) -> bool:
    """Whether `subject` after a quotation can be one: not a clause going on from the quoted
    words (`“a mistake” to use email at the State Department, but she denied`)."""
    words = subject.strip(" ,").split(" ")
    first = words[0]
    if not first[:1].islower() or first in _SUBJECT_OPENERS or first in PRONOUNS:
        return True
    if first in NAME_PARTICLES:
        return True  # `,” von der Leyen said`
    # `,” retired Air Force general Lloyd Newton said`: a description, unbroken by a clause.
    return first not in _CLAUSE_WORDS and "," not in subject.strip(" ,")


# A participle or gerund reporting verb (`, saying`, `by saying`) takes the main clause's subject.
_PARTICIPLE_LEAD = re.compile(r"(?:,|\b(?:by|while|after|before|when|in))\s*\Z", re.I)
# A relative clause between a subject and its verb: `Christie, who campaigned for Trump, blasted`.
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|which|whose|whom)\b[^,]*,")


def _main_clause_person(text, start: int, verb_start: int, people, participle: bool):
    """The person speaking at a reporting verb: the subject of the main clause."""
    stretch = text[start:verb_start]
    skipped = [(start + m.start(), start + m.end()) for m in _RELATIVE_CLAUSE.finditer(stretch)]
    candidates = [
        m
        for m in people.between(start, verb_start)
        if not possessive(text, m) and not any(a <= m[0] < b for a, b in skipped)
    ]
    if not participle:
        # The noun phrase right before the verb, after a fronted clause, is the subject: `As
        # far as whether Sanders still senses hatred of Clinton, the Vermont senator said`.
        comma = text.rfind(",", start, verb_start)
        segment_start = comma + 1 if comma >= 0 else start
        if text[segment_start:verb_start].strip():
            inside = [m for m in candidates if m[0] >= segment_start]
            if inside:
                return inside[-1][0], inside[-1][1], inside[-1][3]
            if comma >= 0:
                found = description(text, segment_start, verb_start)
                if found:
                    return found
    if not candidates:
        return None
    chosen = candidates[0] if participle else candidates[-1]
    return chosen[0], chosen[1], chosen[3]


def speaker_before(text, quote, mentions, people):
    floor = sentence_floor(text, quote.start)
    head = text[floor : quote.start]
    if not head.strip():
        # The quotation opens its paragraph: "Caddell continued:" or "The Times reports:" may
        # end the paragraph before it.
        previous_end = floor  # back over the paragraph break (no copy of all the text before)
        while previous_end and text[previous_end - 1].isspace():
            previous_end -= 1
        if previous_end and text[previous_end - 1] == ":":
            floor = sentence_floor(text, previous_end - 1)
            head = text[floor:previous_end]
    saying = _QUOTED_AS_SAYING.search(head)
    if saying:
        start = floor + saying.start("who")
        return mention_in(people, start, floor + saying.end("who"))
    according = _ACCORDING.search(head)
    if according and head.rstrip().endswith(","):
        start = floor + according.start("rest")
        return mention_in(people, start, quote.start) or mention_in(mentions, start, quote.start)
    match = head_match(text, floor, floor + len(head))
    if not match:
        return _colon_speaker(text, floor, floor + len(head), people)
    subject, subject_start, subject_end = match.subject, match.subject_start, match.subject_end
    last_word = subject.strip(" ,").split(" ")[-1].lower() if subject.strip() else ""
    if last_word in PRONOUNS:
        return resolve_pronoun(
            text, subject_end, subject_end, quote.start, people, mentions, last_word
        )
    verb = (text[subject_end : quote.start].split(maxsplit=1) or [""])[0].strip(",:").lower()
    participle = verb.endswith("ing") and bool(_PARTICIPLE_LEAD.search(text, floor, subject_end))
    return (
        _main_clause_person(
            text, floor if participle else subject_start, subject_end, people, participle
        )
        or subject_entity(text, mentions, subject_start, subject_end)
        or description(text, subject_start, subject_end, mentions)
        or bare_name(text, subject_start, subject_end, whole=True)
    )


def _colon_speaker(text: str, start: int, end: int, people) -> tuple[int, int, str] | None:
    """A short lead-in ending in a colon names who speaks, verb or not: "Meghan McCain, on
    Twitter: “…”", "Senator Ada Whitcombe in a statement: “…”"."""
    head = text[start:end].rstrip()
    if not head.endswith(":") or len(head.split()) > 12:
        return None
    found = mention_in(people, start, end)
    if found:
        return found
    name = bare_name(text, start, end)
    # A single capitalised word before a colon is as often a label ("Transcript:") as a name.
    return name if name is not None and len(name[2].split()) >= 2 else None


_PREPOSITIONS = frozenset(
    "with about to from in at on for of against by into over after before than as".split()
)
_NOUN_AFTER = re.compile(r"(?:\s+[a-z][\w’'-]*){1,3}\s*,?\s*$")


def subject_entity(text, mentions, start: int, end: int) -> tuple[int, int, str] | None:
    """The entity that is the subject: the last one in the span not governed by a preposition
    ("spoke with Moscow" is no speaker); a nationality or place heading a noun phrase speaks
    as that phrase ("British government sources")."""
    for mention in reversed(mentions.between(start, end)):
        if possessive(text, mention):
            continue  # "Clinton's campaign": the owner does not speak
        words_before = text[start : mention[0]].split()
        if words_before and words_before[-1].lower() in _PREPOSITIONS:
            continue
        if mention[2] in ("NORP", "GPE") and _NOUN_AFTER.match(text, mention[1], end):
            words = text[mention[0] : end].strip(" ,").split(" ")
            while len(words) > 1 and words[-1].lower() in NOT_NOUNS:
                words.pop()  # "Democrats also said": the adverb is not part of the speaker
            phrase = " ".join(words)
            return mention[0], mention[0] + len(phrase), phrase
        return mention[0], mention[1], mention[3]
    return None
