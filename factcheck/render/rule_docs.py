"""``factcheck rules docs``: the rule reference (docs/rules.md), generated from the rule files.

The rule files are the source of truth; a hand-written reference would drift from
them within a day. This module renders the loaded rule set as Markdown: a table of
contents by area, then every rule's header, description, body (lexicon terms, cues,
roles, sides, quantities, boilerplate patterns, check message and parameters) and
examples. The output depends only on the rules (sorted by area and id; no dates,
no absolute paths), so ``tests/test_docs.py`` can regenerate it and compare.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from factcheck.ruleset import MARKER_RE, Rule

COMMAND = "factcheck rules docs -o docs/rules.md"
MAX_LISTED = 8  # context words shown per condition before "and N more"

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#+=-]|\d+[.)])(?=\s|$|-|=)")


# Markdown helpers ---------------------------------------------------------------------


def escape(text: str) -> str:
    """Plain text as inline Markdown: no emphasis, links, HTML or table breaks."""
    text = _MD_SPECIAL.sub(r"\\\1", str(text).replace("&", "&amp;"))
    text = _LINE_START.sub(_escape_line_start, text)
    return text.replace("\r\n", "\n").replace("\n", "<br>")


def _escape_line_start(m: re.Match[str]) -> str:
    """``# x``, ``- x``, ``1. x`` would start a heading or a list: escape their marker."""
    marker = m.group(2)
    return m.group(1) + marker[:-1] + "\\" + marker[-1]


def code(text: Any, *, cell: bool = True) -> str:
    """An inline code span that survives backticks (and, in a table ``cell``, pipes)."""
    raw = " ".join(str(text).split())
    if cell:
        raw = raw.replace("|", "\\|")
    ticks = "`" * (max((len(t) for t in re.findall(r"`+", raw)), default=0) + 1)
    pad = " " if raw.startswith("`") or raw.endswith("`") else ""
    return f"{ticks}{pad}{raw}{pad}{ticks}"


def example(text: str) -> str:
    """An example with its ``[[...]]`` spans in bold (HTML, immune to flanking rules)."""
    out: list[str] = []
    pos = 0
    for m in MARKER_RE.finditer(text):
        out.append(escape(text[pos : m.start()]))
        out.append(f"<b>{escape(m.group(1))}</b>")
        pos = m.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A Markdown table; a column empty in every row is left out."""
    body = [list(row) for row in rows]
    keep = [i for i in range(len(header)) if i == 0 or any(row[i] for row in body)]
    lines = ["| " + " | ".join(header[i] for i in keep) + " |", "|" + "---|" * len(keep)]
    lines += ["| " + " | ".join(row[i] or " " for i in keep) + " |" for row in body]
    return [*lines, ""]


def words(items: Iterable[Any], limit: int | None = None) -> str:
    """A comma list of escaped items, cut at ``limit`` with a count of the rest."""
    values = [str(i) for i in items]
    shown = values if limit is None else values[:limit]
    text = ", ".join(escape(v) for v in shown)
    rest = len(values) - len(shown)
    return f"{text} and {rest} more" if rest > 0 else text


def _sort_key(term: Any) -> tuple[str, str]:
    """Alphabetical by the words, so a brace alternative sorts under its first word."""
    return (re.sub(r"[{}]", "", str(term)).casefold(), str(term))


def anchor(rule: Rule) -> str:
    """GitHub's anchor for the rule's heading ``ID name``."""
    return f"{rule.id.lower()}-{rule.name}"


def area_of(rule: Rule) -> str:
    return rule.path.parent.name


# Rule bodies --------------------------------------------------------------------------


def _conditions(entry: Mapping[str, Any]) -> str:
    parts = []
    for key, label in (
        ("requires_near", "only near"),
        ("unless_near", "not near"),
        ("requires_preceded_by", "only after"),
        ("unless_preceded_by", "not after"),
        ("requires_followed_by", "only before"),
        ("unless_followed_by", "not before"),
    ):
        if entry.get(key):
            parts.append(f"{label} {words(entry[key], MAX_LISTED)}")
    if entry.get("case_sensitive"):
        parts.append("case-sensitive")
    return "; ".join(parts)


def _lexicon(body: Mapping[str, Any]) -> list[str]:
    entries = sorted(body["entries"], key=lambda e: _sort_key(e["term"]))
    rows = []
    for e in entries:
        term = code(e["term"])
        if e.get("inflect", "none") != "none":
            term += f" ({e['inflect']})"
        if e.get("forms"):
            term += f"; also {', '.join(code(f) for f in e['forms'])}"
        if e.get("severity"):
            term += f"; severity {e['severity']}"
        rows.append([term, escape(e["suggestion"]), escape(e.get("why", "")), _conditions(e)])
    return [
        f"Category {code(body['category'], cell=False)}. **Terms ({len(entries)})**:",
        "",
        *table(["Term", "Neutral alternative", "Why", "Only when"], rows),
    ]


def _cues(body: Mapping[str, Any]) -> list[str]:
    rows = []
    for e in sorted(body["entries"], key=lambda e: _sort_key(e["cue"])):
        cue = code(e["cue"])
        if e.get("forms"):
            cue += f"; also {', '.join(code(f) for f in e['forms'])}"
        notes = []
        if e.get("frame", "verb") != "verb":
            notes.append(f"frame {e['frame']}")
        if e.get("object"):
            notes.append(f"object is the {e['object']}")
        if e.get("needs"):
            notes.append(f"only before {', '.join(e['needs'])}")
        if e.get("subjects"):
            notes.append(f"only with subject {words(e['subjects'], MAX_LISTED)}")
        for key, label in (
            ("unless_followed_by", "not before"),
            ("unless_preceded_by", "not after"),
        ):
            if e.get(key):
                notes.append(f"{label} {words(e[key], MAX_LISTED)}")
        neutral = e.get("neutral", body["neutral"])
        rows.append(
            [
                cue,
                e.get("type", body["type"]),
                "yes" if neutral else "no",
                escape(e.get("suggestion", "")),
                "; ".join(notes),
            ]
        )
    neutral = "neutral" if body["neutral"] else "not neutral"
    return [
        f"Type {code(body['type'], cell=False)}, {neutral} unless an entry says otherwise. "
        f"**Cues ({len(rows)})**:",
        "",
        *table(["Cue", "Type", "Neutral", "Neutral alternative", "Notes"], rows),
    ]


def _roles(body: Mapping[str, Any]) -> list[str]:
    items = []
    for e in sorted(body["entries"], key=lambda e: _sort_key(e["role"])):
        extra = [escape(f) for f in e.get("forms", ())]
        if e.get("gender"):
            extra.append(e["gender"])
        if e.get("generic"):
            extra.append("generic")
        if e.get("plural_only"):
            extra.append("plural only")
        items.append(escape(e["role"]) + (f" ({', '.join(extra)})" if extra else ""))
    return [
        f"Type {code(body['type'], cell=False)}. **Roles ({len(items)})**: "
        + "; ".join(items)
        + ".",
        "",
    ]


def _sides(body: Mapping[str, Any]) -> list[str]:
    rows = []
    for e in sorted(body["entries"], key=lambda e: _sort_key(e["name"])):
        name = escape(e["name"]) + (f" (in {escape(e['within'])})" if e.get("within") else "")
        rows.append(
            [
                name,
                e["kind"],
                words(e["aliases"]),
                words(e.get("demonyms", ())),
                words(e.get("labels", ())),
            ]
        )
    return [
        f"**Sides ({len(rows)})**:",
        "",
        *table(["Side", "Kind", "Names (aliases)", "Demonyms", "Labels"], rows),
    ]


def _quantity_forms(e: Mapping[str, Any]) -> str:
    parts = []
    for key, label in (
        ("forms", ""),
        ("before", "before: "),
        ("after", "after: "),
        ("minor", "minor: "),
        ("attached", "attached: "),
    ):
        if e.get(key):
            parts.append(label + ", ".join(code(f) for f in e[key]))
    if e.get("scaled"):
        parts.append("scaled: " + ", ".join(f"{code(k)} ×{v:g}" for k, v in e["scaled"].items()))
    return "; ".join(parts)


def _quantity_meaning(e: Mapping[str, Any]) -> str:
    parts = [f"{key} {e[key]:g}" for key in ("value", "low", "high") if key in e]
    for key in ("unit", "dimension", "normal", "bound"):
        if e.get(key):
            parts.append(f"{key} {escape(e[key])}")
    if e.get("not_for"):
        parts.append(f"not for {', '.join(e['not_for'])}")
    for key in ("needs_unit", "needs_of", "case_sensitive"):
        if e.get(key):
            parts.append(key.replace("_", " "))
    return "; ".join(parts)


def _quantities(body: Mapping[str, Any]) -> list[str]:
    rows = [
        [
            escape(e.get("role", "")),
            _quantity_forms(e),
            _quantity_meaning(e),
            escape(e.get("why", "")),
        ]
        for e in body["entries"]
    ]
    decides = (
        f", decides the claim kind {code(body['decides'], cell=False)}"
        if body.get("decides")
        else ""
    )
    lines = [
        f"Vocabulary {code(body['vocabulary'], cell=False)}{decides}. **Entries ({len(rows)})**, "
        "in file order:",
        "",
        *table(["Role", "Forms", "Meaning", "Why"], rows),
    ]
    excludes = body.get("exclude", ())
    if excludes:
        lines += [f"**Not claims ({len(excludes)})**:", ""]
        lines += table(
            ["Pattern", "Why"], [[code(x["pattern"]), escape(x["why"])] for x in excludes]
        )
    return lines


def _boilerplate(body: Mapping[str, Any]) -> list[str]:
    rows = []
    for p in body["patterns"]:
        scope = p.get("scope", "line")
        if scope == "line-end" and p.get("start", "word") != "word":
            scope += f", starts at {p['start']}"
        if scope == "block":
            scope += f", up to {p.get('max_lines', 10)} lines"
        if p.get("case_sensitive"):
            scope += ", case-sensitive"
        pattern = code(p["pattern"]) + (f" after {code(p['before'])}" if p.get("before") else "")
        rows.append([escape(p["reason"]), scope, pattern])
    return [
        f"**Patterns ({len(rows)})**, in file order:",
        "",
        *table(["Reason", "Scope", "Pattern"], rows),
    ]


def _param(value: Any) -> str:
    if isinstance(value, Mapping):
        return "; ".join(f"{escape(k)}: {_param(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(_param(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return escape(value)


def _check(body: Mapping[str, Any]) -> list[str]:
    check, message = code(body["check"], cell=False), code(body["message"], cell=False)
    lines = [f"Built-in check {check}. Message: {message}", ""]
    params = body.get("params") or {}
    if params:
        lines += table(["Parameter", "Value"], [[code(k), _param(v)] for k, v in params.items()])
    return lines


_BODIES: dict[str, Callable[[Mapping[str, Any]], list[str]]] = {
    "lexicon": _lexicon,
    "cues": _cues,
    "roles": _roles,
    "sides": _sides,
    "quantities": _quantities,
    "boilerplate": _boilerplate,
    "check": _check,
}


# The document -------------------------------------------------------------------------


def _file_cell(rule: Rule, bundled: Path | None) -> str:
    if bundled is not None:
        try:
            rel = rule.path.resolve().relative_to(bundled.resolve()).as_posix()
        except ValueError:
            pass
        else:
            return f"[rules/{rel}](../rules/{rel})"
    return code(f"{area_of(rule)}/{rule.path.name}")


def _examples(rule: Rule) -> list[str]:
    lines: list[str] = []
    for label, texts in (
        ("Flags (the marked spans)", rule.examples.flag),
        ("Passes", rule.examples.pass_),
        ("Known misses (todo_flag)", rule.examples.todo_flag),
        ("Known false alarms (todo_pass)", rule.examples.todo_pass),
    ):
        if texts:
            lines += [f"**{label}**:", ""]
            lines += [f"- {example(t)}" for t in texts]
            lines.append("")
    return lines


def render_rule(rule: Rule, bundled: Path | None = None) -> list[str]:
    """One rule's section."""
    facts = [
        ["Kind", code(rule.kind)],
        ["Severity", rule.severity + ("" if rule.enabled else " (off by default)")],
        ["File", _file_cell(rule, bundled)],
        ["Source", escape(rule.source)],
    ]
    if rule.link:
        facts.append(["Link", f"<{rule.link}>"])
    return [
        f"### {rule.id} {rule.name}",
        "",
        escape(rule.summary),
        "",
        *table(["", ""], facts),
        rule.description.strip(),
        "",
        *_BODIES[rule.kind](rule.body),
        *_examples(rule),
    ]


def render_rule_docs(rules: Iterable[Rule], *, bundled: Path | None = None) -> str:
    """docs/rules.md for ``rules``: contents by area, then every rule, sorted by area and id.

    ``bundled`` is the bundled rule directory: its files are linked as ``../rules/...``.
    """
    by_area: dict[str, list[Rule]] = defaultdict(list)
    for rule in rules:
        by_area[area_of(rule)].append(rule)
    areas = sorted(by_area)
    for area in areas:
        by_area[area].sort(key=lambda r: r.id)
    all_rules = [r for a in areas for r in by_area[a]]
    kinds = Counter(r.kind for r in all_rules)
    lines = [
        "# Rule reference",
        "",
        f"<!-- Generated from the rule files by `{COMMAND}`. Do not edit by hand. -->",
        "",
        f"Every rule factcheck ships with: {len(all_rules)} rules "
        f"({', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}). "
        "This page is generated from the rule files; to change a rule, edit its file "
        "(see [rules/README.md](../rules/README.md)) and run "
        f"`{COMMAND}`.",
        "",
        "## Contents",
        "",
    ]
    for area in areas:
        lines.append(f"- [{area}](#{area})")
        lines += [
            f"  - [{r.id} {r.name}](#{anchor(r)}) ({r.kind}): {escape(r.summary)}"
            for r in by_area[area]
        ]
    lines.append("")
    for area in areas:
        lines += [f"## {area}", ""]
        for rule in by_area[area]:
            lines += render_rule(rule, bundled)
    return "\n".join(lines).rstrip("\n") + "\n"
