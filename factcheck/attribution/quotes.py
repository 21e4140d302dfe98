"""The segmenter's quotations (``Segments.quotes``), indexed for attribution.

Frames need to know which quotation ends just before a cue (``"...," he said``),
which one starts right after it (``he said: "..."``), and the quoted words of each
part without the marks.

Newspaper archives (the New York Times among them) mark quotations with two
apostrophes, ``''like this,'' he said``, or with TeX-style ````like this''``. The
segmenter pairs real quotation marks only, so :func:`with_double_apostrophes` adds
these pairs, paragraph by paragraph, continuing into a paragraph that opens with
the same mark (news convention).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.model import Paragraph, Quote, Span

_APOS_RE = re.compile(r"''|``")


def with_double_apostrophes(
    view: str, paragraphs: Sequence[Paragraph], quotes: Sequence[Quote]
) -> tuple[Quote, ...]:
    """``quotes`` plus the ``''...''`` quotations they do not already cover."""
    if "''" not in view:
        return tuple(quotes)
    taken = [(q.start, q.end) for q in quotes]
    found: list[Quote] = []
    carried: list[Span] = []
    for para in paragraphs:
        marks = [m.start() for m in _APOS_RE.finditer(view, para.start, para.end)]
        marks = [m for m in marks if not any(s <= m < e for s, e in taken)]
        open_at = None
        parts: list[Span] = []
        if carried and marks and marks[0] == para.start:
            parts, open_at, marks = carried, marks[0], marks[1:]
        carried = []
        for pos in marks:
            if open_at is None:
                if pos == para.start or not view[pos - 1].isalnum():
                    open_at = pos
            elif pos + 2 >= para.end or not view[pos + 2].isalnum():
                pieces = [*parts, Span(open_at, pos + 2)]
                found.append(Quote(pieces[0].start, pos + 2, pieces[0].start + 2, pos,
                                   tuple(pieces) if len(pieces) > 1 else ()))  # fmt: skip
                open_at, parts = None, []
        if open_at is not None:
            carried = [*parts, Span(open_at, para.end)]
    return tuple(sorted([*quotes, *found], key=lambda q: (q.start, q.end)))


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
        while s < e and (view[s] in "\"“”„‘’'«»`" or view[s].isspace()):
            s += 1
        while e > s and (view[e - 1] in "\"“”„‘’'«»" or view[e - 1].isspace()):
            e -= 1
        if e > s:
            out.append((s, e))
    return out
