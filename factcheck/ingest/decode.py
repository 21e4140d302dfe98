"""Read an input's bytes and decode them, refusing bad input with one clear line.

Every refusal is an :class:`~factcheck.errors.InputError` naming the path, the
problem and the fix, raised before anything is analysed or written. Decoding tries
UTF-8, then UTF-8 with a byte-order mark (the BOM is dropped, so offsets count from
the first character after it), then cp1252 (Windows "ANSI", common in newsroom
exports) with a warning, because a wrong guess there silently changes curly quotes.
UTF-16 with a byte-order mark (Word's "Unicode text") is read as such.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from dataclasses import dataclass
from functools import cache

from factcheck.errors import InputError

BOM = b"\xef\xbb\xbf"
_SAMPLE = 8192
# <meta charset="..."> or <meta http-equiv="Content-Type" content="...; charset=...">
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)
_HTML_PRESCAN = 2048  # bytes, as in the HTML standard's encoding prescan


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def read_bytes(path: str, max_bytes: int) -> bytes:
    """The bytes of ``path`` (``-`` for stdin), refusing missing, folder and oversized input."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        _check_size("<stdin>", len(data), max_bytes)
        return data
    check_path(path)
    try:
        size = os.path.getsize(path)
        _check_size(path, size, max_bytes)
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    _check_size(path, len(data), max_bytes)
    return data


def check_path(path: str) -> None:
    """Refuse a missing path or a folder before anything is read."""
    if not os.path.exists(path):
        raise InputError(f"{path}: no such file", hint="check the path")
    if os.path.isdir(path):
        raise InputError(
            f"{path}: is a folder, not a file",
            hint="pass the article files, or the folder to 'factcheck analyze'",
        )


def _check_size(shown: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputError(
            f"{shown}: file is larger than the {max_bytes:,}-byte limit ({size:,} bytes)",
            hint="raise it with --max-bytes if this really is one article",
        )


def check_not_empty(shown: str, data: bytes) -> None:
    if not data.strip() or data.strip() == BOM:
        raise InputError(f"{shown}: file is empty", hint="there is no text to analyse")


def declared_html_charset(data: bytes) -> str | None:
    """The codec a page's ``<meta charset>`` declares, if Python knows it and it is not UTF-8.

    Saved pages from older CMSs still declare windows-1252 or ISO-8859-1; their bytes
    are often valid UTF-8 by accident only when they hold no accents, so the
    declaration is trusted before the UTF-8 guess (as browsers do). UTF-8 and UTF-16
    declarations change nothing: the byte-order mark and the UTF-8 attempt cover them.
    """
    match = _META_CHARSET.search(data[:_HTML_PRESCAN])
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if name.startswith(("utf-8", "utf-16", "utf-32")) or name == "ascii":
        return None
    return "cp1252" if name == "iso8859-1" else name  # browsers read latin-1 as cp1252


def decode(shown: str, data: bytes, declared: str | None = None) -> Decoded:
    """Decode text bytes: UTF-8, UTF-8 with BOM, then cp1252 with a warning.

    ``declared`` (an HTML page's ``<meta charset>``) is tried first when there is no
    byte-order mark; bytes it cannot decode fall back to the usual order.
    """
    check_not_empty(shown, data)
    if declared and not data.startswith((BOM, b"\xff\xfe", b"\xfe\xff")) and not is_binary(data):
        try:
            return _checked(shown, Decoded(data.decode(declared), declared))
        except UnicodeDecodeError:
            pass
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Word's "Unicode text" export
        try:
            return _checked(shown, Decoded(data.decode("utf-16"), "utf-16"))
        except UnicodeDecodeError as exc:
            raise _undecodable(shown, data, exc) from None
    if is_binary(data):
        raise InputError(
            f"{shown}: looks like a binary file, not text",
            hint="factcheck reads .txt, .md, .html and .docx articles",
        )
    if data.startswith(BOM):
        try:
            text = data[len(BOM) :].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _undecodable(shown, data, exc) from None
        return _checked(shown, Decoded(text, "utf-8-sig"))
    try:
        return _checked(shown, Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError as exc:
        first_error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise _undecodable(shown, data, first_error) from None
    warning = (
        f"{shown}: not valid UTF-8 (byte 0x{data[first_error.start]:02x} at offset "
        f"{first_error.start}); read as Windows-1252, check quotes and accents"
    )
    return _checked(shown, Decoded(text, "cp1252", (warning,)))


def _checked(shown: str, decoded: Decoded) -> Decoded:
    if not decoded.text.strip():
        raise InputError(f"{shown}: file is empty", hint="there is no text to analyse")
    return decoded


def _undecodable(shown: str, data: bytes, exc: UnicodeDecodeError) -> InputError:
    line = data.count(b"\n", 0, exc.start) + 1
    what = "UTF-16" if exc.encoding.startswith("utf-16") else "UTF-8 or Windows-1252"
    return InputError(
        f"{shown}:{line}: cannot decode byte 0x{data[exc.start]:02x} as {what}",
        hint="save the file as UTF-8",
    )


def is_binary(data: bytes) -> bool:
    """NUL bytes, or many control characters in the first 8 KiB, mean "not text".

    UTF-16 without a byte-order mark (full of NULs) is refused here too.
    """
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _text_bytes()))
    return controls > max(8, len(sample) // 100)


@cache
def _text_bytes() -> bytes:
    """Every byte but the control characters that never occur in text files.

    Tab, newlines, form feed and escape are allowed: they do turn up in real copy.
    """
    control = set(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
    return bytes(b for b in range(256) if b not in control)
