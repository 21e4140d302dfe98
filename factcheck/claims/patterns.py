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
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from factcheck.claims.vocab import Vocabulary, key
from factcheck.textutil.trie import trie_regex

Compile = Callable[..., "re.Pattern[str]"]  # re.compile(pattern, flags=0), or a store's

# Between the words of a multi-word form: spaces or hyphens of any kind.
_SEP = r"[\s\-‐‑]+"
_ORD_SUFFIX = r"(?:st|nd|rd|th)"
VULGAR_FRACTIONS = "½⅓⅔¼¾⅕⅛⅜⅝⅞"
_ANCHOR_CHAR = f"[0-9£$€¥₹₩₽₭₦₱₪₴₿{VULGAR_FRACTIONS}]"  # digits and currency symbols
DIGITS = (
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?!\d)"  # Indian grouping: 10,00,000
    r"|\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[\u00a0\u2009\u202f]\d{3})+(?!\d)|\d+)"
    r"(?:\.\d+|[ ]\.[ ]\d+(?![\d.]))?(?:[eE][-+]?\d+(?![\w.]))?"
    rf"[{VULGAR_FRACTIONS}]?|\.\d+|[{VULGAR_FRACTIONS}]"
)


def trie(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, longest first, as a char trie.

    Words are lookup keys (lower case, single spaces); a space matches any run of
    spaces or hyphens, a full stop is optional, either apostrophe matches both.
    """
    return trie_regex(words, char=_char)


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


# Which forms can start with a digit, a letter or another character (a currency
# symbol, a minus sign, an apostrophe): a scanner tries only those at a position.
_SCANNERS = {
    "digit": (
        "iso",
        "slash",
        "quarter",
        "century",
        "dm",
        "decade",
        "ratio",
        "colon",
        "slashfrac",
        "rank",
        "dn",
    ),
    "letter": (
        "quarter",
        "century",
        "md",
        "dm",
        "my",
        "monthonly",
        "agedecade",
        "decade",
        "modyear",
        "ratio",
        "rank",
        "rankno",
        "top",
        "vague",
        "cur",
        "dn",
        "wn",
    ),
    "other": ("decade", "slashfrac", "cur", "dn"),
}


@dataclass(frozen=True, slots=True)
class Grammar:
    """The compiled patterns of one vocabulary."""

    vocab: Vocabulary
    scanners: dict[str, re.Pattern[str]]  # by the first character: digit, letter, other
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
    anchor: re.Pattern[str]  # digits and currency symbols: where most figures are
    anchor_words: frozenset[str]  # words that can hold a figure with no digit in it
    anchor_bytes: frozenset[bytes]  # the same, encoded (looked up in the encoded text)
    prefix_words: frozenset[str]  # words a figure may start with before its anchor
    left_table: dict[str, str]  # phrase before a figure -> its role (qualifier, range...)
    left_last: frozenset[str]  # the last words of those phrases (a quick first test)


def compile_grammar(vocab: Vocabulary, compile: Compile = re.compile) -> Grammar:
    """Every pattern of the grammar, compiled by ``compile`` (or the run's regex store)."""
    v = vocab
    run_words = trie(
        set(v.cardinals) | set(v.scales) | set(v.multipliers) | set(v.fractions) | v.decimal_points
    )
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
    # Longest first; ties by spelling, so the source (the regex store's key) is stable.
    one_word = (p for p in v.year_prepositions if " " not in p)
    preps = "|".join(re.escape(p) for p in sorted(one_word, key=lambda p: (-len(p), p)))
    tens_words = [
        f[:-1] + "ies" for f, val in v.cardinals.items() if 20 <= val < 100 and f.endswith("y")
    ]
    age_owner = trie(w for w in v.age_before if w.startswith("in "))
    decade_words = trie(tens_words)
    alternatives = {
        "iso": (rf"(?P<iso>(?<![\w/.\-]){year}-\d{{1,2}}-\d{{1,2}}(?![\w/\-]))"),
        "slash": (
            r"(?P<slash>(?<![\w/.])\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?![\w/])"
            r"|(?<![\w/.\-])\d{1,2}(?P<sep>[.\-])\d{1,2}(?P=sep)\d{4}(?![\w/]))"
        ),
        "quarter": (
            rf"(?P<quarter>\b[QH][1-4](?:{_SEP}|{_SEP}of{_SEP}){year}(?!\d)|(?<![\w.]){year}(?:{_SEP}|-)?[QH][1-4]\b)"
        ),
        "century": (rf"(?P<century>\b(?:{ordinals}){_SEP}century\b)"),
        "md": (
            rf"(?P<md>(?:{weekday},?\s+)?{month}\s+{day}(?![\d,]\d)"
            rf"(?:\s*[-–]\s*(?:{month}\s+)?{day}(?!\d))?(?:,?\s+{year}(?!\d))?)"
        ),
        "dm": (
            rf"(?P<dm>(?:{weekday},?\s+)?(?:\bthe\s+)?(?<![\w.,])\d{{1,2}}{_ORD_SUFFIX}?\s+(?:of\s+)?{month}(?:,?\s+{year}(?!\d))?)"
        ),
        "my": (rf"(?P<my>{month},?\s+(?:of\s+)?{year}(?!\d))"),
        "monthonly": (
            rf"(?P<monthonly>\b(?:{preps})\s+(?P<mo>(?:(?:early|mid|late){_SEP})?{month})"
            r"(?![\w\-]|\.?\s*\d))"
        ),
        "agedecade": (
            rf"(?P<agedecade>\b(?:{age_owner}){_SEP}(?:(?:early|mid|late){_SEP}?)?"
            rf"(?:\d0['’]?s\b|\b(?:{decade_words})\b))"
        ),
        "decade": (
            rf"(?P<decade>(?<![\w.])(?:(?:{trie(v.date_modifiers)}){_SEP})?(?:1[0-9]|20)?\d0['’]?s\b|['’]\d0s\b)"
        ),
        "modyear": (rf"(?P<modyear>\b(?:{trie(v.date_modifiers)})(?:{_SEP}|-){year}(?!\d))"),
        "ratio": (
            rf"(?P<ratio>(?<![\w.,]){simple}\s+(?:{trie(v.ratio_joins)})\s+{simple}(?![\w.,]\d))"
        ),
        "colon": (r"(?P<colon>(?<![\w:.])\d{1,3}:\d{1,3}(?![\w:]))"),
        "slashfrac": (
            r"(?P<slashfrac>(?:(?<![\w/.,-])[-−]\s?)?(?<![\w/.,])(?:\d{1,3}\s+)?\d{1,2}/\d{1,2}(?![\w/]))"
        ),
        "rank": (
            rf"(?P<rank>\b(?:{ordinals})(?:{_SEP})(?:{trie(v.superlatives | v.rank_after)})\b)"
        ),
        "rankno": (
            r"(?P<rankno>(?<![\w.])(?-i:No\.?)\s?\d+\b|\bnumber\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b)"
        ),
        "top": (rf"(?P<top>\btop(?:{_SEP}|-)(?:\d+|\b(?:{trie(v.cardinals)})\b)(?![\w.,]\d))"),
        "vague": (rf"(?P<vague>\b(?:{trie(v.vague)})\b)"),
        "cur": (rf"(?P<cur>(?<![A-Za-z])(?:{currency}))[ \t]?(?P<cn>{DIGITS}|{run})"),
        "dn": (
            rf"(?P<neg>(?<![\w)])(?:minus|negative)\s+|(?<![\w)\-–.,])[-−](?=\d))?"
            rf"(?<![\w.,/#@])(?<![A-Za-z]-)(?P<dn>{DIGITS})"
        ),
        "wn": (rf"(?P<wn>{run})"),
    }
    scanners = {
        name: compile("|".join(alternatives[a] for a in names), re.I)
        for name, names in _SCANNERS.items()
    }
    number_at = rf"(?P<cur>(?:{currency}))?[ \t]?(?P<n>{DIGITS}|{run})"
    scale_at = (
        rf"(?:[ \t]?(?P<sp>{_bounded(trie(v.suffixes))})"
        rf"|(?P<att>(?-i:{trie(v.suffixes_attached)}))(?![A-Za-z0-9²³])"
        rf"|(?:\s+|-)(?P<word>{_bounded(trie([*v.scales, *v.multipliers]))}))"
    )
    after_words = [w for w in v.after if w]
    after_at = rf"(?P<sep>[ \t]*-[ \t]*|\s*)(?P<u>{trie(after_words)})(?![A-Za-z])"
    attached_at = rf"(?P<u>(?-i:{trie(v.attached)}))(?![A-Za-z])"
    post_at = rf"(?:\s+(?P<w>{_bounded(trie(v.post_qualifiers))})(?!\s+than\b)|(?P<plus>\+))"
    # "8- to 16-metre": a suspended hyphen before the join
    join_at = rf"\s*(?:[-–][ \t]*(?=(?:to|and|or)\b))?(?P<j>{trie(v.range_joins)})\s*"
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
        scanners=scanners,
        number_at=compile(number_at, re.I),
        scale_at=compile(scale_at, re.I),
        after_at=compile(after_at, re.I),
        attached_at=compile(attached_at),
        post_at=compile(post_at, re.I),
        join_at=compile(join_at, re.I),
        minor_at=compile(minor_at, re.I),
        words_before=compile(r"[A-Za-z][A-Za-z.'’]*|<=|>=|[~∼<>≥≤]"),
        word_after=compile(r"[A-Za-z][A-Za-z'’\-]*"),
        month=compile(month, re.I),
        exclusion_rules=tuple(e.rule for e in v.exclusions),
        # One class twice, not "[...]+": a pattern that opens with a repeat gets no
        # first-character scan from re, which then tries a match at every position
        # (three times slower over an article).
        anchor=compile(rf"{_ANCHOR_CHAR}{_ANCHOR_CHAR}*"),
        anchor_words=_anchor_words(v, tens_words),
        anchor_bytes=frozenset(w.encode() for w in _anchor_words(v, tens_words)),
        prefix_words=_prefix_words(v),
        left_table=_left_table(v),
        left_last=frozenset(p.split()[-1].rstrip(".") for p in _left_table(v)),
        exclusions=compile(exclusion) if exclusion else None,
    )


def _anchor_words(v: Vocabulary, tens_words: Iterable[str]) -> frozenset[str]:
    """Single words that can begin or carry a figure written without digits."""
    words: set[str] = set()
    for table in (v.cardinals, v.scales, v.multipliers, v.fractions, v.months, v.ordinals):
        words.update(w.split()[0] for w in table)
    words.update(w.split()[0] for w in v.vague if w.split()[0] not in v.articles)
    words.update(w.split()[1] for w in v.vague if w.split()[0] in v.articles and " " in w)
    words.update(tens_words)
    words.add("number")
    return frozenset(w for w in words if w.isalpha())


def _left_table(v: Vocabulary) -> dict[str, str]:
    """Phrases read leftwards from a figure, by role; a qualifier beats a preposition."""
    table: dict[str, str] = {}
    for words, role in (
        (v.year_prepositions, "year"),
        (v.age_before, "age"),
        (v.range_starts, "range"),
        (v.qualifiers, "qualifier"),
    ):
        for w in words:
            table[w] = role
    for form, senses in v.after.items():  # "percent of 10": the percentage written first
        if form[:1].isalpha() and any(s.unit == "percent" for s in senses):
            table[f"{form} of"] = "percent-of"
    return table


def _prefix_words(v: Vocabulary) -> frozenset[str]:
    """Words a figure may start with, one or two tokens before its anchor.

    'December 1', 'US $ 5', 'No. 2', 'the 4th of July', 'in his 40s', 'late 2016'.
    """
    words: set[str] = {"the", "no", "number", "top", "minus", "negative"}
    words.update(v.articles, v.months, v.weekdays, v.date_modifiers)
    words.update(p.split()[0] for p in v.year_prepositions)
    for phrase in v.age_before:
        words.update(phrase.split())
    for code in v.currency_before:
        first = code.split()[0].rstrip(".$")
        if first.isalpha():
            words.add(first)
    return frozenset(w.rstrip(".") for w in words)


def _scoped(pattern: re.Pattern[str]) -> str:
    """Wrap one exclusion pattern with its own flags, for one combined alternation."""
    flags = "i" if pattern.flags & re.I else ""
    source = pattern.pattern
    if source.startswith("(?m)"):
        source, flags = source[4:], flags + "m"
    return f"(?{flags}:{source})" if flags else f"(?:{source})"


__all__ = ["DIGITS", "Grammar", "compile_grammar", "key", "trie"]
