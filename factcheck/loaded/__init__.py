"""Loaded-language stage: find judgement-laden words and phrases, and whose voice they are in.

Every ``lexicon`` rule is compiled once per run into one trie matcher
(:mod:`factcheck.loaded.matcher`), run over the folded view of the document. Hits
in masked markup or excluded boilerplate are dropped; each kept hit becomes a
:class:`~factcheck.model.LoadedTerm` carrying its rule id, category, suggestion and
voice (:mod:`factcheck.loaded.voice`). Scare quotes and "so-called" are a check
(:mod:`factcheck.loaded.checks`), since they are about punctuation, not words.
"""

from __future__ import annotations

import bisect

from factcheck.context import Context
from factcheck.loaded.matcher import Hit, Matcher, build_matcher, fold
from factcheck.loaded.voice import QuoteIndex, voice_at
from factcheck.model import Analysis, Document, LoadedTerm, Sentence
from factcheck.textutil.regexcache import store_for

MATCHER_KEY = "loaded.matcher"
# How far `requires_near` / `unless_near` look, at most, within the sentence (characters).
NEAR_REACH = 300


def matcher_for(ctx: Context) -> Matcher:
    """The run's compiled lexicon matcher (built on first use)."""
    return ctx.compiled(
        MATCHER_KEY,
        lambda: build_matcher(ctx.ruleset.of_kind("lexicon"), store_for(ctx).compile, cache=True),
    )


def annotate(analysis: Analysis, ctx: Context) -> Analysis:
    doc = analysis.document
    sentences = analysis.segments.sentences
    starts = [s.start for s in sentences]
    hits = find_hits(doc, sentences, starts, matcher_for(ctx))
    quotes = QuoteIndex.of(analysis.segments.quotes)
    terms: list[LoadedTerm] = []
    for hit in hits:
        index = _sentence_index(sentences, starts, hit.start)
        if index is not None and sentences[index].excluded:
            continue
        if doc.excluded and doc.is_excluded(hit.start, hit.end):
            continue
        entry = hit.entry
        terms.append(
            LoadedTerm(
                id=f"L{len(terms) + 1}",
                start=hit.start,
                end=hit.end,
                text=doc.text[hit.start : hit.end],
                term=entry.term,
                category=entry.category,
                severity=entry.severity,
                suggestion=entry.suggestion,
                why=entry.why,
                rule=entry.rule,
                voice=voice_at(quotes, hit.start, hit.end),
                sentence=index,
            )
        )
    return analysis.evolve(loaded=tuple(terms))


def find_hits(
    doc: Document, sentences: tuple[Sentence, ...], starts: list[int], matcher: Matcher
) -> list[Hit]:
    """Lexicon hits in the document's view, outside masked markup, in text order."""
    view = doc.view

    def window(start: int, end: int) -> tuple[int, int]:
        """The hit's sentence (its line if unsegmented), at most NEAR_REACH either side."""
        index = _sentence_index(sentences, starts, start)
        if index is None:
            lo = view.rfind("\n", 0, start) + 1
            hi = view.find("\n", end)
            hi = len(view) if hi < 0 else hi
        else:
            lo, hi = sentences[index].start, max(sentences[index].end, end)
        # A run-on "sentence" (a list, a transcript without stops) is not one context.
        return max(lo, start - NEAR_REACH), min(hi, end + NEAR_REACH)

    hits = matcher.find(fold(view), view, window)
    if doc.masked:  # the view blanks masked markup; a hit may only span it between words
        hits = [h for h in hits if not _masked(doc, h.start) and not _masked(doc, h.end - 1)]
    return hits


def _masked(doc: Document, offset: int) -> bool:
    return any(m.start <= offset < m.end for m in doc.masked)


def _sentence_index(sentences: tuple[Sentence, ...], starts: list[int], offset: int) -> int | None:
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and offset < max(sentences[i].end, sentences[i].start + 1):
        return i
    return None
