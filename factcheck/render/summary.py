"""Readable text summary of one analysis (``factcheck analyze --format text``)."""

from __future__ import annotations

from factcheck.model import Analysis, Balance
from factcheck.render import SOURCE_WORDS
from factcheck.render.claim_text import claim_value_text
from factcheck.render.result_dict import Positions
from factcheck.scoring.balance import no_score_reason
from factcheck.textutil.plural import counted


def render_summary(analysis: Analysis) -> str:
    doc = analysis.document
    pos = Positions(analysis)
    out = [
        f"{doc.path}: {counted(analysis.words(), 'word')}, "
        f"{counted(len(analysis.claims), 'numeric claim')}, "
        f"{counted(len(analysis.loaded), 'loaded term')}, "
        f"{counted(len(analysis.statements), 'statement')}"
    ]
    if analysis.claims:
        out.append("  Numeric claims:")
        for c in analysis.claims:
            line, col = pos.line_col(c.start)
            extra = ", ".join(x for x in (c.qualifier, c.unit, c.noun) if x)
            source = analysis.speaker_name(c.speaker) or c.link or SOURCE_WORDS.get(c.source)
            who = "unsourced" if c.status != "sourced" else f"sourced ({source or c.source})"
            what = f"{c.kind} {claim_value_text(c)}" + (f" ({extra})" if extra else "")
            out.append(f"    {line}:{col} {c.text!r} {what}; {who}")
    if analysis.loaded:
        out.append("  Loaded language:")
        for t in analysis.loaded:
            line, col = pos.line_col(t.start)
            voice = t.voice + (f" ({analysis.speaker_name(t.speaker)})" if t.speaker else "")
            out.append(f"    {line}:{col} {t.text!r} {t.category}, {voice} -> {t.suggestion}")
    if analysis.balance is not None and (analysis.balance.sides or analysis.statements):
        out.append("  " + _balance_line(analysis.balance))
    if analysis.findings:
        out.append("  Findings:")
        for f in analysis.findings:
            line, col = pos.line_col(f.start)
            out.append(f"    {line}:{col} {f.severity} {f.rule} {f.message}")
    return "\n".join(out) + "\n"


def _balance_line(b: Balance) -> str:
    """The balance score and each side's voice; when there is no score, why not.

    With no score, only sides that speak are listed with their figures: a side
    inferred from mentions alone, shown as "0 statements, 0% of words", read as if
    it were the story's one side.
    """
    voices = [
        f"{s.name} {counted(s.statements, 'statement')} ({s.direct} direct), {s.share:.0%} of words"
        for s in b.sides
        if b.score is not None or s.statements
    ]
    if b.score is not None:
        return f"Balance {b.score:.2f}: " + "; ".join(voices)
    silent = [s.name for s in b.sides if not s.statements]
    parts = [f"Balance n/a: {no_score_reason(b)}", *voices]
    if silent:
        parts.append("mentioned but never heard: " + ", ".join(silent))
    return "; ".join(parts)
