"""Consistency of figures inside one article.

Two checks share this module: the same quantity of the same thing given different
values ("27 people died" ... "26 deaths"), and a change between two percentages
given in per cent where percentage points are meant ("from 5% to 7%, an increase of
2%"). Pure functions over the claims; the rule files supply the word groups and
tolerances.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from factcheck.claims.normalise import lemma
from factcheck.model import Claim


@dataclass(frozen=True, slots=True)
class Conflict:
    later: Claim
    earlier: Claim
    thing: str


def topic(
    claim: Claim,
    groups: Mapping[str, frozenset[str]],
    vague: frozenset[str] = frozenset(),
    *,
    by_noun: bool = False,
) -> str | None:
    """What the claim counts, as a comparable key.

    A synonym group ('death') when its verb or noun belongs to one; with ``by_noun``,
    else the noun's lemma. None when it is too vague ('people' with no verb).
    """
    words = [w for w in (claim.verb, claim.noun) if w]
    for word in words:
        for name, members in groups.items():
            if word in members or lemma(word) in members:
                return name
    if not by_noun or claim.noun is None or claim.noun in vague or lemma(claim.noun) in vague:
        return None
    return lemma(claim.noun)


def interval(claim: Claim, tolerance: float) -> tuple[float, float] | None:
    """The values a claim allows.

    'more than 1,000' -> [1000, inf), 'about 500' -> [450, 550] at 10%, 'between 20
    and 30' -> [20, 30], 'nearly 1,000' -> [900, 1000].
    """
    if claim.low is not None or claim.high is not None:
        low = claim.low if claim.low is not None else -math.inf
        high = claim.high if claim.high is not None else math.inf
        if claim.qualifier == "nearly" and claim.high is not None:
            low = claim.high * (1 - tolerance)
        return low, high
    if claim.value is None:
        return None
    if claim.qualifier == "about":
        spread = abs(claim.value) * tolerance
        return claim.value - spread, claim.value + spread
    return claim.value, claim.value


def conflicts(
    claims: Sequence[Claim],
    *,
    kinds: Iterable[str],
    groups: Mapping[str, Iterable[str]],
    vague: Iterable[str] = (),
    tolerance: float = 0.1,
    max_ratio: float = 1.5,
    by_noun: bool = False,
) -> Iterator[Conflict]:
    """Each later claim that disagrees with an earlier one about the same thing."""
    kinds = frozenset(kinds)
    group_sets = {name: frozenset(words) for name, words in groups.items()}
    vague_set = frozenset(vague)
    seen: dict[tuple[str, str | None, str], list[Claim]] = {}
    for claim in claims:
        if claim.kind not in kinds:
            continue
        thing = topic(claim, group_sets, vague_set, by_noun=by_noun)
        span = interval(claim, tolerance)
        if thing is None or span is None:
            continue
        bucket_key = (claim.kind, claim.unit, thing)
        for earlier in seen.get(bucket_key, ()):
            other = interval(earlier, tolerance)
            if other is None or _overlap(span, other):
                continue
            if not _comparable(claim, earlier, max_ratio):
                continue
            yield Conflict(claim, earlier, thing)
            break
        seen.setdefault(bucket_key, []).append(claim)


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _comparable(a: Claim, b: Claim, max_ratio: float) -> bool:
    """Figures far apart usually count different things (a day's and a year's)."""
    x = a.value if a.value is not None else a.low
    y = b.value if b.value is not None else b.low
    if x is None or y is None or x <= 0 or y <= 0:
        return True
    return max(x, y) / min(x, y) <= max_ratio


@dataclass(frozen=True, slots=True)
class PointConfusion:
    change: Claim
    low: Claim
    high: Claim


def point_confusions(
    claims: Sequence[Claim],
    sentence_of: Mapping[str, int | None],
    is_change: Callable[[Claim], bool],
    tolerance: float = 0.01,
) -> Iterator[PointConfusion]:
    """A per-cent change equal to the difference of two percentages near it.

    The three figures are in one sentence or two adjacent ones, in any order ('from 5%
    to 7%, an increase of 2%'; 'rose 2% to 7% from 5%'), and ``is_change`` says the
    third one is written as a change ('an increase of', 'rose', 'up').
    """
    percents = [c for c in claims if c.kind == "percent" and c.value is not None]
    for change in percents:
        here = sentence_of.get(change.id)
        if change.unit != "percent" or here is None or not is_change(change):
            continue
        window = [
            c
            for c in percents
            if c is not change
            and c.unit == "percent"
            and sentence_of.get(c.id) is not None
            and abs(here - (sentence_of.get(c.id) or 0)) <= 1
        ]
        for a, b in itertools.combinations(window, 2):
            diff = abs((b.value or 0) - (a.value or 0))
            if diff == 0 or change.value is None or abs(change.value) in (a.value, b.value):
                continue
            if abs(abs(change.value) - diff) <= tolerance * max(diff, 1.0):
                yield PointConfusion(change, a, b)
                break
