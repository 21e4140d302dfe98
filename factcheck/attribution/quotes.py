"""The segmenter's quotations (``Segments.quotes``), indexed for attribution.

Frames need to know which quotation ends just before a cue (``"...," he said``),
which one starts right after it (``he said: "..."``), and the quoted words of each
part without the marks.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.model import Quote


@dataclass(frozen=True, slots=True)
class QuoteIndex:
    """Quotes of one document by position: which quote ends or starts where."""

    quotes: tuple[Quote, ...]
    starts: tuple[int, ...]

    @classmethod
    def of(cls, quotes: Sequence[Quote]) -> QuoteIndex:
        ordered = tuple(sorted(quotes, key=lambda q: q.start))
        return cls(ordered, tuple(q.start for q in ordered))

    def containing(self, start: int, end: int | None = None) -> Quote | None:
        """The quotation whose marks enclose ``[start, end)``."""
        end = start + 1 if end is None else end
        i = bisect.bisect_right(self.starts, start) - 1
        while i >= 0:
            q = self.quotes[i]
            if (q.end >= end and q.start <= start) and (
                not q.parts or any(p.start <= start and end <= p.end for p in q.parts)
            ):
                return q
            if q.end < start and i < len(self.quotes) - 1 and not q.parts:
                break
            i -= 1
        return None

    def ending_at(self, pos: int, slack: int = 2) -> Quote | None:
        """The quotation whose closing mark ends at ``pos`` (give or take ``slack``)."""
        for q in self.quotes:
            if pos - slack <= q.end <= pos + slack:
                return q
        return None

    def starting_at(self, pos: int, slack: int = 1) -> Quote | None:
        i = bisect.bisect_left(self.starts, pos - slack)
        if i < len(self.quotes) and self.quotes[i].start <= pos + slack:
            return self.quotes[i]
        return None

    def after(self, pos: int) -> Quote | None:
        """The first quotation that starts at or after ``pos``."""
        i = bisect.bisect_left(self.starts, pos)
        return self.quotes[i] if i < len(self.quotes) else None


def inner_parts(view: str, quote: Quote) -> list[tuple[int, int]]:
    """The quoted words of each part, without quotation marks and edge spaces."""
    pieces = [(p.start, p.end) for p in quote.parts] or [(quote.start, quote.end)]
    out = []
    for start, end in pieces:
        s, e = start, end
        while s < e and (view[s] in "\"“”„‘’'«»" or view[s].isspace()):
            s += 1
        while e > s and (view[e - 1] in "\"“”„‘’'«»" or view[e - 1].isspace()):
            e -= 1
        if e > s:
            out.append((s, e))
    return out
