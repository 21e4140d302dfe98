"""Ingest: turn a file (or stdin) into a :class:`~factcheck.model.Document`.

The format comes from the file extension (.txt, .md/.markdown, .html/.htm, .docx),
or from ``--input-format`` (required for stdin, ``-``). Bad input is refused with
one :class:`~factcheck.errors.InputError` line (path, problem, fix) before anything
is analysed or written: missing path, a folder, an empty or binary file, bytes that
are neither UTF-8 nor cp1252, a file over ``--max-bytes``, an unknown extension.

Plain text and Markdown keep the file as ``Document.text`` (offsets are positions
in the user's file); HTML and .docx are converted to text first.
"""

from __future__ import annotations

import os
from dataclasses import replace

from factcheck.context import Options
from factcheck.errors import InputError
from factcheck.model import Document

EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}
FORMAT_NAMES = {
    "text": "text",
    "txt": "text",
    "plain": "text",
    "markdown": "markdown",
    "md": "markdown",
    "html": "html",
    "htm": "html",
    "docx": "docx",
}
_FORMATS_HINT = "text, markdown, html or docx"

__all__ = ["EXTENSIONS", "FORMAT_NAMES", "document_from_text", "format_name", "read_document"]


def document_from_text(text: str, *, path: str = "<text>", input_format: str = "text") -> Document:
    """A Document from a string already in memory (tests, the API, rule examples)."""
    fmt = format_name(input_format)
    if fmt == "markdown":
        from factcheck.ingest.markdown import markdown_document

        return markdown_document(text, path)
    if fmt == "html":
        from factcheck.ingest.html import html_document

        return html_document(text, path)
    if fmt == "docx":
        raise InputError(f"{path}: .docx input must be read from a file, not from text")
    from factcheck.ingest.plaintext import text_document

    return text_document(text, path)


def read_document(path: str, options: Options) -> Document:
    """Read one article file (``-``: stdin) into a Document, or raise InputError."""
    from factcheck.ingest.decode import (
        check_not_empty,
        check_path,
        declared_html_charset,
        decode,
        read_bytes,
    )

    shown = "<stdin>" if path == "-" else path
    if path != "-":
        check_path(path)
    fmt = format_for(path, options.input_format)
    data = read_bytes(path, options.max_bytes)
    if fmt == "docx":
        from factcheck.ingest.docx import docx_document

        check_not_empty(shown, data)
        return docx_document(data, shown)
    decoded = decode(shown, data, declared_html_charset(data) if fmt == "html" else None)
    doc = document_from_text(decoded.text, path=shown, input_format=fmt)
    if decoded.encoding != "utf-8" or decoded.warnings:
        doc = replace(doc, encoding=decoded.encoding, warnings=doc.warnings + decoded.warnings)
    return doc


def format_for(path: str, input_format: str | None) -> str:
    """The input format: ``--input-format`` when given, else the file extension."""
    if input_format:
        return format_name(input_format)
    if path == "-":
        raise InputError(
            "<stdin>: reading stdin needs the input format",
            hint=f"pass --input-format {_FORMATS_HINT.replace(', ', '|').replace(' or ', '|')}",
        )
    ext = os.path.splitext(path)[1].lower()
    fmt = EXTENSIONS.get(ext)
    if fmt is None:
        shown_ext = f"'{ext}'" if ext else "no extension"
        raise InputError(
            f"{path}: unknown file type ({shown_ext})",
            hint="factcheck reads .txt, .md, .html and .docx; pass --input-format "
            "text|markdown|html|docx to read it anyway",
        )
    return fmt


def format_name(name: str) -> str:
    """The input format an ``--input-format`` value names, or InputError (exit 2)."""
    fmt = FORMAT_NAMES.get(name.strip().lower())
    if fmt is None:
        raise InputError(f"--input-format {name!r}: expected {_FORMATS_HINT}")
    return fmt
