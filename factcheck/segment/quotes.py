"""Direct quotations: quote-mark pairs, split quotes, and multi-paragraph quotations.

Double quotation marks (straight ``"``, curly “ ”, guillemets « ») are paired
paragraph by paragraph. Which way a straight mark faces comes from its neighbours
(space before and a letter after: opening); a curly mark whose neighbours clearly
contradict its glyph (a common conversion error) follows the neighbours.

* ``"X," he said, "Y."`` is two quotations: the marks pair up around the cue.
* News convention: a paragraph that opens a quotation without closing it continues
  into the next paragraph when that one starts with an opening mark; the result is
  one :class:`~factcheck.model.Quote` with one part per paragraph.
* A quotation also runs on when the next paragraph's first mark closes it (text
  broken into lines inside a quotation, e.g. one sentence per line).
* An unclosed quotation without either continuation stops at its paragraph's end,
  so a stray mark never swallows the rest of the article.

Single curly quotes (‘...’) are quotations outside double quotes (headline style:
Appeals to ‘Bad Angels Of Our Nature.’); an apostrophe (don’t, Johnson’s, the
’90s, migrants’ boats) never opens or closes one. Straight single quotes count
only in headings, where they are the house style for quotations.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from factcheck.model import Paragraph, Quote, Span

_LEFT = "([{<—–-/"  # before an opening mark (besides whitespace and the paragraph start)
_RIGHT = ".,;:!?)]}>—–-/…"  # after a closing mark (besides whitespace and the paragraph end)
_OPEN_GLYPHS = "“«„"
_CLOSE_GLYPHS = "”»"


@cache
def _double_marks() -> re.Pattern[str]:
    return re.compile('["“”«»„]')


@cache
def _single_marks() -> re.Pattern[str]:
    return re.compile("[‘’']")


@cache
def _elision() -> re.Pattern[str]:
    """What follows an apostrophe that stands for left-out letters: ’90s, ’em, ’n’, ’til."""
    return re.compile(r"(?:\d\d(?:s|\b)|em\b|n\b|til\b|cause\b|tis\b|twas\b)", re.I)


def find_quotes(view: str, paragraphs: Sequence[Paragraph]) -> tuple[Quote, ...]:
    """Every direct quotation in the document, in order."""
    doubles = _pair_doubles(view, paragraphs)
    singles = _pair_singles(view, paragraphs, doubles)
    return tuple(sorted(doubles + singles, key=lambda q: (q.start, q.end)))


def _direction(view: str, pos: int, p: Paragraph) -> str:
    """The way the quote mark at ``pos`` faces: "open", "close" or "either"."""
    prev = view[pos - 1] if pos > p.start else " "
    nxt = view[pos + 1] if pos + 1 < p.end else " "
    left = prev.isspace() or prev in _LEFT
    right = nxt.isspace() or nxt in _RIGHT
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    glyph = view[pos]
    if glyph in _OPEN_GLYPHS:
        return "open"
    if glyph in _CLOSE_GLYPHS:
        return "close"
    return "either"


class _Builder:
    """Collects quotations; ``parts`` holds the finished pieces of a multi-paragraph one."""

    def __init__(self, view: str) -> None:
        self.view = view
        self.quotes: list[Quote] = []

    def emit(self, parts: list[Span], closed: bool) -> None:
        start, end = parts[0].start, parts[-1].end
        inner_end = end - 1 if closed else end
        while inner_end > start + 1 and self.view[inner_end - 1].isspace():
            inner_end -= 1
        if inner_end <= start + 1 or not self.view[start + 1 : inner_end].strip():
            return
        if not closed:
            end = inner_end
            parts[-1] = Span(parts[-1].start, end)
        self.quotes.append(
            Quote(start, end, start + 1, inner_end, tuple(parts) if len(parts) > 1 else ())
        )


def _pair_doubles(view: str, paragraphs: Sequence[Paragraph]) -> list[Quote]:
    out = _Builder(view)
    carried: list[Span] = []  # pieces of a quotation continuing from earlier paragraphs
    marks_re = _double_marks()
    for i, p in enumerate(paragraphs):
        marks = [
            (m.start(), _direction(view, m.start(), p))
            for m in marks_re.finditer(view, p.start, p.end)
        ]
        open_at: int | None = None
        parts: list[Span] = []
        if carried:
            parts, carried = carried, []
            if marks[0][0] == p.start and marks[0][1] != "close":
                open_at = marks[0][0]  # the continuation mark that opens this paragraph
                marks = marks[1:]
            else:
                open_at = p.start  # the quotation runs on over a line break
        for pos, direction in marks:
            if open_at is None:
                if direction != "close":
                    open_at = pos
            elif direction != "open":
                out.emit([*parts, Span(open_at, pos + 1)], closed=True)
                open_at, parts = None, []
            else:  # a new opening mark: the earlier quotation was never closed
                out.emit([*parts, Span(open_at, pos)], closed=False)
                open_at, parts = pos, []
        if open_at is None:
            continue
        nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
        if nxt is not None and not p.heading and not nxt.heading and _continues(view, nxt):
            carried = [*parts, Span(open_at, p.end)]
        else:
            out.emit([*parts, Span(open_at, p.end)], closed=False)
    return out.quotes


def _continues(view: str, p: Paragraph) -> bool:
    """Whether an open quotation goes on into paragraph ``p``.

    It does when ``p`` starts with an opening mark (the news convention), or when the
    first mark in ``p`` closes a quotation: the text was broken into lines inside it
    (one sentence per line, or a hard line break).
    """
    m = _double_marks().search(view, p.start, p.end)
    if m is None:
        return False
    direction = _direction(view, m.start(), p)
    if m.start() == p.start:
        return direction != "close"
    return direction == "close"


def _pair_singles(
    view: str, paragraphs: Sequence[Paragraph], doubles: Sequence[Quote]
) -> list[Quote]:
    if "‘" not in view and "'" not in view:
        return []
    taken = [(q.start, q.end) for q in doubles]
    out = _Builder(view)
    for p in paragraphs:
        segment = view[p.start : p.end]
        if "‘" not in segment and not (p.heading and "'" in segment):
            continue
        openers: list[int] = []
        closers: list[int] = []
        for m in _single_marks().finditer(view, p.start, p.end):
            pos = m.start()
            if m.group() == "'" and not p.heading:
                continue
            if any(s <= pos < e for s, e in taken):
                continue
            if m.group() in "‘'" and _single_opens(view, pos, p):
                openers.append(pos)
            if m.group() in "’'" and _single_closes(view, pos, p):
                closers.append(pos)
        last_end = p.start
        for o in openers:
            if o < last_end:
                continue
            candidates = [c for c in closers if c > o + 1]
            if not candidates:
                continue
            close = next((c for c in candidates if not _possessive(view, c, p)), candidates[0])
            out.emit([Span(o, close + 1)], closed=True)
            last_end = close + 1
    return out.quotes


def _single_opens(view: str, pos: int, p: Paragraph) -> bool:
    prev = view[pos - 1] if pos > p.start else " "
    nxt = view[pos + 1] if pos + 1 < p.end else " "
    if not (prev.isspace() or prev in _LEFT or prev in '“"'):
        return False
    return nxt.isalnum() and not _elision().match(view, pos + 1, p.end)


def _single_closes(view: str, pos: int, p: Paragraph) -> bool:
    prev = view[pos - 1] if pos > p.start else " "
    nxt = view[pos + 1] if pos + 1 < p.end else " "
    return not prev.isspace() and not nxt.isalnum()


def _possessive(view: str, pos: int, p: Paragraph) -> bool:
    """``migrants’ boats``: a plural possessive followed by a lower-case word."""
    if view[pos - 1] not in "sS" or pos + 2 >= p.end or view[pos + 1] != " ":
        return False
    return view[pos + 2].islower()
