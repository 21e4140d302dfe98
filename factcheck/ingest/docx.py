"""Word drafts (.docx): paragraphs, headings, tables and hyperlinks via python-docx.

The text is built from the document's paragraphs in order (blank line between
them, table rows on consecutive lines with cells joined by `` | ``); offsets refer
to that text (``text_is_source`` is False). Headings are the paragraphs whose style
is a Heading or the Title; hyperlinks become :class:`~factcheck.model.Link` records so
that a figure in linked text counts as sourced. Title, author and date come from the
file's core properties.
"""

from __future__ import annotations

import io
from typing import Any

from factcheck.errors import InputError
from factcheck.ingest.extracted import Block, build_document
from factcheck.model import Document, DocumentMeta


def docx_document(data: bytes, path: str) -> Document:
    """Read a .docx file's bytes into a Document."""
    word = _open(data, path)
    blocks: list[Block] = []
    for item in word.iter_inner_content():
        if hasattr(item, "rows"):
            blocks.extend(_table_blocks(item))
        else:
            blocks.append(_paragraph_block(item))
    if not any(b.text.strip() for b in blocks):
        raise InputError(f"{path}: the Word document has no text", hint="is it the right file?")
    props = word.core_properties
    created = props.created
    meta = DocumentMeta(
        title=(props.title or "").strip() or None,
        author=(props.author or "").strip() or None,
        date=created.date().isoformat() if created else None,
    )
    return build_document(blocks, meta, path, "docx")


def _open(data: bytes, path: str) -> Any:
    import zipfile

    from docx import Document as open_docx
    from docx.opc.exceptions import PackageNotFoundError

    if not data.startswith(b"PK"):
        raise InputError(
            f"{path}: not a .docx (Word) file",
            hint="save it from Word as .docx, or rename it if it is text",
        )
    try:
        return open_docx(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(
            f"{path}: cannot read this .docx file ({type(exc).__name__})",
            hint="open and re-save it in Word",
        ) from None


def _paragraph_block(paragraph: Any) -> Block:
    style = paragraph.style.name if paragraph.style is not None else ""
    block = Block(heading=style.startswith("Heading") or style == "Title")
    pieces: list[str] = []
    length = 0
    for item in paragraph.iter_inner_content():
        text = item.text or ""
        url = getattr(item, "url", None)
        if url and text:
            block.links.append((length, length + len(text), url))
        pieces.append(text)
        length += len(text)
    block.text = "".join(pieces).replace("\t", " ")
    return block


def _table_blocks(table: Any) -> list[Block]:
    out: list[Block] = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())
            if text and (not cells or cells[-1] != text):  # merged cells repeat
                cells.append(text)
        if cells:
            out.append(Block(text=" | ".join(cells), joined=bool(out)))
    return out
