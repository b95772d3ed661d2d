"""Quotation finding, classification and speaker attribution, on the seed and on hard cases."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.analysis.engine import get_engine
from reader.corpus.plaintext import parse_plaintext
from tests.test_plaintext import seed


def quotes_of(text: str):
    article = parse_plaintext(Path("a.txt"), "Headline\n\n" + text)
    return get_engine().analyze(article).quotes


def assert_first_speakers(cases: dict[str, str]) -> None:
    """Each text's first quotation is its speaker's."""
    for text, speaker in cases.items():
        first = quotes_of(text)[0]
        assert first.speaker == speaker, (text, first.speaker)


def speakers_of(text: str) -> list[str | None]:
    """The speakers of the speech quotations in `text`, in order."""
    return [quote.speaker for quote in quotes_of(text) if quote.kind == "speech"]


def test_seed_quote_with_a_lost_opening_mark_is_kulebas_and_stops_at_its_sentence():
    quotes = get_engine().analyze(seed()).quotes
    kuleba = next(q for q in quotes if q.text.endswith("comprehensive,”"))
    assert kuleba.text == "and more comprehensive,”"
    assert (kuleba.kind, kuleba.speaker) == ("speech", "Kuleba")


def test_seed_pronoun_speaker_is_resolved_to_the_person_named_later():
    quotes = get_engine().analyze(seed()).quotes
    ministry = next(q for q in quotes if q.text.startswith("“The Russian Defense Ministry"))
    assert ministry.speaker == "Igor Konashenkov"


def test_seed_scare_quotes_titles_and_short_partial_quotes():
    quotes = {q.text: q for q in get_engine().analyze(seed()).quotes}
    # With no reporting verb in its sentence, a quoted phrase is a scare quote.
    assert quotes["“British spy plane”"].kind == "scare"
    assert quotes["“activity”"].kind == "scare"
    assert quotes["“Bloomberg”"].kind == "title"
    assert quotes["“Telegraph”"].kind == "title"
    # After a reporting verb, a short partial quote is someone's words: "Kremlin says NATO
    # allies are inventing “provocations”."
    assert quotes["“provocations”"].kind == "speech"
    assert quotes["“provocations”"].speaker == "Kremlin"


def test_every_quote_span_is_its_source_text():
    article = seed()
    for quote in get_engine().analyze(article).quotes:
        assert article.source[quote.start : quote.end] == quote.text


def test_apostrophes_are_not_quotation_marks():
    quotes = quotes_of("Moscow’s plan didn’t work. Let’s see, said the O’Brien family’s lawyer.")
    assert quotes == []


def test_interrupted_quotation_has_one_speaker():
    quotes = quotes_of("“We lost everything,” said Maria Santos, “but we are alive.”")
    assert [q.speaker for q in quotes] == ["Maria Santos", "Maria Santos"]


def test_speaker_before_the_quote_with_a_colon():
    [quote] = quotes_of('Prime Minister Olaf Scholz said: "We will not give in to pressure."')
    assert (quote.kind, quote.speaker) == ("speech", "Olaf Scholz")


def test_according_to_and_reporting_cues_beyond_said():
    quotes = quotes_of(
        '"The door remains open," according to Jens Stoltenberg. '
        'Volodymyr Zelensky tweeted: "We will never surrender our land."'
    )
    assert [q.speaker for q in quotes] == ["Jens Stoltenberg", "Volodymyr Zelensky"]


def test_a_paragraph_that_is_only_a_quote_continues_the_previous_speaker():
    quotes = quotes_of(
        '"We are ready to talk," said Anna Kowalski, the union leader.\n\n'
        '"But we will not wait for ever."'
    )
    assert [q.speaker for q in quotes] == ["Anna Kowalski", "Anna Kowalski"]


def test_a_quotation_over_paragraphs_is_one_a_paragraph_signed_where_it_closes():
    text = (
        "Maria Santos described the night.\n\n“The water came in minutes. We climbed up.\n\n"
        "“In the morning a boat came,” she said."
    )
    first, second = quotes_of(text)
    assert first.text == "“The water came in minutes. We climbed up."
    assert second.text == "“In the morning a boat came,”"
    assert first.speaker == second.speaker == "Maria Santos"


def test_a_transcript_turn_is_its_labelled_speakers():
    quotes = quotes_of(
        "Mike Pence spoke to Fox News.\n\n"
        '"WALLACE: Will she be there?\n\n"PENCE: She will not be attending the debate.\n\n'
        '"WALLACE: Do you see those two as equivalent?"'
    )
    assert [(q.speaker, q.speaker_entity) for q in quotes] == [
        ("WALLACE", "Wallace"),
        ("PENCE", "Mike Pence"),
        ("WALLACE", "Wallace"),
    ]


def test_a_stray_straight_mark_in_a_typeset_article_opens_nothing():
    quotes = quotes_of(
        "“It never crossed my mind,” she said.\n\n"
        '"Melanie thought the whole thing was outrageous. She was anxious, sure.\n\n'
        "“Here he is, babe,” she said. “Donald’s here.”"
    )
    assert [q.text for q in quotes] == [
        "“It never crossed my mind,”",
        "“Here he is, babe,”",
        "“Donald’s here.”",
    ]


def test_a_height_is_no_quotation():
    quotes = quotes_of('The letter says he is 6\'3" tall. "He is fit," said Dr. Ronny Jackson.')
    assert [(q.text, q.speaker) for q in quotes] == [('"He is fit,"', "Ronny Jackson")]


def test_headline_and_markup_quotes_are_not_quotations_of_record():
    article = parse_plaintext(
        Path("a.txt"),
        "Warren Hammers CEO: ‘You Should Be Investigated.’\n\n"
        '<tweet author="carlquintanilla" id="7782">The blue arrow is Warren.</tweet>\n\n'
        "“You should be criminally investigated,” Elizabeth Warren said.",
    )
    quotes = get_engine().analyze(article).quotes
    assert [(q.text, q.speaker) for q in quotes] == [
        ("“You should be criminally investigated,”", "Elizabeth Warren")
    ]


def test_an_odd_straight_mark_costs_one_quotation_not_the_article():
    text = (
        'A source said the row was "overblown.\n\n'
        '"We will appeal," said John Carter. Later, "it is over," he added.'
    )
    quotes = quotes_of(text)
    texts = [q.text for q in quotes]
    assert '"We will appeal,"' in texts
    assert '"it is over,"' in texts
    assert next(q for q in quotes if q.text == '"We will appeal,"').speaker == "John Carter"


def test_a_single_quotation_nested_in_a_longer_one_is_part_of_it():
    quotes = quotes_of(
        "“They call it a ‘special operation’, but it is a war,” said Olena Petrenko."
    )
    assert [(q.text, q.speaker) for q in quotes] == [
        ("“They call it a ‘special operation’, but it is a war,”", "Olena Petrenko")
    ]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab A B said he “”‘’\"'.,:\n"), max_size=200))
def test_no_text_makes_the_engine_fail(text):
    article = parse_plaintext(Path("x.txt"), "Title\n\n" + text)
    analysis = get_engine().analyze(article)
    for item in [*analysis.quotes, *analysis.mentions]:
        assert article.source[item.start : item.end] == item.text


def test_a_title_full_stop_does_not_cut_the_attribution_after_a_quotation():
    text = (
        "Budget fight\n\n"
        "Lawmakers argued for hours. “We will not move on this,” Mr. Butterfield said. "
        "“Nor will we,” said Sen. Ann Kobach, “not this year.” "
        "Dr. Ruth Ellis said: “The vote can wait.”"
    )
    speakers = speakers_of(text)
    assert speakers[0] == "Butterfield"
    assert speakers[1] and speakers[1].endswith("Kobach")
    assert speakers[-1] and speakers[-1].endswith("Ruth Ellis")


def test_nyt_style_ascii_double_quotes_are_quotations_not_empty_pairs():
    text = (
        "''Secretary Clinton believes businesses need to break free,'' said Mike Schmidt, an "
        "adviser. Critics called the plan ''crazy'' and ''a tax on savers.''"
    )
    found = quotes_of(text)
    texts = [quote.text for quote in found]
    assert "''" not in texts  # no empty quotation between two apostrophes
    first = found[0]
    assert first.text.startswith("''Secretary") and first.text.endswith("free,''")
    assert first.kind == "speech" and first.speaker == "Mike Schmidt"
    assert "''crazy''" in texts


def test_a_dash_signs_a_quotation_and_a_description_speaks_when_no_name_does():
    text = (
        "“Donald Trump scares me.” ― Carla Sanchez.\n\n"
        "“We have seen nothing like it,” said one Democratic source on the panel."
    )
    speakers = speakers_of(text)
    assert speakers == ["Carla Sanchez", "one Democratic source on the panel"]


def test_a_subject_is_not_a_place_governed_by_a_preposition_and_a_nationality_heads_a_phrase():
    quotes = {q.text: q for q in get_engine().analyze(seed()).quotes}
    # "The Americans say they spoke with Moscow … and warned against the “serious error”"
    assert quotes["“serious error”"].speaker == "Americans"
    # "British government sources acknowledged that there is “some annoyance” and “anxiety”"
    assert quotes["“some annoyance”"].speaker == "British government sources"
    assert quotes["“anxiety”"].speaker == "British government sources"


def test_party_tags_and_names_the_recogniser_missed_still_speak():
    text = (
        "“We can do better than this on every count,” Sen. Claire McCaskill (D-Mo.) said.\n\n"
        "“You give ammunition to the people who want to break up the big banks.” Zorvitter "
        "demanded.\n\n"
        '"It is very important that we go and vote," said Representative Charles B. Rangel '
        "of New York.\n"
    )
    speakers = speakers_of(text)
    assert speakers[0] == "Claire McCaskill"
    assert speakers[1] == "Zorvitter"
    assert speakers[2].endswith("Charles B. Rangel")


def test_an_owner_is_not_the_speaker():
    text = (
        "“We will release the records soon,” said Hillary Clinton’s communications director, "
        "Jennifer Palmieri.\n\n"
        "“My father will win this state,” Donald Trump’s son told the crowd.\n"
    )
    assert speakers_of(text) == ["Jennifer Palmieri", "Donald Trump’s son"]


def test_the_reporting_verb_nearest_the_quotation_governs_it():
    text = (
        "The advert concludes with footage of Senator Ada Whitcombe saying during the debate, "
        "“That makes me smart,” and then it ends.\n"
    )
    assert speakers_of(text) == ["Ada Whitcombe"]


def test_a_pronoun_goes_to_a_person_of_its_gender_where_the_article_says_it():
    text = (
        "Hillary Clinton and Donald Trump met. Mrs. Clinton spoke first and Mr. Trump listened "
        "to Hillary Clinton.\n\n“I will win,” he said.\n\n“We will see,” she said.\n"
    )
    quotes = [q for q in quotes_of(text) if q.kind == "speech"]
    assert [q.speaker_name for q in quotes] == ["Donald Trump", "Hillary Clinton"]


def test_a_lead_in_ending_in_a_colon_names_the_speaker():
    text = (
        "Meghan McCain, on Twitter: “This is a disgrace and everyone knows it.”\n\n"
        "Transcript: “We will not back down from this fight, not now.”\n"
    )
    assert speakers_of(text) == ["Meghan McCain", None]


def test_a_description_stands_for_the_organisation_the_article_named():
    text = (
        "The New York Post reported on the story on Monday.\n\n"
        "“She was rushed to hospital in secret,” the newspaper said.\n"
    )
    (quote,) = [q for q in quotes_of(text) if q.kind == "speech"]
    assert quote.speaker == "the newspaper" and quote.speaker_name == "New York Post"


def test_a_closing_mark_that_opens_a_paragraph_opens_the_quotation():
    text = "”Mr. Trump embodies the worst of us and always has.” ― Sonya Herridge\n"
    (quote,) = quotes_of(text)
    assert quote.text.startswith("”Mr. Trump") and quote.speaker == "Sonya Herridge"


def test_the_main_clause_speaks_not_an_object_or_a_clause_inside_it():
    cases = {
        # A participle takes the subject of its clause, not the person attacked.
        "Donald Trump and Hillary Clinton met. Trump attacked Clinton for her support of the war, "
        'saying, "She is trigger-happy and very unstable."': "Trump",
        # A relative clause between the subject and its verb names somebody else.
        "Chris Christie spoke. Christie, who has campaigned for Donald Trump since February, "
        "blasted Hillary Clinton as a “disgrace” on Wednesday.": "Christie",
        # After a fronted clause, the noun phrase before the verb is the subject.
        "Bernie Sanders spoke. As far as whether Sanders senses hatred of Hillary Clinton among "
        'his supporters, the Vermont senator acknowledged that there are "some people" who do.': (
            "the Vermont senator"
        ),
        # A partial quotation that ends its sentence: the next sentence's subject is not its.
        'Japan branded North Korea an "outlaw nation in the neighborhood." Russia insisted '
        'that Pyongyang "stop its dangerous escapades."': "Japan",
        # A verb after a partial quotation inside its clause is that clause's own.
        "City Attorney Brad Holm said in the letter that the advertisement “unmistakably and "
        "wrongfully” suggests that Phoenix and its officers support Donald Trump.": "Brad Holm",
    }
    assert_first_speakers(cases)


def test_a_pronoun_goes_to_a_person_whose_given_name_is_of_its_gender():
    text = 'Hillary Clinton met Tim Kaine in Ohio on Monday.\n\n"We will win this state," he said.'
    assert speakers_of(text) == ["Tim Kaine"]
    # A given name borne by both (Jordan) says nothing: the sentence's subject speaks.
    text = 'Jordan Peele met Tim Kaine on Monday.\n\n"We will win this state," he said.'
    assert speakers_of(text) == ["Jordan Peele"]


def test_a_partial_quotation_with_no_cue_is_its_sentences_subjects():
    cases = {
        "Donald Trump spoke on Monday. Trump openly admires Vladimir Putin as a "
        "“strong leader,” comparing him favorably to Barack Obama.": "Trump",
        "Hillary Clinton spoke. At Monday’s debate, Clinton cited Donald Trump’s past "
        "references to Alicia Machado as “Miss Piggy and worse” on several occasions.": "Clinton",
    }
    assert_first_speakers(cases)
    # Opening its sentence, a quotation has no subject before it to go to.
    assert speakers_of('Donald Trump spoke.\n\n"Jobs, jobs, jobs."') == [None]


def test_a_description_after_the_quotation_speaks():
    quotes = quotes_of(
        'Hillary Clinton "is the only candidate with the experience to keep America safe," '
        "retired Air Force general Lloyd Newton said."
    )
    assert quotes[0].speaker == "Lloyd Newton"


def test_a_quotation_reopened_in_a_merged_paragraph_ends_where_its_sentence_does():
    # Paragraphs run together: the quotation went on into the next one, which re-opens it
    # without closing the first (British style). Each part is a quotation, spoken by the same.
    text = (
        'The mayor, Ann Berg, said: "We have nothing to fear from this case. '
        '"It is our right to build the bridge we promised." The council met on Monday.'
    )
    quotes = quotes_of(text)
    assert [quote.text for quote in quotes] == [
        '"We have nothing to fear from this case.',
        '"It is our right to build the bridge we promised."',
    ]
    assert [quote.speaker for quote in quotes] == ["Ann Berg", "Ann Berg"]
    # Typeset marks the same way; a stray mark before a new one is no quotation of its own.
    typeset = quotes_of("He said: “We will not move. “Nor will they,” he added on Friday.")
    assert [quote.text for quote in typeset] == ["“We will not move.", "“Nor will they,”"]
    stray = quotes_of('They called it a "deal. "We have agreed nothing," she said.')
    assert [quote.text for quote in stray] == ['"We have agreed nothing,"']


def test_a_description_the_article_tied_to_a_name_speaks_as_that_person():
    text = (
        "Justice Minister Ruth Calder will publish the plan on Monday. Prisons will work with "
        'councils. The minister said: "Better joint working will cut reoffending." Ruth Calder '
        "was appointed in May. Critics were not convinced.\n\n"
        "Archbishop Olu Adeyemi visited the camp, as did the aid worker Mary Stone. The "
        'archbishop added: "What is happening to those left behind?"\n\n'
        'The lawyer said: "We will appeal."'
    )
    quotes = [quote for quote in quotes_of(text) if quote.kind == "speech"]
    # Shown by the name the article gave with the role; the words of the text stay as written.
    assert [quote.speaker_name for quote in quotes[:2]] == ["Ruth Calder", "Olu Adeyemi"]
    assert quotes[0].speaker == "The minister"
    # A role the article never tied to anyone stays a description.
    assert quotes[2].speaker_name == "The lawyer"


def test_he_after_an_owners_lawyer_spoke_is_the_lawyer_and_jr_names_are_people():
    text = (
        "Ann Cole's lawyer, Walter M Phillips Jr, said his client was pleased. "
        '"She looks forward to moving on," he said. Phillips left at noon.'
    )
    quotes = [quote for quote in quotes_of(text) if quote.kind == "speech"]
    assert [quote.speaker_name for quote in quotes] == ["Walter M Phillips Jr"]


def test_a_framing_verb_before_a_short_quotation_makes_it_speech_and_names_its_speaker():
    for body, speaker in [
        ("Mr Grolt provoked fury by branding the campaign “two-bit crooks” outside.", "Grolt"),
        (
            "President Hamish Grolt condemned the test as “provocative and destabilizing”.",
            "Hamish Grolt",
        ),
    ]:
        (quote,) = quotes_of(body)
        assert (quote.kind, quote.speaker) == ("speech", speaker)


def test_he_after_a_sentence_naming_only_an_owner_is_the_person_before_it():
    body = (
        "Hamish Grolt, spokesman for the campaign, said the plan was weak. And he hit back at "
        "Mr Tarquil's claim that it would help. “It can push paper around but it cannot move "
        "people,” he said."
    )
    (quote,) = quotes_of(body)
    assert quote.speaker_entity == "Hamish Grolt"


def test_a_sentence_after_a_closed_quotation_opening_with_a_verb_is_not_its_attribution():
    body = (
        "Hamish Grolt spoke first. He said: “We will win this seat.” Asked whether he was "
        "worried, Mr Tarquil told the radio: “Not at all.”"
    )
    speakers = [quote.speaker_entity for quote in quotes_of(body)]
    assert speakers == ["Hamish Grolt", "Tarquil"]


def test_a_present_tense_reporting_verb_frames_a_partial_quotation():
    body = (
        "The makers are suing over a show they claim is “a blatant and wholescale copy” of theirs."
    )
    (quote,) = quotes_of(body)
    assert quote.kind == "speech"


def test_a_term_or_a_slogan_is_no_speech():
    for body in [
        "The rival could confuse customers, a practice known as “passing off” in law.",
        "The party campaigned with the slogan: “Limits are not wrong”.",
    ]:
        (quote,) = quotes_of(body)
        assert quote.kind == "scare", body


def test_a_letter_reads_and_a_crowd_chants():
    body = (
        "“We support these schools,” the letter reads. Hamish Grolt walked onto the stage, "
        "chanting “Win it again! Win it again!”"
    )
    speakers = [quote.speaker for quote in quotes_of(body)]
    assert speakers == ["the letter", "Hamish Grolt"]


def test_a_sentence_closing_x_said_and_they_call_them_name_the_speaker():
    body = (
        "A cashier who “steals a handful of notes” is held accountable, Hamish Grolt said. "
        "Anna Ferris and Tom Bell call them “lone wolves” and move on."
    )
    speakers = [quote.speaker_entity for quote in quotes_of(body)]
    assert speakers[0] == "Hamish Grolt" and speakers[1] in ("Anna Ferris", "Tom Bell")


def test_a_description_with_my_and_an_adverb_before_said_still_speaks():
    body = "The fear remained. “We live in a dark kingdom,” my father often said."
    (quote,) = quotes_of(body)
    assert quote.speaker == "my father"


def test_a_party_tag_after_the_name_and_the_article_read_keep_the_speaker():
    body = (
        "“Our assumption is that the veto will be overridden,” Senate Majority Leader Hamish "
        "Grolt, R-Ky., said Tuesday. “Though there are still four years to go,” the article read."
    )
    speakers = [quote.speaker for quote in quotes_of(body)]
    assert speakers == ["Hamish Grolt", "the article"]


def test_a_crowd_and_a_polls_share_speak_as_described():
    body = (
        "Protesters marching through the streets chanted “What curfew?” and kept going. Only "
        "52 percent of registered voters agreed that he is in “good enough health to serve.”"
    )
    speakers = [quote.speaker for quote in quotes_of(body)]
    assert "Protesters" in speakers[0] and "52 percent" in speakers[1]


def test_a_section_heading_in_single_marks_is_no_quotation():
    body = "He said he would stay.\n\n'Legend in the Coal Fields.'\n\nThe mine closed in 1990."
    assert quotes_of(body) == []
