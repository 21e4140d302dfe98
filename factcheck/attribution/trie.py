"""A regular expression built from a character trie of phrases.

A plain alternation of hundreds of phrases makes ``re`` try every alternative at
every position; a trie shares prefixes, so each position costs a few character tests.
Used for cue verbs, role titles and the sides gazetteer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(phrases: Iterable[str]) -> str:
    """A regex source matching any of ``phrases`` (longest alternative first at each node).

    A space in a phrase matches any run of spaces (but not a line break).
    """
    root: dict[str, dict] = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root) if root else "(?!)"


def _emit(node: dict[str, dict]) -> str:
    ends_here = "" in node
    branches = [_char(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if len(branches) == 1 and not ends_here:
        body = branches[0]
    else:
        body = "(?:" + "|".join(branches) + ")"
    return body + "?" if ends_here else body


def _char(ch: str) -> str:
    return "[ \\t]+" if ch == " " else re.escape(ch)


def compile_words(phrases: Iterable[str], *, flags: int = 0) -> re.Pattern[str]:
    """Match any of ``phrases`` as whole words (not inside a longer word)."""
    return re.compile(rf"(?<![\w.'’-])(?:{trie_pattern(phrases)})(?![\w'’-]|\.\w)", flags)
