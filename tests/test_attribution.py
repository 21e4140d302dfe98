"""Attribution: statements, speakers, pronouns and titles, on the design example and on
short news sentences, one pattern at a time."""

from __future__ import annotations

import pytest

from factcheck.api import analyze_text
from factcheck.attribution.voice import voiced_records
from factcheck.model import Analysis, Claim, Document, LoadedTerm, Speaker, Statement


def _analyze(text: str, ctx, fmt: str = "text") -> Analysis:
    return analyze_text(text, ctx=ctx, input_format=fmt)


def _speaker(analysis: Analysis, name: str) -> Speaker:
    found = [s for s in analysis.speakers if s.name == name]
    assert found, f"no speaker {name!r} in {[s.name for s in analysis.speakers]}"
    return found[0]


def _said_by(analysis: Analysis, name: str) -> list[Statement]:
    sid = _speaker(analysis, name).id
    return [st for st in analysis.statements if st.speaker == sid]


def _only(analysis: Analysis) -> Statement:
    assert len(analysis.statements) == 1, [s.text for s in analysis.statements]
    return analysis.statements[0]


def _speaker_of(analysis: Analysis, st: Statement) -> Speaker:
    return next(s for s in analysis.speakers if s.id == st.speaker)


# --------------------------------------------------------------------------- design example


@pytest.fixture(scope="module")
def channel(ctx, channel_text) -> Analysis:
    return _analyze(channel_text, ctx)


def test_darmanin_speaks_in_nearly_every_statement(channel):
    darmanin = _said_by(channel, "Gerald Darmanin")
    assert _speaker(channel, "Gerald Darmanin").side == "France"
    assert len(darmanin) >= 5
    assert len(darmanin) > len(channel.statements) / 2


def test_two_direct_quotes_both_darmanin(channel):
    direct = [st for st in channel.statements if st.direct]
    assert len(direct) == 2
    darmanin = _speaker(channel, "Gerald Darmanin").id
    assert all(st.speaker == darmanin for st in direct)
    first, second = sorted(direct, key=lambda s: s.start)
    assert first.text.startswith("Britain left Europe, but not the world.")
    assert first.cue == "told reporters"
    # The quote split by "he said." is one statement with two parts.
    assert second.text.startswith("If migrants are coming to Calais")
    assert len(second.parts) == 2
    assert "Britain must take its responsibility" in second.text
    assert second.cue == "said"


def test_direct_content_excludes_the_quotation_marks(channel, channel_text):
    direct = [st for st in channel.statements if st.direct]
    for st in direct:
        for part in st.parts or ():
            assert channel_text[part.start] not in '"“”'
            assert channel_text[part.end - 1] not in '"“”'


def test_france_rejects_and_accuses_the_uk_prime_minister(channel):
    france = _speaker(channel, "France")
    assert france.kind == "collective" and france.side == "France"
    johnson = _speaker(channel, "Boris Johnson")
    accusations = [st for st in _said_by(channel, "France") if st.accusation]
    assert len(accusations) == 1
    assert accusations[0].targets == (johnson.id,)
    assert accusations[0].text.startswith("the UK prime minister of exploiting the crisis")


def test_johnson_is_reported_once_through_his_letter_and_never_quoted(channel):
    johnson = _speaker(channel, "Boris Johnson")
    assert johnson.side == "United Kingdom"
    assert johnson.role == "prime minister"  # "the UK prime minister" resolved to him
    statements = _said_by(channel, "Boris Johnson")
    assert len(statements) == 1
    assert statements[0].cue == "wrote" and not statements[0].direct
    assert "bilateral deal" in statements[0].text


def test_macron_and_patel_are_mentioned_but_silent(channel):
    macron = _speaker(channel, "Emmanuel Macron")
    patel = _speaker(channel, "Priti Patel")
    assert (macron.statements, macron.side, macron.role) == (0, "France", "president")
    assert (patel.statements, patel.side) == (0, "United Kingdom")


def test_the_story_has_two_sides(channel):
    sides = {s.side for s in channel.speakers if s.statements or s.kind == "person"}
    assert sides == {"France", "United Kingdom"}


def test_one_speaker_per_person_with_every_mention(channel):
    darmanin = _speaker(channel, "Gerald Darmanin")
    texts = [m.text for m in darmanin.mentions]
    assert texts[0] == "French Interior Minister Gerald Darmanin"
    assert texts.count("Darmanin") == 4
    assert "he" in texts  # "...," he said.
    assert darmanin.statements == len(_said_by(channel, "Gerald Darmanin"))
    assert darmanin.mentions[0].rule == "ATT010"  # the title came from the roles rule


def test_statement_fields(channel):
    for st in channel.statements:
        assert (
            st.cue_start is not None and channel.document.text[st.cue_start : st.cue_end] == st.cue
        )
        assert st.words > 0 and st.rule and st.rule.startswith("ATT")
        assert st.cue_neutral and not st.anonymous
        assert st.side == _speaker_of(channel, st).side


# --------------------------------------------------------------------------- cue patterns


def test_quote_then_speaker_and_cue(ctx):
    a = _analyze('"We will not be held hostage," the minister said.', ctx)
    st = _only(a)
    assert st.direct and st.text == "We will not be held hostage,"
    assert _speaker_of(a, st).role == "minister"


def test_inverted_cue_then_titled_speaker(ctx):
    a = _analyze('"It\'s fine," said Senator John McCain. "Much tougher than that is fine."', ctx)
    st = _only(a)
    speaker = _speaker_of(a, st)
    assert (speaker.name, speaker.role) == ("John McCain", "senator")
    assert st.direct and len(st.parts) == 2


def test_cue_colon_quote(ctx):
    a = _analyze('Darmanin said: "Britain must take its responsibility."', ctx)
    st = _only(a)
    assert st.direct and st.text == "Britain must take its responsibility."


def test_reported_speech_forward(ctx):
    a = _analyze("Darmanin said that Britain should make itself less attractive.", ctx)
    st = _only(a)
    assert not st.direct and st.text == "that Britain should make itself less attractive"


def test_reported_speech_final_frame(ctx):
    a = _analyze("It was now time London woke up, Darmanin said.", ctx)
    st = _only(a)
    assert st.text == "It was now time London woke up"
    assert _speaker_of(a, st).name == "Darmanin"


def test_told_addressee_is_not_content(ctx):
    a = _analyze("Darmanin told Britain that any deal would have to include the EU.", ctx)
    st = _only(a)
    assert st.text == "that any deal would have to include the EU"


def test_according_to_before_and_after(ctx):
    a = _analyze("According to the interior ministry, 27 people died on Wednesday.", ctx)
    st = _only(a)
    assert st.text == "27 people died on Wednesday" and st.cue == "According to"
    assert _speaker_of(a, st).kind == "organisation"
    b = _analyze("More than 1,000 migrants crossed this week, according to French officials.", ctx)
    st = _only(b)
    assert st.text == "More than 1,000 migrants crossed this week"
    speaker = _speaker_of(b, st)
    assert st.anonymous and speaker.kind == "anonymous" and speaker.side == "France"


def test_according_to_keeps_a_predicate_after_but(ctx):
    # No reporting verb precedes the content, so "but is now ..." shares its subject "he".
    text = (
        "According to Trump, he was once part of the so-called establishment, "
        "but is now the worst thing that ever happened to it."
    )
    st = _only(_analyze(text, ctx))
    assert st.text == (
        "he was once part of the so-called establishment, "
        "but is now the worst thing that ever happened to it"
    )
    # After a reporting verb the same predicate is the speaker's next act, not content.
    a = _analyze("Sanders said he would vote for Clinton, but has not endorsed her.", ctx)
    assert a.statements[0].text == "he would vote for Clinton"


def test_participle_saying_has_the_clause_subject(ctx):
    a = _analyze(
        "Darmanin told Britain that any deal must include the EU, saying France is ready to talk.",
        ctx,
    )
    assert [st.cue for st in a.statements] == ["told", "saying"]
    assert len({st.speaker for st in a.statements}) == 1
    assert a.statements[1].text == "France is ready to talk"


def test_accused_of_targets_the_object(ctx):
    a = _analyze(
        "Labour leader Keir Starmer accused Prime Minister Rishi Sunak of losing control.", ctx
    )
    st = _only(a)
    assert st.accusation and st.targets == (_speaker(a, "Rishi Sunak").id,)
    assert _speaker_of(a, st).name == "Keir Starmer"


def test_in_a_statement_with_no_other_cue(ctx):
    a = _analyze("In a statement, the interior ministry published new figures on crossings.", ctx)
    st = _only(a)
    assert st.cue == "In a statement" and st.text == "new figures on crossings"


def test_name_colon_quote(ctx):
    a = _analyze('Gerald Darmanin: "Britain must take its responsibility."', ctx)
    st = _only(a)
    assert st.cue == ":" and st.direct and _speaker_of(a, st).name == "Gerald Darmanin"


@pytest.mark.parametrize(
    ("text", "last"),
    [
        # the quotation goes on in the next paragraph
        ('"We need to work seriously on these questions," Darmanin told reporters.\n\n'
         '"Britain must take its responsibility and limit its economic attractiveness."\n',
         "limit its economic attractiveness."),
        # a long frame with a quoted title in it still ends before the second quotation
        ("\u201cWe\u2019re not winning, but it\u2019s too soon to say that,\u201d Clinton said "
         "on ABC\u2019s \u201cThis Week\u201d on Sunday. \u201cI think that\u2019s what "
         "we\u2019ll hear from the president.\u201d\n", "hear from the president."),
    ],
)  # fmt: skip
def test_quote_continued_after_its_frame(ctx, text, last):
    st = _only(_analyze(text, ctx))
    assert st.direct and len(st.parts) == 2
    assert st.text.endswith(last)


def test_quote_continues_after_a_participle_in_its_frame(ctx):
    text = (
        '"You\'re down to the number of people you can count," Buchanan said, noting that '
        'Manafort did not lose a single delegate. "If you\'re not tough, you will lose."\n'
    )
    a = _analyze(text, ctx)
    direct = [st for st in a.statements if st.direct]
    assert len(direct) == 1 and len(direct[0].parts) == 2
    assert direct[0].text.endswith("you will lose.")
    noting = [st for st in a.statements if st.cue == "noting"]
    assert noting and noting[0].speaker == direct[0].speaker


def test_next_quote_with_its_own_frame_is_its_own_statement(ctx):
    text = (
        '"To think of her being their boss, I don\'t think so," Trump said, before '
        'turning to the generals. "I know what they are thinking," he continued.\n'
    )
    a = _analyze(text, ctx)
    assert [(st.cue, st.text) for st in a.statements if st.direct] == [
        ("said", "To think of her being their boss, I don't think so,"),
        ("continued", "I know what they are thinking,"),
    ]
    b = _analyze('"This debate is misleading," he said. "It is not for them," he added.\n', ctx)
    assert [(st.cue, st.text) for st in b.statements] == [
        ("said", "This debate is misleading,"),
        ("added", "It is not for them,"),
    ]


def test_nyt_quote_then_described_speaker(ctx):
    a = _analyze(
        "''It's just long and tiring,'' Tina Tchen, Mrs. Obama's chief of staff, said in an "
        "interview.",
        ctx,
    )
    st = _only(a)
    assert st.direct and st.text == "It's just long and tiring,"


def test_quote_paragraph_after_reported_speech_is_the_same_speaker(ctx):
    text = (
        "Darmanin said Britain should make itself less attractive to migrants.\n\n"
        '"Britain must take its responsibility and limit its economic attractiveness."\n'
    )
    a = _analyze(text, ctx)
    assert len(a.statements) == 2
    reported, quote = a.statements
    assert quote.direct and quote.cue is None and quote.speaker == reported.speaker


def test_parenthetical_frame(ctx):
    a = _analyze("The deal, Darmanin said, would have to include the European Union.", ctx)
    st = _only(a)
    assert len(st.parts) == 2
    assert st.text == "The deal would have to include the European Union"


def test_reported_content_stops_before_the_reporters_relative_clause(ctx):
    a = _analyze(
        "Clinton said she would be interviewed by the FBI, which is conducting its own probe.",
        ctx,
    )
    assert _only(a).text == "she would be interviewed by the FBI"


def test_reported_content_stops_before_a_new_clause_after_comma_but(ctx):
    a = _analyze(
        "Sanders called on the administration to block the deal, but Democrats weren't the "
        "only ones worried.",
        ctx,
    )
    assert _only(a).text == "the administration to block the deal"


def test_settings_between_cue_and_content(ctx):
    for text, content in (
        ("Sanders said Sunday in Madison, Wisconsin, that he was hoping for a large turnout.",
         "that he was hoping for a large turnout"),
        ("In an interview on CBS's \"Face the Nation,\" Paul Ryan said the shootings demand "
         "more listening.", "the shootings demand more listening"),
        ("The law is an insult to all Americans, top black lawmakers said Friday afternoon.",
         "The law is an insult to all Americans"),
    ):  # fmt: skip
        assert _only(_analyze(text, ctx)).text == content, text


def test_cognition_verb_with_a_bare_noun_phrase_clause(ctx):
    a = _analyze(
        "Many officials believe meaningful debt relief is possible only in bankruptcy.", ctx
    )
    assert _only(a).text == "meaningful debt relief is possible only in bankruptcy"


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "content"),
    [
        # the subject past "been" and "long"
        ("Other advisers have been urging the governor to default on the debt.",
         "urging", "advisers", "the governor to default on the debt"),
        ("Protesters have been demanding that police release the video.",
         "demanding", "Protesters", "that police release the video"),
        ("Sanders has long called for a higher minimum wage.",
         "called for", "Sanders", "a higher minimum wage"),
        # the subject before a dashed aside
        ("Murphy \u2014 after a knock-on-wood gesture \u2014 told reporters he would run.",
         "told reporters", "Murphy", "he would run"),
        ("Senator Jon Tester \u2014 who leads the Democrats' Senate campaign arm \u2014 said "
         "it is important to close the gap.", "said", "Jon Tester",
         "it is important to close the gap"),
        # a form that is never a noun is the verb after a possessor or before a cue noun
        ("Rival Hillary Clinton's campaign says it raised $15 million in January.",
         "says", "Rival Hillary Clinton's campaign", "it raised $15 million in January"),
        ("A Democratic aide said comments from Rice were consistent with her statements.",
         "said", "Democratic aide", "comments from Rice were consistent with her statements"),
        ("Democrats -- including Clinton -- quickly accused Trump of suggesting violence.",
         "accused", "Democratic Party", "Trump of suggesting violence"),
        ("Donald Trump - who once vowed to bomb the oil fields - said the borders should "
         "close.", "said", "Donald Trump", "the borders should close"),
        # a long subject in the reported clause
        ("Chris Christie hopes his latest celebrity endorsement before the New Hampshire "
         "primary will give him a boost.", "hopes", "Chris Christie",
         "his latest celebrity endorsement before the New Hampshire primary will give him "
         "a boost"),
        # a setting between a past form and its that-clause
        ("Stenger announced in a statement this month that he had reached a settlement.",
         "announced", "Stenger", "that he had reached a settlement"),
        # a state of mind with a that-clause
        ("The Mexican government is worried that the rhetoric could hurt tourism.",
         "is worried", "Mexican government", "that the rhetoric could hurt tourism"),
        ("Her advisers are not convinced that his message will work with the broader "
         "electorate.", "are not convinced", "advisers",
         "that his message will work with the broader electorate"),
        ("Tester did express concern that donors would divert money to Senate races.",
         "express concern", "Tester", "that donors would divert money to Senate races"),
    ],
)  # fmt: skip
def test_cue_speaker_and_content(ctx, text, cue, speaker, content):
    a = _analyze(text, ctx)
    st = _only(a)
    assert (st.cue, st.text) == (cue, content)
    assert _speaker_of(a, st).name == speaker


def test_a_second_verb_with_the_same_subject_after_but(ctx):
    text = "Clinton says voters may not like it, but insists Sanders is mounting a phony attack."
    a = _analyze(text, ctx)
    assert [(st.cue, st.text) for st in a.statements] == [
        ("says", "voters may not like it"),
        ("insists", "Sanders is mounting a phony attack"),
    ]
    assert len({st.speaker for st in a.statements}) == 1
    assert _analyze("Speeches and promises were made at the rally.", ctx).statements == ()


def test_a_plural_cue_after_a_possessor_is_a_noun(ctx):
    for text in ("Trump's claims were false.", "News reports of his claims spread quickly."):
        assert _analyze(text, ctx).statements == (), text


def test_a_state_of_mind_needs_a_that_clause(ctx):
    for text in (
        "He was convinced to run by his donors.",
        "She expressed concern about the bill.",
    ):
        assert _analyze(text, ctx).statements == (), text


def test_a_cue_with_its_own_subject_after_but_is_not_nested(ctx):
    a = _analyze(
        "Mr. Trump, who previously questioned whether the judge was biased, said Friday that "
        "the judge happens to be Mexican. Few politicians would admit this, but Sen. Chris "
        "Murphy says he was unfocused after being elected.",
        ctx,
    )
    texts = [st.text for st in a.statements]
    assert texts == [
        "whether the judge was biased",
        "that the judge happens to be Mexican",
        "this",
        "he was unfocused after being elected",
    ]


def test_said_of_a_topic(ctx):
    for text, content, direct in (
        ("The minister said of the plan that it would fail.", "that it would fail", False),
        ('"They are not ideological," Crane said of Johnson and Weld.',
         "They are not ideological,", True),
        ('Trump said of Clinton: "She is a disaster."', "She is a disaster.", True),
        ('"It is enough to keep him on top," said Phil Musser of digital consulting firm IMGE.',
         "It is enough to keep him on top,", True),
    ):  # fmt: skip
        st = _only(_analyze(text, ctx))
        assert (st.text, st.direct) == (content, direct), text


def test_told_never_inverts(ctx):
    a = _analyze(
        '"Yes, I support Ted Cruz," Brent Bozell, founder of the Media Research Center, tells '
        "Breitbart News.",
        ctx,
    )
    st = _only(a)
    assert st.direct and st.text == "Yes, I support Ted Cruz,"
    assert _speaker_of(a, st).name == "Brent Bozell"


def test_dates_between_cue_and_content(ctx):
    for text, content in (
        ("It effectively disbanded after the 2008 election, Politico reported in 2014.",
         "It effectively disbanded after the 2008 election"),
        ("The Post reported on March 3, 2015, that he had left.", "that he had left"),
    ):  # fmt: skip
        assert _only(_analyze(text, ctx)).text == content, text


def test_cue_after_continued_to(ctx):
    a = _analyze("Trump continued to question whether Cruz was eligible.", ctx)
    st = _only(a)
    assert (st.text, _speaker_of(a, st).name) == ("whether Cruz was eligible", "Trump")


def test_second_cue_and_participles_after_a_subordinator(ctx):
    a = _analyze(
        "Tapper told O'Connor that the news was troubling, before noting that Brazile is a "
        'good person. Boreing said the members will still meet, but said, "It is time we '
        'change how we do it."',
        ctx,
    )
    texts = [st.text for st in a.statements]
    assert texts == [
        "that the news was troubling",
        "that Brazile is a good person",
        "the members will still meet",
        "It is time we change how we do it.",
    ]
    assert len({st.speaker for st in a.statements[:2]}) == 1


def test_apposition_after_an_inverted_speaker_is_not_content(ctx):
    a = _analyze(
        "Clinton has a strong ground game, said Mindy Romero, director of the California "
        "Civic Engagement Project.",
        ctx,
    )
    assert _only(a).text == "Clinton has a strong ground game"


def test_participles_after_a_quote_a_dash_or_fronted(ctx):
    a = _analyze(
        'Trump delivered a defense of "New York values," saying the city embodied America. '
        "Citing the attack as a wake-up call, Bush said voters must choose carefully.",
        ctx,
    )
    assert [st.text for st in a.statements] == [
        "the city embodied America",
        "the attack as a wake-up call",
        "voters must choose carefully",
    ]
    assert a.statements[1].speaker == a.statements[2].speaker is not None


def test_one_in_five_say(ctx):
    a = _analyze("One in five say they are less likely to vote Republican.", ctx)
    assert _only(a).text == "they are less likely to vote Republican"


def test_nyt_style_quotation_marks(ctx):
    a = _analyze("''He is running a parallel campaign,'' said Senator Tim Scott.", ctx)
    st = _only(a)
    assert st.direct and st.text == "He is running a parallel campaign,"


def test_party_label_and_appositions_before_the_cue(ctx):
    for text, name, content in (
        ("Gov. Phil Bryant (R) said he expects an appeal of the ruling.", "Phil Bryant",
         "he expects an appeal of the ruling"),
        ("Rep. Elijah Cummings (D-Md.), chair of the Platform Committee, said the process "
         "was open.", "Elijah Cummings", "the process was open"),
        ("The state's campaign chairman, Phil Lovas, said he cannot comment on the letter.",
         "Phil Lovas", "he cannot comment on the letter"),
        ("Dunwoody, who worked as a campaign staffer for Barack Obama in 2008, said tensions "
         "were high.", "Dunwoody", "tensions were high"),
    ):  # fmt: skip
        a = _analyze(text, ctx)
        st = _only(a)
        assert (st.text, _speaker_of(a, st).name) == (content, name), text


def test_quote_then_named_speaker_with_a_description(ctx):
    a = _analyze(
        "\"It's just long and tiring,\" Tina Tchen, Mrs. Obama's chief of staff, said in an "
        "interview.",
        ctx,
    )
    st = _only(a)
    assert st.direct and _speaker_of(a, st).name == "Tina Tchen"


def test_inverted_cue_then_role_and_name(ctx):
    a = _analyze('"The Department is committed to transparency," said spokesman John Kirby.', ctx)
    st = _only(a)
    assert st.direct and _speaker_of(a, st).name == "John Kirby"


def test_content_before_a_described_speaker(ctx):
    a = _analyze(
        "Facebook created the tool to help in times of crisis, a spokeswoman, Anna White, "
        "said on Saturday.",
        ctx,
    )
    st = _only(a)
    assert st.text == "Facebook created the tool to help in times of crisis"
    assert _speaker_of(a, st).name == "Anna White"


def test_evidential_and_passive_cues_have_the_clause_and_no_speaker(ctx):
    for text, content in (
        ("But the race seemed to be Sanders's to lose.", "the race seemed to be Sanders's to lose"),
        ("Beneath the pyrotechnics, Mr. Putin seemed most concerned with the economy.",
         "Mr. Putin seemed most concerned with the economy"),
        ("Obama is expected to join Clinton on the campaign trail soon.",
         "Obama is expected to join Clinton on the campaign trail soon"),
        ("The primaries, which appeared likely to settle little, ended in June.",
         "which appeared likely to settle little"),
        ("It seems that Gowdy is correct.", "Gowdy is correct"),
    ):  # fmt: skip
        st = _only(_analyze(text, ctx))
        assert (st.text, st.speaker, st.rule) == (content, None, "ATT009"), text
    for text in ("She appeared on Fox News on Sunday.", "Clinton is expected in Iowa on Monday."):
        assert _analyze(text, ctx).statements == (), text


def test_a_question_put_to_someone_is_the_askers_statement(ctx):
    for text, content in (
        ("Asked in Iowa recently whether he would support Donald Trump, Rubio gave a "
         "roundabout answer.", "whether he would support Donald Trump"),
        ("But when asked how she would define the establishment, Deacon fought back.",
         "how she would define the establishment"),
        ("Sanders was asked by a reporter whether his aim was similar to Kennedy's.",
         "whether his aim was similar to Kennedy's"),
    ):  # fmt: skip
        st = _only(_analyze(text, ctx))
        assert (st.text, st.cue.lower()) == (content, "asked"), text
    a = _analyze("She asked Richards what impact the law has had on the women of Texas.", ctx)
    assert _only(a).text == "what impact the law has had on the women of Texas"


def test_not_a_statement(ctx):
    for text in (
        "The company added 200 jobs in March.",
        "She declined to say whether the plan would pass.",
        "The claims were rejected by the court.",
        "France responded by cancelling an invitation to the meeting.",
        "The think tank published a report.",
        "Two men were arrested on Friday.",
    ):
        assert _analyze(text, ctx).statements == (), text


# --------------------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    ("text", "content"),
    [
    ("Trump's claim that thousands had celebrated was false.", "that thousands had celebrated"),
    ("Trump's claim that he had been wiretapped by Obama is false.",
         "that he had been wiretapped by Obama"),
    ("Trump's claim that the vote was rigged has been rejected by courts.",
         "that the vote was rigged"),
    ("Trump's claim that crowds had cheered and danced was false.",
         "that crowds had cheered and danced"),
    ("Trump's pledge to build a wall won votes.", "to build a wall"),
        ("But Trump's claim that the deal was signed in secret was never proven.",
         "that the deal was signed in secret"),
    ],
)  # fmt: skip
def test_a_nominal_cue_in_subject_position_ends_before_the_main_verb(ctx, text, content):
    a = _analyze(text, ctx)
    statements = [st for st in a.statements if st.cue in ("claim", "pledge")]
    assert [st.text for st in statements] == [content]
    assert _speaker_of(a, statements[0]).name == "Trump"


def test_the_possessor_of_a_nominal_cue_after_an_irregular_past_verb(ctx):
    a = _analyze("Voters heard Trump's claim that the deal was signed in secret.", ctx)
    statements = [st for st in a.statements if st.cue == "claim"]
    assert _speaker_of(a, statements[0]).name == "Trump"  # not "Voters heard Trump"


def test_a_nominal_cue_in_object_position_keeps_its_whole_complement(ctx):
    a = _analyze("The ad repeated Trump's claim that the deal was signed and was kept secret.", ctx)
    statements = [st for st in a.statements if st.cue == "claim"]
    assert [st.text for st in statements] == ["that the deal was signed and was kept secret"]


def test_pronoun_resolves_to_the_previous_speaker(ctx):
    text = (
        "British Interior Minister Priti Patel met her French counterpart on Sunday. "
        "Gerald Darmanin said the talks were useful. He said Britain should act."
    )
    a = _analyze(text, ctx)
    darmanin = _speaker(a, "Gerald Darmanin")
    assert [st.speaker for st in a.statements] == [darmanin.id, darmanin.id]
    assert any(m.kind == "pronoun" and m.text == "He" for m in darmanin.mentions)


def test_pronoun_gender_from_the_title(ctx):
    text = "Spokeswoman Anna Lopez and Senator John Smith met voters. She said the bill would pass."
    a = _analyze(text, ctx)
    st = _only(a)
    assert _speaker_of(a, st).name == "Anna Lopez"


_KASICH = (
    "Jeb Bush said on Monday that Donald Trump was a loser. He said the race was far "
    "from over.\n\n"
    "Gov. John Kasich took a different tack from the other Republicans, continuing with "
    'his positive theme. "You have to unite people," he said at a town hall.'
)


@pytest.mark.parametrize(
    ("text", "opening", "name"),
    [
        # "he" was Bush: the previous statement's speaker, made male by an earlier "He".
        (_KASICH, "You have to unite", "John Kasich"),
        (_KASICH, "the race", "Jeb Bush"),
        # A subject pronoun is not the person named after it in its sentence.
        ("Hillary Clinton sharpened her knife to bloody Bernie Sanders on Monday. "
         "He has accused Clinton of being too close to Wall Street.",
         "Clinton of", "Bernie Sanders"),
        # A possessor is a weaker antecedent than the subject it modifies.
        ("Barack Obama's old rival, John McCain, hurled the kitchen sink at Bernie Sanders. "
         '"I have to be careful what I say," he said.', "I have to", "John McCain"),
        # A name in a fronted adjunct is not the subject.
        ("With a vote for Donald Trump ruled out, Ken Cross said he would vote for Hillary "
         'Clinton, whom he called "the most divisive figure in 25 years."', "the most",
         "Ken Cross"),
    ],
)  # fmt: skip
def test_pronoun_speaker_is_the_nearest_subject(ctx, text, opening, name):
    a = _analyze(text, ctx)
    st = next(st for st in a.statements if st.text.startswith(opening))
    assert _speaker_of(a, st).name == name


def test_pronoun_with_nobody_in_the_last_paragraphs_stays_unattributed(ctx):
    text = (
        "Donald Trump spoke in Salem on Monday.\n\n"
        "The snowstorm closed schools across the state.\n\n"
        "Turnout was high despite the weather.\n\n"
        '"We will win this state," he said.'
    )
    a = _analyze(text, ctx)
    assert _only(a).speaker is None


def test_pronoun_with_nobody_near_is_the_previous_speaker_a_few_paragraphs_back(ctx):
    text = (
        "Judge Patti Saris said the deportations must stop.\n\n"
        "The ruling affects dozens of families in New Hampshire.\n\n"
        "Snow fell across the state on Monday.\n\n"
        "She said the government could still appeal."
    )
    a = _analyze(text, ctx)
    appeal = next(st for st in a.statements if st.text.startswith("the government"))
    assert _speaker_of(a, appeal).name == "Patti Saris"


def test_reporters_words_after_a_missing_space_are_not_the_last_statement(ctx):
    judge = "Judge Patti Saris still thinks that she can review the decision as well."
    reporter = "In fact, her actions resemble those of a judge who aided an illegal alien."
    a = _analyze(judge + reporter, ctx)  # no space between the two sentences
    assert _only(a).text.endswith("as well")
    term = next(t for t in a.loaded if t.text == "illegal alien")
    assert (term.voice, term.speaker) == ("reporter", None)


def test_definite_title_is_the_person_just_named_not_one_titled_paragraphs_ago(ctx):
    text = (
        "Sen. Bernie Sanders held a rally in Manchester.\n\n"
        "Debate performances shifted the race over the weekend.\n\n"
        "Marco Rubio stopped by his campaign headquarters in Manchester. Walking into the office "
        'to chants of "Marco! Marco!," the senator said his campaign was "closing strong."'
    )
    a = _analyze(text, ctx)
    st = _only(a)  # the chant is not a statement of the senator
    assert st.text == 'his campaign was "closing strong."'
    rubio = _speaker_of(a, st)
    assert rubio.name == "Marco Rubio" and rubio.role == "senator"


def test_contracted_pronoun_is_a_pronoun_not_a_speaker_named_after_it(ctx):
    a = _analyze("I've argued that the disclosure rules go too far.", ctx)
    assert _only(a).speaker is None and a.speakers == ()
    text = "Mayor Anne Hidalgo spoke on Monday. She’d said that the plan would fail."
    a = _analyze(text, ctx)
    assert _speaker_of(a, _only(a)).name == "Anne Hidalgo"


def test_role_description_resolves_through_the_article_title(ctx):
    text = (
        "French Interior Minister Gerald Darmanin met counterparts in Calais. "
        "The minister said Britain should act."
    )
    a = _analyze(text, ctx)
    st = _only(a)
    darmanin = _speaker_of(a, st)
    assert darmanin.name == "Gerald Darmanin"
    assert "The minister" in [m.text for m in darmanin.mentions]


# Words before a title that narrow it: the name after the title is the speaker.
_TITLED_NAMES = [
    ("council leader Mary Smith said the budget was balanced.", "Mary Smith", "leader"),
    ("Council leader Mary Smith said the budget was balanced.", "Mary Smith", "leader"),
    ("Union leader Jane Doe said the strike would go ahead.", "Jane Doe", "leader"),
    ("Local resident Jane Doe said the road had flooded twice.", "Jane Doe", "resident"),
    ("Headteacher Jane Doe said the school would reopen.", "Jane Doe", "headteacher"),
    ('Opposition councillor Tom Brown called the plan a "disgraceful waste".', "Tom Brown",
     "councillor"),
    ("Ohio Gov. John Kasich said the race was wide open.", "John Kasich", "governor"),
    ("Trump's lawyer Michael Cohen said the payment was legal.", "Michael Cohen", "lawyer"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "name", "role"), _TITLED_NAMES)
def test_words_before_a_title_narrow_it_and_the_name_speaks(ctx, text, name, role):
    a = _analyze(text, ctx)
    speaker = _speaker_of(a, _only(a))
    assert (speaker.name, speaker.role) == (name, role)


def test_a_preposition_before_a_titled_name_keeps_it_out_of_the_speaker(ctx):
    a = _analyze("Critics of council leader Mary Smith said the plan would fail.", ctx)
    assert _speaker_of(a, _only(a)).name != "Mary Smith"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Pop star Taylor Swift said she would vote in the midterms.", "Taylor Swift"),
        ("Real estate tycoon Donald Trump said he had doubts about the deal.", "Donald Trump"),
        ("The real estate tycoon Donald Trump said he had doubts about the deal.", "Donald Trump"),
        ("Billionaire investor Warren Buffett said the tax was fair.", "Warren Buffett"),
    ],
)
def test_a_description_before_a_full_name_leaves_the_name_as_speaker(ctx, text, name):
    a = _analyze(text, ctx)
    assert _speaker_of(a, _only(a)).name == name


def test_a_name_after_a_conjunction_is_not_a_described_speaker(ctx):
    a = _analyze("Democrats and Hillary Clinton said the bill was wrong.", ctx)
    assert _only(a).speaker is None  # two speakers at once, not Clinton alone


def test_surname_joins_the_full_name(ctx):
    a = _analyze("Senator John McCain spoke on Monday. McCain said the party was angry.", ctx)
    st = _only(a)
    mccain = _speaker_of(a, st)
    assert mccain.name == "John McCain" and "McCain" in mccain.aliases


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('"We will appeal," said Human Rights Watch.', "Human Rights Watch"),
        ("Amnesty International said the trial was unfair.", "Amnesty International"),
        (
            "The Syrian Observatory for Human Rights said 27 people died.",
            "Syrian Observatory for Human Rights",
        ),
    ],
)
def test_named_organisations_speak_as_organisations(text, name, ctx):
    a = _analyze(text, ctx)
    speaker = _speaker_of(a, _only(a))
    assert (speaker.name, speaker.kind) == (name, "organisation")


def test_a_title_case_run_with_a_capital_connector_is_not_people(ctx):
    a = _analyze("Final Orders Of Removal were served. The judge said they were lawful.", ctx)
    assert [(sp.name, sp.kind) for sp in a.speakers] == [("judge", "person")]


def test_a_cue_word_modified_by_a_participle_is_a_noun_and_the_trailing_said_wins(ctx):
    text = "Hospitals are under siege from rising demand, the NHS Confederation said."
    a = _analyze(text, ctx)
    st = _only(a)
    assert (st.cue, _speaker_of(a, st).name) == ("said", "NHS Confederation")
    assert text[st.start : st.end] == "Hospitals are under siege from rising demand"
    (term,) = a.loaded  # "under siege": the Confederation's words, not the reporter's
    assert (term.voice, a.speaker_name(term.speaker)) == ("paraphrased", "NHS Confederation")
    a = _analyze("Amid growing calls for his resignation, the minister said he would stay.", ctx)
    st = _only(a)
    assert (st.cue, _speaker_of(a, st).role) == ("said", "minister")


def test_only_a_definite_description_before_a_name_between_commas_is_its_title(ctx):
    a = _analyze("In a letter to the minister, John Smith said the plan would fail.", ctx)
    assert _speaker_of(a, _only(a)).role is None  # not "the minister, John Smith,"
    a = _analyze("The health secretary, Victoria Atkins, said the plan would fail.", ctx)
    assert _speaker_of(a, _only(a)).role == "health secretary"


def test_spokesperson_for_an_organisation(ctx):
    a = _analyze("A spokesperson for the European Commission said the rules would apply.", ctx)
    st = _only(a)
    speaker = _speaker_of(a, st)
    assert speaker.role == "spokesperson"
    assert speaker.affiliation == "European Union" and speaker.side == "European Union"
    assert not st.anonymous


def test_anonymous_sources(ctx):
    for text, phrase in (
        ("Officials familiar with the matter said the deal was close.", "Officials familiar"),
        ("Critics say the plan will fail.", "Critics"),
        ("A source close to the minister said he would resign.", "A source close"),
    ):
        a = _analyze(text, ctx)
        st = _only(a)
        assert st.anonymous, text
        assert a.document.text[st.speaker_start : st.speaker_end].startswith(phrase)
    named = _analyze("The interior minister said the deal was close.", ctx)
    assert not _only(named).anonymous


# --------------------------------------------------------------------------- checks


def test_anonymous_source_finding(ctx):
    a = _analyze("Officials familiar with the matter said the deal was close.", ctx)
    findings = [f for f in a.findings if f.rule == "ATT020"]
    assert len(findings) == 1
    assert a.document.text[findings[0].start : findings[0].end] == (
        "Officials familiar with the matter"
    )


def test_loaded_attribution_verb_in_the_reporters_voice(ctx):
    a = _analyze("The minister asserted that the figures were wrong.", ctx)
    st = _only(a)
    assert not st.cue_neutral
    findings = [f for f in a.findings if f.rule == "ATT021"]
    assert len(findings) == 1 and "said" in findings[0].message
    neutral = _analyze("The minister said that the figures were wrong.", ctx)
    assert not [f for f in neutral.findings if f.rule == "ATT021"]


# --------------------------------------------------------------------------- voice


def _hand_made(direct: bool) -> Analysis:
    text = "Darmanin said London was exploiting the crisis and 27 people died."
    doc = Document(path="<t>", format="text", text=text, view=text)
    start = text.index("London")
    statement = Statement(
        id="ST1", start=start, end=len(text) - 1, text=text[start:-1], speaker="S1",
        side="France", cue="said", cue_start=9, cue_end=13, direct=direct, words=9,
    )  # fmt: skip
    loaded_at = text.index("exploiting")
    term = LoadedTerm(
        id="L1", start=loaded_at, end=loaded_at + 10, text="exploiting", term="exploit",
        category="judgement", severity="warning", suggestion="using", why=None, rule="LL007",
    )  # fmt: skip
    reporter_term = LoadedTerm(
        id="L2", start=0, end=8, text="Darmanin", term="x", category="test",
        severity="info", suggestion=None, why=None, rule="LL000",
    )  # fmt: skip
    claim_at = text.index("27")
    claim = Claim(id="C1", start=claim_at, end=claim_at + 9, text="27 people", kind="count",
                  value=27.0)  # fmt: skip
    return Analysis(
        document=doc,
        speakers=(Speaker(id="S1", name="Gerald Darmanin", side="France"),),
        statements=(statement,),
        loaded=(term, reporter_term),
        claims=(claim,),
    )


def complete_voice(analysis: Analysis) -> Analysis:
    loaded, claims = voiced_records(analysis.statements, analysis.loaded, analysis.claims)
    return analysis.evolve(loaded=loaded, claims=claims)


def test_voice_of_loaded_terms_and_claims_inside_a_statement():
    done = complete_voice(_hand_made(direct=False))
    term, outside = done.loaded
    assert (term.voice, term.speaker) == ("paraphrased", "S1")
    assert (outside.voice, outside.speaker) == ("reporter", None)
    claim = done.claims[0]
    assert (claim.status, claim.source, claim.speaker, claim.voice) == (
        "sourced", "speaker", "S1", "paraphrased",
    )  # fmt: skip
    quoted = complete_voice(_hand_made(direct=True))
    assert quoted.loaded[0].voice == "quoted" and quoted.claims[0].voice == "quoted"


def test_quotation_marks_inside_reported_speech_stay_quoted(ctx):
    tweet = '"you aren\'t just a loser, you are a liar and a whiner."'
    a = _analyze(f"Bush offered a Trump-style retort, tweeting at him that {tweet}", ctx)
    st = _only(a)
    assert not st.direct and st.speaker is not None
    inside = [t for t in a.loaded if st.start <= t.start < st.end]
    assert inside and all(t.voice == "quoted" and t.speaker == st.speaker for t in inside)


def test_held_hostage_in_the_saying_clause_is_darmanins_paraphrase(channel, channel_text):
    line = channel_text.splitlines()[2]
    at = channel_text.index(line) + line.index("held hostage")
    term = next(t for t in channel.loaded if t.start == at)
    assert term.voice == "paraphrased"
    assert term.speaker == _speaker(channel, "Gerald Darmanin").id


@pytest.mark.parametrize(
    ("text", "word", "speaker"),
    [
        ("Calling it potentially one of the biggest scams in the history of politics, Trump "
         "said he would like Obama to show his birth certificate.", "scams", "Trump"),
        ("On Monday, Clinton tried to turn the tables, portraying Sanders as hypocritical "
         'because he had accepted "about $200,000" from Wall Street firms.', "hypocritical",
         "Clinton"),
    ],
)  # fmt: skip
def test_a_participle_frame_makes_its_loaded_words_a_paraphrase(ctx, text, word, speaker):
    a = _analyze(text, ctx)
    term = next(t for t in a.loaded if t.text == word)
    assert term.voice == "paraphrased" and term.speaker == _speaker(a, speaker).id


def test_a_past_tense_predicate_after_a_saying_clause_is_the_reporters(ctx):
    a = _analyze("Trump attacked Bush on Monday, saying he was weak, and called for a ban.", ctx)
    saying = next(st for st in a.statements if st.cue == "saying")
    assert saying.text == "he was weak"
    assert not _analyze("The actor who portrayed Lincoln won an award.", ctx).statements


def test_voice_completion_in_the_pipeline(ctx):
    a = _analyze('"London is exploiting the crisis," Darmanin said.', ctx)
    st = _only(a)
    inside = [t for t in a.loaded if st.start <= t.start < st.end]
    assert inside and all(t.voice == "quoted" and t.speaker == st.speaker for t in inside)
