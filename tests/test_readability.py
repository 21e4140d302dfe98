"""Readability: offline, textstat's counts with our sentence count, honest about short texts."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from factcheck import segment
from factcheck.context import Context, Options
from factcheck.ingest import document_from_text
from factcheck.model import Analysis
from factcheck.ruleset import RuleSet
from factcheck.scoring import annotate
from factcheck.scoring.readability import METRICS, build_lexicon, compute_readability

# Plain sentences, none of two words or fewer and no abbreviations: textstat's own
# sentence counter agrees with ours here, so its formulas must give our numbers.
PLAIN = (
    "More than one thousand migrants have arrived on the coast this week. "
    "France has rejected the call for an agreement to return migrants crossing the Channel. "
    "The interior minister said any deal on migration would have to be done with the union. "
    "He said France is ready for a serious discussion on issues relating to illegal migration. "
    "The two countries are already at loggerheads over trading rules and fishing rights. "
    "Last week relations soured further after twenty seven people died trying to cross. "
    "The prime minister wrote to the French president asking for a bilateral deal. "
    "France responded by cancelling an invitation to a meeting with European counterparts. "
    "Little was agreed at the meeting beyond further cooperation between police forces. "
    "The border agency agreed to provide a plane to monitor the northern coastline."
)


@pytest.fixture(scope="module")
def rctx() -> Context:
    return Context(ruleset=RuleSet((), ""), options=Options(tone=False))


def scored(text: str, ctx: Context, input_format: str = "text") -> Analysis:
    doc = document_from_text(text, input_format=input_format)
    return annotate(segment.annotate(Analysis(document=doc), ctx), ctx)


def test_counts_and_formulas_agree_with_textstat_when_sentences_agree(rctx):
    import textstat

    r = scored(PLAIN, rctx).readability
    assert r["sentences"] == textstat.sentence_count(PLAIN) == 10
    assert r["words"] == textstat.lexicon_count(PLAIN)
    assert r["syllables"] == textstat.syllable_count(PLAIN)
    assert r["polysyllables"] == textstat.polysyllabcount(PLAIN)
    for name in (
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "gunning_fog",
        "smog_index",
        "dale_chall_readability_score",
    ):
        assert r[name] == pytest.approx(getattr(textstat, name)(PLAIN), abs=0.01), name


def test_our_sentence_count_not_textstats(rctx):
    import textstat

    text = " ".join(
        [
            "Mr. Johnson wrote to the U.K. and French leaders on Friday about the 3.5 km crossing.",
            "He asked for a deal.",
        ]
        * 6
    )
    a = scored(text, rctx)
    ours = [s for s in a.segments.sentences if not s.excluded]
    assert a.readability["sentences"] == len(ours)
    # textstat's counter splits at "Mr.", "U.K." and "3.5" and drops short pieces.
    assert textstat.sentence_count(text) != len(ours)


def test_syllables_are_textstats_on_real_text(rctx, channel_text):
    from textstat.backend.counts import count_syllables
    from textstat.backend.selections import list_words

    lex = build_lexicon()
    words = list_words(channel_text)
    assert len(words) > 300
    ours = [lex.syllables[w.lower()] for w in words]
    theirs = [count_syllables(w, "en_US") for w in words]
    assert ours == theirs
    assert lex.syllables["migrants"] == 2 and lex.syllables["illegal"] == 3
    assert lex.syllables["darmanin"] == count_syllables("darmanin", "en_US")  # not in CMU


def test_design_example_is_grade_level_news(rctx, channel_text):
    r = scored(channel_text, rctx).readability
    assert r["note"] is None
    assert r["words"] > 300
    assert 8 < r["flesch_kincaid_grade"] < 16
    assert 30 < r["flesch_reading_ease"] < 70
    assert r["max_sentence_length"] == max(r["sentence_lengths"])
    assert sum(r["sentence_length_histogram"].values()) == r["sentences"]
    assert list(r["sentence_length_histogram"]) == ["1-10", "11-20", "21-30", "31-40", "41+"]


def test_words_letters_and_syllables_of_accented_and_quoted_words(rctx):
    """Counted on textstat's words, also where lower-casing lengthens a word ("İ")."""
    from textstat.backend.counts import count_syllables
    from textstat.backend.selections import list_words

    extra = " İstanbul's mayor met them at the Élysée; they didn't agree. 'Quoted,' he said."
    for text in (PLAIN + extra, PLAIN + extra.replace("İ", "I")):
        r = scored(text, rctx).readability
        words = list_words(text)
        assert r["words"] == len(words)
        assert r["letters"] == sum(len(w) - w.count("'") for w in words)
        assert r["syllables"] == sum(count_syllables(w, "en_US") for w in words)


def test_sentence_length_distribution(rctx):
    text = "One two three four five. " + "Word " * 24 + "end. " + "Short one here."
    r = scored(text, rctx).readability
    assert r["sentence_lengths"] == [5, 25, 3]
    assert r["sentence_length_histogram"] == {
        "1-10": 2,
        "11-20": 0,
        "21-30": 1,
        "31-40": 0,
        "41+": 0,
    }
    assert (r["mean_sentence_length"], r["median_sentence_length"], r["max_sentence_length"]) == (
        11.0,
        5,
        25,
    )


def test_short_text_has_no_metrics_and_says_why(rctx):
    r = scored("France rejected the call. Britain has not replied.", rctx).readability
    assert r["words"] == 8 and r["sentences"] == 2
    assert all(r[m] is None for m in METRICS)
    assert "8 words" in r["note"] and "100" in r["note"]


def test_headings_are_not_prose(rctx):
    body = PLAIN
    with_title = "# Channel row deepens\n\n" + body
    a = scored(with_title, rctx, "markdown").readability
    b = scored(body, rctx, "markdown").readability
    assert a["sentences"] == b["sentences"] and a["words"] == b["words"]


def test_versions_are_recorded(rctx):
    a = scored(PLAIN, rctx)
    assert a.versions["textstat"] == "0.7.8"


def test_readability_never_touches_the_network_or_nltk():
    """Run textstat's own first call and ours in a fresh interpreter with sockets cut off."""
    code = textwrap.dedent(
        """
        import socket, sys
        def refuse(*args, **kwargs):
            raise RuntimeError("network access attempted")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        socket.getaddrinfo = refuse
        import textstat
        assert textstat.flesch_reading_ease("The minister said the talks would resume.") > 0
        from factcheck.context import Context, Options
        from factcheck.ruleset import RuleSet
        from factcheck.scoring.readability import compute_readability
        from factcheck import segment
        from factcheck.ingest import document_from_text
        from factcheck.model import Analysis
        ctx = Context(ruleset=RuleSet((), ""), options=Options())
        doc = document_from_text("Darmanin said Britain should act. " * 30)
        r = compute_readability(segment.annotate(Analysis(document=doc), ctx), ctx)
        assert r["flesch_kincaid_grade"] is not None
        assert "nltk" not in sys.modules, "nltk was imported"
        print("offline ok")
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert out.returncode == 0, out.stderr
    assert "offline ok" in out.stdout


def test_compute_readability_reuses_the_lexicon(rctx):
    a = scored(PLAIN, rctx)
    first = rctx.cache["scoring.readability"]
    compute_readability(a, rctx)
    assert rctx.cache["scoring.readability"] is first


def test_metrics_only_mode_skips_a_story_too_short_to_grade(rctx):
    """``check`` needs readability for the grade alone: a short draft loads no syllable table."""
    ctx = Context(ruleset=RuleSet((), ""), options=Options(tone=False, readability_counts=False))
    text = "The council said the library will open on Sundays. It costs little."
    short = scored(text, ctx)
    assert short.readability is None and "scoring.readability" not in ctx.cache
    assert "textstat" not in short.versions
    assert scored(text, rctx).readability["words"] == 12  # reports still count a short story
    graded = scored(PLAIN * 3, ctx)  # over 100 words: graded exactly as in a report
    assert graded.readability is not None and graded.readability["flesch_kincaid_grade"]
    assert graded.readability == scored(PLAIN * 3, rctx).readability
