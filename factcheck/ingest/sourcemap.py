"""Positions in extracted HTML text mapped back to the page: line *and* column.

A finding in an HTML page is found in the extracted text, but a CI annotation or an
editor wants the place in the ``.html`` file. ``Document.source_lines`` gives each
extracted line's page line; this module finds the column too, so that a position is
never half page (line) and half extracted text (column).

Each extracted line's words are matched in order against the page, from where the
line's first words are (tags, entities, spaces and punctuation may lie between
words). Built lazily, one extracted line at a time, only for lines a position is
asked about: ``check`` asks for a few findings, not for every word of the page.
"""

from __future__ import annotations

import re

from factcheck.model import LineIndex

_WORD_RE = re.compile(r"[^\W_]+")
# What may stand between two words on the page: tags, entities, anything not a word.
_GAP = r"(?:<[^<>]*>|&#?\w+;|[^\w<&])"
_SEARCH_LIMIT = 5000  # characters searched past the expected place before giving up


class SourceMap:
    """Extracted-text offsets to 1-based (line, column) in the page's own text."""

    def __init__(self, text: str, source: str, source_lines: tuple[int, ...]) -> None:
        self._text = text
        self._source = source
        self._source_lines = source_lines
        self._text_index = LineIndex(text)
        self._page_index = LineIndex(source)
        self._lines: dict[int, list[tuple[int, int, int]]] = {}

    def line_col(self, offset: int) -> tuple[int, int] | None:
        """The page line and column of ``offset``, or None when its words are not found."""
        line, col = self._text_index.line_col(offset)
        if not 0 < line <= len(self._source_lines):
            return None
        page = _page_offset(self._words(line), col - 1)
        return None if page is None else self._page_index.line_col(page)

    def _words(self, line: int) -> list[tuple[int, int, int]]:
        """(start, end, page offset) of each word of an extracted line found on the page."""
        if line not in self._lines:
            self._lines[line] = self._match_line(line)
        return self._lines[line]

    def _match_line(self, line: int) -> list[tuple[int, int, int]]:
        start = self._text_index.offset(line, 1)
        end = self._text.find("\n", start)
        line_text = self._text[start : end if end != -1 else len(self._text)]
        words = list(_WORD_RE.finditer(line_text))
        if not words:
            return []
        pos = self._page_index.offset(self._source_lines[line - 1], 1)
        first = _find_run(self._source, [w.group() for w in words[:6]], pos)
        found: list[tuple[int, int, int]] = []
        pos = first if first is not None else pos  # else each word is searched for
        for word in words:
            hit = _next_word(self._source, word.group(), pos)
            if hit is None:
                continue  # not on the page as written (generated text): skip this word
            found.append((word.start(), word.end(), hit))
            pos = hit + len(word.group())
        return found


def _page_offset(words: list[tuple[int, int, int]], at: int) -> int | None:
    """The page offset of column ``at``: within or just after a word, or before the next.

    Inside a word (or at its end) the offset is exact; before a word (an opening quote
    or a currency sign) it is counted back from that word.
    """
    for start, end, page in words:
        if start <= at <= end:
            return page + (at - start)
        if at < start:
            return max(0, page - (start - at))
    if words:
        start, end, page = words[-1]
        return page + (at - start)
    return None


def _find_run(source: str, words: list[str], pos: int) -> int | None:
    """Where the first words of a line are on the page, searching from ``pos``."""
    while words:
        found = _run_pattern(tuple(words)).search(source, pos, pos + _SEARCH_LIMIT)
        if found is not None:
            return found.start()
        words = words[:-1]
    return None


def _next_word(source: str, word: str, pos: int) -> int | None:
    """The page offset of ``word`` as the next word after ``pos`` (or near after it)."""
    found = _next_pattern(word).match(source, pos)
    if found is None:
        found = _run_pattern((word,)).search(source, pos, pos + _SEARCH_LIMIT)
        return None if found is None else found.start()
    return found.start(1)


def _run_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """The words in order with only tags, entities or non-words between (re caches it)."""
    return re.compile(r"(?<!\w)" + f"{_GAP}+".join(_word(w) for w in words) + r"(?!\w)")


def _next_pattern(word: str) -> re.Pattern[str]:
    """``word`` after nothing but tags, entities or non-words."""
    return re.compile(f"{_GAP}*?({_word(word)})(?!\\w)")


def _word(word: str) -> str:
    """A word as the page may write it: a letter outside ASCII may be an entity (&eacute;)."""
    return "".join(re.escape(c) if c.isascii() else f"(?:{re.escape(c)}|&#?\\w+;)" for c in word)
