"""What the claim reader produces and passes around: quantities and figures."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.claims.vocab import UnitSense


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure read from the text, before it becomes a :class:`~factcheck.model.Claim`."""

    start: int
    end: int
    kind: str
    value: float | None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    noun: str | None = None
    verb: str | None = None
    date: str | None = None
    core_start: int = 0
    core_end: int = 0
    rule: str | None = None  # the rule file that decided the kind, when not the default


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure: where its number is, its value, and what currency came before it."""

    start: int  # including a currency symbol or minus sign
    num_start: int
    num_end: int
    value: float
    currency: str | None = None
    fraction: bool = False
    needs_unit: bool = False
    digits: str | None = None  # the written digits, for year tests


@dataclass(frozen=True, slots=True)
class UnitReading:
    """A unit read after a figure: its sense, where it ends, and the text."""

    sense: UnitSense
    end: int
    text: str
