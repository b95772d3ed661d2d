"""What each quotation is (speech, scare quote, title), and the phrases that name its speaker.

The speaker rules that use these, in their order, are in `attribution`: after the closing
mark (", said X", ", X said", "according to X"), then before the opening one ("X said:",
"quoted X as saying"), then at the reporting verb of a partial quotation's sentence; pronouns
are resolved to the person named later in the clause or to the subject of the latest sentence
naming anyone; a quotation with no cue of its own continues the previous speaker in its
paragraph, or in the paragraph before when it fills its own paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from reader.analysis import gazetteer as gz
from reader.analysis.quotes import Found, abbreviation_before, sentence_start
from reader.analysis.speaker_phrases import (
    NOT_NOUNS,
    PRONOUN_GENDER,
    Mentions,
    bare_name,
    description,
    mention_in,
    possessive,
)
from reader.analysis.text import ArticleText
from reader.analysis.tokens import NAME_PARTICLES

# Cues of speech that name no person by themselves (a newspaper "reports"), so they serve
# attribution only, not the recognition of people (gazetteer.REPORTING_VERBS).
_MORE_CUES = """
reports reported report saying asking accused accuses accusing implored implores pleaded
tweeting writing wrote demanded demands exclaimed yelled screamed cried chanted sang sings
testified testifies countered counters retorted quipped mused asserted asserts charged charges
wondered concluded concludes recounted recounts lamented laments protested objected alleged
alleges contended contends proclaimed texted emailed posted pleads begged scoffed sneered
claim insist argue warn admit deny allege contend maintain
chanting shouting telling warning insisting arguing noting declaring reads read
""".split()
# Verbs that frame someone else's words only before them ("Christie blasted Clinton as a
# “disgrace”"); after a quotation they start another clause ("…,” when Clinton blasted him).
_BEFORE_CUES = """
ruled rules cited cites likened likens blasted blasts slammed slams branded brands mocked
mocks derided derides dismissed dismisses hailed hails touted touts praised praises criticized
criticised criticizes criticises compared compares condemned condemns denounced denounces
branding describing calling labelling labeling dubbing condemning denouncing citing likening
call
""".split()


def _alternatives(words) -> str:
    # Longest first, so "told reporters" wins over "told".
    return "|".join(sorted(set(words), key=len, reverse=True))


REPORTING = _alternatives(
    [*gz.REPORTING_VERBS, *_MORE_CUES, "told reporters", "said in a statement"]
)
_VERB = rf"(?:{REPORTING})"  # after a quotation
_VERB_BEFORE = rf"(?:{REPORTING}|{_alternatives(_BEFORE_CUES)})"  # before one


_PRONOUNS = {"he", "she", "they", "it", "him", "her", "we", "i"}


# After the closing mark: `, said X` / `, X said` / `, according to X`.
_TAIL_VERB_FIRST = re.compile(rf"^\s*,?\s*(?:{_VERB})\b\s*(?P<rest>[^“\"]*)", re.I)


# A subject may hold the full stop of a title or an initial: "Mr. Butterfield", "Sen. J. Doe".
_TITLE_STOP = (
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Del|Gov|Rev|Gen|Col|Lt|Sgt|Capt|Adm|Maj|St|Jr|Sr|[A-Z]"
    # …or a party and its state after a name: "Mitch McConnell, R-Ky., said".
    r"|[DRI]-[A-Z][a-z]{1,4})\."
)
# …and a party and state in brackets: "Sen. Claire McCaskill (D-Mo.)".
_SUBJECT_PIECE = rf"(?:{_TITLE_STOP}|\([^()“\"\n]{{1,40}}\)|[^“\".!?])"
_TAIL_SUBJECT_FIRST = re.compile(
    rf"^\s*,?\s*(?P<subject>{_SUBJECT_PIECE}{{1,80}}?)\s+"
    rf"(?:has\s+|had\s+|have\s+)?{_VERB}\b",
    re.I,
)


_ACCORDING = re.compile(rf"according\s+to\s+(?P<rest>{_SUBJECT_PIECE}{{1,80}})", re.I)


# Before the opening mark: `X said: “`, `X said that “`, `X said in a statement: “`. Found verb
# first (a regex that tried every reporting verb at every character of the subject cost
# milliseconds a quotation): the reporting verb nearest the mark with only this between them
# ("The spot concludes with footage of Trump saying, “…”": saying, so Trump), and before it
# the longest run of up to 120 subject characters.
_HEAD_TAIL = re.compile(r"[^“\".!?:]{0,60}(?:\s+that)?\s*[:,]?\s*\Z")
_HEAD_SUBJECT = re.compile(rf"{_SUBJECT_PIECE}{{0,120}}\Z", re.I)


@dataclass(frozen=True, slots=True)
class HeadMatch:
    subject: str
    subject_start: int  # offsets into the text searched
    subject_end: int


# How far before an opening mark its reporting verb is looked for ("X said on Monday that …:"),
# how far before the verb its subject, and how far back a quotation's sentence is read, in
# characters: bounds that keep a long paragraph from being read again for every quotation.
_VERB_REACH = 200
_SUBJECT_REACH = 600
_SENTENCE_REACH = 400


def head_match(text: str, start: int = 0, end: int | None = None) -> HeadMatch | None:
    """`Subject said:` ending text[start:end] (the stretch before an opening mark)."""
    end = len(text) if end is None else end
    for verb in reversed(list(_LAST_VERB.finditer(text, max(start, end - _VERB_REACH), end))):
        if not _HEAD_TAIL.match(text, verb.end(), end):
            continue
        subject_end = verb.start()
        while subject_end > start and text[subject_end - 1].isspace():
            subject_end -= 1
        subject = _HEAD_SUBJECT.search(text, max(start, subject_end - _SUBJECT_REACH), subject_end)
        if subject is None:
            continue
        return HeadMatch(subject.group(), subject.start(), subject_end)
    return None


_LAST_VERB = re.compile(rf"(?<![\w-]){_VERB_BEFORE}\b", re.I)  # not "so-called"


_QUOTED_AS_SAYING = re.compile(r"quot(?:ed|es|ing)\s+(?P<who>.{1,80}?)\s+as\s+saying", re.I)


# What names a term rather than quoting a speaker, right before the opening mark.
_NAMED_AS = re.compile(r"\b(?:known as|the slogan:?|the term|so-called)\s*$", re.I)


def classify(text: str, quote: Found) -> str:
    content = text[quote.content_start : quote.content_end].strip()
    inner = content.strip(" ,.;:!?…—–-")
    words = inner.split()
    if not words:
        return "scare"
    if not quote.open_mark or (quote.end - quote.start > 0 and "\n" in content):
        return "speech"
    ends_like_speech = content[-1:] in ",.!?…—-" if content else False
    small = {"of", "the", "and", "in", "a", "an", "for", "on", "to", "at", "de", "la", "le"}
    title_case = all(word[0].isupper() or word in small for word in words)
    if _NAMED_AS.search(text, max(0, quote.start - 24), quote.start):
        return "scare"  # a term or a slogan: `known as "passing off"`, `the slogan: "…"`
    if inner in gz.PUBLICATIONS or inner in gz.ORGANISATIONS:
        return "title"
    if title_case and len(words) <= 6 and not ends_like_speech:
        return "title"
    if ends_like_speech or len(words) >= 6:
        return "speech"
    # A partial quotation after a reporting verb in its sentence is someone's words, however
    # short: `said inflation was falling "but not fast enough"`, `called it "a shot"`.
    if reporting_subject(text, quote):
        return "speech"
    if head_match(text, max(0, quote.start - 120), quote.start) and text[
        max(0, quote.start - 3) : quote.start
    ].strip().endswith(":"):
        return "speech"
    return "scare"


def _sentence_floor(text: str, index: int, limit: int = 0) -> int:
    """Where the sentence holding text[index] begins, never before its paragraph (nor `limit`)."""
    return sentence_start(text, index, max(text.rfind("\n", 0, index) + 1, limit))


def reporting_subject(text: str, quote: Found) -> tuple[int, int] | None:
    """The subject of the last reporting verb before `quote` in its sentence, as a span."""
    floor = _sentence_floor(text, quote.start)
    verbs = list(_LAST_VERB.finditer(text, floor, quote.start))
    if not verbs:
        return None
    verb = verbs[-1]
    if not text[floor : verb.start()].strip():
        return None
    return floor, verb.start()


# A speaker's name in capitals opening a transcript's turn: `"PENCE: Well, look, …`.
_TURN_LABEL = re.compile(r"\s*(?P<name>[A-Z][A-Z’'.-]{2,}(?: [A-Z][A-Z’'.-]+){0,2}):\s")


def turn_label(text: str, quote: Found, people: Mentions) -> tuple[int, int, str] | None:
    """A transcript's turn quoted whole is its labelled speaker's: the person the article
    names in full ("Mike Pence" for PENCE), else the label itself."""
    label = _TURN_LABEL.match(text, quote.content_start, quote.content_end)
    if label is None:
        return None
    start, end = label.span("name")
    named = mention_in(people, start, end)
    if named is not None and named[:2] == (start, end):
        return named
    return start, end, label.group("name").title()


# A fronted phrase before a sentence's subject: "At Monday's debate, Clinton cited…".
_FRONTED = re.compile(r"(?:[^,.;:“”\"]{1,60},\s*)?\Z")


def sentence_subject(text: str, quote: Found, mentions: Mentions):
    """The speaker of a partial quotation with no reporting verb: the person or body its
    sentence is about, named as that sentence's subject ("Trump openly admires Putin as a
    “strong leader,”", "Hillary Clinton is describing as “unhinged” a tweet")."""
    start = _sentence_floor(text, quote.start, quote.start - _SENTENCE_REACH)
    if not text[start : quote.start].strip():
        return None  # the quotation opens its sentence: no subject before it
    inside = [m for m in mentions.between(start, quote.start) if m[2] in ("PERSON", "ORG")]
    if not inside or possessive(text, inside[0]):
        return None
    first = inside[0]
    if not _FRONTED.fullmatch(text, start, first[0]):
        return None
    after = text[first[1] : first[1] + 2]
    if after.startswith((",", "’", "'")):
        return None  # "Trump, …," an apposition or a list; "Trump's" an owner
    return first[0], first[1], first[3]


def subject_pronoun(text, subject, quote, people, mentions):
    words = text[subject[0] : subject[1]].split()
    if words and words[0].lower() in _PRONOUNS:
        return _resolve_pronoun(
            text, subject[0], subject[0], quote.start, people, mentions, words[0].lower()
        )
    return None


def fills_paragraph(article_text: ArticleText, quote: Found) -> bool:
    paragraph = article_text.paragraph_at(quote.start)
    text = article_text.text
    return not text[paragraph.start : quote.start].strip() and (
        not text[quote.end : paragraph.end].strip(" .")
    )


_SENTENCE_STOP = re.compile(r"[.!?](?=\s|$)|\n")


def _sentence_end(text: str, start: int, quote_starts: list[int]) -> int:
    """End of the attribution clause after a quotation: the sentence end or the next quote
    (`quote_starts`, sorted). The full stop of a title or an initial ("Mr.", "Sen.", "J.")
    ends no sentence."""
    following = bisect_left(quote_starts, start)
    limit = quote_starts[following] if following < len(quote_starts) else len(text)
    for match in _SENTENCE_STOP.finditer(text, start, limit):
        if match.group() == "." and abbreviation_before(text, match.start()):
            continue
        return match.end()
    return limit


# How many sentences naming only owners a pronoun looks back past for its person.
_OWNER_SENTENCES_SKIPPED = 1


def _resolve_pronoun(
    text: str,
    pronoun_end: int,
    clause_end: int,
    before: int,
    people: list[tuple[int, int, str, str]],
    mentions: list[tuple[int, int, str, str]],
    pronoun: str,
) -> tuple[int, int, str] | None:
    if pronoun in ("they", "it", "we"):
        groups = mentions.groups
        index = groups.last_ending_by(before) if groups is not None else -1
        if index < 0:
            return None
        group = groups[index]
        return group[0], group[1], group[3]
    # "…,” he said, quoted by X, Igor Konashenkov, spokesman…: the person named in the clause.
    later = mention_in(people, pronoun_end, clause_end)
    if later:
        return later
    latest = people.last_ending_by(before)
    wanted = PRONOUN_GENDER.get(pronoun)
    if wanted and people.genders:
        # "he" is not Hillary Clinton: go back to the latest person of the pronoun's gender
        # (or of none known), as far as the article says whose is which (Mr., Mrs., Ms.).
        while latest >= 0 and people.genders.get(people[latest][3], wanted) != wanted:
            latest -= 1
    # The subject comes first: take the first person of the latest sentence naming anyone
    # (of the pronoun's gender). An owner is not the subject ("Cosby's lawyer, Walter Phillips,
    # said"); a sentence that names only owners ("And he hit back at Mr Mallon's claim") goes
    # on about someone named before it.
    for _sentence in range(_OWNER_SENTENCES_SKIPPED + 1):
        if latest < 0:
            return None
        sentence = sentence_start(text, people[latest][0], 0)
        first_index = bisect_left(people.starts, sentence, 0, latest + 1)
        for index in range(first_index, latest + 1):
            first = people[index]
            if possessive(text, first):
                continue
            if not wanted or people.genders.get(first[3], wanted) == wanted:
                return first[0], first[1], first[3]
        latest = first_index - 1
        while wanted and latest >= 0 and people.genders.get(people[latest][3], wanted) != wanted:
            latest -= 1
    return None


# `“…” ― Carla Sanchez.`: a dash after the closing mark signs the quotation.
_TAIL_DASH = re.compile(r"[ \t\u00a0]*[―—–][ \t\u00a0]*(?P<who>[^\n“\"]{1,80})")


# A description that speaks: "the mayor", "one Democratic source on the panel".
# A sentence that ends by saying who spoke: `… a "stellar year", said Roger Bennett, …`.
_SAID_AT_THE_END = re.compile(rf"[,\s](?:{_VERB})\s+(?=[A-Z])")


# … or ", X said." closing it: `a cashier who "steals" is held accountable, Warren said.`
_SAID_CLOSING = re.compile(rf"\s+(?:{_VERB})\s*[.!?]?\s*$", re.I)


def said_at_the_end(text, quote, quote_starts, people):
    """A partial quotation in a sentence that ends ", said X" or ", X said" (X a person
    named right beside the verb): X's words. Read only to the sentence's end or the next
    quotation."""
    clause_end = _sentence_end(text, quote.end, quote_starts)
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
    clause_end = _sentence_end(text, quote.end, quote_starts)
    floor = _sentence_floor(text, quote.start)
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
_VERB_THEN_WHO = re.compile(
    rf"(?:^|[.!?]\s+|\n)(?:{_VERB})\s+(?P<who>[^:“\"\n]{{2,60}}):\s*$", re.I
)


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
    rf",\s+(?:(?P<who>[^,.;:“”\"\n]{{2,60}}?)\s+(?:{_VERB})|(?:{_VERB})\s+"
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
    clause_end = _sentence_end(text, quote.end, quote_starts)
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
    sentence_end = _sentence_end(text, quote.end, [])
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
        if word in _PRONOUNS:
            return _resolve_pronoun(
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
        if subject.lower() in _PRONOUNS:
            return _resolve_pronoun(
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
    if not first[:1].islower() or first in _SUBJECT_OPENERS or first in _PRONOUNS:
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
    floor = _sentence_floor(text, quote.start)
    head = text[floor : quote.start]
    if not head.strip():
        # The quotation opens its paragraph: "Caddell continued:" or "The Times reports:" may
        # end the paragraph before it.
        previous_end = floor  # back over the paragraph break (no copy of all the text before)
        while previous_end and text[previous_end - 1].isspace():
            previous_end -= 1
        if previous_end and text[previous_end - 1] == ":":
            floor = _sentence_floor(text, previous_end - 1)
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
    if last_word in _PRONOUNS:
        return _resolve_pronoun(
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
