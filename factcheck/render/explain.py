"""``factcheck rules explain ID``: a rule file as readable text."""

from __future__ import annotations

from factcheck.ruleset import Rule


def explain_rule(rule: Rule) -> str:
    lines = [
        f"{rule.id} {rule.name} ({rule.kind}, {rule.severity})",
        "",
        rule.summary,
        "",
        rule.description,
        "",
    ]
    entries = rule.body.get("entries")
    if rule.kind == "lexicon" and entries:
        lines.append(f"Terms ({len(entries)}), with neutral alternatives:")
        for entry in entries:
            lines.append(f"  - {entry['term']}  ->  {entry['suggestion']}")
        lines.append("")
    elif entries:
        lines.append(f"Entries: {len(entries)}")
        lines.append("")
    if rule.kind == "check":
        lines.append(f"Message: {rule.body['message']}")
        lines.append("")
    lines.append("Flags:")
    lines.extend(f"  + {ex}" for ex in rule.examples.flag)
    lines.append("Passes:")
    lines.extend(f"  - {ex}" for ex in rule.examples.pass_)
    lines.append("")
    lines.append(f"Source: {rule.source}")
    if rule.link:
        lines.append(f"Link: {rule.link}")
    lines.append(f"File: {rule.path}")
    return "\n".join(lines)
