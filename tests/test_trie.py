"""The shared trie regex builder: exactly the keys, longest first, the caller's characters."""

from __future__ import annotations

import re

import pytest

from factcheck.context import Context
from factcheck.loaded import matcher_for
from factcheck.loaded.matcher import fold
from factcheck.textutil.trie import trie_regex

SEP = r"[\s\-]+"


def spaced(ch: str) -> str:
    return SEP if ch == " " else re.escape(ch)


def test_matches_exactly_the_keys() -> None:
    keys = ["exploit", "exploits", "exploited", "exploitation", "expose", "ex"]
    pattern = re.compile(trie_regex(keys))
    for key in keys:
        assert pattern.fullmatch(key), key
    for other in ["exp", "exploi", "exploitations", "expo", "x", ""]:
        assert not pattern.fullmatch(other), other


def test_greedy_longest_key_first() -> None:
    pattern = re.compile(trie_regex(["illegal", "illegal alien", "illegal aliens"], char=spaced))
    m = pattern.match("illegal aliens crossed")
    assert m is not None and m.group() == "illegal aliens"
    m = pattern.match("illegal-alien")  # a space in a key matches spaces or hyphens
    assert m is not None and m.group() == "illegal-alien"


def test_leaf_characters_gathered_into_a_class() -> None:
    assert trie_regex(["exploit", "exploits", "exploited"], classes=True) == "exploit(?:(?:ed|s))?"
    assert trie_regex(["thug", "thugs", "thugz"], classes=True) == "thug(?:[sz])?"
    assert trie_regex(["thug", "thugs"], classes=True) == "thugs?"
    assert trie_regex(["thug", "thugs", "thugz"]) == "thug(?:(?:s|z))?"
    # A space mapped to a separator is never put in a class.
    assert trie_regex(["a b", "ac"], char=spaced, classes=True) == rf"a(?:{SEP}b|c)"


def test_special_characters_escaped_and_empty_keys_ignored() -> None:
    keys = ["u.s.", "a+b", "(c)", "", "lyin'"]
    pattern = re.compile(trie_regex(keys, classes=True))
    assert all(pattern.fullmatch(k) for k in keys if k)
    assert not pattern.fullmatch("uxsx")
    assert trie_regex([]) == "(?!)" and trie_regex([""], empty="") == ""


def test_caller_maps_characters() -> None:
    def dots_optional(ch: str) -> str:
        return r"\.?" if ch == "." else re.escape(ch)

    pattern = re.compile(trie_regex(["dec.", "december"], char=dots_optional), re.I)
    assert pattern.fullmatch("Dec.") and pattern.fullmatch("Dec") and pattern.fullmatch("December")


def test_order_of_keys_does_not_matter() -> None:
    keys = ["far right", "far-left", "radical", "radicals", "radicalised", "hard-line"]
    assert trie_regex(keys, char=spaced) == trie_regex(reversed(keys), char=spaced)
    assert trie_regex(keys) == trie_regex([*keys, *keys])


@pytest.mark.parametrize(
    "sentence",
    [
        "Darmanin accused Britain of using migrants as a political football.",
        "The far-right group staged a brazen stunt, critics say, slamming the so-called reform.",
    ],
)
def test_lexicon_trie_finds_what_a_plain_alternation_finds(ctx: Context, sentence: str) -> None:
    """The run's lexicon pattern against a naive longest-first alternation of its keys."""
    matcher = matcher_for(ctx)
    assert matcher.pattern is not None
    keys = sorted(matcher.entries, key=len, reverse=True)
    naive = re.compile(
        r"[^a-z0-9](?:" + "|".join(re.escape(k).replace(r"\ ", SEP) for k in keys) + r")(?!\w)"
    )
    text = " " + fold(sentence)
    found = [m.span() for m in matcher.pattern.finditer(text)]
    assert found == [m.span() for m in naive.finditer(text)]
    assert found  # these sentences do hold lexicon words
