"""The claim grammar's vocabularies, read from the rule files of kind ``quantities``.

Every word the detector knows (number words, currencies, percent forms, qualifiers,
units, months, fraction words, ordinals) comes from a rule file, so a newsroom can add
a currency or a unit without touching code. :func:`build_vocabulary` folds all enabled
``quantities`` rules into one immutable :class:`Vocabulary` of lookup tables keyed by
:func:`key` (lower case, words joined by one space); it is built once per run through
``ctx.compiled``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from factcheck.errors import RuleFileError
from factcheck.ruleset import Rule

_SEP_RE = re.compile(r"[\s\-‐‑–]+")
_FOLD = str.maketrans({"’": "'", "‘": "'"})


@lru_cache(maxsize=4096)
def key(text: str) -> str:
    """Lookup key of a form or of matched text: "Two-Thirds" -> "two thirds"."""
    folded = _SEP_RE.sub(" ", text.translate(_FOLD).lower()).strip()
    return folded or text.strip()  # a lone dash is a form of its own


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A bound word: its normalised text and which bound it gives."""

    normal: str
    bound: str  # low | high | approx | exact
    not_for: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class UnitSense:
    """One reading of a word after a number: which vocabulary, which unit, how strongly."""

    vocabulary: str  # currencies | minor | percentages | ages | durations | units
    unit: str
    factor: float = 1.0
    dimension: str | None = None
    rule: str = ""  # the rule file that lists this form
    ambiguous: bool = False  # a unit only after a scale or decimals ("2 billion marks")

    @property
    def kind(self) -> str:
        """The claim kind this reading gives."""
        return SENSE_KINDS[self.vocabulary]


@dataclass(frozen=True, slots=True)
class Exclusion:
    pattern: re.Pattern[str]
    why: str
    rule: str


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Lookup tables of the claim grammar (all keys made by :func:`key`)."""

    rule_for_kind: Mapping[str, str] = field(default_factory=dict)
    cardinals: Mapping[str, float] = field(default_factory=dict)
    needs_unit: frozenset[str] = frozenset()
    scales: Mapping[str, float] = field(default_factory=dict)
    suffixes: Mapping[str, float] = field(default_factory=dict)  # spaced or attached
    suffixes_attached: Mapping[str, float] = field(default_factory=dict)  # exact case
    multipliers: Mapping[str, float] = field(default_factory=dict)
    articles: frozenset[str] = frozenset()
    vague: Mapping[str, tuple[float | None, float | None, float | None]] = field(
        default_factory=dict
    )
    currency_before: Mapping[str, str] = field(default_factory=dict)  # exact-ish symbol -> unit
    currency_rules: Mapping[str, str] = field(default_factory=dict)  # unit -> its rule file
    after: Mapping[str, tuple[UnitSense, ...]] = field(default_factory=dict)
    attached: Mapping[str, tuple[UnitSense, ...]] = field(default_factory=dict)  # exact case
    minor: Mapping[str, frozenset[str]] = field(default_factory=dict)  # unit -> minor words
    qualifiers: Mapping[str, Qualifier] = field(default_factory=dict)
    post_qualifiers: Mapping[str, Qualifier] = field(default_factory=dict)
    range_starts: frozenset[str] = frozenset()
    range_joins: frozenset[str] = frozenset()
    change_verbs: frozenset[str] = frozenset()
    months: Mapping[str, int] = field(default_factory=dict)
    weekdays: frozenset[str] = frozenset()
    year_prepositions: frozenset[str] = frozenset()
    date_modifiers: frozenset[str] = frozenset()
    age_before: frozenset[str] = frozenset()
    fractions: Mapping[str, float] = field(default_factory=dict)
    fractions_need_of: frozenset[str] = frozenset()
    vague_need_of: frozenset[str] = frozenset()
    full_months: frozenset[str] = frozenset()  # the longest name of each month
    ratio_joins: frozenset[str] = frozenset()
    decimal_points: frozenset[str] = frozenset()  # "five point two"
    ordinals: Mapping[str, int] = field(default_factory=dict)
    superlatives: frozenset[str] = frozenset()
    rank_before: frozenset[str] = frozenset()
    rank_after: frozenset[str] = frozenset()
    exclusions: tuple[Exclusion, ...] = ()

    def rule(self, kind: str) -> str:
        """The rule file credited with claims of ``kind`` (its ``decides``)."""
        return self.rule_for_kind.get(kind, "")


SENSE_KINDS = {
    "currencies": "money",
    "minor": "money",
    "percentages": "percent",
    "ages": "age",
    "durations": "duration",
    "units": "measure",
}

# Which vocabulary a unit reading belongs to, in the order a word is read when it has
# several senses ("pounds": money before mass; "years old": age before duration).
SENSE_ORDER = ("ages", "currencies", "minor", "percentages", "durations", "units")


def build_vocabulary(
    rules: Iterable[Rule], compile: Callable[[str, int], re.Pattern[str]] = re.compile
) -> Vocabulary:
    """Fold the enabled ``quantities`` rules into one :class:`Vocabulary`.

    ``compile`` compiles the rules' exclusion patterns: the run's regex store, so that
    a short draft does not pay for compiling them again (about 20 ms).
    """
    acc: dict[str, Any] = {name: {} for name in _DICT_FIELDS} | {
        name: set() for name in _SET_FIELDS
    }
    after: dict[str, list[UnitSense]] = {}
    attached: dict[str, list[UnitSense]] = {}
    rule_for_kind: dict[str, str] = {}
    exclusions: list[Exclusion] = []
    for rule in rules:
        body = rule.body
        vocabulary = body["vocabulary"]
        if "decides" in body:
            rule_for_kind.setdefault(body["decides"], rule.id)
        for entry in body["entries"]:
            _add_entry(vocabulary, entry, acc, after, attached, rule.id)
        for i, item in enumerate(body.get("exclude", ())):
            flags = 0 if item.get("case_sensitive") else re.I
            try:
                pattern = compile(item["pattern"], flags)
            except re.error as exc:
                raise RuleFileError(
                    str(rule.path), f"bad regular expression: {exc}", key=f"exclude.{i}.pattern"
                ) from None
            exclusions.append(Exclusion(pattern, item["why"], rule.id))
    return Vocabulary(
        rule_for_kind=rule_for_kind,
        after={k: _ordered(v) for k, v in after.items()},
        attached={k: _ordered(v) for k, v in attached.items()},
        exclusions=tuple(exclusions),
        **{name: dict(acc[name]) for name in _DICT_FIELDS},
        **{name: frozenset(acc[name]) for name in _SET_FIELDS},
    )


_DICT_FIELDS = (
    "cardinals",
    "scales",
    "suffixes",
    "suffixes_attached",
    "multipliers",
    "vague",
    "currency_before",
    "currency_rules",
    "minor",
    "qualifiers",
    "post_qualifiers",
    "months",
    "fractions",
    "ordinals",
)
_SET_FIELDS = (
    "needs_unit",
    "articles",
    "range_starts",
    "range_joins",
    "change_verbs",
    "weekdays",
    "year_prepositions",
    "date_modifiers",
    "age_before",
    "fractions_need_of",
    "vague_need_of",
    "ratio_joins",
    "decimal_points",
    "full_months",
    "superlatives",
    "rank_before",
    "rank_after",
)

# role -> (table, how to store a form)
_SIMPLE_SETS = {
    "article": "articles",
    "range-start": "range_starts",
    "range-join": "range_joins",
    "change-verb": "change_verbs",
    "weekday": "weekdays",
    "year-preposition": "year_prepositions",
    "date-modifier": "date_modifiers",
    "age-before": "age_before",
    "ratio-join": "ratio_joins",
    "decimal-point": "decimal_points",
    "superlative": "superlatives",
    "rank-before": "rank_before",
    "rank-after": "rank_after",
}
_VALUED = {
    "cardinal": "cardinals",
    "scale": "scales",
    "multiplier": "multipliers",
    "month": "months",
    "fraction": "fractions",
    "ordinal": "ordinals",
}


def _add_entry(
    vocabulary: str,
    entry: Mapping[str, Any],
    acc: dict[str, Any],
    after: dict[str, list[UnitSense]],
    attached: dict[str, list[UnitSense]],
    rule_id: str,
) -> None:
    forms = [key(f) for f in entry.get("forms", ())]
    role = entry.get("role")
    if vocabulary == "currencies":
        _add_currency(entry, acc, after, attached, rule_id)
        return
    if vocabulary in ("percentages", "units", "durations") or role == "age-after":
        sense_vocab = "ages" if role == "age-after" else vocabulary
        sense = UnitSense(
            sense_vocab,
            entry.get("unit") or "",
            dimension=entry.get("dimension"),
            rule=rule_id,
        )
        for f in forms:
            after.setdefault(f, []).append(sense)
        for f in entry.get("attached", ()):
            attached.setdefault(f, []).append(sense)
        return
    if role in _SIMPLE_SETS:
        acc[_SIMPLE_SETS[role]].update(forms)
    elif role in _VALUED:
        table = acc[_VALUED[role]]
        for f in forms:
            table[f] = entry["value"]
        if role == "cardinal" and entry.get("needs_unit"):
            acc["needs_unit"].update(forms)
        if role == "fraction" and entry.get("needs_of"):
            acc["fractions_need_of"].update(forms)
        if role == "month":
            acc["full_months"].add(max(forms, key=len))
    elif role == "suffix":
        for f in forms:
            acc["suffixes"][f] = entry["value"]
        for f in entry.get("attached", ()):
            acc["suffixes_attached"][f] = entry["value"]
    elif role == "vague":
        for f in forms:
            acc["vague"][f] = (entry.get("value"), entry.get("low"), entry.get("high"))
        if entry.get("needs_of"):
            acc["vague_need_of"].update(forms)
    elif role in ("bound", "post-bound"):
        table = acc["qualifiers" if role == "bound" else "post_qualifiers"]
        qualifier = Qualifier(entry["normal"], entry["bound"], frozenset(entry.get("not_for", ())))
        for f in forms:
            table[f] = qualifier


def _add_currency(
    entry: Mapping[str, Any],
    acc: dict[str, Any],
    after: dict[str, list[UnitSense]],
    attached: dict[str, list[UnitSense]],
    rule_id: str,
) -> None:
    unit = entry["unit"]
    minor = unit in ("cent", "pence")
    acc["currency_rules"].setdefault(unit, rule_id)
    for f in entry.get("before", ()):
        acc["currency_before"].setdefault(key(f), unit)
        # the grammar makes a full stop optional ("SFr." matches "sfr 50"): so must the lookup
        acc["currency_before"].setdefault(key(f).replace(".", ""), unit)
    sense = UnitSense("minor" if minor else "currencies", unit, rule=rule_id)
    for f in entry.get("after", ()):
        after.setdefault(key(f), []).append(sense)
    for f in entry.get("attached", ()):
        attached.setdefault(f, []).append(sense)
    loose = UnitSense("currencies", unit, rule=rule_id, ambiguous=True)
    for f in entry.get("ambiguous", ()):
        after.setdefault(key(f), []).append(loose)
    for f, factor in entry.get("scaled", {}).items():
        scaled = UnitSense("currencies", unit, factor=factor, rule=rule_id)
        after.setdefault(key(f), []).append(scaled)
        attached.setdefault(f, []).append(scaled)
    if entry.get("minor"):
        acc["minor"][unit] = frozenset(key(f) for f in entry["minor"])


def _ordered(senses: list[UnitSense]) -> tuple[UnitSense, ...]:
    seen: dict[tuple[str, str, float], UnitSense] = {}
    for s in senses:
        seen.setdefault((s.vocabulary, s.unit, s.factor), s)
    return tuple(sorted(seen.values(), key=lambda s: SENSE_ORDER.index(s.vocabulary)))
