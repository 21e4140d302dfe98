"""Built-in checks of the claims stage (see factcheck.checks).

- ``unsourced-statistic``: a count, amount, percentage or ratio in the reporter's voice
  with no source cue, link or speaker;
- ``inconsistent-figures``: the same quantity of the same thing given different values;
- ``percent-point-confusion``: a change between two percentages given in per cent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from factcheck.checks import CheckFn, make_finding
from factcheck.claims.consistency import conflicts, point_confusions
from factcheck.context import Context
from factcheck.model import Analysis, Claim, Finding, LineIndex
from factcheck.ruleset import Rule


def unsourced_statistic(analysis: Analysis, rule: Rule, ctx: Context) -> Iterable[Finding]:
    params = rule.body.get("params", {})
    kinds = frozenset(params.get("kinds", ("count", "money", "percent", "ratio", "range")))
    min_count = float(params.get("min_count", 10))
    for claim in analysis.claims:
        if claim.voice != "reporter" or claim.status != "unsourced" or claim.kind not in kinds:
            continue
        if claim.kind in ("count", "range"):
            size = max(v for v in (claim.value, claim.low, claim.high, 0.0) if v is not None)
            if size < min_count:
                continue
        what = f" ({claim.noun})" if claim.noun else ""
        yield make_finding(rule, analysis, claim.start, claim.end, voice="reporter", what=what)


def inconsistent_figures(analysis: Analysis, rule: Rule, ctx: Context) -> Iterable[Finding]:
    params = rule.body.get("params", {})
    lines = LineIndex(analysis.document.text)
    for c in conflicts(
        analysis.claims,
        kinds=params.get("kinds", ("count",)),
        groups=params.get("groups", {}),
        vague=params.get("vague_nouns", ()),
        tolerance=float(params.get("approx_tolerance", 0.1)),
        max_ratio=float(params.get("max_ratio", 1.5)),
        by_noun=bool(params.get("by_noun", False)),
    ):
        noun = c.later.noun or c.thing
        yield make_finding(
            rule,
            analysis,
            c.later.start,
            c.later.end,
            voice=c.later.voice,
            speaker=c.later.speaker,
            noun=f"({noun})",
            other=c.earlier.text,
            other_line=lines.line_col(c.earlier.start)[0],
        )


_LEVEL_WORDS = frozenset({"from", "to", "at"})


def percent_point_confusion(analysis: Analysis, rule: Rule, ctx: Context) -> Iterable[Finding]:
    params = rule.body.get("params", {})
    sentence_of = {c.id: c.sentence for c in analysis.claims}
    words = frozenset(w.lower() for w in params.get("change_words", ()))
    nouns_after = frozenset(w.lower() for w in params.get("change_nouns_after", ()))
    view = analysis.document.view

    def is_change(claim: Claim) -> bool:
        window = view[max(0, claim.start - 40) : claim.start].lower().split()[-3:]
        before = [w.strip(",;:()") for w in window]
        if before and before[-1] in _LEVEL_WORDS:
            return False  # "from 5%", "to 7%": a level, not a change
        after = view[claim.end : claim.end + 20].lower().split()[:1]
        noun_after = bool(after) and after[0].strip(",;:.()") in nouns_after
        # "an increase of 2%" (word before) or "a 2% increase" (noun after)
        return noun_after or any(w in words for w in before)

    tolerance = float(params.get("tolerance", 0.01))
    for p in point_confusions(analysis.claims, sentence_of, is_change, tolerance):
        low, high = sorted((p.low.value or 0.0, p.high.value or 0.0))
        diff = high - low
        relative = f"{diff / low:.0%}" if low else "undefined"
        yield make_finding(
            rule,
            analysis,
            p.change.start,
            p.change.end,
            voice=p.change.voice,
            speaker=p.change.speaker,
            low=p.low.text,
            high=p.high.text,
            diff=f"{diff:g}",
            relative=relative,
        )


CHECKS: Mapping[str, CheckFn] = {
    "unsourced-statistic": unsourced_statistic,
    "inconsistent-figures": inconsistent_figures,
    "percent-point-confusion": percent_point_confusion,
}
