"""Saved article pages: extract the article body, then treat it as text.

trafilatura (maintained, offline, the best-scoring open extractor in the published
comparisons) drops navigation, scripts, adverts, footers and comment sections, and
reads the title, author, date, canonical URL and site name. It is imported here, on
first use, because it is slow to import and only HTML needs it.

The extracted text is what offsets refer to (``text_is_source`` is False): one block
per paragraph, heading, list item or table row, blank lines between paragraphs, list
items on consecutive lines (so a "Related:" list stays one block of lines).
``source_lines`` maps each line back to the line of the page where its words are
found, so that findings can point into the .html file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import cache
from html.parser import HTMLParser
from typing import Any

from factcheck.errors import InputError
from factcheck.ingest import suppress
from factcheck.ingest.extracted import Block, build_document
from factcheck.model import Document, DocumentMeta, LineIndex
from factcheck.textutil.plural import counted


@cache
def _ws() -> re.Pattern[str]:
    return re.compile(r"[ \t\r\n\f\v\u00a0]+")


def html_document(source: str, path: str) -> Document:
    """Extract the article from an HTML page into a Document (text is not the file)."""
    extracted = _extract(source)
    if extracted is None:
        blocks, meta = _fallback_blocks(source), _fallback_meta(source)
        if not blocks:
            raise InputError(
                f"{path}: no article text found in this page",
                hint="save the article page itself, or pass --input-format text",
            )
    else:
        blocks, meta = extracted
    directives = list(_html_directives(source)) if "factcheck-" in source else []
    doc = build_document(blocks, meta, path, "html", source, directives)
    words = len(doc.text.split())
    if words < MIN_ARTICLE_WORDS:
        warning = (
            f"{path}: only {counted(words, 'word')} of article text found in "
            "this page; it may hold no article body (save the article page itself)"
        )
        doc = replace(doc, warnings=(*doc.warnings, warning))
    return doc


# Fewer words than this from a whole page usually means the extractor found a teaser,
# a cookie wall or an index page, not the story: the user should know before trusting
# a report that finds nothing.
MIN_ARTICLE_WORDS = 25


# trafilatura --------------------------------------------------------------------------


def _extract(source: str) -> tuple[list[Block], DocumentMeta] | None:
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            source,
            with_metadata=True,
            include_links=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_formatting=False,
            # Only dates the page states as its own (meta tags, <time>, a dateline), not
            # a year guessed from "© Gazette 2024" in the footer, which the default
            # extensive search turns into "2024-01-01".
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception:  # a page the extractor chokes on still has its <p> elements
        return None
    if result is None or getattr(result, "body", None) is None:
        return None
    blocks = list(_walk(result.body))
    if not any(b.text.strip() for b in blocks):
        return None
    meta = DocumentMeta(
        title=_clean(result.title),
        date=_clean(result.date),
        outlet=_clean(result.sitename),
        url=_clean(result.url),
        author=_clean(result.author),
    )
    return blocks, meta


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = _ws().sub(" ", str(value)).strip()
    return text or None


def _walk(body: Any) -> Iterator[Block]:
    """Blocks from trafilatura's XML body (head, p, list/item, table/row/cell, quote, ref)."""
    for elem in body:
        tag = elem.tag
        if tag == "list":
            first = True
            for item in elem.findall("item"):  # a nested list stays inside its item
                block = _inline(item)
                block.joined = not first
                first = False
                yield block
        elif tag == "table":
            first = True
            for row in elem.iter("row"):
                cells = [_inline(cell) for cell in row.iter("cell")]
                block = _join_cells(cells)
                block.joined = not first
                first = False
                yield block
        elif tag not in ("graphic", "lb"):
            block = _inline(elem)
            block.heading = tag == "head"
            yield block


def _inline(elem: Any) -> Block:
    """Text of one block element with its ``<ref target=...>`` links and ``<lb/>`` breaks."""
    block = Block()
    pieces: list[str] = []
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            text = _ws().sub(" ", text)
            if pieces and pieces[-1].endswith((" ", "\n")) and text.startswith(" "):
                text = text[1:]
            pieces.append(text)
            length += len(text)

    def visit(node: Any) -> None:
        nonlocal length
        add(node.text)
        for child in node:
            if child.tag == "lb":
                if pieces and pieces[-1].endswith(" "):
                    pieces[-1] = pieces[-1][:-1]
                    length -= 1
                pieces.append("\n")
                length += 1
            elif child.tag == "ref":
                start = length
                visit(child)
                target = child.get("target")
                if target and length > start:
                    block.links.append((start, length, target))
            elif child.tag != "graphic":
                visit(child)
            add(child.tail)

    visit(elem)
    block.text = "".join(pieces)
    return block


def _join_cells(cells: list[Block]) -> Block:
    out = Block()
    texts: list[str] = []
    pos = 0
    for cell in cells:
        text = cell.text.strip()
        if not text:
            continue
        if texts:
            texts.append(" | ")
            pos += 3
        lead = len(cell.text) - len(cell.text.lstrip())
        out.links.extend((pos + s - lead, pos + e - lead, url) for s, e, url in cell.links)
        texts.append(text)
        pos += len(text)
    out.text = "".join(texts)
    return out


# Fallback: the <p> elements of the page --------------------------------------------------


class _ParagraphParser(HTMLParser):
    """Collect <p>, <h1>-<h6> and <li> text outside nav, header, footer, aside and scripts."""

    SKIP = frozenset({"script", "style", "nav", "header", "footer", "aside", "noscript", "form"})
    BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.skip = 0
        self.current: Block | None = None
        self.link: tuple[int, str] | None = None
        self.title: list[str] | None = None
        self.page_title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skip += 1
        elif tag == "title":
            self.title = []
        elif self.skip:
            return
        elif tag in self.BLOCKS:
            self._close()
            self.current = Block(
                heading=tag.startswith("h"), joined=tag == "li", source_line=self.getpos()[0]
            )
        elif tag == "a" and self.current is not None:
            href = dict(attrs).get("href")
            if href:
                self.link = (len(self.current.text), href)
        elif tag == "br" and self.current is not None:
            self.current.text += "\n"

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "title" and self.title is not None:
            self.page_title = " ".join("".join(self.title).split())
            self.title = None
        elif tag in self.BLOCKS:
            self._close()
        elif tag == "a" and self.current is not None and self.link is not None:
            start, href = self.link
            if len(self.current.text) > start:
                self.current.links.append((start, len(self.current.text), href))
            self.link = None

    def handle_data(self, data: str) -> None:
        if self.title is not None:
            self.title.append(data)
        if self.skip or self.current is None:
            return
        text = _ws().sub(" ", data)
        if self.current.text.endswith((" ", "\n")) or not self.current.text:
            text = text.lstrip(" ")
        self.current.text += text

    def _close(self) -> None:
        if self.current is not None and self.current.text.strip():
            self.blocks.append(self.current)
        self.current = None
        self.link = None


def _fallback_blocks(source: str) -> list[Block]:
    parser = _ParagraphParser()
    parser.feed(source)
    parser.close()
    parser._close()
    return parser.blocks


def _fallback_meta(source: str) -> DocumentMeta:
    parser = _ParagraphParser()
    m = re.search(r"<title[^>]*>(.*?)</title>", source, re.S | re.I)
    if m:
        parser.feed(f"<title>{m.group(1)}</title>")
    return DocumentMeta(title=parser.page_title or None)


def _html_directives(source: str) -> Iterable[suppress.Directive]:
    index = LineIndex(source)
    for m in re.finditer(r"<!--.*?-->", source, re.S):
        if "factcheck-" in m.group():
            d = suppress.parse_directive(m.group(), m.start(), index.line_col(m.start())[0])
            if d is not None:
                yield d
