"""Runs of quotes and cue shapes: (text, expected speakers) tables, negative cases included."""
from pathlib import Path

import pytest

from indexer.extract import extract
from indexer.loading import parse


def speakers_of(text):
    extraction = extract(parse(text, Path("doc.txt")))
    return [q.speaker.name if q.speaker else None for q in extraction.quotes]


@pytest.mark.parametrize("text, expected", [
    # a paragraph that is all quotation continues the speaker of the paragraph before
    ('“We will open the harbour again,” said Ana Ruiz.\n\n“Who cares what they say? It is a good plan for all.”',
     ["Ana Ruiz", "Ana Ruiz"]),
    # ... but not across a narrative paragraph
    ('“We will open the harbour again,” said Ana Ruiz.\n\nThe council met on Monday to vote.\n\n'
     '“Who cares what they say? It is a good plan for all.”', ["Ana Ruiz", None]),
    # a sentence that reports speech introduces the quotation after it
    ('Ana Ruiz tweeted a warning. "Remember in November who voted for this plan."', ["Ana Ruiz"]),
    # ... a sentence without a reporting verb does not
    ('Ana Ruiz went home early. "Remember in November who voted for this plan."', [None]),
    # a retort
    ('When Ruiz accused him of lying, Tom Kale shot back, "You never liked the plan, did you."', ["Tom Kale"]),
    # a passive reporting verb
    ('“We will win this one again,” Tom Kale is quoted as saying.', ["Tom Kale"]),
    # a possessive before a quotation is no title when a reporting verb is near
    ('Ana Ruiz said in a statement that the port’s “future is bright and the numbers move up.”', ["Ana Ruiz"]),
    ('He watched the port’s "Harbour Nights" on Sunday.', []),
    # ', saying' belongs to the one who acts, not to the person named as the object of the action
    ('Ana Ruiz threw her support behind Sen. Tom Kale on Wednesday, saying it is time for a "real reformer '
     'in the statehouse."', ["Ana Ruiz"]),
    ('Bea Lund endorsed Mayor Carl Stone on Friday, saying he had "earned a second term."', ["Bea Lund"]),
    ('Bea Lund met Carl Stone, who said the plan was "a disaster."', ["Carl Stone"]),
    # 'He added, "..."' after a quotation that closed its sentence opens the next quotation
    ('Tom Kale spoke first. "It was a long day," Kale said.\n\nAs Bishop Ana Ruiz told the radio, '
     '"We have suffered the same fate." She added, "So we should support it."', ["Tom Kale", "Ana Ruiz", "Ana Ruiz"]),
    # ... but a cue with no quotation after it still closes the one before
    ('Tom Kale spoke first.\n\n"We have suffered the same fate," he added.', ["Tom Kale"]),
    # a story written one paragraph a line: the next line's verb is no cue for the quotation before
    ('Party Split\n"That is a problem," said Tom Kale, a member. "I would love to see it."\n'
     'Rep. Carl Stone (D-N.Y.) said Ruiz called for calm.', ["Tom Kale", "Tom Kale"]),
    ('"Not us but we cannot argue with it!" Carl Stone tweeted.', ["Carl Stone"]),  # same line: a cue
    # a quotation that ends a sentence of narrative keeps that sentence's speaker: the next one is no cue
    ('Ana Ruiz called the board’s vote “arbitrary.” Tom Kale, a port trader, warned Saturday that trade '
     'would suffer.', ["Ana Ruiz"]),
    ('He left early. Ana Ruiz later called the plan "a real betrayal of the town." Tom Kale said he agreed.',
     ["Ana Ruiz"]),
    # a participle after the speaker's description says what they did, and is no part of who they are
    ('"I would want answers," said a prominent port board member who supports Kale, asking for anonymity.',
     ["a prominent port board member"]),
    ('"We will win," said Tom Kale, adding that the vote was close.', ["Tom Kale"]),
    # 'mentioned' and 'pondered' report words like 'noted'
    ('Ana Ruiz seemed taken aback and mentioned that his picture was on the site. "Does that not speak to '
     'your judgment?"', ["Ana Ruiz"]),
    ('Ana Ruiz pondered who might "speak for us in this season."', ["Ana Ruiz"]),
    ('Ana Ruiz seemed taken aback and left the room. "Does that not speak to your judgment?"', [None]),
    # a paragraph ending on reported speech, then a paragraph that is all quotation: the reported speaker's
    ('"We are ready," Tom Kale said. Ana Ruiz answered, saying the board had lied.\n\n'
     '"I am so tired of the board lying about me."', ["Tom Kale", "Ana Ruiz"]),
    ('"We are ready," Tom Kale said. Ana Ruiz left the room.\n\n"I am so tired of the board lying."',
     ["Tom Kale", "Tom Kale"]),  # no report: the run goes on
])
def test_runs_and_cues(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a phrase in lower case after "the" or a preposition is something said, not a title
    ('Ana Ruiz said the port was on the "wrong track" and must change.', ["Ana Ruiz"]),
    ('Ana Ruiz has called for "boots on the ground."', ["Ana Ruiz"]),
    ('She watched "Harbour Nights" on Sunday.', []),  # title case, no reporting verb: a work
    # an aside in lower case after a name is a role
    ('"The port must stay open for the winter," Ana Ruiz, legal director for the harbour board, said.',
     ["Ana Ruiz"]),
])
def test_partial_quotes_and_asides(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a capitalised word inside a sentence is a name, not the verb of the same spelling
    ('"Kale will plead not guilty to the charge," board spokeswoman Hope Ruiz said. "He is confident."',
     ["Hope Ruiz", "Hope Ruiz"]),
    # a possessive aside is a role
    ('“They are open to trying new things,” Ana Ruiz, Coastline’s director of planning, said. “They work.”',
     ["Ana Ruiz", "Ana Ruiz"]),
    # a quotation that opens on an ellipsis starts a new sentence and continues the speaker
    ('"Most people made up their minds today," said Ana Ruiz, head of the board. ". . . You will see it."',
     ["Ana Ruiz", "Ana Ruiz"]),
])
def test_names_asides_and_ellipses(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a title after a possessive or preposition is a work, even with a reporting verb near
    ('Ana Ruiz said on Channel Nine\'s "Harbour Nights" that the port would close.', []),
    ('Ana Ruiz told the "Morning Harbour Show" that the port would close.', []),
    # a short quotation in title case with a cue and no work marker is still speech
    ('"Never Again," Ana Ruiz said.', ["Ana Ruiz"]),
])
def test_titles_of_works(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('The museum opened again. Said Ana Ruiz, who grew up nearby, “We were all so proud of it.”', ["Ana Ruiz"]),
    ('Claims of fraud followed. “We were all so proud of it, and still are,” the museum said.', [None]),  # which museum: unknown
    ('"Nothing you can do about it, folks," Tom Kale said before adding: "Maybe there is, I do not know."',
     ["Tom Kale", "Tom Kale"]),
])
def test_inverted_and_participle_intros(text, expected):
    assert speakers_of(text) == expected


def test_name_in_apposition_after_a_description_speaks():
    text = '"The answer is none of the above, sadly," the port chief, Tom Kale, tweeted Sunday.'
    assert speakers_of(text) == ["Tom Kale"]


@pytest.mark.parametrize("text, expected", [
    # "as X puts it" reports words
    ('As the Post’s Ana Ruiz puts it, "the board is unmoved, and the traders are uninspired."', ["Ana Ruiz"]),
    ('As Tom Kale, the head of the board, put it: "This plan will not pass. There is no reason to pretend."',
     ["Tom Kale"]),
    ('Ana Ruiz put it in the harbour office, a "new start for the whole port."', [None]),
    # a person named just before a colon speaks when the sentence's subject is no one
    ('The surge does not surprise pollster Ana Ruiz: “Historically, outsiders have seen the biggest boost.”',
     ["Ana Ruiz"]),
    ('The interplay matters for the port - Tom Kale: “Two weeks ago, the strongest trade had been in the south.”',
     ["Tom Kale"]),
    ('The ship sailed to New York: “Historically, outsiders have seen the biggest boost in the port.”', [None]),
])
def test_put_it_and_names_before_a_colon(text, expected):
    assert speakers_of(text) == expected


REPORT_THEN_IT = ('A Coastline Watch report found the port unsafe.\n\n'
                  'Responding to the report, the Harbour Board said the findings were "a lie from start to finish."\n\n'
                  'The 40-page report concludes that the port is unsafe.\n\n'
                  'It reads: "While risk is of concern everywhere, evidence suggests it is endemic in the port."')


@pytest.mark.parametrize("text, expected", [
    # a report's words belong to whoever the story said published it, not to the last body to speak
    (REPORT_THEN_IT, ["Harbour Board", "Coastline Watch"]),
    # ... and with no publisher named, 'it' after a report is nobody a reader could name
    (REPORT_THEN_IT.replace("A Coastline Watch report found the port unsafe.", "Inspectors came."),
     ["Harbour Board", None]),
    # 'it' after an organisation is still the organisation
    ('The Harbour Board met on Monday.\n\n"We will not sell the port to anyone," it said in a statement.',
     ["Harbour Board"]),
])
def test_a_report_speaks_for_its_publisher(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a dash and a name alone on the line under a quotation sign it
    ('Ana Ruiz runs the board.\n\n"I went to the port before the crash. I said you would wreck it."\n\n- Ruiz.',
     ["Ana Ruiz"]),
    ('"The port has never been busier than it is in this year of all years."\n\n— Tom Kale, head of the port',
     ["Tom Kale"]),
    # a dash line that is a sentence signs nothing
    ('"I went to the port before the crash. I said you would wreck it."\n\n'
     '- The port reopened on Monday after a long week of repairs to the crane.', [None]),
    # a quotation a cue already spoke for keeps its speaker
    ('"I went to the port before the crash. I said you would wreck it," said Ana Ruiz.\n\n- Kale.', ["Ana Ruiz"]),
])
def test_a_dash_line_signs_the_quotation_above(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a leading phrase of time is no subject
    ('Hours later, Tom Kale returned the favour to Ruiz, telling reporters, “We have been friends for years.”',
     ["Tom Kale"]),
    ('Ana Ruiz said on Monday, in a statement, that the port was "open to anyone now and for good."', ["Ana Ruiz"]),
])
def test_time_phrases_open_a_sentence(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a capitalised participle opening a sentence continues the speaker of the sentence before
    ('Later, Ana Ruiz stated of the scandal that the board’s report “was not good.” '
     'Adding, “Now, like with all port scandals, what they do is never that bad.”', ["Ana Ruiz", "Ana Ruiz"]),
    ('The port closed. Adding, “Now, like with all port scandals, what they do is never that bad.”', [None]),
    # what a released document says is said by whoever released it
    ('In selling the courses, Tom Kale released a marketing video that said, '
     '"We are going to have teachers that are terrific and handpicked by me."', ["Tom Kale"]),
    ('The video said, "We are going to have teachers that are terrific and handpicked by me."', [None]),
    # a leading phrase of time ('Shortly after ...,') is no subject
    ('Shortly after the call ended, the Kale campaign sent out a press release saying Ruiz owes '
     '“the port an explanation for voting against it.”', ["Kale campaign"]),
])
def test_participles_and_released_documents(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # participles report partial quotes: the one calling is the sentence's subject
    ('Tom Kale and Ana Ruiz spoke.\n\nRuiz went after Kale over his taxes, calling it “disqualifying” and '
     'asserting that the only answer must be “a bombshell of unusual size.”', ["Ana Ruiz", "Ana Ruiz"]),
    ('On Tuesday, Gov. Tom Kale endorsed her, citing her "long experience," "firm grasp of the issues" and more.',
     ["Tom Kale", "Tom Kale"]),
    # a possessed communication noun names its speaker, up to three words back
    ('Tom Kale spoke.\n\nFor example, Kale’s recent evidence-free assertion that "thousands" of people cheered.',
     ["Tom Kale"]),
    ('The port’s big new crane was "the largest" of all.', []),  # a thing's owner says nothing
    # joined quotations share the cue after the last of them
    ('Ships are “the ultimate public health crisis” and “stunt children’s growth,” Tom Kale, the former '
     'governor, proclaimed.', ["Tom Kale", "Tom Kale"]),
    ('Ships are “the ultimate public health crisis” and Ana Ruiz said “they stunt children’s growth,” '
     'as Kale proclaimed.', ["Ana Ruiz"]),
])
def test_participles_nouns_and_joined_quotations(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 'she' skips a man named in between
    ('Ana Ruiz called the mayor “the best recruiter in town.” Tom Kale was shown lecturing: '
     '“Sailors of the West, take heed.” She also said that “they are going to people and showing videos.”',
     ["Ana Ruiz", "Tom Kale", "Ana Ruiz"]),
    # with nobody a subject yet, 'he' is the last man named, not a woman
    ('Visitors thanked Ana Ruiz.\n\n“We will open the port for all of the ships,” he said.', [None]),
    ('Visitors thanked Tom Ruiz.\n\n“We will open the port for all of the ships,” he said.', ["Tom Ruiz"]),
    # a sentence after a quotation whose verb has an object is no cue
    ('Tom Kale spoke.\n\n“We will open the port for all of the ships.” He demands safeguards.', [None]),
    ('Tom Kale spoke.\n\n“We will open the port for all of the ships.” He said in a statement.', ["Tom Kale"]),
    # a first-person sentence quoted after a named person's clause and a comma is theirs
    ('Tom Kale, the head of the board (HB), reacted coolly to the deal, “[I am] concerned about any deal '
     'that sends all ships back.”', ["Tom Kale"]),
    ('In the end, Tom Kale visited the port, “A place of wonder and of memory for all of us.”', [None]),
])
def test_pronoun_gender_and_comma_intros(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name right before a participle is its subject
    ('After it was over, both men issued a statement – Ruiz saying he was “very encouraged” and Kale calling it '
     'a “great meeting.”', ["Ruiz", "Kale"]),
    # a definite description is the last person the story gave that role
    ('“The port is open for all the ships this year,” said Tom Kale, a pastor at the harbour church.\n\n'
     'Ana Ruiz came too.\n\n“I sensed the harbour tell me to look at the ships,” the pastor said.',
     ["Tom Kale", "Tom Kale"]),
    # ... and the place in the role is not the person
    ('“The port is open for all the ships this year,” said Tom Kale, a pastor at the harbour church.\n\n'
     '“We welcome every sailor in the harbour,” the church said.', ["Tom Kale", None]),
    # with no one given the role, a bare role names nobody, and no earlier name takes its place
    ('“The port is open for all the ships this year,” said Tom Kale.\n\n'
     '“I sensed the harbour tell me to look at the ships,” the pastor said.', ["Tom Kale", None]),
    # the name in apposition to a role is the subject
    ('In early October, Kale’s Virginia state director, Mike Rubino, reached out to the firm, writing in an '
     'email: “We want to utilize this as soon as we can.”', ["Mike Rubino"]),
])
def test_descriptions_and_appositions(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a passive reporting verb with no agent names nobody; with 'by', the agent speaks
    ('Tom Kale helped Ana Ruiz win by sending what has been described as a “political army of volunteers” '
     'into the state.', []),
    ('The plan was called “a disaster for the port and the town” by Ana Ruiz on Monday.', ["Ana Ruiz"]),
    ('Ana Ruiz has described the plan as “a disaster for the port and the town.”', ["Ana Ruiz"]),
    # a 'so-called' phrase is no speech, even when the hyphen is broken by a space
    ('The so- called ‘special relationship of the two harbour towns’ has lasted.', []),
])
def test_passives_and_so_called(text, expected):
    assert speakers_of(text) == expected


def test_a_newsletter_is_a_document_not_a_speaker():
    text = 'The newsletter said: "Using the information we know about people, we can send them direct mailings."'
    assert speakers_of(text) == [None]


@pytest.mark.parametrize("text, expected", [
    # a title holding a preposition, then the name: the name speaks, the title is its role
    ('Secretary of State Tom F. Kale said the elections were an "important step forward," but "far from perfect."',
     ["Tom F. Kale", "Tom F. Kale"]),
    ('Minister of Harbours Tom Kale said the port was "open for all the ships now."', ["Tom Kale"]),
    ('Chancellor of the Exchequer Tom Kale said the port was "open for all the ships now."', ["Tom Kale"]),
    # the verb first and the name after, closing a sentence that held a partial quotation
    ('That would create a "summer of agony" for Ruiz up to the vote, forcing her to fend off both, said Tom Kale, '
     'a pollster.', ["Tom Kale"]),
    ('That would create a "summer of agony" for Ruiz up to the vote, forcing her to fend off both, said the '
     'pollster.', []),
    # 'indicated' reports words
    ('In response to questions, Tom Kale indicated that Ruiz "should have known that the system was no place" for it.',
     ["Tom Kale"]),
])
def test_titles_with_prepositions_and_inverted_closers(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a quotation whose closing mark is missing before ', said Kale' is Kale's, and no later run
    ('"There was no warning at all, said Ana Ruiz, whose group helps families.\n\nThe port reopened.',
     ["Ana Ruiz"]),
    # a multi-paragraph quotation (no closing mark, next paragraph opens again) keeps its speaker
    ('Ana Ruiz said: "There was no warning at all.\n\n"Nobody told us to leave the harbour."',
     ["Ana Ruiz", "Ana Ruiz"]),
])
def test_missing_closing_marks(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 'wants Kale to explain': speech wished for is no cue; the one who said so is the speaker
    ('Ana Ruiz said she would like Tom Kale to further explain his plan, but there is "no question" he is '
     '"the better of the two."', ["Ana Ruiz", "Ana Ruiz"]),
    ('Ana Ruiz said she wants Kale to explain why the port is "a total mess."', ["Ana Ruiz"]),
    # an infinitive after 'went on' or 'took to the stage' reports what was said
    ('Tom Kale went on to say the port is "a total mess."', ["Tom Kale"]),
    ('Tom Kale took to the stage to say the port is "a total mess."', ["Tom Kale"]),
])
def test_speech_wished_for_is_no_cue(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a headline quoting words the story quotes again is an excerpt: the story's quotation is the one
    ('Kale slams board’s ‘harbour of despair’ on trade.\n\nTom Kale said on Friday that the board had built '
     '"a harbour of despair" for the town.', ["Tom Kale"]),
    ('Ana Ruiz: ‘We Will Open The Harbour Again.’\n\n“We will open the harbour again,” said Ana Ruiz on Monday.',
     ["Ana Ruiz"]),
    # ... a headline's quotation found nowhere below stays
    ('“We will open the harbour again,” said Ana Ruiz.\n\nThe council met on Monday to vote on the plan.',
     ["Ana Ruiz"]),
])
def test_a_headline_excerpt_is_not_a_second_quotation(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the writer finishes the sentence a quotation began, then ', Kale said.' closes it
    ('"Let me thank the many volunteers in the county who worked so hard" for the win, Tom Kale said.',
     ["Tom Kale"]),
    ('"We thank every volunteer who knocked on doors in the rain" after the vote, said Tom Kale.', ["Tom Kale"]),
    # ... a name inside the writer's words, with no reporting verb closing the sentence, is no speaker
    ('"We thank every volunteer who knocked on doors in the rain" was printed on a banner for Tom Kale.', []),
])
def test_an_attribution_closing_the_sentence_after_narrative(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 'assured' reports words like 'told'; 'defended X as', 'proposed' take the partial quotation they report
    ('"Kale is not a liar, friends," Ana Ruiz assured the quiet crowd.', ["Ana Ruiz"]),
    ('Tom Kale defended his harbour master as a "very decent man" on Tuesday.', ["Tom Kale"]),
    ('Bea Lund met the board, while Ana Ruiz, the former mayor, proposed we "wake up and smell the coffee."',
     ["Ana Ruiz"]),
    # ... but no whole quotation beside them is theirs
    ('Tom Kale proposed a new plan. "It will be great for all of us here," said Ana Ruiz.', ["Ana Ruiz"]),
    ('"It will be great for all of us here," Tom Kale said as Ana Ruiz defended the plan.', ["Tom Kale"]),
])
def test_assure_defend_propose(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 'which historian Tom Kale calls "..."': the relative pronoun is the object; the name after it speaks
    ('The harbour is one which historian Tom Kale calls "a foundation of our town."', ["Tom Kale"]),
    ('The plan, which Ana Ruiz described as "a real mess," passed.', ["Ana Ruiz"]),
    # 'his comment that "..."' belongs to the subject of the clause it sits in, when the pronoun fits
    ('As the debate went on and Kale stood by his comment that "the port hates us," Ruiz tried to rebuke him.',
     ["Kale"]),
    ('Tom Kale stood by his comment that "the port hates all of us" on Monday.', ["Tom Kale"]),
    ('Ana Ruiz heard his comment that "the port hates all of us" on Monday.', []),
])
def test_relative_objects_and_owned_comments(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 'As Kale told the paper, ...': the one a sentence says spoke is whom the next 'he said' means
    ('Bo Lund, the mayor, spoke first on Monday. As Tom Kale told the paper, the tax is a deal. '
     'There was, he said, "an implicit bargain."', ["Tom Kale"]),
    # ... a name that only appears, speaking of nothing, is not
    ('Bo Lund, the mayor, spoke first on Monday. As Tom Kale watched, the tax passed. '
     'There was, he said, "an implicit bargain."', ["Bo Lund"]),
])
def test_a_reporter_in_a_sentence_is_the_next_pronoun(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the agent of a passive reporting verb speaks, with or without a role before the name
    ('Ana Ruiz was asked by host Tom Kale, who backs her, “Now, you said in a debate that you were tired of it?”',
     ["Tom Kale"]),
    ('Ana Ruiz was praised by Tom Kale as "the best mayor we ever had."', ["Tom Kale"]),
    # ... an agent nobody named is nobody, and never the passive's subject
    ('Ana Ruiz was asked by reporters, “Now, you said in a debate that you were tired of it?”', [None]),
    # '"...," said Kale, explaining ...: "..."': the one who said the first explains with the second
    ('Bo Kale, a data man, spoke last.\n\n“Having the file is valuable,” said Kale, explaining he worked with '
     'Ruiz, who was responsible for cleaning up state data: “Ana is outstanding with all the data we have.”',
     ["Bo Kale", "Bo Kale"]),
    # a base form after a preposition is a noun: 'up state data' reports nothing
    ('Ana Ruiz spent the day cleaning up state data: “The files are a mess and nobody will fix them.”',
     ["Ana Ruiz"]),
])
def test_passive_agents_and_explaining_participles(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 'thanked them "..."' reports the thanks; 'during a visit' between name and verb is no part of the name;
    # 'and called X "..."' shares the subject of the verb it is joined to
    ('It is so bad that Tom Kale during a Sunday visit thanked its members "for the support in my campaign" '
     'and called Harbour Nurses United "one of the sponsors of my campaign and I thank them."',
     ["Tom Kale", "Tom Kale"]),
    ('Tom Kale during a Sunday visit said the port was "a real mess for all."', ["Tom Kale"]),
    # ... a joined verb with no reporting verb before it takes the sentence's subject, as before
    ('Ana Ruiz left the hall and called the plan "a real mess for all."', ["Ana Ruiz"]),
    # 'thanked' takes a partial quotation only: a whole quotation beside it is another's
    ('Tom Kale thanked the crew. "It was a long and hard night for all of us," said Ana Ruiz.', ["Ana Ruiz"]),
])
def test_thanks_time_phrases_and_joined_verbs(text, expected):
    assert speakers_of(text) == expected


def quotes_of(text):
    return [(q.text, q.speaker.name if q.speaker else None) for q in extract(parse(text, Path("doc.txt"))).quotes]


@pytest.mark.parametrize("text, expected", [
    # a pull quote signed on its last line inside the marks: the signer spoke, the signature is not quoted
    ('"I worry that the board will sing the virtues of balanced budgets again.\nAna Ruiz, Harbour Institute."'
     '\n\nThe board met on Monday.',
     [("I worry that the board will sing the virtues of balanced budgets again.", "Ana Ruiz")]),
    # ... a last line that names no person is part of the quotation
    ('"I worry that the board will sing the virtues of balanced budgets again.\nAnd then, sadly, the port."'
     ' said Ana Ruiz.',
     [("I worry that the board will sing the virtues of balanced budgets again.\nAnd then, sadly, the port.",
       "Ana Ruiz")]),
])
def test_a_pull_quote_signed_inside_its_marks(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a colon lead-in of only time and place ('Then, later that month on TV:') carries on the last speaker
    ('Tom Kale spoke first. "We made a terrible mistake getting into this," he told the radio in May.\n\n'
     'Then, later that month on TV: "I have never said we made a mistake going into it."', ["Tom Kale", "Tom Kale"]),
    # ... a lead-in that names someone, or has a verb, is theirs
    ('Tom Kale spoke first. "We made a terrible mistake getting into this," he told the radio in May.\n\n'
     'Then Ana Ruiz on TV: "I have never said we made a mistake going into it."', ["Tom Kale", "Ana Ruiz"]),
    ('Tom Kale spoke first. "We made a terrible mistake getting into this," he told the radio in May.\n\n'
     'Later the crowd booed: "We have never made a mistake going into it."', ["Tom Kale", None]),
])
def test_a_lead_in_of_time_and_place(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # ', <role> Ana Lee Ruiz wrote in a court filing.' closing the sentence a quotation began
    ('"If the board finds more records, it intends to search them for records" that would answer the '
     'request, harbour board senior counsel Ana Lee Ruiz wrote in a court filing.', ["Ana Lee Ruiz"]),
    # ... a clause after the verb, or a description in lower case, is not a closing attribution
    ('"If the board finds more records, it intends to search them for records" that would answer the '
     'request, the counsel wrote after she left the room.', []),
])
def test_a_long_closing_attribution(text, expected):
    assert speakers_of(text) == expected


def test_a_description_closing_the_sentence_leaves_the_name_before_it():
    text = ('Critics disagree. "Patent rights protect inventors but in this case it is the big firms that win," '
            'Ana Ruiz, a Green member of the harbour board said in a statement.')
    assert speakers_of(text) == ["Ana Ruiz"]


@pytest.mark.parametrize("text, expected", [
    # a bare role the story resolves: the person it introduced with that role
    ('The dock was opened by Harbour minister Ana Ruiz on Monday. Tom Kale sailed in.\n\n'
     '“We will rebuild every quay before winter comes,” the minister said.', ["Ana Ruiz"]),
    ('Tom Kale sailed in.\n\nA spokeswoman for the port board, Ana Ruiz, declined to comment further.\n\n'
     '“We are looking into the collision with great care,” said the spokeswoman.', ["Ana Ruiz"]),
    ('Ana Ruiz, the board’s spokeswoman, was at the dock.\n\n'
     '“We are looking into the collision with great care,” the spokeswoman said.', ["Ana Ruiz"]),
    # unresolved, a bare role or a nationality is nobody, and never an earlier name
    ('Tom Kale scored twice. “I was happy with the result,” he said. “A lot more players can win here now,” '
     'said the American.', ["Tom Kale", None]),
    ('Tom Kale scored twice.\n\n“I saw the whole thing from the bridge,” the man said.', [None]),
    ('Tom Kale spoke first. He said the man shouted: “You have ruined the whole harbour for all of us.”', [None]),
    # ... and the quotation that carries on after it is the same unnamed one's
    ('Tom Kale picked the team. “We go there with a little fear and hope,” said Kale.\n\n'
     '“It is a big surprise for me and my family,” the youngster said. “I was not expecting it at all, really.”',
     ["Tom Kale", None, None]),
    # a group described stays: it is no one person the story left unnamed
    ('Tom Kale scored twice.\n\n“The new cap lets a patient move the arm by thought alone,” the researchers wrote.',
     ["the researchers"]),
    # a described person stays as described
    ('Tom Kale scored twice.\n\n“The fire spread from the kitchen very fast,” a fire brigade spokesman said.',
     ["a fire brigade spokesman"]),
    # a capitalised paper's name is no bare role
    ('Tom Kale scored twice.\n\n“The club has new owners and a new plan for next year,” said the Courier.',
     ["Courier"]),
    # a description with a name in apposition is that person
    ('“The answer is none of the above, sadly,” a spokesman for the port, Tom Kale, said.', ["Tom Kale"]),
])
def test_a_bare_role_is_the_person_introduced_with_it_or_nobody(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('“We are leaving the harbour today for good,” said Ursula van der Kale.', ["Ursula van der Kale"]),
    ('Omar al-Rashidi said: “The lessons of history are plain to every one of us.”', ["Omar al-Rashidi"]),
    ('“We are leaving the harbour today for good,” said Tomas Ruiz da Costa.\n\n'
     '“And we will be back next spring, all of us,” Ruiz da Costa said.', ["Tomas Ruiz da Costa"] * 2),
    ('“We are leaving the harbour today for good,” Ana bin Kale said.\n\n'
     '“And we will be back next spring, all of us,” bin Kale said.', ["Ana bin Kale"] * 2),
    # a particle needs name words either side: the van is a vehicle here
    ('“We are leaving the harbour today for good,” the van driver said.', ["van driver"]),
])
def test_names_with_lower_case_particles_are_whole(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # each line of a list is its own sentence: the line before lends it no words
    ('Links to the week:\n- Ana Ruiz maps the plan of Tom Kale [Courier]\n- Bea Lund explains why the tide is '
     '“weird.” [Post]', ["Bea Lund"]),
    ('Links to the week:\n- Ana Ruiz maps the harbour. [Courier]\n- Bea Lund explains why the tide is '
     '“weird.” [Post]', ["Bea Lund"]),
])
def test_list_lines_are_sentences(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 'she' is a woman the story named, never a plural description of women
    ('Ana Ruiz spoke at the dock. Women in harbour work earn less than men.\n\n'
     '“It is simply wrong to pay anyone less for the same work,” she said.', ["Ana Ruiz"]),
    ('Tom Kale spoke at the dock. Women in harbour work earn less than men.\n\n'
     '“It is simply wrong to pay anyone less for the same work,” she said.', [None]),
])
def test_she_is_no_plural_description(text, expected):
    assert speakers_of(text) == expected


def test_two_speakers_joined_with_an_age_between_are_credited_to_the_first():
    text = ('Ana Ruiz met the crew.\n\nRuiz and 24-year-old Tom Kale, a fellow pilot, explained how pilots rank '
            'the ships from 1 ("Oh, I am definitely taking that one") to 6.')
    assert speakers_of(text) == ["Ana Ruiz"]


@pytest.mark.parametrize("text, expected", [
    # a name described with 'who' and a reporting verb: the name is the speaker, the description its role
    ('Port pilots were angry.\n\nKale, a Nova Scotia native who writes poems, called the plan "a slow disaster".',
     ["Kale"]),
    ('The board heard from Ana Ruiz, a New Brunswick pilot who wrote that the tides were "late and strange".',
     ["Ana Ruiz"]),
    # no name before the description: it stays the speaker (the role rules decide what it resolves to)
    ('Port pilots were angry.\n\nOn Monday, a Nova Scotia native who writes poems called the plan "a slow disaster".',
     ["a Nova Scotia native"]),
])
def test_a_name_described_with_who_is_the_speaker(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a digest: a heading or sentence, a dash, the name, a colon, the quotation; the topic is no speaker
    ('Tom Kale runs the port.\nTIDES FAVOR KALE, BUT WIND FAVORS RUIZ - Bea Lund: “Two weeks ago the pilots '
     'were idle.” [Port Journal]', ["Bea Lund"]),
    ('TIDES FAVOR PILOTS — Bea Lund: “The pilots were idle.”\nThe wind matters more - Carl Stone: “Now they '
     'work nights.”', ["Bea Lund", "Carl Stone"]),
    # two names after the dash: a joint finding is credited to the first named
    ('WHY PILOTS CARE - Bea Lund and Carl Stone: “We found that pilots care about tides.”', ["Bea Lund"]),
    # a spaced hyphen keeps a name apart from the words before it
    ('The tides favor Kale, but the wind favors Ruiz - Bea Lund: “Two weeks ago the pilots were idle.”',
     ["Bea Lund"]),
    # no name after the dash: a time, or lower-case words, is no label
    ('The pilots went home - on Monday: “We found that pilots care about tides.”', [None]),
])
def test_a_name_between_a_dash_and_a_colon_is_the_speaker(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # verbs of answering back and reproaching report speech as 'said' does
    ('“We are late,” Kale said. “Then hurry,” Ruiz retorted.', ["Kale", "Ruiz"]),
    ('“We are late,” Kale said. “You always are,” Ruiz chided.', ["Kale", "Ruiz"]),
    ('Ruiz met the pilots on Monday, scolding them: “You were warned twice.”', ["Ruiz"]),
    # a taunt is aimed at someone, not a report of words: as a noun or a verb it names no speaker
    ('The crowd was loud.\n\nKale ignored the taunts of “coward” from the stands, Ruiz said.', ["Ruiz"]),
    ('The crowd was loud.\n\nThe taunts of “coward” from the stands upset Kale.', []),
    ('Kale, who was fined for appearing to taunt the crowd, has been “warned about his conduct”.', []),
])
def test_verbs_of_retort_and_reproach_report_speech(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a nationality as the cue is the named person the sentence right before was about
    ('Tom Kale praised the crew after the race.\n\n“We had the wind but it was hard,” the Dutchman said. “They sat back.”',
     ["Tom Kale", "Tom Kale"]),
    ('Ana Ruiz and Tom Kale spoke.\n\nRuiz had panicked at first, Kale said. “It was a hard week for all of us,” '
     'said the Irishman.', ["Tom Kale"]),  # the one who reports, not the one reported on
    # not when its own sentence names someone else, nor across genders, nor for a people
    ('Tom Kale won again. When Bob Ruiz shook his hand, the Australian said: “You are simply the best player here.”',
     [None]),
    ('Ana Ruiz won the race. “It was a hard day on the water for me,” said the Irishman.', [None]),
    ('Tom Kale won the race. “It was a hard day on the water for me,” said the Frenchwoman.', [None]),
    ('Tom Kale won the race. “It was a hard day on the water for us all,” said the Dutch.', [None]),
    # an epithet, with two people in the story: the one the sentence before was about
    ('Ana Ruiz lost the final to Tom Kale.\n\nKale was full of praise for Ruiz. “It was a great game from her,” '
     'said the Harbour striker.', ["Tom Kale"]),
    # ... not a title read as the sentence's subject
    ('Tom Kale and Ana Ruiz came to the show. Harbour Express is based on a book for children. “This square is '
     'like never before,” said the 48-year-old actor.', ["48-year-old actor"]),
])
def test_a_nationality_or_epithet_is_who_the_sentence_before_was_about(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a description that goes on speaking is the one the paragraph just quoted
    ('Ana Ruiz said: “He is the right man for the job.” The harbour chief continued: “I do not know what '
     'is needed but it needs a lot of work.”', ["Ana Ruiz", "Ana Ruiz"]),
    ('Ana Ruiz left the port. Tom Kale said: “We lost the ship and the crew is hurt.” But the Harbour skipper '
     'added: “We will sail again when the storm is over.”', ["Tom Kale", "Tom Kale"]),
    ('Ana Ruiz left the port. Tom Kale spoke next. “We lost the ship and the crew is hurt,” he said. “We will sail '
     'again in the spring,” went on the Harbour captain.', ["Tom Kale", "Tom Kale"]),
    # ... not a description with a verb of its own, nor one after a quotation nobody named
    ('Ana Ruiz said: “He is the right man for the job.” The harbour chief replied: “I do not know what is '
     'needed but it needs a lot of work.”', ["Ana Ruiz", "harbour chief"]),
    ('“He is the right man for the job,” a sailor said. The harbour chief continued: “I do not know what is '
     'needed but it needs a lot of work.”', ["a sailor", "harbour chief"]),
])
def test_a_description_that_goes_on_speaking_is_the_one_just_quoted(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the sentence before reports who speaks: its reporting verb, not a verb that names a thing after it
    ('Tom Kale from Harbourtech told a radio show how the group uses dishes and small tablets called slates. '
     '“The tablets connect to a base in the school. This links to a dish.”', ["Tom Kale"]),
    ('Ana Ruiz said it was hard to say when the port would open. “We have asked for help and we wait for an answer.”',
     ["Ana Ruiz"]),
    # ... an earlier 'it' is too far away to follow
    ('It found that most sailors liked the plan, though most agreed that it cost a lot. “We lose a week of work '
     'each time the port shuts.”', [None]),
    # a named person reported speaking between two quotations says the second
    ('Tom Kale says there are gains. “It is simple to set up, just a dish on the roof, but it is one way.” Ana Ruiz, '
     'who built the screens, says the aim is access for all. “Why do pupils still use old books? It is exciting.”',
     ["Tom Kale", "Ana Ruiz"]),
    # ... one only mentioned does not
    ('Tom Kale says there are gains. “It is simple to set up, just a dish on the roof, but it is one way.” Ana Ruiz '
     'built the screens last year. “Why do pupils still use old books? It is exciting to do it here.”',
     ["Tom Kale", "Tom Kale"]),
])
def test_the_sentence_before_reports_who_speaks(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name opening the sentence, described after one comma ('Tom Kale, the leader of ... said:'), is the subject
    ('Tom Kale, the leader of the dock workers said: “We had the day of long knives as the chief cut jobs.”',
     ["Tom Kale"]),
    # ... not a name in a phrase before the subject, nor a place
    ('After meeting Tom Kale, the minister said: “We will open the port again next week.”', [None]),
    ('In Harbourtown, the minister said: “We will open the port again next week.”', [None]),
])
def test_a_name_described_before_its_verb_is_the_subject(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a group described after the sentence's last comma, closing it, speaks for a phrase quoted inside it
    ('The port was shut for a week. Boat owners would be told if any “odd activity” was seen, harbour officials said.',
     ["harbour officials"]),
    # ... the same group as the sentence's subject, with a quoted word of its own, stays unattributed
    ('Harbour officials have long denied any “sickout” by the crews.', []),
])
def test_a_group_closing_the_sentence_speaks_for_its_quotation(text, expected):
    assert speakers_of(text) == expected


_RESTS = "Kale rests his stars\n\n"
_POOR = '"We were poor today," said coach Tom Kale. '


@pytest.mark.parametrize("text, expected", [
    # a cue-less quotation in the first person after a sentence about another named person is theirs
    (_RESTS + 'Harbour coach Tom Kale has kept his best players out of Friday\'s game. "We need them fresh for '
     'the cup," said captain Ana Ruiz. "It is the right call." Kale, though, wants more from the younger men. '
     '"I have seen what the senior players can do, and I want to see the rest now."',
     ["Ana Ruiz", "Ana Ruiz", "Tom Kale"]),
    # ... also when no one spoke before it
    (_RESTS + 'Ana Ruiz, head of the port board, has a view of her own on the plan. "We built this harbour for '
     'the town and we will not sell it."', ["Ana Ruiz"]),
    # negative cases: a quotation that speaks of someone as 'she', or by their surname, is not theirs
    (_RESTS + _POOR + 'Ana Ruiz missed a penalty in the first half. "She will be upset but I am not worried '
     'about her."', ["Tom Kale", "Tom Kale"]),
    (_RESTS + _POOR + 'Ana Ruiz missed a penalty in the first half. "Ruiz will learn from it and I am sure she '
     'will score next week."', ["Tom Kale", "Tom Kale"]),
    # ... nor one after a sentence about no person, or one that does not speak as 'I' or 'we'
    (_RESTS + _POOR + 'The rain fell for most of the first half. "I think it spoiled the game for both sides."',
     ["Tom Kale", "Tom Kale"]),
    (_RESTS + _POOR + 'Ana Ruiz missed a penalty in the first half. "The pitch was heavy and the ball stuck in '
     'the mud."', ["Tom Kale", "Tom Kale"]),
])
def test_a_first_person_quotation_is_the_person_the_sentence_before_was_about(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 'the paper quoted X as saying': X spoke, the paper only reported it
    ('Port row\n\nHarbour chief Ana Ruiz met the board. The Harbour Gazette quoted Ms Ruiz as saying: '
     '"We will not give up on the dredging plan."', ["Ana Ruiz"]),
    ('Port row\n\nThe Harbour Gazette quoted a port official as saying the talks were "going nowhere".',
     ["a port official"]),
    ('Port row\n\nA local radio station, quoting Tom Kale as saying the berths were "full until June", '
     'said the ships would wait.', ["Tom Kale"]),
    # negative cases: the passive keeps its subject; a paper that writes in its own words stays the speaker
    ('Port row\n\nTom Kale, the port treasurer, was quoted as saying the levy was "a fair share of the costs".',
     ["Tom Kale"]),
    ('Port row\n\nThe Harbour Gazette said the talks were "going nowhere" and quoted nobody.',
     ["Harbour Gazette"]),
])
def test_quoted_as_saying_credits_the_one_quoted(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the cue after the quotation: '," the paper quoted X as saying.'
    ('Port row\n\n"We will have to find the lowest costs we can, and that means buying abroad," the Harbour Gazette '
     'quoted port chief executive Ana Ruiz as saying.', ["Ana Ruiz"]),
    # negative case: a paper that said it in its own words
    ('Port row\n\n"The port will have to find the lowest costs it can," the Harbour Gazette said.',
     ["Harbour Gazette"]),
])
def test_quoted_as_saying_after_the_quotation(text, expected):
    assert speakers_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a cue that lost its verb, only a name the story introduced before the full stop
    ('Port row\n\n"The levy will hurt trade," says harbour analyst Tom Kale.\n\n'
     '"The port has an incredibly strong record," Mr Kale.', ["Tom Kale", "Tom Kale"]),
    ('Port row\n\nHarbour analyst Ana Ruiz spoke first.\n\n"The berths are full until June," Ms Ruiz.',
     ["Ana Ruiz"]),
    # negative cases: a name the story never introduced, and capitals that are no person
    ('Port row\n\n"The levy will hurt trade," says harbour analyst Tom Kale.\n\n'
     '"The berths are full until June," Mr Ruiz.', ["Tom Kale"]),
    ('Port row\n\n"The levy will hurt trade," says harbour analyst Tom Kale.\n\n'
     '"The berths are full until June," Harbour Board.', ["Tom Kale"]),
])
def test_cue_without_a_verb_names_an_introduced_person(text, expected):
    assert [s for s in speakers_of(text) if s] == expected



@pytest.mark.parametrize("text", [
    # negative cases of the cue without a verb: a quotation closed on no comma is a scare quote or a nickname,
    # and the name after it is no cue, however well the story introduced that person
    'Port row\n\nHarbour chief Tom Kale has rejoined the board.\n\nThe day after, a former minister warned the '
    'paper to steer away from "demonising" Mr Kale. The row went on.',
    'Port row\n\nHarbour chief Tom Kale has rejoined the board.\n\nIn the film he plays an Americanised "Tommy" '
    'Kale. The row went on.',
])
def test_name_after_a_scare_quote_is_no_cue(text):
    assert "Tom Kale" not in speakers_of(text)
