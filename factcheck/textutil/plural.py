"""Counts with their nouns: ``1 word``, ``2 words``, ``1 stale baseline entry``.

One helper, so that every message, summary and report agrees in number instead of
printing "1 statements" or "0 error, 7 warning".
"""

from __future__ import annotations


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` and the noun in the right number (``plural`` defaults to ``singular + "s"``)."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"
