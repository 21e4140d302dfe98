"""Ingest: turn a file (or stdin) into a :class:`~factcheck.model.Document`.

MINIMAL VERSION: plain text only. The ingest work replaces this with decoding
fallbacks, Markdown masking, HTML and .docx extraction.
"""

from __future__ import annotations

from pathlib import Path

from factcheck.context import Options
from factcheck.errors import InputError
from factcheck.model import Document


def document_from_text(text: str, *, path: str = "<text>", input_format: str = "text") -> Document:
    return Document(path=path, format="text", text=text, view=text)


def read_document(path: str, options: Options) -> Document:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such file")
    text = p.read_text(encoding="utf-8")
    if not text.strip():
        raise InputError(f"{path}: file is empty")
    return document_from_text(text, path=path)
