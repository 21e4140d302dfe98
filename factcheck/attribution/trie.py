"""Whole-word matchers for the attribution lexicons (cue verbs), on the shared trie.

A plain alternation of hundreds of phrases makes ``re`` try every alternative at
every position; the trie of :mod:`factcheck.textutil.trie` shares prefixes, so each
position costs a few character tests. Here a space in a phrase matches any run of
spaces or tabs (not a line break), and a match must be a whole word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

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
