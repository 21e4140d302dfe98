"""One regular expression for a list of words or phrases, factored as a character trie.

A plain alternation of thousands of phrases makes ``re`` try every alternative at
every position (140 times slower than a trie on news text); a trie shares prefixes,
so each position costs a few character tests. Lexicon entries, condition word lists,
claim vocabularies and attribution cues all go through :func:`trie_regex`.

What a character means is the caller's: ``char`` maps each character to its regex
(by default ``re.escape``; a space usually becomes "any run of spaces or hyphens").
At every node the branches are tried in character order and the node's own end last,
so the regex is greedy: at a given start it matches the longest key it can.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable

Char = Callable[[str], str]


def trie_regex(
    keys: Iterable[str], *, char: Char = re.escape, classes: bool = False, empty: str = "(?!)"
) -> str:
    """A regex source matching exactly ``keys`` (empty keys ignored), longest first.

    ``classes=True`` gathers the characters that end a key and have nothing after
    them into one character class (``exploit(?:ed|s)?`` -> ``[ds]``), a smaller
    pattern that compiles and runs faster. Only characters that ``char`` maps to
    themselves (``re.escape``) are gathered, and the class goes after the node's
    other branches: use it only when no two branches of a node can match the same
    text, as when ``char`` maps each character to itself or a space to a separator
    that no key contains. ``empty`` is the regex for no keys at all (never matches).
    """
    ordered = sorted({key for key in keys if key})
    if not ordered:
        return empty
    return _Emitter(ordered, char, classes).emit(0, len(ordered), 0)


class _Emitter:
    """Emits the trie straight from the sorted keys: the keys below a node are a slice."""

    __slots__ = ("classes", "keys", "pieces")

    def __init__(self, keys: list[str], char: Char, classes: bool) -> None:
        self.keys = keys
        self.classes = classes
        # character -> (its regex, whether that is the plain escaped character)
        self.pieces: dict[str, tuple[str, bool]] = {}
        for key in keys:
            for ch in key:
                if ch not in self.pieces:
                    piece = char(ch)
                    self.pieces[ch] = (piece, piece == re.escape(ch))

    def emit(self, lo: int, hi: int, depth: int) -> str:
        """The regex for ``keys[lo:hi]``, which share their first ``depth`` characters."""
        keys = self.keys
        terminal = len(keys[lo]) == depth  # the shared prefix itself is a key (sorts first)
        if terminal:
            lo += 1
        branches: list[str] = []
        single: list[str] = []
        i = lo
        while i < hi:
            key = keys[i]
            ch = key[depth]
            j = bisect_right(keys, ch, i + 1, hi, key=lambda k: k[depth])
            piece, plain = self.pieces[ch]
            if self.classes and plain and j == i + 1 and len(key) == depth + 1:
                single.append(piece)
            else:
                branches.append(piece + self.emit(i, j, depth + 1))
            i = j
        if single:
            branches.append(single[0] if len(single) == 1 else "[" + "".join(single) + "]")
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if terminal:
            return body + "?" if len(branches) == 1 and len(body) == 1 else f"(?:{body})?"
        return body
