"""``--format text``: ``path:line:col: severity rule-id message`` and a one-line summary.

Quiet when all is well: a clean run prints only the summary. Colour only when the
CLI says the output is a terminal (and NO_COLOR is unset).
"""

from __future__ import annotations

from factcheck.ci.results import CheckResult, Located, summary_line

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD = "\033[1m"
_DIM = "\033[2m"
_RESET = "\033[0m"


def finding_line(f: Located, *, color: bool = False) -> str:
    """One finding (its message already says whose words a quoted or paraphrased one is)."""
    message = f.message
    where = f"{f.path}:{f.line}:{f.column}:"
    if not color:
        return f"{where} {f.severity} {f.rule} {message}"
    sev = f"{_COLORS[f.severity]}{f.severity}{_RESET}"
    return f"{_BOLD}{where}{_RESET} {sev} {_DIM}{f.rule}{_RESET} {message}"


def render(result: CheckResult, *, color: bool = False) -> str:
    lines = [finding_line(f, color=color) for f in result.findings]
    summary = summary_line(result)
    if color:
        summary = f"{_BOLD}{summary}{_RESET}"
    lines.append(summary)
    return "\n".join(lines) + "\n"
