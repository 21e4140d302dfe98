"""Masking: blank out markup in a copy of the text without moving a single offset.

A :class:`Masker` holds the view being built. Each pass replaces the characters of a
match by spaces (line breaks are kept, so lines and columns stay put) and records the
masked span; later passes see the earlier ones' blanks, so a URL inside inline code is
never taken for a link, and a comment inside a code block is never a directive.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

from factcheck.model import Span

Accept = Callable[[str, re.Match[str]], bool]


def not_after(chars: str, *, word: bool = False, space: bool = False) -> Accept:
    """Accept a match unless the character before it is in ``chars`` (or is a word character).

    Checked in Python because a leading look-behind makes ``re`` try the pattern at
    every position: five times slower on article-length text.
    """

    def accept(view: str, m: re.Match[str]) -> bool:
        pos = m.start()
        if pos == 0:
            return not space
        ch = view[pos - 1]
        if ch in chars:
            return False
        if word and (ch.isalnum() or ch == "_"):
            return False
        return not (space and ch.isspace())

    return accept


@cache
def url_re() -> re.Pattern[str]:
    """Bare URLs (``https://...``, ``www....``), without the sentence punctuation after them.

    Use with :func:`mask_urls`, which also checks the character before.
    """
    return re.compile(
        r"(?:https?://|ftp://|www\.)[^\s<>\"'“”‘’()\[\]{}]*"
        r"(?:\([^\s()]*\)[^\s<>\"'“”‘’()\[\]{}]*)*[^\s<>\"'“”‘’()\[\]{}.,;:!?]",
        re.I,
    )


def blank(s: str) -> str:
    """Spaces for every character of ``s`` except line breaks."""
    if "\n" not in s and "\r" not in s:
        return " " * len(s)
    return re.sub(r"[^\r\n]", " ", s)


class Masker:
    """Builds ``view`` from ``text`` pass by pass and remembers what was masked."""

    __slots__ = ("masked", "view")

    def __init__(self, text: str) -> None:
        self.view = text
        self.masked: list[tuple[int, int]] = []

    def mask_spans(self, spans: Iterable[tuple[int, int]]) -> None:
        """Blank the given ``(start, end)`` ranges (sorted or not, overlaps allowed)."""
        parts: list[str] = []
        pos = 0
        view = self.view
        for span_start, end in sorted(spans):
            start = max(span_start, pos)
            if end <= start:
                continue
            parts.append(view[pos:start])
            parts.append(blank(view[start:end]))
            self.masked.append((start, end))
            pos = end
        if parts:
            parts.append(view[pos:])
            self.view = "".join(parts)

    def mask(self, pattern: re.Pattern[str], accept: Accept | None = None) -> None:
        """Blank every match of ``pattern`` in the current view (that ``accept`` accepts)."""
        view = self.view
        if accept is None:
            self.mask_spans(m.span() for m in pattern.finditer(view))
        else:
            self.mask_spans(m.span() for m in pattern.finditer(view) if accept(view, m))

    def mask_groups(
        self, pattern: re.Pattern[str], keep: Callable[[re.Match[str]], tuple[int, int] | None]
    ) -> list[re.Match[str]]:
        """Blank each match except the ``(start, end)`` that ``keep`` returns (e.g. anchor text).

        Returns the matches, so that the caller can record links from them.
        """
        spans: list[tuple[int, int]] = []
        matches = []
        for m in pattern.finditer(self.view):
            kept = keep(m)
            if kept is None:
                continue
            matches.append(m)
            start, end = m.span()
            k0, k1 = kept
            if k0 > start:
                spans.append((start, k0))
            if end > k1:
                spans.append((k1, end))
        self.mask_spans(spans)
        return matches

    def spans(self) -> tuple[Span, ...]:
        """The masked ranges, merged and sorted."""
        merged: list[list[int]] = []
        for start, end in sorted(self.masked):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return tuple(Span(s, e) for s, e in merged)


def mask_urls(masker: Masker) -> None:
    """Blank bare URLs (not ones glued to a word, an ``@`` or a ``/``)."""
    if "://" in masker.view or "www." in masker.view:
        masker.mask(url_re(), not_after("@/", word=True))
