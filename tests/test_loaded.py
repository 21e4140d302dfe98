"""Loaded-language stage: inflections, the trie matcher, context conditions, voice, scare quotes."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from factcheck import loaded, segment
from factcheck.api import analyze_text
from factcheck.context import Context
from factcheck.ingest import document_from_text
from factcheck.loaded.inflect import inflections
from factcheck.loaded.matcher import expand_braces, fold
from factcheck.model import Analysis
from factcheck.ruleset import load_ruleset

# ----------------------------------------------------------------------------- inflection


@pytest.mark.parametrize(
    ("term", "how", "expected"),
    [
        ("exploit", "verb", {"exploit", "exploits", "exploiting", "exploited"}),
        ("slam", "verb", {"slam", "slams", "slamming", "slammed"}),
        ("soar", "verb", {"soar", "soars", "soaring", "soared"}),
        ("plunge", "verb", {"plunge", "plunges", "plunging", "plunged"}),
        ("flee", "verb", {"flee", "flees", "fleeing", "fled"}),
        ("deny", "verb", {"deny", "denies", "denying", "denied"}),
        ("lash out", "verb", {"lash out", "lashes out", "lashing out", "lashed out"}),
        (
            "hold hostage",
            "verb",
            {"hold hostage", "holds hostage", "holding hostage", "held hostage"},
        ),
        ("illegal", "noun", {"illegal", "illegals"}),
        ("immigrant", "noun", {"immigrant", "immigrants"}),
        ("anchor baby", "noun", {"anchor baby", "anchor babies"}),
        ("witch hunt", "noun", {"witch hunt", "witch hunts"}),
        ("crash", "noun", {"crash", "crashes"}),
        ("strongman", "noun", {"strongman", "strongmen"}),
        ("cynical", "adjective", {"cynical", "cynically"}),
        ("dramatic", "adjective", {"dramatic", "dramatically"}),
    ],
)
def test_inflections(term, how, expected):
    assert set(inflections(term, how)) == expected


def test_doubling_is_not_guessed_for_one_syllable_words():
    # "hoped" is another word: a one-syllable verb only ever doubles ("hop" -> "hopped").
    assert "hoped" not in inflections("hop", "verb")
    assert "hopped" in inflections("hop", "verb")


def test_head_word_of_a_noun_phrase_can_be_chosen():
    assert "bogus asylum seekers" in inflections("bogus asylum seeker", "noun")
    assert "critics argued" in inflections("critics argue", "verb", 1)


def test_brace_alternatives_expand_in_order():
    assert expand_braces("{critics|some critics} {say|argue}") == [
        "critics say",
        "critics argue",
        "some critics say",
        "some critics argue",
    ]


def test_fold_keeps_offsets():
    text = "İstanbul’s mayor"
    assert len(fold(text)) == len(text)
    assert fold(text).endswith("'s mayor")


# ----------------------------------------------------------------------------- matcher

RULE = """\
id: XX001
name: sample-loaded
kind: lexicon
severity: warning
summary: A sample.
description: Why it matters.
source: "A style guide"
category: sample
entries:
{entries}
examples:
  flag: ["[[x]]"]
  pass: ["y"]
"""


def make_ctx(tmp_path: Path, entries: str) -> Context:
    body = textwrap.indent(textwrap.dedent(entries).strip(), "  ")
    (tmp_path / "XX001-sample-loaded.yml").write_text(RULE.format(entries=body), encoding="utf-8")
    return Context(ruleset=load_ruleset([tmp_path], include_default=False))


def hits(text: str, ctx: Context) -> list[str]:
    """Run segmentation and the loaded stage only, returning the flagged texts."""
    analysis = Analysis(document=document_from_text(text, input_format="markdown"))
    analysis = loaded.annotate(segment.annotate(analysis, ctx), ctx)
    return [t.text for t in analysis.loaded]


def test_phrase_matches_across_a_line_break_and_hyphen(tmp_path):
    ctx = make_ctx(
        tmp_path,
        """
        - term: held hostage
          suggestion: blocked by
        - term: far-right
          suggestion: name the party
        """,
    )
    assert hits("They will not be held\nhostage by London.", ctx) == ["held\nhostage"]
    assert hits("A far right group and a far-right group.", ctx) == ["far right", "far-right"]


def test_inflected_forms_and_curly_apostrophes_match(tmp_path):
    ctx = make_ctx(
        tmp_path,
        """
        - term: exploit
          inflect: verb
          suggestion: use
        - term: nation's shame
          suggestion: say what happened
        """,
    )
    text = "He exploits it, exploited it and is exploiting it. The nation’s shame."
    assert hits(text, ctx) == ["exploits", "exploited", "exploiting", "nation’s shame"]


def test_word_boundaries_and_leftmost_longest(tmp_path):
    ctx = make_ctx(
        tmp_path,
        """
        - term: war
          inflect: noun
          suggestion: dispute
        - term: war of words
          suggestion: dispute
        - term: words
          suggestion: x
        """,
    )
    assert hits("The war of words went on; software and warfare did not.", ctx) == ["war of words"]
    assert hits("Two wars.", ctx) == ["wars"]


def test_case_sensitive_entries(tmp_path):
    ctx = make_ctx(
        tmp_path,
        """
        - term: Trumpism
          case_sensitive: true
          suggestion: the president's policies
        """,
    )
    assert hits("Trumpism won; TRUMPISM and trumpism did not.", ctx) == ["Trumpism"]


def test_near_and_neighbour_conditions(tmp_path):
    ctx = make_ctx(
        tmp_path,
        """
        - term: flood
          inflect: verb
          suggestion: give the number
          requires_near: [migrant, refugee]
          unless_near: [water, river]
        - term: row
          suggestion: dispute
          requires_followed_by: [over, with]
          unless_preceded_by: [in a]
        - term: slam
          inflect: verb
          suggestion: criticise
          unless_followed_by: [the door]
        - term: agenda
          suggestion: aims
          requires_preceded_by: [hidden, "'s"]
        """,
    )
    assert hits("A flood of migrants arrived.", ctx) == ["flood"]
    assert hits("Refugees are flooding in.", ctx) == ["flooding"]
    assert hits("A flood of water hit migrants' camps by the river.", ctx) == []
    assert hits("The flood damaged 40 homes.", ctx) == []
    assert hits("A row over fishing. Three wins in a row over them.", ctx) == ["row"]
    assert hits("She slammed the door. She slammed the plan.", ctx) == ["slammed"]
    assert hits("A hidden agenda, Trump's agenda, the agenda.", ctx) == ["agenda", "agenda"]


def test_unless_preceded_by_a_hyphenated_prefix(tmp_path):
    """A prefix joined by a hyphen ("non-partisan") counts as the word before the hit."""
    ctx = make_ctx(
        tmp_path,
        """
        - term: partisan
          suggestion: name the party
          unless_preceded_by: [non-]
        """,
    )
    assert hits("A non-partisan panel. A non partisan panel.", ctx) == []
    assert hits("A partisan panel. A none-too-partisan tone.", ctx) == ["partisan", "partisan"]


def test_hits_in_code_and_link_targets_are_masked(tmp_path):
    ctx = make_ctx(
        tmp_path,
        """
        - term: slam
          inflect: verb
          suggestion: criticise
        """,
    )
    text = "See `slams` and [the story](https://example.com/slammed). He slams it."
    assert hits(text, ctx) == ["slams"]


# ----------------------------------------------------------------------------- the shipped rules


def loaded_of(text: str, ctx: Context, rule: str | None = None) -> list[str]:
    analysis = analyze_text(text, input_format="markdown", ctx=ctx)
    return [t.text for t in analysis.loaded if rule is None or t.rule == rule]


def test_disaster_metaphor_literal_use_passes(ctx):
    assert loaded_of("A flood of migrants reached the coast.", ctx, "LL002") == ["flood"]
    assert loaded_of("A flood of water reached the coast.", ctx, "LL002") == []
    assert loaded_of("A swarm of bees delayed the match.", ctx, "LL002") == []


def test_attribution_verbs_and_their_literal_uses(ctx):
    assert loaded_of("The minister claimed that crossings fell.", ctx, "LL008") == ["claimed"]
    assert loaded_of("The group claimed responsibility for the attack.", ctx, "LL008") == []
    assert loaded_of("Two people were admitted to hospital.", ctx, "LL008") == []


def test_a_surname_after_an_initial_or_a_title_is_a_name_not_a_loaded_word(ctx):
    names = (
        "\u201cIt was a shock,\u201d said Representative Louise M. Slaughter of New York. "
        "Mr. Grim and Sen. Rich did not comment."
    )
    assert loaded_of(names, ctx) == []
    # the same words as words still count, and so do title-case headlines
    assert loaded_of("The slaughter was grim, the report said.", ctx) == ["slaughter", "grim"]
    assert "Slams" in loaded_of("U.S. Slams China Over Tariffs", ctx)


def test_design_example_terms_and_voice(ctx, channel_text):
    analysis = analyze_text(channel_text, ctx=ctx)
    terms = {(t.text, t.rule) for t in analysis.loaded}
    assert {
        ("exploiting", "LL007"),
        ("illegal immigrants", "LL001"),
        ("at loggerheads", "LL006"),
        ("soured", "LL006"),
    } <= terms
    hostage = [t for t in analysis.loaded if t.text == "held hostage"]
    assert len(hostage) == 2
    # Once in reported speech (the attribution stage may mark it paraphrased), once quoted.
    assert hostage[0].voice in ("reporter", "paraphrased")
    assert hostage[1].voice == "quoted"
    exploiting = next(t for t in analysis.loaded if t.text == "exploiting")
    assert exploiting.voice != "quoted"
    # "soar" sits in the "Read more:" block, which is boilerplate.
    assert all(t.text.lower() != "soar" for t in analysis.loaded)
    assert [t.id for t in analysis.loaded] == [f"L{i}" for i in range(1, len(analysis.loaded) + 1)]
    assert [t.start for t in analysis.loaded] == sorted(t.start for t in analysis.loaded)


def test_loaded_stage_alone_gives_reporter_and_quoted(ctx, channel_text):
    analysis = Analysis(document=document_from_text(channel_text))
    analysis = loaded.annotate(segment.annotate(analysis, ctx), ctx)
    voices = [t.voice for t in analysis.loaded if t.text == "held hostage"]
    assert voices == ["reporter", "quoted"]
    soured = next(t for t in analysis.loaded if t.text == "soured")
    assert soured.category == "conflict-framing"
    assert soured.suggestion and soured.why and soured.sentence is not None


def test_loaded_terms_become_findings(ctx):
    text = (
        "Critics say the plan failed. The mayor slammed the plan. "
        '"Migrants will flood the towns," he said.'
    )
    analysis = analyze_text(text, ctx=ctx)
    found = {text[f.start : f.end]: f for f in analysis.findings if f.rule.startswith("LL")}
    assert found["slammed"].severity == "warning"  # the rule's severity, reporter's voice
    assert found["slammed"].voice == "reporter"
    # Vague attribution is a sourcing prompt: info even in the reporter's voice.
    assert found["Critics say"].severity == "info"
    assert found["Critics say"].voice == "reporter"
    assert found["flood"].severity == "info"  # the speaker's word, reported as quoted
    assert found["flood"].voice == "quoted"


# ----------------------------------------------------------------------------- scare quotes


def scare(text: str, ctx: Context) -> list[str]:
    analysis = analyze_text(text, input_format="markdown", ctx=ctx)
    return [analysis.document.text[f.start : f.end] for f in analysis.findings if f.rule == "LL010"]


def test_scare_quotes_and_so_called(ctx):
    assert scare('The government\'s "reforms" left thousands without care.', ctx) == ['"reforms"']
    assert scare("The so-called experts were wrong.", ctx) == ["so-called experts"]
    assert scare("Officials met the ‘refugees’ at the port.", ctx) == ["‘refugees’"]


def test_quotations_that_are_somebodys_words_pass(ctx):
    assert scare('He called the inquiry a "witch hunt" and left.', ctx) == []
    assert scare("Her book, “The Long Road”, is out.", ctx) == []
    assert scare("“Never,” Darmanin told reporters.", ctx) == []


def test_core_lexicon_entries_say_why_and_what_instead(ctx):
    core = [r for r in ctx.ruleset.of_kind("lexicon") if r.id < "LL100"]
    assert len(core) >= 9
    for rule in core:
        assert len(rule.body["entries"]) <= 150, rule.id
        for entry in rule.body["entries"]:
            assert entry.get("why") and entry.get("suggestion"), (rule.id, entry["term"])


def test_vague_attribution_alternatives_inflect_their_verb(ctx):
    text = "Some critics argued the figures were inflated. Critics have said so before."
    assert loaded_of(text, ctx, "LL009") == ["Some critics argued", "Critics have said"]
