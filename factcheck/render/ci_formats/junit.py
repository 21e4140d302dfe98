"""``--format junit``: JUnit XML, one test case per file and rule.

Each checked file is a test suite; each active rule is a test case in it, failed
when the file has findings of that rule at or above the fail level (listed in the
failure, one per line). Findings below the fail level are listed in the test
case's ``system-out`` and do not fail it, matching the exit code.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from factcheck.ci.results import CheckResult, Located
from factcheck.model import SEVERITY_ORDER
from factcheck.textutil.plural import counted


def _at_or_above(f: Located, fail_on: str) -> bool:
    return fail_on != "never" and SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[fail_on]


def render(result: CheckResult) -> str:
    rule_names = {r.id: r.name for r in result.rules}
    suites = ET.Element("testsuites", name="factcheck")
    total_tests = total_failures = 0
    for report in result.files:
        by_rule: dict[str, list[Located]] = defaultdict(list)
        for f in report.findings:
            by_rule[f.rule].append(f)
            rule_names.setdefault(f.rule, f.name)
        suite = ET.SubElement(suites, "testsuite", name=report.path)
        tests = failures = 0
        for rule_id in sorted(rule_names):
            tests += 1
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{rule_id} {rule_names[rule_id]}".strip(),
                classname=report.path,
                time="0",
            )
            found = by_rule.get(rule_id, [])
            failing = [f for f in found if _at_or_above(f, result.fail_on)]
            listing = "\n".join(
                f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}" for f in found
            )
            if failing:
                failures += 1
                worst = max(failing, key=lambda f: SEVERITY_ORDER[f.severity]).severity
                failure = ET.SubElement(
                    case,
                    "failure",
                    message=counted(len(failing), "finding"),
                    type=worst,
                )
                failure.text = listing
            elif found:
                ET.SubElement(case, "system-out").text = listing
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total_tests += tests
        total_failures += failures
    suites.set("tests", str(total_tests))
    suites.set("failures", str(total_failures))
    suites.set("errors", "0")
    ET.indent(suites)
    body = ET.tostring(suites, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
