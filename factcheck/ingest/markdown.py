"""Markdown drafts: the file stays the text; markup is masked in the view.

``Document.text`` is the file exactly as the writer has it, so every offset maps to
a line and column of the .md file. ``Document.view`` blanks, character for character,
what is not copy: YAML front matter, code (fenced, indented, inline), raw HTML and
comments, link and image syntax and URLs (the anchor text stays visible), bare URLs,
heading, emphasis, list and blockquote markers, backslash escapes.

markdown-it-py (CommonMark) gives the block structure with line maps; the inline
markup inside blocks is found with regular expressions over the whole view, each
pass seeing the earlier passes' blanks.
"""

from __future__ import annotations

import html
import re
from functools import cache
from typing import Any

from factcheck.ingest import suppress
from factcheck.ingest.frontmatter import find_front_matter
from factcheck.ingest.masking import Masker, mask_urls, not_after
from factcheck.model import Document, DocumentMeta, LineIndex, Link, Span


@cache
def _parser() -> Any:
    from markdown_it import MarkdownIt

    # Block structure only: inline parsing is done with offsets by the passes below.
    return MarkdownIt("commonmark").disable(["inline", "text_join"])


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    label = r"(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*"
    dest = r"(?:<[^<>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)"
    title = r"(?:\s+(?:\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|\((?:[^()\\]|\\.)*\)))?"
    return {
        "raw_text": re.compile(r"<(script|style|textarea)\b[^>]*>.*?</\1\s*>", re.S | re.I),
        "code_span": re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S),
        "comment": re.compile(r"<!--.*?-->", re.S),
        "autolink": re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s@<>]+@[^\s@<>]+)>"),
        "tag": re.compile(
            r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][^\s\"'=<>`]*"
            r"(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*\s*/?>"
        ),
        "image": re.compile(rf"!\[{label}\](?:\(\s*{dest}{title}\s*\)|\[{label}\])?"),
        "inline_link": re.compile(rf"\[({label})\]\(\s*({dest}){title}\s*\)"),
        "ref_link": re.compile(rf"\[({label})\](?:\[({label})\]|(?![(:]))"),
        "emphasis_open": re.compile(r"(?:[*_]{1,3}|~~)(?=[^\s*_~])"),
        "emphasis_close": re.compile(r"(?:[*_]{1,3}|~~)(?![\w*_~])"),
        "escape": re.compile(r"\\(?=[!-/:-@\[-`{-~]|\r?\n)"),
        "entity": re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"),
        "atx_open": re.compile(r"[ \t]*#{1,6}(?=[ \t]|$)[ \t]*"),
        "atx_close": re.compile(r"(?<=[ \t])#+[ \t]*$"),
        # A line that may open a block other than a paragraph (a heading, list item,
        # quote, fence, HTML block, rule, setext underline, link definition, indented code).
        "block_start": re.compile(
            r"^(?: {0,3}(?:[>]|#{1,6}(?:[ \t\r]|$)|[-+*](?:[ \t\r]|$)"
            r"|(?:[-*_][ \t\r]*){3,}$|-+[ \t\r]*$|=+[ \t\r]*$|`{3,}|~{3,}|<[A-Za-z/!?]"
            r"|\[[^\]\n]+\]:|[0-9]{1,9}[.)](?:[ \t\r]|$))| {4}|\t)",
            re.M,
        ),
        "table_delimiter": re.compile(
            r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t\r]*$", re.M
        ),
        "blank_lines": re.compile(r"\n(?:[ \t\r]*\n)+"),
        "quote_marker": re.compile(r"[ \t]*>[ \t]?"),
        "atx_line": re.compile(r" {0,3}#{1,6}(?:[ \t]|$)", re.M),
        "blank_line": re.compile(r"[ \t]*$", re.M),
        # A tab in a line's indent can make it indented code: left to the parser.
        "tab_indent": re.compile(r"^ {0,3}\t(?![ \t]*$)", re.M),
        "list_marker": re.compile(r"[ \t]*(?:[-+*]|[0-9]{1,9}[.)])(?=[ \t]|$)"),
    }


def markdown_document(text: str, path: str) -> Document:
    """A Markdown draft as a Document: text == file, view masked, meta from front matter."""
    masker = Masker(text)
    meta = DocumentMeta()
    warnings: tuple[str, ...] = ()
    front = find_front_matter(text, path)
    if front is not None:
        masker.mask_spans([(0, front.end)])
        meta = front.meta
        warnings = front.warnings
    env: dict[str, Any] = {}
    if not _patterns()["block_start"].search(masker.view):
        # nothing but paragraphs: no need for the (slow) CommonMark block parser
        structure = _paragraphs_only(masker.view)
    else:
        lines = _line_starts(text)
        simple = _headings_and_paragraphs(masker.view, lines)
        if simple is not None:  # most drafts: a "# headline" and paragraphs
            structure, atx = simple
            _mask_atx_marks(masker, lines, atx)
        else:
            tokens = _parser().parse(masker.view, env)
            structure = _block_structure(tokens, lines, masker)

    _mask_inline(masker)
    if "|" in masker.view:
        _mask_tables(masker, structure)
    directives = _directives(masker.view, text) if "factcheck-" in text else []
    _mask_html(masker)
    links = _links(masker, env.get("references", {}))
    mask_urls(masker)
    _mask_emphasis(masker)
    view = _entities(masker)

    blocks = tuple(b for b in (_trim(view, s, e) for s, e in structure.blocks) if b)
    headings = tuple(h for h in (_trim(view, s, e) for s, e in structure.headings) if h)
    return Document(
        path=path,
        format="markdown",
        text=text,
        view=view,
        masked=masker.spans(),
        links=tuple(sorted(links, key=lambda lk: (lk.start, lk.end))),
        suppressions=suppress.resolve(directives, text, view),
        meta=meta,
        blocks=blocks,
        headings=headings,
        warnings=warnings,
    )


def _mask_inline(masker: Masker) -> None:
    """Code spans and raw-text HTML (script, style): nothing in them is copy."""
    pats = _patterns()
    if "<" in masker.view:
        masker.mask(pats["raw_text"])
    if "`" in masker.view:
        masker.mask(pats["code_span"], not_after("`\\"))


def _mask_tables(masker: Masker, structure: _Structure) -> None:
    """GFM pipe tables: mask the pipes and the delimiter row; each row is its own block.

    CommonMark has no tables, so a table arrives as one paragraph; its rows are
    records (often figures), not one long sentence.
    """
    view = masker.view
    rows: list[tuple[int, int]] = []
    for m in _patterns()["table_delimiter"].finditer(view):
        first, last = _table_rows(view, m.start(), m.end())
        masker.mask_spans([m.span()])
        rows.extend(r for r in _line_spans(view, first, last) if r != m.span())
    if not rows:
        return
    masker.mask_spans(
        (s + i, s + i + 1) for s, e in rows for i, ch in enumerate(view[s:e]) if ch == "|"
    )
    lo, hi = rows[0][0], rows[-1][1]
    structure.blocks = [b for b in structure.blocks if b[1] <= lo or b[0] >= hi]
    structure.blocks.extend(rows)
    structure.blocks.sort()


def _table_rows(view: str, start: int, end: int) -> tuple[int, int]:
    """The contiguous lines with pipes around a delimiter row: the table."""
    first = start
    while first > 0:
        prev = view.rfind("\n", 0, first - 1) + 1
        if "|" not in view[prev : first - 1] or not view[prev : first - 1].strip():
            break
        first = prev
    last = end
    while last < len(view):
        nl = view.find("\n", last + 1)
        nxt = view[last + 1 : len(view) if nl == -1 else nl]
        if "|" not in nxt or not nxt.strip():
            break
        last = last + 1 + len(nxt)
    return first, last


def _line_spans(view: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for line in view[start:end].split("\n"):
        out.append((pos, pos + len(line.rstrip("\r"))))
        pos += len(line) + 1
    return out


def _mask_html(masker: Masker) -> None:
    """Comments, autolinks, tags and images (each pass only if its first character occurs)."""
    pats = _patterns()
    if "<" in masker.view:
        masker.mask(pats["comment"])
        masker.mask(pats["autolink"])
        masker.mask(pats["tag"])
    if "![" in masker.view:
        masker.mask(pats["image"])


def _mask_emphasis(masker: Masker) -> None:
    """Backslash escapes, then emphasis and strikethrough markers at word edges."""
    pats = _patterns()
    if "\\" in masker.view:
        masker.mask(pats["escape"])
    if "*" in masker.view or "_" in masker.view or "~~" in masker.view:
        masker.mask(pats["emphasis_open"], not_after("*_~\\", word=True))
        masker.mask(pats["emphasis_close"], not_after("*_~\\", space=True))


class _Structure:
    __slots__ = ("blocks", "headings")

    def __init__(self) -> None:
        self.blocks: list[tuple[int, int]] = []
        self.headings: list[tuple[int, int]] = []


def _paragraphs_only(view: str) -> _Structure:
    """Blank-line separated paragraphs, when no line can start any other block."""
    out = _Structure()
    pos = 0
    for m in _patterns()["blank_lines"].finditer(view):
        out.blocks.append((pos, m.start()))
        pos = m.end()
    out.blocks.append((pos, len(view)))
    return out


def _block_structure(tokens: list[Any], lines: list[int], masker: Masker) -> _Structure:
    """Mask block-level markup and collect paragraph and heading blocks (as line ranges)."""
    pats = _patterns()
    out = _Structure()
    covered = bytearray(len(lines))
    quote_lines: set[int] = set()
    item_lines: list[int] = []
    full: list[tuple[int, int]] = []
    atx: list[int] = []

    def span(first: int, last: int) -> tuple[int, int]:
        return lines[first], _line_end(masker.view, lines, last - 1)

    for tok in tokens:
        if tok.map is None:
            continue
        first, last = tok.map
        covered[first:last] = b"\x01" * (last - first)
        kind = tok.type
        if kind in ("fence", "code_block", "hr"):
            full.append(span(first, last))
        elif kind in ("paragraph_open", "html_block"):
            out.blocks.append(span(first, last))
        elif kind == "heading_open":
            if tok.markup.startswith("#"):
                atx.append(first)
                out.headings.append(span(first, last))
            else:  # setext: the underline is the last line
                full.append(span(last - 1, last))
                out.headings.append(span(first, last - 1))
            out.blocks.append(out.headings[-1])
        elif kind == "blockquote_open":
            quote_lines.update(range(first, last))
        elif kind == "list_item_open":
            item_lines.append(first)
    # Lines no block covers hold link reference definitions: markup, not copy.
    full.extend(
        span(i, i + 1)
        for i in range(len(lines))
        if not covered[i] and not masker.view[slice(*span(i, i + 1))].isspace()
    )
    masker.mask_spans(full)
    prefix_spans: list[tuple[int, int]] = []
    view = masker.view
    for i in sorted(quote_lines):
        pos = lines[i]
        while (m := pats["quote_marker"].match(view, pos)) and m.end() > pos:
            prefix_spans.append((pos, m.end()))
            pos = m.end()
    masker.mask_spans(prefix_spans)
    for i in item_lines:  # one pass per item: "- - nested" items share a line
        view = masker.view
        m = pats["list_marker"].match(view, lines[i])
        if m:
            masker.mask_spans([m.span()])
    _mask_atx_marks(masker, lines, atx)
    return out


def _mask_atx_marks(masker: Masker, lines: list[int], atx: list[int]) -> None:
    """Blank the opening and closing ``#`` runs of the ATX headings on lines ``atx``."""
    pats = _patterns()
    view = masker.view
    heading_marks: list[tuple[int, int]] = []
    for i in atx:
        end = _line_end(view, lines, i)
        m = pats["atx_open"].match(view, lines[i], end)
        if m:
            heading_marks.append(m.span())
        c = pats["atx_close"].search(view, m.end() if m else lines[i], end)
        if c:
            heading_marks.append(c.span())
    masker.mask_spans(heading_marks)


def _headings_and_paragraphs(view: str, lines: list[int]) -> tuple[_Structure, list[int]] | None:
    """The block structure when every block is an ATX heading or a paragraph, else None.

    That is, when every line that ``block_start`` flags is an ATX heading line, no line
    holds a ``\r`` (CommonMark counts a lone one as a line break) and no indent holds a
    tab (it may make indented code). Then
    CommonMark's answer is known: a heading line is a one-line heading (it interrupts
    a paragraph), and the other non-blank lines run into paragraphs that end at a blank
    line (spaces and tabs only) or a heading. Exactly what :func:`_block_structure`
    makes of markdown-it's tokens for such a draft (tests compare the two), without
    importing or running the parser. Returns the structure and the heading lines.
    """
    pats = _patterns()
    if "\r" in view or pats["tab_indent"].search(view):
        return None
    heading_starts = set()
    for m in pats["block_start"].finditer(view):
        if pats["atx_line"].match(view, m.start()):
            heading_starts.add(m.start())
        elif not pats["blank_line"].match(view, m.start()):  # (masked front matter is blank)
            return None
    out = _Structure()
    atx: list[int] = []
    first = -1  # first line of the paragraph being read
    for i, start in enumerate(lines):
        end = lines[i + 1] - 1 if i + 1 < len(lines) else len(view)
        blank = not view[start:end].strip(" \t")
        if start in heading_starts or blank:
            if first >= 0:
                out.blocks.append((lines[first], _line_end(view, lines, i - 1)))
                first = -1
            if not blank:
                atx.append(i)
                out.headings.append((start, end))
                out.blocks.append((start, end))
        elif first < 0:
            first = i
    if first >= 0:
        out.blocks.append((lines[first], _line_end(view, lines, len(lines) - 1)))
    return out, atx


def _directives(view: str, text: str) -> list[suppress.Directive]:
    """Suppression comments outside code (the code is already blank in ``view``)."""
    found = []
    index: LineIndex | None = None
    for m in _patterns()["comment"].finditer(view):
        if "factcheck-" not in m.group():
            continue
        index = index or LineIndex(text)
        d = suppress.parse_directive(m.group(), m.start(), index.line_col(m.start())[0])
        if d is not None:
            found.append(d)
    return found


def _links(masker: Masker, references: dict[str, Any]) -> list[Link]:
    """Mask inline and reference link syntax, keep anchor text, and record the links."""
    pats = _patterns()
    links: list[Link] = []

    def inline(m: re.Match[str]) -> tuple[int, int] | None:
        if m.start() and masker.view[m.start() - 1] in "\\!":
            return None
        url = m.group(2).strip()
        if url.startswith("<") and url.endswith(">"):
            url = url[1:-1]
        links.append(Link(m.start(1), m.end(1), url))
        return m.span(1)

    if "](" in masker.view:
        masker.mask_groups(pats["inline_link"], inline)
    if not references:
        return links
    # Only drafts with link reference definitions come here (they took the parser).
    from markdown_it.common.utils import normalizeReference

    def reference(m: re.Match[str]) -> tuple[int, int] | None:
        if m.start() and masker.view[m.start() - 1] in "\\!]":
            return None
        label = m.group(2) if m.group(2) else m.group(1)
        ref = references.get(normalizeReference(label))
        if ref is None:
            return None
        links.append(Link(m.start(1), m.end(1), ref["href"]))
        return m.span(1)

    masker.mask_groups(pats["ref_link"], reference)
    return links


def _entities(masker: Masker) -> str:
    """``&amp;`` shows as ``&`` followed by spaces: same length, readable copy."""

    def replace(m: re.Match[str]) -> str:
        raw = m.group()
        char = html.unescape(raw)
        if char == raw or len(char) > len(raw) or "\n" in char:
            return raw
        masker.masked.append((m.start() + len(char), m.end()))
        return char + " " * (len(raw) - len(char))

    if "&" not in masker.view:
        return masker.view
    return _patterns()["entity"].sub(replace, masker.view)


def _line_starts(text: str) -> list[int]:
    index = LineIndex(text)
    return [index.offset(line, 1) for line in range(1, index.line_count + 1)]


def _line_end(text: str, lines: list[int], i: int) -> int:
    """End of line ``i`` (0-based), before its ``\\r\\n`` or ``\\n``."""
    end = lines[i + 1] - 1 if i + 1 < len(lines) else len(text)
    if end > lines[i] and text[end - 1] == "\r":
        end -= 1
    return end


def _trim(view: str, start: int, end: int) -> Span | None:
    """The block without the blank (masked) characters at either end."""
    block = view[start:end]
    stripped = block.strip()
    if not stripped:
        return None
    start += len(block) - len(block.lstrip())
    return Span(start, start + len(stripped))
