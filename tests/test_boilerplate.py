"""Boilerplate stage: link blocks, credits and bylines kept in the text, out of scoring."""

from __future__ import annotations

import pytest

from factcheck import segment
from factcheck.context import Context
from factcheck.ingest import boilerplate, document_from_text
from factcheck.model import Analysis
from factcheck.resources import rules_dir
from factcheck.ruleset import load_ruleset


@pytest.fixture(scope="module")
def bp_ctx() -> Context:
    """The bundled boilerplate rules only: these tests do not depend on other stages."""
    return Context(ruleset=load_ruleset([rules_dir() / "boilerplate"], include_default=False))


def run(text: str, ctx: Context, input_format: str = "text") -> Analysis:
    analysis = Analysis(document=document_from_text(text, input_format=input_format))
    return boilerplate.annotate(segment.annotate(analysis, ctx), ctx)


def excluded(analysis: Analysis) -> list[tuple[str, str | None, str]]:
    text = analysis.document.text
    return [(text[e.start : e.end], e.rule, e.reason) for e in analysis.document.excluded]


def test_design_example_boilerplate_is_excluded_with_reasons(channel_text, bp_ctx):
    analysis = run(channel_text, bp_ctx)
    assert excluded(analysis) == [
        ("/Reuters", "BP002", "photo credit"),
        (
            "Read more:\n"
            "Nine suggested solutions to the UK/France migrant crisis in the Channel\n"
            "Migrant crossings to England soar, further straining France-UK relations",
            "BP001",
            "related-links block (other stories' headlines)",
        ),
        ("(With input from agencies.)", "BP003", "agency input credit"),
    ]
    text = channel_text
    by_text = {text[s.start : s.end]: s for s in analysis.segments.sentences}
    assert by_text["/Reuters"].excluded
    assert by_text["(With input from agencies.)"].excluded
    assert by_text["Read more:"].excluded
    darmanin = next(t for t in by_text if t.endswith("Darmanin added."))
    assert not by_text[darmanin].excluded
    caption = next(t for t in by_text if t.startswith("More than 1,000 migrants"))
    assert not by_text[caption].excluded  # only the credit is boilerplate
    paragraphs = analysis.segments.paragraphs
    assert [p.excluded for p in paragraphs] == [False] * 11 + [True] * 4


def test_excluded_words_do_not_count(channel_text, bp_ctx):
    analysis = run(channel_text, bp_ctx)
    unscored = run(channel_text, Context(ruleset=load_ruleset([], include_default=False)))
    removed = "Read more: Nine suggested solutions to the UK/France migrant crisis in the Channel "
    removed += "Migrant crossings to England soar, further straining France-UK relations "
    removed += "Reuters With input from agencies"
    assert unscored.words() - analysis.words() == segment.count_words(removed)


def test_a_sentence_partly_boilerplate_is_cut_at_the_credit(bp_ctx):
    text = (
        "A migrant boat off the coast of Kent Photograph: Stefan Rousseau/PA\n\nThe talks ended.\n"
    )
    analysis = run(text, bp_ctx)
    pieces = [(text[s.start : s.end], s.excluded) for s in analysis.segments.sentences]
    assert pieces == [
        ("A migrant boat off the coast of Kent", False),
        ("Photograph: Stefan Rousseau/PA", True),
        ("The talks ended.", False),
    ]
    assert not analysis.segments.paragraphs[0].excluded


@pytest.mark.parametrize(
    "text",
    [
        "Reuters reported on Sunday that 27 people died trying to cross the Channel.",
        "By the time the boats arrived, 27 people had died.",
        "Read more about the plan in our explainer, published on Friday.",
        "The advertisement was pulled after complaints, the regulator said.",
        "Millions of voters follow Trump on Twitter, the campaign said.",
        "Copyright law protects the photographs, the court said.",
    ],
)
def test_news_sentences_that_mention_boilerplate_words_pass(text, bp_ctx):
    assert excluded(run(text, bp_ctx)) == []


def test_markdown_related_list_is_one_block(bp_ctx):
    text = (
        "The talks ended on Sunday.\n\n**Related:**\n\n"
        "- [Migrant crossings soar](https://example.com/a)\n"
        "- [France and UK trade barbs](https://example.com/b)\n\n"
        "Both sides will meet again in March.\n"
    )
    analysis = run(text, bp_ctx, "markdown")
    ((span, rule, _),) = excluded(analysis)
    assert rule == "BP001"
    assert span.startswith("Related:**") and span.endswith("trade barbs")
    kept = [text[s.start : s.end] for s in analysis.segments.sentences if not s.excluded]
    assert kept == ["The talks ended on Sunday.", "Both sides will meet again in March."]


def test_bylines_and_sign_offs(bp_ctx):
    text = (
        "By Jane Smith, Reuters\n\n"
        "France rejected the plan on Sunday.\n\n"
        "Additional reporting by John Irish in Paris; Editing by Alex Richardson\n"
        "Follow Jane Smith on Twitter @janesmith\n"
    )
    assert [(span, rule) for span, rule, _ in excluded(run(text, bp_ctx))] == [
        ("By Jane Smith, Reuters", "BP004"),
        ("Additional reporting by John Irish in Paris; Editing by Alex Richardson", "BP003"),
        ("Follow Jane Smith on Twitter @janesmith", "BP005"),
    ]


def test_a_newsroom_can_add_its_own_boilerplate_rule(tmp_path, bp_ctx):
    (tmp_path / "BP900-house-footer.yml").write_text(
        """id: BP900
name: house-footer
kind: boilerplate
severity: info
summary: Our CMS footer line.
description: The footer our CMS appends to every story.
source: House style guide
patterns:
  - pattern: 'ExampleNews is part of Example Media\\.?'
    reason: house footer
    case_sensitive: true
examples:
  flag: ["Text.\\n\\n[[ExampleNews is part of Example Media.]]"]
  pass: ["examplenews is part of example media."]
""",
        encoding="utf-8",
    )
    ctx = Context(
        ruleset=load_ruleset([rules_dir() / "boilerplate", tmp_path], include_default=False)
    )
    found = excluded(run("France said no.\n\nExampleNews is part of Example Media.\n", ctx))
    assert found == [("ExampleNews is part of Example Media.", "BP900", "house footer")]
    assert excluded(run("France said no.\n\nexamplenews is part of example media.\n", ctx)) == []


def test_boilerplate_reaches_the_json_result(channel_text):
    from factcheck.api import analyze_text
    from factcheck.render.result_dict import to_dict

    data = to_dict(analyze_text(channel_text))
    reasons = {(e["rule"], e["reason"], e["line"]) for e in data["document"]["excluded"]}
    assert ("BP002", "photo credit", 1) in reasons
    assert ("BP003", "agency input credit", 15) in reasons
    assert not any(c["text"] == "Nine" for c in data["claims"])  # "Nine suggested solutions"
