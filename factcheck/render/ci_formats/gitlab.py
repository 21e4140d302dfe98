"""``--format gitlab``: a GitLab Code Quality report (artifacts: reports: codequality).

A JSON array of issues with ``description``, ``check_name``, a ``fingerprint``
unique in the report, ``severity`` (info -> info, warning -> minor, error -> major)
and ``location.path`` / ``location.lines.begin`` relative to the repository root.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from factcheck.ci.paths import relative_to_root
from factcheck.ci.results import CheckResult

SEVERITIES = {"info": "info", "warning": "minor", "error": "major"}


def render(result: CheckResult) -> str:
    root = result.root.resolve()
    issues: list[dict[str, Any]] = []
    for f in result.findings:
        path = relative_to_root(f.path, root)
        unique = hashlib.sha256(f"{path}\0{f.fingerprint}".encode()).hexdigest()[:40]
        issues.append(
            {
                "type": "issue",
                "check_name": f.rule,
                "description": f"{f.rule} {f.message}",
                "categories": ["Style"],
                "fingerprint": unique,
                "severity": SEVERITIES[f.severity],
                "location": {
                    "path": path,
                    "lines": {"begin": f.line, "end": f.end_line},
                },
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
