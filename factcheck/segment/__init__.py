"""Segment stage: paragraphs, headings, sentences and direct quotations as offset spans.

Everything is found in ``Document.view`` (markup already masked), so offsets are
valid in the user's file. The boilerplate stage runs next and marks the sentences
and paragraphs it excludes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from factcheck.context import Context
from factcheck.model import Analysis, Paragraph, Segments, Sentence
from factcheck.segment.paragraphs import find_paragraphs
from factcheck.segment.quotes import find_quotes
from factcheck.segment.sentences import split_sentences

__all__ = ["annotate", "count_words", "segment_text", "split_sentences"]


@cache
def _word_re() -> re.Pattern[str]:
    # Words for scoring: "1,000", "3.5", "don't", "post-Brexit" are one word each.
    return re.compile(r"\w+(?:[’'.,-]\w+)*")


def count_words(text: str) -> int:
    """Words in ``text`` as readers count them (numbers and hyphenated words are one)."""
    return len(_word_re().findall(text))


def annotate(analysis: Analysis, ctx: Context) -> Analysis:
    doc = analysis.document
    paragraphs = find_paragraphs(doc)
    sentences = sentences_of(doc.view, paragraphs)
    quotes = find_quotes(doc.view, paragraphs)
    segments = Segments(tuple(paragraphs), tuple(sentences), quotes)
    if doc.meta.title is None:
        heading = next((p for p in paragraphs if p.heading), None)
        if heading is not None:
            title = headline_title(doc.view[heading.start : heading.end])
            doc = replace(doc, meta=replace(doc.meta, title=title))
            return analysis.evolve(document=doc, segments=segments)
    return analysis.evolve(segments=segments)


def headline_title(text: str) -> str:
    """A heading as a title: one line, without the full stop some archives end headlines with.

    "Barbs and pleas before N.H. vote." titles its report "Barbs and pleas before N.H.
    vote"; an abbreviation's dot ("… in the U.S.") or an ellipsis stays.
    """
    title = " ".join(text.split())
    if title.endswith(".") and not title.endswith("..") and not _ends_in_abbreviation(title):
        title = title[:-1]
    return title


_TITLE_FINAL_ABBREVIATIONS = frozenset({"jr.", "sr.", "inc.", "co.", "ltd.", "corp.", "st."})


def _ends_in_abbreviation(title: str) -> bool:
    last = title.rsplit(" ", 1)[-1]
    return last.count(".") > 1 or last.lower() in _TITLE_FINAL_ABBREVIATIONS


def sentences_of(view: str, paragraphs: list[Paragraph]) -> list[Sentence]:
    """Sentences of every paragraph; a heading is one sentence."""
    out: list[Sentence] = []
    for i, p in enumerate(paragraphs):
        if p.heading:
            out.append(Sentence(p.start, p.end, i))
        else:
            out.extend(Sentence(s, e, i) for s, e in split_sentences(view, p.start, p.end))
    return out


def segment_text(text: str) -> Segments:
    """Paragraphs, sentences and quotations of a plain string (benchmarks, quick checks)."""
    from factcheck.ingest import document_from_text

    doc = document_from_text(text)
    paragraphs = find_paragraphs(doc)
    sentences = sentences_of(doc.view, paragraphs)
    return Segments(tuple(paragraphs), tuple(sentences), find_quotes(doc.view, paragraphs))
