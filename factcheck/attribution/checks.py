"""Built-in checks of the attribution stage (see factcheck.checks).

- ``anonymous-source``: a statement whose speaker is an unnamed or vague source
  ("officials familiar with the matter said"), reported at the speaker phrase.
- ``loaded-attribution-verb``: a statement whose cue judges the speaker ("claimed",
  "admitted", "asserted") in the reporter's voice, reported at the cue with the
  neutral alternative from the cue rule.

Both leave alone what the loaded-language lexicon already reports at the same place
(its vague-attribution and loaded-attribution-verb rules), so an editor never sees
one problem twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from factcheck.checks import CheckFn, make_finding
from factcheck.context import Context
from factcheck.model import Analysis, Finding, Statement
from factcheck.ruleset import Rule


def anonymous_source(analysis: Analysis, rule: Rule, ctx: Context) -> Iterable[Finding]:
    seen: set[tuple[int, int]] = set()
    for st in analysis.statements:
        if not st.anonymous:
            continue
        start, end = _speaker_span(st)
        if (start, end) in seen or _loaded_at(analysis, start, end):
            continue
        seen.add((start, end))
        yield make_finding(rule, analysis, start, end)


def loaded_attribution_verb(analysis: Analysis, rule: Rule, ctx: Context) -> Iterable[Finding]:
    quotes = analysis.segments
    for st in analysis.statements:
        if st.cue_neutral or st.cue_start is None or st.cue_end is None:
            continue
        if quotes.quote_at(st.cue_start, st.cue_end) is not None:
            continue  # the speaker's own word inside a quotation
        if _loaded_at(analysis, st.cue_start, st.cue_end):
            continue
        yield make_finding(
            rule,
            analysis,
            st.cue_start,
            st.cue_end,
            voice="reporter",
            suggestion=_suggestion(st, ctx) or "said",
        )


def _speaker_span(st: Statement) -> tuple[int, int]:
    if st.speaker_start is not None and st.speaker_end is not None:
        return st.speaker_start, st.speaker_end
    return (st.cue_start, st.cue_end) if st.cue_start is not None else (st.start, st.end)  # type: ignore[return-value]


def _loaded_at(analysis: Analysis, start: int, end: int) -> bool:
    return any(t.start < end and start < t.end for t in analysis.loaded)


def _suggestion(st: Statement, ctx: Context) -> str | None:
    """The neutral alternative the cue rule gives for this cue."""
    lexicons = ctx.cache.get("attribution.lexicons")
    if lexicons is None or st.cue is None:
        return None
    for entry in lexicons.cues.by_form.get(" ".join(st.cue.lower().split()), ()):
        if entry.rule == st.rule and entry.suggestion:
            return str(entry.suggestion)
    return None


CHECKS: Mapping[str, CheckFn] = {
    "anonymous-source": anonymous_source,
    "loaded-attribution-verb": loaded_attribution_verb,
}
