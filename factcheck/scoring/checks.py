"""Built-in checks of the scoring stage (see factcheck.checks): document-level findings.

Thresholds come from ``ctx.options.thresholds`` (factcheck.toml, CLI). A rule file may
carry a ``params`` entry of the same name (``balance_min``, ``max_grade``,
``max_unsourced``, ``max_reporter_loaded``): it is used while the option keeps its
built-in default, so an explicit configuration always wins over the rule file.

A document-level finding needs a place in the text: it is anchored on the lede, the
first sentence of the story that is not boilerplate and not a heading (the first
sentence of any kind if there is none). Rule examples mark that sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import fields
from typing import Any

from factcheck.checks import CheckFn, make_finding
from factcheck.context import Context, Thresholds
from factcheck.model import Analysis, Finding
from factcheck.ruleset import Rule
from factcheck.scoring.balance import Accusation, unanswered
from factcheck.scoring.readability import prose_sentences
from factcheck.textutil.plural import counted

GRADE_METRIC = "flesch_kincaid_grade"
_DEFAULTS = {f.name: f.default for f in fields(Thresholds)}
# The built-in check that applies each threshold (each field of Thresholds).
THRESHOLD_CHECKS: Mapping[str, str] = {
    "balance_min": "low-balance",
    "max_unsourced": "too-many-unsourced",
    "max_reporter_loaded": "too-many-reporter-loaded",
    "max_grade": "reading-grade",
}


def threshold(ctx: Context, rule: Rule, name: str) -> Any:
    """The threshold ``name``: the configured option, else the rule's param, else None."""
    value = getattr(ctx.options.thresholds, name)
    params: Mapping[str, Any] = rule.body.get("params") or {}
    if value == _DEFAULTS[name] and name in params:
        return params[name]
    return value


def applied_thresholds(ctx: Context) -> Thresholds:
    """The limits this run really applies, for the report's method section.

    ``ctx.options.thresholds`` alone is not that: a rule file's ``params`` fill in
    what the configuration leaves at its default (BAL005's limit of 5 while
    ``max_reporter_loaded`` is unset), and a disabled rule applies no limit at all.
    """
    values = {}
    for name, check in THRESHOLD_CHECKS.items():
        rule = ctx.ruleset.check(check)
        values[name] = None if rule is None else threshold(ctx, rule, name)
    return Thresholds(**values)


def lede(analysis: Analysis) -> tuple[int, int] | None:
    """The span of the first scored sentence (see the module docstring)."""
    view = analysis.document.view
    for s in prose_sentences(analysis):
        if view[s.start : s.end].strip():
            return _trimmed(view, s.start, s.end)
    for s in analysis.segments.sentences:
        if not s.excluded and view[s.start : s.end].strip():
            return _trimmed(view, s.start, s.end)
    return None


def low_balance(analysis: Analysis, rule: Rule, ctx: Context) -> Iterable[Finding]:
    """Two or more sides and a balance score under the threshold."""
    balance = analysis.balance
    minimum = threshold(ctx, rule, "balance_min")
    if balance is None or balance.score is None or minimum is None:
        return
    if balance.score >= float(minimum) or len(balance.sides) < 2:
        return
    span = lede(analysis)
    if span is None:
        return
    top = balance.sides[0]
    silent = [s.name for s in balance.sides if s.statements == 0]
    voices = ", ".join(f"{s.name} {s.statements} ({s.direct} direct)" for s in balance.sides)
    yield make_finding(
        rule,
        analysis,
        *span,
        score=f"{balance.score:.2f}",
        minimum=f"{float(minimum):.2f}",
        dominant=top.name,
        share=f"{top.share:.0%}",
        voices=voices,
        silent=", ".join(silent) or "none",
    )


def accused_without_reply(analysis: Analysis, rule: Rule, ctx: Context) -> Iterable[Finding]:
    """A side accused in the story that says nothing after its last accusation."""
    balance = analysis.balance
    if balance is None:
        return
    for side in balance.sides:
        if not side.accused or side.replied:
            continue
        charges = unanswered(side.name, analysis)
        if not charges:
            continue
        first = charges[0]
        yield make_finding(
            rule,
            analysis,
            first.start,
            first.end,
            side=side.name,
            accuser=_accuser(first),
            count=len(charges),
            accusations=counted(len(charges), "accusation"),
        )


def _accuser(charge: Accusation) -> str:
    if charge.by_reporter:
        return "the reporter's own words"
    return charge.by_side or "a speaker with no side"


def reading_grade(analysis: Analysis, rule: Rule, ctx: Context) -> Iterable[Finding]:
    """A reading grade above ``max_grade``."""
    limit = threshold(ctx, rule, "max_grade")
    readability = analysis.readability
    if limit is None or readability is None:
        return
    metric = str((rule.body.get("params") or {}).get("metric", GRADE_METRIC))
    grade = readability.get(metric)
    span = lede(analysis)
    if grade is None or grade <= float(limit) or span is None:
        return
    yield make_finding(
        rule,
        analysis,
        *span,
        grade=f"{grade:.1f}",
        limit=f"{float(limit):g}",
        metric=metric.replace("_", " "),
        mean=readability.get("mean_sentence_length"),
    )


def too_many_unsourced(analysis: Analysis, rule: Rule, ctx: Context) -> Iterable[Finding]:
    """More unsourced statistics in the reporter's voice than ``max_unsourced``."""
    count = sum(1 for c in analysis.claims if c.status == "unsourced" and c.voice == "reporter")
    yield from _over(
        analysis, rule, ctx, "max_unsourced", count, figures=counted(count, "unsourced figure")
    )


def too_many_reporter_loaded(analysis: Analysis, rule: Rule, ctx: Context) -> Iterable[Finding]:
    """More loaded terms in the reporter's own voice than ``max_reporter_loaded``."""
    count = sum(1 for t in analysis.loaded if t.voice == "reporter")
    yield from _over(
        analysis, rule, ctx, "max_reporter_loaded", count, terms=counted(count, "loaded term")
    )


def _over(
    analysis: Analysis, rule: Rule, ctx: Context, name: str, count: int, **fields: str
) -> Iterable[Finding]:
    """A finding when ``count`` is over the threshold ``name``; ``fields`` say what counted."""
    limit = threshold(ctx, rule, name)
    span = lede(analysis)
    if limit is None or count <= int(limit) or span is None:
        return
    yield make_finding(rule, analysis, *span, count=count, limit=int(limit), **fields)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    return start + lead, start + len(chunk.rstrip())


CHECKS: Mapping[str, CheckFn] = {
    "low-balance": low_balance,
    "accused-without-reply": accused_without_reply,
    "reading-grade": reading_grade,
    "too-many-unsourced": too_many_unsourced,
    "too-many-reporter-loaded": too_many_reporter_loaded,
}
