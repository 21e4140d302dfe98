"""Inline suppressions: warn about ``factcheck-disable`` comments that name no rule.

Ingest parses ``<!-- factcheck-disable RULE... -->`` / ``-enable``,
``-disable-next-line`` and ``-disable-line`` into ``Document.suppressions`` and the
findings stage drops what they cover. What only a run with its rule set can tell is
whether each id is real: a typo (``LL03``) would silently suppress nothing, so it
becomes a finding of the built-in rule FC001 at the comment's line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator

from factcheck.ci.results import RuleInfo
from factcheck.model import Analysis, Finding, LineIndex, Suppression
from factcheck.ruleset import RuleSet

UNKNOWN_SUPPRESSION = RuleInfo(
    id="FC001",
    name="unknown-rule-in-suppression",
    severity="warning",
    summary="A factcheck-disable comment names a rule id that no rule has.",
    description=(
        "An inline suppression such as `<!-- factcheck-disable LL003 -->` names rules by id "
        "or id prefix. An id that matches no rule suppresses nothing, so a typo would leave "
        "the finding it meant to silence in place, or hide that the rule was renamed. Fix the "
        "id (see `factcheck rules list`) or remove the comment."
    ),
    kind="check",
    tags=("suppression",),
    source="factcheck",
)
BUILTIN_RULES: tuple[RuleInfo, ...] = (UNKNOWN_SUPPRESSION,)
_SPACE_RE = re.compile(r"\s+")


def is_known(selector: str, ids: Iterable[str]) -> bool:
    """True when ``selector`` is a rule id or the prefix of one."""
    return any(rule_id == selector or rule_id.startswith(selector) for rule_id in ids)


def unknown_ids(suppression: Suppression, ids: Iterable[str]) -> list[str]:
    """The ids a suppression names that match no rule (ingest may pre-mark some)."""
    known = list(ids)
    out = list(suppression.unknown)
    out.extend(r for r in suppression.rules if r not in out and not is_known(r, known))
    return out


def unknown_suppression_findings(
    analysis: Analysis, ruleset: RuleSet, severity: str = "warning"
) -> Iterator[Finding]:
    """One FC001 finding per suppression comment that names an unknown rule id."""
    doc = analysis.document
    if not doc.suppressions:
        return
    ids = [r.id for r in ruleset] + [r.id for r in BUILTIN_RULES]
    index = LineIndex(doc.text)
    for suppression in doc.suppressions:
        unknown = unknown_ids(suppression, ids)
        if not unknown:
            continue
        start, end = _comment_span(doc.text, index, suppression)
        names = []
        for rule_id in unknown:
            close = difflib.get_close_matches(rule_id.upper(), ids, n=1, cutoff=0.6)
            names.append(f"'{rule_id}'" + (f" (did you mean {close[0]}?)" if close else ""))
        noun = "id" if len(unknown) == 1 else "ids"
        yield Finding(
            rule=UNKNOWN_SUPPRESSION.id,
            name=UNKNOWN_SUPPRESSION.name,
            severity=severity,  # type: ignore[arg-type]
            message=(
                f"factcheck-disable comment names unknown rule {noun} {', '.join(names)}: "
                "it suppresses nothing for them"
            ),
            start=start,
            end=end,
            context=_SPACE_RE.sub(" ", doc.text[start:end]).strip().lower(),
        )


def _comment_span(text: str, index: LineIndex, suppression: Suppression) -> tuple[int, int]:
    """The comment's line (without its indentation), or the region start as a fallback."""
    if 1 <= suppression.line <= index.line_count:
        start = index.offset(suppression.line, 1)
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        line = text[start:end]
        marker = line.find("factcheck-")
        if marker != -1:
            open_at = line.rfind("<!--", 0, marker)
            close_at = line.find("-->", marker)
            lo = open_at if open_at != -1 else marker
            hi = close_at + 3 if close_at != -1 else len(line.rstrip())
            return start + lo, start + hi
        stripped = len(line) - len(line.lstrip())
        return start + stripped, max(start + stripped, start + len(line.rstrip()))
    return suppression.start, max(suppression.start, suppression.end)
