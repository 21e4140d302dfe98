"""Dates: calendar forms, month names, bare years, decades, quarters and centuries.

Functions of the claim reader (:class:`factcheck.claims.detect.Reader`) for the date
alternatives of the scanner. A date claim carries its ISO 8601 form in ``date``:
'2015-12-01', '--12-01' when no year is written or known, '2016', '1990/1999' for a
decade, '2019-Q3' for a quarter, 'start/end' for a span.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from factcheck.claims.normalise import is_plural, iso_date, noun_after
from factcheck.claims.quantity import Figure, Quantity
from factcheck.claims.vocab import key

if TYPE_CHECKING:
    from factcheck.claims.detect import Reader

_YEAR_RE = re.compile(r"(?:1[0-9]|20)\d{2}")
_DAY_RE = re.compile(r"\d{1,2}")
_LOWER_MONTH_WORDS = frozenset({"may", "march", "sun", "sat", "wed", "mar", "jan", "dec"})
_YEAR_IN_TEXT_RE = re.compile(r"(?<!\d)(?:1[0-9]|20)\d{2}(?!\d)")
_DATE_SEPARATORS_RE = re.compile(r"[/.\-]")
_QUARTER_RE = re.compile(r"[QHqh][1-4]")
_DIGITS_RE = re.compile(r"\d+")
_YEAR_TAIL_RE = re.compile(r"[ \t]*[-–/][ \t]*((?:1[0-9]|20)\d{2}|\d{2})(?![\w])")


def is_year(digits: str | None) -> bool:
    """Four digits that read as a year (1000-2099)."""
    return digits is not None and _YEAR_RE.fullmatch(digits) is not None


def _month_case_ok(word: str) -> bool:
    """Whether a month name is cased as one: 'November', 'NOVEMBER', 'november'.

    Not 'FeB', nor a lower-case 'may' or 'march' (verbs).
    """
    if word.istitle() or (word.isupper() and len(word) > 3):
        return True
    return word.islower() and word not in _LOWER_MONTH_WORDS


def year_reading(
    r: Reader, fig: Figure, left: dict[str, tuple[str, int]], end: int
) -> tuple[Quantity | None, int]:
    """Read a bare four-digit figure.

    A date after 'in', 'since', 'by'...; a count before a plural noun ('2000
    people'); otherwise an adjective ('the 2016 campaign'): no claim.
    """
    year = int(fig.value)
    tail = _YEAR_TAIL_RE.match(r.view, end)
    if "year" in left or "range" in left:
        if tail is not None:  # "2015-16", "2015/2016", "from 2010 to 2015" handled below
            last = tail.group(1)
            last_year = int(last) if len(last) == 4 else year // 100 * 100 + int(last)
            if last_year > year:
                span = f"{year:04d}/{last_year:04d}"
                return _date(fig.num_start, tail.end(), span, None), tail.end()
        jm = r.g.join_at.match(r.view, end)
        if jm is not None and key(jm.group("j")) in ("to", "and", "through", "until"):
            ym = _YEAR_RE.match(r.view, jm.end())
            if ym is not None and int(ym.group()) > year and r.digit_boundary(ym.end()):
                return (
                    _date(fig.num_start, ym.end(), f"{year:04d}/{ym.group()}", None),
                    ym.end(),
                )
        return _date(fig.num_start, end, iso_date(year), float(year)), end
    if tail is not None:
        return None, tail.end()
    # news writes "2,000 people"; a bare "2000 people" is a count only without a
    # date preposition ("In 2016 voters chose...")
    return _year_count(r, fig, end), end


def _year_count(r: Reader, fig: Figure, end: int) -> Quantity | None:
    """A year-like figure before a plural noun is a count: '2000 people'."""
    noun, verb = noun_after(r.view, end)
    if not noun or not is_plural(noun) or not r.view[end + 1 : end + 2].islower():
        return None
    return Quantity(
        fig.start,
        end,
        "count",
        fig.value,
        noun=noun,
        verb=verb,
        core_start=fig.num_start,
        core_end=fig.num_end,
    )


def _date(start: int, end: int, iso: str | None, value: float | None) -> Quantity:
    return Quantity(start, end, "date", value, date=iso, core_start=start, core_end=end)


def read_date(r: Reader, m: re.Match[str], kind: str) -> Quantity | None:
    """Read one of the scanner's date forms (``kind`` is its group name)."""
    text = m.group()
    start, end = m.start(), m.end()
    if kind == "iso":
        y, mo, d = (int(x) for x in text.split("-"))
        iso = iso_date(y, mo, d)
        return _date(start, end, iso, None) if iso else None
    if kind == "slash":
        a, b, c = (int(x) for x in _DATE_SEPARATORS_RE.split(text))
        y = c if c >= 100 else (2000 + c if c < 50 else 1900 + c)
        mo, d = (a, b) if a <= 12 else (b, a)
        iso = iso_date(y, mo, d)
        return _date(start, end, iso, None) if iso else None
    if kind == "decade":
        return _decade(r, m)
    if kind == "quarter":
        y = int(_YEAR_RE.search(text).group())  # type: ignore[union-attr]
        q = _QUARTER_RE.search(text).group().upper()  # type: ignore[union-attr]
        return _date(start, end, f"{y:04d}-{q}", None)
    if kind == "century":
        n = r.v.ordinals.get(key(text).rsplit(" ", 1)[0])
        if n is None:
            return None
        return _date(start, end, f"{(n - 1) * 100:04d}/{n * 100 - 1:04d}", None)
    if kind == "modyear":
        y = int(_YEAR_RE.search(text).group())  # type: ignore[union-attr]
        return _date(start, end, iso_date(y), float(y))
    return _calendar(r, m, kind)


def month_only(r: Reader, m: re.Match[str]) -> Quantity | None:
    """'in November', 'since early August': a month after a date preposition."""
    text = m.group("mo")
    word = r.g.month.search(text)
    if word is None:
        return None
    name = key(word.group()).rstrip(".")
    if not _month_case_ok(word.group().rstrip(".")):
        return None
    month = r.v.months.get(name)
    if month is None:
        return None
    iso = iso_date(r.year, month) if r.year else f"--{month:02d}"
    return _date(m.start("mo"), _month_end(r, text, m.end("mo")), iso, None)


def _month_end(r: Reader, text: str, end: int) -> int:
    """Drop a full stop after a full month name ('in July.' ends the sentence).

    The stop of 'Nov.' is the abbreviation's and stays.
    """
    if text.endswith("."):
        word = r.g.month.findall(text)
        if word and key(word[-1]).rstrip(".") in r.v.full_months:
            return end - 1
    return end


def _decade(r: Reader, m: re.Match[str]) -> Quantity | None:
    """'the 1990s', "'90s", 'mid-1990s': the ten years as an interval."""
    digits = _DIGITS_RE.search(m.group())
    if digits is None:
        return None
    d = digits.group()
    first = int(d) if len(d) == 4 else (1900 + int(d) if len(d) == 2 else None)
    if first is None:
        return None
    return _date(m.start(), m.end(), f"{first:04d}/{first + 9:04d}", None)


def _calendar(r: Reader, m: re.Match[str], kind: str) -> Quantity | None:
    """'December 1', 'Dec. 1, 2015', '1 December 2015', 'March 31-April 4', 'May 2016'."""
    text = m.group()
    end = _month_end(r, text, m.end())
    months = [(mm.group(), mm.start()) for mm in r.g.month.finditer(text)]
    if not months:
        return None
    if not all(_month_case_ok(word.rstrip(".")) for word, _ in months):
        return None
    month_numbers = [r.v.months.get(key(w).rstrip(".")) for w, _ in months]
    if None in month_numbers:
        return None
    year_m = _YEAR_IN_TEXT_RE.search(text)
    year = int(year_m.group()) if year_m else None
    days = [int(d.group()) for d in _DAY_RE.finditer(text[: year_m.start()] if year_m else text)]
    days = [d for d in days if 1 <= d <= 31]
    resolved_year = year or r.year
    if kind in ("md", "dm") and not days:
        return None  # "Dec. 99": no day
    if kind == "my" or not days:
        iso = (
            iso_date(resolved_year, month_numbers[0])
            if resolved_year
            else f"--{month_numbers[0]:02d}"
        )
        return _date(m.start(), end, iso, None)
    first = iso_date(resolved_year, month_numbers[0], days[0])
    if first is None:
        return None
    if len(days) > 1:
        last_month = month_numbers[-1]
        last = iso_date(resolved_year, last_month, days[1])
        return _date(m.start(), end, f"{first}/{last}" if last else first, None)
    return _date(m.start(), end, first, None)
