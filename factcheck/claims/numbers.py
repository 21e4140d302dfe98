"""Number parsing: figures ("1,674.5", "$ 46 . 8") and number words.

Number words: "three hundred and thirty-one", "two dozen", "two-thirds", "one and a
half", "half a million".

Pure functions over already-matched text. The words come from the rule files
(:class:`factcheck.claims.vocab.Vocabulary`), so "lakh" or "crore" work once a rule
file lists them. The word grammar, as a small recursive-descent parser::

    number   := integer point digit+ [scale] | integer [multiplier] [and-fraction]
              | share [[of] [a] scale] | article multiplier
    integer  := group (scale group?)*          (scales strictly decreasing)
    group    := below100 [hundred [and] below100?] | article hundred ...
    share    := (article | below100) fraction | half
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from factcheck.claims.vocab import Vocabulary, key

_VULGAR = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5}
_VULGAR |= {"⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8}
_DIGIT_NOISE_RE = re.compile(r"[,\s\u00a0\u2009\u202f]")
_TOKEN_RE = re.compile(r"[A-Za-z]+")


def parse_digits(text: str) -> float | None:
    """Value of a written figure ("1,674.5", "46 . 8", "-4", "2½"), or None."""
    if text and text[-1] in _VULGAR:
        whole = parse_digits(text[:-1]) if text[:-1].strip() else 0.0
        return None if whole is None else whole + _VULGAR[text[-1]]
    cleaned = text.replace(",", "")
    if not cleaned.replace(".", "", 1).isdigit():
        cleaned = _DIGIT_NOISE_RE.sub("", cleaned).replace("−", "-")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


@dataclass(frozen=True, slots=True)
class WordNumber:
    """The value of a run of number words and which part of the run it used."""

    value: float
    start: int  # offsets relative to the run
    end: int
    fraction: bool = False  # a share of a whole ("a third", "two-thirds", "half")
    needs_unit: bool = False  # e.g. "one" alone: a figure only with a unit
    words: int = 0


def parse_words(run: str, vocab: Vocabulary) -> WordNumber | None:
    """Parse the number at the start of ``run`` (a matched run of number words).

    Stops where the words stop making one number ("three and four" gives 3); returns
    None when the run starts with no number (an article alone).
    """
    spans = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(run)]
    parser = _Parser([key(run[s:e]) for s, e in spans], vocab)
    result = parser.number()
    if result is None and len(spans) > 1 and parser.keys[0] in vocab.articles:
        return _shifted(parse_words(run[spans[1][0] :], vocab), spans[1][0])
    if result is None:
        return None
    value, used, fraction = result
    if used == 0:
        return None
    words = [parser.keys[i] for i in range(used)]
    needs_unit = all(w in vocab.needs_unit or w in vocab.articles for w in words)
    return WordNumber(
        value=value,
        start=spans[0][0],
        end=spans[used - 1][1],
        fraction=fraction,
        needs_unit=needs_unit,
        words=used,
    )


def _shifted(words: WordNumber | None, offset: int) -> WordNumber | None:
    """The same parse, with offsets ``offset`` characters further into the run."""
    if words is None:
        return None
    return WordNumber(
        words.value,
        words.start + offset,
        words.end + offset,
        words.fraction,
        words.needs_unit,
        words.words,
    )


class _Parser:
    """Recursive descent over the lower-cased words of one run."""

    def __init__(self, keys: list[str], vocab: Vocabulary) -> None:
        self.keys = keys
        self.v = vocab

    def at(self, i: int) -> str:
        return self.keys[i] if i < len(self.keys) else ""

    def number(self) -> tuple[float, int, bool] | None:
        share = self.share(0)
        if share is not None:
            return share
        integer = self.integer(0)
        if integer is None:
            return self.article_multiplier(0)
        value, i, last_scale = integer
        decimals = self.decimals(i)
        if decimals is not None:
            value, i = self.scaled_share(value + decimals[0], decimals[1], last_scale)
            return value, i, False
        mult = self.v.multipliers.get(self.at(i))
        if mult is not None:
            value, i = value * mult, i + 1
        if self.at(i) == "and":
            tail = self.and_fraction(i + 1)
            if tail is not None:
                frac, j = tail
                value += frac * (last_scale if last_scale >= 1e6 else 1.0)
                i = j
                value, i = self.scaled_share(value, i, last_scale)
        return value, i, False

    def decimals(self, i: int) -> tuple[float, int] | None:
        """'point two five' after a whole number: spoken decimals, one digit a word."""
        if self.at(i) not in self.v.decimal_points:
            return None
        fraction, scale, j = 0.0, 0.1, i + 1
        while (digit := self.v.cardinals.get(self.at(j))) is not None and digit < 10:
            fraction, scale, j = fraction + digit * scale, scale / 10, j + 1
        return (fraction, j) if j > i + 1 else None

    def scaled_share(self, value: float, i: int, last_scale: float) -> tuple[float, int]:
        """'two and a half million': the scale after the fraction scales the whole."""
        scale = self.big_scale(i)
        if scale is None or last_scale >= 1000 or value >= 1000:
            return value, i
        return value * scale, i + 1

    def article_multiplier(self, i: int) -> tuple[float, int, bool] | None:
        """'a dozen'."""
        if self.at(i) in self.v.articles and self.at(i + 1) in self.v.multipliers:
            if self.at(i + 1) == "score":
                return None
            return self.v.multipliers[self.at(i + 1)], i + 2, False
        return None

    def below100(self, i: int) -> tuple[float, int] | None:
        word = self.at(i)
        if word not in self.v.cardinals:
            return None
        value = self.v.cardinals[word]
        if value >= 100:
            return value, i + 1
        nxt = self.at(i + 1)
        if 20 <= value < 100 and value % 10 == 0 and nxt in self.v.cardinals:
            unit = self.v.cardinals[nxt]
            if 0 < unit < 10:
                return value + unit, i + 2
        return value, i + 1

    def group(self, i: int) -> tuple[float, int] | None:
        """A number below a thousand: 'three hundred and thirty-one', 'a hundred'."""
        hundred = self.v.scales.get("hundred", 100.0)
        if self.at(i) in self.v.articles and self.v.scales.get(self.at(i + 1)) == hundred:
            value, j = hundred, i + 2
        else:
            small = self.below100(i)
            if small is None:
                return None
            value, j = small
            if self.v.scales.get(self.at(j)) != hundred:
                return value, j
            value, j = value * hundred, j + 1
        if self.at(j) == "and" and self.at(j + 1) in self.v.cardinals:
            rest = self.below100(j + 1)
            if rest is not None:
                return value + rest[0], rest[1]
        rest = self.below100(j)
        if rest is not None:
            return value + rest[0], rest[1]
        return value, j

    def integer(self, i: int) -> tuple[float, int, float] | None:
        """Groups joined by decreasing scales: 'two million three hundred thousand'."""
        total = 0.0
        last_scale = 0.0
        previous_scale = float("inf")
        used_any = False
        while True:
            if self.at(i) in self.v.articles and self.big_scale(i + 1) is not None and not used_any:
                group: tuple[float, int] | None = (1.0, i + 1)
            else:
                group = self.group(i)
            if group is None:
                break
            value, j = group
            scale = self.big_scale(j)
            if scale is None or scale >= previous_scale:
                total += value
                i = j
                used_any = True
                last_scale = 1.0
                break
            total += value * scale
            previous_scale = last_scale = scale
            i = j + 1
            used_any = True
            if (
                self.at(i) == "and"
                and self.at(i + 1) in self.v.cardinals
                and self.and_fraction(i + 1) is None
            ):
                i += 1
        if not used_any:
            return None
        return total, i, last_scale

    def big_scale(self, i: int) -> float | None:
        scale = self.v.scales.get(self.at(i))
        return scale if scale is not None and scale >= 1000 else None

    def share(self, i: int) -> tuple[float, int, bool] | None:
        """'a third', 'two-thirds', 'half', 'three quarters billion', 'half a million'."""
        word = self.at(i)
        if word in self.v.fractions and self.v.fractions[word] == 0.5:
            numerator, j = 1.0, i
        elif word in self.v.articles and self.at(i + 1) in self.v.fractions:
            numerator, j = 1.0, i + 1
        else:
            small = self.below100(i)
            if small is None or self.at(small[1]) not in self.v.fractions:
                return None
            numerator, j = small
        value = numerator * self.v.fractions[self.at(j)]
        j += 1
        k = j
        if self.at(k) == "of":
            k += 1
        if self.at(k) in self.v.articles:
            k += 1
        scale = self.big_scale(k)
        if scale is not None:
            return value * scale, k + 1, False
        return value, j, True

    def and_fraction(self, i: int) -> tuple[float, int] | None:
        """After 'and': 'a half', 'one half', 'three quarters', 'a quarter'."""
        if self.at(i) in self.v.articles or self.at(i) == "one":
            numerator, j = 1.0, i + 1
        else:
            small = self.below100(i)
            if small is None:
                return None
            numerator, j = small
        frac = self.v.fractions.get(self.at(j))
        if frac is None:
            return None
        return numerator * frac, j + 1
