"""Whole-word matchers for the attribution lexicons (cue verbs), on the shared trie.

A plain alternation of hundreds of phrases makes ``re`` try every alternative at
every position; the trie of :mod:`factcheck.textutil.trie` shares prefixes, so each
position costs a few character tests. Here a space in a phrase matches any run of
spaces or tabs (not a line break), and a match must be a whole word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from factcheck.textutil.trie import trie_regex


def trie_pattern(phrases: Iterable[str]) -> str:
    """A regex source matching any of ``phrases`` (at each point the longest first)."""
    return trie_regex(phrases, char=_char)


def _char(ch: str) -> str:
    return "[ \\t]+" if ch == " " else re.escape(ch)


def compile_words(
    phrases: Iterable[str],
    *,
    flags: int = 0,
    compile: Callable[[str, int], re.Pattern[str]] = re.compile,
) -> re.Pattern[str]:
    """Match any of ``phrases`` as whole words (not inside a longer word).

    ``compile`` is ``re.compile`` or the run's regex store
    (:mod:`factcheck.textutil.regexcache`): the cue trie takes 0.2 s to compile, more
    than the analysis of a short draft, so ``check`` on one file loads it instead.
    """
    return compile(rf"(?<![\w.'’-])(?:{trie_pattern(phrases)})(?![\w'’-]|\.\w)", flags)


class WordFinder:
    """The matches of :func:`compile_words`, found with fewer match attempts.

    That pattern opens with a look-behind, so ``re`` starts a match attempt at every
    character of the text. Here a phrase is matched with the character before it,
    taken from a class ``re`` tests from a bitmap while it skips ahead: anything but
    an ASCII letter or digit. Whether that character really is a boundary (not a
    word character, a full stop, an apostrophe or a hyphen: the look-behind's test)
    is checked for each match found; after one that is not ("éd", "-said"), the
    search resumes just after that character. A phrase at the very start of the text
    is tried on its own, and after a match that ends on a boundary character (``:``)
    the search resumes on that character, where the next phrase may start.
    ``compile`` is as for :func:`compile_words` (the run's regex store keeps a single
    draft from compiling the two trie patterns).
    """

    __slots__ = ("_after", "_at_start", "_boundary")

    def __init__(
        self,
        phrases: Iterable[str],
        *,
        compile: Callable[[str, int], re.Pattern[str]] = re.compile,
    ) -> None:
        body = rf"(?:{trie_pattern(phrases)})(?![\w'’-]|\.\w)"
        self._at_start = compile(body, 0)
        self._after = compile(rf"[^a-z0-9]({body})", 0)
        self._boundary = re.compile(r"[^\w.'’-]")

    def spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of every match in ``text``, as ``compile_words(...).finditer``."""
        pos = 0
        first = self._at_start.match(text)
        if first is not None:
            pos = first.end()
            yield 0, pos
        boundary = self._boundary.match
        while True:
            for m in self._after.finditer(text, max(pos - 1, 0)):
                if not boundary(text, m.start()):
                    pos = m.start(1) + 1
                    break  # a word character before: search again from the next one
                pos = m.end()
                yield m.start(1), pos
                if boundary(text, pos - 1):
                    break  # the phrase ends on a boundary character: search from it
            else:
                return
