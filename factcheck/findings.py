"""Findings stage: turn annotations and check rules into findings, then filter them.

Findings come from two places: loaded-language hits (a term in the reporter's voice
is a finding at its rule's severity; inside a quotation or paraphrase it is the
speaker's word and is reported at ``info``), and rule files of kind ``check``
(unsourced statistics, inconsistent figures, balance...). Findings in boilerplate
are dropped, so are those an inline ``factcheck-disable`` comment suppresses.
"""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.checks import make_finding, registry
from factcheck.context import Context
from factcheck.errors import RuleFileError
from factcheck.model import Analysis, Document, Finding


def annotate(analysis: Analysis, ctx: Context) -> Analysis:
    findings = list(_loaded_findings(analysis, ctx))
    checks = ctx.compiled("checks", registry)
    for rule in ctx.ruleset.of_kind("check"):
        name = rule.body["check"]
        check = checks.get(name)
        if check is None:
            raise RuleFileError(
                str(rule.path),
                f"unknown check '{name}'",
                key="check",
                hint=f"known checks: {', '.join(sorted(checks))}",
            )
        findings.extend(check(analysis, rule, ctx))
    doc = analysis.document
    kept = [f for f in findings if not _dropped(f, doc)]
    kept.sort(key=lambda f: (f.start, f.end, f.rule, f.message))
    fired = sorted(
        {f.rule for f in kept}
        | {t.rule for t in analysis.loaded}
        | {c.rule for c in analysis.claims if c.rule}
    )
    return analysis.evolve(findings=tuple(kept), rules_fired=tuple(fired))


def _loaded_findings(analysis: Analysis, ctx: Context) -> Iterable[Finding]:
    for term in analysis.loaded:
        rule = ctx.ruleset.get(term.rule)
        if rule is None:
            continue
        if term.voice == "reporter":
            message = f"Loaded language “{term.text}” ({term.category}) in the reporter's voice"
            severity = term.severity
        else:
            who = f" by {analysis.speaker_name(term.speaker)}" if term.speaker else ""
            message = f"Loaded language “{term.text}” ({term.category}), {term.voice}{who}"
            severity = "info"
        if term.suggestion:
            message += f"; consider: {term.suggestion}"
        yield make_finding(
            rule,
            analysis,
            term.start,
            term.end,
            severity=severity,
            voice=term.voice,
            message=message,
        )


def _dropped(finding: Finding, doc: Document) -> bool:
    if doc.is_excluded(finding.start, max(finding.end, finding.start + 1)):
        return True
    for region in doc.suppressions:
        if region.start <= finding.start < region.end and (
            not region.rules or any(finding.rule.startswith(r) for r in region.rules)
        ):
            return True
    return False
