"""Built-in checks: the code behind rule files of kind ``check``.

A check rule file (``kind: check``) names a built-in check, carries its message
template, severity, parameters and examples. Each stage package exports ``CHECKS``, a
mapping of check name to a function ``(analysis, rule, ctx) -> findings``; this module
joins them and formats findings from rule files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from factcheck.context import Context
from factcheck.model import Analysis, Finding, Severity, Voice
from factcheck.ruleset import Rule

CheckFn = Callable[[Analysis, Rule, Context], Iterable[Finding]]

_SPACE_RE = re.compile(r"\s+")


def registry() -> Mapping[str, CheckFn]:
    """Every built-in check by name (imported on first use)."""
    from factcheck.attribution import checks as attribution_checks
    from factcheck.claims import checks as claim_checks
    from factcheck.loaded import checks as loaded_checks
    from factcheck.scoring import checks as scoring_checks

    return {
        **loaded_checks.CHECKS,
        **claim_checks.CHECKS,
        **attribution_checks.CHECKS,
        **scoring_checks.CHECKS,
    }


def make_finding(
    rule: Rule,
    analysis: Analysis,
    start: int,
    end: int,
    *,
    severity: Severity | None = None,
    voice: Voice | None = None,
    speaker: str | None = None,
    message: str | None = None,
    **fields: Any,
) -> Finding:
    """A finding of ``rule`` at ``[start, end)``, its message filled from ``fields``.

    ``{match}`` is always available (the covered text); the sentence around the span
    is kept, normalised, as the context that baseline fingerprints use. A rule's
    message about words in a quotation or paraphrase ends by saying whose they are
    (``speaker`` is a speaker id): a reader must not take them for the reporter's.
    """
    text = analysis.document.text
    fields.setdefault("match", _SPACE_RE.sub(" ", text[start:end]).strip())
    template = message if message is not None else str(rule.body.get("message", rule.summary))
    try:
        rendered = template.format(**fields)
    except (KeyError, IndexError, ValueError):
        rendered = template
    if message is None and voice in ("quoted", "paraphrased"):
        rendered += voice_note(voice, analysis.speaker_name(speaker))
    return Finding(
        rule=rule.id,
        name=rule.name,
        severity=severity or rule.severity,
        message=rendered,
        start=start,
        end=end,
        voice=voice,
        context=sentence_context(analysis, start),
    )


def voice_note(voice: Voice, speaker_name: str | None) -> str:
    """`` (paraphrased from Darmanin)``, `` (quoted)``: whose words a finding is about."""
    return f" ({voice} from {speaker_name})" if speaker_name else f" ({voice})"


def sentence_context(analysis: Analysis, offset: int) -> str:
    """The normalised sentence holding ``offset`` (lower case, single spaces)."""
    index = analysis.segments.sentence_at(offset)
    if index is None:
        return ""
    s = analysis.segments.sentences[index]
    return _SPACE_RE.sub(" ", analysis.document.text[s.start : s.end]).strip().lower()
