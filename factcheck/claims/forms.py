"""Special forms of the claim grammar: ratios, ranks, vague plurals, decades of age.

Also fractions written in figures ('1/2 cup'). Functions of the claim reader
(:class:`factcheck.claims.detect.Reader`), one per scanner alternative that is not a
plain figure.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck.claims.normalise import noun_after
from factcheck.claims.numbers import parse_digits, parse_words
from factcheck.claims.quantity import Figure, Quantity
from factcheck.claims.vocab import key

if TYPE_CHECKING:
    from factcheck.claims.detect import Reader

_RATIO_SPLIT_RE = re.compile(r"\s+(?:in every|of every|out of|in|over)\s+", re.I)
_OF_AHEAD_RE = re.compile(r"[ \t]+of\b", re.I)
_YEAR_RE = re.compile(r"(?:1[0-9]|20)\d{2}")
_DIGITS_RE = re.compile(r"\d+")
_SEPARATORS_RE = re.compile(r"[\s\-‐‑.]+")
_OF_RE = re.compile(r"[ \t]+of[ \t]+", re.I)
_DECADE_DIGIT_RE = re.compile(r"(\d)0")


def slash_fraction(r: Reader, m: re.Match[str]) -> Figure | None:
    """'1/2 cup', '3/4', '- 1 4/5': a fraction in figures (denominator up to 16)."""
    text = m.group()
    sign = -1.0 if text.lstrip()[:1] in "-−" else 1.0
    parts = _DIGITS_RE.findall(text)
    whole = float(parts[0]) if len(parts) == 3 else 0.0
    num, den = (float(x) for x in parts[-2:])
    if not 0 < num < den <= 16:
        return None
    value = sign * (whole + num / den)
    return Figure(m.start(), m.start(), m.end(), value, fraction=whole == 0)


def ratio(r: Reader, m: re.Match[str], kind: str) -> Quantity | None:
    """'one in four', '3 out of 10', '1:4'."""
    text = m.group()
    if kind == "colon":
        a_text, b_text = text.split(":")
    else:
        parts = _RATIO_SPLIT_RE.split(text, maxsplit=1)
        if len(parts) != 2:
            return None
        a_text, b_text = parts
    a = _simple(r, a_text)
    b = _simple(r, b_text)
    if a is None or b is None or b in (0, a):
        return None
    if kind == "ratio" and (a > b or b > 100000 or _YEAR_RE.fullmatch(b_text)):
        return None
    end = m.end()
    if kind == "ratio":
        fig = Figure(m.start(), m.start(), end, b)
        if r.unit(end, fig) is not None or r.g.scale_at.match(r.view, end):
            return None  # "2 in 10 minutes", "1 in 5 million"
    left = r.left(m.start())
    start = m.start()
    qualifier = None
    low = high = None
    value = a / b
    if "qualifier" in left:
        phrase, q_start = left["qualifier"]
        q = r.v.qualifiers[phrase]
        qualifier, start = q.normal, q_start
        low = value if q.bound == "low" else None
        high = value if q.bound == "high" else None
    post, post_end = r.post(end)
    if post is not None:  # "2 in 5 or more"
        qualifier, end = post.normal, post_end
        low = value if post.bound == "low" else low
        high = value if post.bound == "high" else high
    noun, verb = noun_after(r.view, end)
    return Quantity(
        start,
        end,
        "ratio",
        value,
        low,
        high,
        "fraction",
        qualifier,
        noun,
        verb,
        core_start=m.start(),
        core_end=end,
    )


def _simple(r: Reader, text: str) -> float | None:
    text = text.strip()
    if text[:1].isdigit():
        return parse_digits(text)
    words = parse_words(text, r.v)
    return words.value if words is not None and not words.fraction else None


def rank(r: Reader, m: re.Match[str], kind: str) -> Quantity | None:
    text = m.group()
    words = key(text).split()
    if kind == "rank":
        value: float | None = r.v.ordinals.get(" ".join(words[:2])) or r.v.ordinals.get(words[0])
    else:
        tail = _SEPARATORS_RE.split(text)[-1]
        value = parse_digits(tail) if tail[:1].isdigit() else r.v.cardinals.get(key(tail))
    if value is None:
        return None
    noun = None
    if kind == "rank" and words[-1] not in r.v.rank_after:  # "third-largest employer"
        noun, _ = noun_after(r.view, m.end())
    return Quantity(
        m.start(),
        m.end(),
        "rank",
        float(value),
        noun=noun,
        core_start=m.start(),
        core_end=m.end(),
    )


def vague(r: Reader, m: re.Match[str]) -> Quantity | None:
    """'hundreds of', 'tens of thousands', 'a couple of', 'millions of pounds'."""
    value, low, high = r.v.vague[key(m.group())]
    end = m.end()
    if key(m.group()) in r.v.vague_need_of and not _OF_AHEAD_RE.match(r.view, end):
        return None  # "it scores points"
    kind = "count"
    unit = None
    qualifier = "about" if value is not None else None
    of = _OF_RE.match(r.view, end)
    if of is not None:
        after = r.g.after_at.match(r.view, of.end())
        if after is not None:
            senses = r.v.after.get(key(after.group("u")), ())
            money = [s for s in senses if s.vocabulary in ("currencies", "minor")]
            if money and not r.weighs(m.start(), after.end()):
                kind, unit, end = "money", money[0].unit, after.end()
    if value is None and low is None:
        return None
    noun, verb = noun_after(r.view, end) if kind == "count" else (None, None)
    if kind == "count" and noun is None and value is None and of is None:
        # "Thousands marched" keeps its verb; "the thousands" alone is no figure
        verb = verb or None
    return Quantity(
        m.start(),
        end,
        kind,
        value,
        low,
        high,
        unit,
        qualifier,
        noun,
        verb,
        core_start=m.start(),
        core_end=m.end(),
    )


def age_decade(r: Reader, m: re.Match[str]) -> Quantity | None:
    digits = _DECADE_DIGIT_RE.search(m.group())
    if digits is not None:
        low = float(int(digits.group(1)) * 10)
    else:
        word = key(m.group()).split()[-1]
        base = next(
            (val for f, val in r.v.cardinals.items() if f.endswith("y") and f[:-1] + "ies" == word),
            None,
        )
        if base is None:
            return None
        low = float(base)
    return Quantity(
        m.start(),
        m.end(),
        "age",
        None,
        low,
        low + 9,
        "year",
        core_start=m.start(),
        core_end=m.end(),
    )
