"""Compile the claim grammar's vocabularies into a handful of regular expressions.

One scanner finds every candidate figure in a single pass over ``Document.view``
(dates, ratios, ranks, vague plurals, currency amounts, figures and number words, in
that order of preference at a position). Small anchored patterns then read what
follows a figure (scale, range, unit, post-qualifier). Word lists are emitted as
character tries, so a position costs a few character tests however long the lists
are. Built once per run (``ctx.compiled``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from factcheck.claims.vocab import Vocabulary, key

# Between the words of a multi-word form: spaces or hyphens of any kind.
_SEP = r"[\s\-‐‑]+"
_ORD_SUFFIX = r"(?:st|nd|rd|th)"
DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[\u00a0\u2009\u202f]\d{3})+(?!\d)|\d+)"
    r"(?:\.\d+|[ ]\.[ ]\d+(?![\d.]))?"
    r"|\.\d+"
)


def trie(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, longest first, as a char trie.

    Words are lookup keys (lower case, single spaces); a space matches any run of
    spaces or hyphens.
    """
    root: dict[str, Any] = {}
    for word in words:
        if not word:
            continue
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root) or r"(?!)"


def _emit(node: dict[str, Any]) -> str:
    branches = [_char(ch) + _emit(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


def _char(ch: str) -> str:
    if ch == " ":
        return _SEP
    if ch == ".":
        return r"\.?"  # "Dec." and "Dec", "approx." and "approx"
    if ch in "'’":
        return "['’]"
    return re.escape(ch)


def _bounded(pattern: str) -> str:
    """Require no letter right after a word-ending match."""
    return f"(?:{pattern})(?![A-Za-z])"


@dataclass(frozen=True, slots=True)
class Grammar:
    """The compiled patterns of one vocabulary."""

    vocab: Vocabulary
    scanner: re.Pattern[str]
    number_at: re.Pattern[str]
    scale_at: re.Pattern[str]
    after_at: re.Pattern[str]
    attached_at: re.Pattern[str]
    post_at: re.Pattern[str]
    join_at: re.Pattern[str]
    minor_at: re.Pattern[str]
    words_before: re.Pattern[str]
    word_after: re.Pattern[str]
    month: re.Pattern[str]
    exclusions: re.Pattern[str] | None
    exclusion_rules: tuple[str, ...]


def compile_grammar(vocab: Vocabulary) -> Grammar:
    v = vocab
    run_words = trie(set(v.cardinals) | set(v.scales) | set(v.multipliers) | set(v.fractions))
    articles = trie(v.articles)
    word = rf"\b(?:{run_words})\b"
    run = (
        rf"\b(?:(?:{articles}){_SEP})?{word}"
        rf"(?:{_SEP}(?:and{_SEP}|of{_SEP})?(?:(?:{articles}){_SEP})?{word})*"
    )
    currency = trie(v.currency_before)
    months = trie(v.months)
    month = rf"\b(?:{months})\b\.?"
    weekday = rf"\b(?:{trie(v.weekdays)})\b\.?"
    day = rf"\d{{1,2}}{_ORD_SUFFIX}?"
    year = r"(?:1[0-9]|20)\d{2}"
    simple = rf"(?:\d+(?:\.\d+)?|\b(?:{trie(v.cardinals)})\b)"
    ordinals = trie(v.ordinals)
    tens_words = [
        f[:-1] + "ies" for f, val in v.cardinals.items() if 20 <= val < 100 and f.endswith("y")
    ]
    age_owner = trie(w for w in v.age_before if w.startswith("in "))
    decade_words = trie(tens_words)
    scanner = "|".join(
        [
            rf"(?P<iso>(?<![\w/.\-]){year}-\d{{1,2}}-\d{{1,2}}(?![\w/\-]))",
            r"(?P<slash>(?<![\w/.])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\w/]))",
            rf"(?P<md>(?:{weekday},?\s+)?{month}\s+{day}(?![\d,]\d)"
            rf"(?:\s*[-–]\s*(?:{month}\s+)?{day}(?!\d))?(?:,?\s+{year}(?!\d))?)",
            rf"(?P<dm>(?:\bthe\s+)?(?<![\w.,])\d{{1,2}}{_ORD_SUFFIX}?\s+(?:of\s+)?{month}(?:,?\s+{year}(?!\d))?)",
            rf"(?P<my>{month},?\s+(?:of\s+)?{year}(?!\d))",
            rf"(?P<agedecade>\b(?:{age_owner}){_SEP}(?:(?:early|mid|late){_SEP}?)?"
            rf"(?:\d0['’]?s\b|\b(?:{decade_words})\b))",
            rf"(?P<decade>(?<![\w.])(?:(?:{trie(v.date_modifiers)}){_SEP})?(?:1[0-9]|20)?\d0['’]?s\b|['’]\d0s\b)",
            rf"(?P<modyear>\b(?:{trie(v.date_modifiers)})(?:{_SEP}|-){year}(?!\d))",
            rf"(?P<ratio>(?<![\w.,]){simple}\s+(?:{trie(v.ratio_joins)})\s+{simple}(?![\w.,]\d))",
            r"(?P<colon>(?<![\w:.])\d{1,3}:\d{1,3}(?![\w:]))",
            rf"(?P<rank>\b(?:{ordinals})(?:{_SEP})(?:{trie(v.superlatives | v.rank_after)})\b)",
            r"(?P<rankno>(?<![\w.])(?-i:No\.?)\s?\d+\b|\bnumber\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b)",
            rf"(?P<top>\btop(?:{_SEP}|-)(?:\d+|\b(?:{trie(v.cardinals)})\b)(?![\w.,]\d))",
            rf"(?P<vague>\b(?:{trie(v.vague)})\b)",
            rf"(?P<cur>(?<![A-Za-z])(?:{currency}))[ \t]?(?P<cn>{DIGITS}|{run})",
            rf"(?P<neg>(?<![\w)])(?:minus|negative)\s+|(?<![\w)\-–.,])[-−](?=\d))?"
            rf"(?<![\w.,/#@])(?<![A-Za-z]-)(?P<dn>{DIGITS})",
            rf"(?P<wn>{run})",
        ]
    )
    number_at = rf"(?P<cur>(?:{currency}))?[ \t]?(?P<n>{DIGITS}|{run})"
    scale_at = (
        rf"(?:[ \t]?(?P<sp>{_bounded(trie(v.suffixes))})"
        rf"|(?P<att>(?-i:{trie(v.suffixes_attached)}))(?![A-Za-z])"
        rf"|(?:\s+|-)(?P<word>{_bounded(trie(s for s in v.scales if v.scales[s] >= 1000))}))"
    )
    after_words = [w for w in v.after if w]
    after_at = rf"(?P<sep>[ \t]*-[ \t]*|\s*)(?P<u>{trie(after_words)})(?![A-Za-z])"
    attached_at = rf"(?P<u>(?-i:{trie(v.attached)}))(?![A-Za-z])"
    post_at = rf"(?:\s+(?P<w>{_bounded(trie(v.post_qualifiers))})|(?P<plus>\+))"
    join_at = rf"\s*(?P<j>{trie(v.range_joins)})\s*"
    minor_words = sorted({w for ws in v.minor.values() for w in ws})
    minor_at = (
        rf",?\s+(?:and\s+)?(?P<n>\d{{1,2}}|\b(?:{trie(v.cardinals)})\b)"
        rf"\s+(?P<m>{_bounded(trie(minor_words))})"
    )
    exclusion = None
    if v.exclusions:
        exclusion = "|".join(f"(?P<x{i}>{_scoped(e.pattern)})" for i, e in enumerate(v.exclusions))
    return Grammar(
        vocab=v,
        scanner=re.compile(scanner, re.I),
        number_at=re.compile(number_at, re.I),
        scale_at=re.compile(scale_at, re.I),
        after_at=re.compile(after_at, re.I),
        attached_at=re.compile(attached_at),
        post_at=re.compile(post_at, re.I),
        join_at=re.compile(join_at, re.I),
        minor_at=re.compile(minor_at, re.I),
        words_before=re.compile(r"[A-Za-z][A-Za-z.'’]*|[~∼<>≥≤]"),
        word_after=re.compile(r"[A-Za-z][A-Za-z'’\-]*"),
        month=re.compile(month, re.I),
        exclusion_rules=tuple(e.rule for e in v.exclusions),
        exclusions=re.compile(exclusion) if exclusion else None,
    )


def _scoped(pattern: re.Pattern[str]) -> str:
    """Wrap one exclusion pattern with its own flags, for one combined alternation."""
    flags = "i" if pattern.flags & re.I else ""
    source = pattern.pattern
    if source.startswith("(?m)"):
        source, flags = source[4:], flags + "m"
    return f"(?{flags}:{source})" if flags else f"(?:{source})"


__all__ = ["DIGITS", "Grammar", "compile_grammar", "key", "trie"]
