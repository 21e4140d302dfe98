"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run: ``tool.driver`` describes every active rule (id, name, short and full
description, help as text and Markdown, default level, tags); each result points
at the user's file relative to ``SRCROOT`` (the working directory) with a region in
Unicode code points, and carries a partial fingerprint so viewers track it across
commits. Validated against the official 2.1.0 schema in the tests.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from factcheck.ci.paths import relative_to_root
from factcheck.ci.results import CheckResult, Located, RuleInfo

SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://pypi.org/project/factcheck-newsroom/"
FINGERPRINT_KEY = "factcheckFingerprint/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}


def _descriptor(rule: RuleInfo) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.description or rule.summary},
        "help": {
            "text": rule.help or rule.description,
            "markdown": rule.help_markdown or rule.help,
        },
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "tags": list(rule.tags) or [rule.kind],
            "problem.severity": _PROBLEM_SEVERITY[rule.severity],
            "kind": rule.kind,
        },
    }
    if rule.link:
        out["helpUri"] = rule.link
    return out


def _location(f: Located, root_uri: str | None, rel: str) -> dict[str, Any]:
    if root_uri is not None:
        artifact = {"uri": quote(rel, safe="/"), "uriBaseId": "SRCROOT"}
    else:
        artifact = {"uri": PurePosixPath(rel).as_uri()}
    region: dict[str, Any] = {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
    }
    if f.match:
        region["snippet"] = {"text": f.match}
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def render(result: CheckResult) -> str:
    rules = list(result.rules)
    seen = {r.id for r in rules}
    for f in result.findings:  # a finding whose rule is not described still gets a descriptor
        if f.rule not in seen:
            seen.add(f.rule)
            rules.append(RuleInfo(f.rule, f.name or f.rule, f.severity, f.rule, f.rule, "check"))
    index = {r.id: i for i, r in enumerate(rules)}
    root_uri = result.root.resolve().as_uri().rstrip("/") + "/"
    results = []
    for f in result.findings:
        rel = relative_to_root(f.path, result.root.resolve())
        inside = not rel.startswith("/")
        item: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [_location(f, root_uri if inside else None, rel)],
            "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
        }
        if f.voice:
            item["properties"] = {"voice": f.voice}
        results.append(item)
    notifications = [{"level": "error", "message": {"text": e}} for e in result.errors]
    notifications += [{"level": "warning", "message": {"text": w}} for w in result.warnings]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "factcheck",
                "version": result.version,
                "semanticVersion": result.version,
                "informationUri": INFORMATION_URI,
                "rules": [_descriptor(r) for r in rules],
            }
        },
        "originalUriBaseIds": {"SRCROOT": {"uri": root_uri}},
        "invocations": [
            {
                "executionSuccessful": not result.errors,
                "toolExecutionNotifications": notifications,
            }
        ],
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {
            "failOn": result.fail_on,
            "acceptedByBaseline": result.accepted,
            "outsideChangedLines": result.outside_diff,
            "staleBaseline": [e.to_dict() for e in result.stale],
            "documents": [{"path": r.path, **r.figures()} for r in result.files],
        },
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
