"""A numeric claim's normalised value as people read it, in the report and the summary.

The result JSON keeps the exact forms (floats, a range's midpoint, ISO 8601 dates);
these are what an editor reads next to the article: "1,000", "20–30",
"11 December (no year)".
"""

from __future__ import annotations

from factcheck.model import Claim

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_NO_YEAR = " (no year)"


def plain_number(value: float | None) -> str:
    """1000.0 as "1,000", 0.25 as "0.25", 2.5e9 as "2,500,000,000"; None as ""."""
    if value is None:
        return ""
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4g}" if abs(value) >= 1000 else f"{value:.4g}"


def claim_value(low: float | None, high: float | None, value: float | None) -> str:
    """The figure as printed: a range shows its two ends, a one-sided bound its bound.

    The model keeps a range's midpoint as its value (for sorting and comparison),
    but "between 20 and 30" checked as "25" would send an editor after a number
    the article never states.
    """
    if low is not None and high is not None and low != high:
        return f"{plain_number(low)}–{plain_number(high)}"
    if value is not None:
        return plain_number(value)
    if low is not None:
        return f"≥ {plain_number(low)}"
    if high is not None:
        return f"≤ {plain_number(high)}"
    return "—"


def readable_date(iso: str) -> str:
    """A date claim's ISO form, with a missing year said in words.

    ISO 8601 writes "11 December, year unknown" as ``--12-11``, which is exact for a
    script but reads as a typo on paper. Full dates, years and quarters stay ISO; a span
    reads "X to Y".
    """
    if "/" in iso:  # a span: "--03-31/--04-04" is "31 March to 4 April (no year)"
        ends = [readable_date(part) for part in iso.split("/", 1)]
        if all(end.endswith(_NO_YEAR) for end in ends):
            return " to ".join(end.removesuffix(_NO_YEAR) for end in ends) + _NO_YEAR
        return " to ".join(ends)
    if not iso.startswith("--"):
        return iso
    month, _, day = iso[2:].partition("-")
    if not month.isdigit() or not 1 <= int(month) <= 12 or (day and not day.isdigit()):
        return iso
    name = _MONTHS[int(month) - 1]
    return f"{int(day)} {name}{_NO_YEAR}" if day else f"{name}{_NO_YEAR}"


def claim_value_text(claim: Claim) -> str:
    """What a claim states, normalised: its date, its range, its value or its bound."""
    if claim.kind == "date" and claim.date:
        return readable_date(claim.date)
    return claim_value(claim.low, claim.high, claim.value)
