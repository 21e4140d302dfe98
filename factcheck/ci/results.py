"""What a check run produces: plain, picklable records that every CI format renders.

Worker processes return :class:`FileReport`\\ s (findings already located in the
user's file and fingerprinted), never whole analyses, so ``--jobs`` moves little
data; the renderers are pure functions of :class:`CheckResult`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from factcheck.ci.baseline import BaselineEntry
from factcheck.model import SEVERITY_ORDER, Severity, Voice
from factcheck.textutil.plural import counted

FAIL_NEVER = "never"


@dataclass(frozen=True, slots=True)
class Located:
    """One finding as reported: where it is in the user's file, and its fingerprint."""

    path: str
    rule: str
    name: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    fingerprint: str
    voice: Voice | None = None
    match: str = ""


@dataclass(frozen=True, slots=True)
class FileReport:
    """One checked file: its findings and the document-level figures."""

    path: str
    format: str
    words: int = 0
    balance_score: float | None = None
    sides: int = 0
    unsourced_claims: int = 0
    reporter_loaded: int = 0
    findings: tuple[Located, ...] = ()
    warnings: tuple[str, ...] = ()
    error: str | None = None  # why the file could not be read (then nothing else is set)

    def figures(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "balance_score": self.balance_score,
            "sides": self.sides,
            "unsourced_claims": self.unsourced_claims,
            "reporter_loaded": self.reporter_loaded,
        }

    def with_findings(self, findings: tuple[Located, ...]) -> FileReport:
        return replace(self, findings=findings)


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """What the renderers need to describe a rule (SARIF ``tool.driver.rules``)."""

    id: str
    name: str
    severity: Severity
    summary: str
    description: str
    kind: str
    tags: tuple[str, ...] = ()
    help: str = ""
    help_markdown: str = ""
    link: str | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class CheckResult:
    """Everything one ``factcheck check`` run found, after suppressions, baseline and diff."""

    files: tuple[FileReport, ...]
    rules: tuple[RuleInfo, ...]
    fail_on: str
    version: str
    root: Path
    accepted: int = 0
    outside_diff: int = 0
    stale: tuple[BaselineEntry, ...] = ()
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()  # one line per file that could not be read (exit 2)

    @property
    def findings(self) -> tuple[Located, ...]:
        return tuple(f for r in self.files for f in r.findings)

    def by_severity(self) -> Counter[str]:
        return Counter(f.severity for f in self.findings)

    def rule(self, rule_id: str) -> RuleInfo | None:
        for info in self.rules:
            if info.id == rule_id:
                return info
        return None

    def failing(self) -> bool:
        """True when a finding is at or above the fail level."""
        if self.fail_on == FAIL_NEVER:
            return False
        floor = SEVERITY_ORDER[self.fail_on]
        return any(SEVERITY_ORDER[f.severity] >= floor for f in self.findings)


def summary_line(result: CheckResult) -> str:
    """``3 findings (1 error, 2 warnings) in 2 files`` / ``no findings in 4 files``."""
    files = counted(len(result.files), "file")
    total = len(result.findings)
    if total == 0:
        text = f"no findings in {files}"
    else:
        counts = result.by_severity()
        parts = [
            counted(counts[level], level, "info" if level == "info" else None)
            for level in ("error", "warning", "info")
            if counts[level]
        ]
        text = f"{counted(total, 'finding')} ({', '.join(parts)}) in {files}"
    extra = []
    if result.errors:
        extra.append(f"{counted(len(result.errors), 'file')} could not be read")
    if result.accepted:
        extra.append(f"{result.accepted} accepted in the baseline")
    if result.stale:
        extra.append(counted(len(result.stale), "stale baseline entry", "stale baseline entries"))
    if result.outside_diff:
        extra.append(f"{result.outside_diff} on unchanged lines not shown")
    return text + (f"; {'; '.join(extra)}" if extra else "")
