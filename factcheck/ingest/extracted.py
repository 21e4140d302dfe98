"""Text extracted from a non-text format (HTML, .docx): blocks joined into one text.

Offsets of such documents refer to the text built here, which the result carries
(``text_is_source`` is False): one block per paragraph, heading, list item or table
row; a blank line between paragraphs, consecutive list items and rows on consecutive
lines (so a "Related:" list stays one block of lines for the boilerplate rules).
When the source is a text format (HTML), ``source_lines`` maps each line back to the
line of the source where its first words are found.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from factcheck.ingest import suppress
from factcheck.ingest.masking import Masker, url_re
from factcheck.model import Document, DocumentMeta, LineIndex, Link, Span


@dataclass(slots=True)
class Block:
    """One paragraph of extracted text, with the links inside it (offsets into ``text``)."""

    text: str = ""
    links: list[tuple[int, int, str]] = field(default_factory=list)
    heading: bool = False
    joined: bool = False  # follows the previous block on the next line (list items, rows)
    source_line: int | None = None  # known exactly when the fallback parser found it


def build_document(
    blocks: list[Block],
    meta: DocumentMeta,
    path: str,
    fmt: str,
    source: str | None = None,
    directives: Iterable[suppress.Directive] = (),
) -> Document:
    """Join blocks into text (blank line between paragraphs) and record spans and lines."""
    parts: list[str] = []
    pos = 0
    spans: list[Span] = []
    headings: list[Span] = []
    links: list[Link] = []
    block_lines: list[int | None] = []
    for block in blocks:
        text = block.text.strip()
        if not text:
            continue
        if parts:
            sep = "\n" if block.joined else "\n\n"
            parts.append(sep)
            pos += len(sep)
        lead = len(block.text) - len(block.text.lstrip())
        parts.append(text)
        spans.append(Span(pos, pos + len(text)))
        if block.heading:
            headings.append(spans[-1])
        for link_start, link_end, url in block.links:
            start, end = max(link_start - lead, 0), min(link_end - lead, len(text))
            if end > start:
                links.append(Link(pos + start, pos + end, url))
        block_lines.append(block.source_line)
        pos += len(text)
    text = "".join(parts)
    masker = Masker(text)
    if "://" in text or "www." in text:
        masker.mask(url_re())
    source_lines = _source_lines(text, spans, block_lines, source) if source else None
    doc = Document(
        path=path,
        format=fmt,  # type: ignore[arg-type]
        text=text,
        view=masker.view,
        masked=masker.spans(),
        links=tuple(links),
        meta=meta,
        text_is_source=False,
        source_lines=source_lines,
        source=source if source_lines is not None else None,
        blocks=tuple(spans),
        headings=tuple(headings),
    )
    directives = list(directives)
    if directives and source_lines is not None:
        sups = suppress.resolve_mapped(directives, text, masker.view, source_lines)
        doc = replace(doc, suppressions=sups)
    return doc


def _source_lines(
    text: str, blocks: list[Span], block_lines: list[int | None], source: str
) -> tuple[int, ...]:
    """For each line of ``text``, the 1-based page line where its first words are found.

    Searched forward from ``<body>`` through the unescaped page (tags between words
    allowed), so repeated phrases resolve to the right occurrence; a line that cannot
    be found takes the line of the one before it.
    """
    plain = htmllib.unescape(source) if "&" in source else source
    page = LineIndex(plain)
    known = {b.start: line for b, line in zip(blocks, block_lines, strict=True) if line}
    out: list[int] = []
    body = re.search(r"<body\b", plain, re.I)
    pos = body.start() if body else 0  # the title is in <head> too: start at the body
    last = 1
    line_start = 0
    for line_text in text.split("\n"):
        found: int | None = known.get(line_start)
        if found is None and line_text.strip():
            at = _find_words(plain, line_text, pos)
            if at is not None:
                pos = at
                found = page.line_col(at)[0]
        if found is not None:
            last = found
        out.append(last)
        line_start += len(line_text) + 1
    return tuple(out)


def _find_words(page: str, line: str, pos: int) -> int | None:
    words = re.findall(r"[^\W_]+(?:['’][^\W_]+)?", line)[:6]
    while len(words) >= 2 or (words and len(words[0]) >= 6):
        pattern = r"(?:<[^<>]*>|[^\w<])+".join(re.escape(w) for w in words)
        m = re.compile(pattern).search(page, pos)
        if m is None and pos:
            m = re.compile(pattern).search(page)
        if m is not None:
            return m.start()
        words = words[:-1]
    return None
