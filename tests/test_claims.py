"""Numeric claims: detection, normalisation, reference numbers, sourcing and checks.

Every case is a real news sentence (or close to one) run through the whole pipeline;
the design example is the article in examples/channel-migrants.txt.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.api import analyze_text
from factcheck.claims import quantities
from factcheck.claims.numbers import parse_digits, parse_words
from factcheck.claims.vocab import build_vocabulary
from factcheck.errors import RuleFileError
from factcheck.model import Claim
from factcheck.ruleset import load_rule_file


def claims_of(text: str, ctx, input_format: str = "text") -> list[Claim]:
    return list(analyze_text(text, ctx=ctx, input_format=input_format).claims)


def only(text: str, ctx, input_format: str = "text") -> Claim:
    found = claims_of(text, ctx, input_format)
    assert len(found) == 1, [(c.text, c.kind) for c in found]
    return found[0]


def by_text(text: str, ctx) -> dict[str, Claim]:
    return {c.text: c for c in claims_of(text, ctx)}


# -- the design example -------------------------------------------------------------


def test_design_example_claims(channel_text, ctx):
    analysis = analyze_text(channel_text, ctx=ctx)
    claims = analysis.claims
    assert [c.text for c in claims] == ["More than 1,000", "27", "25 years", "December 1"]
    assert [c.id for c in claims] == ["C1", "C2", "C3", "C4"]

    migrants, died, years, december = claims
    # the caption's "/Reuters" credit is boilerplate, its text is not
    assert channel_text.index("More than 1,000 migrants") == migrants.start == 0
    assert (migrants.kind, migrants.value, migrants.low, migrants.high) == (
        "count",
        1000,
        1000,
        None,
    )
    assert (migrants.qualifier, migrants.noun, migrants.rule) == ("more than", "migrants", "NUM001")

    assert (died.kind, died.value, died.noun, died.verb) == ("count", 27, "people", "died")
    assert channel_text[died.start : died.end + 12] == "27 people died"

    assert (years.kind, years.value, years.unit, years.rule) == ("duration", 25, "year", "NUM007")
    assert channel_text[years.start - 4 : years.end] == "for 25 years"

    assert (december.kind, december.date, december.rule) == ("date", "--12-01", "NUM006")


def test_design_example_boilerplate_and_references_are_not_claims(channel_text, ctx):
    analysis = analyze_text(channel_text, ctx=ctx)
    covered = [(c.start, c.end) for c in analysis.claims]
    for phrase in ("Nine suggested solutions", "The two countries", "Belgian, German and Dutch"):
        at = channel_text.index(phrase)
        assert not any(s < at + len(phrase) and at < e for s, e in covered), phrase


def test_design_example_unsourced_figures_are_findings(channel_text, ctx):
    analysis = analyze_text(channel_text, ctx=ctx)
    flagged = {channel_text[f.start : f.end] for f in analysis.findings if f.rule == "NUM101"}
    assert flagged == {"More than 1,000", "27"}


def test_example_file_is_the_design_example():
    text = (
        Path(__file__).resolve().parent.parent / "examples" / "channel-migrants.txt"
    ).read_text()
    assert text.startswith("More than 1,000 migrants")


# -- numbers in words ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Nine suggested solutions were put to ministers.", "Nine", 9),
        ("Two dozen protesters gathered outside.", "Two dozen", 24),
        ("Twenty-six people die in accident at Techiman.", "Twenty-six", 26),
        ("Three hundred and thirty one people signed.", "Three hundred and thirty one", 331),
        ("The city has 1.5 million residents.", "1.5 million", 1_500_000),
        ("Half a million people marched.", "Half a million", 500_000),
        (
            "It costs three quarters of a billion dollars.",
            "three quarters of a billion dollars",
            7.5e8,
        ),
        ("Rs 5 crore was spent on the scheme.", "Rs 5 crore", 5e7),
        ("The population is 3 million and a half.", "3 million and a half", 3_500_000),
        ("Inflation ran at five point two percent.", "five point two percent", 5.2),
        (
            "The deal is worth one point five million dollars.",
            "one point five million dollars",
            1.5e6,
        ),
        ("The winning score was nine point eight five.", "nine point eight five", 9.85),
        (
            "The hospital cost two and a half million pounds.",
            "two and a half million pounds",
            2_500_000,
        ),
    ],
)
def test_number_words_and_scales(sentence, text, value, ctx):
    claim = by_text(sentence, ctx)[text]
    assert claim.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("sentence", "text", "low", "high", "noun"),
    [
        ("Hundreds of people marched on Sunday.", "Hundreds", 200, 999, "people"),
        (
            "Tens of thousands of people fled the fighting.",
            "Tens of thousands",
            20_000,
            99_999,
            "people",
        ),
        ("Dozens of homes were destroyed.", "Dozens", 24, 143, "homes"),
    ],
)
def test_vague_plurals_have_bounds_not_a_value(sentence, text, low, high, noun, ctx):
    claim = by_text(sentence, ctx)[text]
    assert (claim.kind, claim.value, claim.low, claim.high, claim.noun) == (
        "count",
        None,
        low,
        high,
        noun,
    )


def test_parse_words_stops_where_the_number_stops(ctx):
    from factcheck.claims import grammar_for

    vocab = grammar_for(ctx).vocab
    three = parse_words("three and four", vocab)
    assert three is not None and (three.value, three.end) == (3, 5)
    thirds = parse_words("two-thirds", vocab)
    assert thirds is not None and thirds.fraction and thirds.value == pytest.approx(2 / 3)
    one = parse_words("one", vocab)
    assert one is not None and one.needs_unit
    assert parse_words("a", vocab) is None


def test_parse_digits():
    assert parse_digits("1,674.5") == 1674.5
    assert parse_digits("46 . 8") == 46.8
    assert parse_digits("−4") == -4
    assert parse_digits("1.3e6") == 1_300_000


# -- money -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("The plan costs £3bn.", "£3bn", 3e9, "GBP"),
        ("The company raised $2.4 billion last year.", "$2.4 billion", 2.4e9, "USD"),
        ("Brussels offered €500m in aid.", "€500m", 5e8, "EUR"),
        ("The fund holds US$1.2 trillion.", "US$1.2 trillion", 1.2e12, "USD"),
        ("He was paid 5 million pounds for the rights.", "5 million pounds", 5e6, "GBP"),
        ("Net interest income sank to $ 254 million.", "$ 254 million", 2.54e8, "USD"),
        ("Exports fell to hk $ 10.05 billion .", "hk $ 10.05 billion", 1.005e10, "HKD"),
        ("Nokia will pay 420 million Finnish markka.", "420 million Finnish markka", 4.2e8, "FIM"),
        ("The stamp costs 50p.", "50p", 50, "pence"),
        ("Iraq asked for 50 cents more per barrel.", "50 cents", 50, "cent"),
        ("It only cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, "USD"),
        ("He paid $5 and 50 cents at the door.", "$5 and 50 cents", 5.5, "USD"),
        ("A soda was 99¢ then.", "99¢", 99, "cent"),
        ("Losses exceeded 30 MUSD.", "30 MUSD", 3e7, "USD"),
        ("Fiat paid 2 billion lire for the plant.", "2 billion lire", 2e9, "ITL"),
        ("Warsaw set aside 1.2 billion zlotys.", "1.2 billion zlotys", 1.2e9, "PLN"),
        ("A meal costs 150 baht in Bangkok.", "150 baht", 150, "THB"),
        (
            "It sold for 1.2 billion United States dollars.",
            "1.2 billion United States dollars",
            1.2e9,
            "USD",
        ),
        ("A stamp costs 99 euro cents.", "99 euro cents", 99, "cent"),
        ("The price starts at dollar 22.5 million.", "dollar 22.5 million", 2.25e7, "USD"),
        ("The bridge cost pounds 50m to build.", "pounds 50m", 5e7, "GBP"),
        ("Shares closed at $ 45 1/2, up $ 1 3/8.", "$ 45 1/2", 45.5, "USD"),
        ("Shares closed at $ 45 1/2, up $ 1 3/8.", "$ 1 3/8", 1.375, "USD"),
        ("The Zurich firm asked SFr 50 a share.", "SFr 50", 50, "CHF"),
        ("A night costs 3,000 ₽ in Moscow.", "3,000 ₽", 3000, "RUB"),
        ("A bowl of noodles is 15 ￥ in Beijing.", "15 ￥", 15, "CNY"),
    ],
)
def test_money(sentence, text, value, unit, ctx):
    claim = by_text(sentence, ctx)[text]
    assert (claim.kind, claim.unit, claim.rule) == ("money", unit, "NUM002")
    assert claim.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a market report's subject is no amount: the figure keeps its own unit
        ("Trading left the dollar 2 percent lower.", [("2 percent", "percent")]),
        ("The dollar ended 1.5 cents higher.", [("1.5 cents", "cent")]),
        ("Traders swapped rmb 10 for usd 20.", [("rmb 10", "CNY"), ("usd 20", "USD")]),
        ("He played at Euro 2016 and will try 5 more times.", []),
        # 'marks' is money in a currency quote, a score in an exam story
        ("The dollar fetched 1.8470 marks.", [("1.8470 marks", "DEM")]),
        ("Bonn spent two billion marks.", [("two billion marks", "DEM")]),
        ("Students need 60 marks to pass.", [("60", None)]),
    ],
)
def test_currency_words_read_in_context(sentence, expected, ctx):
    assert [(c.text, c.unit) for c in claims_of(sentence, ctx)] == expected


def test_compound_counts_and_poll_points(ctx):
    claims = by_text("Republicans hold a 54-person majority; Clinton held a 24-point lead.", ctx)
    assert (claims["54-person"].kind, claims["54-person"].noun) == ("count", "person")
    assert (claims["24-point"].kind, claims["24-point"].unit) == ("measure", "points")
    assert claims_of("At one point the talks stalled.", ctx) == []


def test_money_noun_and_weight_in_pounds(ctx):
    fees = only("Obama has spent $2 million in legal fees.", ctx)
    assert (fees.kind, fees.noun) == ("money", "fees")
    weight = only("The baby weighed seven pounds.", ctx)
    assert (weight.kind, weight.unit) == ("measure", "lb")


# -- percentages ---------------------------------------------------------------------------


def test_percent_and_percentage_points_are_different_units(ctx):
    claims = by_text("Turnout was 40 per cent, up 0.3 percentage points from 39.7%.", ctx)
    assert claims["40 per cent"].unit == "percent"
    assert claims["39.7%"].value == pytest.approx(39.7)
    points = claims["0.3 percentage points"]
    assert (points.kind, points.unit, points.value) == ("percent", "percentage points", 0.3)
    assert {c.rule for c in claims.values()} == {"NUM003"}


def test_at_one_point_is_an_idiom_not_a_decimal(ctx):
    assert [c.text for c in claims_of("At one point two officers were hurt.", ctx)] == ["two"]


def test_percent_of_names_the_counted_thing(ctx):
    claim = by_text("Mitt Romney leads with 21 percent of Republican primary voters.", ctx)[
        "21 percent"
    ]
    assert claim.noun == "voters"


def test_minus_in_words(ctx):
    assert only("Growth was minus five percent.", ctx).value == -5


def test_vulgar_fractions(ctx):
    claims = by_text("He served 2½ years, the fix cost £3½m and ate ⅔ of the cake.", ctx)
    assert (claims["2½ years"].kind, claims["2½ years"].value) == ("duration", 2.5)
    assert claims["£3½m"].value == 3_500_000
    assert (claims["⅔"].kind, claims["⅔"].noun) == ("ratio", "cake")


# -- ranges and bounds -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "kind", "low", "high"),
    [
        ("Between 20 and 30 people were hurt.", "Between 20 and 30", "range", 20, 30),
        ("The survey covered 20-30 schools.", "20-30", "range", 20, 30),
        ("Prices ranged from £20m to £30m.", "from £20m to £30m", "money", 2e7, 3e7),
        ("The fix costs £20-30m.", "£20-30m", "money", 2e7, 3e7),
        ("Between 2 and 3 million people voted.", "Between 2 and 3 million", "range", 2e6, 3e6),
    ],
)
def test_ranges(sentence, text, kind, low, high, ctx):
    claim = by_text(sentence, ctx)[text]
    assert (claim.kind, claim.low, claim.high) == (kind, low, high)
    assert claim.value == pytest.approx((low + high) / 2)


def test_a_change_from_one_figure_to_another_is_not_a_range(ctx):
    claims = claims_of("Unemployment rose from 5% to 7%.", ctx)
    assert [(c.text, c.kind) for c in claims] == [("5%", "percent"), ("7%", "percent")]


def test_scores_and_tallies_are_not_ranges(ctx):
    assert claims_of("Arsenal won 3-1 and the Senate voted 51-49.", ctx) == []


@pytest.mark.parametrize(
    ("sentence", "qualifier", "low", "high"),
    [
        ("More than 1,000 migrants arrived.", "more than", 1000, None),
        ("Over 1,000 migrants arrived.", "more than", 1000, None),
        ("At least 1,000 migrants arrived.", "at least", 1000, None),
        ("Nearly 1,000 migrants arrived.", "nearly", None, 1000),
        ("Up to 1,000 migrants arrived.", "up to", None, 1000),
        ("Fewer than 1,000 migrants arrived.", "less than", None, 1000),
        ("About 1,000 migrants arrived.", "about", None, None),
        ("An estimated 1,000 migrants arrived.", "about", None, None),
        ("1,000 or more migrants arrived.", "at least", 1000, None),
    ],
)
def test_bounds(sentence, qualifier, low, high, ctx):
    claim = only(sentence, ctx)
    assert (claim.kind, claim.value, claim.noun) == ("count", 1000, "migrants")
    assert (claim.qualifier, claim.low, claim.high) == (qualifier, low, high)
    assert sentence.startswith(claim.text) and "1,000" in claim.text


def test_over_a_period_is_not_a_bound(ctx):
    claim = only("The scheme ran over 25 years.", ctx)
    assert (claim.kind, claim.text, claim.qualifier) == ("duration", "25 years", None)


# -- fractions, ratios -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value", "noun"),
    [
        ("One in four adults were affected.", "One in four", 0.25, "adults"),
        ("A third of children were affected.", "A third", 1 / 3, "children"),
        ("Two-thirds of voters agreed.", "Two-thirds", 2 / 3, "voters"),
        ("3 out of 10 teachers agreed.", "3 out of 10", 0.3, "teachers"),
        ("Half of the migrants were children.", "Half", 0.5, "migrants"),
    ],
)
def test_fractions_and_ratios(sentence, text, value, noun, ctx):
    claim = by_text(sentence, ctx)[text]
    assert (claim.kind, claim.unit, claim.noun, claim.rule) == ("ratio", "fraction", noun, "NUM009")
    assert claim.value == pytest.approx(value)


def test_nearly_half_is_a_bounded_share(ctx):
    claim = only("Nearly half of the migrants were children.", ctx)
    assert (claim.text, claim.qualifier, claim.high) == ("Nearly half", "nearly", 0.5)


@pytest.mark.parametrize(
    "sentence",
    [
        "They scored in the second half.",
        "He was the third person to resign.",
        "The ratio was unclear.",
    ],
)
def test_ordinals_and_halves_that_are_not_shares(sentence, ctx):
    assert claims_of(sentence, ctx) == []


def test_half_an_hour_is_a_duration(ctx):
    claim = only("The meeting lasted half an hour.", ctx)
    assert (claim.kind, claim.value, claim.unit) == ("duration", 0.5, "hour")


# -- ages, measures, ranks, durations -------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("A 52-year-old man was arrested.", "52-year-old", 52),
        ("His sister, aged 35, was released.", "aged 35", 35),
        ("When she was five years old, she learned to ride.", "five years old", 5),
        ("Officials said Tom Smith, 52, had been detained.", "52", 52),
    ],
)
def test_ages(sentence, text, value, ctx):
    claim = by_text(sentence, ctx)[text]
    assert (claim.kind, claim.value, claim.unit, claim.rule) == ("age", value, "year", "NUM008")


def test_age_decade(ctx):
    claim = only("The suspect, a man in his 40s, fled.", ctx)
    assert (claim.kind, claim.low, claim.high) == ("age", 40, 49)


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("The boats crossed 21 miles of open sea.", "21 miles", 21, "mi"),
        ("Temperatures reached 40C in Seville.", "40C", 40, "degC"),
        ("It produced 16,000 metric tons of copper.", "16,000 metric tons", 16_000, "t"),
        ("They bought a 45-acre site.", "45-acre", 45, "acre"),
        ("The market plummeted 190 points.", "190 points", 190, "points"),
    ],
)
def test_measures(sentence, text, value, unit, ctx):
    claim = by_text(sentence, ctx)[text]
    assert (claim.kind, claim.value, claim.unit, claim.rule) == ("measure", value, unit, "NUM005")


def test_attached_units_need_the_number(ctx):
    # "F Block" is not a temperature, "5G" is not a count
    assert all(c.kind != "measure" for c in claims_of("PA 23456 F Block", ctx))
    assert claims_of("The 5G network and 3D printers.", ctx) == []


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("It became South Korea's third-largest employer.", "third-largest", 3),
        ("The song reached No. 2 in the charts.", "No. 2", 2),
        ("It stayed in the top five for weeks.", "top five", 5),
        ("Christie lagged in sixth place.", "sixth place", 6),
    ],
)
def test_ranks(sentence, text, value, ctx):
    claim = by_text(sentence, ctx)[text]
    assert (claim.kind, claim.value, claim.rule) == ("rank", value, "NUM010")


@pytest.mark.parametrize(
    ("sentence", "noun"),
    [
        ("Police rescued 500 Indonesians from the boat.", "Indonesians"),
        ("There are 40 NGOs working there.", "NGOs"),
        ("They counted 500 Indonesians.", "Indonesians"),
        ("27 People Die In Crash", "people"),  # a title-case headline
        ("27 people died.", "people"),
    ],
)
def test_counted_noun_keeps_the_capital_of_a_name_only(sentence, noun, ctx):
    assert only(sentence, ctx).noun == noun


def test_rank_noun_is_the_ranked_thing(ctx):
    claim = only("It became South Korea's third-largest employer.", ctx)
    assert claim.noun == "employer"


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        ("Talks lasted three months.", "three months", 3, "month"),
        ("The strike lasted 48 hours.", "48 hours", 48, "hour"),
        ("He was given a 10-year sentence.", "10-year", 10, "year"),
        ("He spent two and a half years in custody.", "two and a half years", 2.5, "year"),
        ("During the 10 or so years that followed.", "10 or so years", 10, "year"),
    ],
)
def test_durations(sentence, text, value, unit, ctx):
    claim = by_text(sentence, ctx)[text]
    assert (claim.kind, claim.value, claim.unit) == ("duration", value, unit)


# -- dates -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "iso"),
    [
        ("The law was amended on Dec. 1, 2015.", "Dec. 1, 2015", "2015-12-01"),
        ("The report is dated 2015-12-01.", "2015-12-01", "2015-12-01"),
        ("It covers 1 December 2015 onwards.", "1 December 2015", "2015-12-01"),
        ("The law was passed in 2016.", "2016", "2016"),
        ("The survey ran from March 31-April 4.", "March 31-April 4", "--03-31/--04-04"),
        ("Prices fell in the 1990s.", "1990s", "1990/1999"),
        ("The deal was struck in November.", "November", "--11"),
        ("Results are due in Q3 2019.", "Q3 2019", "2019-Q3"),
    ],
)
def test_dates(sentence, text, iso, ctx):
    claim = by_text(sentence, ctx)[text]
    assert (claim.kind, claim.date, claim.rule) == ("date", iso, "NUM006")


def test_front_matter_date_gives_the_year(ctx):
    text = "---\ntitle: Channel\ndate: 2021-11-28\n---\nA plane will patrol from December 1.\n"
    claim = only(text, ctx, input_format="markdown")
    assert claim.date == "2021-12-01"


@pytest.mark.parametrize(
    "sentence",
    [
        "Johnson wrote to Macron on Friday.",
        "The 2016 campaign was bitter.",
        "Last week relations soured.",
        "The meeting starts at 10:30 and ends at 2pm.",
        "You may not like it.",
    ],
)
def test_not_dates(sentence, ctx):
    assert claims_of(sentence, ctx) == []


# -- reference numbers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The two countries are already at loggerheads over fishing rights.",
        "One of them said no one would go.",
        "Covid-19 spread after the G7 and G20 summits.",
        "Section 230 and Article 50 were debated.",
        "The Boeing 737 runs Windows 10.",
        "The 9/11 attacks changed Interstate 95 security.",
        "Title IX applies to all three governors.",
        "Call 555-123-4567 for details.",
        "No 10 said the letter was sent.",
        "They met at 10 Downing Street.",
        "They worked with one another for years.",
        "The 2 countries signed, and these 3 words ended the talks.",
    ],
)
def test_reference_numbers_are_not_claims(sentence, ctx):
    assert claims_of(sentence, ctx) == [], sentence


def test_a_digit_after_a_determiner_is_a_reference_but_a_scaled_one_is_a_figure(ctx):
    claims = claims_of("The 2 million voters chose the 5 percent option in all 3 states.", ctx)
    assert [c.text for c in claims] == ["2 million", "5 percent", "3"]


def test_list_numbering_is_not_a_claim(ctx):
    found = claims_of("Steps:\n1. Stop the boats.\n2. Return 500 migrants.\n", ctx)
    assert [c.text for c in found] == ["500"]


def test_numbers_in_urls_and_code_are_not_claims(ctx):
    text = "See [the report](https://example.org/2021/500-migrants) and `x = 1000`.\n"
    assert claims_of(text, ctx, input_format="markdown") == []


def test_quoted_figure_voice(ctx):
    claim = only('"We spent £3bn on this," the minister said.', ctx)
    assert claim.voice in ("quoted", "paraphrased") and claim.status == "sourced"


# -- sourcing ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan costs £3bn, according to the National Audit Office.",
        "The Home Office said 1,000 migrants arrived this week.",
        "Figures from the Home Office show 1,000 migrants arrived.",
        "A report by the Refugee Council found 1,000 migrants arrived.",
        "The ONS's figures show 1,000 migrants arrived.",
    ],
)
def test_sourced_by_cue(sentence, ctx):
    claim = claims_of(sentence, ctx)[0]
    assert claim.status == "sourced" and claim.source in ("cue", "speaker")


def test_unsourced(ctx):
    claim = only("Last week 27 people died trying to cross the Channel.", ctx)
    assert (claim.status, claim.source, claim.link) == ("unsourced", None, None)


def test_a_named_poll_sources_the_rest_of_its_paragraph(ctx):
    text = (
        "The poll surveyed 1,000 adults. Romney leads with 21 percent.\n\nTurnout was 40 percent."
    )
    claims = by_text(text, ctx)
    assert claims["21 percent"].status == "sourced"
    assert claims["40 percent"].status == "unsourced"  # another paragraph


def test_speech_verbs_do_not_carry_over(ctx):
    text = "Darmanin said France was ready. Last week 27 people died."
    assert by_text(text, ctx)["27"].status == "unsourced"


def test_sourced_by_markdown_link_in_anchor_text(ctx):
    text = "[The plan costs £3bn](https://www.nao.org.uk/report/plan/).\n"
    claim = only(text, ctx, input_format="markdown")
    assert (claim.status, claim.source, claim.link) == (
        "sourced",
        "link",
        "https://www.nao.org.uk/report/plan/",
    )


def test_sourced_by_a_link_in_the_sentence(ctx):
    text = "The plan costs £3bn, the [auditor](https://www.nao.org.uk/) estimates.\n"
    claim = only(text, ctx, input_format="markdown")
    assert (claim.source, claim.link) == ("link", "https://www.nao.org.uk/")


# -- checks -------------------------------------------------------------------------------------


def findings(text: str, ctx, rule: str) -> list[str]:
    analysis = analyze_text(text, ctx=ctx)
    return [analysis.document.text[f.start : f.end] for f in analysis.findings if f.rule == rule]


def test_unsourced_statistic_in_reporters_voice(ctx):
    text = "The plan costs £3bn and will cut emissions by 40%. Five people attended."
    assert findings(text, ctx, "NUM101") == ["£3bn", "40%"]


def test_no_unsourced_finding_for_dates_durations_ages_ranks(ctx):
    text = (
        "France handled it for 25 years since December 1, 2015, a 52-year-old's third-largest task."
    )
    assert findings(text, ctx, "NUM101") == []


def test_inconsistent_figures(ctx):
    text = (
        "Last week 27 people died trying to cross the Channel. Officials later confirmed 26 deaths."
    )
    analysis = analyze_text(text, ctx=ctx)
    hits = [f for f in analysis.findings if f.rule == "NUM102"]
    assert [text[f.start : f.end] for f in hits] == ["26"]
    assert "“27”" in hits[0].message


def test_killed_and_died_count_the_same_deaths(ctx):
    text = "The attack killed 12 people. Police said 15 people died."
    assert findings(text, ctx, "NUM102") == ["15"]


@pytest.mark.parametrize(
    "text",
    [
        "More than 1,000 migrants arrived on Monday. By Friday 1,200 migrants had arrived.",
        "About 500 people were arrested; police later said 520 arrests were made.",
        "27 people died and 40 people were injured.",
        "Clinton won at least 19 delegates. Ted Cruz has 11 delegates and Rubio has 10.",
        "Some 27 people died in May. In all, 2,000 people died that year.",
    ],
)
def test_consistent_figures(text, ctx):
    assert findings(text, ctx, "NUM102") == []


def test_percent_point_confusion(ctx):
    text = "Unemployment rose from 5% to 7%, an increase of 2%."
    assert findings(text, ctx, "NUM103") == ["2%"]
    fine = "Unemployment rose from 5% to 7%, an increase of 2 percentage points."
    assert findings(fine, ctx, "NUM103") == []


# -- the detector alone, and the rule files ------------------------------------------------


def test_detector_alone_reads_plain_text(ctx):
    found = quantities("It cost £3bn in 2016.", ctx)
    assert [(q.kind, q.value) for q in found] == [("money", 3e9), ("date", 2016)]


def test_exclusion_patterns_compile_through_the_given_compiler(ctx):
    """The run's regex store compiles them; a bad one is a rule-file error naming its key."""
    import dataclasses
    import re

    compiled: list[str] = []

    def spy(pattern: str, flags: int = 0) -> re.Pattern[str]:
        compiled.append(pattern)
        return re.compile(pattern, flags)

    rules = list(ctx.ruleset.of_kind("quantities"))
    vocab = build_vocabulary(rules, spy)
    assert [e.pattern.pattern for e in vocab.exclusions] == compiled and compiled
    rule = next(r for r in rules if r.body.get("exclude"))
    broken = dataclasses.replace(
        rule, body={**rule.body, "exclude": [{"pattern": "(unclosed", "why": "test"}]}
    )
    with pytest.raises(RuleFileError, match="bad regular expression") as err:
        build_vocabulary([broken], spy)
    assert "exclude.0.pattern" in str(err.value)


def test_every_claim_kind_is_decided_by_a_rule_file(ctx):
    vocab = build_vocabulary(ctx.ruleset.of_kind("quantities"))
    kinds = {
        "count",
        "money",
        "percent",
        "duration",
        "date",
        "range",
        "ratio",
        "age",
        "measure",
        "rank",
    }
    assert set(vocab.rule_for_kind) == kinds
    assert all(rule.startswith("NUM") for rule in vocab.rule_for_kind.values())


def test_turning_a_vocabulary_off_turns_its_claims_off():
    from factcheck.api import make_context
    from factcheck.context import Options

    ctx = make_context(Options(disable=("NUM006", "NUM101")))
    found = claims_of("Last week 27 people died, as they did in 2016.", ctx)
    assert [(c.text, c.kind, c.status) for c in found] == [("27", "count", "unsourced")]
    assert analyze_text("It cost £3bn.", ctx=ctx).findings == ()


def test_quantities_schema_rejects_unknown_keys(tmp_path):
    path = tmp_path / "NUM900-extra-currencies.yml"
    path.write_text(
        """id: NUM900
name: extra-currencies
kind: quantities
severity: info
summary: Extra currencies.
description: A newsroom's own currencies.
source: ISO 4217
vocabulary: currencies
entries:
  - {unit: XAF, befor: [FCFA]}
examples:
  flag: ["It cost [[FCFA 500]]."]
  pass: ["Nothing here."]
""",
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError) as err:
        load_rule_file(path)
    assert "befor" in str(err.value)


def test_newsroom_currency_file_extends_the_grammar(tmp_path):
    from factcheck.api import make_context
    from factcheck.context import Options

    (tmp_path / "NUM900-cfa-franc.yml").write_text(
        """id: NUM900
name: cfa-franc
kind: quantities
severity: info
summary: CFA francs.
description: West and Central African CFA francs.
source: ISO 4217
vocabulary: currencies
entries:
  - {unit: XAF, before: [FCFA], after: [CFA francs]}
examples:
  flag: ["It cost [[FCFA 500]]."]
  pass: ["Nothing here."]
""",
        encoding="utf-8",
    )
    ctx = make_context(Options(rules_dirs=(tmp_path,)))
    found = claims_of("The fine was FCFA 500,000 and rose to 2 million CFA francs.", ctx)
    assert [(c.kind, c.unit, c.value, c.rule) for c in found] == [
        ("money", "XAF", 500_000, "NUM900"),
        ("money", "XAF", 2_000_000, "NUM900"),
    ]
    assert only("It cost £5.", ctx).rule == "NUM002"


def test_paraphrased_figure_findings_say_whose_words_they_are(ctx):
    text = (
        "The minister said 27 people died in the crash on Monday.\n\n"
        "Later, officials said that 35 people died in the crash.\n\n"
        "Unemployment rose from 4% to 6%, the minister said. "
        "She said unemployment rose by 2% this year.\n"
    )
    messages = {f.rule: f.message for f in analyze_text(text, ctx=ctx).findings}
    assert messages["NUM102"].endswith("should agree (paraphrased from officials)")
    assert messages["NUM103"].endswith("in per cent) (paraphrased from minister)")
    assert all("[" not in m for m in messages.values())
