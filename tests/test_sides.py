"""Sides: the gazetteer with no configuration, and the user's overrides (--side, a sides
file, front matter), on short real-news-like sentences."""

from __future__ import annotations

import pytest

from factcheck.api import analyze_text, make_context
from factcheck.attribution.sides import read_sides_file
from factcheck.context import Options
from factcheck.errors import ConfigError
from factcheck.model import Analysis


def _side_of(analysis: Analysis, name: str) -> str | None:
    found = [s for s in analysis.speakers if s.name == name]
    assert found, f"no speaker {name!r} in {[s.name for s in analysis.speakers]}"
    return found[0].side


def test_design_example_sides_with_no_configuration(ctx, channel_text):
    a = analyze_text(channel_text, ctx=ctx)
    assert _side_of(a, "Gerald Darmanin") == "France"
    assert _side_of(a, "France") == "France"
    assert _side_of(a, "Emmanuel Macron") == "France"
    assert _side_of(a, "Boris Johnson") == "United Kingdom"
    assert _side_of(a, "Priti Patel") == "United Kingdom"
    uk = next(s for s in a.speakers if s.name == "United Kingdom")
    assert uk.kind == "collective" and uk.statements == 0
    # Britain, London and England are mentions of the United Kingdom side.
    assert {"Britain", "London", "England"} <= {m.text for m in uk.mentions}
    assert uk.side_rule == "SIDE001"


def test_capitals_and_seats_of_power(ctx):
    a = analyze_text("Downing Street said the letter was sent on Friday.", ctx=ctx)
    assert _side_of(a, "United Kingdom") == "United Kingdom"
    b = analyze_text("The White House said the president would veto the bill.", ctx=ctx)
    assert _side_of(b, "United States") == "United States"


@pytest.mark.parametrize(
    ("text", "name", "side"),
    [
        ("Sen. Ted Cruz (R-Texas) said the deal was a mistake.", "Ted Cruz", "Republican Party"),
        (
            "Rep. Nancy Pelosi, D-Calif., said the bill would pass.",
            "Nancy Pelosi",
            "Democratic Party",
        ),
        (
            "Democratic presidential candidate Hillary Clinton said the plan would fail.",
            "Hillary Clinton",
            "Democratic Party",
        ),
        (
            "Tory MP Jacob Rees-Mogg said the deal was dead.",
            "Jacob Rees-Mogg",
            "Conservative Party",
        ),
        (
            "Gerald Darmanin, the French interior minister, said Britain should act.",
            "Gerald Darmanin",
            "France",
        ),
        (  # a place before the party and the title
            "New Jersey Republican Gov. Chris Christie said the plan would fail.",
            "Chris Christie",
            "Republican Party",
        ),
        (
            "Vermont Democratic Sen. Bernie Sanders said the plan would fail.",
            "Bernie Sanders",
            "Democratic Party",
        ),
        (  # a definite description, then the name between commas
            "The Conservative shadow health secretary, Victoria Atkins, said it would fail.",
            "Victoria Atkins",
            "Conservative Party",
        ),
        (
            "The French interior minister, Gerald Darmanin, said Britain should act.",
            "Gerald Darmanin",
            "France",
        ),
    ],
)
def test_affiliation_from_titles_labels_and_appositions(ctx, text, name, side):
    a = analyze_text(text, ctx=ctx)
    assert _side_of(a, name) == side


def test_a_speaker_the_article_does_not_place_has_no_side(ctx):
    a = analyze_text("Jane Smith said the bridge would reopen next week.", ctx=ctx)
    assert _side_of(a, "Jane Smith") is None


def test_side_option_overrides_the_gazetteer(channel_text):
    ctx = make_context(Options(sides={"Paris": ("Darmanin", "Macron"), "London": ("Johnson",)}))
    a = analyze_text(channel_text, ctx=ctx)
    assert _side_of(a, "Gerald Darmanin") == "Paris"
    assert _side_of(a, "Emmanuel Macron") == "Paris"
    assert _side_of(a, "Boris Johnson") == "London"
    darmanin = next(s for s in a.speakers if s.name == "Gerald Darmanin")
    assert darmanin.side_rule is None  # not from a sides rule file
    assert all(st.side == "Paris" for st in a.statements if st.speaker == darmanin.id)


def test_sides_file(tmp_path, channel_text):
    path = tmp_path / "sides.yml"
    path.write_text("Home Office: [Patel]\nMinistry: Darmanin, Macron\n", encoding="utf-8")
    assert read_sides_file(path) == {"Home Office": ("Patel",), "Ministry": ("Darmanin", "Macron")}
    a = analyze_text(channel_text, ctx=make_context(Options(sides_file=path)))
    assert _side_of(a, "Priti Patel") == "Home Office"
    assert _side_of(a, "Gerald Darmanin") == "Ministry"
    assert _side_of(a, "Boris Johnson") == "United Kingdom"  # not in the file: gazetteer


def test_side_option_wins_over_the_sides_file(tmp_path):
    path = tmp_path / "sides.yml"
    path.write_text("Blue: [Darmanin]\n", encoding="utf-8")
    ctx = make_context(Options(sides={"Red": ("Darmanin",)}, sides_file=path))
    a = analyze_text("Gerald Darmanin said Britain should act.", ctx=ctx)
    assert _side_of(a, "Gerald Darmanin") == "Red"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- just\n- a list\n", "must map each side name"),
        ("France: [Darmanin\n", "not valid YAML"),
        ("France: {minister: Darmanin}\n", "must have a list of aliases"),
        ("France: []\n", "has no aliases"),
    ],
)
def test_bad_sides_file_is_a_config_error(tmp_path, content, message):
    path = tmp_path / "sides.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        read_sides_file(path)


def test_missing_sides_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        read_sides_file(tmp_path / "nope.yml")


def test_front_matter_sides(ctx):
    text = (
        "---\n"
        "title: Channel crossings\n"
        "sides:\n"
        "  Government: [Darmanin]\n"
        "  Opposition: [Le Pen]\n"
        "---\n"
        "Gerald Darmanin said the border was secure. Marine Le Pen said it was not.\n"
    )
    a = analyze_text(text, ctx=ctx, input_format="markdown")
    assert _side_of(a, "Gerald Darmanin") == "Government"
    assert _side_of(a, "Marine Le Pen") == "Opposition"


def test_side_rule_examples_mark_the_mentions(ctx):
    from factcheck.ruletest import spans_by_rule

    text = "Mexican President Enrique Pena Nieto said Mexico would not pay for the wall."
    a = analyze_text(text, ctx=ctx, input_format="markdown")
    spans = {text[s:e] for s, e in spans_by_rule(a)["SIDE002"]}
    assert spans == {"Mexican President Enrique Pena Nieto", "Mexico"}


def test_repeated_side_option_merges_its_aliases(channel_text):
    from factcheck.cli import build_options

    options = build_options(side=["Paris=Darmanin", "London=Johnson", "Paris=Macron,Darmanin"])
    assert options.sides == {"Paris": ("Darmanin", "Macron"), "London": ("Johnson",)}
    a = analyze_text(channel_text, ctx=make_context(options))
    assert _side_of(a, "Gerald Darmanin") == "Paris"
    assert _side_of(a, "Emmanuel Macron") == "Paris"
