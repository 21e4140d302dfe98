"""Plain text: the file is the text; only bare URLs are masked in the view."""

from __future__ import annotations

from factcheck.ingest.masking import Masker, url_re
from factcheck.model import Document


def text_document(text: str, path: str) -> Document:
    """A plain-text article: offsets point into the file, URLs are not copy."""
    masker = Masker(text)
    if "://" in text or "www." in text:
        masker.mask(url_re())
    return Document(path=path, format="text", text=text, view=masker.view, masked=masker.spans())
