"""Whose words a loaded term is: the reporter's, or a speaker's inside a quotation.

A loaded word in the reporter's own voice is a bias finding; the same word inside a
direct quotation is the speaker's, reported faithfully. This stage tells the two
apart from the quotations the segmenter found; the attribution stage later marks
paraphrase ("paraphrased") and names the speaker.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from factcheck.model import Quote, Voice


@dataclass(frozen=True, slots=True)
class QuoteIndex:
    """The quotations of one document, searchable by offset in O(log n)."""

    spans: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, quotes: tuple[Quote, ...]) -> QuoteIndex:
        spans: list[tuple[int, int]] = []
        for q in quotes:
            if q.parts:
                spans.extend((p.start, p.end) for p in q.parts)
            else:
                spans.append((q.start, q.end))
        spans.sort()
        return cls(tuple(spans), tuple(s for s, _ in spans))

    def inside(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies within one quotation (or one part of one)."""
        i = bisect.bisect_right(self.starts, start)
        # Quotations may nest, so any earlier-starting span can be the enclosing one.
        return any(end <= e for _, e in self.spans[:i])


def voice_at(quotes: QuoteIndex, start: int, end: int) -> Voice:
    """``quoted`` inside a direct quotation, else ``reporter``."""
    return "quoted" if quotes.inside(start, end) else "reporter"
