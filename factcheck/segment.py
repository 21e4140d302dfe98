"""Segment stage: paragraphs, sentences and direct quotations as offset spans.

MINIMAL VERSION: blank-line paragraphs... replaced by the segmentation work.
"""

from __future__ import annotations

import re

from factcheck.context import Context
from factcheck.model import Analysis, Paragraph, Segments, Sentence

_WORD_RE = re.compile(r"[\w'’-]+")
_SENT_RE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’']?|$)", re.M)


def count_words(text: str) -> int:
    return len(_WORD_RE.findall(text))


def annotate(analysis: Analysis, ctx: Context) -> Analysis:
    view = analysis.document.view
    paragraphs = []
    sentences = []
    for m in re.finditer(r"[^\n]+", view):
        paragraphs.append(Paragraph(m.start(), m.end()))
        for s in _SENT_RE.finditer(view, m.start(), m.end()):
            text = s.group()
            lead = len(text) - len(text.lstrip())
            if text.strip():
                sentences.append(Sentence(s.start() + lead, s.end(), len(paragraphs) - 1))
    return analysis.evolve(segments=Segments(tuple(paragraphs), tuple(sentences), ()))
