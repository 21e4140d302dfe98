"""Balance, right of reply, tone and the balance checks, on hand-built attribution layers.

The attribution layer (speakers, statements) is built by hand here from real news
sentences, so these tests pin the scoring definitions whatever attribution finds;
the design example is tested end to end at the bottom.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import segment
from factcheck.context import Context, Options, Thresholds
from factcheck.ingest import document_from_text
from factcheck.model import (
    Analysis,
    Balance,
    LoadedTerm,
    Mention,
    SideBalance,
    Speaker,
    Statement,
)
from factcheck.render.summary import render_summary
from factcheck.ruleset import Examples, Rule, RuleSet
from factcheck.scoring import annotate
from factcheck.scoring.balance import (
    FORMULA,
    balance_score,
    compute_balance,
    evenness,
    no_score_reason,
)
from factcheck.scoring.checks import (
    accused_without_reply,
    applied_thresholds,
    lede,
    low_balance,
    threshold,
    too_many_reporter_loaded,
)
from factcheck.scoring.tone import build_vader, compound

# --- helpers -------------------------------------------------------------------------


def segmented(text: str, ctx: Context) -> Analysis:
    doc = document_from_text(text, input_format="text")
    return segment.annotate(Analysis(document=doc), ctx)


def find(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def speaker(text: str, sid: str, name: str, side: str | None, *names: str) -> Speaker:
    """A speaker mentioned by every occurrence of each of ``names`` in ``text``."""
    mentions: list[Mention] = []
    for n in names or (name,):
        start = text.find(n)
        while start != -1:
            end = start + len(n)
            if not any(m.start < end and start < m.end for m in mentions):
                mentions.append(Mention(start, end, n))
            start = text.find(n, start + 1)
    mentions.sort(key=lambda m: m.start)
    return Speaker(id=sid, name=name, side=side, mentions=tuple(mentions))


def statement(
    text: str,
    sid: str,
    speaker_id: str,
    side: str | None,
    content: str,
    cue: str,
    *,
    direct: bool = False,
    accusation: bool = False,
    targets: tuple[str, ...] = (),
) -> Statement:
    start, end = find(text, content)
    cue_start, cue_end = find(text, cue)
    return Statement(
        id=sid,
        start=start,
        end=end,
        text=content,
        speaker=speaker_id,
        side=side,
        cue=cue,
        cue_start=cue_start,
        cue_end=cue_end,
        direct=direct,
        words=len(content.split()),
        accusation=accusation,
        targets=targets,
    )


def loaded(
    text: str,
    needle: str,
    *,
    voice: str = "reporter",
    speaker: str | None = None,
    category: str = "war-framing",
):
    start, end = find(text, needle)
    return LoadedTerm(
        id="l1",
        start=start,
        end=end,
        text=needle,
        term=needle,
        category=category,
        severity="warning",
        suggestion=None,
        why=None,
        rule="LL003",
        voice=voice,  # type: ignore[arg-type]
        speaker=speaker,
    )


def check_rule(check: str, params: dict | None = None) -> Rule:
    body = {"check": check, "message": "{dominant} {score}", "params": params or {}}
    return Rule(
        id="BALX01",
        name="test",
        kind="check",
        severity="warning",
        summary="s",
        description="d",
        source="test",
        link=None,
        path=Path("rules/balance/BALX01-test.yml"),
        body=body,
        examples=Examples(flag=(), pass_=()),
    )


# A two-sided exchange (real wording from a Reuters story on the Channel row).
ROW = (
    "France accused Britain of exploiting the crisis for political purposes. "
    "Interior Minister Gerald Darmanin said Britain should make itself less attractive "
    "to illegal immigrants. "
    '"Britain must take its responsibility," Darmanin said. '
    "A British government spokesman said the UK was working with France to stop the crossings. "
    "Darmanin added that talks would resume on Sunday."
)


def row_analysis(ctx: Context, *, reply: bool = True) -> Analysis:
    a = segmented(ROW, ctx)
    fr = speaker(ROW, "s1", "Gerald Darmanin", "France", "Gerald Darmanin", "Darmanin")
    fr_c = speaker(ROW, "s2", "France", "France", "France")
    uk = speaker(ROW, "s3", "British government spokesman", "UK", "British government spokesman")
    uk_c = speaker(ROW, "s4", "Britain", "UK", "Britain")
    sts = [
        statement(
            ROW,
            "t1",
            "s2",
            "France",
            "Britain of exploiting the crisis for political purposes",
            "accused",
            accusation=True,
            targets=("s4",),
        ),
        statement(
            ROW,
            "t2",
            "s1",
            "France",
            "Britain should make itself less attractive to illegal immigrants",
            "said",
        ),
        statement(
            ROW,
            "t3",
            "s1",
            "France",
            "Britain must take its responsibility,",
            "said",
            direct=True,
        ),
        statement(ROW, "t5", "s1", "France", "talks would resume on Sunday", "added"),
    ]
    if reply:
        sts.append(
            statement(
                ROW,
                "t4",
                "s3",
                "UK",
                "the UK was working with France to stop the crossings",
                "said",
            )
        )
    return a.evolve(speakers=(fr, fr_c, uk, uk_c), statements=tuple(sts))


def limits(**thresholds: float) -> Context:
    return Context(ruleset=RuleSet((), ""), options=Options(thresholds=Thresholds(**thresholds)))


@pytest.fixture(scope="module")
def plain_ctx() -> Context:
    """No rules: the scoring stage needs only options and its own lexicons."""
    return Context(ruleset=RuleSet((), ""), options=Options())


# --- the formula ---------------------------------------------------------------------


def test_even_split_scores_one_and_one_voice_scores_zero():
    assert evenness([120, 120]) == 1.0
    assert evenness([3, 3, 3]) == 1.0
    assert evenness([250, 0]) == 0.0
    assert evenness([250, 0, 0]) == 0.0


def test_two_sides_score_twice_the_smaller_share():
    assert evenness([90, 10]) == pytest.approx(0.2)
    assert evenness([2, 1]) == pytest.approx(2 / 3)


def test_three_sides_with_one_silent_is_half_balanced():
    assert evenness([100, 100, 0]) == pytest.approx(0.5)
    assert balance_score([100, 100, 0], [4, 4, 0]) == pytest.approx(0.5)


def test_score_needs_two_sides_and_some_voice():
    assert evenness([100]) is None
    assert evenness([0, 0]) is None
    assert balance_score([100], [3]) is None


def test_score_averages_words_and_statements():
    # Words even, statements 3 to 1: (1 + 0.5) / 2.
    assert balance_score([60, 60], [3, 1]) == pytest.approx(0.75)


# --- per side ------------------------------------------------------------------------


def test_sides_count_statements_quotes_words_and_order(plain_ctx):
    b = compute_balance(row_analysis(plain_ctx))
    assert b.formula == FORMULA
    fr, uk = b.sides
    assert (fr.name, uk.name) == ("France", "UK")
    assert (fr.statements, fr.direct, uk.statements, uk.direct) == (4, 1, 1, 0)
    assert fr.words == 8 + 9 + 5 + 5 and uk.words == 10
    assert fr.share == pytest.approx(27 / 37, abs=1e-4)
    assert fr.first and not uk.first  # France's accusation opens the story
    assert fr.last and not uk.last  # "Darmanin added" closes it
    assert fr.speakers == ("France", "Gerald Darmanin")
    assert uk.speakers == ("Britain", "British government spokesman")
    # (2 x 10/37 + 2 x 1/5) / 2
    assert b.score == pytest.approx((20 / 37 + 0.4) / 2, abs=1e-4)


def test_mentions_count_every_mention_of_the_sides_speakers(plain_ctx):
    b = compute_balance(row_analysis(plain_ctx))
    fr, uk = b.sides
    # "France" x2, "Gerald Darmanin", "Darmanin" x2; "Britain" x3, the spokesman.
    assert fr.mentions == 5
    assert uk.mentions == 4


def test_silent_side_counts_as_zero_voice(plain_ctx):
    a = row_analysis(plain_ctx, reply=False)
    b = compute_balance(a)
    assert [s.name for s in b.sides] == ["France", "UK"]
    assert b.sides[1].statements == 0 and b.sides[1].share == 0.0
    assert b.score == 0.0


def test_a_side_named_once_in_passing_is_not_involved(plain_ctx):
    text = (
        "Interior Minister Gerald Darmanin said France was ready to talk. "
        "The meeting in Calais was also attended by Belgium. "
        "Darmanin added that the talks would resume on Sunday."
    )
    a = segmented(text, plain_ctx)
    fr = speaker(text, "s1", "Gerald Darmanin", "France", "Gerald Darmanin", "Darmanin")
    be = speaker(text, "s2", "Belgium", "Belgium", "Belgium")
    sts = (
        statement(text, "t1", "s1", "France", "France was ready to talk", "said"),
        statement(text, "t2", "s1", "France", "the talks would resume on Sunday", "added"),
    )
    b = compute_balance(a.evolve(speakers=(fr, be), statements=sts))
    assert [s.name for s in b.sides] == ["France"] and b.score is None
    # Named in a second sentence, Belgium is part of the story and silent: zero voice.
    again = text + " Belgium has asked for a seat at the talks."
    a = segmented(again, plain_ctx)
    be = speaker(again, "s2", "Belgium", "Belgium", "Belgium")
    b = compute_balance(a.evolve(speakers=(fr, be), statements=sts))
    assert [s.name for s in b.sides] == ["France", "Belgium"] and b.score == 0.0


def test_one_side_only_has_no_score(plain_ctx):
    a = row_analysis(plain_ctx, reply=False)
    a = a.evolve(speakers=a.speakers[:2])
    b = compute_balance(a)
    assert [s.name for s in b.sides] == ["France"]
    assert b.score is None


def test_speakers_without_side_are_listed_as_unassigned(plain_ctx):
    a = row_analysis(plain_ctx)
    anon = Speaker(id="s9", name="a British government spokesman", side=None)
    sts = [
        s if s.id != "t4" else s.__class__(**{**_fields(s), "speaker": "s9", "side": None})
        for s in a.statements
    ]
    a = a.evolve(speakers=(*a.speakers, anon), statements=tuple(sts))
    b = compute_balance(a)
    assert b.unassigned == ("a British government spokesman",)
    uk = next(s for s in b.sides if s.name == "UK")
    assert uk.statements == 0  # its only voice is no longer assigned to it


def _fields(st: Statement) -> dict:
    return {name: getattr(st, name) for name in st.__slots__}


# --- right of reply ------------------------------------------------------------------


def test_accused_side_that_speaks_later_has_replied(plain_ctx):
    b = compute_balance(row_analysis(plain_ctx))
    fr, uk = b.sides
    assert uk.accused and uk.replied is True
    assert not fr.accused and fr.replied is None


def test_accused_side_that_never_speaks_has_not_replied(plain_ctx):
    b = compute_balance(row_analysis(plain_ctx, reply=False))
    uk = b.sides[1]
    assert uk.accused and uk.replied is False


def test_a_reply_before_the_accusation_is_no_reply(plain_ctx):
    text = (
        "The UK government said it was working with France. "
        "France later accused Britain of exploiting the crisis."
    )
    a = segmented(text, plain_ctx)
    uk = speaker(text, "s1", "UK government", "UK", "UK government", "Britain")
    fr = speaker(text, "s2", "France", "France", "France")
    sts = (
        statement(text, "t1", "s1", "UK", "it was working with France", "said"),
        statement(
            text,
            "t2",
            "s2",
            "France",
            "Britain of exploiting the crisis",
            "accused",
            accusation=True,
            targets=("s1",),
        ),
    )
    b = compute_balance(a.evolve(speakers=(uk, fr), statements=sts))
    side = next(s for s in b.sides if s.name == "UK")
    assert side.accused and side.replied is False


def test_loaded_words_in_one_sides_quote_about_the_other_are_an_accusation(plain_ctx):
    text = (
        '"France will not be held hostage to London\'s domestic politics," Darmanin said. '
        "A Downing Street spokesman declined to comment."
    )
    a = segmented(text, plain_ctx)
    fr = speaker(text, "s1", "Darmanin", "France", "Darmanin", "France")
    uk = speaker(text, "s2", "London", "UK", "London", "Downing Street")
    term = loaded(text, "held hostage", voice="quoted", speaker="s1")
    st = statement(
        text,
        "t1",
        "s1",
        "France",
        "France will not be held hostage to London's domestic politics,",
        "said",
        direct=True,
    )
    b = compute_balance(a.evolve(speakers=(fr, uk), statements=(st,), loaded=(term,)))
    fr_side, uk_side = b.sides
    assert uk_side.accused and uk_side.replied is False
    assert not fr_side.accused
    # In the reporter's voice the same words are the reporter's, not France's charge...
    reporter = LoadedTerm(
        **{**{k: getattr(term, k) for k in term.__slots__}, "voice": "reporter", "speaker": None}
    )
    b2 = compute_balance(a.evolve(speakers=(fr, uk), statements=(st,), loaded=(reporter,)))
    assert not b2.sides[1].accused
    # ...and they count as loaded terms about both sides the sentence mentions.
    assert [s.loaded_about for s in b2.sides] == [1, 1]


def test_only_verdicts_count_as_charges_and_reporter_verdicts_need_one_target(plain_ctx):
    text = (
        "Johnson cynically exploited the crisis, the newspaper wrote. "
        '"Britain is very slow," Darmanin said of the talks with France.'
    )
    a = segmented(text, plain_ctx)
    fr = speaker(text, "s1", "Darmanin", "France", "Darmanin", "France")
    uk = speaker(text, "s2", "Boris Johnson", "UK", "Johnson", "Britain")
    st = statement(text, "t1", "s1", "France", "Britain is very slow,", "said", direct=True)
    verdict = loaded(text, "exploited", category="judgement")
    intensifier = loaded(text, "very", voice="quoted", speaker="s1", category="intensifier")
    base = a.evolve(speakers=(fr, uk), statements=(st,))
    # The reporter's verdict in a sentence naming only the UK is a charge against it.
    uk_side = next(
        s for s in compute_balance(base.evolve(loaded=(verdict,))).sides if s.name == "UK"
    )
    assert uk_side.accused and uk_side.replied is False
    # An intensifier in France's quote about Britain charges nobody.
    uk_side = next(
        s for s in compute_balance(base.evolve(loaded=(intensifier,))).sides if s.name == "UK"
    )
    assert not uk_side.accused and uk_side.replied is None


# --- tone ----------------------------------------------------------------------------


def test_tone_is_per_sentence_and_does_not_saturate(plain_ctx):
    sentence = "The minister said the talks were difficult and the outlook was poor."
    text = " ".join([sentence] * 40)
    a = annotate(segmented(text, plain_ctx), plain_ctx)
    vader = build_vader()
    one = vader.analyzer.polarity_scores(sentence)["compound"]
    whole = vader.analyzer.polarity_scores(text)["compound"]
    assert whole < -0.99  # one call on the whole text saturates...
    overall = a.sentiment["overall"]
    assert overall["n"] == 40
    assert overall["mean"] == pytest.approx(one, abs=1e-4)  # ...the per-sentence mean does not
    assert -0.9 < overall["mean"] < 0


def test_compound_is_vaders_own_score(channel_text):
    """Our faster loop gives polarity_scores' compound on real and on tricky sentences."""
    vader = build_vader()
    sentences = [s for line in channel_text.splitlines() for s in line.split(". ") if s.strip()]
    sentences += [
        "No comment.",
        "He said :) nothing",
        "Talks resumed on Monday in Calais.",
        "The deal is not bad at all!!!",
        "Is this really a good deal??",
        "The vote passed 52 to 48 👍",
        "The plan was never so good, but the timing was terrible.",
        "It was without doubt a good result, he said.",
        "The offer is kind of generous and very fair.",
        "There was no good answer and no hope or relief.",
        "At least the talks were useful; the least helpful remark came later.",
        "The minister said the plan was GOOD but the others were not convinced.",
        "Critics called it the bomb; supporters said yeah right.",
        "They didn't like it, and they weren't happy about it.",
        "The agency hardly helped and barely tried.",
        # n-gram idioms and boosters the fast path must not skip
        "It was the kiss of death for the bill, a policy to die for, a broken heart.",
        "A sort of good plan, just enough good will, the bomb good, a beating heart.",
        "They met at the bus stop good and early; yeah right, she said, bad ass.",
        "The SO good plan: this good, so good, never so bad, least good, not good.",
        # "n't" and "no" far from or next to a lexicon word
        "It isn't over: after a long and tiring delay the good news came at last.",
        "No deal was good; no good deal was made, and no one was happy with no hope.",
    ]
    for s in sentences:
        assert compound(vader, s) == vader.analyzer.polarity_scores(s.strip())["compound"], s


def test_tone_by_side_statements_and_sentences_about_it(plain_ctx):
    a = annotate(row_analysis(plain_ctx), plain_ctx)
    tone = a.sentiment
    assert tone["method"] == "VADER compound per sentence, mean"
    assert tone["caveat"]
    assert set(tone["by_side"]) == {"France", "UK"}
    fr = tone["by_side"]["France"]
    assert fr["statements"]["n"] == 4
    vader = build_vader()
    accusation = vader.analyzer.polarity_scores(
        "Britain of exploiting the crisis for political purposes"
    )["compound"]
    assert accusation < 0
    uk = tone["by_side"]["UK"]
    assert uk["statements"]["n"] == 1
    # Four of the five sentences name Britain or its spokesman.
    assert tone["overall"]["n"] == 5
    assert uk["about"]["n"] == 4
    assert fr["about"]["n"] == 5
    assert a.versions["vaderSentiment"] == "3.3.2"


def test_options_switch_tone_and_readability_off(plain_ctx):
    ctx = Context(ruleset=plain_ctx.ruleset, options=Options(tone=False, readability=False))
    a = annotate(row_analysis(plain_ctx), ctx)
    assert a.sentiment is None and a.readability is None
    assert a.balance is not None
    assert "vaderSentiment" not in a.versions and "textstat" not in a.versions


# --- checks --------------------------------------------------------------------------


def test_threshold_option_wins_over_rule_param_wins_over_default(plain_ctx):
    rule = check_rule("low-balance", {"balance_min": 0.5})
    assert threshold(plain_ctx, rule, "balance_min") == 0.5
    ctx = limits(balance_min=0.2)
    assert threshold(ctx, rule, "balance_min") == 0.2
    assert threshold(plain_ctx, check_rule("low-balance"), "balance_min") == 0.35
    assert threshold(plain_ctx, check_rule("x"), "max_grade") is None


def test_applied_thresholds_are_the_ones_the_checks_use(ctx):
    """The method page's limits: rule params while unset, config when set, off when disabled."""
    applied = applied_thresholds(ctx)
    # The bundled BAL003-BAL005 carry params; nothing is configured.
    assert ctx.options.thresholds.max_reporter_loaded is None
    assert applied == Thresholds(
        balance_min=0.35, max_unsourced=10, max_reporter_loaded=5, max_grade=16
    )
    configured = Context(
        ruleset=ctx.ruleset, options=Options(thresholds=Thresholds(max_reporter_loaded=8))
    )
    assert applied_thresholds(configured).max_reporter_loaded == 8
    without = Context(ruleset=ctx.ruleset.configured(disable=["BAL005", "BAL001"]))
    assert applied_thresholds(without).max_reporter_loaded is None
    assert applied_thresholds(without).balance_min is None
    assert applied_thresholds(without).max_grade == 16


def test_low_balance_finding_on_the_lede(plain_ctx):
    a = annotate(row_analysis(plain_ctx), plain_ctx)
    assert a.balance.score == pytest.approx(0.47, abs=0.01)
    assert not list(low_balance(a, check_rule("low-balance"), plain_ctx))  # default 0.35
    rule = check_rule("low-balance", {"balance_min": 0.5})
    found = list(low_balance(a, rule, plain_ctx))
    assert len(found) == 1
    f = found[0]
    assert (f.start, f.end) == lede(a)
    assert ROW[f.start : f.end].startswith("France accused Britain")
    assert f.message == f"France {a.balance.score:.2f}"
    # A newsroom's configuration wins over the rule's parameter.
    ctx = limits(balance_min=0.1)
    assert not list(low_balance(a, rule, ctx))


def test_accused_without_reply_points_at_the_accusation(plain_ctx):
    rule = check_rule("accused-without-reply")
    a = annotate(row_analysis(plain_ctx, reply=False), plain_ctx)
    found = list(accused_without_reply(a, rule, plain_ctx))
    assert [(ROW[f.start : f.end]) for f in found] == ["accused"]
    a = annotate(row_analysis(plain_ctx), plain_ctx)
    assert not list(accused_without_reply(a, rule, plain_ctx))


def test_reporter_loaded_count_needs_a_limit(plain_ctx):
    a = row_analysis(plain_ctx)
    term = loaded(ROW, "exploiting")
    a = annotate(a.evolve(loaded=(term, term)), plain_ctx)
    rule = check_rule("too-many-reporter-loaded")
    assert not list(too_many_reporter_loaded(a, rule, plain_ctx))
    ctx = limits(max_reporter_loaded=1)
    assert len(list(too_many_reporter_loaded(a, rule, ctx))) == 1


# --- the design example, end to end ----------------------------------------------------


@pytest.fixture(scope="module")
def channel(ctx, channel_text) -> Analysis:
    from factcheck.api import analyze_text

    return analyze_text(channel_text, ctx=ctx)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def test_design_example_france_dominates_and_the_uk_is_never_quoted(channel):
    b = channel.balance
    assert [s.name for s in b.sides] == ["France", "United Kingdom"]
    france, uk = b.sides
    assert france.statements >= 7 and france.direct == 2
    assert uk.statements == 1 and uk.direct == 0
    assert france.share > 0.9 and france.first and france.last
    assert "Gerald Darmanin" in france.speakers and "Boris Johnson" in uk.speakers
    # Macron and Patel are on the sides' lists but never speak.
    silent = {sp.name for sp in channel.speakers if sp.statements == 0 and sp.kind == "person"}
    assert {"Emmanuel Macron", "Priti Patel"} <= silent
    assert "Emmanuel Macron" in france.speakers and "Priti Patel" in uk.speakers
    assert b.score is not None and b.score < 0.3
    assert b.formula == FORMULA


def test_design_example_raises_the_balance_finding_with_default_threshold(channel, channel_text):
    found = [f for f in channel.findings if f.rule == "BAL001"]
    assert len(found) == 1
    assert channel_text[found[0].start : found[0].end].startswith("More than 1,000 migrants")
    assert "France has" in found[0].message
    assert "United Kingdom 1 (0 direct)" in found[0].message


def test_design_example_right_of_reply(channel, channel_text):
    """The UK is accused of exploiting the crisis (line 2); Johnson's letter, its only
    statement, is reported on line 6: after that first accusation, but before France's
    last charge, Darmanin's quoted "held hostage by domestic British politics" (line 8).
    So the UK is accused and has not replied after its last accusation."""
    france, uk = channel.balance.sides
    letter = next(st for st in channel.statements if st.side == uk.name)
    assert letter.cue == "wrote" and line_of(channel_text, letter.start) == 6
    accusation = next(st for st in channel.statements if st.accusation)
    assert line_of(channel_text, accusation.start) == 2
    assert "exploiting the crisis" in accusation.text
    assert uk.accused and uk.replied is False
    assert not france.accused and france.replied is None
    found = [f for f in channel.findings if f.rule == "BAL002"]
    assert len(found) == 1
    assert channel_text[found[0].start : found[0].end] == "held hostage"
    assert line_of(channel_text, found[0].start) == 8


def test_design_example_tone_and_readability(channel):
    tone = channel.sentiment
    france, uk = channel.balance.sides
    assert tone["by_side"][france.name]["statements"]["n"] == france.statements
    assert tone["by_side"][uk.name]["statements"]["n"] == 1
    assert -0.5 < tone["overall"]["mean"] < 0.5  # per sentence: no saturation
    r = channel.readability
    assert r["note"] is None and 8 < r["flesch_kincaid_grade"] < 16
    assert {"textstat", "vaderSentiment"} <= set(channel.versions)


# --- US primary coverage: sides the gazetteer cannot give -------------------------------

# Candidates named without party labels: no speaker gets a side, but the Democratic
# Senatorial Campaign Committee and "Democrats" put a silent "Democratic Party" in the story.
PRIMARY = (
    "Barbs and pleas before N.H. vote.\n\n"
    "MANCHESTER, N.H. - Donald Trump said on Monday that he would win New Hampshire by a "
    'wide margin. "We are going to win big," Trump told supporters at a rally in Manchester.'
    "\n\nHillary Clinton said her campaign would fight for every vote in the state. Bernie "
    "Sanders said the Democratic Party needed a political revolution to beat the Republicans."
    "\n\nJeb Bush said Trump was not a serious candidate. Clinton said Sanders had accepted "
    "money from Wall Street firms through the Democratic Senatorial Campaign Committee.\n\n"
    "John Kasich called for bringing Republicans and Democrats together.\n"
)
NO_SIDE = "no speaker could be assigned to a side; pass --side or a sides file"


def balance_line(analysis: Analysis) -> str:
    return next(line for line in render_summary(analysis).splitlines() if "Balance" in line)


def test_no_speaker_with_a_side_says_so_instead_of_naming_a_silent_side(ctx):
    from factcheck.api import analyze_text

    a = analyze_text(PRIMARY, ctx=ctx)
    assert a.statements and all(sp.side is None for sp in a.speakers if sp.statements)
    assert [(s.name, s.statements) for s in a.balance.sides] == [("Democratic Party", 0)]
    assert a.balance.score is None
    assert no_score_reason(a.balance) == NO_SIDE
    assert balance_line(a) == (
        f"  Balance n/a: {NO_SIDE}; mentioned but never heard: Democratic Party"
    )


def test_given_sides_leave_a_silent_inferred_side_out_of_the_score(ctx):
    from factcheck.api import analyze_text

    sides = {"Republicans": ("Trump", "Bush"), "Democrats": ("Clinton", "Sanders")}
    given = Context(ruleset=ctx.ruleset, options=Options(sides=sides))
    a = analyze_text(PRIMARY, ctx=given)
    # The Democratic Party is still a speaker of the gazetteer's, but no third side.
    assert any(sp.side == "Democratic Party" for sp in a.speakers)
    rows = a.balance.sides
    assert sorted(s.name for s in rows) == ["Democrats", "Republicans"]
    assert a.balance.score == balance_score([s.words for s in rows], [s.statements for s in rows])
    assert a.balance.score > 0.8  # 3 statements each
    assert balance_line(a).startswith(f"  Balance {a.balance.score:.2f}: Democrats 3 statements")


def test_no_score_reasons_for_one_side():
    one = (SideBalance("Republican Party", ("Donald Trump",), statements=4, words=60, share=1.0),)
    assert no_score_reason(Balance(0.5, FORMULA, one)) is None
    assert no_score_reason(Balance(None, FORMULA, one)) == (
        "only one side speaks (Republican Party) and no other is involved"
    )
    assert no_score_reason(Balance(None, FORMULA, one, unassigned=("Ted Cruz",))) == (
        "only Republican Party has speakers with a side; pass --side or a sides file"
    )
    assert no_score_reason(Balance(None, FORMULA)) == (
        "no statement is attributed to a speaker with a side"
    )
