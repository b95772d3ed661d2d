"""What each quotation is (speech, scare quote, title) and who is speaking.

Attribution looks after the closing mark (", said X", ", X said", "according to X"), then
before the opening one ("X said:", "quoted X as saying"), then at the reporting verb of a
partial quotation's sentence; pronouns are resolved to the person named later in the clause
or to the subject of the latest sentence naming anyone; a quotation with no cue of its own
continues the previous speaker in its paragraph, or in the paragraph before when it fills its
own paragraph.
"""

from __future__ import annotations

import re

from reader.analysis import gazetteer as gz
from reader.analysis.quotes import Found, abbreviation_before, sentence_start
from reader.analysis.text import ArticleText

# Cues of speech that name no person by themselves (a newspaper "reports"), so they serve
# attribution only, not the recognition of people (gazetteer.REPORTING_VERBS).
_MORE_CUES = """
reports reported report saying asking accused accuses accusing implored implores pleaded
tweeting writing wrote
""".split()

# Longest first, so "told reporters" wins over "told".
REPORTING = "|".join(
    sorted(
        {*gz.REPORTING_VERBS, *_MORE_CUES, "told reporters", "said in a statement"},
        key=len,
        reverse=True,
    )
)


_VERB = rf"(?:{REPORTING})"


_PRONOUNS = {"he", "she", "they", "it", "him", "her", "we", "i"}


# After the closing mark: `, said X` / `, X said` / `, according to X`.
_TAIL_VERB_FIRST = re.compile(rf"^\s*,?\s*(?:{_VERB})\b\s*(?P<rest>[^“\"]*)", re.I)


# A subject may hold the full stop of a title or an initial: "Mr. Butterfield", "Sen. J. Doe".
_TITLE_STOP = (
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Del|Gov|Rev|Gen|Col|Lt|Sgt|Capt|Adm|St|Jr|Sr|[A-Z])\."
)
_TAIL_SUBJECT_FIRST = re.compile(
    rf"^\s*,?\s*(?P<subject>(?:{_TITLE_STOP}|[^“\".!?]){{1,80}}?)\s+"
    rf"(?:has\s+|had\s+|have\s+)?{_VERB}\b",
    re.I,
)


_ACCORDING = re.compile(rf"according\s+to\s+(?P<rest>(?:{_TITLE_STOP}|[^“\".!?]){{1,80}})", re.I)


# Before the opening mark: `X said: “`, `X said that “`, `X said in a statement: “`.
_HEAD = re.compile(
    rf"(?P<subject>(?:{_TITLE_STOP}|[^“\".!?]){{0,120}}?)\s*(?:{_VERB})\b"
    r"(?P<between>[^“\".!?:]{0,60})"
    r"(?:\s+that)?\s*[:,]?\s*$",
    re.I,
)


_LAST_VERB = re.compile(rf"\b(?:{_VERB})\b", re.I)


_QUOTED_AS_SAYING = re.compile(r"quot(?:ed|es|ing)\s+(?P<who>.{1,80}?)\s+as\s+saying", re.I)


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
    if _HEAD.search(text[max(0, quote.start - 120) : quote.start]) and text[
        max(0, quote.start - 3) : quote.start
    ].strip().endswith(":"):
        return "speech"
    return "scare"


def reporting_subject(text: str, quote: Found) -> tuple[int, int] | None:
    """The subject of the last reporting verb before `quote` in its sentence, as a span."""
    floor = max(text.rfind("\n", 0, quote.start) + 1, sentence_start(text, quote.start, 0))
    verbs = list(_LAST_VERB.finditer(text, floor, quote.start))
    if not verbs:
        return None
    verb = verbs[-1]
    if not text[floor : verb.start()].strip():
        return None
    return floor, verb.start()


def attribute(
    article_text: ArticleText,
    quotes: list[Found],
    mentions: list[tuple[int, int, str, str]],
) -> None:
    """Give each speech quotation its speaker: a mention (start, end, canonical) or None."""
    text = article_text.text
    people = [m for m in mentions if m[2] == "PERSON"]
    previous: Found | None = None
    for quote in quotes:
        quote.kind = classify(text, quote)
        if quote.kind != "speech" or (quote.family == "single" and _inside_other(quote, quotes)):
            continue
        speaker = _speaker_after(text, quote, quotes, mentions, people) or _speaker_before(
            text, quote, mentions, people
        )
        subject = reporting_subject(text, quote) if speaker is None else None
        if subject is not None:
            speaker = (
                _mention_in(people, *subject, last=True)
                or _subject_pronoun(text, subject, quote, people, mentions)
                or _subject_entity(text, mentions, *subject)
            )
        if speaker is None and previous is not None and previous.speaker is not None:
            same_paragraph = article_text.paragraph_at(previous.start) == article_text.paragraph_at(
                quote.start
            )
            whole_paragraph = _fills_paragraph(article_text, quote)
            adjacent_paragraph = (
                _paragraph_index(article_text, quote.start)
                - _paragraph_index(article_text, previous.end - 1)
                <= 1
            )
            if same_paragraph or (whole_paragraph and adjacent_paragraph):
                speaker = previous.speaker
        quote.speaker = speaker
        previous = quote


def _subject_pronoun(text, subject, quote, people, mentions):
    words = text[subject[0] : subject[1]].split()
    if words and words[0].lower() in _PRONOUNS:
        return _resolve_pronoun(
            text, subject[0], subject[0], quote.start, people, mentions, words[0].lower()
        )
    return None


def _paragraph_index(article_text: ArticleText, offset: int) -> int:
    return article_text.paragraphs.index(article_text.paragraph_at(offset))


def _fills_paragraph(article_text: ArticleText, quote: Found) -> bool:
    paragraph = article_text.paragraph_at(quote.start)
    text = article_text.text
    return not text[paragraph.start : quote.start].strip() and (
        not text[quote.end : paragraph.end].strip(" .")
    )


def _inside_other(quote: Found, quotes: list[Found]) -> bool:
    return any(
        other is not quote and other.start < quote.start and quote.end <= other.end
        for other in quotes
    )


_SENTENCE_STOP = re.compile(r"[.!?](?=\s|$)|\n")


def _sentence_end(text: str, start: int, quotes: list[Found]) -> int:
    """End of the attribution clause after a quotation: the sentence end or the next quote.
    The full stop of a title or an initial ("Mr.", "Sen.", "J.") ends no sentence."""
    following = [q.start for q in quotes if q.start >= start]
    limit = min([*following, len(text)])
    for match in _SENTENCE_STOP.finditer(text, start, limit):
        if match.group() == "." and abbreviation_before(text, match.start()):
            continue
        return match.end()
    return limit


def _mention_in(
    mentions: list[tuple[int, int, str, str]], start: int, end: int, last: bool = False
) -> tuple[int, int, str] | None:
    inside = [m for m in mentions if start <= m[0] and m[1] <= end]
    if not inside:
        return None
    chosen = inside[-1] if last else inside[0]
    return chosen[0], chosen[1], chosen[3]


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
        groups = [m for m in mentions if m[2] in ("ORG", "GPE", "NORP") and m[1] <= before]
        return (groups[-1][0], groups[-1][1], groups[-1][3]) if groups else None
    # "…,” he said, quoted by X, Igor Konashenkov, spokesman…: the person named in the clause.
    later = _mention_in(people, pronoun_end, clause_end)
    if later:
        return later
    earlier = [m for m in people if m[1] <= before]
    if not earlier:
        return None
    # The subject comes first: take the first person of the latest sentence naming anyone.
    sentence = sentence_start(text, earlier[-1][0], 0)
    first = next(m for m in earlier if m[0] >= sentence)
    return first[0], first[1], first[3]


# `“…” ― Carla Sanchez.`: a dash after the closing mark signs the quotation.
_TAIL_DASH = re.compile(r"[ \t\u00a0]*[―—–][ \t\u00a0]*(?P<who>[^\n“\"]{1,80})")
# A description that speaks: "the mayor", "one Democratic source on the panel".
_DESCRIPTION = re.compile(
    r"^(?:the|a|an|one|two|several|some|many|another|his|her|their|its)\s+\S", re.I
)


def _description(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """A short noun phrase as the speaker, when no name is there to be had."""
    phrase = text[start:end].strip(" ,")
    if not phrase or len(phrase.split()) > 8 or not _DESCRIPTION.match(phrase):
        return None
    begin = start + text[start:end].index(phrase)
    return begin, begin + len(phrase), phrase


def _speaker_after(text, quote, quotes, mentions, people):
    clause_end = _sentence_end(text, quote.end, quotes)
    dash = _TAIL_DASH.match(text, quote.end, clause_end)
    if dash:
        who_start, who_end = dash.start("who"), dash.end("who")
        found = _mention_in(people, who_start, who_end) or _mention_in(mentions, who_start, who_end)
        if found:
            return found
    # A pronoun's antecedent may follow a quoted title: “…,” he said, quoted by “X”, Name.
    sentence_end = _sentence_end(text, quote.end, [])
    tail = text[quote.end : clause_end]
    verb_first = _TAIL_VERB_FIRST.match(tail)
    if verb_first:
        rest_start = quote.end + verb_first.start("rest")
        word = verb_first.group("rest").split(" ", 1)[0].strip(",").lower()
        if word in _PRONOUNS:
            return _resolve_pronoun(
                text, rest_start + len(word), sentence_end, quote.start, people, mentions, word
            )
        person = _mention_in(people, rest_start, clause_end)
        found = person or _mention_in(mentions, rest_start, clause_end)
        if found is None:
            # `said one Democratic source on the panel.`: the description speaks.
            end = rest_start + len(re.split(r"[,.;:!?\n]", text[rest_start:clause_end])[0])
            found = _description(text, rest_start, end)
        return found
    subject_first = _TAIL_SUBJECT_FIRST.match(tail)
    content = text[quote.content_start : quote.content_end].rstrip()
    new_sentence = content[-1:] in ".!?" and tail.strip()[:1].isupper()
    if subject_first and new_sentence and len(subject_first.group("subject").split()) > 3:
        subject_first = None  # `…peace.” The ministry said…` starts the next sentence
    if subject_first:
        subject = subject_first.group("subject").strip(" ,")
        subject_start = quote.end + subject_first.start("subject")
        subject_end = quote.end + subject_first.end("subject")
        if subject.lower() in _PRONOUNS:
            return _resolve_pronoun(
                text, subject_end, sentence_end, quote.start, people, mentions, subject.lower()
            )
        found = _mention_in(people, subject_start, subject_end, last=True)
        if found:
            return found
        found = _mention_in(mentions, subject_start, subject_end, last=True)
        if found:
            return found
        found = _description(text, subject_start, subject_end)
        if found:
            return found
    according = _ACCORDING.search(tail)
    if according:
        rest_start = quote.end + according.start("rest")
        return _mention_in(people, rest_start, clause_end) or _mention_in(
            mentions, rest_start, clause_end
        )
    return None


def _speaker_before(text, quote, mentions, people):
    floor = max(text.rfind("\n", 0, quote.start) + 1, sentence_start(text, quote.start, 0))
    head = text[floor : quote.start]
    if not head.strip():
        # The quotation opens its paragraph: "Caddell continued:" or "The Times reports:" may
        # end the paragraph before it.
        previous_end = len(text[:floor].rstrip())
        if previous_end and text[previous_end - 1] == ":":
            paragraph_start = text.rfind("\n", 0, previous_end) + 1
            floor = max(paragraph_start, sentence_start(text, previous_end - 1, 0))
            head = text[floor:previous_end]
    saying = _QUOTED_AS_SAYING.search(head)
    if saying:
        start = floor + saying.start("who")
        return _mention_in(people, start, floor + saying.end("who"))
    according = _ACCORDING.search(head)
    if according and head.rstrip().endswith(","):
        start = floor + according.start("rest")
        return _mention_in(people, start, quote.start) or _mention_in(mentions, start, quote.start)
    match = _HEAD.search(head)
    if not match:
        return None
    subject = match.group("subject")
    subject_start, subject_end = floor + match.start("subject"), floor + match.end("subject")
    last_word = subject.strip(" ,").split(" ")[-1].lower() if subject.strip() else ""
    if last_word in _PRONOUNS:
        return _resolve_pronoun(
            text, subject_end, subject_end, quote.start, people, mentions, last_word
        )
    return (
        _mention_in(people, subject_start, subject_end, last=True)
        or _subject_entity(text, mentions, subject_start, subject_end)
        or _description(text, subject_start, subject_end)
    )


_PREPOSITIONS = frozenset(
    "with about to from in at on for of against by into over after before than as".split()
)
_NOUN_AFTER = re.compile(r"(?:\s+[a-z][\w’'-]*){1,3}\s*,?\s*$")


def _subject_entity(text, mentions, start: int, end: int) -> tuple[int, int, str] | None:
    """The entity that is the subject: the last one in the span not governed by a preposition
    ("spoke with Moscow" is no speaker); a nationality or place heading a noun phrase speaks
    as that phrase ("British government sources")."""
    for mention in reversed([m for m in mentions if start <= m[0] and m[1] <= end]):
        words_before = text[start : mention[0]].split()
        if words_before and words_before[-1].lower() in _PREPOSITIONS:
            continue
        if mention[2] in ("NORP", "GPE") and _NOUN_AFTER.match(text, mention[1], end):
            phrase = text[mention[0] : end].strip(" ,")
            return mention[0], mention[0] + len(phrase), phrase
        return mention[0], mention[1], mention[3]
    return None
