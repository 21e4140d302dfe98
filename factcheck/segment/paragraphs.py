"""Paragraphs and headings.

Formats that mark their structure (Markdown, HTML, .docx) hand over their blocks and
headings in ``Document.blocks`` / ``Document.headings``; plain text is split on blank
lines. Inside a block, a text pasted as one line per paragraph (no blank lines, as
news copy often is: examples/channel-migrants.txt) is split into its lines, while a
hard-wrapped paragraph (lines broken mid-sentence) stays whole.

A headline is a heading too: the first paragraph when it is one short line without
final punctuation (or in title case), or a short line ending in one full stop that a
blank line sets apart from the body text (archives that end headlines with a full
stop); and, in blank-line separated text, a short stand-alone line without final
punctuation (a crosshead). The first heading is the story's title when the format
gives none (see :func:`factcheck.segment.annotate`).
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.model import Document, Paragraph
from factcheck.segment.sentences import split_sentences

_LONG_LINE = 120  # a line this long is a paragraph of its own, not a wrapped line
_HEADLINE_WORDS = 25
_DOTTED_HEADLINE_WORDS = 15  # a headline ending in a full stop; a lede is longer
_CROSSHEAD_WORDS = 10
_FINAL = ".!:;,"
_CLOSERS = "\"'”’»)]*_ "


@cache
def _blank_lines() -> re.Pattern[str]:
    return re.compile(r"\n(?:[ \t\r\f\v]*\n)+")


@cache
def _line_break() -> re.Pattern[str]:
    return re.compile(r"\r?\n")


def find_paragraphs(doc: Document) -> list[Paragraph]:
    """The document's paragraphs in order, headings marked."""
    view = doc.view
    headings = {(h.start, h.end) for h in doc.headings}
    blocks = [(b.start, b.end) for b in doc.blocks] if doc.blocks else _blank_line_blocks(view)
    split_lines = doc.format in ("text", "markdown")
    out: list[Paragraph] = []
    for start, end in blocks:
        if (start, end) in headings:
            out.append(Paragraph(start, end, heading=True))
        elif split_lines and "\n" in view[start:end]:
            out.extend(Paragraph(s, e) for s, e in _split_block(view, start, end))
        else:
            out.append(Paragraph(start, end))
    if not out:
        return out
    if not doc.headings and not out[0].heading and len(out) > 1:
        first, after = out[0], out[1:4]
        own_block = not doc.blocks and (first.start, first.end) in set(blocks)
        if _is_headline(view, first) or (own_block and _is_dotted_headline(view, first, after)):
            out[0] = Paragraph(first.start, first.end, heading=True)
    if not doc.blocks and len(blocks) >= 3:
        whole_blocks = set(blocks)
        for i in range(1, len(out) - 1):
            p = out[i]
            if not p.heading and (p.start, p.end) in whole_blocks and _is_crosshead(view, p):
                out[i] = Paragraph(p.start, p.end, heading=True)
    return out


def _blank_line_blocks(view: str) -> list[tuple[int, int]]:
    blocks: list[tuple[int, int]] = []
    pos = 0
    for m in _blank_lines().finditer(view):
        _append_trimmed(blocks, view, pos, m.start())
        pos = m.end()
    _append_trimmed(blocks, view, pos, len(view))
    return blocks


def _append_trimmed(out: list[tuple[int, int]], view: str, start: int, end: int) -> None:
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def _split_block(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """A block's lines when it is one paragraph per line; else the block itself.

    One paragraph per line: some lines are longer than any wrapped line, and (nearly)
    every line ends a sentence or is a short headline-like line. A hard-wrapped
    paragraph breaks its lines mid-sentence.
    """
    lines: list[tuple[int, int]] = []
    pos = start
    for m in _line_break().finditer(view, start, end):
        _append_trimmed(lines, view, pos, m.start())
        pos = m.end()
    _append_trimmed(lines, view, pos, end)
    if len(lines) < 2:
        return lines or [(start, end)]
    complete = sum(
        1 for s, e in lines[:-1] if _ends_sentence(view, s, e) or _is_short_line(view, s, e)
    )
    if any(e - s > _LONG_LINE for s, e in lines) and complete >= 0.75 * (len(lines) - 1):
        return lines
    return [(start, end)]


def _ends_sentence(view: str, start: int, end: int) -> bool:
    text = view[start:end].rstrip(_CLOSERS)
    return bool(text) and text[-1] in ".!?:…"


def _is_short_line(view: str, start: int, end: int) -> bool:
    """A headline-like line: a few words, not broken off after a comma or conjunction."""
    text = view[start:end].rstrip()
    words = text.split()
    return len(words) <= 15 and not text.endswith(",") and words[-1].lower() not in _JOINERS


_JOINERS = frozenset(("and", "or", "but", "the", "a", "an", "of", "to", "in", "on", "for"))


def _is_headline(view: str, p: Paragraph) -> bool:
    text = view[p.start : p.end]
    first = text.lstrip("\"'“‘«([")[:1]
    if "\n" in text or not (first.isupper() or first.isdigit()):
        return False
    words = text.split()
    if len(words) > _HEADLINE_WORDS or len(split_sentences(view, p.start, p.end)) > 1:
        return False
    stripped = text.rstrip(_CLOSERS)
    if stripped and stripped[-1] not in _FINAL:
        return True
    return _title_case(words)


def _is_dotted_headline(view: str, p: Paragraph, after: list[Paragraph]) -> bool:
    """A short first line that ends in one full stop, set apart by a blank line before the body.

    Some archives and feeds end every headline with a full stop ("Barbs and pleas
    before N.H. vote."), which :func:`_is_headline` takes for a sentence. Such a
    line is a headline when it is short, one line, set apart from the text by a blank
    line (the caller checks that), and body text follows: one of the next paragraphs
    (``after``; a deck may come first) is more than twice as long. A lede of one short sentence set
    apart like that is rare; a headline with a full stop is common in such files.
    """
    text = view[p.start : p.end]
    stripped = text.rstrip(_CLOSERS)
    if "\n" in text or not stripped.endswith(".") or stripped.endswith(("..", "…")):
        return False
    first = text.lstrip("\"'“‘«([")[:1]
    words = text.split()
    if not (first.isupper() or first.isdigit()) or len(words) > _DOTTED_HEADLINE_WORDS:
        return False
    return any(len(view[b.start : b.end].split()) > 2 * len(words) for b in after)


def _is_crosshead(view: str, p: Paragraph) -> bool:
    if p.end - p.start > 100:
        return False
    text = view[p.start : p.end]
    if "\n" in text or not text[:1].isupper():
        return False
    stripped = text.rstrip(_CLOSERS)
    short = len(text.split()) <= _CROSSHEAD_WORDS
    return short and bool(stripped) and stripped[-1] not in _FINAL + "?"


def _title_case(words: list[str]) -> bool:
    """Most longer words capitalised, as in "Anger Appeals to 'Bad Angels Of Our Nature'"."""
    long_words = [w.strip("\"'“”‘’()[]") for w in words]
    long_words = [w for w in long_words if len(w) >= 4 and w[:1].isalpha()]
    if len(long_words) < 3:
        return False
    capitalised = sum(1 for w in long_words if w[0].isupper())
    return capitalised >= 0.75 * len(long_words)
