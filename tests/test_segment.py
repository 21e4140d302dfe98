"""Segmentation: paragraphs, headlines, sentences on real news sentences, quotations."""

from __future__ import annotations

import pytest

from factcheck import segment
from factcheck.ingest import document_from_text
from factcheck.model import Analysis
from factcheck.segment import count_words, segment_text


def sentences(text: str, input_format: str = "text") -> list[str]:
    doc = document_from_text(text, input_format=input_format)
    seg = segment.annotate(Analysis(document=doc), None).segments  # type: ignore[arg-type]
    return [text[s.start : s.end] for s in seg.sentences]


def quotes(text: str) -> list[str]:
    return [text[q.start : q.end] for q in segment_text(text).quotes]


# Sentences ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Talks resume on Dec. 1 in Brussels. Both sides attended.",
            ["Talks resume on Dec. 1 in Brussels.", "Both sides attended."],
        ),
        (
            "Johnson returned to No. 10 Downing Street on Monday. He said nothing.",
            ["Johnson returned to No. 10 Downing Street on Monday.", "He said nothing."],
        ),
        (
            "He moved to the U.S. in 2010. He later returned to the U.K.",
            ["He moved to the U.S. in 2010.", "He later returned to the U.K."],
        ),
        (
            "The vote was held in the U.S. The result was close.",
            ["The vote was held in the U.S.", "The result was close."],
        ),
        (
            "Mr. Johnson and Mrs. May met Dr. Smith and Gov. Hochul at 9 a.m. on Friday.",
            ["Mr. Johnson and Mrs. May met Dr. Smith and Gov. Hochul at 9 a.m. on Friday."],
        ),
        (
            "It happened at 10 p.m. The police arrived later.",
            ["It happened at 10 p.m.", "The police arrived later."],
        ),
        (
            "She can review the decision as well.In fact, Saris acted. The U.S.Army agreed.",
            [
                "She can review the decision as well.",
                "In fact, Saris acted.",
                "The U.S.Army agreed.",
            ],
        ),
        (
            "Inflation rose 3.5% in March. Prices fell 0.2 per cent.",
            ["Inflation rose 3.5% in March.", "Prices fell 0.2 per cent."],
        ),
        (
            "The book by J. K. Rowling sold well. George W. Bush read it.",
            ["The book by J. K. Rowling sold well.", "George W. Bush read it."],
        ),
        (
            "Sen. Bernie Sanders spoke. Rep. Adam Schiff, D-Calif., and Gen. Mark Milley listened.",
            [
                "Sen. Bernie Sanders spoke.",
                "Rep. Adam Schiff, D-Calif., and Gen. Mark Milley listened.",
            ],
        ),
        (
            "He has taken aim at GOP Sens. Kelly Ayotte and Richard Burr. Reps. Jim Jordan "
            "and Mark Meadows agreed.",
            [
                "He has taken aim at GOP Sens. Kelly Ayotte and Richard Burr.",
                "Reps. Jim Jordan and Mark Meadows agreed.",
            ],
        ),
        (
            "Shares of Acme Inc. and Foo Ltd. rose. Bob Smith Jr. said so.",
            ["Shares of Acme Inc. and Foo Ltd. rose.", "Bob Smith Jr. said so."],
        ),
        (
            "The judge, Gonzalo P. Curiel, was born in Indiana. See p. 4 of the ruling.",
            ["The judge, Gonzalo P. Curiel, was born in Indiana.", "See p. 4 of the ruling."],
        ),
        (
            "He was backed by the pro-U.S. Gen. Carlos Castillo Armas.",
            ["He was backed by the pro-U.S. Gen. Carlos Castillo Armas."],
        ),
        (
            '"Why?" he asked. "Because we can."',
            ['"Why?" he asked.', '"Because we can."'],
        ),
    ],
)
def test_sentences_on_news_sentences(text, expected):
    assert sentences(text) == expected


def test_the_design_example_splits_into_its_sentences(channel_text):
    got = sentences(channel_text)
    assert got[0] == (
        "More than 1,000 migrants have either arrived on UK shores, or been rescued from "
        "small boats this week."
    )
    assert got[1] == "/Reuters"
    # an ellipsis inside a quotation does not end the sentence
    assert (
        "We need to work seriously on these questions ... without being held hostage by "
        'domestic British politics," Darmanin told reporters after meeting his Belgian, '
        "German and Dutch counterparts in Calais." in got
    )
    assert '"Britain left Europe, but not the world.' in got  # a quotation of two sentences
    assert '"Britain must take its responsibility and limit its economic attractiveness."' in got
    assert got[-1] == "(With input from agencies.)"
    assert len(got) == 19


def test_sentences_never_cross_paragraphs_and_keep_crlf_offsets():
    text = "Migrants crossed the Channel\r\n\r\nLast week 27 people died. More came.\r\n"
    assert sentences(text) == [
        "Migrants crossed the Channel",
        "Last week 27 people died.",
        "More came.",
    ]


def test_curly_quotes_and_em_dashes():
    text = (
        "\u201cWe will not be held hostage,\u201d Darmanin said \u2014 again. "
        "\u201cBritain must act.\u201d Officials agreed."
    )
    assert sentences(text) == [
        "\u201cWe will not be held hostage,\u201d Darmanin said \u2014 again.",
        "\u201cBritain must act.\u201d",
        "Officials agreed.",
    ]


# Paragraphs and headings ------------------------------------------------------------------


def test_one_line_per_paragraph_news_copy(channel_text):
    seg = segment_text(channel_text)
    assert len(seg.paragraphs) == 15
    assert [channel_text[p.start : p.end] for p in seg.paragraphs][11:13] == [
        "Read more:",
        "Nine suggested solutions to the UK/France migrant crisis in the Channel",
    ]
    assert not any(p.heading for p in seg.paragraphs)  # line 1 is a caption, not a headline


def test_hard_wrapped_paragraphs_stay_whole():
    text = (
        "France has rejected Boris Johnson's call for an agreement to return\n"
        "migrants crossing the Channel, accusing the UK prime minister of\n"
        "exploiting the crisis for political purposes, officials said on Sunday.\n\n"
        "Darmanin said Britain should make itself less attractive.\n"
    )
    seg = segment_text(text)
    assert len(seg.paragraphs) == 2
    assert len(seg.sentences) == 2


def test_a_headline_is_a_heading_and_the_title():
    text = "France rejects Johnson's migrant plan\n\nFrance has rejected the plan.\n"
    doc = document_from_text(text)
    analysis = segment.annotate(Analysis(document=doc), None)  # type: ignore[arg-type]
    assert analysis.segments.paragraphs[0].heading
    assert analysis.document.meta.title == "France rejects Johnson's migrant plan"


BARBS = (
    "Barbs and pleas before N.H. vote.\n\n"
    "INTENSE CAMPAIGNING ON BOTH SIDES.\n\n"
    "MANCHESTER, N.H. - With a snowstorm bearing down, presidential candidates scurried "
    "across New Hampshire on Monday, leveling inflammatory attacks against one another "
    "while pleading with voters for their support in Tuesday's primary election.\n"
)


def title_of(text: str) -> str | None:
    doc = document_from_text(text)
    analysis = segment.annotate(Analysis(document=doc), None)  # type: ignore[arg-type]
    return analysis.document.meta.title


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (BARBS, "Barbs and pleas before N.H. vote"),  # the full stop is not part of a title
        (
            "Lynch: No outside influence on FBI probe into Clinton emails.\n\n"
            "WASHINGTON (AP) - Attorney General Loretta Lynch is reaffirming that the FBI's "
            "probe into Hillary Clinton's use of a private email server while secretary of "
            "state is free of outside political influence.\n",
            "Lynch: No outside influence on FBI probe into Clinton emails",
        ),
        (
            "Protesters rally outside the White House in Washington, D.C.\n\n"
            "WASHINGTON (AP) - Thousands of protesters gathered outside the White House "
            "on Saturday, chanting and carrying banners about the war.\n",
            "Protesters rally outside the White House in Washington, D.C.",
        ),
        # A lede of one sentence, too long for a headline.
        (
            "France has rejected Boris Johnson's call for an agreement to return migrants "
            "crossing the Channel, officials said.\n\nDarmanin said Britain should make "
            "itself less attractive to illegal immigrants.\n",
            None,
        ),
        # Short, but no body text follows: short sentences are not headline and story.
        ("Talks failed.\n\nBoth sides left.\n", None),
        # No blank line after it: a first line of one-line-per-paragraph copy.
        (
            "Barbs and pleas before N.H. vote.\nPresidential candidates scurried across "
            "New Hampshire on Monday, leveling attacks against one another.\n",
            None,
        ),
        # An ellipsis is not a headline's full stop.
        (
            "And then the polls closed...\n\nPresidential candidates scurried across New "
            "Hampshire on Monday, leveling attacks against one another.\n",
            None,
        ),
    ],
)
def test_a_short_first_line_ending_in_a_full_stop_is_the_title(text: str, title: str | None):
    assert title_of(text) == title


def test_report_title_falls_back_to_the_file_name(tmp_path):
    from factcheck.api import analyze_path
    from factcheck.render.report_context import build_context

    lede = "France has rejected the plan, officials in Paris said on Sunday evening.\n"
    path = tmp_path / "talks_in-paris.txt"
    path.write_text(lede + "\nThe talks will resume next week in Calais, they said.\n")
    assert build_context(analyze_path(str(path)))["meta"]["headline"] == "Talks in paris"
    path.write_text(BARBS)
    assert build_context(analyze_path(str(path)))["meta"]["headline"] == title_of(BARBS)


def test_markdown_heading_becomes_the_title_unless_front_matter_has_one():
    text = "# Migrants *cross* the Channel\n\nSome text here.\n"
    doc = document_from_text(text, input_format="markdown")
    analysis = segment.annotate(Analysis(document=doc), None)  # type: ignore[arg-type]
    assert analysis.document.meta.title == "Migrants cross the Channel"
    text = "---\ntitle: Given\n---\n# Heading\n\nText.\n"
    doc = document_from_text(text, input_format="markdown")
    analysis = segment.annotate(Analysis(document=doc), None)  # type: ignore[arg-type]
    assert analysis.document.meta.title == "Given"


def test_markdown_list_items_and_soft_wrapped_paragraphs():
    text = "- First item\n- Second item\n\nA paragraph that is\nwrapped softly here.\n"
    assert sentences(text, "markdown") == [
        "First item",
        "Second item",
        "A paragraph that is\nwrapped softly here.",
    ]


def test_count_words():
    assert count_words("More than 1,000 migrants, 3.5% of them post-Brexit, don't stay.") == 10


# Quotations ---------------------------------------------------------------------------


def test_split_quote_around_a_cue_is_two_quotations():
    text = '"Britain left Europe," Darmanin said, "but not the world."'
    assert quotes(text) == ['"Britain left Europe,"', '"but not the world."']


def test_quotation_over_several_sentences_is_one(channel_text):
    found = quotes(channel_text)
    assert len(found) == 3
    assert found[0].startswith('"Britain left Europe, but not the world. We need')
    assert found[0].endswith('domestic British politics,"')


def test_multi_paragraph_quotation_continues_into_the_next_paragraph():
    text = (
        "\u201cWe will not be held hostage,\u201d Darmanin said. \u201cBritain left Europe.\n\n"
        "\u201cBut it did not leave the world,\u201d he added.\n\n"
        "The talks ended.\n"
    )
    seg = segment_text(text)
    assert len(seg.quotes) == 2
    multi = seg.quotes[1]
    assert [text[p.start : p.end] for p in multi.parts] == [
        "\u201cBritain left Europe.",
        "\u201cBut it did not leave the world,\u201d",
    ]
    assert text[multi.inner_start : multi.inner_end].startswith("Britain left Europe.")
    assert multi.contains(text.index("did not leave"))
    assert not multi.contains(text.index("he added"))


def test_an_unclosed_quote_stops_at_its_paragraph():
    text = 'Darmanin said "we will not move.\n\nThe talks ended. "Nothing" was agreed.\n'
    found = quotes(text)
    assert found == ['"we will not move.', '"Nothing"']


def test_name_colon_quote_and_curly_inner_quotes():
    text = 'Darmanin: "We will not be held hostage to \u2018domestic\u2019 politics."'
    assert quotes(text) == ['"We will not be held hostage to \u2018domestic\u2019 politics."']


def test_single_curly_quotes_in_a_headline_but_not_apostrophes():
    text = (
        "John McCain: Populist Anger Appeals to \u2018Bad Angels Of Our Nature.\u2019\n\n"
        "Johnson\u2019s aides don\u2019t recall the \u201990s\u2019 migrants\u2019 boats.\n"
    )
    assert quotes(text) == ["\u2018Bad Angels Of Our Nature.\u2019"]


def test_straight_single_quotes_only_in_headings():
    heading = "Trump says 'we will win' in Iowa\n\nHe spoke in Des Moines. It's late.\n"
    assert quotes(heading) == ["'we will win'"]
    body = "Intro paragraph here.\n\nHe said 'no' and left. It's the '90s.\n"
    assert quotes(body) == []


def test_inches_and_stray_marks_do_not_swallow_the_article():
    text = 'The 12" screen was sold out.\n\nMigrants arrived "on Tuesday".\n'
    assert quotes(text) == ['"on Tuesday"']


def test_a_quotation_broken_over_lines_runs_on_to_its_closing_mark():
    text = (
        "\u201cOur son is a devout Muslim who prayed five times a day and never once spoke "
        "about violence, politics or anything of the kind.\n"
        "He never missed a prayer,\u201d his mother told reporters outside the courthouse on "
        "Tuesday afternoon, holding a photograph of him.\n"
        "Police declined to comment on the case when asked about it on Tuesday evening.\n"
    )
    seg = segment_text(text)
    assert len(seg.paragraphs) == 3
    (quote,) = seg.quotes
    assert text[quote.start : quote.end].endswith("He never missed a prayer,\u201d")
    assert quote.contains(text.index("never missed"))
    assert not quote.contains(text.index("Police"))
