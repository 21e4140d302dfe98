"""``--format json``: findings with positions and fingerprints, and per-file figures."""

from __future__ import annotations

import json
from typing import Any

from factcheck.ci.results import CheckResult, summary_line

JSON_VERSION = 1


def render(result: CheckResult) -> str:
    counts = result.by_severity()
    data: dict[str, Any] = {
        "version": JSON_VERSION,
        "tool": {"name": "factcheck", "version": result.version},
        "fail_on": result.fail_on,
        "failed": result.failing(),
        "summary": {
            "text": summary_line(result),
            "files": len(result.files),
            "findings": len(result.findings),
            "error": counts["error"],
            "warning": counts["warning"],
            "info": counts["info"],
            "accepted_by_baseline": result.accepted,
            "outside_changed_lines": result.outside_diff,
        },
        "files": [
            {"path": r.path, "format": r.format, **r.figures(), "findings": len(r.findings)}
            for r in result.files
        ],
        "findings": [
            {
                "path": f.path,
                "rule": f.rule,
                "name": f.name,
                "severity": f.severity,
                "message": f.message,
                "line": f.line,
                "column": f.column,
                "end_line": f.end_line,
                "end_column": f.end_column,
                "fingerprint": f.fingerprint,
                "voice": f.voice,
                "match": f.match,
            }
            for f in result.findings
        ],
        "stale_baseline": [e.to_dict() for e in result.stale],
        "warnings": list(result.warnings),
        "errors": list(result.errors),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
